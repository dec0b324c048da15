"""`kg … --help`: flags read as flags."""

from __future__ import annotations

import re

import click
import pytest
import typer
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            out += _commands(command, (*prefix, name))
        else:
            out.append((*prefix, name))
    return out


COMMANDS = _commands(typer.main.get_command(app))


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_flags_take_no_value_in_the_help(command: tuple[str, ...]) -> None:
    res = runner.invoke(app, [*command, "--help"])
    assert res.exit_code == 0, res.output
    assert "<bool>" not in res.output
    assert re.search(r"^\s+--help\s+Show this message and exit\.$", res.output, re.MULTILINE)


def test_ingest_help_shows_strict_as_a_flag() -> None:
    res = runner.invoke(app, ["ingest", "--help"])
    assert re.search(r"^\s+--strict\s+Stop at the first file that fails\.$", res.output, re.MULTILINE), res.output
    assert re.search(r"^\s+--store <path>\s", res.output, re.MULTILINE)  # options with values show their type
