"""kg.timeline: posts as intervals, from small stores of hand-written dated reports ingested with
the real pipeline (extraction, resolution, merging), as an analyst's store is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import DateError
from kg.ingest import ingest
from kg.store import Store
from kg.timeline import Post, as_of, held_on, is_single_holder, posts, posts_as_of, timelines
from tests.store.sample import small_report

# each report: a title line, a date line (as the demo report has), then the text
REPORTS = {
    # a minister in two dated reports, then "nguyên Bộ trưởng" in a third
    "btc-2023.txt": ("Bộ Tài chính họp về ngân sách", "Ngày 12/3/2023",
                     "Sáng 12/3, tại Hà Nội, Bộ trưởng Bộ Tài chính Hồ Đức Phớc chủ trì hội nghị về ngân sách."),
    "btc-2024.txt": ("Bộ Tài chính làm việc với tỉnh Nghệ An", "Ngày 5/9/2024",
                     "Chiều 5/9, Bộ trưởng Bộ Tài chính Hồ Đức Phớc làm việc với Ủy ban nhân dân tỉnh Nghệ An."),
    "btc-2025.txt": ("Hội thảo về tài chính công", "Ngày 20/6/2025",
                     "Sáng 20/6, tại Hà Nội, nguyên Bộ trưởng Bộ Tài chính Hồ Đức Phớc dự hội thảo về tài chính công."),
    # a provincial chairman, then a successor named in the same post
    "na-2022.txt": ("UBND tỉnh Nghệ An họp phiên thường kỳ", "Ngày 4/5/2022",
                    "Sáng 4/5, Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung chủ trì phiên họp thường kỳ."),
    "na-2024.txt": ("UBND tỉnh Nghệ An họp về đầu tư công", "Ngày 8/10/2024",
                    "Sáng 8/10, Chủ tịch UBND tỉnh Nghệ An Lê Hồng Vinh chủ trì cuộc họp về đầu tư công."),
    # two holders of a post that has many at once
    "cp-2023.txt": ("Hội nghị về chuyển đổi số", "Ngày 10/2/2023",
                    "Sáng 10/2, Phó Thủ tướng Chính phủ Trần Hồng Hà chủ trì hội nghị về chuyển đổi số."),
    "cp-2024.txt": ("Hội nghị về cải cách tư pháp", "Ngày 15/11/2024",
                    "Sáng 15/11, Phó Thủ tướng Chính phủ Lê Thành Long chủ trì hội nghị về cải cách tư pháp."),
    # a dated report and an undated one about the same post, and an undated "nguyên" report
    "byt-2021.txt": ("Bộ Y tế họp về tiêm chủng", "Ngày 2/3/2021",
                     "Sáng 2/3, Bộ trưởng Bộ Y tế Nguyễn Thanh Long chủ trì cuộc họp về tiêm chủng."),
    "byt-undated.txt": ("Bộ Y tế làm việc với bệnh viện", "",
                        "Bộ trưởng Bộ Y tế Nguyễn Thanh Long làm việc với Bệnh viện Bạch Mai."),
    "byt-undated-former.txt": ("Hội thảo y tế", "",
                               "Tại hội thảo, nguyên Bộ trưởng Bộ Y tế Nguyễn Thanh Long phát biểu."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("reports")
    for name, (title, date, text) in REPORTS.items():
        (folder / name).write_text(f"{title}\n{date}\n\n{text}\n" if date else f"{title}\n\n{text}\n", encoding="utf-8")
    db = Store.open(tmp_path_factory.mktemp("store") / "kg-data")
    summary = ingest([folder], db, jobs=1)
    assert summary.new == len(REPORTS)
    yield db
    db.close()


def only(store: Store, person: str, role: str) -> Post:
    found = [p for p in posts(store, person) if p.role == role]
    assert len(found) == 1, found
    return found[0]


def test_a_minister_reported_former_later_has_an_interval_closed_by_former(store: Store) -> None:
    post = only(store, "Hồ Đức Phớc", "Bộ trưởng")
    assert (post.body, post.earliest, post.latest) == ("Bộ Tài chính", "2023-03-12", "2024-09-05")
    assert (post.start, post.start_basis) == ("2023-03-12", "reports")  # no stated date: the earliest report
    assert (post.end, post.end_basis) == ("2025-06-20", "former")
    assert post.end_evidence is not None and post.end_evidence.doc == "btc-2025.txt"
    assert "nguyên Bộ trưởng Bộ Tài chính Hồ Đức Phớc" in post.end_evidence.sentence
    assert post.start_evidence is not None and post.start_evidence.doc == "btc-2023.txt"
    assert [s.doc for s in post.evidence] == ["btc-2023.txt", "btc-2024.txt", "btc-2025.txt"]


def test_a_successor_in_a_single_holder_post_closes_the_predecessor(store: Store) -> None:
    trung = only(store, "Nguyễn Đức Trung", "Chủ tịch")
    assert (trung.earliest, trung.latest, trung.end, trung.end_basis) == ("2022-05-04", "2022-05-04", "2024-10-08",
                                                                          "successor")
    assert trung.end_evidence is not None and trung.end_evidence.doc == "na-2024.txt"
    assert "Lê Hồng Vinh" in trung.end_evidence.sentence
    assert "na-2024.txt" in [s.doc for s in trung.evidence]  # the bound's report is in the evidence
    vinh = only(store, "Lê Hồng Vinh", "Chủ tịch")
    assert (vinh.start, vinh.end, vinh.end_basis) == ("2024-10-08", None, None)


def test_the_body_lists_its_holders_in_date_order(store: Store) -> None:
    (body,) = [t for t in timelines(store, "Ủy ban nhân dân tỉnh Nghệ An") if t.type == "Organization"]
    assert [(p.person, p.role, p.end_basis) for p in body.posts] == [
        ("Nguyễn Đức Trung", "Chủ tịch", "successor"), ("Lê Hồng Vinh", "Chủ tịch", None)]


def test_another_holder_of_a_many_holder_post_does_not_close_it(store: Store) -> None:
    ha = only(store, "Trần Hồng Hà", "Phó Thủ tướng")
    assert (ha.start, ha.end, ha.end_basis) == ("2023-02-10", None, None)
    assert only(store, "Lê Thành Long", "Phó Thủ tướng").end is None


def test_an_undated_report_adds_evidence_but_no_bound(store: Store) -> None:
    post = only(store, "Nguyễn Thanh Long", "Bộ trưởng")
    assert (post.earliest, post.latest, post.start) == ("2021-03-02", "2021-03-02", "2021-03-02")
    assert (post.end, post.end_basis) == (None, None)  # the undated "nguyên" cannot say when it ended
    assert [(s.doc, s.date) for s in post.evidence] == [
        ("byt-2021.txt", "2021-03-02"), ("byt-undated-former.txt", None), ("byt-undated.txt", None)]


def test_the_json_of_a_post_has_exactly_the_issues_keys(store: Store) -> None:
    data = only(store, "Hồ Đức Phớc", "Bộ trưởng").to_dict()
    assert list(data) == ["person", "role", "body", "earliest", "latest", "start", "end", "start_basis",
                          "end_basis", "evidence"]
    assert data["person"] == "Hồ Đức Phớc" and data["end"] == "2025-06-20"
    assert all(list(ev) == ["doc", "date", "sentence"] for ev in data["evidence"])


def test_a_person_timeline_names_the_body_that_anchors_it(store: Store) -> None:
    (line,) = timelines(store, "Hồ Đức Phớc")
    assert (line.type, line.anchor) == ("Person", "Bộ Tài chính") and line.id.startswith("person:")
    assert timelines(store, line.id)[0].posts == line.posts  # by id too
    assert timelines(store, "Không Có Ai") == []


def test_namesakes_are_listed_each_with_its_anchor(tmp_path: Path) -> None:
    with Store.open(tmp_path / "kg") as db:
        db.put(small_report("a.txt", [("Nguyễn Văn An", "Giám đốc", "Sở Y tế tỉnh Nghệ An")], "2020-01-05"))
        db.put(small_report("b.txt", [("Nguyễn Văn An", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Cà Mau")], "2021-02-06"))
        found = timelines(db, "Nguyễn Văn An")
    assert sorted(t.anchor for t in found) == ["Sở Y tế tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Cà Mau"]
    assert len({t.id for t in found}) == 2 and all(len(t.posts) == 1 for t in found)


def test_a_stated_start_wins_over_the_report_dates(tmp_path: Path) -> None:
    report = small_report("a.txt", [("Đào Hồng Lan", "Bộ trưởng", "Bộ Y tế")], "2022-09-01")
    report.relations[0].props["since"] = "2021-07-28"  # "được bổ nhiệm … từ ngày 28/7/2021"
    with Store.open(tmp_path / "kg") as db:
        db.put(report)
        post = only(db, "Đào Hồng Lan", "Bộ trưởng")
    assert (post.start, post.start_basis, post.earliest) == ("2021-07-28", "stated", "2022-09-01")


@pytest.mark.parametrize(("role", "body", "single"), [
    ("Bộ trưởng", "Bộ Tài chính", True),
    ("Chủ tịch", "UBND tỉnh Nghệ An", True),  # abbreviations expanded
    ("Bí thư", "Tỉnh ủy Nghệ An", True),
    ("Giám đốc", "Sở Tài chính tỉnh Nghệ An", True),
    ("Thủ tướng", "Chính phủ", True),
    ("Phó Thủ tướng", "Chính phủ", False),
    ("Phó Bí thư", "Tỉnh ủy Nghệ An", False),
    ("Thứ trưởng", "Bộ Tài chính", False),
    ("Ủy viên", "Ban Chấp hành Trung ương", False),
])
def test_single_holder_posts_come_from_the_ontology_list(role: str, body: str, single: bool) -> None:
    assert is_single_holder(role, body) is single


def test_judgements_apply_a_merged_person_joins_and_a_rejected_post_goes(tmp_path: Path) -> None:
    from kg import judge

    with Store.open(tmp_path / "kg") as db:
        db.put(small_report("a.txt", [("Lê Văn Bình", "Giám đốc", "Sở Y tế tỉnh Nghệ An")], "2020-01-05"))
        db.put(small_report("b.txt", [("Lê Văn Bình", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Cà Mau")], "2021-02-06"))
        first, second = (t.id for t in timelines(db, "Lê Văn Bình"))
        judge.merge(db, first, second, author="t")
        (line,) = timelines(db, "Lê Văn Bình")
        assert [p.role for p in line.posts] == ["Giám đốc", "Phó Chủ tịch"]  # date order, one person
        rel = next(r for r in db.relations_of(line.id) if r.props.get("role") == "Giám đốc")
        judge.reject(db, rel.id, author="t")
        assert [p.role for p in posts(db, line.id)] == ["Phó Chủ tịch"]


def test_a_report_of_a_departure_after_its_date_ends_the_post_and_does_not_show_it_held(tmp_path: Path) -> None:
    before = small_report("a.txt", [("Lê Văn Bình", "Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An")], "2024-01-05")
    after = small_report("b.txt", [("Lê Văn Bình", "Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An")], "2025-05-02")
    after.relations[0].props.update(until="2025-04", change="transferred")  # "… được điều động từ tháng 4/2025"
    with Store.open(tmp_path / "kg") as db:
        db.put(before)
        db.put(after)
        post = only(db, "Lê Văn Bình", "Chủ tịch")
    assert (post.latest, post.end, post.end_basis) == ("2024-01-05", "2025-04", "stated")


@pytest.mark.parametrize(("date", "held"), [
    ("2022", {("Nguyễn Đức Trung", "Chủ tịch"), ("Nguyễn Thanh Long", "Bộ trưởng")}),
    # the successor's report ends the predecessor on its day (inclusive) and starts the successor
    ("2024-10-08", {("Nguyễn Đức Trung", "Chủ tịch"), ("Lê Hồng Vinh", "Chủ tịch"), ("Hồ Đức Phớc", "Bộ trưởng"),
                    ("Trần Hồng Hà", "Phó Thủ tướng"), ("Nguyễn Thanh Long", "Bộ trưởng")}),
    ("2025-06-21", {("Lê Hồng Vinh", "Chủ tịch"), ("Trần Hồng Hà", "Phó Thủ tướng"),
                    ("Lê Thành Long", "Phó Thủ tướng"), ("Nguyễn Thanh Long", "Bộ trưởng")}),
    ("2020", set()),
])
def test_posts_as_of_a_date_are_those_whose_interval_overlaps_it(store: Store, date: str, held: set) -> None:
    assert {(p.person, p.role) for p in posts_as_of(store, date)} == held


def test_as_of_filters_a_timeline_and_refuses_a_bad_date(store: Store) -> None:
    (line,) = as_of(timelines(store, "Ủy ban nhân dân tỉnh Nghệ An"), "2023")
    assert [p.person for p in line.posts] == ["Nguyễn Đức Trung"]
    post = line.posts[0]
    assert held_on(post, "2022-05-04") and held_on(post, "2024-10") and not held_on(post, "2022-05-03")
    for bad in ("2024-13", "4/5/2022", ""):
        with pytest.raises(DateError):
            as_of([line], bad)
        with pytest.raises(DateError):
            posts_as_of(store, bad)
