"""Remote backends: push the store's graph into servers and query them there.

Each module registers itself in kg.registry:
- loaders ``neo4j`` (Bolt, kg.backends.bolt) and ``sparql`` (SPARQL 1.1 over HTTP,
  kg.backends.sparql), called as ``func(graph, target, *, state_dir=..., **options) -> LoadReport``;
- query engines ``neo4j`` and ``sparql-endpoint``, called as
  ``func(query, params, target) -> kg.registry.QueryResult``.

Loads are incremental: what was sent to each target is remembered under the store directory
(kg.backends.state), so a second load sends only what changed, and a load cut short by a dying
server is finished by running it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class LoadReport:
    """What one load did. Counts are per kind of item: nodes/relationships or triples."""

    target: str
    method: str  # "bolt", "gsp" (Graph Store Protocol) or "update" (SPARQL Update)
    written: dict[str, int] = field(default_factory=dict)  # created or changed
    deleted: dict[str, int] = field(default_factory=dict)  # gone from the store since last load
    unchanged: dict[str, int] = field(default_factory=dict)  # already there, not sent again
    full: bool = False  # everything was (re)sent, not only what changed
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for a person, e.g. 'bolt://h:7687: 10 nodes, 12 relationships written ...'."""

        def fmt(counts: dict[str, int]) -> str:
            return ", ".join(f"{n} {kind}" for kind, n in counts.items()) or "nothing"

        parts = [f"{fmt(self.written)} written"]
        if any(self.deleted.values()):
            parts.append(f"{fmt(self.deleted)} deleted")
        if any(self.unchanged.values()):
            parts.append(f"{fmt(self.unchanged)} unchanged")
        kind = "full load" if self.full else "incremental load"
        return f"{self.target} ({kind}, {self.method}): {'; '.join(parts)} in {self.seconds:.1f} s"


STATE_DIR = "loads"  # under the store folder: one JSON file per target (kg.backends.state)


def load(name: str, target: str, *, store: str | Path | None = None, include_rejected: bool = False,
         min_confidence: float = 0.0, min_reports: int = 1, **options: Any) -> LoadReport:
    """Push the store's graph into `target` with the loader registered as `name`.

    `store` is the store folder (default: $KG_STORE or ./kg-data); what each target received is
    remembered in its ``loads/`` folder, so the next load sends only what changed. `options` go
    to the loader (see kg.backends.bolt.load_neo4j, kg.backends.sparql.load_sparql). Facts judged
    wrong (kg judge reject) are left out unless `include_rejected`; so are the relations under
    `min_confidence` or stated by fewer than `min_reports` independent reports (kg.trust.trusted;
    an incremental load deletes from the target what a stricter filter drops).
    """
    from kg.registry import get
    from kg.store import Store
    from kg.trust import check, trusted

    check(min_confidence, min_reports)

    loader = get("loader", name)
    with Store.open(store, create=False) as db:
        graph = trusted(db.graph(include_rejected=include_rejected), min_confidence, min_reports)
        state_dir = db.path / STATE_DIR
    return loader.func(graph, target, state_dir=state_dir, **options)
