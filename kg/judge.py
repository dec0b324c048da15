"""Correcting the graph: judgements made, listed, undone, shared and checked (`kg judge`).

    from kg import judge
    judge.merge(store, "Nguyễn Văn A", "person:nguyen-van-a-…", reason="one official")
    judge.distinct(store, a, b); judge.reject(store, "rel:…"); judge.alias(store, "VPQH", "Văn phòng QH")
    judge.listing(store); judge.undo(store, 3)
    judge.export_jsonl(store, path); judge.import_jsonl(store, path); judge.check(store)

Entities are named by id, name or alias: a name that matches several raises AmbiguousName with
the candidates. Each judgement is stored with its author (the argument, else $KG_AUTHOR, else the
login user), the time (UTC) and an optional reason; kg.store.judgements says what each kind does
and how the reader applies it.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import secrets
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from kg.errors import AmbiguousName, JudgementError
from kg.store import Store, reader
from kg.store import judgements as table
from kg.store.judgements import Judgement


def author_of(author: str | None = None) -> str:
    """The given author, else $KG_AUTHOR, else the login user."""
    if author:
        return author
    if os.environ.get("KG_AUTHOR"):
        return os.environ["KG_AUTHOR"]
    with contextlib.suppress(OSError, KeyError):  # no user name in some containers
        return getpass.getuser()
    return "unknown"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def entity_id(store: Store, ref: str) -> str:
    """The one entity an id, name or alias refers to (rejected ones included). A stored id is
    kept as given, even when a merge put it into another entity: the judgement says what was meant."""
    if _stored(store.conn, ref.strip()):
        return ref.strip()
    found = store.find(ref)
    if not found:
        raise JudgementError(f"no entity named {ref!r}")
    if len(found) > 1:
        named = store.names(found)
        raise AmbiguousName(ref, [(gid, *named.get(gid, ("?", "?"))) for gid in found])
    return found[0]


def _make(store: Store, kind: str, args: list[str], author: str | None, reason: str) -> Judgement:
    made = Judgement(kind, tuple(args), author_of(author), _now(), reason.strip(), uid=secrets.token_hex(8))
    return table.add(store, made)


def merge(store: Store, a: str, b: str, *, author: str | None = None, reason: str = "") -> Judgement:
    """B's entity folds into A's: one entity, A's id and name, both's names, evidence and relations."""
    ids = [entity_id(store, a), entity_id(store, b)]
    types = {gid: kind for gid, (kind, _) in store.names(ids).items()}
    if len(set(types.values())) > 1:
        raise JudgementError(f"cannot merge a {types[ids[0]]} ({ids[0]}) with a {types[ids[1]]} ({ids[1]})")
    return _make(store, "merge", ids, author, reason)


def distinct(store: Store, a: str, b: str, *, author: str | None = None, reason: str = "") -> Judgement:
    """A and B are two entities: a merge that would join them is refused."""
    return _make(store, "distinct", [entity_id(store, a), entity_id(store, b)], author, reason)


def reject(store: Store, fact: str, *, author: str | None = None, reason: str = "") -> Judgement:
    """An entity (id, name or alias) or a relation (its id, "rel:…") is wrong: leave it out of the graph."""
    if fact.strip().startswith("rel:"):
        with store.snapshot() as conn:
            known = fact.strip() in reader.relation_ids(conn)
        if not known:
            raise JudgementError(f"no relation {fact.strip()!r} in the store")
        return _make(store, "reject", [fact.strip()], author, reason)
    return _make(store, "reject", [entity_id(store, fact)], author, reason)


def alias(store: Store, entity: str, name: str, *, author: str | None = None, reason: str = "") -> Judgement:
    """NAME is one more name of the entity (found by kg show, kg path, kg viz --around)."""
    if not name.strip():
        raise JudgementError("an alias needs a name")
    return _make(store, "alias", [entity_id(store, entity), name.strip()], author, reason)


def listing(store: Store, *, include_undone: bool = True) -> list[Judgement]:
    """The store's judgements in the order they were made."""
    return table.load(store.conn, active_only=not include_undone)


def undo(store: Store, seq: int, *, author: str | None = None) -> Judgement:
    """Deactivate judgement `seq` (kept as history, with who undid it and when)."""
    by, at = author_of(author), _now()
    with store._write() as conn:
        j = table.get(conn, seq)
        if j is None:
            raise JudgementError(f"no judgement {seq} (kg judge list shows them)")
        if not j.active:
            raise JudgementError(f"judgement {seq} is undone already (by {j.undone_by} at {j.undone_at})")
        table.deactivate(conn, seq, by, at)
    return replace(j, active=False, undone_by=by, undone_at=at)


def export_jsonl(store: Store, path: Path) -> int:
    """Write every judgement (undone ones too, as history) to a JSONL file; how many."""
    found = listing(store)
    text = "".join(json.dumps(j.to_dict(), ensure_ascii=False) + "\n" for j in found)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise JudgementError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return len(found)


@dataclass
class Imported:
    """What an import did."""

    added: int = 0
    undone: int = 0  # judgements the file says were undone, undone here too
    known: int = 0  # already here, nothing to do
    refused: list[tuple[Judgement, str]] = field(default_factory=list)  # conflicts with this store's


def read_jsonl(path: Path) -> list[Judgement]:
    """The judgements of an exported file; JudgementError naming the first bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise JudgementError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(Judgement.from_dict(json.loads(line)))
        except (ValueError, JudgementError) as exc:
            raise JudgementError(f"{path}:{n}: not a judgement ({exc})") from None
    return out


def import_jsonl(store: Store, path: Path) -> Imported:
    """Add a file's judgements to the store, each once however often it is imported (a judgement
    is known by its uid; one that decides what an active one here decides counts as known). One
    undone in the file is undone here too; one that conflicts with this store's is refused and listed."""
    incoming = read_jsonl(path)
    result = Imported()
    with store.snapshot() as conn:
        stored = {j.uid: j for j in table.load(conn, active_only=False)}
    if all(j.identity() in stored and (j.active or not stored[j.identity()].active) for j in incoming):
        result.known = len(incoming)  # nothing to write: keep the state (and the derived stores)
        return result
    with store._write() as conn:
        stored = {j.uid: j for j in table.load(conn, active_only=False)}
        rules = table.Rules(j for j in stored.values() if j.active)
        for j in incoming:
            here = stored.get(j.identity())
            if here is not None:
                if here.active and not j.active:  # an undo travels with the file; a redo never does
                    table.deactivate(conn, here.seq, j.undone_by, j.undone_at)
                    stored[j.identity()] = replace(here, active=False)
                    rules = table.Rules(x for x in stored.values() if x.active)
                    result.undone += 1
                else:
                    result.known += 1
                continue
            if j.active and rules.duplicate(j) is not None:  # decided here already, by someone else
                result.known += 1
                continue
            problem = rules.conflict(j) if j.active else None
            if problem:
                result.refused.append((j, problem))
                continue
            stored[j.identity()] = table.insert(conn, j)
            if j.active:
                rules.record(stored[j.identity()])
            result.added += 1
    return result


def check(store: Store) -> list[tuple[Judgement, str]]:
    """The active judgements that no longer apply (their entities or relations are gone), each
    with what is missing."""
    out: list[tuple[Judgement, str]] = []
    with store.snapshot() as conn:
        active = table.load(conn)
        relations = reader.relation_ids(conn) if any(j.args[0].startswith("rel:") for j in active) else set()
        for j in active:
            ids = [j.args[0]] if j.kind in ("reject", "alias") else list(j.args)
            gone = [x for x in ids if not (x in relations if x.startswith("rel:") else _stored(conn, x))]
            if gone:
                what = f"{' and '.join(gone)} {'is' if len(gone) == 1 else 'are'} no longer in the store"
                if j.kind == "distinct":
                    what += " (if resolution made the two one entity, a distinct judgement cannot part them yet)"
                out.append((j, what))
    return out


def _stored(conn: sqlite3.Connection, gid: str) -> bool:
    return conn.execute("SELECT 1 FROM mentions WHERE gid=? LIMIT 1", (gid,)).fetchone() is not None
