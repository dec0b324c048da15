"""`kg judge`: corrections to the graph kept as data in the store (kg.judge)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from kg.cli.common import error, errors_to_exit, shown

STORE_HELP = "Store folder (default: $KG_STORE or ./kg-data)."
AUTHOR_HELP = "Who decides (default: $KG_AUTHOR, else the login user)."
REASON_HELP = "Why (kept with the judgement; kg show prints it for rejected facts)."


@contextlib.contextmanager
def _store(store: Path | None) -> Iterator[Any]:
    """The store, with kg errors as one line; a name that fits several entities lists them."""
    from kg.errors import AmbiguousName
    from kg.store import Store

    with errors_to_exit(), Store.open(store, create=False) as db:
        try:
            yield db
        except AmbiguousName as exc:
            error(f"{exc.ref!r} names {len(exc.candidates)} entities; give one of these ids:")
            for gid, etype, name in exc.candidates:
                typer.echo(shown(f"  {gid}  {name}  [{etype}]"), err=True)
            raise typer.Exit(1) from None


def _made(j: Any) -> None:
    typer.echo(shown(f"judgement {j.seq}: {j.kind} {' '.join(j.args)} (by {j.author})"))


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Correct the graph: merge, keep apart, split, reject, alias. Kept in the store, "
                             "applied on every read, so they outlast re-ingest and removal.")
    app.add_typer(group, name="judge", no_args_is_help=True)
    store_opt = typer.Option(None, "--store", help=STORE_HELP)
    author_opt = typer.Option(None, "--author", help=AUTHOR_HELP)
    reason_opt = typer.Option("", "--reason", help=REASON_HELP)

    @group.command("merge")
    def merge_cmd(a: str = typer.Argument(..., help="The entity that stays: id, name or alias."),
                  b: str = typer.Argument(..., help="The entity folded into it."),
                  store: Path | None = store_opt, author: str | None = author_opt, reason: str = reason_opt) -> None:
        """B is the same entity as A: one entity with A's id and name, both's names, evidence and relations."""
        from kg import judge

        with _store(store) as db:
            _made(judge.merge(db, a, b, author=author, reason=reason))

    @group.command("distinct")
    def distinct_cmd(a: str = typer.Argument(..., help="An entity: id, name or alias."),
                     b: str = typer.Argument(..., help="Another entity."),
                     store: Path | None = store_opt, author: str | None = author_opt,
                     reason: str = reason_opt) -> None:
        """A and B are two entities: a merge of the two is refused."""
        from kg import judge

        with _store(store) as db:
            _made(judge.distinct(db, a, b, author=author, reason=reason))

    @group.command("split")
    def split_cmd(entity: str = typer.Argument(..., help="The entity that is really two: id, name or alias."),
                  report: list[str] = typer.Option([], "--report", metavar="REPORT",
                                                   help="A report whose mentions are the other one. Repeatable."),
                  post: list[str] = typer.Option([], "--post", metavar="'ROLE @ BODY'",
                                                 help="The other one is who holds this post. Repeatable."),
                  store: Path | None = store_opt, author: str | None = author_opt, reason: str = reason_opt) -> None:
        """The mentions in these reports (or with this post) are another entity, with its own id and relations."""
        from kg import judge
        from kg.store.splits import split_id

        with _store(store) as db:
            j = judge.split(db, entity, reports=report, posts=post, author=author, reason=reason)
        _made(j)
        typer.echo(shown(f"the other entity: {split_id(j.args[0], j.args[1:])}"))

    @group.command("reject")
    def reject_cmd(fact: str = typer.Argument(..., help="An entity (id, name or alias) or a relation id (rel:…)."),
                   store: Path | None = store_opt, author: str | None = author_opt, reason: str = reason_opt) -> None:
        """The fact is wrong: leave it out of queries, exports, loads and graphs (kept for kg show)."""
        from kg import judge

        with _store(store) as db:
            _made(judge.reject(db, fact, author=author, reason=reason))

    @group.command("alias")
    def alias_cmd(entity: str = typer.Argument(..., help="The entity: id, name or alias."),
                  name: str = typer.Argument(..., help="Its other name."),
                  store: Path | None = store_opt, author: str | None = author_opt, reason: str = reason_opt) -> None:
        """NAME is one more name of the entity (kg show NAME finds it)."""
        from kg import judge

        with _store(store) as db:
            _made(judge.alias(db, entity, name, author=author, reason=reason))

    @group.command("list")
    def list_cmd(store: Path | None = store_opt,
                 active: bool = typer.Option(False, "--active", help="Only those in force (not undone).")) -> None:
        """The judgements in the order they were made, undone ones marked."""
        from kg import judge

        with _store(store) as db:
            found = judge.listing(db, include_undone=not active)
        for j in found:
            undone = f"  [undone by {j.undone_by} at {j.undone_at}]" if not j.active else ""
            why = f"  — {j.reason}" if j.reason else ""
            typer.echo(shown(f"{j.seq:>4}  {j.kind:8} {' '.join(j.args)}  by {j.author} at {j.time}{why}{undone}"))

    @group.command("undo")
    def undo_cmd(seq: int = typer.Argument(..., help="The judgement's number (kg judge list)."),
                 store: Path | None = store_opt, author: str | None = author_opt) -> None:
        """Undo judgement N (it stays in the list as history)."""
        from kg import judge

        with _store(store) as db:
            j = judge.undo(db, seq, author=author)
        typer.echo(shown(f"undid judgement {j.seq}: {j.kind} {' '.join(j.args)}"))

    @group.command("export")
    def export_cmd(file: Path = typer.Argument(..., help="JSONL file to write."),
                   store: Path | None = store_opt) -> None:
        """Write every judgement (undone ones too) to a JSONL file to share."""
        from kg import judge

        with _store(store) as db:
            count = judge.export_jsonl(db, file)
        typer.echo(shown(f"wrote {count} judgement(s) to {file}"))

    @group.command("import")
    def import_cmd(file: Path = typer.Argument(..., help="JSONL file from kg judge export."),
                   store: Path | None = store_opt) -> None:
        """Add a file's judgements (each once, however often imported); conflicting ones are refused."""
        from kg import judge

        with _store(store) as db:
            done = judge.import_jsonl(db, file)
        typer.echo(f"{done.added} added, {done.undone} undone, {done.known} already here, {len(done.refused)} refused")
        for j, problem in done.refused:
            error(f"refused {j.kind} {' '.join(j.args)} by {j.author} at {j.time}: {problem}")
        if done.refused:
            raise typer.Exit(1)

    @group.command("check")
    def check_cmd(store: Path | None = store_opt) -> None:
        """List the judgements that no longer apply (their entities or relations are gone); exit 1 if any."""
        from kg import judge

        with _store(store) as db:
            stale = judge.check(db)
        for j, problem in stale:
            typer.echo(shown(f"{j.seq:>4}  {j.kind} {' '.join(j.args)}: {problem}"))
        typer.echo(f"{len(stale)} judgement(s) no longer apply" if stale else "every judgement applies")
        if stale:
            raise typer.Exit(1)
