"""scripts/sample_gold.py: a new gold set never draws a report an earlier set holds."""

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("sample_gold", Path(__file__).parents[1] / "scripts" / "sample_gold.py")
sample_gold = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(sample_gold)


def test_reports_listed_or_annotated_in_any_gold_folder_count_as_drawn(tmp_path: Path):
    (tmp_path / "realA").mkdir()
    (tmp_path / "realA" / "SAMPLE.tsv").write_text("file\tgenre\n00001.txt\tparty\n00002.txt\tparty\n")
    (tmp_path / "realB").mkdir()
    (tmp_path / "realB" / "00003.json").write_text("{}")  # annotated, no SAMPLE.tsv
    assert sample_gold.already_drawn(tmp_path) == {"00001.txt", "00002.txt", "00003.txt"}


def test_the_projects_gold_sets_are_all_excluded():
    drawn = sample_gold.already_drawn(Path(__file__).parent / "fixtures")
    # every real set's reports, the ones an --exclude list once forgot (real2, real3) among them
    assert {"00057.txt", "02004.txt"} <= drawn
