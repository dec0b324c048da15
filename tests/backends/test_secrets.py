"""Credentials in a server URI are used, never shown."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from kg.backends.http import credentials, redact
from kg.cli import app


def test_redact_removes_user_and_password_from_every_url():
    text = "cannot reach bolt://neo:s3cret@db.example:7687 nor https://u:p%40ss@h/sparql?x=1"
    assert redact(text) == "cannot reach bolt://db.example:7687 nor https://h/sparql?x=1"


def test_credentials_are_taken_out_of_the_uri():
    assert credentials("bolt://neo:s%40cret@10.0.0.1:7687/x?database=kg") == (
        "bolt://10.0.0.1:7687/x?database=kg", "neo", "s@cret")
    assert credentials("bolt://h:7687") == ("bolt://h:7687", None, None)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("command", [
    ["load", "neo4j", "--uri", "bolt://neo:TOPSECRET@127.0.0.1:{port}"],
    ["load", "sparql", "--endpoint", "http://neo:TOPSECRET@127.0.0.1:{port}/sparql"],
])
def test_a_failed_connection_never_prints_the_password(tmp_path, command):
    (tmp_path / "r.txt").write_text("Sáng 3/4/2024, Bộ Y tế tổ chức hội nghị.", encoding="utf-8")
    store = tmp_path / "kg"
    assert CliRunner().invoke(app, ["ingest", str(tmp_path / "r.txt"), "--store", str(store)]).exit_code == 0
    port = _closed_port()
    args = [a.format(port=port) for a in command] + ["--store", str(store)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0
    assert "TOPSECRET" not in result.output + (result.stderr or "")
    assert "127.0.0.1" in result.stderr
