"""Shared by the RDF and Cypher delta tests: random sequences of reports added, changed and removed, and the
check that every update of a derived store equals a rebuild of it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from kg.store import Store
from tests.store.sample import varied_report

DOCS = 5
FIRST = st.lists(st.integers(0, 10_000), min_size=1, max_size=3)  # the reports a store starts with (seeds)
# (doc number, seed): put report `doc` as drawn from `seed` (new, or a change of it); seed None: remove it
STEPS = st.lists(st.tuples(st.integers(0, DOCS - 1), st.one_of(st.none(), st.integers(0, 10_000))),
                 min_size=1, max_size=6)


def apply_step(store: Store, doc: int, seed: int | None) -> None:
    name = f"r{doc}.txt"
    if seed is None:
        store.remove(name)
    else:
        store.put(varied_report(name, seed))


def current(store: Store, kind: str) -> Path:
    """The folder of the derived store of `kind` ("rdf", "cypher") for the store's current state."""
    return store.path / "derived" / f"{kind}-{store.derived._state()}"


def assert_every_update_equals_a_rebuild(first: list[int], steps: list[tuple[int, int | None]], kind: str,
                                         dump: Callable[[Store], Any], rebuilt: Callable[[Store, Path], Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s") as store:
        for doc, seed in enumerate(first):
            apply_step(store, doc, seed)
        store.refresh()
        for doc, seed in steps:
            apply_step(store, doc, seed)
            got = dump(store)
            # updated, not rebuilt: a rebuild would pass the comparison below without testing anything
            assert (current(store, kind) / "complete").read_text().startswith("updated from ")
            assert got == rebuilt(store, Path(tmp))
