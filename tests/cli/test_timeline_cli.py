"""kg timeline through the CLI: a table, the JSON of issue 16, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.cli.stores import ingested

runner = CliRunner()

REPORTS = {
    "a.txt": "Bộ Tài chính họp\nNgày 12/3/2023\n\nSáng 12/3, Bộ trưởng Bộ Tài chính Hồ Đức Phớc chủ trì hội nghị.\n",
    "b.txt": "Hội thảo tài chính\nNgày 20/6/2025\n\nSáng 20/6, nguyên Bộ trưởng Bộ Tài chính Hồ Đức Phớc dự hội thảo. "
             "Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng phát biểu khai mạc.\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingested(tmp_path_factory, REPORTS)


def test_json_is_a_list_of_posts_with_iso_dates_and_evidence(store: Path) -> None:
    res = runner.invoke(app, ["timeline", "Hồ Đức Phớc", "--store", str(store), "--format", "json"])
    assert res.exit_code == 0, res.output
    (post,) = json.loads(res.stdout)
    assert post == {
        "person": "Hồ Đức Phớc", "role": "Bộ trưởng", "body": "Bộ Tài chính", "earliest": "2023-03-12",
        "latest": "2023-03-12", "start": "2023-03-12", "end": "2025-06-20", "start_basis": "reports",
        "end_basis": "former", "evidence": post["evidence"]}
    assert [(e["doc"], e["date"]) for e in post["evidence"]] == [("a.txt", "2023-03-12"), ("b.txt", "2025-06-20")]
    assert "nguyên Bộ trưởng" in post["evidence"][1]["sentence"]


def test_table_of_a_body_lists_its_holders_in_date_order(store: Path) -> None:
    res = runner.invoke(app, ["timeline", "Bộ Tài chính", "--store", str(store)])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("Bộ Tài chính  [Organization]")
    assert "2023-03-12 (reports) → 2025-06-20 (former)  Hồ Đức Phớc: Bộ trưởng" in lines[1]
    assert "ended: b.txt:" in lines[2]
    assert "2025-06-20 (reports) → open  Nguyễn Văn Thắng: Bộ trưởng" in lines[3]


def test_an_unknown_name_is_a_one_line_error(store: Path) -> None:
    res = runner.invoke(app, ["timeline", "Không Có Ai", "--store", str(store)])
    assert res.exit_code == 1
    assert res.stderr.strip() == "kg: error: no person or body named 'Không Có Ai'"


def test_a_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["timeline", "X", "--store", str(tmp_path / "none")])
    assert res.exit_code == 1 and res.stderr.count("\n") == 1 and res.stderr.startswith("kg: error:")


def test_an_unknown_format_is_a_usage_error(store: Path) -> None:
    res = runner.invoke(app, ["timeline", "Hồ Đức Phớc", "--store", str(store), "--format", "xml"])
    assert res.exit_code == 2 and "--format must be table or json" in res.output


@pytest.mark.parametrize(("at", "holders"), [
    ("2024", ["Hồ Đức Phớc"]),  # a year: any of its days
    ("2025-06", ["Hồ Đức Phớc", "Nguyễn Văn Thắng"]),  # the month the one was reported former, the other held
    ("2025-06-21", ["Nguyễn Văn Thắng"]),
    ("2023-03-11", []),  # before the first report showing anyone held it
])
def test_at_keeps_the_posts_held_on_a_date(store: Path, at: str, holders: list[str]) -> None:
    res = runner.invoke(app, ["timeline", "Bộ Tài chính", "--store", str(store), "--at", at, "--format", "json"])
    assert res.exit_code == 0, res.output
    assert [p["person"] for p in json.loads(res.stdout)] == holders
    table = runner.invoke(app, ["timeline", "Bộ Tài chính", "--store", str(store), "--at", at]).stdout
    assert f"held on {at}" in table.splitlines()[0] and (holders or "no posts held on" in table)


@pytest.mark.parametrize("bad", ["2024-13", "12/3/2024", "soon"])
def test_a_bad_date_for_at_is_a_one_line_error(store: Path, bad: str) -> None:
    res = runner.invoke(app, ["timeline", "Bộ Tài chính", "--store", str(store), "--at", bad])
    assert res.exit_code == 1 and res.stderr.count("\n") == 1
    assert res.stderr.startswith(f"kg: error: {bad!r} is not a date")
