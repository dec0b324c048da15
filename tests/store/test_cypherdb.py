"""kg.store.cypherdb: the embedded Cypher store holds exactly the names and texts of the graph."""

from __future__ import annotations

from pathlib import Path

import ladybug

from kg.model import Entity, Evidence, Graph, Relation, make_id
from kg.store import cypherdb


def _graph() -> Graph:
    g = Graph()
    # many plain rows first: a reader that guesses the CSV dialect from the first rows sees no quotes
    names = [f"Sở Tài chính tỉnh số {i}" for i in range(600)]
    names += ['Ủy ban Tài chính, Ngân sách', 'Hội "Bạn" của O\'Brien, Hà Nội', "Ban\tChỉ đạo; số 2"]
    for name in names:
        e = Entity(make_id("Organization", name), "Organization", name, [name.upper()])
        g.entities[e.id] = e
    ids = list(g.entities)
    first, last = ids[0], ids[-2]
    sentence = 'Ông A nói: "Ủy ban Tài chính, Ngân sách" giúp Sở, "rất" tốt.'
    g.relations.append(Relation("REPORTS_TO", first, last, {}, [Evidence("a.txt", 0, 10, sentence, sentence)]))
    return g


def test_names_lists_and_sentences_survive_the_bulk_load(tmp_path: Path) -> None:
    g = _graph()
    cypherdb.build(g, tmp_path)
    db = ladybug.Database(str(tmp_path / cypherdb.DB_FILE), read_only=True)
    conn = ladybug.Connection(db)
    got = conn.execute("MATCH (o:Organization) RETURN o.id, o.name, o.aliases")
    rows = {}
    while got.has_next():
        oid, name, aliases = got.get_next()
        rows[oid] = (name, aliases)
    assert rows == {e.id: (e.name, e.aliases) for e in g.entities.values()}
    rel = conn.execute("MATCH ()-[r:REPORTS_TO]->() RETURN r.sentences").get_next()[0]
    assert rel == [g.relations[0].evidence[0].sentence]
    conn.close()
    db.close()
