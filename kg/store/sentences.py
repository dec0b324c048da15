"""Evidence sentences, stored once per report (schema version 7).

Before version 7 every evidence item of a mention or a fact carried its whole sentence, so a
sentence was stored again for every entity it names and every relation it states (at 2,000
synthetic reports: 7.0 KB of evidence JSON a report for 1.2 KB of distinct sentences). Now a report's
distinct evidence sentences are one row of the table `sentences`: a zlib-compressed JSON list, in
order of first use (one compressed list per report: 0.5 KB a report there, against 1.5 KB as one row
per sentence, whose report id and key repeat on every row and which compresses nothing). The
table is a rowid table, not WITHOUT ROWID, so a long report's list up to 4 KB stays in its page
(WITHOUT ROWID moves what passes 1 KB to overflow pages).

A mention's or a fact's `evidence` is a JSON list of items that point into that list:

- [start, end, n]: the span is sentence n itself (a relation's evidence is its sentence);
- [start, end, n, k]: the span is sentence n's characters k to k + end - start (an entity's name
  in its sentence);
- [start, end, n, "text"]: the span's text as written, when it is not where the offsets say (an
  extractor whose text does not match its offsets).

`decode` gives back what the rows held before version 7, item for item: [start, end, text,
sentence], the sentence "" when it is the text itself; so everything that reads evidence
(kg.store.merge, kg.timeline) sees the same rows.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable
from typing import Any

DDL = "CREATE TABLE IF NOT EXISTS sentences (doc TEXT PRIMARY KEY, texts BLOB NOT NULL)"

Item = list[Any]  # a decoded evidence item: [start, end, text, sentence or ""]


def pack(texts: list[str]) -> bytes:
    return zlib.compress(json.dumps(texts, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 9)


def unpack(blob: bytes) -> list[str]:
    if not blob:  # a Prepared made without sentences (its rows have no evidence)
        return []
    return json.loads(zlib.decompress(blob).decode("utf-8"))


class Sentences:
    """One report's sentence list as its evidence is encoded: each distinct sentence once."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    @property
    def texts(self) -> list[str]:
        return list(self._index)  # dicts keep insertion order: the order of first use

    def blob(self) -> bytes:
        return pack(self.texts)

    def _at(self, sentence: str) -> int:
        return self._index.setdefault(sentence, len(self._index))

    def encode(self, items: Iterable[Item]) -> str:
        """Evidence items as stored before version 7 ([start, end, text, sentence or ""]) as the
        JSON of a row's `evidence` now."""
        return json.dumps([self._item(*item) for item in items], ensure_ascii=False, separators=(",", ":"))

    def _item(self, start: Any, end: Any, text: str, sentence: str) -> Item:
        if not sentence:  # the span is its own sentence
            return [start, end, self._at(text)]
        n = self._at(sentence)
        # the offsets are ints everywhere kg makes them; anything else keeps its text as written
        if type(start) is int and type(end) is int and len(text) == end - start:
            k = sentence.find(text)
            if k >= 0:
                return [start, end, n, k]
        return [start, end, n, text]


def decode(evidence: str, texts: list[str]) -> list[Item]:
    """A row's `evidence` with its sentences filled in from its report's list `texts`."""
    if evidence == "[]":  # most rows of a report without evidence: skip the parser
        return []
    out: list[Item] = []
    for item in json.loads(evidence):
        if len(item) == 3:
            start, end, n = item
            out.append([start, end, texts[n], ""])
            continue
        start, end, n, where = item
        sentence = texts[n]
        out.append([start, end, sentence[where:where + end - start] if type(where) is int else where, sentence])
    return out


def load(conn: sqlite3.Connection, docs: Iterable[str] | None = None) -> dict[str, list[str]]:
    """The sentence lists of the reports `docs` (of every report when None), by report id."""
    if docs is None:
        rows = conn.execute("SELECT doc, texts FROM sentences")
    else:
        rows = conn.execute("SELECT doc, texts FROM sentences WHERE doc IN (SELECT value FROM json_each(?))",
                            (json.dumps(sorted(set(docs))),))
    return {doc: unpack(blob) for doc, blob in rows}


def migrate(conn: sqlite3.Connection) -> None:
    """Version 6 to 7, in the caller's transaction: each report's sentences out of its rows'
    evidence into one row of `sentences`, the rows' evidence re-encoded to point at them. Every
    item keeps its offsets, text, sentence and report (decode gives back the old JSON's items)."""
    conn.execute(DDL)
    # every report with rows, not only those in documents: no row may keep the old form
    docs = [r[0] for r in conn.execute("SELECT id FROM documents UNION SELECT doc FROM mentions "
                                       "UNION SELECT doc FROM facts ORDER BY 1")]
    for doc in docs:
        table = Sentences()
        mentions = [(table.encode(json.loads(ev)), doc, local_id) for local_id, ev in
                    conn.execute("SELECT local_id, evidence FROM mentions WHERE doc=? ORDER BY local_id", (doc,))]
        facts = [(table.encode(json.loads(ev)), doc, seq) for seq, ev in
                 conn.execute("SELECT seq, evidence FROM facts WHERE doc=? ORDER BY seq", (doc,))]
        conn.executemany("UPDATE mentions SET evidence=? WHERE doc=? AND local_id=?", mentions)
        conn.executemany("UPDATE facts SET evidence=? WHERE doc=? AND seq=?", facts)
        conn.execute("INSERT INTO sentences(doc, texts) VALUES (?, ?)", (doc, table.blob()))
