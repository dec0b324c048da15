"""kg changes through the CLI: a table, JSON, one-line errors and a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.cli.stores import ingested

runner = CliRunner()

REPORTS = {
    "a.txt": "Nhân sự\nNgày 4/3/2024\n\nÔng Hoàng Văn Em được bầu giữ chức Chủ tịch HĐND tỉnh Nghệ An.\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingested(tmp_path_factory, REPORTS)


def test_json_lists_the_change_with_its_basis_and_evidence(store: Path) -> None:
    res = runner.invoke(app, ["changes", "--since", "2024-03", "--until", "2024-03", "--store", str(store),
                              "--format", "json"])
    assert res.exit_code == 0, res.output
    (change,) = json.loads(res.stdout)
    assert {k: change[k] for k in ("date", "basis", "change", "bound", "person", "role", "body")} == {
        "date": "2024-03-04", "basis": "report", "change": "elected", "bound": "start", "person": "Hoàng Văn Em",
        "role": "Chủ tịch", "body": "Hội đồng nhân dân tỉnh Nghệ An"}
    assert change["evidence"]["doc"] == "a.txt" and "được bầu" in change["evidence"]["sentence"]


def test_the_table_has_a_line_per_change_and_its_sentence(store: Path) -> None:
    res = runner.invoke(app, ["changes", "--since", "2024", "--until", "2024", "--store", str(store)])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[0] == ("2024-03-04 (report)  elected  Hoàng Văn Em: Chủ tịch @ "
                                          "Hội đồng nhân dân tỉnh Nghệ An")


@pytest.mark.parametrize("args", [["--since", "2024-3x"], ["--since", "2024", "--until", "2023"]])
def test_a_bad_date_is_one_line_and_a_non_zero_exit(store: Path, args: list[str]) -> None:
    res = runner.invoke(app, ["changes", *args, "--store", str(store)])
    assert res.exit_code == 1
    assert res.stdout == "" and len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_a_bad_format_is_bad_usage(store: Path) -> None:
    res = runner.invoke(app, ["changes", "--since", "2024", "--format", "xml", "--store", str(store)])
    assert res.exit_code == 2 and "table or json" in res.stderr


def test_a_missing_store_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    res = runner.invoke(app, ["changes", "--since", "2024", "--store", str(tmp_path / "none")])
    assert res.exit_code == 1 and "no kg store" in res.stderr
