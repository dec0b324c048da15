"""The 2025 successions of bodies (data/reorganisation_2025.yaml) between the bodies of one graph.

A record of the data file says which bodies became it (`replaces`: merged, renamed, created) or, for a
body that ended, which bodies took over its functions (`functions_to`). Each such change whose original
and resulting body are both entities of the graph (an Organization whose name or an alias is the name
in the data, compared as `kg.text.name_key` does) and are two different entities is one succession.
Bodies in `absorbs` keep their own name and existence: they are not successions.

Both mappings read them: kg.rdf writes each change as an org:ChangeEvent, kg.pgmodel each
(original, resulting) pair as a BECAME relationship. Derived from data, not from reports: no evidence.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from kg import reorganisation
from kg.model import Graph, Relation
from kg.text import name_key

RELATION = "BECAME"


@dataclass(frozen=True)
class Change:
    """One change of the data file, as it touches the graph: the entity ids it joins."""

    key: str  # stable across runs: the record's name key, its change and its date
    kind: str  # merged | renamed | created | ended | ...
    date: datetime.date | None  # the change's `since` (an ended body's `until`): None when not known
    source: str  # the act that made it, as text; "" when the data has none
    originals: tuple[str, ...]
    resultings: tuple[str, ...]


def source_text(source: reorganisation.Source | None) -> str:
    """The act as text: "Nghị quyết 176/2025/QH15 (Quốc hội, 2025-02-18)"; parts the data lacks left out."""
    if source is None:
        return ""
    head = " ".join(p for p in (source.kind, source.number) if p)
    tail = ", ".join(p for p in (source.issuer, source.date.isoformat() if source.date else None) if p)
    return f"{head} ({tail})" if tail else head


def _orgs_by_name(graph: Graph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for ent in graph.entities.values():
        if ent.type == "Organization":
            for key in dict.fromkeys(name_key(n) for n in (ent.name, *ent.aliases)):
                out[key].append(ent.id)
    return out


def changes(graph: Graph) -> list[Change]:
    """The changes of the data file with at least one original and one different resulting body in `graph`."""
    orgs = _orgs_by_name(graph)

    def ids(names: tuple[str, ...]) -> list[str]:
        return list(dict.fromkeys(i for n in names for i in orgs.get(name_key(n), ())))

    out = []
    for body in reorganisation.bodies():
        here = (body.name, *body.aliases)
        if body.change == "ended":
            olds, news, date = ids(here), ids(body.functions_to), body.since or body.until
        else:
            olds, news, date = ids(body.replaces), ids(here), body.since
        if not any(o != n for o in olds for n in news):
            continue
        key = "|".join((name_key(body.name), body.change, date.isoformat() if date else ""))
        out.append(Change(key, body.change, date, source_text(body.source), tuple(olds), tuple(news)))
    return out


def relations(graph: Graph) -> list[Relation]:
    """Each (original, resulting) pair of different bodies as a BECAME relation with `change`, `since`
    (ISO, when known) and `legal_source`; `reports` 0: no report states it."""
    out: dict[str, Relation] = {}
    for change in changes(graph):
        props = {"change": change.kind, "since": change.date.isoformat() if change.date else None,
                 "legal_source": change.source or None, "reports": 0}
        props = {k: v for k, v in props.items() if v is not None}
        for old in change.originals:
            for new in change.resultings:
                if old != new:
                    rel = Relation(RELATION, old, new, props)
                    out.setdefault(rel.id, rel)
    return list(out.values())
