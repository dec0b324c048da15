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
