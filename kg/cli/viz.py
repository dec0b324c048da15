"""`kg viz`: the store's graph as one self-contained, offline, interactive HTML page."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.common import errors_to_exit, min_confidence_option, min_reports_option, shown
from kg.cli.store import REJECTED_HELP
from kg.model import ENTITY_TYPES
from kg.viz.defaults import OVERVIEW_FROM

_TYPES_HELP = f"Entity types, comma-separated: {','.join(ENTITY_TYPES)}."
_STORE_HELP = "Store folder (default: $KG_STORE or ./kg-data)."
_RELATIONS_HELP = "Relation types, comma-separated: HOLDS_POSITION,PART_OF,..."
_OVERVIEW_HELP = (f"Draw groups of linked entities that open on a click [default: from {OVERVIEW_FROM:,} entities, "
                  "unless --around].")
_ISOLATED_HELP = "In the overview, also draw the entities without relations."
_SINCE_HELP = "From this date (YYYY[-MM[-DD]]): the event's date, else the report's."
_LANG_HELP = "Names drawn: vi (as written) or en (English for bodies and posts where data/labels_en.tsv has it)."


def register(app: typer.Typer) -> None:
    @app.command("viz")
    def viz_command(
        output: Path = typer.Option(Path("kg-graph.html"), "-o", "--output", metavar="FILE", help="HTML file."),
        store: Path | None = typer.Option(None, "--store", metavar="DIR", help=_STORE_HELP),
        around: list[str] = typer.Option([], "--around", metavar="ENTITY", help="Only near this id, name or alias."),
        depth: int = typer.Option(1, "--depth", min=0, metavar="N", help="How many steps from --around."),
        types: list[str] = typer.Option([], "--type", metavar="TYPES", help=_TYPES_HELP),
        relations: list[str] = typer.Option([], "--relation", metavar="RELATIONS", help=_RELATIONS_HELP),
        docs: list[str] = typer.Option([], "--doc", metavar="REPORT", help="Only facts from this report (file name)."),
        since: str | None = typer.Option(None, "--since", metavar="DATE", help=_SINCE_HELP),
        until: str | None = typer.Option(None, "--until", metavar="DATE", help="Up to this date, inclusive."),
        max_nodes: int | None = typer.Option(None, "--max-nodes", min=1, metavar="N", help="Keep the N most linked."),
        title: str | None = typer.Option(None, "--title", help="Page title (default: after the store folder)."),
        overview: bool | None = typer.Option(None, "--overview/--no-overview", help=_OVERVIEW_HELP, show_default=False),
        isolated: bool = typer.Option(False, "--isolated", help=_ISOLATED_HELP),
        include_rejected: bool = typer.Option(False, "--include-rejected", help=REJECTED_HELP),
        lang: str = typer.Option("vi", "--lang", metavar="LANG", help=_LANG_HELP),
        min_confidence: float = min_confidence_option(),
        min_reports: int = min_reports_option(),
    ) -> None:
        """Write an interactive graph (search, hover for evidence, click for neighbours) that works offline."""
        from kg.labels_en import check_lang
        from kg.store import Store
        from kg.viz import VizFilter, write_html

        flt = VizFilter(around=around, depth=depth, types=types, relations=relations, docs=docs,
                        since=since, until=until, max_nodes=max_nodes, min_confidence=min_confidence,
                        min_reports=min_reports)
        with errors_to_exit():
            check_lang(lang)  # before the store is read
            with Store.open(store, create=False) as db:
                graph, name = db.graph(include_rejected=include_rejected), db.path.resolve().name
            result = write_html(graph, output, flt, title=title or f"kg graph: {name}", overview=overview,
                                isolated=isolated, lang=lang)
        typer.echo("\n".join(shown(line) for line in result.summary().split("\n")))
