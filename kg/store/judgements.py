"""Judgements: an analyst's decisions about the graph, kept as data in the store (table
`judgements`, kg.store.schema) and applied every time the graph is read (kg.store.reader).

The rows the extractor wrote are never edited: a judgement is applied where the merged graph is
assembled from them, so it holds through re-ingest, re-extraction, removal of reports and
incremental updates, and undoing it gives back exactly the graph without it.

Kinds and their arguments (ids as the store gives them):
- merge [A, B]: B's entity folds into A (its aliases, evidence and relations move to A, and
  relations that become equal merge). Chains resolve: merge A B then merge B C puts C in A too;
  when two merged groups meet, the later merge's first argument's group keeps its id.
- distinct [A, B]: A and B are two entities: a merge that would join them is refused.
- reject [X]: entity X or relation X ("rel:…") is wrong: it is left out of the graph unless the
  reader asks for rejected facts (then it carries the prop REJECTED saying who, when and why).
  A rejected entity takes its relations with it. A relation answers to its id before and after
  merges, so a rejection survives a merge made or undone later.
- alias [X, NAME]: NAME is one more name of X (found by `kg show NAME`, `kg path`, …).
- split [X, PART, …]: X is two entities: its mentions in the reports named by the parts
  ("report:DOC", or "post:ROLE@BODY_ID": the reports in which X holds that post) become an entity
  of their own, id kg.store.splits.split_id(X, parts), with the relations those mentions have;
  the rest stays X. A merge of the two parts is refused (undo the split instead).

A distinct judgement also records, in `detail["sides"]`, the (report, resolution key) of each
entity's mentions when it was made: if resolution later puts the two sides in one entity (a new
report links the two namesakes' bodies), the reader parts them again as a split would
(kg.store.splits), so "distinct" holds whatever is ingested later.

This module holds the table's rows (load, insert, deactivate) and Rules, the active judgements
compiled for the reader; kg.judge is what people call (names resolved, authors, files).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from kg import resolve
from kg.errors import JudgementError
from kg.model import Entity, Graph, Relation
from kg.store import splits

if TYPE_CHECKING:
    from kg.store.store import Store

# kind -> (fewest, most) arguments; a split names its entity and one or more parts
KINDS: dict[str, tuple[int, int]] = {"merge": (2, 2), "distinct": (2, 2), "reject": (1, 1), "alias": (2, 2),
                                     "split": (2, 1000)}
REJECTED = "rejected"  # the prop that marks a rejected entity or relation in a graph read with them
_COLS = "seq, kind, args, author, time, reason, active, undone_by, undone_at, uid, detail"


@dataclass(frozen=True)
class Judgement:
    kind: str
    args: tuple[str, ...]
    author: str
    time: str  # UTC, ISO 8601
    reason: str = ""
    seq: int = 0  # this store's number for it (0: not stored yet); other stores number it anew
    active: bool = True
    undone_by: str = ""
    undone_at: str = ""
    uid: str = ""  # its identity in every store, so that imports are idempotent (see identity())
    # what the kind needs beyond its arguments (distinct: "sides"); JSON, travels with exports
    detail: dict[str, Any] = field(default_factory=dict, hash=False)

    def identity(self) -> str:
        """The uid it was given when made, else one from what, by whom and when (a file written by hand)."""
        if self.uid:
            return self.uid
        key = json.dumps([self.kind, list(self.args), self.author, self.time], ensure_ascii=False)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def note(self) -> str:
        """Who decided it, when, and why: what a rejected fact carries."""
        return f"by {self.author} at {self.time} (judgement {self.seq})" + (f": {self.reason}" if self.reason else "")

    def to_dict(self) -> dict[str, Any]:
        out = {"uid": self.identity(), "kind": self.kind, "args": list(self.args), "author": self.author,
               "time": self.time, "reason": self.reason, "active": self.active, "undone_by": self.undone_by,
               "undone_at": self.undone_at}
        return {**out, "detail": self.detail} if self.detail else out

    @classmethod
    def from_dict(cls, d: Any) -> Judgement:
        """A judgement from its exported form; JudgementError naming what is wrong with it."""
        if not isinstance(d, dict):
            raise JudgementError("not a JSON object")
        kind, args = d.get("kind"), d.get("args")
        if kind not in KINDS:
            raise JudgementError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        low, high = KINDS[kind]
        if not (isinstance(args, list) and low <= len(args) <= high and all(isinstance(a, str) and a for a in args)):
            count = str(low) if low == high else f"{low} or more"
            raise JudgementError(f"{kind} takes {count} non-empty strings as args, not {args!r}")
        detail = d.get("detail") or {}
        if not isinstance(detail, dict):
            raise JudgementError(f"detail must be a JSON object, not {detail!r}")
        if kind == "split":
            problem = splits.part_problem(args[1:])
            if problem:
                raise JudgementError(problem)
        for key in ("author", "time"):
            if not (isinstance(d.get(key), str) and d[key]):
                raise JudgementError(f"missing {key}")
        return cls(kind, tuple(args), d["author"], d["time"], str(d.get("reason") or ""),
                   active=bool(d.get("active", True)), undone_by=str(d.get("undone_by") or ""),
                   undone_at=str(d.get("undone_at") or ""), uid=str(d.get("uid") or ""), detail=detail)


# -- the table ------------------------------------------------------------------------------------


def _row(row: tuple) -> Judgement:
    seq, kind, args, author, time, reason, active, undone_by, undone_at, uid, detail = row
    return Judgement(kind, tuple(json.loads(args)), author, time, reason, seq, bool(active), undone_by, undone_at,
                     uid, json.loads(detail) if detail else {})


def load(conn: sqlite3.Connection, *, active_only: bool = True) -> list[Judgement]:
    """The stored judgements in the order they were made (the active ones unless asked)."""
    where = "WHERE active=1" if active_only else ""
    return [_row(r) for r in conn.execute(f"SELECT {_COLS} FROM judgements {where} ORDER BY seq")]


def get(conn: sqlite3.Connection, seq: int) -> Judgement | None:
    row = conn.execute(f"SELECT {_COLS} FROM judgements WHERE seq=?", (seq,)).fetchone()
    return _row(row) if row else None


def insert(conn: sqlite3.Connection, j: Judgement) -> Judgement:
    cur = conn.execute(
        "INSERT INTO judgements(uid, kind, args, author, time, reason, active, undone_by, undone_at, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (j.identity(), j.kind, json.dumps(list(j.args), ensure_ascii=False), j.author, j.time, j.reason, int(j.active),
         j.undone_by, j.undone_at, json.dumps(j.detail, ensure_ascii=False) if j.detail else ""))
    return replace(j, seq=int(cur.lastrowid or 0), uid=j.identity())


def deactivate(conn: sqlite3.Connection, seq: int, by: str, at: str) -> None:
    conn.execute("UPDATE judgements SET active=0, undone_by=?, undone_at=? WHERE seq=?", (by, at, seq))


def add(store: Store, j: Judgement) -> Judgement:
    """Store one judgement (a write: the writer lock, a new state token), refused with a
    JudgementError if it conflicts with the active ones (checked inside the write)."""
    with store._write() as conn:
        problem = Rules(load(conn)).conflict(j)
        if problem:
            raise JudgementError(problem)
        return insert(conn, j)


# -- the active judgements, compiled for the reader ---------------------------------------------


class Rules:
    """The active judgements as the reader applies them: which id each merged id became, which
    facts are rejected, the added names. Built in judgement order, so later merges decide chains."""

    def __init__(self, judgements: Iterable[Judgement] = ()) -> None:
        self.parent: dict[str, str] = {}  # merged id -> the id it was folded into (follow to the root)
        self.merges: list[Judgement] = []
        self.distinct: list[Judgement] = []
        self.rejects: list[Judgement] = []
        self.aliases: list[Judgement] = []
        self.splits: list[Judgement] = []
        # the judgements that move mentions (splits, and distinct ones with sides), in judgement order
        self.parting: list[Judgement] = []
        # set by kg.store.reader.rules_of, from the stored mentions (kg.store.splits.moves):
        self.moves: dict[tuple[str, str], str] = {}  # (report, local id) -> the entity a split put it in
        self.origins: dict[str, set[str]] = {}  # such an entity -> the stored ids its moved mentions have
        self.moved_to: set[str] = set()  # every id a split or distinct judgement gave mentions (before merges)
        self.same: dict[tuple[str, tuple[str, ...]], Judgement] = {}  # (kind, args) -> the judgement
        for j in judgements:
            if self.conflict(j) is None:  # a stored set never conflicts; an edited table is not trusted
                self.record(j)
        self.remap = {x: self.canon(x) for x in self.parent}  # every merged id -> its entity's id
        self.members: dict[str, set[str]] = {}  # an entity's id -> its own and the ids merged into it
        for x, root in self.remap.items():
            self.members.setdefault(root, {root}).add(x)
        self._rejected: dict[str, Judgement] = {}
        for j in self.rejects:
            self._rejected.setdefault(self.canon(j.args[0]), j)
        self._names: dict[str, list[str]] = {}
        for j in self.aliases:
            self._names.setdefault(self.canon(j.args[0]), []).append(j.args[1])
        self._by_key: dict[str, set[str]] | None = None

    def canon(self, x: str) -> str:
        while x in self.parent:
            x = self.parent[x]
        return x

    def group(self, gid: str) -> set[str]:
        return self.members.get(gid, {gid})

    def sources(self, gid: str) -> set[str]:
        """The stored ids whose mentions may be in entity `gid` now: merged ones, and those a split moved."""
        return self.group(gid) | self.origins.get(gid, set())

    def place(self, doc: str, local_id: str, gid: str) -> str:
        """The entity a stored mention (report, local id, stored id) is in once every judgement applies."""
        if self.moves:
            moved = self.moves.get((doc, local_id))
            if moved is not None:
                return moved
        return self.remap.get(gid, gid)

    @staticmethod
    def _key(j: Judgement) -> tuple[str, tuple[str, ...]]:
        if j.kind == "split":
            return j.kind, (j.args[0], *sorted(splits.part_key(p) for p in j.args[1:]))
        return j.kind, tuple(sorted(j.args)) if j.kind == "distinct" else j.args

    def duplicate(self, j: Judgement) -> Judgement | None:
        """The active judgement that decides the same as `j`, if there is one."""
        return self.same.get(self._key(j))

    def conflict(self, j: Judgement) -> str | None:
        """Why `j` cannot join these judgements, or None."""
        same = self.duplicate(j)
        if same is not None:
            return f"the same as judgement {same.seq} ({same.kind} {' '.join(same.args)})"
        if j.kind not in ("merge", "distinct"):
            return None
        a, b = j.args
        ra, rb = self.canon(a), self.canon(b)
        if j.kind == "merge":
            for s in self.splits:
                if {self.canon(s.args[0]), self.canon(splits.split_id(s.args[0], s.args[1:]))} == {ra, rb}:
                    return f"{a} and {b} were parted by split judgement {s.seq}: undo it instead"
        if a == b:
            return f"{j.kind} needs two different entities, not {a} twice"
        if j.kind == "distinct":
            if ra == rb:
                by = ", ".join(str(m.seq) for m in self.merges if self.canon(m.args[0]) == ra)
                return f"{a} and {b} are one entity by judgement {by}: undo it first"
            return None
        if ra == rb:
            return f"{a} and {b} are one entity already"
        for d in self.distinct:
            if {self.canon(d.args[0]), self.canon(d.args[1])} == {ra, rb}:
                return f"{d.args[0]} and {d.args[1]} are distinct by judgement {d.seq}: cannot merge {a} and {b}"
        return None

    def record(self, j: Judgement) -> None:
        """Count `j` in for conflict(): checking a batch of new judgements (an import) one by one.
        What the reader asks of Rules (remap, members, rejections, names) is made in __init__ only."""
        self.same[self._key(j)] = j
        if j.kind == "merge":
            self.parent[self.canon(j.args[1])] = self.canon(j.args[0])
        getattr(self, {"merge": "merges", "distinct": "distinct", "reject": "rejects", "alias": "aliases",
                       "split": "splits"}[j.kind]).append(j)
        if j.kind == "split" or (j.kind == "distinct" and j.detail.get("sides")):
            self.parting.append(j)

    # -- what the reader asks ---------------------------------------------------------------
    def names(self, gid: str) -> list[str]:
        """The names alias judgements give this entity."""
        return self._names.get(gid, [])

    def find(self, key: str) -> set[str]:
        """Entities an alias judgement names with this lookup key (resolve.lookup_key / folded_key)."""
        if self._by_key is None:
            self._by_key = {}
            for gid, names in self._names.items():
                for name in names:
                    for k in (resolve.lookup_key(name), resolve.folded_key(name)):
                        self._by_key.setdefault(k, set()).add(gid)
        return self._by_key.get(key, set())

    def rejection(self, fact_ids: Iterable[str]) -> Judgement | None:
        """The judgement that rejects a fact known by any of these ids, if one does."""
        for x in fact_ids:
            if x in self._rejected:
                return self._rejected[x]
        return None

    def entity(self, ent: Entity) -> Entity:
        """An entity with the names judgements gave it."""
        for name in self.names(ent.id):
            ent.add_alias(name)
        return ent

    def judge(self, graph: Graph, aka: dict[str, set[str]], *, include_rejected: bool) -> None:
        """Mark (include_rejected) or drop the rejected entities and relations, and those of
        rejected entities. `aka`: a relation's ids before merges made it what it is."""
        if not self._rejected:
            return
        for gid, ent in list(graph.entities.items()):
            j = self.rejection([gid])
            if j is not None:
                if include_rejected:
                    ent.props[REJECTED] = j.note()
                else:
                    del graph.entities[gid]
        graph.relations = self.relations(graph.relations, aka, include_rejected=include_rejected)

    def relations(self, relations: list[Relation], aka: dict[str, set[str]], *,
                  include_rejected: bool) -> list[Relation]:
        kept = []
        for rel in relations:
            j = self.rejection([rel.id, *sorted(aka.get(rel.id, ())), rel.source, rel.target])
            if j is None:
                kept.append(rel)
            elif include_rejected:
                rel.props[REJECTED] = j.note()
                kept.append(rel)
        return kept
