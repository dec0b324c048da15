"""Reprints: the same story published again (another outlet, an RSS copy) is found and linked.

A report's text is cut into word shingles and summarised by a MinHash signature (datasketch),
computed where the report is prepared (kg.store.prepared, in ingest's worker processes). The
store keeps each signature and its LSH band keys (tables `stories` and `story_bands`), so a new
report is compared with the few reports that share a band with it, never with every report, and
no index has to be rebuilt in memory: the band table is the LSH index.

Two reports are reprints of each other when their estimated Jaccard similarity reaches
THRESHOLD. Reprints link transitively into one story, whose id is the earliest report of the
cluster in report order (date, id): a function of the stored reports only, so the same reports
give the same stories whatever order they were ingested in. Removing a report re-links the rest
of its story (it may have been the one link between two of them).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from datasketch import MinHash

# 5-word shingles: long enough that two different articles about one meeting, which share names,
# titles and stock phrases ("Ủy viên Bộ Chính trị, Bí thư ..."), share few of them; short enough
# that an edited sentence or an added caption changes only the shingles around the edit.
SHINGLE_WORDS = 5
# 128 permutations: the Jaccard estimate's standard error is about 0.04 near the threshold, and a
# signature takes 512 bytes (uint32 values).
NUM_PERM = 128
# Estimated Jaccard similarity from which two reports are one story. A reprint with a changed
# sentence, a caption and another outlet's header and footer keeps most of its shingles (0.7 and
# above on reports of 150 words or more); different articles about one event share below 0.2.
# 0.5 sits between them (see scripts/eval_reprints.py for the figures on real reports).
THRESHOLD = 0.5
_SEED = 1  # fixed: signatures stored by one run must compare with the next run's

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def shingles(text: str) -> set[bytes]:
    """The report's word shingles (a text shorter than one shingle is one shingle)."""
    words = _words(text)
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # imported on first use: datasketch loads scipy (0.6 s), which only writes need, not reads;
    # drawing the permutations is most of a MinHash's construction: done once, then copied
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED)


def signature(text: str) -> bytes | None:
    """The MinHash signature of a report's text, as bytes (None: a text without words)."""
    found = shingles(text)
    if not found:
        return None
    minhash = _template().copy()
    minhash.update_batch(sorted(found))
    return minhash.hashvalues.astype("<u4").tobytes()


def _values(sig: bytes) -> np.ndarray:
    import numpy as np  # (here, not at import: every kg command imports the store, few compare reports)

    return np.frombuffer(sig, dtype="<u4")


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two signatures (datasketch's estimator)."""
    return float((_values(a) == _values(b)).sum()) / NUM_PERM


# The LSH bands: 26 bands of 3 rows. They are what datasketch's MinHashLSH chooses for THRESHOLD
# and NUM_PERM when misses weigh 95 and false candidates 5 (LSH_WEIGHTS; a test checks they agree),
# stated here because choosing them integrates numerically for 0.7 s in every process. Candidates
# are checked against THRESHOLD anyway, so misses are what cost: these bands find 97% of the pairs
# at 0.5 and 99% at 0.55 (the even weighting's 25 bands of 5 found 55% and 72%), while a pair of
# unrelated reports (Jaccard under 0.05) is a candidate under 0.4% of the time.
LSH_WEIGHTS = (0.05, 0.95)
BANDS, ROWS = 26, 3


@lru_cache(maxsize=1)
def _bands() -> list[tuple[int, int]]:
    return [(band * ROWS, (band + 1) * ROWS) for band in range(BANDS)]


def band_keys(sig: bytes) -> list[int]:
    """The LSH keys of a signature: one per band, the band's number and values hashed to 63 bits."""
    values = _values(sig)
    keys = []
    for number, (start, end) in enumerate(_bands()):
        digest = hashlib.blake2b(number.to_bytes(2, "little") + values[start:end].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)  # SQLite integers are signed 64-bit
    return keys


# -- the store's tables (inside the caller's transaction) ---------------------------------------

def _order(conn: sqlite3.Connection, docs: set[str]) -> dict[str, tuple[str, str]]:
    rows = conn.execute("SELECT id, date FROM documents WHERE id IN (SELECT value FROM json_each(?))",
                        (json.dumps(sorted(docs)),))
    return {doc: (date or "", doc) for doc, date in rows}


def _neighbours(conn: sqlite3.Connection, n: int | None, sig: bytes) -> dict[int, tuple[str, str]]:
    """Stored reports (row number -> (id, story)) whose signature reaches THRESHOLD with `sig`:
    the reports sharing a band, checked all at once (a templated bulletin can have hundreds)."""
    rows = conn.execute(
        "SELECT s.n, s.doc, s.story, s.minhash FROM stories s WHERE s.n IN (SELECT DISTINCT b.n FROM story_bands b "
        "WHERE b.band IN (SELECT value FROM json_each(?)))", (json.dumps(band_keys(sig)),)).fetchall()
    rows = [r for r in rows if r[0] != n]
    if not rows:
        return {}
    values = _values(b"".join(r[3] for r in rows)).reshape(len(rows), NUM_PERM)
    same = (values == _values(sig)).sum(axis=1)
    return {r[0]: (r[1], r[2]) for r, k in zip(rows, same.tolist(), strict=True) if k / NUM_PERM >= THRESHOLD}


def _relabel(conn: sqlite3.Connection, members: set[str]) -> None:
    """Give every report of one cluster the id of its earliest report."""
    order = _order(conn, members)
    story = min(members, key=lambda d: order.get(d, ("", d)))
    conn.execute("UPDATE stories SET story=? WHERE doc IN (SELECT value FROM json_each(?)) AND story<>?",
                 (story, json.dumps(sorted(members)), story))


def link(conn: sqlite3.Connection, doc: str, sig: bytes | None) -> None:
    """Add a stored report's signature and join it to the stories of its near-duplicates."""
    if sig is None:  # no words: a story of its own (no row)
        return
    neighbours = _neighbours(conn, None, sig)
    # a story is named after its earliest report: the stories joined here and this report are
    # all the candidates for the name, so only the reports of the stories renamed are rewritten
    joined = {story for _, story in neighbours.values()}
    order = _order(conn, joined | {doc})
    story = min(joined | {doc}, key=lambda d: order.get(d, ("", d)))
    cur = conn.execute("INSERT INTO stories(doc, story, minhash) VALUES (?, ?, ?)", (doc, story, sig))
    conn.executemany("INSERT OR IGNORE INTO story_bands(band, n) VALUES (?, ?)",
                     [(k, cur.lastrowid) for k in band_keys(sig)])
    conn.executemany("UPDATE stories SET story=? WHERE story=?", [(story, old) for old in sorted(joined - {story})])


def unlink(conn: sqlite3.Connection, doc: str) -> None:
    """Take a report out of its story; the rest of the story is linked again without it."""
    row = conn.execute("SELECT n, story, minhash FROM stories WHERE doc=?", (doc,)).fetchone()
    if row is None:
        return
    n, story, sig = row
    conn.executemany("DELETE FROM story_bands WHERE band=? AND n=?", [(k, n) for k in band_keys(sig)])
    conn.execute("DELETE FROM stories WHERE n=?", (n,))
    rest = conn.execute("SELECT n, doc, minhash FROM stories WHERE story=?", (story,)).fetchall()
    if not rest:
        return
    # connected components of the rest: a story is closed, so every link stays inside it
    inside = {m: d for m, d, _ in rest}
    parent = {m: m for m in inside}

    def root(m: int) -> int:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for m, _, minhash in rest:
        for other in _neighbours(conn, m, minhash):
            if other in inside:
                parent[root(other)] = root(m)
    groups: dict[int, set[str]] = {}
    for m, d in inside.items():
        groups.setdefault(root(m), set()).add(d)
    for members in groups.values():
        _relabel(conn, members)


def stories(conn: sqlite3.Connection) -> dict[str, str]:
    """Report id -> the story it belongs to, for the reports that are reprints of another."""
    return dict(conn.execute("SELECT doc, story FROM stories WHERE story<>doc"))


def reprint_count(conn: sqlite3.Connection) -> int:
    """Reports that are reprints of an earlier one (every report of a story but its first)."""
    return conn.execute("SELECT COUNT(*) FROM stories WHERE story<>doc").fetchone()[0]
