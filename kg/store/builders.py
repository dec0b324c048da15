"""How each derived store is made whole from the graph, and how it takes a change in instead
(kg.store.derived decides which); and the mapping's format, which names the stores it made."""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Callable
from pathlib import Path

import pyoxigraph

from kg import rdf
from kg.model import Graph
from kg.store import cypher_delta, cypherdb, incremental, rdf_delta

ONTOLOGY_GRAPH = rdf.BASE + "ontology"


def ontology_dir() -> Path:
    from kg.resources import shared_dir

    return shared_dir("ontology")


RDF_CHUNK = 100_000  # triples per bulk load: one load of 1.3M triples held 1.1 GB here, 100k: 0.2 GB


def build_rdf(graph: Graph, dest: Path) -> None:
    """An on-disk Oxigraph store with the graph (default graph) and the vocabulary (named graph)."""
    store = pyoxigraph.Store(str(dest / "oxigraph"))
    lines = rdf.iter_ntriples(graph)
    while chunk := list(itertools.islice(lines, RDF_CHUNK)):
        store.bulk_load(input="".join(chunk).encode("utf-8", "replace"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    vocab = ontology_dir() / "kg.ttl"
    if vocab.exists():
        store.bulk_load(path=str(vocab), format=pyoxigraph.RdfFormat.TURTLE,
                        to_graph=pyoxigraph.NamedNode(ONTOLOGY_GRAPH))
    store.flush()
    del store
    incremental.write_succession(dest, incremental.succession_bodies(graph.entities.values()))
    rdf_delta.write_firsts(dest, rdf_delta.first_holdings(graph))


def build_cypher(graph: Graph, dest: Path) -> None:
    cypherdb.build(graph, dest)
    incremental.write_succession(dest, incremental.succession_bodies(graph.entities.values()))


BUILDERS: dict[str, Callable[[Graph, Path], None]] = {"rdf": build_rdf, "cypher": build_cypher}
# how each store takes a change in rather than being rebuilt (kg.store.incremental)
UPDATERS: dict[str, Callable[[Path, incremental.Delta, Path], None]] = {"rdf": rdf_delta.update,
                                                                        "cypher": cypher_delta.update}


@functools.cache
def mapping_format() -> str:
    """A short hash of what maps the graph to the derived stores (kg.rdf, kg.pgmodel, kg.store.cypherdb,
    the English labels, the bodies' successions and their data, the ontology): another value means another format."""
    from kg.resources import shared_dir

    here = Path(__file__).resolve().parents[1]
    files = [here / "rdf.py", here / "pgmodel.py", here / "store" / "cypherdb.py", here / "labels_en.py",
             here / "succession.py", here / "reorganisation.py", shared_dir("data") / "labels_en.tsv",
             shared_dir("data") / "reorganisation_2025.yaml", *sorted(ontology_dir().glob("*.ttl"))]
    digest = hashlib.sha1()
    for f in files:
        digest.update(f.name.encode() + b"\0" + (f.read_bytes() if f.exists() else b""))
    return digest.hexdigest()[:8]
