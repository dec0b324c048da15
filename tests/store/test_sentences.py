"""kg.store.sentences: each report's evidence sentences stored once, every piece of evidence
(sentence, offsets, report) read back as it was put."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from kg.model import DocumentInfo, Entity, Evidence, Extraction, Relation
from kg.store import Store, reader, sentences
from kg.store.sentences import Sentences, decode

DOC = "tin-nghe-an.txt"
# one sentence that states many facts; the others each test one way an item is encoded
SHARED = "Chiều 5/3, Giám đốc Sở Tài chính tỉnh Nghệ An Lê Văn Bình chủ trì hội nghị tổng kết năm."
QUOTED = 'Ông Bình nói: "Sở Tài chính\\Nghệ An\tsẽ làm" ngay.'
SECOND = "Phó Giám đốc Sở Tài chính tỉnh Nghệ An Trần Thị Hoa dự hội nghị tổng kết năm."
TEXT = "\n".join([SHARED, QUOTED, SECOND])
Q, S2 = len(SHARED) + 1, len(SHARED) + len(QUOTED) + 2  # where the second and third sentences start


def _span(sentence: str, at: int, name: str, nth: int = 0) -> Evidence:
    """`name` (its nth occurrence) in `sentence`, which starts at `at` in the report."""
    k = -1
    for _ in range(nth + 1):
        k = sentence.index(name, k + 1)
    return Evidence("whatever-the-extractor-said.txt", at + k, at + k + len(name), name, sentence)


def _whole(sentence: str, at: int) -> Evidence:
    return Evidence(DOC, at, at + len(sentence), sentence, sentence)


def _report(doc: str = DOC, text: str = TEXT) -> Extraction:
    org = "Sở Tài chính tỉnh Nghệ An"
    ents = [
        Entity("P1", "Person", "Lê Văn Bình", evidence=[_span(SHARED, 0, "Lê Văn Bình"),
                                                       _span(QUOTED, Q, "Bình")]),
        Entity("P2", "Person", "Trần Thị Hoa", evidence=[_span(SECOND, S2, "Trần Thị Hoa")]),
        # its second mention is the name's second occurrence in the sentence (the offsets say which)
        Entity("O1", "Organization", org, evidence=[_span(SHARED, 0, org), _span(SECOND, S2, org),
                                                    _span(QUOTED, Q, "Sở Tài chính")]),
        Entity("E1", "Event", "Hội nghị tổng kết năm", props={"date": "2024-03-05"},
               evidence=[_span(SHARED, 0, "hội nghị tổng kết năm"),
                         # no sentence: the span stands for itself
                         Evidence(DOC, S2 + 64, S2 + 85, "hội nghị tổng kết năm", "")]),
        # an extractor whose text is not where its offsets say: its text is kept as written
        Entity("O2", "Organization", "UBND tỉnh Nghệ An",
               evidence=[Evidence(DOC, 3, 9, "UBND tỉnh Nghệ An", SHARED),
                         Evidence(DOC, 40, 57, "Ủy ban nhân dân", SHARED)]),
    ]
    rels = [
        Relation("HOLDS_POSITION", "P1", "O1", {"role": "Giám đốc"}, [_whole(SHARED, 0)], 0.9),
        Relation("ATTENDED", "P1", "E1", {}, [_whole(SHARED, 0)], 0.8),
        Relation("PARTICIPATED_IN", "O1", "E1", {}, [_whole(SHARED, 0), _whole(SECOND, S2)], 0.8),
        Relation("HOLDS_POSITION", "P2", "O1", {"role": "Phó Giám đốc"}, [_whole(SECOND, S2)], 0.9),
        Relation("ATTENDED", "P2", "E1", {}, [_whole(SECOND, S2)], 0.8),
        # a relation whose span is a clause of its sentence
        Relation("PART_OF", "O1", "O2", {}, [_span(QUOTED, Q, '"Sở Tài chính\\Nghệ An\tsẽ làm"')], 0.6),
    ]
    info = DocumentInfo(doc, title="Tin Nghệ An", date="2024-03-05", sha256=hashlib.sha256(text.encode()).hexdigest(),
                        paths=[doc])
    return Extraction(info, text, ents, rels)


def _expected(items: list[Evidence], doc: str = DOC) -> list[Evidence]:
    """Evidence as the store gives it back: the stored report's, in text order, the sentence of
    an item without one its text."""
    return sorted((Evidence(doc, e.start, e.end, e.text, e.sentence or e.text) for e in items),
                  key=lambda e: (e.start, e.end))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "kg-data") as s:
        s.put(_report())
        yield s


def test_evidence_round_trips_for_entities_and_relations(store: Store) -> None:
    put = _report()
    graph = store.graph()
    by_name = {e.name: e for e in graph.entities.values()}
    gids = {e.id: by_name[e.name].id for e in put.entities}
    for ent in put.entities:
        assert by_name[ent.name].evidence == _expected(ent.evidence), ent.name
        assert store.entity(gids[ent.id]).evidence == _expected(ent.evidence), ent.name
    relations = {(r.type, r.source, r.target): r for r in graph.relations}
    for rel in put.relations:
        got = relations[(rel.type, gids[rel.source], gids[rel.target])]
        assert got.evidence == _expected(rel.evidence), rel.type
        near = [r for r in store.relations_of(gids[rel.source]) if r.id == got.id]
        assert near[0].evidence == got.evidence


def test_report_rows_give_back_the_items_as_they_were_stored(store: Store) -> None:
    """What kg.timeline reads: each report's row, its items [start, end, text, sentence or ""]."""
    put = _report()
    bình = store.find("Lê Văn Bình")[0]
    rows = {rel.type: rows for rel, rows in reader.relation_rows(store.conn, bình)}
    assert rows["HOLDS_POSITION"][0].evidence == [[0, len(SHARED), SHARED, ""]]
    part_of = next(r for r in put.relations if r.type == "PART_OF").evidence[0]
    org = store.find("Sở Tài chính tỉnh Nghệ An")[0]
    rows = {rel.type: rows for rel, rows in reader.relation_rows(store.conn, org)}
    assert rows["PART_OF"][0].evidence == [[part_of.start, part_of.end, part_of.text, QUOTED]]


def test_a_sentence_is_stored_once_however_many_facts_it_supports(store: Store) -> None:
    conn = store.conn
    [(blob,)] = conn.execute("SELECT texts FROM sentences WHERE doc=?", (DOC,)).fetchall()
    texts = sentences.unpack(blob)
    assert sorted(texts) == sorted([SHARED, QUOTED, SECOND, "hội nghị tổng kết năm"])
    for table in ("mentions", "facts"):  # no row holds a sentence, nor the name a sentence holds
        assert conn.execute(f"SELECT COUNT(*) FROM {table} WHERE instr(evidence, ?) OR instr(evidence, ?)",
                            (SHARED[:20], "Lê Văn Bình")).fetchone() == (0,)
    # the text an extractor put somewhere else than its offsets say is the one text kept as written
    assert conn.execute("SELECT COUNT(*) FROM mentions WHERE instr(evidence, 'UBND')").fetchone() == (1,)


def test_removing_or_changing_a_report_takes_its_sentences_with_it(store: Store) -> None:
    other = "tin-khac.txt"
    store.put(_report(other))
    docs = lambda: [r[0] for r in store.conn.execute("SELECT doc FROM sentences ORDER BY doc")]  # noqa: E731
    assert docs() == [other, DOC]
    store.remove(DOC)
    assert docs() == [other]
    changed = _report(other)
    changed.entities = changed.entities[:1]
    changed.entities[0].evidence = changed.entities[0].evidence[:1]
    changed.relations = []
    store.put(changed)
    assert [sentences.unpack(b) for (b,) in store.conn.execute("SELECT texts FROM sentences")] == [[SHARED]]
    [bình] = [e for e in store.graph().entities.values() if e.type == "Person"]
    assert bình.evidence == _expected(changed.entities[0].evidence, other)


@pytest.mark.parametrize("item", [
    [0, 5, "Lê Văn", ""],  # a span that is its own sentence
    [3, 9, "Văn Bì", "Lê Văn Bình"],  # inside its sentence
    [3, 9, "Văn Bình", "Lê Văn Bình"],  # offsets that do not fit the text
    [3, 9, "Hoa Hồn", "Lê Văn Bình"],  # a text that is not in the sentence
    [0, 0, "", ""],
    [2, 2, "", "Lê Văn Bình"],
    [1.0, 3, "ab", "xab"],  # offsets that are not ints
])
def test_every_item_decodes_to_what_was_encoded(item: list) -> None:
    table = Sentences()
    encoded = table.encode([item, item])
    assert decode(encoded, sentences.unpack(table.blob())) == [item, item]
    assert len(table.texts) == 1


def test_an_empty_list_of_sentences() -> None:
    assert sentences.unpack(b"") == [] and sentences.unpack(Sentences().blob()) == []
    assert decode("[]", []) == []


def test_a_prepared_report_without_evidence_still_has_its_row(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s") as store:
        store.put(Extraction(DocumentInfo("bare.txt", sha256="ab" * 32), "", [Entity("X", "Organization", "Bộ Y tế")],
                             []))
        conn: sqlite3.Connection = store.conn
        assert [sentences.unpack(b) for (b,) in conn.execute("SELECT texts FROM sentences")] == [[]]
        assert [e.evidence for e in store.graph().entities.values()] == [[], []]
