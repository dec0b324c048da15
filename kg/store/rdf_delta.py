"""Updating a copy of the RDF store by a change of the graph (kg.store.incremental), not rebuilding it.

Every triple of the mapping (kg.rdf) has an owner whose state decides it:
- an entity's and a report's node (one IRI for a report and its Document entity): the triples with
  that subject but for the relations asserted from it and the 2025 changes of bodies. Owned alone:
  the dirty ones are read back from the store and replaced with what the entity and report are now;
- a relation's fact node, its membership, interval and instants (named after the relation): owned
  alone, found by (type, source, target), replaced likewise;
- shared by several owners, so decided after those are replaced, from the store itself: the
  asserted triple (kept while a fact node states it), a piece of evidence (kept while a fact cites
  it; described by the first relation that does, kg.rdf's order), a post and a role (kept while a
  holding names them; labelled with the role of the first holding in kg.rdf's order);
- the bodies' 2025 successions (kg.succession), decided by the bodies whose names the data file
  lists: those are kept in the store folder (SUCCESSION_FILE) and the change events recomputed from
  them.

Removals go before additions: a triple read back from the store and the same triple generated again
can differ in form (Oxigraph keeps typed literals in canonical form) and must not cancel out.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg import rdf
from kg.model import RELATION_TYPES, Entity, Graph, Relation
from kg.rdf import DCTERMS, ID, KG, ORG, PREDICATES, PROV, RDF
from kg.store import incremental
from kg.store.incremental import Delta

HOLDS = "HOLDS_POSITION"
_DG = ox.DefaultGraph()
_NOT_THE_NODES = frozenset({*PREDICATES.values(), *(KG + rdf._camel(t) for t in RELATION_TYPES),
                            ORG + "changedBy", ORG + "resultedFrom"})
_P = {name: ox.NamedNode(iri) for name, iri in {
    "subject": RDF + "subject", "predicate": RDF + "predicate", "object": RDF + "object",
    "evidence": KG + "evidence", "role": ORG + "role", "postIn": ORG + "postIn", "label": KG + "role",
    "type": KG + "relationType"}.items()}
_TYPE = RDF + "type"
ROLES_FILE = "roles.json"  # each role's first holding (kg.rdf labels the role after it)
Holding = tuple[str, str, str, str]  # a post held: person id, body id, fact IRI, the role as written


def first_holdings(graph: Graph) -> dict[str, Holding]:
    """Each role's first holding in kg.rdf's order of relations (the graph's), as ROLES_FILE keeps them."""
    out: dict[str, Holding] = {}
    for rel in graph.relations:
        role = str(rel.props.get("role") or "") if rel.type == HOLDS else ""
        if role and rdf.role_iri(role) not in out:
            out[rdf.role_iri(role)] = (rel.source, rel.target, rdf.fact_iri(rel), role)
    return out


def read_firsts(folder: Path) -> dict[str, Holding] | None:
    try:
        return {role: tuple(first) for role, first in
                json.loads((folder / ROLES_FILE).read_text(encoding="utf-8")).items()}  # type: ignore[misc]
    except (OSError, ValueError):
        return None


def write_firsts(folder: Path, firsts: dict[str, Holding]) -> None:
    (folder / ROLES_FILE).write_text(json.dumps(dict(sorted(firsts.items())), ensure_ascii=False), encoding="utf-8")
_REFERENCED = ox.NamedNode(DCTERMS + "isReferencedBy")
_MANY_REPORTS = 200  # changed reports beyond which an entity's every reference is compared
_OWN = ("SELECT ?p ?o WHERE {{ {node} ?p ?o FILTER(?p NOT IN ("
        + ", ".join(f"<{p}>" for p in sorted(_NOT_THE_NODES | {_REFERENCED.value})) + ")) }}")
_PREFIXES = (f"PREFIX rdf: <{RDF}> PREFIX kg: <{KG}> PREFIX org: <{ORG}> PREFIX dcterms: <{DCTERMS}> "
             f"PREFIX prov: <{PROV}> ")


def _literal(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # what a bulk load of the N-Triples keeps (kg.store.derived.build_rdf)
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def _term(term: rdf.Term) -> ox.NamedNode | ox.Literal:
    if isinstance(term, rdf.Lit):
        if term.lang:
            return ox.Literal(_literal(term.value), language=term.lang)
        if term.datatype:
            return ox.Literal(_literal(term.value), datatype=ox.NamedNode(term.datatype))
        return ox.Literal(_literal(term.value))
    return ox.NamedNode(term)


def _quads(triples: Iterable[rdf.Triple]) -> set[ox.Quad]:
    return {ox.Quad(ox.NamedNode(s), ox.NamedNode(p), _term(o), _DG) for s, p, o in triples}


class _Edit:
    """Quads to remove and to add, applied removals first."""

    def __init__(self) -> None:
        self.removes: set[ox.Quad] = set()
        self.adds: set[ox.Quad] = set()

    def replace(self, old: set[ox.Quad], new: set[ox.Quad]) -> None:
        self.removes |= old - new
        self.adds |= new - old

    def apply(self, store: ox.Store) -> None:
        for quad in self.removes:
            store.remove(quad)
        if self.adds:
            store.extend(self.adds)


def _about(store: ox.Store, node: ox.NamedNode) -> set[ox.Quad]:
    return set(store.quads_for_pattern(node, None, None, _DG))


def _objects(store: ox.Store, node: ox.NamedNode, predicate: ox.NamedNode) -> list[ox.NamedNode]:
    return [q.object for q in store.quads_for_pattern(node, predicate, None, _DG)]


def update(base: Path, delta: Delta, dest: Path) -> None:
    """dest/oxigraph: the store in `base` changed by `delta`. The copy is Oxigraph's backup, which
    hard-links the immutable files of `base` (their content is shared, not copied) and leaves it as it is."""
    before, firsts = incremental.read_succession(base), read_firsts(base)
    if before is None or firsts is None:
        raise OSError(f"{base}: no {incremental.SUCCESSION_FILE} or {ROLES_FILE} to start from")
    old = ox.Store.read_only(str(base / "oxigraph"))
    old.backup(str(dest / "oxigraph"))
    del old
    store = ox.Store(str(dest / "oxigraph"))
    after = apply(store, delta, before, firsts)
    store.flush()
    del store
    incremental.write_succession(dest, after)
    write_firsts(dest, firsts)


def apply(store: ox.Store, delta: Delta, succession_before: dict[str, list[str]],
          firsts: dict[str, Holding]) -> dict[str, list[str]]:
    """Bring `store` (a writable copy of the store of the state before) to the state after; returns
    the succession bodies after (for SUCCESSION_FILE), and brings `firsts` (ROLES_FILE) up to date."""
    edit = _Edit()
    _nodes(store, delta, edit)
    shared = _Shared(delta.dirty.docs, firsts)
    _relations(store, delta, edit, shared)
    edit.apply(store)
    edit = _Edit()
    shared.settle(store, edit)
    after = incremental.succession_after(succession_before, delta)
    edit.replace(_quads(rdf.change_triples(incremental.bodies_graph(succession_before))),
                 _quads(rdf.change_triples(incremental.bodies_graph(after))))
    edit.apply(store)
    return after


def _nodes(store: ox.Store, delta: Delta, edit: _Edit) -> None:
    """Replace the dirty entities' and reports' own triples with what they are now."""
    reports = {rdf.report_iri(doc): doc for doc in delta.dirty.docs}
    refs: dict[str, set[str]] = defaultdict(set)
    for gid, doc in delta.dirty.refs:
        refs[gid].add(doc)
    for gid in sorted(delta.dirty.entities):
        node = ox.NamedNode(rdf.entity_iri(gid))
        # read natively past a body's thousands of relations and reports: only its own few triples
        old = {ox.Quad(node, s["p"], s["o"], _DG) for s in store.query(_OWN.format(node=node))}
        new: set[ox.Quad] = set()
        if (ent := delta.entities.get(gid)) is not None:
            new |= _quads(rdf.entity_triples(ent, docs=()))
        if (doc := reports.get(node.value)) in delta.docs:
            new |= _quads(rdf.report_triples(delta.docs[doc], typed=doc in delta.typed))
        edit.replace(old, new)
        _references(store, node, ent, delta.entity_docs.get(gid, []), delta.dirty.docs | refs[gid], edit)


def _references(store: ox.Store, node: ox.NamedNode, ent: Entity | None, docs: list[str], changed: set[str],
                edit: _Edit) -> None:
    """An entity's dcterms:isReferencedBy: only the reports that changed, or whose mention of it was
    re-labelled, can have come or gone (all of them when it is gone, or when many changed)."""
    referenced = ent is not None and ent.type != "Document"  # (kg.rdf.entity_triples)
    if not referenced or len(changed) > _MANY_REPORTS:
        old = set(store.quads_for_pattern(node, _REFERENCED, None, _DG))
        wanted = set(docs) if referenced else set()
    else:
        old = {q for doc in changed
               for q in store.quads_for_pattern(node, _REFERENCED, ox.NamedNode(rdf.report_iri(doc)), _DG)}
        wanted = set(docs) & changed
    edit.replace(old, _quads((node.value, _REFERENCED.value, rdf.report_iri(doc)) for doc in wanted))


class _Shared:
    """The shared nodes and asserted triples the replaced relations named, before or after."""

    def __init__(self, dirty_docs: set[str], firsts: dict[str, Holding]) -> None:
        self.dirty_docs = dirty_docs
        self.firsts = firsts
        self.asserted: set[ox.Quad] = set()  # stated by an old fact node: kept while one still does
        self.cited_before: set[ox.NamedNode] = set()  # evidence the old fact nodes cited
        self.cited_after: set[str] = set()  # evidence the new ones cite
        # evidence of the changed reports the new ones cite: its triples (from the first to cite it).
        # Evidence of another report is as it was: a report's rows change only with the report
        self.described: dict[ox.NamedNode, set[ox.Quad]] = {}
        self.posts: dict[ox.NamedNode, ox.NamedNode] = {}  # -> its body
        # role -> the holdings of it the old fact nodes stated, and the new ones state
        self.roles: dict[str, tuple[set[Holding], set[Holding]]] = defaultdict(lambda: (set(), set()))

    def settle(self, store: ox.Store, edit: _Edit) -> None:
        """Decide them from the store, once every replaced relation's own triples are in it."""
        for quad in self.asserted:
            s, p, o = quad.subject, quad.predicate, quad.object
            if not store.query(f"{_PREFIXES} ASK {{ ?f rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} }}"):
                edit.removes.add(quad)
        for node in self.cited_before:
            if node.value not in self.cited_after and next(
                    store.quads_for_pattern(None, _P["evidence"], node, _DG), None) is None:
                edit.replace(_about(store, node), set())
        for node, triples in self.described.items():
            edit.replace(_about(store, node), triples)
        for post, body in self.posts.items():
            rows = [(s["sid"].value, s["f"].value, s["role"].value if s["role"] else "") for s in store.query(
                f"{_PREFIXES} SELECT ?sid ?f ?role WHERE {{ ?f rdf:object {post} ; rdf:subject ?s . "
                "?s dcterms:identifier ?sid OPTIONAL { ?f kg:role ?role } }")]
            first = min(rows, default=None)
            edit.replace(_about(store, post), _quads(rdf.post_triples(post.value, body.value, first[2]))
                         if first else set())
        for role, (before, after) in self.roles.items():
            first = self.firsts.get(role)
            if first is None or tuple(first) in before - after:  # the first holding went: find the next
                first = _first_holding(store, ox.NamedNode(role))
            else:
                first = min([tuple(first), *(after - before)])
            if first is None:
                self.firsts.pop(role, None)
            else:
                self.firsts[role] = first
            edit.replace(_about(store, ox.NamedNode(role)), _quads(rdf.role_triples(first[3])) if first else set())


def _first_holding(store: ox.Store, role: ox.NamedNode) -> Holding | None:
    """The first holding of a role in kg.rdf's order, read through the holdings' memberships (owned by
    their relations, so in the store already); None if there is none left."""
    rows = [(s["sid"].value, s["tid"].value, s["f"].value, s["label"].value) for s in store.query(
        f"{_PREFIXES} SELECT ?sid ?tid ?f ?label WHERE {{ ?m org:role {role} ; prov:wasDerivedFrom ?f ; "
        "org:member ?s ; org:organization ?o . ?f kg:role ?label . ?s dcterms:identifier ?sid . "
        "?o dcterms:identifier ?tid }")]
    return min(rows, default=None)


def _old_facts(store: ox.Store, link: tuple[str, str, str]) -> list[ox.NamedNode]:
    """The fact nodes of a link: from its person (a post's), else from whichever end has fewer facts
    (a body has thousands, an event a few; read side by side, so the cost is the smaller count)."""
    rtype, source, target = link
    s, t, kind = ox.NamedNode(rdf.entity_iri(source)), ox.NamedNode(rdf.entity_iri(target)), ox.Literal(rtype)
    facts = (q.subject for q in store.quads_for_pattern(None, _P["subject"], s, _DG))
    if rtype != HOLDS:
        facts = iter(_fewer(facts, (q.subject for q in store.quads_for_pattern(None, _P["object"], t, _DG))))
    out = []
    for fact in facts:
        if not _has(store, fact, _P["type"], kind) or not _has(store, fact, _P["subject"], s):
            continue
        end = _objects(store, fact, _P["object"])[0]
        if end == t if rtype != HOLDS else _has(store, end, _P["postIn"], t):
            out.append(fact)
    return out


def _fewer(a: Iterator[ox.NamedNode], b: Iterator[ox.NamedNode]) -> list[ox.NamedNode]:
    got: tuple[list[ox.NamedNode], list[ox.NamedNode]] = ([], [])
    while True:
        for i, items in enumerate((a, b)):
            item = next(items, None)
            if item is None:
                return got[i]
            got[i].append(item)


def _has(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> bool:
    return next(store.quads_for_pattern(s, p, o, _DG), None) is not None


def _owned(store: ox.Store, fact: ox.NamedNode) -> set[ox.Quad]:
    """A fact node's triples and its membership's, interval's and instants' (named after it)."""
    membership = ID + "membership/" + fact.value.rsplit("/", 1)[1]
    interval = membership + "/interval"
    out = _about(store, fact)
    for node in (membership, interval, interval + "/beginning", interval + "/end"):
        out |= _about(store, ox.NamedNode(node))
    return out


def _relations(store: ox.Store, delta: Delta, edit: _Edit, shared: _Shared) -> None:
    """Replace the relations on the dirty links; note the shared nodes they named."""
    old: set[ox.Quad] = set()
    for link in sorted(delta.dirty.links):
        for fact in _old_facts(store, link):
            old |= _owned(store, fact)
            s, p, o = (_objects(store, fact, _P[k])[0] for k in ("subject", "predicate", "object"))
            shared.asserted.add(ox.Quad(s, p, o, _DG))
            shared.cited_before.update(_objects(store, fact, _P["evidence"]))
            if link[0] == HOLDS:
                shared.posts[o] = _objects(store, o, _P["postIn"])[0]
                for role in _objects(store, o, _P["role"]):
                    label = _objects(store, fact, _P["label"])[0].value
                    shared.roles[role.value][0].add((link[1], link[2], fact.value, label))
    new: set[ox.Quad] = set()
    for rel in delta.relations:  # in kg.rdf's order: the first to describe a shared node describes it
        new |= _new_relation(rel, shared)
    shared.asserted -= new  # stated now: no need to ask
    edit.replace(old, new)


def _new_relation(rel: Relation, shared: _Shared) -> set[ox.Quad]:
    owned: list[rdf.Triple] = []
    source = rdf.entity_iri(rel.source)
    evidence: dict[str, rdf.Evidence] = {}
    for triple in rdf.relation_triples(rel, set()):
        node = triple[0]
        if node == source or node.startswith((ID + "fact/", ID + "membership/")):
            owned.append(triple)
        elif node.startswith(ID + "evidence/"):
            if node in shared.cited_after:
                continue
            shared.cited_after.add(node)
            evidence = evidence or {rdf.evidence_iri(ev): ev for ev in rel.evidence}
            if evidence[node].doc in shared.dirty_docs:
                shared.described[ox.NamedNode(node)] = _quads(rdf.evidence_triples(evidence[node]))
        elif node.startswith(ID + "post/"):
            shared.posts[ox.NamedNode(node)] = ox.NamedNode(rdf.entity_iri(rel.target))
        elif node.startswith(ID + "role/") and triple[1] == _TYPE:  # (once a role)
            holding = (rel.source, rel.target, rdf.fact_iri(rel), str(rel.props.get("role") or ""))
            shared.roles[node][1].add(holding)
    return _quads(owned)
