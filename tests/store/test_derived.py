"""The derived RDF and Cypher stores: built lazily, rebuilt when the truth changes, read-only,
crash-proof, cleaned up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import query
from kg.errors import QueryError
from kg.store import Store
from tests.store.sample import EXAMPLE, SECOND, THIRD, load_extraction, synthetic

ROOT = Path(__file__).resolve().parents[2]
PERSONS_SPARQL = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a foaf:Person }"
PERSONS_CYPHER = "MATCH (p:Person) RETURN count(p) AS n"


def _states(store: Store) -> list[str]:
    return sorted(p.name for p in (store.path / "derived").iterdir() if p.is_dir())


def test_queries_see_every_write(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as s:
        s.put(load_extraction(EXAMPLE))
        assert query.sparql(s, PERSONS_SPARQL).rows == [[3]]
        assert query.cypher(s, PERSONS_CYPHER).rows == [[3]]
        s.put(load_extraction(SECOND))  # + Lê Thị Hoa, Minh Anh
        assert query.sparql(s, PERSONS_SPARQL).rows == [[5]]
        assert query.cypher(s, PERSONS_CYPHER).rows == [[5]]
        s.remove("vpqh-2019-09-10.txt")
        assert query.cypher(s, PERSONS_CYPHER).rows == [[3]]
        assert query.sparql(s, PERSONS_SPARQL).rows == [[3]]
    with Store.open(tmp_path / "s") as s:  # another process's view, from disk
        assert query.sparql(s, PERSONS_SPARQL).rows == [[3]]


def test_built_once_per_state_and_old_states_removed(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as s:
        for i in range(5):  # writes alone build nothing
            s.put(synthetic(i))
        assert not (s.path / "derived").exists()
        s.refresh()
        first = _states(s)
        assert len(first) == 2 and {n.split("-")[0] for n in first} == {"rdf", "cypher"}
        query.sparql(s, PERSONS_SPARQL)
        query.cypher(s, PERSONS_CYPHER)
        assert _states(s) == first  # nothing rebuilt
        s.put(load_extraction(EXAMPLE))
        query.cypher(s, PERSONS_CYPHER)
        query.sparql(s, PERSONS_SPARQL)
        second = _states(s)
        assert len(second) == 2 and not set(first) & set(second)


def test_a_reader_of_an_old_state_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with Store.open(path) as s:
        s.put(load_extraction(EXAMPLE))
        s.refresh()
    reader = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom kg.store import Store\nfrom kg import query\n"
         "s = Store.open(sys.argv[1])\nprint(query.sparql(s, sys.argv[2]).rows[0][0], flush=True)\n"
         "sys.stdin.readline()\nprint(query.sparql(s, sys.argv[2]).rows[0][0], flush=True)\n",
         str(path), PERSONS_SPARQL],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    try:
        assert reader.stdout.readline().strip() == "3"
        with Store.open(path) as s:
            old = _states(s)
            s.put(load_extraction(SECOND))
            assert query.sparql(s, PERSONS_SPARQL).rows == [[5]]
            now = _states(s)
            old_rdf, old_cypher = sorted(old)[1], sorted(old)[0]
            assert old_rdf in now  # the other process reads it: not deleted
            assert old_cypher not in now  # nobody holds it
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "5"  # the reader moves on to the new state
    finally:
        reader.kill()
        reader.wait()


def test_derived_stores_are_read_only(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as s:
        s.put(load_extraction(EXAMPLE))
        with pytest.raises(QueryError, match="read-only"):
            query.cypher(s, "CREATE (:Person {id: 'x', name: 'x'})")
        with pytest.raises(QueryError, match="read-only"):
            query.sparql(s, 'INSERT DATA { <urn:a> <urn:b> "c" }')
        assert query.cypher(s, PERSONS_CYPHER).rows == [[3]]


def test_leftovers_of_a_killed_build_are_cleaned_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with Store.open(path) as s:
        for i in range(200):
            s.put(synthetic(i))
    builder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom kg.store import Store\nStore.open(sys.argv[1]).refresh()\n",
         str(path)],
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and builder.poll() is None:
        if (path / "derived").exists() and list((path / "derived").glob(".build-*")):
            break  # killed mid-build
        time.sleep(0.005)
    if builder.poll() is None:
        os.kill(builder.pid, signal.SIGKILL)
    builder.wait()
    (path / "derived" / ".build-rdf-0123456789abcdef-999999999").mkdir(parents=True, exist_ok=True)
    with Store.open(path) as s:
        s.put(load_extraction(THIRD))
        rows = query.sparql(s, PERSONS_SPARQL).rows
        assert rows[0][0] > 0
        assert query.cypher(s, PERSONS_CYPHER).rows == rows
        leftovers = [p.name for p in (path / "derived").iterdir() if p.name.startswith(".build-")]
        assert leftovers == []


def test_stores_built_by_another_version_of_the_mapping_are_stale(tmp_path: Path) -> None:
    # an older kg named its derived stores after the state alone and mapped the graph its own way: after an
    # upgrade a query must not be answered from them (they may lack what a new query asks for)
    with Store.open(tmp_path / "s") as s:
        s.put(load_extraction(EXAMPLE))
        s.refresh()
        built = _states(s)
    old = []
    for name in built:
        kind, state = name.split("-", 1)
        older = f"{kind}-{state.rsplit('.', 1)[0]}"  # the name an older kg gave the same state
        (tmp_path / "s" / "derived" / name).rename(tmp_path / "s" / "derived" / older)
        old.append(older)
    with Store.open(tmp_path / "s") as s:
        assert query.sparql(s, PERSONS_SPARQL).rows == [[3]]
        assert query.cypher(s, PERSONS_CYPHER).rows == [[3]]
        assert _states(s) == built  # built again for this mapping, the older ones cleaned away
        assert not set(old) & set(_states(s))
