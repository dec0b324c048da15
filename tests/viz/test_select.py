import copy

import pytest

from kg.errors import KgError
from kg.model import DocumentInfo, Graph, Relation, make_id
from kg.viz import VizFilter, select
from tests.viz.graphs import entity, ev


def _names(view):
    return {e.name for e in view.graph.entities.values()}


@pytest.fixture
def graph() -> Graph:
    """Two reports a year apart; a ministry with two departments; a minister; a meeting; a decree."""
    g = Graph()
    g.documents["a.txt"] = DocumentInfo("a.txt", date="2019-08-28")
    g.documents["b.txt"] = DocumentInfo("b.txt", date="2020-09-10")
    people = [entity("Person", "Nguyễn Văn An", doc="a.txt", aliases=["Anh Ba"]),
              entity("Person", "Trần Thị Bình", doc="b.txt")]
    orgs = [entity("Organization", n, doc=d) for n, d in
            [("Bộ Tài chính", "a.txt"), ("Vụ Ngân sách", "a.txt"), ("Vụ Pháp chế", "b.txt")]]
    meeting = entity("Event", "Hội nghị tổng kết", doc="b.txt", props={"date": "2019-12-20"})
    decree = entity("Directive", "Nghị định 15", doc="b.txt")
    for e in (*people, *orgs, meeting, decree):
        g.entities[e.id] = e
    ids = {e.name: e.id for e in g.entities.values()}

    def rel(t, s, o, doc, **props):
        g.relations.append(Relation(t, ids[s], ids[o], props=props, evidence=[ev(doc, f"{s} {t} {o}.")]))

    rel("HOLDS_POSITION", "Nguyễn Văn An", "Bộ Tài chính", "a.txt", role="Bộ trưởng")
    rel("PART_OF", "Vụ Ngân sách", "Bộ Tài chính", "a.txt")
    rel("PART_OF", "Vụ Pháp chế", "Bộ Tài chính", "b.txt")
    rel("HOLDS_POSITION", "Trần Thị Bình", "Vụ Pháp chế", "b.txt", role="Vụ trưởng")
    rel("ATTENDED", "Trần Thị Bình", "Hội nghị tổng kết", "b.txt")
    rel("ISSUED_BY", "Nghị định 15", "Bộ Tài chính", "b.txt")
    return g


def test_no_filter_keeps_everything_and_leaves_the_input_alone(graph):
    before = copy.deepcopy(graph)
    select(graph, VizFilter(types=["Person"], max_nodes=1))
    assert graph == before
    full = select(graph)
    assert len(full.graph.entities) == 7 and len(full.graph.relations) == 6 and full.notes == []


def test_type_filter_drops_other_types_and_their_relations(graph):
    view = select(graph, VizFilter(types=["person,organization"]))  # case-insensitive, comma list
    assert {e.type for e in view.graph.entities.values()} == {"Person", "Organization"}
    assert {r.type for r in view.graph.relations} == {"HOLDS_POSITION", "PART_OF"}
    assert any("Organization, Person" in n for n in view.notes)


def test_relation_filter_keeps_only_linked_entities(graph):
    view = select(graph, VizFilter(relations=["HOLDS_POSITION"]))
    assert _names(view) == {"Nguyễn Văn An", "Bộ Tài chính", "Trần Thị Bình", "Vụ Pháp chế"}
    assert all(r.type == "HOLDS_POSITION" for r in view.graph.relations)


def test_doc_filter_keeps_facts_from_that_report(graph):
    view = select(graph, VizFilter(docs=["a.txt"]))
    assert {r.type for r in view.graph.relations} == {"HOLDS_POSITION", "PART_OF"}
    assert len(view.graph.relations) == 2
    assert _names(view) == {"Nguyễn Văn An", "Bộ Tài chính", "Vụ Ngân sách"}


def test_unknown_report_type_or_relation_is_a_clear_error(graph):
    with pytest.raises(KgError, match=r"--doc: no report 'a.tx'.*did you mean a\.txt"):
        select(graph, VizFilter(docs=["a.tx"]))
    with pytest.raises(KgError, match=r"--type: unknown entity type 'Persn'; choose from .*Person"):
        select(graph, VizFilter(types=["Persn"]))
    with pytest.raises(KgError, match=r"--relation: unknown relation 'OWNS'"):
        select(graph, VizFilter(relations=["OWNS"]))


def test_date_window_uses_event_dates_first_then_report_dates(graph):
    view = select(graph, VizFilter(since="2019-12", until="2019-12-31"))
    # the meeting is dated 2019-12-20 although its report is from 2020: only its attendance stays
    assert [r.type for r in view.graph.relations] == ["ATTENDED"]
    assert _names(view) == {"Trần Thị Bình", "Hội nghị tổng kết"}
    view = select(graph, VizFilter(since="2020"))
    assert {r.type for r in view.graph.relations} == {"PART_OF", "HOLDS_POSITION", "ISSUED_BY"}
    assert "Vụ Ngân sách" not in _names(view)  # only in the 2019 report
    view = select(graph, VizFilter(until="2019-08-28"))
    assert {(r.type, r.props.get("role")) for r in view.graph.relations} == {
        ("HOLDS_POSITION", "Bộ trưởng"), ("PART_OF", None)}


def test_undated_facts_are_left_out_of_a_window_and_counted(graph):
    graph.documents["a.txt"].date = None
    view = select(graph, VizFilter(until="2019-12-31"))
    assert _names(view) == {"Trần Thị Bình", "Hội nghị tổng kết"}
    # the a.txt facts: 2 relations and 3 entities that nothing dated links to
    assert any(n.endswith("; 5 undated facts left out") for n in view.notes)


@pytest.mark.parametrize("since,until,message", [
    ("2019-13", None, "--since: expected a date"),
    ("yesterday", None, "--since: expected a date"),
    (None, "2019-02-30x", "--until: expected a date"),
    ("2020", "2019", "--since 2020 is after --until 2019"),
])
def test_bad_dates_are_errors(graph, since, until, message):
    with pytest.raises(KgError, match=message):
        select(graph, VizFilter(since=since, until=until))


def test_around_takes_names_aliases_and_ids_and_walks_depth_steps(graph):
    one = select(graph, VizFilter(around=["Bộ Tài chính"], depth=1))
    assert _names(one) == {"Bộ Tài chính", "Nguyễn Văn An", "Vụ Ngân sách", "Vụ Pháp chế", "Nghị định 15"}
    two = select(graph, VizFilter(around=["bo tai chinh"], depth=2))  # accents and case do not matter
    assert _names(two) == _names(one) | {"Trần Thị Bình"}
    zero = select(graph, VizFilter(around=["anh ba"], depth=0))  # an alias
    assert _names(zero) == {"Nguyễn Văn An"}
    by_id = select(graph, VizFilter(around=[make_id("Event", "Hội nghị tổng kết")]))
    assert _names(by_id) == {"Hội nghị tổng kết", "Trần Thị Bình"}
    assert by_id.centres == [make_id("Event", "Hội nghị tổng kết")]


def test_around_an_unknown_name_suggests_close_ones(graph):
    with pytest.raises(KgError, match=r"--around: no entity named 'Bộ Tài chánh'; did you mean Bộ Tài chính"):
        select(graph, VizFilter(around=["Bộ Tài chánh"]))


def test_around_an_entity_the_other_filters_removed_says_so(graph):
    view = select(graph, VizFilter(around=["Nguyễn Văn An"], types=["Organization"]))
    assert not view.graph.entities
    assert any("excluded by the other filters" in n for n in view.notes)


def test_max_nodes_keeps_the_most_connected_and_says_what_was_cut(graph):
    view = select(graph, VizFilter(max_nodes=2))
    assert _names(view) == {"Bộ Tài chính", "Vụ Pháp chế"}  # 4 and 2 links
    assert [r.type for r in view.graph.relations] == ["PART_OF"]
    assert (view.cut_nodes, view.cut_edges) == (5, 5)
    note = next(n for n in view.notes if n.startswith("--max-nodes 2"))
    assert "kept the 2 most connected of 7 entities" in note and "cut 5 entities" in note and "5 relations" in note


def test_max_nodes_keeps_the_around_centre_even_if_poorly_connected(graph):
    view = select(graph, VizFilter(around=["Hội nghị tổng kết"], depth=3, max_nodes=2))
    assert "Hội nghị tổng kết" in _names(view)
    assert len(view.graph.entities) == 2


@pytest.mark.parametrize("flt,message", [
    (VizFilter(depth=-1), "--depth must be 0 or more"),
    (VizFilter(max_nodes=0), "--max-nodes must be 1 or more"),
])
def test_bad_numbers_are_errors(graph, flt, message):
    with pytest.raises(KgError, match=message):
        select(graph, flt)


def test_relations_to_missing_entities_are_not_drawn(graph):
    graph.relations.append(Relation("PART_OF", make_id("Organization", "Bộ Tài chính"), "org:gone"))
    view = select(graph)
    assert all(r.target in view.graph.entities for r in view.graph.relations)
    assert view.total_edges == 6
