"""kg.store.prepared: an extraction turned into rows without the store, anywhere, the same way."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.model import DocumentInfo, Entity, Evidence, Extraction, Relation
from kg.store import Store
from kg.store.prepared import DOC_LOCAL_ID, Prepared, prepare
from tests.store.sample import EXAMPLE, REPORTS, canonical, load_extraction, synthetic

ROOT = Path(__file__).resolve().parents[2]

_IN_ANOTHER_PROCESS = """
import pickle, sys
from kg.store.prepared import prepare
from tests.store.sample import load_extraction
sys.stdout.buffer.write(pickle.dumps(prepare(load_extraction(sys.argv[1]))))
"""


def test_preparing_leaves_the_extraction_as_it_was() -> None:
    ex = load_extraction(EXAMPLE)
    ex.entities.append(copy.deepcopy(ex.entities[0]))  # a repeated local id is merged in the copy
    before = copy.deepcopy(ex)
    prepare(ex)
    assert ex == before


def test_the_same_rows_in_another_process_and_after_pickling() -> None:
    here = prepare(load_extraction(EXAMPLE))
    out = subprocess.run([sys.executable, "-c", _IN_ANOTHER_PROCESS, EXAMPLE], capture_output=True, cwd=ROOT,
                         check=True)
    there = pickle.loads(out.stdout)
    assert there == here == pickle.loads(pickle.dumps(here))


def test_rows_hold_no_report_text() -> None:
    ex = synthetic(3)  # what a worker sends the writer: the evidence, not the whole text again
    assert ex.text.encode() not in pickle.dumps(prepare(ex))


def test_persons_wait_for_the_writer_everything_else_has_its_id() -> None:
    prep = prepare(load_extraction(EXAMPLE))
    persons = [m for m in prep.mentions if m[2] == "Person"]
    others = [m for m in prep.mentions if m[2] != "Person"]
    assert persons and all(m[4] == "" for m in persons)
    assert others and all(m[4] for m in others)
    assert prep.person_keys == {m[3] for m in persons}


def test_an_undated_report_without_a_document_entity() -> None:
    info = DocumentInfo("undated.txt", title="Báo cáo", sha256="ab" * 32)
    meeting = Entity("E1", "Event", "Hội nghị sơ kết", props={"date": "2020-03-05", "main": True})
    prep = prepare(Extraction(info, "", [meeting], []))
    assert prep.date == "2020-03-05" and '"date":"2020-03-05"' in prep.info
    doc = next(m for m in prep.mentions if m[1] == DOC_LOCAL_ID)
    assert doc[2] == "Document" and doc[5] == "Báo cáo"


@pytest.mark.parametrize(
    ("extraction", "problem"),
    [
        (Extraction(DocumentInfo(""), "", [], []), "without an id"),
        (Extraction(DocumentInfo("r.txt"), "", [Entity("X", "Organization", " ")], []), "no id, type or name"),
        (Extraction(DocumentInfo("r.txt"), "", [Entity("X", "Organization", "Bộ Y tế")],
                    [Relation("PART_OF", "X", "NOWHERE", evidence=[Evidence("r.txt", 0, 1, "B")])]),
         "unknown entity 'NOWHERE'"),
    ],
)
def test_inconsistent_extractions_are_refused(extraction: Extraction, problem: str) -> None:
    with pytest.raises(StoreError, match=problem):
        prepare(extraction)


def test_put_prepared_stores_what_put_stores(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a") as a, Store.open(tmp_path / "b") as b:
        for stem in REPORTS:
            ex = load_extraction(stem)
            prepared = pickle.loads(pickle.dumps(Store.prepare(ex)))  # as it comes back from a worker
            assert isinstance(prepared, Prepared)
            assert b.put_prepared(prepared) == a.put(ex)
        assert canonical(a.graph()) == canonical(b.graph())
        assert [d.to_dict() for d in a.documents()] == [d.to_dict() for d in b.documents()]
