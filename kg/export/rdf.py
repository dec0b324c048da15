"""RDF exports (the mapping of kg.rdf / ontology/kg.ttl): Turtle, N-Triples, JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from kg import rdf
from kg.export import atomic_output
from kg.model import Graph
from kg.registry import register

# Entity IRIs hold a "/" (…/id/org/…), which Turtle would have to escape in a prefixed name:
# only vocabulary prefixes are declared.
_VOCAB_PREFIXES = {k: v for k, v in rdf.PREFIXES.items() if k != "kgr"}


def _ox_term(term: rdf.Term) -> ox.NamedNode | ox.Literal:
    if isinstance(term, rdf.Lit):
        if term.lang:
            return ox.Literal(term.value, language=term.lang)
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype)) if term.datatype else ox.Literal(term.value)
    return ox.NamedNode(term)


def _ox_triples(graph: Graph):
    for s, p, o in rdf.raw_triples(graph):
        yield ox.Triple(ox.NamedNode(s), ox.NamedNode(p), _ox_term(o))


@register("exporter", "ttl", help="RDF as Turtle (ontology/kg.ttl vocabulary)")
def export_turtle(graph: Graph, out: Path) -> None:
    with atomic_output(out) as tmp:
        ox.serialize(_ox_triples(graph), str(tmp), ox.RdfFormat.TURTLE, prefixes=_VOCAB_PREFIXES)


@register("exporter", "nt", help="RDF as N-Triples, one triple per line")
def export_ntriples(graph: Graph, out: Path) -> None:
    with atomic_output(out) as tmp, tmp.open("w", encoding="utf-8", errors="replace") as handle:
        handle.writelines(rdf.iter_ntriples(graph))


@register("exporter", "jsonld", help="RDF as JSON-LD, compacted with kg's prefixes")
def export_jsonld(graph: Graph, out: Path) -> None:
    data = rdf.graph_to_rdf(graph).serialize(format="json-ld", context=dict(rdf.PREFIXES), auto_compact=True)
    with atomic_output(out) as tmp:
        tmp.write_text(json.dumps(json.loads(data), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
