"""kg remove, stats, show, path, export, upgrade: the store seen from the command line."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import typer

from kg.cli.common import error, errors_to_exit, min_confidence_option, min_reports_option, shown, shown_lines

STORE_HELP = "Store folder (default: $KG_STORE or ./kg-data)."
LANG_HELP = "Names: vi (as written) or en (English for bodies and posts where data/labels_en.tsv has it)."
REJECTED_HELP = "Also the facts judged wrong (kg judge reject), each with a 'rejected' property saying by whom and why."
FORMAT_SUFFIXES = {".ttl": "ttl", ".nt": "nt", ".jsonld": "jsonld", ".graphml": "graphml", ".gexf": "gexf",
                   ".jsonl": "jsonl"}


def register(app: typer.Typer) -> None:
    app.command("remove")(remove_cmd)
    app.command("stats")(stats_cmd)
    app.command("show")(show_cmd)
    app.command("path")(path_cmd)
    app.command("export")(export_cmd)
    app.command("upgrade")(upgrade_cmd)


def _open(store: Path | None):
    from kg.store import Store

    return Store.open(store, create=False)


def remove_cmd(
    reports: list[str] = typer.Argument(..., help="Report ids (file names, as kg stats --reports lists them)."),
    store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """Take reports' facts out of the store; a fact stays while another report supports it."""
    with errors_to_exit(), _open(store) as db:
        missing = [doc for doc in reports if not db.remove(doc)]
    for doc in missing:
        error(f"no report {doc!r} in the store")
    typer.echo(f"removed {len(reports) - len(missing)} report(s)")
    if missing:
        raise typer.Exit(1)


def upgrade_cmd(store: Path | None = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Migrate an older store to this kg's schema in place (opening it for use does this too)."""
    from kg.store import upgrade_store

    with errors_to_exit():
        before, after = upgrade_store(store)
    if before == after:
        typer.echo(f"store is at schema version {after}: nothing to do")
    else:
        typer.echo(f"upgraded the store from schema version {before} to {after}")


def stats_cmd(
    store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
    top: int = typer.Option(0, "--top", min=0, help="Also list the N most connected entities."),
    measure: str = typer.Option("degree", "--measure", help="For --top: degree or betweenness."),
    reports: bool = typer.Option(False, "--reports", help="Also list the reports."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Counts by type (judgements applied), reports ingested, size on disk; --top N for the most connected entities."""
    from kg.paths import top_entities

    with errors_to_exit(), _open(store) as db:
        stats = db.stats()
        ranked = top_entities(db.graph(evidence=False), top, measure=measure) if top else []
        docs = [d.id for d in db.documents()] if reports else []
    if as_json:
        stats["top"] = [{"id": e.id, "type": e.type, "name": e.name, measure: s} for e, s in ranked]
        stats["report_ids"] = docs
        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    reprinted = f" ({stats['reprints']} reprints of others, counted once)" if stats.get("reprints") else ""
    typer.echo(f"{shown(stats['path'])}: {stats['reports']} reports{reprinted}, "
               f"{stats['size_bytes'] / 1e6:.1f} MB on disk")
    if stats["judgements"]:
        before = stats["as_reported"]
        typer.echo(f"{stats['judgements']} judgement(s) in force (kg judge list); counted with them applied "
                   f"(as the reports say: {before['entities_total']} entities, {before['relations_total']} relations)")
    for section in ("entities", "relations"):
        typer.echo(f"{section}: {stats[section + '_total']}")
        for name, count in stats[section].items():
            typer.echo(f"  {name:16} {count}")
    if stats["outlets"]:
        typer.echo(f"reports by outlet ({len(stats['outlets'])}):")
        for name, count in list(stats["outlets"].items())[:10]:
            typer.echo(shown(f"  {count:>6}  {name}"))
    if ranked:
        typer.echo(f"top {len(ranked)} by {measure}:")
        for ent, score in ranked:
            typer.echo(shown(f"  {score:>10.4g}  {ent.type:12} {ent.name}  ({ent.id})"))
    for doc in docs:
        typer.echo(f"report: {shown(doc)}")


def show_cmd(
    entity: str = typer.Argument(..., help="An entity id, name or alias (case, tone marks, abbreviations ignored)."),
    store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    lang: str = typer.Option("vi", "--lang", metavar="LANG", help=LANG_HELP),
) -> None:
    """An entity with its aliases, relations and the sentences that support each relation."""
    from kg.labels_en import check_lang
    from kg.store.views import describe

    with errors_to_exit():
        check_lang(lang)  # a usage error before the store is opened
        with _open(store) as db:
            views = describe(db, entity, lang=lang)
    if not views:
        error(f"no entity named {entity!r}")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps([v.to_dict() for v in views], ensure_ascii=False, indent=2))
        return
    if len(views) > 1:
        typer.echo(shown(f"{entity!r} names {len(views)} entities:") + "\n")
    typer.echo(shown_lines("\n\n".join(_format_view(v) for v in views)))


def _format_view(view) -> str:
    from kg.model import REPORTS
    from kg.store.judgements import REJECTED

    ent = view.entity
    lines = [f"{_named(ent.name, view.name_en)}  [{ent.type}]  {ent.id}"]
    if REJECTED in ent.props:  # kept to be audited, left out of every graph, query and export
        lines.append(f"  REJECTED {ent.props[REJECTED]}")
    if ent.aliases:
        lines.append(f"  also: {'; '.join(ent.aliases)}")
    for key, value in sorted(ent.props.items()):
        if key != REJECTED:
            lines.append(f"  {key}: {value}")
    if view.reports:
        lines.append(f"  mentioned in: {shown(', '.join(view.reports))}")
    if not view.links:
        lines.append("  no relations")
    for link in view.links:
        rel = link.relation
        props = ", ".join(f"{k}: {_named(v, link.role_en) if k == 'role' else v}" for k, v in sorted(rel.props.items())
                          if k not in (REJECTED, REPORTS))
        arrow = f"-[{rel.type}]->" if link.outgoing else f"<-[{rel.type}]-"
        n = rel.props.get(REPORTS, 1)
        lines.append(f"  {arrow} {_named(link.other_name, link.other_name_en)} [{link.other_type}]"
                     + (f"  ({props})" if props else "")
                     + f"  {n} independent report{'s' * (n != 1)}  confidence {rel.confidence:.2f}  {rel.id}")
        if REJECTED in rel.props:
            lines.append(f"      REJECTED {rel.props[REJECTED]}")
        for ev in rel.evidence:
            lines.append(f"      {shown(ev.doc)}:{ev.start}-{ev.end}  \"{ev.sentence or ev.text}\"")
    return "\n".join(lines)


def _named(name: object, english: str) -> str:
    """The English first, the name as written after it, where there is an English name (--lang en)."""
    return f"{english} ({name})" if english else str(name)


def path_cmd(
    source: str = typer.Argument(..., help="First entity: id, name or alias."),
    target: str = typer.Argument(..., help="Second entity: id, name or alias."),
    via: str | None = typer.Option(None, "--via", help="Only these relation types, e.g. PART_OF,REPORTS_TO."),
    directed: bool = typer.Option(False, "--directed", help="Follow relations only from source to target."),
    store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """The shortest chain of relations between two entities (e.g. a chain of command)."""
    from kg.paths import resolve_one, shortest_path

    types = [t.strip().upper() for t in via.split(",") if t.strip()] if via else None
    with errors_to_exit(), _open(store) as db:
        graph = db.graph(evidence=False)
        a, b = resolve_one(graph, source), resolve_one(graph, target)
        found = shortest_path(graph, a, b, via=types, directed=directed)
    if found is None:
        error(f"no path between {graph.entities[a].name!r} and {graph.entities[b].name!r}")
        raise typer.Exit(1)
    typer.echo(shown(f"{found.entities[0].name}  [{found.entities[0].type}]"))
    for ent, rel in zip(found.entities[1:], found.relations, strict=True):
        role = f" {rel.props['role']}" if rel.props.get("role") else ""
        arrow = f"-[{rel.type}{role}]->" if rel.target == ent.id else f"<-[{rel.type}{role}]-"
        typer.echo(shown(f"  {arrow} {ent.name}  [{ent.type}]"))
    typer.echo(f"{len(found.relations)} step(s)")


def export_cmd(
    fmt_arg: str | None = typer.Argument(None, metavar="[FORMAT]", help="ttl, jsonld, nt, graphml, gexf, jsonl, …"),
    fmt: str | None = typer.Option(None, "--format", "-f", help="Same as FORMAT (any registered exporter)."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write ('-': standard output)."),
    store: Path | None = typer.Option(None, "--store", help=STORE_HELP),
    include_rejected: bool = typer.Option(False, "--include-rejected", help=REJECTED_HELP),
    min_confidence: float = min_confidence_option(),
    min_reports: int = min_reports_option(),
) -> None:
    """Write the whole graph in one format (the format can also come from the file's suffix)."""
    from kg.errors import KgError
    from kg.registry import get
    from kg.trust import trusted

    with errors_to_exit():
        name = fmt or fmt_arg or FORMAT_SUFFIXES.get(output.suffix.lower())
        if not name:
            raise KgError("give a format (kg export FORMAT -o FILE); see kg export --help")
        exporter = get("exporter", name)
        with _open(store) as db:
            graph = trusted(db.graph(include_rejected=include_rejected), min_confidence, min_reports)
        if str(output) != "-":
            exporter.func(graph, output)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / f"export.{name}"
                exporter.func(graph, out)
                with out.open("rb") as handle:
                    shutil.copyfileobj(handle, sys.stdout.buffer)
                    sys.stdout.flush()
    if str(output) != "-":
        typer.echo(f"wrote {len(graph.entities)} entities and {len(graph.relations)} relations to "
                   f"{shown(output)} ({name})", err=True)
