"""The graph model as RDF, through the vocabulary in ontology/kg.ttl (mapping: ontology/README.md).

One mapping, used by the embedded SPARQL store, the RDF exports and the SPARQL loader:
- each entity is an IRI under ``ID`` typed with a standard class (foaf:Person,
  org:Organization, eli:LegalResource, schema:Event, schema:Place, foaf:Document), named with
  skos:prefLabel / skos:altLabel, its kg id in dcterms:identifier;
- each relation is one asserted triple (a post: Person org:holds Post, Post org:postIn
  Organization) plus a fact node that reifies it (rdf:Statement) and carries the provenance:
  prov:wasDerivedFrom each supporting report, kg:evidence each sentence (kg:Evidence, with
  offsets, prov:wasQuotedFrom its report), the confidence and the status of a post;
- a post's holding is also a W3C ORG org:Membership (member, organization, role) whose
  org:memberDuring is an OWL-Time interval: its beginning and end instants carry the relation's
  `since` and `until` (xsd:date, or xsd:gYearMonth / xsd:gYear for a partial date) and, as
  kg:basis, what each rests on (stated in a report, report dates, a later "nguyên …");
- each 2025 change of bodies (data/reorganisation_2025.yaml) between two bodies of the graph is an
  org:ChangeEvent (kg.succession): org:originalOrganization / org:resultingOrganization, the resulting
  body's org:resultedFrom and the original's org:changedBy, dcterms:date, kg:changeKind, kg:legalSource;
- a body, post or role whose name data/labels_en.tsv translates also has rdfs:label "…"@en
  (kg.labels_en); the names themselves stay plain strings, as the documented queries match them.

`iter_triples` yields rdflib terms; `iter_ntriples` yields N-Triples lines without building rdflib
objects (fast, for bulk loads); `graph_to_rdf` returns an rdflib.Graph.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple
from urllib.parse import quote

import rdflib

from kg import labels_en, resolve, succession
from kg.model import DocumentInfo, Entity, Evidence, Graph, Relation, slug

BASE = "https://kg.example.org/"  # placeholder authority (RFC 2606): a deployment may mint its own
KG = BASE + "ontology#"
ID = BASE + "id/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "https://schema.org/"
ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
TIME = "http://www.w3.org/2006/time#"

PREFIXES = {
    "kg": KG, "kgr": ID, "org": ORG, "prov": PROV, "foaf": FOAF, "schema": SCHEMA, "eli": ELI,
    "skos": SKOS, "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "time": TIME,
}

CLASSES = {
    "Person": FOAF + "Person",
    "Organization": ORG + "Organization",
    "Directive": ELI + "LegalResource",
    "Event": SCHEMA + "Event",
    "Location": SCHEMA + "Place",
    "Document": FOAF + "Document",
}

# relation type -> predicate of the asserted triple (HOLDS_POSITION goes through a Post)
PREDICATES = {
    "HOLDS_POSITION": ORG + "holds",
    "ATTENDED": KG + "attended",
    "PARTICIPATED_IN": KG + "participatedIn",
    "HELD_AT": SCHEMA + "location",
    "PART_OF": ORG + "subOrganizationOf",
    "REPORTS_TO": ORG + "reportsTo",
    "ISSUED_BY": ELI + "passed_by",
    "IMPLEMENTS": KG + "implements",
    "APPLIES_TO": KG + "appliesTo",
    "AUTHORED": FOAF + "made",
}

# entity property -> predicate, by entity type ("*": any type)
ENTITY_PROPS = {
    ("Event", "date"): SCHEMA + "startDate",
    ("Directive", "date"): ELI + "date_document",
    ("Directive", "number"): ELI + "number",
    ("Directive", "symbol"): ELI + "id_local",
    ("Directive", "title"): ELI + "title",
    ("Document", "date"): DCTERMS + "issued",  # the report's publication date
    ("Document", "title"): DCTERMS + "title",
    ("Document", "url"): SCHEMA + "url",
    ("Document", "outlet"): KG + "outlet",
}
FACT_PROPS = {"newly_appointed": KG + "newlyAppointed"}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_MONTH, _YEAR = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), re.compile(r"^\d{4}$")
_XSD_DATE, _XSD_BOOL, _XSD_INT, _XSD_DOUBLE = XSD + "date", XSD + "boolean", XSD + "integer", XSD + "double"


class Lit(NamedTuple):
    """A literal: its lexical form and datatype IRI (None: xsd:string), or a language tag (then
    rdf:langString, and datatype None)."""

    value: str
    datatype: str | None = None
    lang: str | None = None


Term = str | Lit  # a plain str is an IRI
Triple = tuple[str, str, Term]


def entity_iri(entity_id: str) -> str:
    prefix, _, rest = entity_id.partition(":")
    return ID + quote(prefix, safe="") + "/" + quote(rest or prefix, safe="-._~")


@functools.lru_cache(maxsize=65536)  # a body's every report is named again when it changes (kg.store.rdf_delta)
def report_iri(report_id: str) -> str:
    """A report is the Document entity made from its id."""
    return entity_iri(resolve.document_id(report_id))


def _hash(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def post_iri(org_id: str, role: str) -> str:
    return ID + "post/" + _hash(org_id, resolve.role_key(role))


def role_iri(role: str) -> str:
    key = resolve.role_key(role)
    return ID + "role/" + slug(key)[:60] + "-" + _hash(key)[:6]


def fact_iri(relation: Relation) -> str:
    return ID + "fact/" + relation.id.partition(":")[2]


def membership_iri(relation: Relation) -> str:
    """The membership of a post's holding, named after the relation: the same in every export and run."""
    return ID + "membership/" + relation.id.partition(":")[2]


def evidence_iri(ev: Evidence) -> str:
    return ID + "evidence/" + _hash(ev.doc, str(ev.start), str(ev.end))


def _camel(name: str) -> str:
    head, *rest = re.split(r"[^0-9A-Za-z]+", name.lower()) or ["x"]
    return head + "".join(w.capitalize() for w in rest)


def _value(value: object) -> Lit:
    if isinstance(value, bool):
        return Lit("true" if value else "false", _XSD_BOOL)
    if isinstance(value, int):
        return Lit(str(value), _XSD_INT)
    if isinstance(value, float):
        return Lit(repr(value), _XSD_DOUBLE)
    text = str(value)
    if _DATE.match(text):
        try:
            datetime.date.fromisoformat(text)
            return Lit(text, _XSD_DATE)
        except ValueError:  # "2019-02-30" stays a plain string rather than an ill-typed date
            pass
    return Lit(text)


def _values(value: object) -> list[Lit]:
    if isinstance(value, (list, tuple, set)):
        return [_value(v) for v in value if v not in (None, "")]
    return [] if value in (None, "") else [_value(value)]


def entity_triples(ent: Entity, docs: Iterable[str] | None = None) -> Iterator[Triple]:
    """An entity's own triples; `docs`: the reports whose evidence names it, when its evidence was not read."""
    s = entity_iri(ent.id)
    yield s, RDF + "type", CLASSES.get(ent.type, KG + re.sub(r"\W", "", ent.type))
    if ent.type == "Document":
        yield s, RDF + "type", PROV + "Entity"
    yield s, DCTERMS + "identifier", Lit(ent.id)
    yield s, SKOS + "prefLabel", Lit(ent.name)
    if english := labels_en.entity(ent):
        yield s, RDFS + "label", Lit(english, lang="en")
    for alias in ent.aliases:
        yield s, SKOS + "altLabel", Lit(alias)
    for key, value in sorted(ent.props.items()):
        pred = ENTITY_PROPS.get((ent.type, key)) or KG + _camel(key)
        for lit in _values(value):
            yield s, pred, lit
    if ent.type != "Document":
        for doc in sorted(set(docs) if docs is not None else {ev.doc for ev in ent.evidence}):
            yield s, DCTERMS + "isReferencedBy", report_iri(doc)


def report_triples(info: DocumentInfo, typed: bool) -> Iterator[Triple]:
    s = report_iri(info.id)
    if not typed:  # a graph without the report's Document entity (e.g. one bare extraction)
        yield s, RDF + "type", FOAF + "Document"
        yield s, RDF + "type", PROV + "Entity"
    yield s, KG + "reportId", Lit(info.id)
    if info.sha256:
        yield s, KG + "sha256", Lit(info.sha256)
    for path in info.paths:
        yield s, KG + "path", Lit(path)


def relation_triples(rel: Relation, seen: set[str]) -> Iterator[Triple]:
    s, o = entity_iri(rel.source), entity_iri(rel.target)
    pred = PREDICATES.get(rel.type) or KG + _camel(rel.type)
    role = str(rel.props.get("role") or "")
    if rel.type == "HOLDS_POSITION":
        post = post_iri(rel.target, role)
        if post not in seen:  # posts and roles are shared by their holders: described once
            seen.add(post)
            yield from post_triples(post, o, role)
        if role and role_iri(role) not in seen:
            seen.add(role_iri(role))
            yield from role_triples(role)
        o = post
    yield s, pred, o
    f = fact_iri(rel)
    yield f, RDF + "type", RDF + "Statement"
    yield f, RDF + "subject", s
    yield f, RDF + "predicate", pred
    yield f, RDF + "object", o
    yield f, KG + "relationType", Lit(rel.type)
    yield f, KG + "confidence", Lit(repr(float(rel.confidence)), _XSD_DOUBLE)
    for key, value in sorted(rel.props.items()):
        for lit in _values(value):
            yield f, FACT_PROPS.get(key) or KG + _camel(key), lit
    for doc in sorted({ev.doc for ev in rel.evidence}):
        yield f, PROV + "wasDerivedFrom", report_iri(doc)
    if rel.type == "HOLDS_POSITION":
        yield from _membership_triples(rel, entity_iri(rel.source), entity_iri(rel.target), role)
    for ev in rel.evidence:
        e = evidence_iri(ev)
        yield f, KG + "evidence", e
        if e in seen:  # one sentence often supports several facts
            continue
        seen.add(e)
        yield from evidence_triples(ev)


# A post, a role and a piece of evidence are shared by the facts that name them: each is described
# once, by the first of those facts in the graph's order of relations (kg.store.rdf_delta relies on it).
def post_triples(post: str, body: str, role: str) -> Iterator[Triple]:
    yield post, RDF + "type", ORG + "Post"
    yield post, ORG + "postIn", body
    if role:
        yield post, SKOS + "prefLabel", Lit(role)
        yield from _english(post, role)
        yield post, ORG + "role", role_iri(role)


def role_triples(role: str) -> Iterator[Triple]:
    yield role_iri(role), RDF + "type", ORG + "Role"
    yield role_iri(role), SKOS + "prefLabel", Lit(role)
    yield from _english(role_iri(role), role)


def evidence_triples(ev: Evidence) -> Iterator[Triple]:
    e = evidence_iri(ev)
    yield e, RDF + "type", KG + "Evidence"
    yield e, PROV + "wasQuotedFrom", report_iri(ev.doc)
    yield e, KG + "sentence", Lit(ev.sentence or ev.text)
    if ev.text and ev.text != ev.sentence:
        yield e, KG + "text", Lit(ev.text)
    yield e, KG + "start", Lit(str(ev.start), _XSD_INT)
    yield e, KG + "end", Lit(str(ev.end), _XSD_INT)


def _membership_triples(rel: Relation, person: str, body: str, role: str) -> Iterator[Triple]:
    """The holding as an org:Membership over an OWL-Time interval, beside the org:holds triple
    (which the existing queries keep using); derived from the fact node that carries its evidence."""
    m = membership_iri(rel)
    yield m, RDF + "type", ORG + "Membership"
    yield m, ORG + "member", person
    yield m, ORG + "organization", body
    if role:
        yield m, ORG + "role", role_iri(role)
    yield m, PROV + "wasDerivedFrom", fact_iri(rel)
    bounds = [(TIME + "hasBeginning", "beginning", rel.props.get("since"), rel.props.get("since_basis")),
              (TIME + "hasEnd", "end", rel.props.get("until"), rel.props.get("until_basis"))]
    bounds = [(pred, name, _time_position(str(day)), basis) for pred, name, day, basis in bounds if day]
    bounds = [b for b in bounds if b[2] is not None]
    if not bounds:  # every report undated: nothing to say about when
        return
    interval = m + "/interval"
    yield m, ORG + "memberDuring", interval
    yield interval, RDF + "type", TIME + "Interval"
    for pred, name, (position, lit), basis in bounds:
        instant = f"{interval}/{name}"
        yield interval, pred, instant
        yield instant, RDF + "type", TIME + "Instant"
        yield instant, position, lit
        if basis:
            yield instant, KG + "basis", Lit(str(basis))


def _time_position(day: str) -> tuple[str, Lit] | None:
    """OWL-Time's position of an ISO date at its own precision ("2024-03" is a month, not its first day);
    None for a value that is no date (it stays on the fact node as written)."""
    if _YEAR.match(day):
        return TIME + "inXSDgYear", Lit(day, XSD + "gYear")
    if _YEAR_MONTH.match(day):
        return TIME + "inXSDgYearMonth", Lit(day, XSD + "gYearMonth")
    lit = _value(day)
    return (TIME + "inXSDDate", lit) if lit.datatype == _XSD_DATE else None


def change_iri(change: succession.Change) -> str:
    return ID + "change/" + _hash(change.key)


def change_triples(graph: Graph) -> Iterator[Triple]:
    """The bodies' 2025 successions as W3C ORG change events (from data, so no fact node or evidence)."""
    for change in succession.changes(graph):
        e = change_iri(change)
        yield e, RDF + "type", ORG + "ChangeEvent"
        for old in change.originals:
            yield e, ORG + "originalOrganization", entity_iri(old)
            yield entity_iri(old), ORG + "changedBy", e
        for new in change.resultings:
            yield e, ORG + "resultingOrganization", entity_iri(new)
            yield entity_iri(new), ORG + "resultedFrom", e
        yield e, KG + "changeKind", Lit(change.kind)
        if change.date:
            yield e, DCTERMS + "date", Lit(change.date.isoformat(), _XSD_DATE)
        if change.source:
            yield e, KG + "legalSource", Lit(change.source)


def _english(node: str, role: str) -> Iterator[Triple]:
    if english := labels_en.title(role):
        yield node, RDFS + "label", Lit(english, lang="en")


def raw_triples(graph: Graph) -> Iterator[Triple]:
    """Triples as plain tuples (IRIs as str, literals as Lit), each once."""
    for info in graph.documents.values():
        yield from report_triples(info, typed=resolve.document_id(info.id) in graph.entities)
    for ent in graph.entities.values():
        yield from entity_triples(ent)
    seen: set[str] = set()
    for rel in graph.relations:
        yield from relation_triples(rel, seen)
    yield from change_triples(graph)


def _rdflib(term: Term) -> rdflib.term.Identifier:
    if isinstance(term, Lit):
        if term.lang:
            return rdflib.Literal(term.value, lang=term.lang)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype) if term.datatype else None)
    return rdflib.URIRef(term)


def iter_triples(graph: Graph) -> Iterator[tuple[rdflib.URIRef, rdflib.URIRef, rdflib.term.Identifier]]:
    """The graph's RDF as rdflib triples, each once."""
    for s, p, o in raw_triples(graph):
        yield rdflib.URIRef(s), rdflib.URIRef(p), _rdflib(o)


def graph_to_rdf(graph: Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns, override=True)
    for triple in iter_triples(graph):
        out.add(triple)
    return out


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(term: Term) -> str:
    if isinstance(term, Lit):
        text = '"' + term.value.translate(_NT_ESCAPES) + '"'
        if term.lang:
            return f"{text}@{term.lang}"
        return text + f"^^<{term.datatype}>" if term.datatype else text
    return f"<{term}>"


def iter_ntriples(graph: Graph) -> Iterator[str]:
    """N-Triples lines (each ending in a newline), straight from the model, without rdflib."""
    for s, p, o in raw_triples(graph):
        yield f"<{s}> <{p}> {nt_term(o)} .\n"
