"""Readers in other processes querying, over and over, while a writer adds reports one by one
(the concurrency model of kg.store.derived: copy-on-write per state, readers never wait).

Every query of every reader succeeds; each reader's counts never go back (it sees whole states,
old or new, never a store mid-update); and once the writer is done both readers agree with it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kg import query
from kg.ingest import ingest
from kg.store import Store
from tests.fixtures.synthetic import write_synthetic

ROOT = Path(__file__).resolve().parents[2]
SPARQL = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a foaf:Document }"
CYPHER = "MATCH (d:Document) RETURN count(d) AS n"

_READER = """
import sys, traceback
from pathlib import Path
from kg import query
from kg.store import Store
store, stop, sparql, cypher = sys.argv[1:5]
with Store.open(store, create=False) as s:
    while True:
        last = Path(stop).exists()  # one more round after the writer is done
        try:
            a = query.sparql(s, sparql).rows[0][0]
            b = query.cypher(s, cypher).rows[0][0]
            print(a, b, flush=True)
        except Exception:
            print("ERROR", traceback.format_exc().replace("\\n", " | "), flush=True)
        if last:
            break
"""


def test_readers_in_other_processes_see_whole_states_while_a_writer_adds_reports(tmp_path: Path) -> None:
    files = write_synthetic(tmp_path / "in", 8)
    store_dir, stop = tmp_path / "kg", tmp_path / "stop"
    with Store.open(store_dir) as s:
        ingest([files[0]], s, jobs=1)
        s.refresh()
    readers = [subprocess.Popen([sys.executable, "-c", _READER, str(store_dir), str(stop), SPARQL, CYPHER],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
               for _ in range(2)]
    try:
        with Store.open(store_dir) as s:
            for path in files[1:]:
                ingest([path], s, jobs=1)  # one state per report: the readers race every change
                expected = [query.sparql(s, SPARQL).rows[0][0], query.cypher(s, CYPHER).rows[0][0]]
        stop.touch()
        outputs = [r.communicate(timeout=120) for r in readers]
    finally:
        for r in readers:
            r.kill()
    assert expected == [8, 8]
    for out, err in outputs:
        lines = out.split()
        assert "ERROR" not in out, out + err
        pairs = [(int(a), int(b)) for a, b in zip(lines[::2], lines[1::2], strict=True)]
        assert len(pairs) >= 2
        for kind in (0, 1):
            counts = [p[kind] for p in pairs]
            assert counts == sorted(counts), counts  # never back to an older state
        assert list(pairs[-1]) == expected
