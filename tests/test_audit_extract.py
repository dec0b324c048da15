"""scripts/audit_extract.py: sample on a tiny corpus, record and report on hand-made inputs."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "audit_extract.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_extract", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["audit_extract"] = module
    spec.loader.exec_module(module)
    return module


audit = _load()

REPORT_A = """Bộ Tài chính tổng kết công tác năm 2025

Sáng 5/3, tại Hà Nội, Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng chủ trì hội nghị tổng kết. Dự hội nghị có Thứ trưởng \
Bộ Tài chính Lê Tấn Cận và đại diện Ủy ban nhân dân tỉnh Bình Định.
"""
REPORT_B = """Tỉnh ủy Nghệ An triển khai nghị quyết

Chiều 12/4, tại thành phố Vinh, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW của \
Bộ Chính trị. Bí thư Tỉnh ủy Nghệ An Nguyễn Đức Trung chủ trì hội nghị.
"""
REPORT_HELDOUT = """Bộ Y tế họp giao ban

Sáng 7/5, tại Hà Nội, Bộ trưởng Bộ Y tế Đào Hồng Lan chủ trì cuộc họp giao ban của Bộ Y tế.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, str]:
    """Two reports to read and one whose name is on a held-out list: (corpus, held-out list, held-out name)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "b.txt").write_text(REPORT_B, encoding="utf-8")
    (folder / "c.txt").write_text(REPORT_HELDOUT, encoding="utf-8")
    (folder / "README.md").write_text("not a report\n", encoding="utf-8")
    heldout = tmp_path / "SAMPLE.tsv"
    heldout.write_text("file\tgenre\toutlet\tdate\ttitle\nc.txt\tgovernment\tx\t07/05/2025\tBộ Y tế\n",
                       encoding="utf-8")
    return folder, heldout, "c.txt"


def _sample(folder: Path, heldout: Path, out: Path, seed: int = 7, per_type: int = 30) -> int:
    return audit.main(["sample", "--corpus", str(folder), "--per-type", str(per_type), "--seed", str(seed),
                       "--out", str(out), "--heldout", str(heldout)])


def _items(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "items.jsonl").read_text(encoding="utf-8").splitlines()]


# ----------------------------------------------------------------------------------------- sample


def test_sample_writes_items_and_judging_file(corpus: tuple[Path, Path, str], tmp_path: Path) -> None:
    folder, heldout, _ = corpus
    out = tmp_path / "audit"
    assert _sample(folder, heldout, out) == 0
    items = _items(out)
    assert items, "the tiny corpus yields relations"
    assert [it["item"] for it in items] == list(range(1, len(items) + 1))
    for it in items:
        assert set(it) == {"item", "file", "offset", "type", "source", "target"}
        assert it["type"] in audit.SCORED_TYPES
        assert it["file"] in ("a.txt", "b.txt")
        assert isinstance(it["offset"], int)
    # grouped by type, in the scored order
    order = [audit.SCORED_TYPES.index(it["type"]) for it in items]
    assert order == sorted(order)
    assert any(it["type"] == "HOLDS_POSITION" and it["source"] == "Nguyễn Văn Thắng" for it in items)

    md = (out / "to_judge.md").read_text(encoding="utf-8")
    for it in items:
        assert f"### {it['item']}. {it['type']}" in md
    assert "«Nguyễn Văn Thắng»" in md  # the source surface form is marked
    assert "⟦Bộ Tài chính⟧" in md  # the target surface form is marked
    assert "confidence" not in md.lower()
    assert (out / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["files"] == 2 and meta["heldout"] == 1 and meta["seed"] == 7


def test_sample_skips_heldout_files(corpus: tuple[Path, Path, str], tmp_path: Path) -> None:
    folder, heldout, name = corpus
    out = tmp_path / "audit"
    assert _sample(folder, heldout, out) == 0
    assert name not in {it["file"] for it in _items(out)}
    md = (out / "to_judge.md").read_text(encoding="utf-8")
    assert "Đào Hồng Lan" not in md and name not in md
    # without the list, the same report is read
    open_list = tmp_path / "none.tsv"
    open_list.write_text("file\n", encoding="utf-8")
    assert _sample(folder, open_list, tmp_path / "all") == 0
    assert name in {it["file"] for it in _items(tmp_path / "all")}


def test_default_heldout_lists_are_the_real_gold_samples() -> None:
    names = audit.heldout_files()
    lists = sorted(ROOT.glob(audit.HELDOUT_GLOB))
    assert lists, "tests/fixtures/real*/SAMPLE.tsv exist"
    first = lists[0].read_text(encoding="utf-8").splitlines()[1].split("\t")[0]
    assert first in names and "file" not in names


def test_sample_is_deterministic_for_a_seed(corpus: tuple[Path, Path, str], tmp_path: Path) -> None:
    folder, heldout, _ = corpus
    for name in ("one", "two"):
        assert _sample(folder, heldout, tmp_path / name, seed=2026, per_type=1) == 0
    for produced in ("items.jsonl", "to_judge.md"):
        assert (tmp_path / "one" / produced).read_bytes() == (tmp_path / "two" / produced).read_bytes()


def _cand(t: str, k: int) -> object:
    return audit.Candidate(type=t, file=f"{k:03}.txt", offset=k, source=f"S{k}", source_type="Person",
                           target=f"T{k}", target_type="Organization", props=(), sentence="…")


def test_draw_takes_n_per_type_shuffled_and_fewer_when_fewer_exist() -> None:
    pool = [_cand("HOLDS_POSITION", k) for k in range(50)] + [_cand("HELD_AT", k) for k in range(3)]
    picked, sizes = audit.draw(pool, 10, seed=1)
    assert [c.type for c in picked] == ["HOLDS_POSITION"] * 10 + ["HELD_AT"] * 3
    assert sizes["HOLDS_POSITION"] == 50 and sizes["HELD_AT"] == 3 and sizes["AUTHORED"] == 0
    # the input order does not matter, the seed does
    again, _ = audit.draw(list(reversed(pool)), 10, seed=1)
    assert again == picked
    assert any(audit.draw(pool, 10, seed=s)[0] != picked for s in (2, 3, 4))
    offsets = [c.offset for c in picked[:10]]
    assert offsets != sorted(offsets)  # shuffled within the type
    # one type's draw does not move when another type's pool changes
    fewer, _ = audit.draw([*pool[:50], _cand("HELD_AT", 0)], 10, seed=1)
    assert fewer[:10] == picked[:10]


def test_mark_nests_source_and_target() -> None:
    text = "Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng chủ trì."
    base = 100
    src = [(base + text.index("Nguyễn"), base + text.index(" chủ"))]
    tgt = [(base + text.index("Bộ Tài"), base + text.index(" Nguyễn"))]
    assert audit.mark(text, base, src, tgt) == "Bộ trưởng ⟦Bộ Tài chính⟧ «Nguyễn Văn Thắng» chủ trì."
    same = [(base, base + 9)]
    assert audit.mark(text, base, same, same).startswith("«⟦Bộ trưởng⟧»")


# ----------------------------------------------------------------------------------------- record


def _write_items(path: Path) -> None:
    rows = [
        {"item": 1, "file": "00001.txt", "offset": 58, "type": "HOLDS_POSITION", "source": "A", "target": "B"},
        {"item": 2, "file": "00002.txt", "offset": 0, "type": "HOLDS_POSITION", "source": "C", "target": "D"},
        {"item": 3, "file": "00003.txt", "offset": 120, "type": "HELD_AT", "source": "E", "target": "F"},
        {"item": 4, "file": "00004.txt", "offset": 7, "type": "HELD_AT", "source": "G", "target": "H"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_record_writes_tsv_without_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items, judged, out = tmp_path / "items.jsonl", tmp_path / "judged.txt", tmp_path / "data" / "audit" / "j.tsv"
    _write_items(items)
    judged.write_text("# first pass\n1 correct\n2 wrong wrong-target\n\n4 unsure   # check the venue\n",
                      encoding="utf-8")
    assert audit.main(["record", "--items", str(items), "--judged", str(judged), "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "file\toffset\ttype\tlabel\treason",
        "00001.txt\t58\tHOLDS_POSITION\tcorrect\t",
        "00002.txt\t0\tHOLDS_POSITION\twrong\twrong-target",
        "00004.txt\t7\tHELD_AT\tunsure\t",
    ]
    assert "1 items not judged" in capsys.readouterr().err
    # never overwritten by accident
    assert audit.main(["record", "--items", str(items), "--judged", str(judged), "--out", str(out)]) == 2
    assert audit.main(["record", "--items", str(items), "--judged", str(judged), "--out", str(out), "--force"]) == 0


@pytest.mark.parametrize("line", ["1 maybe", "9 correct", "x correct", "1 wrong the source is a place",
                                  "1 wrong Sai_nguồn"])
def test_record_rejects_bad_lines(tmp_path: Path, line: str) -> None:
    items, judged = tmp_path / "items.jsonl", tmp_path / "judged.txt"
    _write_items(items)
    judged.write_text(line + "\n", encoding="utf-8")
    assert audit.main(["record", "--items", str(items), "--judged", str(judged), "--out", str(tmp_path / "o.tsv")]) == 2
    assert not (tmp_path / "o.tsv").exists()


def test_record_rejects_an_item_judged_twice(tmp_path: Path) -> None:
    items, judged = tmp_path / "items.jsonl", tmp_path / "judged.txt"
    _write_items(items)
    judged.write_text("1 correct\n1 wrong\n", encoding="utf-8")
    with pytest.raises(audit.AuditError, match="twice"):
        audit.read_judged(judged)


# ----------------------------------------------------------------------------------------- report


def test_wilson_interval() -> None:
    lo, hi = audit.wilson(8, 10)
    assert lo == pytest.approx(0.4902, abs=1e-4) and hi == pytest.approx(0.9433, abs=1e-4)
    assert audit.wilson(0, 5) == (0.0, pytest.approx(0.4345, abs=1e-4))
    assert audit.wilson(5, 5) == (pytest.approx(0.5655, abs=1e-4), 1.0)
    assert all(math.isnan(x) for x in audit.wilson(0, 0))


def _judgements(tmp_path: Path) -> list[Path]:
    one = tmp_path / "judgements-2026-01-01.tsv"
    one.write_text("file\toffset\ttype\tlabel\treason\n"
                   + "".join(f"{k:05}.txt\t{k}\tHOLDS_POSITION\tcorrect\t\n" for k in range(8))
                   + "00008.txt\t8\tHOLDS_POSITION\twrong\twrong-role\n"
                   + "00009.txt\t9\tHOLDS_POSITION\twrong\twrong-target\n"
                   + "00010.txt\t10\tHOLDS_POSITION\tunsure\t\n", encoding="utf-8")
    two = tmp_path / "judgements-2026-01-02.tsv"  # an older file without the reason column
    two.write_text("file\toffset\ttype\tlabel\n"
                   "00011.txt\t1\tHELD_AT\tcorrect\n00012.txt\t2\tHELD_AT\twrong\n00013.txt\t3\tHELD_AT\tunsure\n"
                   "00014.txt\t4\tHELD_AT\tunsure\n", encoding="utf-8")
    return [one, two]


def test_report_precision_and_intervals(tmp_path: Path) -> None:
    per, overall = audit.summarize(audit.read_judgements(_judgements(tmp_path)))
    assert list(per) == ["HOLDS_POSITION", "HELD_AT"]
    hp = per["HOLDS_POSITION"]
    assert (hp.correct, hp.wrong, hp.unsure) == (8, 2, 1)
    assert hp.precision == pytest.approx(0.8)
    assert hp.interval == (pytest.approx(0.4902, abs=1e-4), pytest.approx(0.9433, abs=1e-4))
    assert dict(hp.reasons) == {"wrong-role": 1, "wrong-target": 1}
    ha = per["HELD_AT"]
    assert (ha.correct, ha.wrong, ha.unsure, ha.precision) == (1, 1, 2, 0.5)
    assert ha.interval == (pytest.approx(0.0945, abs=1e-4), pytest.approx(0.9055, abs=1e-4))
    assert (overall.correct, overall.wrong, overall.unsure) == (9, 3, 3)
    assert overall.precision == pytest.approx(0.75)
    assert overall.interval == (pytest.approx(0.4677, abs=1e-4), pytest.approx(0.9111, abs=1e-4))


def test_report_command_prints_the_table(tmp_path: Path) -> None:
    files = _judgements(tmp_path)
    done = subprocess.run([sys.executable, str(SCRIPT), "report", *map(str, files)],
                          capture_output=True, text=True, check=True)
    rows = {line.split()[0]: line.split() for line in done.stdout.splitlines()[1:] if line and line[0].isupper()}
    assert rows["HOLDS_POSITION"][1:5] == ["8", "2", "1", "0.800"]
    assert rows["HOLDS_POSITION"][5:7] == ["[0.490,", "0.943]"]
    assert rows["HELD_AT"][1:5] == ["1", "1", "2", "0.500"]
    assert rows["ALL"][1:5] == ["9", "3", "3", "0.750"]
    data = json.loads(subprocess.run([sys.executable, str(SCRIPT), "report", "--json", *map(str, files)],
                                     capture_output=True, text=True, check=True).stdout)
    assert data["HOLDS_POSITION"]["precision"] == 0.8 and data["HOLDS_POSITION"]["wilson95"] == [0.4902, 0.9433]


def test_report_rejects_unknown_labels(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("file\toffset\ttype\tlabel\nx.txt\t1\tHELD_AT\tyes\n", encoding="utf-8")
    assert audit.main(["report", str(bad)]) == 2


def test_recheck_counts_the_judged_items_the_extractor_still_gives(corpus: tuple[Path, Path, str], tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder, heldout, _ = corpus
    assert _sample(folder, heldout, tmp_path / "audit") == 0
    items = _items(tmp_path / "audit")
    fake = {**items[0], "item": len(items) + 1, "target": "Không có ai"}  # an item kg does not give
    with (tmp_path / "audit" / "items.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(fake, ensure_ascii=False) + "\n")
    judged = tmp_path / "judged.txt"
    judged.write_text(f"{items[0]['item']} correct\n{fake['item']} wrong not-stated\n", encoding="utf-8")
    assert audit.main(["recheck", "--items", str(tmp_path / "audit" / "items.jsonl"), "--judged", str(judged),
                       "--corpus", str(folder)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("ALL") and "correct kept 1/1" in last and "wrong kept 0/1" in last
