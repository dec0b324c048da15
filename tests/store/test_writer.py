"""Incremental resolution (a new report against stored clusters) gives the same graph as
resolving everything at once, whatever the order of puts, replacements and removals."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.model import DocumentInfo, Entity, Evidence, Extraction, Relation
from kg.store import PutResult, Store
from tests.store.sample import canonical

NAMES = ("Nguyễn Đức Thụ", "Lê Thị Hoa", "Trần Văn An")
BODIES = ("Văn phòng Quốc hội", "Đảng ủy cơ quan Văn phòng Quốc hội", "Ủy ban nhân dân tỉnh Bình Định",
          "Sở Tài chính tỉnh Bình Định", "Bộ Y tế")
EVENTS = ("Hội nghị A", "Hội nghị B")

person = st.tuples(st.sampled_from(NAMES), st.sampled_from((None, *BODIES)), st.sampled_from((None, *EVENTS)))
report = st.tuples(st.dates().map(lambda d: d.isoformat()), st.lists(person, min_size=1, max_size=4))
ops = st.lists(st.tuples(st.sampled_from(("put", "put", "remove")), st.integers(0, 5), report), min_size=1, max_size=12)


def _extraction(doc: str, date: str, people: list[tuple[str, str | None, str | None]]) -> Extraction:
    ents, rels = [], []
    for k, (name, body, event) in enumerate(people):
        ev = Evidence(doc, k, k + 1, name, name)
        ents.append(Entity(f"p{k}", "Person", name, evidence=[ev]))
        if body:
            ents.append(Entity(f"o{k}", "Organization", body))
            rels.append(Relation("HOLDS_POSITION", f"p{k}", f"o{k}", {"role": "Phó Chủ tịch"}, [ev]))
        if event:
            ents.append(Entity(f"e{k}", "Event", event))
            rels.append(Relation("ATTENDED", f"p{k}", f"e{k}", {}, [ev]))
    sha = hashlib.sha256(repr((date, people)).encode()).hexdigest()
    return Extraction(DocumentInfo(doc, date=date, sha256=sha), "", ents, rels)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops)
def test_any_history_ends_as_the_same_graph_as_a_fresh_load(history: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        live: dict[str, Extraction] = {}
        with Store.open(Path(tmp) / "a") as store:
            for op, n, (date, people) in history:
                doc = f"r{n}.txt"
                if op == "put":
                    before = store.graph()
                    ex = _extraction(doc, date, people)
                    result = store.put(ex)
                    live[doc] = ex
                    after = store.graph()
                    # the counts of what is new are exact, even when persons are re-labelled
                    assert result == PutResult(len(set(after.entities) - set(before.entities)),
                                               len({r.id for r in after.relations} - {r.id for r in before.relations}))
                else:
                    assert store.remove(doc) == (doc in live)
                    live.pop(doc, None)
            incremental = canonical(store.graph())
        with Store.open(Path(tmp) / "b") as fresh:
            for doc in sorted(live, reverse=True):
                fresh.put(live[doc])
            assert canonical(fresh.graph()) == incremental
