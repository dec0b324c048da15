"""kg judge through the CLI (typer's CliRunner), and what exports, kg show and kg viz make of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import Store
from tests.store.sample import person_id, small_report

runner = CliRunner()
FIN = "Sở Tài chính tỉnh Nghệ An"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    with Store.open(tmp_path / "kg-data") as s:
        s.put(small_report("a.txt", [("Lê Văn Bình", "Giám đốc", FIN), ("Trần Thị Hoa", "Phó Giám đốc", FIN)]))
        s.put(small_report("b.txt", [("Lê Văn Bính", "Giám đốc", FIN),
                                     ("Trần Thị Hoa", "Chủ tịch", "Hội Nông dân tỉnh Cà Mau")], date="2024-04-02"))
    return tmp_path / "kg-data"


def kg(store: Path, *args: str):
    return runner.invoke(app, [*args, "--store", str(store)])


def _exported(store: Path, *flags: str) -> list[dict]:
    res = kg(store, "export", "jsonl", "-o", "-", *flags)
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines()]


def test_merge_by_name_list_and_undo(store: Path) -> None:
    res = kg(store, "judge", "merge", "Lê Văn Bình", "Lê Văn Bính", "--author", "lan", "--reason", "typo")
    assert res.exit_code == 0, res.output
    assert res.output == f"judgement 1: merge {person_id('Lê Văn Bình')} {person_id('Lê Văn Bính')} (by lan)\n"
    assert [e["name"] for e in _exported(store) if e["kind"] == "entity" and e["type"] == "Person"].count(
        "Lê Văn Bình") == 1
    assert "Lê Văn Bính" not in [e["name"] for e in _exported(store) if e["kind"] == "entity"]
    listed = kg(store, "judge", "list").output
    assert listed.startswith("   1  merge ") and "by lan at " in listed and "— typo" in listed
    undone = kg(store, "judge", "undo", "1", "--author", "kim")
    assert undone.exit_code == 0 and undone.output.startswith("undid judgement 1: merge")
    assert "[undone by kim at " in kg(store, "judge", "list").output
    assert kg(store, "judge", "list", "--active").output == ""
    again = kg(store, "judge", "undo", "1")
    assert again.exit_code == 1 and again.output.startswith("kg: error: judgement 1 is undone already (by kim at")


def test_a_shared_name_lists_the_candidates_and_asks_for_an_id(store: Path) -> None:
    res = kg(store, "judge", "reject", "Trần Thị Hoa")
    assert res.exit_code == 1
    lines = res.output.splitlines()
    assert lines[0] == "kg: error: 'Trần Thị Hoa' names 2 entities; give one of these ids:"
    assert len(lines) == 3 and all(line.startswith("  person:tran-thi-hoa-") for line in lines[1:])
    assert all(line.endswith("Trần Thị Hoa  [Person]") for line in lines[1:])
    assert kg(store, "judge", "reject", lines[1].split()[0]).exit_code == 0


def test_a_rejected_relation_is_out_of_exports_unless_asked_and_kg_show_says_why(store: Path) -> None:
    [post] = [r for r in _exported(store) if r["kind"] == "relation" and r["source"] == person_id("Lê Văn Bính")]
    res = kg(store, "judge", "reject", post["id"], "--author", "lan", "--reason", "he left in 2023")
    assert res.exit_code == 0, res.output
    assert post["id"] not in {r["id"] for r in _exported(store)}
    [kept] = [r for r in _exported(store, "--include-rejected") if r["id"] == post["id"]]
    assert kept["props"]["rejected"].startswith("by lan at ") and kept["props"]["rejected"].endswith(
        "(judgement 1): he left in 2023")
    shown = kg(store, "show", "Lê Văn Bính").output
    assert f"confidence 0.90  {post['id']}\n      REJECTED by lan at " in shown and "he left in 2023" in shown


def test_viz_leaves_a_rejected_entity_out_unless_asked(store: Path, tmp_path: Path) -> None:
    res = kg(store, "judge", "reject", "Hội Nông dân tỉnh Cà Mau")
    assert res.exit_code == 0
    gid = res.output.split()[3]  # "judgement 1: reject ID (by …)"
    assert kg(store, "viz", "-o", str(tmp_path / "g.html")).exit_code == 0
    assert gid not in (tmp_path / "g.html").read_text(encoding="utf-8")
    assert kg(store, "viz", "-o", str(tmp_path / "all.html"), "--include-rejected").exit_code == 0
    assert gid in (tmp_path / "all.html").read_text(encoding="utf-8")


def test_alias_export_import_and_check(store: Path, tmp_path: Path) -> None:
    assert kg(store, "judge", "alias", FIN, "Sở TC Nghệ An", "--author", "lan").exit_code == 0
    assert kg(store, "show", "Sở TC Nghệ An").output.startswith(f"{FIN}  [Organization]")
    assert kg(store, "judge", "distinct", "Lê Văn Bình", "Lê Văn Bính").exit_code == 0
    refused = kg(store, "judge", "merge", "Lê Văn Bình", "Lê Văn Bính")
    assert refused.exit_code == 1 and "are distinct by judgement 2" in refused.output
    res = kg(store, "judge", "export", str(tmp_path / "j.jsonl"))
    assert res.exit_code == 0 and res.output == f"wrote 2 judgement(s) to {tmp_path / 'j.jsonl'}\n"
    other = tmp_path / "other"
    with Store.open(other) as s:
        s.put(small_report("a.txt", [("Lê Văn Bình", "Giám đốc", FIN)]))
    assert kg(other, "judge", "import", str(tmp_path / "j.jsonl")).output == \
        "2 added, 0 undone, 0 already here, 0 refused\n"
    assert kg(other, "judge", "import", str(tmp_path / "j.jsonl")).output == \
        "0 added, 0 undone, 2 already here, 0 refused\n"
    check = kg(other, "judge", "check")  # b.txt is not in this store
    assert check.exit_code == 1
    assert check.output.splitlines() == [
        f"   2  distinct {person_id('Lê Văn Bình')} {person_id('Lê Văn Bính')}: {person_id('Lê Văn Bính')} is no "
        "longer in the store",
        "1 judgement(s) no longer apply"]
    assert kg(store, "judge", "check").output == "every judgement applies\n"
    bad = kg(store, "judge", "import", str(tmp_path / "missing.jsonl"))
    assert bad.exit_code == 1 and bad.output.startswith(f"kg: error: {tmp_path / 'missing.jsonl'}: cannot read")


def test_split_by_report_or_post_list_export_import_and_check(store: Path, tmp_path: Path) -> None:
    later = small_report("c.txt", [("Lê Văn Bình", "Phó Giám đốc", FIN)], date="2024-06-01")
    with Store.open(store) as s:
        s.put(later)
    binh = person_id("Lê Văn Bình")
    res = kg(store, "judge", "split", "Lê Văn Bình", "--report", "c.txt", "--author", "lan", "--reason", "two men")
    assert res.exit_code == 0, res.output
    other = res.output.splitlines()[1].removeprefix("the other entity: ")
    assert res.output.splitlines() == [f"judgement 1: split {binh} report:c.txt (by lan)",
                                       f"the other entity: {other}"] and other.startswith(binh + "-s")
    assert kg(store, "show", other).output.splitlines()[0] == f"Lê Văn Bình  [Person]  {other}"
    assert "  1  split    " in kg(store, "judge", "list").output
    by_post = kg(store, "judge", "split", binh, "--post", f"Phó Giám đốc @ {FIN}")
    assert by_post.exit_code == 1 and by_post.output.endswith("nothing to split off\n")  # c.txt's Bình is off already
    missing = kg(store, "judge", "split", binh, "--report", "nope.txt")
    assert (missing.exit_code, missing.output) == (1, "kg: error: no report 'nope.txt' in the store\n")
    assert kg(store, "judge", "export", str(tmp_path / "j.jsonl")).exit_code == 0
    with Store.open(tmp_path / "other") as s:
        s.put(later)
        s.put(small_report("a.txt", [("Lê Văn Bình", "Giám đốc", FIN), ("Trần Thị Hoa", "Phó Giám đốc", FIN)]))
    assert kg(tmp_path / "other", "judge", "import", str(tmp_path / "j.jsonl")).output.startswith("1 added")
    assert kg(tmp_path / "other", "show", other).exit_code == 0
    assert kg(tmp_path / "other", "remove", "c.txt").exit_code == 0
    check = kg(tmp_path / "other", "judge", "check")
    assert check.exit_code == 1 and check.output.splitlines()[0] == \
        f"   1  split {binh} report:c.txt: report:c.txt is no longer in the store"


def test_query_leaves_rejected_facts_out_unless_asked(store: Path) -> None:
    hoa = "MATCH (p:Person {name: 'Trần Thị Hoa'})-[h:HOLDS_POSITION]->(o) RETURN h.role, h.rejected ORDER BY h.role"
    [post] = [r for r in _exported(store) if r["kind"] == "relation" and r["props"].get("role") == "Chủ tịch"]
    assert kg(store, "judge", "reject", post["id"], "--author", "lan").exit_code == 0
    res = kg(store, "query", "cypher", hoa, "-f", "csv")
    assert res.exit_code == 0 and res.stdout == "h.role,h.rejected\nPhó Giám đốc,\n"
    res = kg(store, "query", "cypher", hoa, "-f", "csv", "--include-rejected")
    assert res.exit_code == 0 and res.stdout.startswith("h.role,h.rejected\nChủ tịch,by lan at ")
    assert "building the CYPHER store" in res.stderr
    ask = "ASK { ?f kg:rejected ?why }"
    assert kg(store, "query", "sparql", ask, "-f", "csv").stdout == "ask\nfalse\n"
    assert kg(store, "query", "sparql", ask, "-f", "csv", "--include-rejected").stdout == "ask\ntrue\n"
    remote = runner.invoke(app, ["query", "cypher", hoa, "--neo4j", "bolt://127.0.0.1:1", "--include-rejected"])
    assert remote.exit_code == 1 and remote.output.startswith("kg: error: --include-rejected applies to the embedded")


def test_stats_count_the_graph_as_judged_and_say_how_many_judgements_are_in_force(store: Path) -> None:
    plain = json.loads(kg(store, "stats", "--json").output)
    assert plain["judgements"] == 0 and "as_reported" not in plain and plain["entities"]["Person"] == 4
    assert "judgement" not in kg(store, "stats").output
    assert kg(store, "judge", "merge", "Lê Văn Bình", "Lê Văn Bính").exit_code == 0
    assert kg(store, "judge", "reject", "Hội Nông dân tỉnh Cà Mau").exit_code == 0
    judged = json.loads(kg(store, "stats", "--json").output)
    exported = _exported(store)
    assert judged["judgements"] == 2 and judged["entities"]["Person"] == 3
    assert judged["entities_total"] == len([r for r in exported if r["kind"] == "entity"]) == \
        plain["entities_total"] - 2  # Bính folded into Bình, the body rejected
    assert judged["relations_total"] == len([r for r in exported if r["kind"] == "relation"]) < \
        plain["relations_total"]
    assert judged["as_reported"] == {"entities_total": plain["entities_total"],
                                     "relations_total": plain["relations_total"]}
    text = kg(store, "stats").output
    assert f"2 judgement(s) in force (kg judge list); counted with them applied (as the reports say: " \
           f"{plain['entities_total']} entities, {plain['relations_total']} relations)\n" \
           f"entities: {judged['entities_total']}\n" in text
