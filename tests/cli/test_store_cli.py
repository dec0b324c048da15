"""kg remove, stats, show, path, export through the CLI (typer's CliRunner)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import app
from kg.store import Store
from tests.store.sample import EXAMPLE, REPORTS, filled_store

runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    filled_store(tmp_path / "kg-data", REPORTS).close()
    return tmp_path / "kg-data"


def kg(*args: str) -> object:
    return runner.invoke(app, list(args))


def test_stats_text_json_and_top(store: Path) -> None:
    res = kg("stats", "--store", str(store), "--top", "2", "--reports")
    assert res.exit_code == 0, res.output
    assert "3 reports" in res.output and "Organization     19" in res.output and "Person           7" in res.output
    assert "Đảng ủy cơ quan Văn phòng Quốc hội" in res.output.split("top 2 by degree:")[1]
    assert "report: binhdinh-2020-03-05.txt" in res.output
    data = json.loads(kg("stats", "--store", str(store), "--json", "--top", "1").output)
    assert data["entities"]["Person"] == 7 and data["reports"] == 3 and data["top"][0]["type"] == "Organization"


def test_stats_counts_reports_by_the_outlet_their_files_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, source in enumerate(["Nguồn: Báo Nam Định", "https://baonamdinh.vn/a.html", "Nguồn: Báo Nam Định", ""]):
        text = f"Sở Y tế họp giao ban\n14/03/2024\n\nSáng 14/3, Sở Y tế tỉnh Nam Định họp lần {i}.\n\n{source}\n"
        (folder / f"r{i}.txt").write_text(text, encoding="utf-8")
    assert kg("ingest", str(folder), "--store", str(tmp_path / "kg")).exit_code == 0
    data = json.loads(kg("stats", "--store", str(tmp_path / "kg"), "--json").output)
    assert data["outlets"] == {"Báo Nam Định": 2, "baonamdinh.vn": 1}  # the fourth names none
    text = kg("stats", "--store", str(tmp_path / "kg")).output
    assert "reports by outlet (2):" in text and "2  Báo Nam Định" in text


def test_stats_uses_kg_store_from_the_environment(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE", str(store))
    res = kg("stats")
    assert res.exit_code == 0 and "3 reports" in res.output


def test_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    for command in (["stats"], ["show", "x"], ["export", "ttl", "-o", str(tmp_path / "x.ttl")], ["remove", "a.txt"]):
        res = kg(*command, "--store", str(tmp_path / "nothing"))
        assert res.exit_code == 1
        assert res.output.strip().splitlines() == [f"kg: error: {tmp_path / 'nothing'}: no kg store here "
                                                   "(ingest reports first, or pass --store)"]
    assert not (tmp_path / "nothing").exists()


def test_show_prints_aliases_relations_and_supporting_sentences(store: Path) -> None:
    res = kg("show", "VPQH", "--store", str(store))
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].startswith("Văn phòng Quốc hội  [Organization]  org:van-phong-quoc-hoi-")
    assert "also: VPQH; Văn phòng QH" in res.output
    assert "-[PARTICIPATED_IN]-> Ủy ban nhân dân tỉnh Bình Định làm việc với Văn phòng Quốc hội [Event]" in res.output
    assert ('binhdinh-2020-03-05.txt:47-152  "Chiều 5.3.2020, tại Quy Nhơn, Ủy ban nhân dân tỉnh Bình Định làm việc '
            'với đoàn công tác của Văn phòng QH."') in res.output


def test_show_a_shared_name_shows_each_person(store: Path) -> None:
    res = kg("show", "nguyen duc thu", "--store", str(store))
    assert res.exit_code == 0
    assert "'nguyen duc thu' names 2 entities" in res.output
    assert "(role: Phó Bí thư Thường trực, since: 2019-08-28, since_basis: reports)" in res.output
    data = json.loads(kg("show", "Nguyễn Đức Thụ", "--store", str(store), "--json").output)
    assert len(data) == 2
    post = next(r for r in data[0]["relations"] if r["type"] == "HOLDS_POSITION")
    assert post["direction"] == "out" and post["evidence"][0]["sentence"].startswith("Tham dự có")


def test_show_incoming_relations_and_unknown_names(store: Path) -> None:
    res = kg("show", "Bộ Chính trị", "--store", str(store))
    assert "<-[ISSUED_BY]- Chỉ thị số 05 [Directive]" in res.output
    res = kg("show", "Không Có Ai", "--store", str(store))
    assert res.exit_code == 1 and "kg: error: no entity named 'Không Có Ai'" in res.output


def test_path_between_two_bodies(store: Path) -> None:
    res = kg("path", "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội", "Đảng ủy Khối các cơ quan Trung ương",
             "--via", "part_of,REPORTS_TO", "--directed", "--store", str(store))
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == [
        "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội  [Organization]",
        "  -[PART_OF]-> Đảng ủy cơ quan Văn phòng Quốc hội  [Organization]",
        "  -[REPORTS_TO]-> Đảng ủy Khối các cơ quan Trung ương  [Organization]",
        "2 step(s)",
    ]


def test_path_errors(store: Path) -> None:
    res = kg("path", "Nguyễn Đức Thụ", "VPQH", "--store", str(store))
    assert res.exit_code == 1 and "names 2 entities" in res.output
    res = kg("path", "Trương Xuân Cừ", "VPQH", "--via", "PART_OF", "--store", str(store))
    assert res.exit_code == 1 and "no path between 'Trương Xuân Cừ' and 'Văn phòng Quốc hội'" in res.output


@pytest.mark.parametrize("how", [["ttl"], ["--format", "ttl"], []])
def test_export_by_argument_option_or_suffix(store: Path, tmp_path: Path, how: list[str]) -> None:
    out = tmp_path / "graph.ttl"
    res = kg("export", *how, "-o", str(out), "--store", str(store))
    assert res.exit_code == 0, res.output
    assert "wrote 37 entities and 33 relations" in res.output
    assert len(rdflib.Graph().parse(out)) > 500


def test_export_to_stdout_and_errors(store: Path, tmp_path: Path) -> None:
    res = kg("export", "jsonl", "-o", "-", "--store", str(store))
    assert res.exit_code == 0
    kinds = [json.loads(line)["kind"] for line in res.stdout.splitlines()]
    assert kinds.count("document") == 3 and kinds.count("entity") == 37
    res = kg("export", "-o", str(tmp_path / "x.unknown"), "--store", str(store))
    assert res.exit_code == 1 and "give a format" in res.output
    res = kg("export", "rdfxml", "-o", str(tmp_path / "x"), "--store", str(store))
    assert res.exit_code == 1 and "unknown exporter 'rdfxml'; choose one of:" in res.output and "ttl" in res.output


def test_remove(store: Path) -> None:
    res = kg("remove", "vpqh-2019-09-10.txt", "--store", str(store))
    assert res.exit_code == 0 and "removed 1 report(s)" in res.output
    with Store.open(store) as s:
        assert sorted(d.id for d in s.documents()) == ["binhdinh-2020-03-05.txt", f"{EXAMPLE}.txt"]
    res = kg("remove", "vpqh-2019-09-10.txt", "--store", str(store))
    assert res.exit_code == 1 and "kg: error: no report 'vpqh-2019-09-10.txt' in the store" in res.output


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_every_export_gets_the_modes_the_umask_gives(store: Path, tmp_path: Path, umask: int) -> None:
    from kg.registry import load_plugins, names

    load_plugins()
    formats = names("exporter")
    assert {"ttl", "jsonl", "cypher", "neo4j-csv"} <= set(formats)
    previous = os.umask(umask)
    try:
        for fmt in formats:
            res = kg("export", fmt, "-o", str(tmp_path / f"out-{fmt}"), "--store", str(store))
            assert res.exit_code == 0, res.output
    finally:
        os.umask(previous)
    modes = {p.relative_to(tmp_path).as_posix(): stat.S_IMODE(p.stat().st_mode)
             for p in tmp_path.rglob("*") if p.name.startswith("out-") or p.parent.name.startswith("out-")}
    assert len(modes) > len(formats)  # the files and the neo4j-csv folder's files
    wanted = {name: (0o777 if (tmp_path / name).is_dir() else 0o666) & ~umask for name in modes}
    assert {n: oct(m) for n, m in modes.items()} == {n: oct(m) for n, m in wanted.items()}


def test_control_characters_in_a_reports_text_never_reach_the_terminal(tmp_path: Path) -> None:
    report = tmp_path / "in" / "hostile.txt"
    report.parent.mkdir()
    report.write_text("Sáng 3/4/2024, Bộ trưởng Bộ Y tế Đào Hồng Lan\x1b[31m làm việc với UBND tỉnh Nghệ An"
                      "\u202e tại Hà Nội.", encoding="utf-8")
    store = str(tmp_path / "kg-data")
    assert kg("ingest", str(report.parent), "--store", store, "--jobs", "1").exit_code == 0
    outputs = [
        kg("show", "Đào Hồng Lan", "--store", store).output,
        kg("extract", str(report), "--format", "table").output,
        kg("query", "sparql", "--store", store, "SELECT ?s WHERE { ?e <http://www.w3.org/ns/prov#value> ?s }").output,
        kg("path", "Đào Hồng Lan", "Bộ Y tế", "--store", store).output,
    ]
    for out in outputs:
        assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b" in outputs[0]  # shown, escaped, in the evidence sentence


def test_show_in_english_names_bodies_and_posts_where_the_labels_have_them(tmp_path: Path) -> None:
    from tests.store.sample import small_report

    with Store.open(tmp_path / "kg-data") as db:
        db.put(small_report("a.txt", [("Lê Văn Bình", "Giám đốc", "Văn phòng Quốc hội"),
                                      ("Trần Thị Hoa", "Chuyên viên", "Sở Nội vụ tỉnh Nghệ An")]))
    where = ["--store", str(tmp_path / "kg-data")]
    res = kg("show", "Lê Văn Bình", "--lang", "en", *where)
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0].startswith("Lê Văn Bình  [Person]  person:")  # a person keeps his name
    assert "-[HOLDS_POSITION]-> Office of the National Assembly (Văn phòng Quốc hội) [Organization]  " \
           "(role: Director (Giám đốc), since: 2024-03-14, since_basis: reports)" in res.output
    assert kg("show", "VPQH", "--lang", "en", *where).output.startswith(
        "Office of the National Assembly (Văn phòng Quốc hội)  [Organization]")
    plain = kg("show", "Trần Thị Hoa", "--lang", "en", *where).output  # no English in the data: as written
    assert "-[HOLDS_POSITION]-> Sở Nội vụ tỉnh Nghệ An [Organization]  (role: Chuyên viên, " in plain
    assert "Office of" not in kg("show", "VPQH", *where).output
    [view] = json.loads(kg("show", "Lê Văn Bình", "--lang", "en", "--json", *where).output)
    assert view["relations"][0]["other"]["name_en"] == "Office of the National Assembly"
    assert view["relations"][0]["role_en"] == "Director" and "name_en" not in view
    bad = kg("show", "VPQH", "--lang", "fr", *where)
    assert bad.exit_code == 1 and bad.output.startswith("kg: error: --lang: unknown language 'fr'")
