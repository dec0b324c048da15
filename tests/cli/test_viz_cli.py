"""`kg viz` on a real store: the page it writes, its filters, and its errors."""

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.model import DocumentInfo, Entity, Evidence, Extraction, Relation, make_id
from kg.store import Store

runner = CliRunner()

TEXT = (
    "Ông Nguyễn Văn An, Bộ trưởng Bộ Tài chính, dự Hội nghị tổng kết. "
    "Vụ Ngân sách thuộc Bộ Tài chính. "
    "Bà Trần Thị Bình giữ chức Vụ trưởng Vụ Ngân sách."
)


def _ev(doc: str, mention: str, sentence: str) -> Evidence:
    start = TEXT.index(mention)
    return Evidence(doc, start, start + len(mention), mention, sentence)


def _report(doc_id: str, date: str, facts: list[tuple[str, str, str, str, str, dict]]) -> Extraction:
    """One report's extraction: (relation, source type, source name, target type, target name, props)."""
    sentences = {s.strip() + "." for s in TEXT.split(".") if s.strip()}
    ents: dict[str, Entity] = {}
    rels = []
    for rtype, st, sn, tt, tn, props in facts:
        sentence = next(s for s in sentences if sn in s and tn in s)
        for etype, name in ((st, sn), (tt, tn)):
            eid = make_id(etype, name)
            ents.setdefault(eid, Entity(eid, etype, name, evidence=[_ev(doc_id, name, sentence)]))
        rels.append(Relation(rtype, make_id(st, sn), make_id(tt, tn), props=props,
                             evidence=[_ev(doc_id, sentence, sentence)]))
    info = DocumentInfo(doc_id, title=f"Báo cáo {doc_id}", date=date, sha256=doc_id * 4)
    return Extraction(info, TEXT, list(ents.values()), rels)


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "kg-data"
    with Store.open(path, create=True) as db:
        db.put(_report("a.txt", "2019-08-28", [
            ("HOLDS_POSITION", "Person", "Nguyễn Văn An", "Organization", "Bộ Tài chính", {"role": "Bộ trưởng"}),
            ("ATTENDED", "Person", "Nguyễn Văn An", "Event", "Hội nghị tổng kết", {}),
        ]))
        db.put(_report("b.txt", "2020-01-15", [
            ("PART_OF", "Organization", "Vụ Ngân sách", "Organization", "Bộ Tài chính", {}),
            ("HOLDS_POSITION", "Person", "Trần Thị Bình", "Organization", "Vụ Ngân sách", {"role": "Vụ trưởng"}),
        ]))
    return path


def _drawn(path) -> dict:
    html = path.read_text(encoding="utf-8")
    m = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    data = json.loads(m.group(1))
    return {"names": {n["name"] for n in data["info"]["nodes"].values()},
            "relations": sorted(e["label"] for e in data["edges"]), "html": html}


def test_viz_writes_the_whole_store(store, tmp_path):
    out = tmp_path / "g.html"
    res = runner.invoke(app, ["viz", "--store", str(store), "-o", str(out)])
    assert res.exit_code == 0, res.output
    with Store.open(store, create=False) as db:
        graph = db.graph()
    drawn = _drawn(out)
    assert drawn["names"] == {e.name for e in graph.entities.values()}
    assert len(drawn["relations"]) == len(graph.relations)
    assert "HOLDS_POSITION: Vụ trưởng" in drawn["relations"]
    assert f"wrote {out} ({len(graph.entities)} entities, {len(graph.relations)} relations;" in res.output
    assert "<title>kg graph: kg-data</title>" in drawn["html"]


def test_viz_default_store_and_output(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KG_STORE", str(store))
    res = runner.invoke(app, ["viz"])
    assert res.exit_code == 0, res.output
    assert "Bộ Tài chính" in _drawn(tmp_path / "kg-graph.html")["names"]


def test_viz_filters(store, tmp_path):
    out = tmp_path / "g.html"
    res = runner.invoke(app, ["viz", "--store", str(store), "-o", str(out), "--type", "Person,Organization",
                              "--relation", "HOLDS_POSITION", "--since", "2020"])
    assert res.exit_code == 0, res.output
    assert _drawn(out)["names"] == {"Trần Thị Bình", "Vụ Ngân sách"}
    assert "only relations HOLDS_POSITION" in res.output

    res = runner.invoke(app, ["viz", "--store", str(store), "-o", str(out), "--around", "nguyen van an",
                              "--depth", "1"])
    assert res.exit_code == 0, res.output
    assert _drawn(out)["names"] == {"Nguyễn Văn An", "Bộ Tài chính", "Hội nghị tổng kết"}

    res = runner.invoke(app, ["viz", "--store", str(store), "-o", str(out), "--doc", "b.txt", "--max-nodes", "2"])
    assert res.exit_code == 0, res.output
    assert _drawn(out)["names"] == {"Vụ Ngân sách", "Bộ Tài chính"}
    assert re.search(r"--max-nodes 2: kept the 2 most connected of \d+ entities; cut \d+ entit", res.output)


def test_viz_nothing_matches_writes_a_page_that_says_so(store, tmp_path):
    out = tmp_path / "g.html"
    res = runner.invoke(app, ["viz", "--store", str(store), "-o", str(out), "--type", "Location"])
    assert res.exit_code == 0, res.output
    assert "nothing to draw" in res.output
    assert "Nothing to draw: no entity matches the filters." in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args,message", [
    (["--type", "Persn"], "--type: unknown entity type 'Persn'"),
    (["--around", "Bộ Tài chánh"], "--around: no entity named 'Bộ Tài chánh'; did you mean Bộ Tài chính?"),
    (["--since", "2019-13-01"], "--since: expected a date"),
    (["--doc", "c.txt"], "--doc: no report 'c.txt'"),
])
def test_viz_bad_filters_are_one_line_errors(store, tmp_path, args, message):
    out = tmp_path / "g.html"
    res = runner.invoke(app, ["viz", "--store", str(store), "-o", str(out), *args])
    assert res.exit_code == 1
    assert res.stderr.startswith("kg: error: ") and message in res.stderr and res.stderr.count("\n") == 1
    assert not out.exists()


def test_viz_without_a_store_names_the_folder(tmp_path):
    res = runner.invoke(app, ["viz", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "g.html")])
    assert res.exit_code == 1
    assert f"{tmp_path / 'none'}: no kg store here" in res.stderr
    assert not (tmp_path / "none").exists()  # viz never creates a store


def test_viz_into_a_missing_folder_is_an_error(store, tmp_path):
    res = runner.invoke(app, ["viz", "--store", str(store), "-o", str(tmp_path / "no" / "g.html")])
    assert res.exit_code == 1 and "cannot write" in res.stderr


def test_viz_in_english_draws_english_names_and_keeps_the_vietnamese_in_the_tooltip(store, tmp_path):
    out = tmp_path / "g.html"
    res = runner.invoke(app, ["viz", "--store", str(store), "-o", str(out), "--lang", "en"])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    ministry = next(i for i, info in data["info"]["nodes"].items() if info["name"] == "Bộ Tài chính")
    assert labels[ministry] == "Ministry of Finance"
    assert data["info"]["nodes"][ministry]["en"] == "Ministry of Finance"  # the tooltip: name as written + English
    assert "Vụ Ngân sách" in labels.values()  # no English for it: drawn as written
    edges = sorted(e["label"] for e in data["edges"])
    assert "HOLDS_POSITION: Minister" in edges and "HOLDS_POSITION: Director" in edges
    post = next(e for e in data["info"]["edges"].values() if e["role"] == "Bộ trưởng")
    assert post["role_en"] == "Minister"


def test_viz_with_an_unknown_language_is_a_one_line_error(store, tmp_path):
    out = tmp_path / "g.html"
    res = runner.invoke(app, ["viz", "--store", str(store), "-o", str(out), "--lang", "xx"])
    assert res.exit_code == 1
    assert res.stderr == "kg: error: --lang: unknown language 'xx' for names; choose one of: vi, en\n"
    assert not out.exists()
