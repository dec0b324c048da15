from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app


def test_extract_reads_every_report_in_a_folder(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    text = "Sáng 5/3, Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng chủ trì hội nghị."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Chủ tịch UBND tỉnh Nghệ An Lê Hồng Vinh phát biểu.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    docs = {line.split('"doc": "')[1].split('"')[0] for line in result.stdout.splitlines() if '"doc": "' in line}
    assert len(docs) == 2


def test_extract_of_an_empty_folder_is_an_error(tmp_path: Path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "no reports found" in result.output
