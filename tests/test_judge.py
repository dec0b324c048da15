"""kg.judge on a real store: what each judgement does to the graph, and that it lasts through
re-ingest, changed reports, removals, undo and a trip through a JSONL file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import judge
from kg.errors import AmbiguousName, JudgementError
from kg.model import Graph
from kg.store import Store, splits
from kg.store.judgements import REJECTED
from kg.store.views import describe
from tests.store.sample import canonical, person_id, small_report

FIN, HOME = "Sở Tài chính tỉnh Nghệ An", "Sở Nội vụ tỉnh Nghệ An"
A = small_report("a.txt", [("Lê Văn Bình", "Giám đốc", FIN), ("Trần Thị Hoa", "Phó Giám đốc", HOME)])
# the same director, his name mistyped in another report, and a namesake of Hoa in another province
B = small_report("b.txt", [("Lê Văn Bính", "Giám đốc", FIN), ("Trần Thị Hoa", "Chủ tịch", "Hội Nông dân tỉnh Cà Mau")],
                 date="2024-04-02")
C = small_report("c.txt", [("Phạm Minh Tâm", "Giám đốc", "Sở Y tế tỉnh Lào Cai")], date="2024-05-01")
BINH, BINH2 = person_id("Lê Văn Bình"), person_id("Lê Văn Bính")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "kg-data") as s:
        for ex in (A, B, C):
            s.put(ex)
        yield s


def _posts(graph: Graph, gid: str) -> list:
    return [r for r in graph.relations if r.source == gid and r.type == "HOLDS_POSITION"]


def test_merge_folds_the_second_into_the_first_and_equal_relations_merge(store: Store) -> None:
    before = store.graph()
    j = judge.merge(store, "Lê Văn Bình", "Lê Văn Bính", author="lan", reason="a typo in b.txt")
    assert (j.kind, j.args, j.author, j.reason, j.seq) == ("merge", (BINH, BINH2), "lan", "a typo in b.txt", 1)
    graph = store.graph()
    assert BINH2 not in graph.entities and len(graph.entities) == len(before.entities) - 1
    binh = graph.entities[BINH]
    assert binh.name == "Lê Văn Bình" and "Lê Văn Bính" in binh.aliases
    assert {ev.doc for ev in binh.evidence} == {"a.txt", "b.txt"}
    [post] = _posts(graph, BINH)  # the two reports' posts are one relation now, with both's evidence
    assert {ev.doc for ev in post.evidence} == {"a.txt", "b.txt"} and post.props["since"] == "2024-03-14"
    assert len(graph.relations) == len(before.relations) - 1
    assert store.find("Lê Văn Bính") == [BINH] and store.find(BINH2) == [BINH]
    [view] = describe(store, BINH2)  # kg show of the merged-away id shows the entity it is in
    assert view.entity.id == BINH and len(view.links) == 1


def test_merge_chains_resolve_and_the_later_merge_decides(store: Store) -> None:
    tam = person_id("Phạm Minh Tâm")
    judge.merge(store, BINH, BINH2, author="lan")
    with pytest.raises(JudgementError, match="cannot merge a Person"):
        judge.merge(store, BINH2, FIN, author="lan")
    judge.merge(store, BINH2, tam, author="lan")  # B2 is in Bình already: Tâm goes there too
    graph = store.graph()
    assert BINH in graph.entities and BINH2 not in graph.entities and tam not in graph.entities
    assert {"Lê Văn Bính", "Phạm Minh Tâm"} <= set(graph.entities[BINH].aliases)
    with pytest.raises(JudgementError, match="one entity already"):
        judge.merge(store, tam, BINH, author="lan")


def test_distinct_refuses_a_merge_of_the_pair_even_through_a_chain(store: Store) -> None:
    tam = person_id("Phạm Minh Tâm")
    judge.distinct(store, BINH, tam, author="lan", reason="two men")
    with pytest.raises(JudgementError, match="distinct by judgement 1"):
        judge.merge(store, tam, BINH, author="lan")
    judge.merge(store, BINH, BINH2, author="lan")
    with pytest.raises(JudgementError, match="distinct by judgement 1"):
        judge.merge(store, tam, BINH2, author="lan")
    with pytest.raises(JudgementError, match="one entity by judgement 2: undo it first"):
        judge.distinct(store, BINH2, BINH, author="lan")
    with pytest.raises(JudgementError, match="the same as judgement 1"):
        judge.distinct(store, tam, BINH, author="lan")


def test_reject_an_entity_drops_it_and_its_relations_but_keeps_them_on_request(store: Store) -> None:
    before = store.graph()
    j = judge.reject(store, "Sở Nội vụ tỉnh Nghệ An", author="lan", reason="not in this report")
    home = j.args[0]
    graph = store.graph()
    assert home not in graph.entities
    assert not [r for r in graph.relations if home in (r.source, r.target)]
    assert len(graph.relations) == len(before.relations) - 2  # Hoa's post there, and its PART_OF
    full = store.graph(include_rejected=True)
    assert full.entities[home].props[REJECTED] == f"by lan at {j.time} (judgement 1): not in this report"
    assert sorted(r.props.get(REJECTED, "") for r in full.relations if home in (r.source, r.target)) == \
        [full.entities[home].props[REJECTED]] * 2
    [view] = describe(store, "Sở Nội vụ tỉnh Nghệ An")  # kg show still finds it, and says why it is out
    assert REJECTED in view.entity.props and all(REJECTED in link.relation.props for link in view.links)


def test_reject_a_relation_leaves_its_ends(store: Store) -> None:
    [post] = _posts(store.graph(), BINH)
    judge.reject(store, post.id, author="lan", reason="he left in 2023")
    graph = store.graph()
    assert post.id not in {r.id for r in graph.relations} and BINH in graph.entities
    assert post.id in {r.id for r in store.graph(include_rejected=True).relations}
    with pytest.raises(JudgementError, match="no relation 'rel:0000'"):
        judge.reject(store, "rel:0000", author="lan")
    with pytest.raises(JudgementError, match="the same as judgement 1"):
        judge.reject(store, post.id, author="lan")


def test_a_rejected_relation_stays_rejected_when_a_merge_moves_it(store: Store) -> None:
    [post] = _posts(store.graph(), BINH2)
    judge.reject(store, post.id, author="lan")  # b.txt's post, named before the merge
    judge.merge(store, BINH, BINH2, author="lan")  # ... becomes one with a.txt's
    assert not _posts(store.graph(), BINH)
    judge.undo(store, 2, author="lan")
    assert _posts(store.graph(), BINH) and not _posts(store.graph(), BINH2)


def test_alias_makes_the_entity_findable_by_the_name(store: Store) -> None:
    assert store.find("Sở TC Nghệ An") == []
    j = judge.alias(store, FIN, "Sở TC Nghệ An", author="lan")
    assert store.find("Sở TC Nghệ An") == store.find("so tc nghe an") == [j.args[0]]
    assert "Sở TC Nghệ An" in store.graph().entities[j.args[0]].aliases
    assert [v.entity.id for v in describe(store, "SỞ TC NGHỆ AN")] == [j.args[0]]


def test_a_name_of_several_entities_asks_which(store: Store) -> None:
    with pytest.raises(AmbiguousName) as caught:
        judge.reject(store, "Trần Thị Hoa", author="lan")
    assert [(c[1], c[2]) for c in caught.value.candidates] == [("Person", "Trần Thị Hoa")] * 2
    assert len({c[0] for c in caught.value.candidates}) == 2 and "give an id" in str(caught.value)
    with pytest.raises(JudgementError, match="no entity named 'Nobody'"):
        judge.alias(store, "Nobody", "X", author="lan")


def _judge_all(store: Store) -> None:
    judge.merge(store, BINH, BINH2, author="lan")
    judge.reject(store, HOME, author="lan")
    judge.alias(store, "Phạm Minh Tâm", "ông Tâm", author="lan")


def test_judgements_survive_reingest_changed_reports_and_removals(store: Store, tmp_path: Path) -> None:
    _judge_all(store)
    judged = canonical(store.graph())
    store.put(A)  # the same report again
    store.put(B)
    assert canonical(store.graph()) == judged
    changed = small_report("b.txt", [("Lê Văn Bính", "Giám đốc", FIN), ("Vũ Văn An", "Chủ tịch", "Hội Nông dân")],
                           date="2024-04-03")
    store.put(changed)
    store.remove("c.txt")  # unrelated to every judgement but the alias
    graph = store.graph()
    assert BINH2 not in graph.entities and {ev.doc for ev in graph.entities[BINH].evidence} == {"a.txt", "b.txt"}
    assert not [e for e in graph.entities.values() if e.name == HOME]
    with Store.open(tmp_path / "fresh") as fresh:  # the same as the final reports read anew, then judged
        fresh.put(A)
        fresh.put(changed)
        judge.export_jsonl(store, tmp_path / "j.jsonl")
        assert judge.import_jsonl(fresh, tmp_path / "j.jsonl").added == 3
        assert canonical(fresh.graph()) == canonical(graph)
    assert [j.kind for j, _ in judge.check(store)] == ["alias"]  # Tâm went with c.txt


def test_undo_gives_back_the_graph_without_the_judgement(store: Store) -> None:
    plain = canonical(store.graph())
    _judge_all(store)
    assert canonical(store.graph()) != plain
    for seq in (3, 1, 2):
        judge.undo(store, seq, author="kim")
    assert canonical(store.graph()) == plain
    assert [(j.active, j.undone_by) for j in judge.listing(store)] == [(False, "kim")] * 3
    assert judge.listing(store, include_undone=False) == []
    assert judge.reject(store, HOME, author="lan").seq == 4  # the same decision again, within the second
    with pytest.raises(JudgementError, match="undone already"):
        judge.undo(store, 1)
    with pytest.raises(JudgementError, match="no judgement 9"):
        judge.undo(store, 9)


def test_export_then_import_into_a_fresh_store_gives_the_same_graph(store: Store, tmp_path: Path) -> None:
    _judge_all(store)
    judge.undo(store, 3, author="lan")
    assert judge.export_jsonl(store, tmp_path / "j.jsonl") == 3
    with Store.open(tmp_path / "fresh") as fresh:
        for ex in (C, B, A):
            fresh.put(ex)
        done = judge.import_jsonl(fresh, tmp_path / "j.jsonl")
        assert (done.added, done.known, done.refused) == (3, 0, [])
        assert canonical(fresh.graph(include_rejected=True)) == canonical(store.graph(include_rejected=True))
        state = fresh.state()
        again = judge.import_jsonl(fresh, tmp_path / "j.jsonl")  # idempotent, and writes nothing
        assert (again.added, again.known) == (0, 3) and fresh.state() == state
        assert [j.uid for j in judge.listing(fresh)] == [j.uid for j in judge.listing(store)]


def test_an_import_carries_undos_and_refuses_conflicts(store: Store, tmp_path: Path) -> None:
    judge.merge(store, BINH, BINH2, author="lan")
    judge.export_jsonl(store, tmp_path / "before.jsonl")
    judge.undo(store, 1, author="lan")
    judge.export_jsonl(store, tmp_path / "after.jsonl")
    with Store.open(tmp_path / "other") as other:
        for ex in (A, B):
            other.put(ex)
        judge.import_jsonl(other, tmp_path / "before.jsonl")
        judge.distinct(other, BINH, person_id("Trần Thị Hoa"), author="kim")
        assert judge.import_jsonl(other, tmp_path / "after.jsonl").undone == 1
        assert BINH2 in other.graph().entities
    with Store.open(tmp_path / "third") as third:
        third.put(A)
        judge.distinct(third, BINH, "Trần Thị Hoa", author="kim")
        (tmp_path / "bad.jsonl").write_text(
            (tmp_path / "before.jsonl").read_text(encoding="utf-8").replace(BINH2, person_id("Trần Thị Hoa")))
        done = judge.import_jsonl(third, tmp_path / "bad.jsonl")
        assert done.added == 0 and "distinct by judgement 1" in done.refused[0][1]
    (tmp_path / "garbage.jsonl").write_text('{"kind": "merge", "args": ["x"]}\n')
    with pytest.raises(JudgementError, match=r"garbage.jsonl:1: not a judgement \(merge takes 2"):
        judge.read_jsonl(tmp_path / "garbage.jsonl")


def test_check_lists_the_judgements_whose_entities_are_gone(store: Store) -> None:
    [post] = _posts(store.graph(), person_id("Phạm Minh Tâm"))
    judge.reject(store, post.id, author="lan")
    judge.merge(store, BINH, BINH2, author="lan")
    assert judge.check(store) == []
    store.remove("c.txt")
    store.remove("b.txt")
    problems = {j.seq: what for j, what in judge.check(store)}
    assert problems == {1: f"{post.id} is no longer in the store", 2: f"{BINH2} is no longer in the store"}


def test_the_author_comes_from_the_option_the_environment_or_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_AUTHOR", "env-author")
    assert judge.author_of("given") == "given" and judge.author_of(None) == "env-author"
    monkeypatch.delenv("KG_AUTHOR")
    assert judge.author_of(None)


# -- split, and distinct holding against resolution ----------------------------------------------

D = small_report("d.txt", [("Lê Văn Bình", "Phó Giám đốc", FIN)], date="2024-06-01")  # resolution: Bình of a.txt


def test_split_by_report_parts_the_mentions_and_their_relations_off_under_a_stable_id(store: Store,
                                                                                      tmp_path: Path) -> None:
    store.put(D)
    assert {ev.doc for ev in store.graph().entities[BINH].evidence} == {"a.txt", "d.txt"}
    j = judge.split(store, "Lê Văn Bình", reports=["d.txt"], author="lan", reason="two directors")
    other = splits.split_id(BINH, ["report:d.txt"])
    assert (j.kind, j.args, other) == ("split", (BINH, "report:d.txt"), BINH + "-s" + other[-6:])
    graph = store.graph()
    assert {ev.doc for ev in graph.entities[BINH].evidence} == {"a.txt"}
    assert {ev.doc for ev in graph.entities[other].evidence} == {"d.txt"}
    assert [r.props["role"] for r in _posts(graph, BINH)] == ["Giám đốc"]
    assert [r.props["role"] for r in _posts(graph, other)] == ["Phó Giám đốc"]
    assert sorted(store.find("Lê Văn Bình")) == sorted([BINH, other])
    assert [len(v.links) for v in describe(store, other)] == [1]
    with pytest.raises(JudgementError, match="parted by split judgement 1: undo it instead"):
        judge.merge(store, BINH, other, author="lan")
    judge.alias(store, other, "ông Bình phó", author="lan")  # the new id is an entity like any other
    assert store.find("ông Bình phó") == [other]
    judged = canonical(store.graph())
    store.put(D)  # re-ingest, and an unrelated report gone: the same split
    store.remove("c.txt")
    store.put(C)
    assert canonical(store.graph()) == judged
    with Store.open(tmp_path / "fresh") as fresh:
        for ex in (D, C, B, A):
            fresh.put(ex)
        judge.export_jsonl(store, tmp_path / "j.jsonl")
        assert judge.import_jsonl(fresh, tmp_path / "j.jsonl").added == 2
        assert canonical(fresh.graph()) == judged
    judge.undo(store, 1, author="lan")
    assert other not in store.graph().entities and [j.kind for j, _ in judge.check(store)] == ["alias"]


def test_split_by_post_follows_the_post_into_later_reports(store: Store) -> None:
    store.put(D)
    judge.split(store, BINH, posts=[f"phó giám đốc @ {FIN}"], author="lan")
    fin = store.find(FIN)[0]
    other = splits.split_id(BINH, [f"post:phó giám đốc@{fin}"])
    assert {ev.doc for ev in store.graph().entities[other].evidence} == {"d.txt"}
    store.put(small_report("e.txt", [("Lê Văn Bình", "Phó Giám đốc", FIN)], date="2024-07-01"))
    graph = store.graph()
    assert {ev.doc for ev in graph.entities[other].evidence} == {"d.txt", "e.txt"}
    assert {ev.doc for ev in graph.entities[BINH].evidence} == {"a.txt"}
    assert judge.check(store) == []
    store.remove("d.txt")
    store.remove("e.txt")
    assert [what for _, what in judge.check(store)] == [f"{BINH} has no mention left in those reports: the split "
                                                        "parts nothing"]


def test_a_split_that_parts_nothing_or_everything_is_refused(store: Store) -> None:
    with pytest.raises(JudgementError, match=r"no report 'zz\.txt' in the store"):
        judge.split(store, BINH, reports=["zz.txt"], author="lan")
    with pytest.raises(JudgementError, match="has no mention in those reports: nothing to split off"):
        judge.split(store, BINH, reports=["c.txt"], author="lan")
    with pytest.raises(JudgementError, match=r"every mention of .* is in those reports: nothing would stay"):
        judge.split(store, "Phạm Minh Tâm", reports=["c.txt"], author="lan")
    with pytest.raises(JudgementError, match="needs the reports"):
        judge.split(store, BINH, author="lan")
    with pytest.raises(JudgementError, match="'ROLE @ BODY'"):
        judge.split(store, BINH, posts=["Giám đốc"], author="lan")
    store.put(D)
    judge.split(store, BINH, reports=["d.txt"], author="lan")
    with pytest.raises(JudgementError, match="the same as judgement 1"):
        judge.split(store, BINH, reports=[" d.txt"], author="lan")
    store.remove("d.txt")
    assert [what for _, what in judge.check(store)] == ["report:d.txt is no longer in the store"]


def test_distinct_keeps_namesakes_apart_when_a_later_report_links_them(store: Store) -> None:
    home = small_report("x.txt", [("Lê Văn Bình", "Giám đốc", HOME)], date="2024-05-05")
    store.put(home)
    namesake = person_id("Lê Văn Bình")[: -7]  # the second Bình's id names his body
    [binh_home] = [g for g in store.find("Lê Văn Bình") if g != BINH and g.startswith(namesake)]
    judge.distinct(store, BINH, binh_home, author="lan", reason="two men")
    # a report naming a Bình of the province: resolution links both bodies' Bình through it
    store.put(small_report("y.txt", [("Lê Văn Bình", "Phó Chủ tịch", "Tỉnh Nghệ An")], date="2024-06-06"))
    with store.snapshot() as conn:
        assert conn.execute("SELECT DISTINCT gid FROM mentions WHERE doc='x.txt' AND type='Person'"
                            ).fetchall() == [(BINH,)]  # one entity as resolved ...
    graph = store.graph()  # ... two as judged
    assert {ev.doc for ev in graph.entities[binh_home].evidence} == {"x.txt"}
    assert {ev.doc for ev in graph.entities[BINH].evidence} == {"a.txt", "y.txt"}
    assert [r.props["role"] for r in _posts(graph, binh_home)] == ["Giám đốc"]
    assert judge.check(store) == [] and describe(store, binh_home)[0].entity.id == binh_home
    with pytest.raises(JudgementError, match="distinct by judgement 1"):
        judge.merge(store, BINH, binh_home, author="lan")
    judge.undo(store, 1, author="lan")
    assert binh_home not in store.graph().entities
