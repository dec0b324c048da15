"""kg extract, kg eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from kg.cli.common import error, errors_to_exit, shown_lines
from kg.errors import KgError


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
    app.command("eval")(eval_cmd)


def extract_cmd(
    reports: list[Path] = typer.Argument(..., help="Report files, or folders of them (walked recursively)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (interchange format) or table."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    encoding: str | None = typer.Option(None, help="Override encoding detection."),
) -> None:
    """Print what reports say (entities, relations, evidence) without storing anything."""
    from kg.extract import extract_file
    from kg.report import format_table
    from kg.sources.discover import discover

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("choose jsonl or table", param_hint="--format")
    found = discover(reports)
    for path, problem in found.errors:
        error(f"{path}: {problem}")
    if not found.files and not found.errors:
        error("no reports found in " + ", ".join(map(str, reports)))
        raise typer.Exit(1)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    failed = len(found.errors)
    with errors_to_exit():
        for path in map(Path, found.files):
            try:
                x = extract_file(path, encoding)
            except KgError as exc:
                error(str(exc))
                failed += 1
                continue
            out.write(x.to_jsonl() if fmt == "jsonl" else shown_lines(format_table(x)))
    if output:
        out.close()
    if failed:
        raise typer.Exit(1)


def eval_cmd(
    gold: list[Path] = typer.Argument(..., help="Gold annotation files, or folders of them."),
    corpus: Path | None = typer.Option(None, help="Folder with the reports (default: ../corpus)."),
    verbose: bool = typer.Option(False, "--verbose", help="List misses, spurious items and duplicates."),
    as_json: bool = typer.Option(False, "--json", help="Print the tables as JSON."),
) -> None:
    """Precision / recall / F1 of the extractor against gold annotations."""
    from kg.evaluate import evaluate

    with errors_to_exit():
        result = evaluate(gold, corpus)
    tables = {"entities": result.entities.table(), "relations": result.relations.table()}
    if as_json:
        typer.echo(json.dumps(tables, ensure_ascii=False, indent=2))
        return
    if verbose:
        typer.echo("\n".join(result.log))
    for section, table in tables.items():
        typer.echo(f"{section}:")
        for kind, r in table.items():
            typer.echo(f"  {kind:16} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}"
                       f"  (tp={r['tp']} fp={r['fp']} fn={r['fn']})")
    typer.echo(f"relation F1 {tables['relations']['ALL']['f1']:.3f}, entity F1 {tables['entities']['ALL']['f1']:.3f}")
