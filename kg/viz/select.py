"""Which part of a graph to draw: the filters behind `kg viz`, applied to a kg.model.Graph.

Order: trust (--min-confidence, --min-reports: kg.trust), report (--doc), entity type, relation
type, date window, neighbourhood (--around/--depth), then the size cap (--max-nodes), so that the
cap keeps the most connected of what the other filters chose. Every step that removes something says so in `View.notes`.
"""

from __future__ import annotations

import difflib
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg import trust
from kg.errors import KgError
from kg.model import ENTITY_TYPES, RELATION_TYPES, Entity, Graph, Relation, make_id, slug

log = logging.getLogger(__name__)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class VizFilter:
    """What to draw. List fields accept repeated values and comma-separated ones alike."""

    around: list[str] = field(default_factory=list)  # entity ids or names
    depth: int = 1
    types: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; by event date, else report date
    until: str | None = None
    max_nodes: int | None = None
    min_confidence: float = 0.0  # only relations this confident (kg.trust.trusted)
    min_reports: int = 1  # only relations stated by this many independent reports


@dataclass
class View:
    """The graph to draw, what the filters removed, and how large the unfiltered graph was."""

    graph: Graph
    notes: list[str]
    total_nodes: int
    total_edges: int
    cut_nodes: int = 0  # removed by --max-nodes
    cut_edges: int = 0
    centres: list[str] = field(default_factory=list)  # ids matched by --around


def select(graph: Graph, flt: VizFilter | None = None) -> View:
    """Apply the filters to `graph` (not modified); raise KgError for a filter that cannot apply."""
    flt = flt or VizFilter()
    total_edges = sum(1 for r in graph.relations if r.source in graph.entities and r.target in graph.entities)
    view = View(graph=graph, notes=[], total_nodes=len(graph.entities), total_edges=total_edges)
    types = _choices(flt.types, _known_types(graph), "entity type", "--type")
    relations = _choices(flt.relations, _known_relations(graph), "relation", "--relation")
    docs = _report_ids(graph, _split(flt.docs))
    since = _bound(flt.since, "--since", end=False)
    until = _bound(flt.until, "--until", end=True)
    if since and until and since > until:
        raise KgError(f"--since {flt.since} is after --until {flt.until}")
    if flt.depth < 0:
        raise KgError(f"--depth must be 0 or more, not {flt.depth}")
    if flt.max_nodes is not None and flt.max_nodes < 1:
        raise KgError(f"--max-nodes must be 1 or more, not {flt.max_nodes}")
    centres = [_resolve(graph, q) for q in _split(flt.around)]
    view.centres = sorted({c for ids in centres for c in ids})

    if trust.active(flt.min_confidence, flt.min_reports):
        graph = trust.trusted(graph, flt.min_confidence, flt.min_reports)
        view.notes.append(trust.describe(flt.min_confidence, flt.min_reports))
    ents = dict(graph.entities)
    rels = [r for r in graph.relations if r.source in ents and r.target in ents]
    if len(rels) < len(graph.relations):
        log.warning("%d relations point to missing entities; not drawn", len(graph.relations) - len(rels))
    if docs:
        rels = [r for r in rels if any(e.doc in docs for e in r.evidence)]
        ends = {x for r in rels for x in (r.source, r.target)}
        ents = {k: e for k, e in ents.items() if k in ends or _from_reports(e, docs)}
        view.notes.append(f"only facts from report {', '.join(sorted(docs))}")
    if types:
        ents = {k: e for k, e in ents.items() if e.type in types}
        rels = [r for r in rels if r.source in ents and r.target in ents]
        view.notes.append(f"only entity types {', '.join(sorted(types))}")
    if relations:
        rels = [r for r in rels if r.type in relations]
        ends = {x for r in rels for x in (r.source, r.target)}
        ents = {k: e for k, e in ents.items() if k in ends}
        view.notes.append(f"only relations {', '.join(sorted(relations))} and the entities they link")
    if since or until:
        ents, rels = _in_window(graph, ents, rels, since or "0000", until or "9999", view)
        if relations:  # --relation means "these relations and what they link", within the window too
            ends = {x for r in rels for x in (r.source, r.target)}
            ents = {k: e for k, e in ents.items() if k in ends}
    if centres:
        ents, rels = _around(ents, rels, view.centres, flt.depth, view)
    if flt.max_nodes is not None and len(ents) > flt.max_nodes:
        ents, rels = _cap(ents, rels, flt.max_nodes, view)
    view.graph = Graph(entities=ents, relations=rels, documents=dict(graph.documents))
    return view


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 relation", "2 relations", "1,200 entities"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def _split(values: Iterable[str] | str | None) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def _known_types(graph: Graph) -> list[str]:
    return sorted(set(ENTITY_TYPES) | {e.type for e in graph.entities.values()})


def _known_relations(graph: Graph) -> list[str]:
    return sorted(set(RELATION_TYPES) | {r.type for r in graph.relations})


def _choices(values: list[str], known: list[str], what: str, flag: str) -> set[str]:
    by_key = {k.casefold(): k for k in known}
    out = set()
    for value in _split(values):
        if value.casefold() not in by_key:
            raise KgError(f"{flag}: unknown {what} {value!r}; choose from {', '.join(known)}")
        out.add(by_key[value.casefold()])
    return out


def _report_ids(graph: Graph, wanted: list[str]) -> set[str]:
    if not wanted:
        return set()
    known = set(graph.documents) | {ev.doc for e in graph.entities.values() for ev in e.evidence}
    known |= {ev.doc for r in graph.relations for ev in r.evidence}
    for doc in wanted:
        if doc not in known:
            close = difflib.get_close_matches(doc, sorted(known), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else f" ({len(known)} reports known)"
            raise KgError(f"--doc: no report {doc!r} in the graph{hint}")
    return set(wanted)


def _from_reports(entity: Entity, docs: set[str]) -> bool:
    if any(ev.doc in docs for ev in entity.evidence):
        return True
    return entity.type == "Document" and any(entity.id == make_id("Document", d) for d in docs)


def _bound(value: str | None, flag: str, *, end: bool) -> str | None:
    """A date bound as YYYY-MM-DD; a year or month means its first or last day."""
    if value is None or value == "":
        return None
    lo_hi = _interval(value)
    if lo_hi is None:
        raise KgError(f"{flag}: expected a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return lo_hi[1] if end else lo_hi[0]


def _interval(value: object) -> tuple[str, str] | None:
    """The first and last day a (possibly partial) ISO date covers, or None if it is not one."""
    m = _DATE.match(str(value).strip()) if value else None
    if not m:
        return None
    year, month, day = m.groups()
    if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
        return None
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"  # compared as text: 31 is a safe upper end
    return f"{year}-01-01", f"{year}-12-31"


def _dates_of(fact: Entity | Relation, graph: Graph, ents: dict[str, Entity]) -> list[tuple[str, str]]:
    """A fact's own date (an event's, a directive's), else its event's, else its reports' dates."""
    own = _interval(fact.props.get("date"))
    if own:
        return [own]
    if isinstance(fact, Relation):
        for end in (fact.source, fact.target):
            e = ents.get(end)
            if e is not None and e.type == "Event" and _interval(e.props.get("date")):
                return [_interval(e.props["date"])]  # type: ignore[list-item]
    out = []
    for ev in fact.evidence:
        doc = graph.documents.get(ev.doc)
        span = _interval(doc.date) if doc else None
        if span:
            out.append(span)
    return out


def _in_window(graph: Graph, ents: dict[str, Entity], rels: list[Relation], since: str, until: str,
               view: View) -> tuple[dict[str, Entity], list[Relation]]:
    def inside(dates: list[tuple[str, str]]) -> bool:
        return any(hi >= since and lo <= until for lo, hi in dates)

    kept_rels, undated = [], 0
    for r in rels:
        dates = _dates_of(r, graph, ents)
        undated += not dates
        if inside(dates):
            kept_rels.append(r)
    ends = {x for r in kept_rels for x in (r.source, r.target)}
    kept = {}
    for k, e in ents.items():
        dates = _dates_of(e, graph, ents)
        undated += not dates and k not in ends
        if k in ends or inside(dates):
            kept[k] = e
    window = f"{since if since != '0000' else '…'} to {until if until != '9999' else '…'}"
    note = f"only facts dated {window} (event date, else report date)"
    if undated:
        note += f"; {counted(undated, 'undated fact')} left out"
    view.notes.append(note)
    return kept, kept_rels


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _resolve(graph: Graph, query: str) -> list[str]:
    """Entity ids for an id, a name or an alias (case- and then accent-insensitive)."""
    if query in graph.entities:
        return [query]
    key = _norm(query)
    hits = [e.id for e in graph.entities.values() if key in {_norm(n) for n in [e.name, *e.aliases]}]
    if not hits:
        loose = slug(query)
        hits = [e.id for e in graph.entities.values() if loose in {slug(n) for n in [e.name, *e.aliases]}]
    if hits:
        return sorted(hits)
    names = sorted({e.name for e in graph.entities.values()})
    close = difflib.get_close_matches(query, names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise KgError(f"--around: no entity named {query!r}{hint}")


def _around(ents: dict[str, Entity], rels: list[Relation], centres: list[str], depth: int,
            view: View) -> tuple[dict[str, Entity], list[Relation]]:
    present = [c for c in centres if c in ents]
    names = ", ".join(ents[c].name for c in present)
    if not present:
        view.notes.append("the --around entity is excluded by the other filters")
        return {}, []
    nbrs: dict[str, set[str]] = {}
    for r in rels:
        nbrs.setdefault(r.source, set()).add(r.target)
        nbrs.setdefault(r.target, set()).add(r.source)
    seen, frontier = set(present), set(present)
    for _ in range(depth):
        frontier = {n for v in frontier for n in nbrs.get(v, ()) if n not in seen}
        seen |= frontier
    view.notes.append(f"only entities within {depth} step{'s' if depth != 1 else ''} of {names}")
    return {k: e for k, e in ents.items() if k in seen}, [r for r in rels if r.source in seen and r.target in seen]


def _cap(ents: dict[str, Entity], rels: list[Relation], max_nodes: int,
         view: View) -> tuple[dict[str, Entity], list[Relation]]:
    """Keep the most connected entities (the --around centres first); say what was cut."""
    degree = dict.fromkeys(ents, 0)
    for r in rels:
        degree[r.source] += 1
        degree[r.target] += 1
    centres = set(view.centres)
    ranked = sorted(ents, key=lambda k: (k not in centres, -degree[k], -len(ents[k].evidence), k))
    keep = set(ranked[:max_nodes])
    kept_rels = [r for r in rels if r.source in keep and r.target in keep]
    view.cut_nodes = len(ents) - len(keep)
    view.cut_edges = len(rels) - len(kept_rels)
    floor = max((degree[k] for k in ranked[max_nodes:]), default=0)
    of = counted(len(ents), "entity", "entities")
    view.notes.append(
        f"--max-nodes {max_nodes}: kept the {len(keep):,} most connected of {of}; "
        f"cut {counted(view.cut_nodes, 'entity', 'entities')} (at most {counted(floor, 'link')} each) "
        f"and {counted(view.cut_edges, 'relation')}"
    )
    return {k: e for k, e in ents.items() if k in keep}, kept_rels
