import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "examples" / "vpqh-2019-08-28.txt"
runner = CliRunner()


def test_extract_jsonl_follows_the_interchange_contract(tmp_path):
    out = tmp_path / "x.jsonl"
    res = runner.invoke(app, ["extract", str(EXAMPLE), "--format", "jsonl", "-o", str(out)])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = {r["id"] for r in records if r["kind"] == "entity"}
    text = (Path(__file__).resolve().parents[2] / "data" / "examples" / "vpqh-2019-08-28.txt").read_text()
    for r in records:
        assert r["kind"] in ("entity", "relation")
        if r["kind"] == "entity":
            assert {"id", "type", "name", "aliases", "props", "evidence"} <= set(r)
        else:
            assert r["source"] in ids and r["target"] in ids
            assert 0 <= r["confidence"] <= 1
            assert r["evidence"], r
        for ev in r["evidence"]:
            assert ev["doc"] == EXAMPLE.name and 0 <= ev["start"] < ev["end"] <= len(text)


def test_example_report_end_to_end(tmp_path):
    res = runner.invoke(app, ["extract", str(EXAMPLE)])
    records = [json.loads(line) for line in res.stdout.splitlines()]
    by_id = {r["id"]: r for r in records if r["kind"] == "entity"}
    facts = {(r["type"], by_id[r["source"]]["name"], by_id[r["target"]]["name"], r["props"].get("role"))
             for r in records if r["kind"] == "relation"}
    assert ("HOLDS_POSITION", "Nguyễn Đức Thụ", "Đảng ủy cơ quan Văn phòng Quốc hội", "Phó Bí thư Thường trực") in facts
    assert ("HOLDS_POSITION", "Trương Xuân Cừ", "Đảng ủy Khối các cơ quan Trung ương", "Phó Bí thư") in facts
    assert ("ISSUED_BY", "Chỉ thị số 05", "Bộ Chính trị", None) in facts
    assert ("PART_OF", "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội",
            "Đảng ủy cơ quan Văn phòng Quốc hội", None) in facts
    event = next(r for r in by_id.values() if r["type"] == "Event")
    assert event["props"]["date"] == "2019-08-28"
    assert any(f[0] == "AUTHORED" and f[1] == "Vũ Quang" for f in facts)


def test_table_format_is_readable():
    res = runner.invoke(app, ["extract", str(EXAMPLE), "--format", "table"])
    assert res.exit_code == 0
    assert "Nguyễn Đức Thụ -HOLDS_POSITION (Phó Bí thư Thường trực)->" in res.stdout


def test_bad_files_get_one_line_errors_and_the_rest_is_processed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    undecodable = tmp_path / "bad.txt"
    undecodable.write_bytes("Bộ Y tế".encode() + b"\xff\xfe\xc3\x28 \x81\x8d" * 50)
    good = tmp_path / "good.txt"
    shutil.copy(EXAMPLE, good)
    res = runner.invoke(app, ["extract", str(empty), str(binary), str(undecodable), str(good)])
    assert res.exit_code == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("kg: error:")]
    assert len(errors) >= 2
    assert any(str(empty) in e for e in errors) and any(str(binary) in e for e in errors)
    assert '"Nguyễn Đức Thụ"' in res.stdout  # the good file was still processed


SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


def test_eval_agrees_with_the_independent_scorer(tmp_path):
    gold = {
        "doc": "r.txt",
        "entities": [
            {"id": "P1", "type": "Person", "name": "Trần Văn Bình"},
            {"id": "O1", "type": "Organization", "name": "Bộ Tài chính"},
            {"id": "O2", "type": "Organization", "name": "Sở Tư pháp", "optional": True},
            {"id": "D1", "type": "Directive", "name": "Chỉ thị số 7"},
        ],
        "relations": [
            {"type": "HOLDS_POSITION", "source": "P1", "target": "O1", "role": "Thứ trưởng"},
            {"type": "IMPLEMENTS", "source": "O1", "target": "D1"},
        ],
    }
    (tmp_path / "gold").mkdir()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "gold" / "r.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "corpus" / "r.txt").write_text(
        "Thứ trưởng Bộ Tài chính Trần Văn Bình phát biểu. Bộ Công Thương thực hiện Chỉ thị số 07.",
        encoding="utf-8")
    res = runner.invoke(app, ["eval", str(tmp_path / "gold"), "--json"])
    assert res.exit_code == 0, res.output
    ours = json.loads(res.stdout)
    assert ours["entities"]["ALL"]["tp"] >= 2
    if not SCORER.exists():
        pytest.skip("shared/eval/score.py not beside the project")
    sysout = tmp_path / "r.jsonl"
    runner.invoke(app, ["extract", str(tmp_path / "corpus" / "r.txt"), "-o", str(sysout)])
    theirs = json.loads(subprocess.run([sys.executable, str(SCORER), str(tmp_path / "gold" / "r.json"),
                                        str(sysout), "--json"], capture_output=True, text=True, check=True).stdout)
    assert ours == theirs
