"""Shared CLI plumbing: kg errors become one-line messages and a non-zero exit."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any

import typer

from kg.errors import KgError

# C0 and C1 controls, and the marks that reorder or break a line: a file name may hold any of them
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: object) -> str:
    """`text` (a path, a report id, a message naming them) safe to print: control characters
    written as escapes (\\x1b, \\n, \\u202e), so a file name cannot drive the terminal."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def shown_lines(text: str) -> str:
    """`shown` line by line: a multi-line text (a table, a view) keeps its line breaks."""
    return "\n".join(shown(line) for line in text.split("\n"))


MIN_CONFIDENCE_HELP = "Only relations of this confidence or more (0-1)."
MIN_REPORTS_HELP = "Only relations stated by this many independent reports or more (reprints of one story count once)."


def min_confidence_option() -> Any:
    return typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, metavar="X", help=MIN_CONFIDENCE_HELP)


def min_reports_option() -> Any:
    return typer.Option(1, "--min-reports", min=1, metavar="N", help=MIN_REPORTS_HELP)


def _table_or_json(value: str) -> str:
    if value not in ("table", "json"):
        raise typer.BadParameter(f"--format must be table or json, not {value!r}")
    return value


def table_or_json_option() -> Any:
    """--format table|json, checked before the command runs (a bad value is bad usage: exit 2)."""
    return typer.Option("table", "--format", "-f", help="table or json.", callback=_table_or_json)


def error(message: str) -> None:
    """Print one line to stderr, prefixed like every kg error; credentials in any URL are removed."""
    from kg.backends.http import redact

    typer.echo(f"kg: error: {shown(redact(message))}", err=True)


@contextlib.contextmanager
def errors_to_exit(code: int = 1) -> Iterator[None]:
    """Turn a KgError (and a broken pipe) into a one-line message and exit code."""
    try:
        yield
    except KgError as exc:
        error(str(exc))
        raise typer.Exit(code) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(code) from None
