"""kg.store.merge: a post's bounds over several reports."""

from __future__ import annotations

from kg.store.merge import FactRow, merge_relation


def row(doc: str, date: str, **props: object) -> FactRow:
    return FactRow(doc, (date, doc), 0, "HOLDS_POSITION", "person:a", "org:b", {"role": "Giám đốc", **props})


def test_a_post_keeps_the_earliest_start_and_the_latest_end_any_report_states() -> None:
    rel = merge_relation([
        row("a.txt", "2024-03-04", since="2024-03-01", change="appointed"),
        row("b.txt", "2025-05-02", until="2025-06-01", change="retired"),
        row("c.txt", "2025-07-01", until="2025-01-10", change="relieved"),  # a later report, an older end
    ])
    assert (rel.props["since"], rel.props["until"], rel.props["change"]) == ("2024-03-01", "2025-06-01", "relieved")


def test_each_bound_says_what_it_rests_on() -> None:
    stated = merge_relation([row("a.txt", "2024-03-04", since="2024-03-01", change="appointed"),
                             row("b.txt", "2025-05-02", until="2025-06", change="retired")])
    assert (stated.props["since_basis"], stated.props["until"], stated.props["until_basis"]) == \
        ("stated", "2025-06", "stated")
    reported = merge_relation([row("a.txt", "2024-03-04"), row("b.txt", "2024-09-05")])
    assert (reported.props["since"], reported.props["since_basis"]) == ("2024-03-04", "reports")
    assert "until" not in reported.props and "until_basis" not in reported.props
    # a report older than the stated start shows the post held already: the report's date is the start
    restated = merge_relation([row("a.txt", "2023-01-02"), row("b.txt", "2024-03-04", since="2024-03-01")])
    assert (restated.props["since"], restated.props["since_basis"]) == ("2023-01-02", "reports")


def test_a_later_former_report_ends_a_post_and_starts_none() -> None:
    rel = merge_relation([row("a.txt", "2023-03-12"), row("b.txt", "2024-09-05"),
                          row("c.txt", "2025-06-20", former=True), row("d.txt", "2025-09-01", former=True)])
    assert (rel.props["since"], rel.props["until"], rel.props["until_basis"]) == \
        ("2023-03-12", "2025-06-20", "former")
    # only ever reported former: held before its date, so no start, and ended by then
    only_former = merge_relation([row("c.txt", "2025-06-20", former=True)])
    assert "since" not in only_former.props
    assert (only_former.props["until"], only_former.props["until_basis"]) == ("2025-06-20", "former")
    # "nguyên" before a report showing it held again ends nothing; a stated end beats "nguyên"
    again = merge_relation([row("a.txt", "2020-01-01", former=True), row("b.txt", "2021-01-01")])
    assert "until" not in again.props
    stated = merge_relation([row("a.txt", "2020-01-01"), row("b.txt", "2021-05-01", until="2021-04-30"),
                             row("c.txt", "2022-01-01", former=True)])
    assert (stated.props["until"], stated.props["until_basis"]) == ("2021-04-30", "stated")
