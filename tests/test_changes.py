"""kg.changes and the stated bounds in kg.timeline, from a small store of hand-written dated reports
ingested with the real pipeline (extraction, resolution, merging)."""

from __future__ import annotations

import datetime

import pytest

from kg.changes import Change, changes, interval, window
from kg.errors import DateError
from kg.ingest import ingest
from kg.store import Store
from kg.timeline import posts

REPORTS = {
    "a-2023.txt": ("Sở Tài chính Nghệ An họp", "Ngày 10/5/2023",
                   "Sáng 10/5, Giám đốc Sở Tài chính tỉnh Nghệ An Trần Văn Bình báo cáo về ngân sách."),
    "b-2024.txt": ("Nhân sự tỉnh Nghệ An", "Ngày 4/3/2024",
                   "Ông Trần Văn Bình thôi giữ chức Giám đốc Sở Tài chính tỉnh Nghệ An để nhận nhiệm vụ mới. "
                   "Ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Nghệ An, được bổ nhiệm giữ chức Chủ tịch UBND tỉnh "
                   "Nghệ An từ ngày 1/3/2024."),
    "c-2024.txt": ("Nghỉ hưu", "Ngày 15/3/2024",
                   "Bà Phạm Thị Dung, Giám đốc Sở Y tế tỉnh Nghệ An, nghỉ hưu từ ngày 1/4."),
    # a successor in the same single-holder post and a "nguyên" report, both after the stated end
    "d-2024.txt": ("Hội nghị tài chính", "Ngày 20/6/2024",
                   "Sáng 20/6, Giám đốc Sở Tài chính tỉnh Nghệ An Lê Thị Hoa chủ trì hội nghị. Dự hội nghị có "
                   "nguyên Giám đốc Sở Tài chính tỉnh Nghệ An Trần Văn Bình."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("reports")
    for name, (title, date, text) in REPORTS.items():
        (folder / name).write_text(f"{title}\n{date}\n\n{text}\n", encoding="utf-8")
    db = Store.open(tmp_path_factory.mktemp("store") / "kg-data")
    assert ingest([folder], db, jobs=1).new == len(REPORTS)
    yield db
    db.close()


def only(store: Store, person: str, role: str):
    found = [p for p in posts(store, person) if p.role == role]
    assert len(found) == 1, found
    return found[0]


def test_a_stated_end_closes_the_post_before_a_successor_or_a_former_report(store: Store) -> None:
    post = only(store, "Trần Văn Bình", "Giám đốc")
    assert (post.start, post.start_basis) == ("2023-05-10", "reports")
    assert (post.end, post.end_basis) == ("2024-03-04", "stated")
    assert post.end_evidence is not None and post.end_evidence.doc == "b-2024.txt"
    assert "thôi giữ chức Giám đốc" in post.end_evidence.sentence  # the sentence that states it


def test_a_stated_start_with_its_own_day(store: Store) -> None:
    post = only(store, "Nguyễn Văn An", "Chủ tịch")
    assert (post.start, post.start_basis, post.earliest) == ("2024-03-01", "stated", "2024-03-04")
    assert post.start_evidence is not None and "từ ngày 1/3/2024" in post.start_evidence.sentence


def test_an_end_stated_after_the_report_is_the_posts_end(store: Store) -> None:
    post = only(store, "Phạm Thị Dung", "Giám đốc")
    assert (post.latest, post.end, post.end_basis) == ("2024-03-15", "2024-04-01", "stated")


def test_changes_in_a_month_by_stated_date_or_report_date(store: Store) -> None:
    got = changes(store, "2024-03")
    posts_ = [(c.date, c.basis, c.change, c.person, c.role, c.bound, c.evidence.doc if c.evidence else None)
              for c in got if c.person]
    assert posts_ == [
        ("2024-03-01", "stated", "appointed", "Nguyễn Văn An", "Chủ tịch", "start", "b-2024.txt"),
        ("2024-03-04", "report", "relieved", "Trần Văn Bình", "Giám đốc", "end", "b-2024.txt"),
        # stated for April, reported in March: the report is in the window
        ("2024-04-01", "stated", "retired", "Phạm Thị Dung", "Giám đốc", "end", "c-2024.txt"),
    ]
    assert [c.body for c in got if c.person == "Trần Văn Bình"] == ["Sở Tài chính tỉnh Nghệ An"]


def test_a_window_with_an_end_keeps_what_is_stated_or_reported_in_it(store: Store) -> None:
    got = changes(store, "2024-04-01", "2024-04-30")
    assert [(c.person, c.change) for c in got] == [("Phạm Thị Dung", "retired")]
    assert changes(store, "2023", "2023") == []  # a report that states no change lists nothing
    assert changes(store, "2024-04-02")[0].body != "Sở Y tế tỉnh Nghệ An"  # open-ended: the 2025 bodies


def test_body_changes_of_the_reorganisation_are_in_their_window(store: Store) -> None:
    got = changes(store, "2025-03-01", "2025-03-01")
    assert got and all(c.basis == "data" and not c.person and c.date == "2025-03-01" for c in got)
    finance = next(c for c in got if c.body == "Bộ Tài chính")
    assert (finance.change, finance.bound) == ("merged", "start") and "176/2025/QH15" in finance.act
    assert Change.to_dict(finance)["evidence"] is None


def test_partial_dates_are_the_interval_of_their_days() -> None:
    assert interval("2024") == (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert interval("2024-02") == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    assert window("2024-02-03", "2024-02-03") == (datetime.date(2024, 2, 3), datetime.date(2024, 2, 3))
    assert window("2024")[1] == datetime.date.max


@pytest.mark.parametrize("bad", ["2024-13", "24", "2024/03", "2024-02-30", "yesterday"])
def test_a_bad_date_is_a_date_error(bad: str) -> None:
    with pytest.raises(DateError):
        interval(bad)


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(DateError, match="before it starts"):
        window("2025", "2024")
