"""Shared CLI plumbing: kg errors become one-line messages and a non-zero exit."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import typer

from kg.errors import KgError


def error(message: str) -> None:
    """Print one line to stderr, prefixed like every kg error; credentials in any URL are removed."""
    from kg.backends.http import redact

    typer.echo(f"kg: error: {redact(message)}", err=True)


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
