"""Merging what several reports say about one entity or one relation into the canonical record.

Pure functions over rows read from the store, so the merged graph is a function of the stored
reports only (never of the order they were ingested in). "Report order" is (report date, report
id): evidence is listed in that order, and for properties a later report's value wins (the latest
news on a post's status, say, and its `change`), except `since`, which keeps the earliest, and `until`,
which keeps the latest (kg.extract.tenure states both). A post (HOLDS_POSITION)
without a stated `since` gets the date of the earliest report that shows it held: "holds the post
since at least then"; without a stated `until`, the date of the first later report that calls it
former; each with its basis (`since_basis`, `until_basis`).

Reprints of one story (kg.store.reprints) count once: a relation's prop `reports` is the number
of independent reports that state it (distinct stories), while its evidence keeps every report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg.dates import shows_held
from kg.model import REPORTS, Entity, Evidence, Relation

DATED_TYPES = ("HOLDS_POSITION",)  # relations whose `since` falls back to the first report date


@dataclass
class MentionRow:
    """One report's version of an entity."""

    doc: str
    order: tuple[str, str]  # report order key: (date or "", report id)
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[list[Any]] = field(default_factory=list)  # [start, end, text, sentence or ""]


@dataclass
class FactRow:
    """One report's version of a relation, with its ends already mapped to global ids."""

    doc: str
    order: tuple[str, str]
    seq: int
    type: str
    source: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[list[Any]] = field(default_factory=list)  # [start, end, text, sentence or ""]
    confidence: float = 1.0
    story: str = ""  # the story the report is a reprint of ("": none, the report is its own story)


def _evidence(rows: list[tuple[tuple[str, str], list[list[Any]]]]) -> list[Evidence]:
    """Evidence of several reports, in report order then text order, each span once."""
    out: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for order, items in sorted(rows, key=lambda pair: pair[0]):
        doc = order[1]
        for start, end, text, sentence in sorted(items, key=lambda item: (item[0], item[1])):
            if (doc, start, end) not in seen:
                seen.add((doc, start, end))
                out.append(Evidence(doc, start, end, text, sentence or text))
    return out


def _merge_props(rows: list[tuple[tuple[str, str], dict[str, Any]]]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for _, p in sorted(rows, key=lambda pair: pair[0]):
        for key, value in p.items():
            if value is None or value == "" or value == []:
                continue
            if key == "since" and key in props:
                props[key] = min(str(props[key]), str(value))
            elif key == "until" and key in props:  # a post's stated end: the latest any report states
                props[key] = max(str(props[key]), str(value))
            else:
                props[key] = value
    return props


def merge_entity(gid: str, rows: list[MentionRow], *, evidence: bool = True,
                 name_rows: list[MentionRow] | None = None) -> Entity:
    """The canonical entity: the name most reports use (ties: longest, then alphabetical).

    `name_rows`: the rows the name and type are chosen from, when not all of them (an entity
    that others were merged into by a judgement keeps its own name); the rest give aliases."""
    names = Counter()
    for row in name_rows or rows:
        names[row.name] += 1
    name = min(names, key=lambda n: (-names[n], -len(n), n))
    seen = Counter()
    for row in rows:
        for alias in [row.name, *row.aliases]:
            if alias and alias != name:
                seen[alias] += 1
    entity = Entity(
        id=gid,
        type=Counter(r.type for r in name_rows or rows).most_common(1)[0][0],
        name=name,
        aliases=sorted(seen, key=lambda a: (-seen[a], a)),
        props=_merge_props([(r.order, r.props) for r in rows]),
    )
    if evidence:
        entity.evidence = _evidence([(r.order, r.evidence) for r in rows])
    return entity


def merge_relation(rows: list[FactRow], *, evidence: bool = True) -> Relation:
    """One relation from every report that states it, with the number of independent reports.

    Confidence: the highest stated. Reprints of one story cannot raise it above what one report
    says (nor can several independent reports: the combination is left as it was before stories
    existed; `reports` is what says how many reports agree)."""
    first = min(rows, key=lambda r: (r.order, r.seq))
    relation = Relation(
        type=first.type,
        source=first.source,
        target=first.target,
        props=_merge_props([(r.order, r.props) for r in rows]),
        confidence=max(float(r.confidence) for r in rows),
    )
    relation.props[REPORTS] = len({r.story or r.doc for r in rows})
    if first.type in DATED_TYPES:
        _bound(relation.props, rows)
    if evidence:
        relation.evidence = _evidence([(r.order, r.evidence) for r in rows])
    return relation


def _bound(props: dict[str, Any], rows: list[FactRow]) -> None:
    """A post's `since` and `until` over its reports, each with its basis (what an "as of a date"
    query needs from one relation: kg.rdf's org:memberDuring, the relationship's properties).

    `since`: the earliest start a report states ("stated"), or the earliest report showing the post
    held ("reports"); a report calling it former ("nguyên …"), or stating an end before its own date,
    shows it held before, not on its date, so it gives no start. `until`: the latest end a report
    states ("stated"), else the date of the first report calling it former after the last one showing
    it held ("former": it ended by then)."""
    stated = [str(r.props["since"]) for r in rows if r.props.get("since")]
    held = [r.order[0] for r in rows if shows_held(r.order[0], r.props)]
    if stated or held:
        props["since"] = min(stated + held)
        props["since_basis"] = "stated" if props["since"] in stated else "reports"
    if props.get("until"):
        props["until_basis"] = "stated"
        return
    last = max(held, default="")
    formers = [r.order[0] for r in rows if r.order[0] and r.props.get("former") and r.order[0] > last]
    if formers:
        props["until"], props["until_basis"] = min(formers), "former"


def report_order(date: str | None, doc: str) -> tuple[str, str]:
    return (date or "", doc)
