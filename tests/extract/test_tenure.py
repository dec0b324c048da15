"""kg.extract.tenure: the start or end of a post a sentence states (since / until / change), scoped to
the post the phrase governs; only props are added. Sentences written for these tests."""

from __future__ import annotations

from kg.extract import extract
from kg.model import DocumentInfo

DATED = "Tin nhân sự tỉnh Nghệ An\nNgày 4/3/2024\n\n"


def posts(body: str, head: str = DATED) -> dict[tuple[str, str], dict]:
    """(person, role) -> the post's props."""
    x = extract(head + body + "\n", DocumentInfo(id="t.txt"))
    names = {e.id: e.name for e in x.entities}
    return {(names[r.source], str(r.props.get("role"))): r.props for r in x.relations if r.type == "HOLDS_POSITION"}


def test_an_appointment_from_a_stated_day_starts_the_post_taken_not_the_post_held() -> None:
    got = posts("Ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Nghệ An, được bổ nhiệm giữ chức Chủ tịch UBND "
                "tỉnh Nghệ An từ ngày 1/3/2024.")
    assert (got[("Nguyễn Văn An", "Chủ tịch")]["since"], got[("Nguyễn Văn An", "Chủ tịch")]["change"]) == (
        "2024-03-01", "appointed")
    deputy = got[("Nguyễn Văn An", "Phó Chủ tịch")]
    assert "since" not in deputy and "until" not in deputy and "change" not in deputy


def test_an_election_with_no_date_written_takes_the_reports_date() -> None:
    got = posts("Ông Hoàng Văn Em được bầu giữ chức Chủ tịch HĐND tỉnh Nghệ An.")
    assert got[("Hoàng Văn Em", "Chủ tịch")].items() >= {"since": "2024-03-04", "change": "elected"}.items()


def test_leaving_a_post_ends_it_and_keeps_it_the_persons() -> None:
    got = posts("Ông Trần Văn Bình thôi giữ chức Giám đốc Sở Tài chính tỉnh Nghệ An để nhận nhiệm vụ mới.")
    assert got[("Trần Văn Bình", "Giám đốc")]["until"] == "2024-03-04"
    assert got[("Trần Văn Bình", "Giám đốc")]["change"] == "relieved"
    assert set(got) == {("Trần Văn Bình", "Giám đốc")}  # the post stays the person's, as the extractor read it
    assert got[("Trần Văn Bình", "Giám đốc")]["former"] is True


def test_a_transfer_ends_the_post_named_with_the_person_and_starts_the_new_one() -> None:
    got = posts("Thủ tướng quyết định điều động ông Lê Văn Cường, Phó Chủ tịch UBND tỉnh Hà Tĩnh, giữ chức "
                "Bí thư Tỉnh ủy Quảng Bình.")
    assert got[("Lê Văn Cường", "Phó Chủ tịch")].items() >= {"until": "2024-03-04", "change": "transferred"}.items()
    assert got[("Lê Văn Cường", "Bí thư")].items() >= {"since": "2024-03-04", "change": "transferred"}.items()


def test_a_transfer_does_not_end_a_membership() -> None:
    got = posts("Bộ Chính trị điều động ông Đặng Văn Hùng, Ủy viên Trung ương Đảng, Phó Chủ tịch UBND tỉnh "
                "Hà Tĩnh, giữ chức Bí thư Tỉnh ủy Quảng Bình.")
    assert "until" not in got[("Đặng Văn Hùng", "Ủy viên")]
    assert got[("Đặng Văn Hùng", "Phó Chủ tịch")]["until"] == "2024-03-04"


def test_retirement_of_the_subject_with_a_day_and_month_takes_the_reports_year() -> None:
    got = posts("Bà Phạm Thị Dung, Giám đốc Sở Y tế tỉnh Nghệ An, nghỉ hưu từ ngày 1/4.")
    assert got[("Phạm Thị Dung", "Giám đốc")].items() >= {"until": "2024-04-01", "change": "retired"}.items()


def test_the_actor_of_an_appointment_keeps_its_own_post() -> None:
    got = posts("Chủ tịch UBND tỉnh Nghệ An Lê Văn Hải bổ nhiệm ông Bùi Văn Khoa giữ chức Giám đốc Sở Y tế "
                "tỉnh Nghệ An.")
    assert "change" not in got[("Lê Văn Hải", "Chủ tịch")]
    assert got[("Bùi Văn Khoa", "Giám đốc")]["change"] == "appointed"


def test_a_dismissal_of_a_post_named_before_the_person() -> None:
    got = posts("Bộ Chính trị quyết định cách chức Bí thư Tỉnh ủy Nghệ An đối với ông Võ Văn Giang.")
    assert got[("Võ Văn Giang", "Bí thư")].items() >= {"until": "2024-03-04", "change": "dismissed"}.items()


def test_a_proposed_election_is_no_change_and_a_done_one_is() -> None:
    got = posts("Hội nghị giới thiệu ông Đỗ Văn Long, Phó Bí thư Tỉnh ủy Nghệ An, để bầu giữ chức Chủ tịch "
                "HĐND tỉnh Nghệ An. Ông Mai Văn Nam được bầu giữ chức Chủ tịch HĐND tỉnh Hà Tĩnh.")
    assert [who for (who, _), props in got.items() if "change" in props] == ["Mai Văn Nam"]


def test_a_past_step_of_a_career_takes_its_own_date_and_no_report_date() -> None:
    got = posts("Tháng 6/2015, ông Ngô Văn Tâm được bầu làm Bí thư Huyện ủy Nam Đàn; ông từng được bổ nhiệm "
                "làm Giám đốc Sở Nội vụ tỉnh Nghệ An.")
    assert got[("Ngô Văn Tâm", "Bí thư")]["since"] == "2015-06"
    assert "change" not in got.get(("Ngô Văn Tâm", "Giám đốc"), {})


def test_holding_a_post_from_a_stated_day_is_a_start_and_without_one_is_not() -> None:
    got = posts("Ông Phan Văn Tùng giữ chức Giám đốc Sở Nội vụ tỉnh Nghệ An kể từ ngày 15/2/2024. "
                "Ông Lý Văn Quân giữ chức Giám đốc Sở Xây dựng tỉnh Nghệ An.")
    assert got[("Phan Văn Tùng", "Giám đốc")].items() >= {"since": "2024-02-15", "change": "took_office"}.items()
    assert "change" not in got[("Lý Văn Quân", "Giám đốc")]
