"""Judgements applied where the graph is read: the derived stores follow them, and any history of
reports added, changed and removed, interleaved with judgements and undos, ends as the same graph
as the final reports read into a fresh store with the same judgements."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg import judge, query
from kg.errors import JudgementError, QueryError
from kg.model import Extraction
from kg.store import Store
from kg.store.derived import mapping_format
from kg.store.judgements import Judgement, Rules
from tests.store.sample import canonical, small_report


def _j(kind: str, *args: str, seq: int = 0) -> Judgement:
    return Judgement(kind, args, "lan", f"2026-01-01T00:00:{seq:02d}+00:00", seq=seq)


def test_rules_resolve_chains_and_the_later_merge_decides() -> None:
    rules = Rules([_j("merge", "a", "b", seq=1), _j("merge", "b", "c", seq=2), _j("merge", "x", "c", seq=3)])
    assert rules.remap == {"b": "x", "c": "x", "a": "x"} and rules.group("x") == {"a", "b", "c", "x"}
    assert rules.conflict(_j("merge", "c", "a")) == "c and a are one entity already"
    assert rules.conflict(_j("distinct", "a", "x")) == "a and x are one entity by judgement 1, 2, 3: undo it first"
    # a table edited by hand (a cycle, a merge of a distinct pair) is applied as far as it is consistent
    odd = Rules([_j("distinct", "a", "b", seq=1), _j("merge", "a", "b", seq=2), _j("merge", "c", "d", seq=3),
                 _j("merge", "d", "c", seq=4)])
    assert odd.remap == {"d": "c"}


def test_a_judgement_renews_the_state_so_queries_see_it(tmp_path: Path) -> None:
    people = "MATCH (p:Person) RETURN p.name ORDER BY p.name"
    with Store.open(tmp_path / "kg") as store:
        store.put(small_report("a.txt", [("Lê Văn Bình", "Giám đốc", "Sở Tài chính tỉnh Nghệ An"),
                                         ("Trần Thị Hoa", "Phó Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        assert query.cypher(store, people).rows == [["Lê Văn Bình"], ["Trần Thị Hoa"]]
        state = store.state()
        judge.reject(store, "Trần Thị Hoa", author="lan")
        assert store.state()[0] == state[0] + 1 and store.state()[1] != state[1]
        assert query.cypher(store, people).rows == [["Lê Văn Bình"]]
        names = query.sparql(store, "SELECT ?n WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> ; "
                                    "<http://www.w3.org/2004/02/skos/core#prefLabel> ?n }").rows
        assert names == [["Lê Văn Bình"]]
        judge.undo(store, 1, author="lan")
        assert len(query.cypher(store, people).rows) == 2


# -- any history, compared with a fresh store ---------------------------------------------------

NAMES = ("Lê Văn Bình", "Lê Văn Bính", "Trần Thị Hoa", "Phạm Minh Tâm")
# "Tỉnh Nghệ An" ends both Nghệ An bodies' names: a post there links two namesakes' clusters into
# one entity, as a later report can (and a distinct judgement made before must part them again)
BODIES = ("Sở Tài chính tỉnh Nghệ An", "Sở Nội vụ tỉnh Nghệ An", "Sở Y tế tỉnh Lào Cai", "Tỉnh Nghệ An")
ROLES = ("Giám đốc", "Phó Giám đốc")

# one name drawn more often, so that reports share persons (something to split) and namesakes
post = st.tuples(st.sampled_from(NAMES[:1] * 3 + NAMES[1:]), st.sampled_from(ROLES), st.sampled_from(BODIES))
report_op = st.tuples(st.sampled_from(("put", "put", "remove")), st.integers(0, 3), st.lists(post, min_size=1,
                                                                                             max_size=3))
judge_op = st.tuples(st.sampled_from(("merge", "merge", "distinct", "distinct", "split", "split", "reject",
                                      "reject", "alias", "undo")),
                     st.integers(0, 50), st.integers(0, 50))
history = st.lists(st.one_of(report_op, judge_op), min_size=1, max_size=14)


def _judge(store: Store, kind: str, i: int, k: int) -> None:
    """One judgement on what the store holds now (picked by i, k); a refused one changes nothing."""
    graph = store.graph(include_rejected=True, evidence=False)
    ids = sorted(graph.entities)
    facts = ids + sorted(r.id for r in graph.relations)
    try:
        if kind == "undo":
            judge.undo(store, i % 8 + 1, author="kim")
        elif kind == "reject" and facts:
            judge.reject(store, facts[i % len(facts)], author="kim", reason=f"r{i}")
        elif kind == "alias" and ids:
            judge.alias(store, ids[i % len(ids)], f"Tên {k % 3}", author="kim")
        elif kind in ("merge", "distinct") and ids:
            first = ids[i % len(ids)]
            kin = [x for x in ids if x.split(":")[0] == first.split(":")[0]]  # mostly of one type: merges happen
            namesakes = [x for x in kin if x != first and graph.entities[x].name == graph.entities[first].name]
            if kind == "distinct" and namesakes and k % 3:  # the pairs that resolution may join later
                kin = namesakes
            getattr(judge, kind)(store, first, kin[k % len(kin)], author="kim")
        elif kind == "split":
            # persons several reports mention (a split of the others parts nothing, or everything)
            people = [x for x in ids if x.startswith("person:") and len({e.doc for e in store.entity(x).evidence}) > 1]
            if not people:
                return
            gid = people[i % len(people)]
            posts = [r for r in graph.relations if r.source == gid and r.type == "HOLDS_POSITION"]
            if k % 2 and posts:  # by a post it holds
                post = posts[k % len(posts)]
                judge.split(store, gid, posts=[f"{post.props['role']} @ {post.target}"], author="kim")
            else:  # by one of the reports that mention it
                docs = sorted({ev.doc for ev in store.entity(gid).evidence})
                judge.split(store, gid, reports=[docs[k % len(docs)]], author="kim")
    except JudgementError:
        pass


# always tried: namesakes judged distinct, then linked by a report on their province, then a split by
# post (k odd) and by report (k even) as their reports go and come back
_LINKED = [("put", 0, [(NAMES[0], "Giám đốc", BODIES[0]), (NAMES[2], "Giám đốc", BODIES[1])]),
           ("put", 1, [(NAMES[0], "Giám đốc", BODIES[1])]), ("distinct", 4, 1),
           ("put", 2, [(NAMES[0], "Phó Giám đốc", BODIES[3])])]
_AFTER = [("remove", 0, []), ("put", 0, [(NAMES[0], "Giám đốc", BODIES[0])]), ("put", 2, [(NAMES[3], "Giám đốc",
                                                                                            BODIES[3])])]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example([*_LINKED, ("split", 0, 1), *_AFTER])
@example([*_LINKED, ("split", 1, 0), *_AFTER])
@given(history)
def test_any_history_with_judgements_ends_as_a_fresh_ingest_with_the_same_judgements(steps: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        live: dict[str, Extraction] = {}
        with Store.open(Path(tmp) / "a") as store:
            for op, n, arg in steps:
                if op in ("put", "remove"):
                    doc = f"r{n}.txt"
                    if op == "put":
                        live[doc] = small_report(doc, arg, date=f"2024-0{n + 1}-01")
                        store.put(live[doc])
                    else:
                        store.remove(doc)
                        live.pop(doc, None)
                else:
                    _judge(store, op, n, arg)
            judged = canonical(store.graph()), canonical(store.graph(include_rejected=True))
            judge.export_jsonl(store, Path(tmp) / "j.jsonl")
            stale = [(j.seq, what) for j, what in judge.check(store)]
        with Store.open(Path(tmp) / "b") as fresh:
            for doc in sorted(live, reverse=True):
                fresh.put(live[doc])
            assert judge.import_jsonl(fresh, Path(tmp) / "j.jsonl").refused == []
            assert (canonical(fresh.graph()), canonical(fresh.graph(include_rejected=True))) == judged
            assert [(j.seq, what) for j, what in judge.check(fresh)] == stale


def test_queries_leave_rejected_facts_out_unless_asked_and_then_mark_them(tmp_path: Path) -> None:
    posts = "MATCH (p:Person)-[h:HOLDS_POSITION]->(o) RETURN p.name, h.role, p.rejected, h.rejected ORDER BY p.name"
    sparql = ("SELECT ?n ?why WHERE { ?p a foaf:Person ; skos:prefLabel ?n OPTIONAL { ?p kg:rejected ?why } } "
              "ORDER BY ?n")
    with Store.open(tmp_path / "kg") as store:
        store.put(small_report("a.txt", [("Lê Văn Bình", "Giám đốc", "Sở Tài chính tỉnh Nghệ An"),
                                         ("Trần Thị Hoa", "Phó Giám đốc", "Sở Nội vụ tỉnh Nghệ An")]))
        j = judge.reject(store, "Trần Thị Hoa", author="lan", reason="not there")
        assert query.cypher(store, posts).rows == [["Lê Văn Bình", "Giám đốc", None, None]]
        assert query.sparql(store, sparql).rows == [["Lê Văn Bình", None]]
        note = f"by lan at {j.time} (judgement 1): not there"
        assert query.cypher(store, posts, include_rejected=True).rows == [
            ["Lê Văn Bình", "Giám đốc", None, None], ["Trần Thị Hoa", "Phó Giám đốc", note, note]]
        assert query.sparql(store, sparql, include_rejected=True).rows == [["Lê Văn Bình", None],
                                                                           ["Trần Thị Hoa", note]]
        assert query.run("cypher", posts, store=store).rows == [["Lê Văn Bình", "Giám đốc", None, None]]
        state = f"{store.state()[1]}.{mapping_format()}"  # (the state and the mapping's format)
        assert {p.name for p in (store.path / "derived").iterdir() if p.is_dir()} == {
            f"{kind}-{state}" for kind in ("rdf", "cypher", "rdf-rejected", "cypher-rejected")}
        judge.undo(store, 1, author="lan")  # a new state: both kinds rebuilt from the graph as judged now
        assert len(query.cypher(store, posts).rows) == 2
    with pytest.raises(QueryError, match="applies to the embedded store"):
        query.run("cypher", posts, target="bolt://localhost:1", include_rejected=True)
