"""Parting an entity's mentions: split judgements, and distinct judgements that resolution overtook.

Resolution (kg.resolve) gives every stored mention an id; merge judgements join ids (Rules.remap).
A split moves mentions instead: those of entity X in the reports its parts name ("report:DOC"),
or in the reports where X holds a post ("post:ROLE@BODY_ID", the role compared as kg.resolve
compares roles), go to an entity of their own, `split_id(X, parts)`. Nothing stored is edited:
`moves` works out, on every read, which mentions go where, so a split holds through re-ingest,
re-extraction and removals, and the id it gives is the same in every store and every run.

A distinct judgement records the (report, resolution key) of each side's mentions when it is made.
If resolution later puts both sides in one entity (a new report links two namesakes' bodies),
the side that is not that entity's id is moved back out to its own id, as a split by report
would, so the pair stays two entities whatever is ingested later.

Moves are applied in judgement order, each to where the earlier ones left the mentions, after
merges; a mention moved into an id that a merge folded into another lands in that one.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg import resolve

if TYPE_CHECKING:
    from kg.store.judgements import Judgement, Rules

REPORT, POST = "report:", "post:"

Ref = tuple[str, str]  # (report id, the mention's local id in it)


def report_part(doc: str) -> str:
    return REPORT + doc


def post_part(role: str, body: str) -> str:
    return f"{POST}{role}@{body}"


def part_problem(parts: Iterable[str]) -> str | None:
    """What is wrong with a split's parts as written in a judgement, or None."""
    for part in parts:
        if part.startswith(REPORT) and part[len(REPORT):]:
            continue
        role, at, body = part[len(POST):].rpartition("@")
        if not (part.startswith(POST) and at and role.strip() and body.strip()):
            return f"a split's part is report:DOC or post:ROLE@BODY_ID, not {part!r}"
    return None


def part_key(part: str) -> str:
    """A part as compared and hashed: a post's role the way resolution compares roles."""
    if part.startswith(POST):
        role, _, body = part[len(POST):].rpartition("@")
        return post_part(resolve.role_key(role), body)
    return part


def split_id(gid: str, parts: Iterable[str]) -> str:
    """The id of the entity a split makes: the original id and a hash of the split's parts, so
    the same split gives the same id in every store and every run."""
    key = "\x1f".join(sorted({part_key(p) for p in parts}))
    return f"{gid}-s{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"


class _Mentions:
    """The stored mentions of some reports, read once per report: (local id, stored id, key)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.by_doc: dict[str, list[tuple[str, str, str]]] = {}

    def of(self, docs: Iterable[str]) -> dict[str, list[tuple[str, str, str]]]:
        docs = set(docs)
        todo = sorted(docs - self.by_doc.keys())
        for doc in todo:
            self.by_doc[doc] = []
        if todo:
            for doc, local_id, gid, key in self.conn.execute(
                "SELECT doc, local_id, gid, key FROM mentions WHERE doc IN (SELECT value FROM json_each(?))",
                (json.dumps(todo),),
            ):
                self.by_doc[doc].append((local_id, gid, key))
        return {doc: self.by_doc[doc] for doc in docs}


class _Mover:
    """Where each mention is as the parting judgements apply one after another."""

    def __init__(self, conn: sqlite3.Connection, rules: Rules) -> None:
        self.conn, self.rules = conn, rules
        self.mentions = _Mentions(conn)
        self.moved: dict[Ref, str] = {}
        self.stored: dict[Ref, str] = {}  # a moved mention's stored id
        self.raw: set[str] = set()

    def place(self, doc: str, local_id: str, gid: str) -> str:
        return self.moved.get((doc, local_id)) or self.rules.canon(gid)

    def move(self, doc: str, local_id: str, gid: str, to: str) -> None:
        self.moved[(doc, local_id)] = self.rules.canon(to)
        self.stored[(doc, local_id)] = gid
        self.raw.add(to)

    def split(self, j: Judgement) -> None:
        entity, to = self.rules.canon(j.args[0]), split_id(j.args[0], j.args[1:])
        docs = {p[len(REPORT):] for p in j.args[1:] if p.startswith(REPORT)}
        for part in j.args[1:]:
            if part.startswith(POST):
                role, _, body = part[len(POST):].rpartition("@")
                docs |= self._post_docs(entity, resolve.role_key(role), self.rules.canon(body))
        for doc, rows in self.mentions.of(docs).items():
            for local_id, gid, _ in rows:
                if self.place(doc, local_id, gid) == entity:
                    self.move(doc, local_id, gid, to)

    def _post_docs(self, entity: str, role: str, body: str) -> set[str]:
        """The reports in which `entity` holds a post of this role in `body` (as placed so far)."""
        targets = self.rules.group(body) | {self.stored[r] for r, at in self.moved.items() if at == body}
        docs = set()
        for doc, src_local, dst_local, source, target, props in self.conn.execute(
            "SELECT doc, source_local, target_local, source, target, props FROM facts "
            "WHERE type='HOLDS_POSITION' AND target IN (SELECT value FROM json_each(?))", (json.dumps(sorted(targets)),)
        ):
            if (doc not in docs and self.place(doc, dst_local, target) == body
                    and self.place(doc, src_local, source) == entity
                    and resolve.role_key(str(json.loads(props).get("role") or "")) == role):
                docs.add(doc)
        return docs

    def distinct(self, j: Judgement) -> None:
        """Part the two sides of a distinct judgement where resolution put them in one entity."""
        a, b = j.args
        pairs = [{(doc, key) for doc, key in side} for side in j.detail["sides"]]
        only = [pairs[0] - pairs[1], pairs[1] - pairs[0]]
        found = self.mentions.of(doc for side in only for doc, _ in side)
        sides: list[list[tuple[str, str, str, str]]] = [[], []]  # (doc, local id, stored id, entity now)
        for n, side in enumerate(only):
            for doc, key in side:
                sides[n] += [(doc, local_id, gid, self.place(doc, local_id, gid))
                             for local_id, gid, k in found[doc] if k == key]
        together = {m[3] for m in sides[0]} & {m[3] for m in sides[1]}
        for entity in sorted(together):
            # the side whose own id the entity has stays; the other leaves for its own id
            n, to = (0, a) if entity == self.rules.canon(b) else (1, b)
            for doc, local_id, gid, now in sides[n]:
                if now == entity:
                    self.move(doc, local_id, gid, to)


def moves(conn: sqlite3.Connection, rules: Rules) -> tuple[dict[Ref, str], dict[str, set[str]], set[str]]:
    """What the split and distinct judgements of `rules` do to the stored mentions: the entity
    each moved mention is in now, the stored ids of the mentions moved into each entity, and
    every id mentions were moved to (before merges)."""
    mover = _Mover(conn, rules)
    for j in rules.parting:
        if j.kind == "split":
            mover.split(j)
        else:
            mover.distinct(j)
    origins: dict[str, set[str]] = {}
    for ref, at in mover.moved.items():
        origins.setdefault(at, set()).add(mover.stored[ref])
    return mover.moved, origins, mover.raw


def sides_of(conn: sqlite3.Connection, rules: Rules, gid: str) -> list[list[str]]:
    """The (report, resolution key) of every mention in entity `gid` now: a distinct judgement's side."""
    gid = rules.canon(gid)
    rows = conn.execute("SELECT doc, local_id, gid, key FROM mentions WHERE gid IN (SELECT value FROM json_each(?))",
                        (json.dumps(sorted(rules.sources(gid))),))
    return sorted([doc, key] for doc, key in {(d, k) for d, loc, g, k in rows if rules.place(d, loc, g) == gid})
