"""What changed in a window of dates (issue 16, `kg changes --since DATE`): the appointments,
elections, transfers, dismissals and retirements the stored reports state, and the body changes of
the 2025 reorganisation (data/reorganisation_2025.yaml), in date order.

A post's change is in the window when its date (the `since` or `until` the report states,
kg.extract.tenure) falls in it, or when the report that states it is dated in it (the news of a
window, even of an older change). A date's basis is "stated" when the sentence gives it, "report"
when it is the date of the report that states the change (the sentence gives none, or the same day),
and "data" for a body change. Dates are ISO and may be partial ("2024", "2024-03"): a partial date is
the interval of its days, and is in a window it overlaps. Read-only; never prints.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from kg import reorganisation
from kg.dates import interval
from kg.errors import DateError
from kg.store import Store
from kg.store.merge import FactRow
from kg.store.reader import relation_rows
from kg.timeline import HOLDS, Source, source_of


@dataclass(frozen=True)
class Change:
    """One change: a person taking or leaving a post, or a body coming into or going out of force."""

    date: str | None  # ISO, partial allowed; None: the report that states it is undated
    basis: str  # "stated" | "report" | "data"
    change: str  # appointed, elected, transferred, relieved, retired …; a body's: created, merged, ended …
    bound: str  # "start" (takes the post, comes into force) | "end" (leaves it, goes out of force)
    person: str
    role: str
    body: str
    person_id: str = ""
    body_id: str = ""
    evidence: Source | None = None  # the report and sentence; None for a body change
    act: str = ""  # a body change: the act that made it

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "basis": self.basis, "change": self.change, "bound": self.bound,
                "person": self.person, "role": self.role, "body": self.body, "person_id": self.person_id,
                "body_id": self.body_id, "evidence": self.evidence.to_dict() if self.evidence else None,
                "act": self.act}


def window(since: str, until: str | None = None) -> tuple[datetime.date, datetime.date]:
    """The days from the first of `since` to the last of `until` (open-ended: to the end of time)."""
    first = interval(since)[0]
    last = interval(until)[1] if until else datetime.date.max
    if last < first:
        raise DateError(f"the window ends ({until}) before it starts ({since})")
    return first, last


def changes(store: Store, since: str, until: str | None = None) -> list[Change]:
    """The posts' changes and the body changes in the window, sorted by date (undated ones last)."""
    first, last = window(since, until)
    found = [c for c in _post_changes(store) if _in(c.date, first, last) or (
        c.evidence is not None and _in(c.evidence.date, first, last))]
    found += [c for c in _body_changes() if _in(c.date, first, last)]
    return sorted(found, key=lambda c: (c.date is None, c.date or "", c.person, c.body, c.role, c.change))


def _in(date: str | None, first: datetime.date, last: datetime.date) -> bool:
    if not date:
        return False
    try:
        a, b = interval(date)
    except DateError:
        return False  # a malformed stored date is in no window
    return a <= last and first <= b


def _post_changes(store: Store) -> list[Change]:
    """Every report row of a post that states a change, with the judgements applied."""
    out: list[Change] = []
    with store.snapshot() as conn:
        people = [r[0] for r in conn.execute(
            "SELECT DISTINCT source FROM facts WHERE type=? AND json_extract(props, '$.change') IS NOT NULL",
            (HOLDS,))]
        seen: set[tuple[str, int]] = set()
        rows: list[tuple[str, str, str, FactRow]] = []
        for gid in people:
            for rel, group in relation_rows(conn, gid):
                if rel.type != HOLDS:
                    continue
                for row in group:
                    if row.props.get("change") and (row.doc, row.seq) not in seen:
                        seen.add((row.doc, row.seq))
                        rows.append((rel.source, rel.target, str(rel.props.get("role") or ""), row))
        names = store.names([gid for r in rows for gid in r[:2]])
    for person, body, role, row in rows:
        bound = "end" if row.props.get("until") else "start"
        date = row.props.get("until") or row.props.get("since")
        date = str(date) if date else None
        basis = "stated" if date and date != row.order[0] else "report"
        out.append(Change(date or row.order[0] or None, basis, str(row.props["change"]), bound,
                          names.get(person, ("", person))[1], role, names.get(body, ("", body))[1], person, body,
                          source_of(row)))
    return out


def _body_changes() -> list[Change]:
    """The reorganisation's records whose `since` or `until` is known."""
    out = []
    for body in reorganisation.bodies():
        act = _act(body.source)
        if body.since:
            out.append(Change(body.since.isoformat(), "data", body.change, "start", "", "", body.name, act=act))
        if body.until:
            out.append(Change(body.until.isoformat(), "data", "ended", "end", "", "", body.name, act=act))
    return out


def _act(source: reorganisation.Source | None) -> str:
    if source is None:
        return "act not verified"
    parts = [source.kind, source.number or "(number not verified)"]
    if source.issuer:
        parts.append(f"of {source.issuer}")
    if source.date:
        parts.append(source.date.isoformat())
    return " ".join(parts)


def format_table(found: list[Change]) -> str:
    """The text `kg changes` prints: a line per change, then the sentence (or act) behind it."""
    if not found:
        return "no changes in that window"
    lines = []
    for c in found:
        what = f"{c.person}: {c.role} @ {c.body}" if c.person else f"body {c.body}"
        lines.append(f"{c.date or '?'} ({c.basis})  {c.change}  {what}")
        if c.evidence is not None:
            lines.append(f"      {c.evidence.doc} ({c.evidence.date or 'undated'}): {c.evidence.sentence}")
        elif c.act:
            lines.append(f"      {c.act}")
    return "\n".join(lines)
