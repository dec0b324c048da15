"""Time from storing one new report to its facts answering a SPARQL and a Cypher query (the derived
stores updated or rebuilt on the way), for scripts/bench_store.py."""

from __future__ import annotations

import time
from dataclasses import dataclass

from kg import query, rdf, resolve
from kg.model import Extraction
from kg.store import Store


@dataclass(frozen=True)
class Queryable:
    """Seconds: storing the report, then the first SPARQL and the first Cypher query that see it."""

    put: float
    sparql: float
    cypher: float

    @property
    def total(self) -> float:
        return self.put + self.sparql + self.cypher


def new_report(store: Store, extraction: Extraction) -> Queryable:
    """Store `extraction` (a report new to the store, with a byline) and query its AUTHORED fact in both
    languages until it answers; each query pays for bringing its derived store up to date."""
    doc = extraction.document.id
    started = time.perf_counter()
    store.put(extraction)
    stored = time.perf_counter()
    seen = query.sparql(store, f"ASK {{ ?p foaf:made <{rdf.report_iri(doc)}> }}").rows
    sparql = time.perf_counter()
    count = query.cypher(store, "MATCH (:Person)-[:AUTHORED]->(d:Document {id: $id}) RETURN count(*)",
                         {"id": resolve.document_id(doc)}).rows
    cypher = time.perf_counter()
    if seen != [[True]] or count != [[1]]:
        raise AssertionError(f"{doc}: its byline is not found (SPARQL {seen}, Cypher {count})")
    return Queryable(stored - started, sparql - stored, cypher - sparql)
