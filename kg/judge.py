"""Correcting the graph: judgements made, listed, undone, shared and checked (`kg judge`).

    from kg import judge
    judge.merge(store, "Nguyễn Văn A", "person:nguyen-van-a-…", reason="one official")
    judge.distinct(store, a, b); judge.reject(store, "rel:…"); judge.alias(store, "VPQH", "Văn phòng QH")
    judge.split(store, "Nguyễn Văn A", reports=["b.txt"], posts=["Giám đốc @ Sở Y tế tỉnh Lào Cai"])
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
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kg.errors import AmbiguousName, JudgementError
from kg.store import Store, reader, splits
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
    if reader.known(store.conn, reader.rules_of(store.conn), ref.strip()):
        return ref.strip()
    found = store.find(ref)
    if not found:
        raise JudgementError(f"no entity named {ref!r}")
    if len(found) > 1:
        named = store.names(found)
        raise AmbiguousName(ref, [(gid, *named.get(gid, ("?", "?"))) for gid in found])
    return found[0]


def _make(store: Store, kind: str, args: list[str], author: str | None, reason: str,
          detail: dict[str, Any] | None = None) -> Judgement:
    return table.add(store, _new(kind, args, author, reason, detail))


def _new(kind: str, args: list[str], author: str | None, reason: str,
         detail: dict[str, Any] | None = None) -> Judgement:
    return Judgement(kind, tuple(args), author_of(author), _now(), reason.strip(), uid=secrets.token_hex(8),
                     detail=detail or {})


def merge(store: Store, a: str, b: str, *, author: str | None = None, reason: str = "") -> Judgement:
    """B's entity folds into A's: one entity, A's id and name, both's names, evidence and relations."""
    ids = [entity_id(store, a), entity_id(store, b)]
    types = {gid: kind for gid, (kind, _) in store.names(ids).items()}
    if len(set(types.values())) > 1:
        raise JudgementError(f"cannot merge a {types[ids[0]]} ({ids[0]}) with a {types[ids[1]]} ({ids[1]})")
    return _make(store, "merge", ids, author, reason)


def distinct(store: Store, a: str, b: str, *, author: str | None = None, reason: str = "") -> Judgement:
    """A and B are two entities: a merge that would join them is refused, and if resolution later
    makes them one (a new report links them), the reader parts them again: the judgement records
    each one's mentions (report, resolution key) now (kg.store.splits)."""
    ids = [entity_id(store, a), entity_id(store, b)]
    with store.snapshot() as conn:
        rules = reader.rules_of(conn)
        sides = [splits.sides_of(conn, rules, gid) for gid in ids]
    return _make(store, "distinct", ids, author, reason, {"sides": sides})


def split(store: Store, entity: str, *, reports: Iterable[str] = (), posts: Iterable[str] = (),
          author: str | None = None, reason: str = "") -> Judgement:
    """The entity is two: its mentions in `reports`, and in the reports where it holds one of
    `posts` ("ROLE @ BODY", the body by id, name or alias), become an entity of their own (id:
    kg.store.splits.split_id), with their relations; the rest stays with it."""
    gid = entity_id(store, entity)
    parts = []
    for doc in reports:
        if store.document(doc.strip()) is None:
            raise JudgementError(f"no report {doc.strip()!r} in the store")
        parts.append(splits.report_part(doc.strip()))
    for post in posts:
        role, at, body = post.rpartition("@")
        if not (at and role.strip() and body.strip()):
            raise JudgementError(f"--post takes 'ROLE @ BODY', not {post!r}")
        parts.append(splits.post_part(" ".join(role.split()), entity_id(store, body)))
    if not parts:
        raise JudgementError("a split needs the reports (--report) or the post (--post) of the other entity")
    made = _new("split", [gid, *parts], author, reason)
    with store.snapshot() as conn:  # tried on the graph first: a split that parts nothing is a mistake
        rules = reader.rules_of(conn, [made])
        if rules.splits and rules.splits[-1] is made:  # else it conflicts: refused below, with the reason
            if reader.entity(conn, splits.split_id(gid, parts), evidence=False, rules=rules) is None:
                raise JudgementError(f"{gid} has no mention in those reports: nothing to split off")
            if reader.entity(conn, gid, evidence=False, rules=rules) is None:
                raise JudgementError(f"every mention of {gid} is in those reports: nothing would stay with it")
    return table.add(store, made)


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
    """The active judgements that no longer apply (their entities, relations or reports are
    gone; a split that parts nothing), each with what is missing."""
    out: list[tuple[Judgement, str]] = []
    with store.snapshot() as conn:
        active = table.load(conn)
        rules = reader.rules_of(conn)
        relations = reader.relation_ids(conn) if any(j.args[0].startswith("rel:") for j in active) else set()
        docs = {d.id for d in reader.documents(conn)}
        for j in active:
            ids = [j.args[0]] if j.kind in ("reject", "alias", "split") else list(j.args)
            if j.kind == "split":  # the bodies of its posts, and its reports
                ids += [p.rpartition("@")[2] for p in j.args[1:] if p.startswith(splits.POST)]
            gone = [x for x in ids if not (x in relations if x.startswith("rel:") else reader.known(conn, rules, x))]
            if j.kind == "split":
                gone += [p for p in j.args[1:] if p.startswith(splits.REPORT) and p[len(splits.REPORT):] not in docs]
            if gone:
                out.append((j, f"{' and '.join(gone)} {'is' if len(gone) == 1 else 'are'} no longer in the store"))
            elif j.kind == "split" and splits.split_id(j.args[0], j.args[1:]) not in rules.moved_to:
                out.append((j, f"{j.args[0]} has no mention left in those reports: the split parts nothing"))
    return out
