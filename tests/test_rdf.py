"""The model as RDF (kg.rdf): what the triples say, and that the fast and rdflib paths agree."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

from kg import rdf
from kg.model import DocumentInfo, Entity, Evidence, Graph, Relation
from kg.resolve import canonical_key, global_id, person_key
from kg.store import Store
from tests.store.sample import EXAMPLE, REPORTS, filled_store

ORG = rdflib.Namespace(rdf.ORG)
KG = rdflib.Namespace(rdf.KG)
PROV = rdflib.Namespace(rdf.PROV)
ELI = rdflib.Namespace(rdf.ELI)
XSD_DATE = URIRef(rdf.XSD + "date")


@pytest.fixture(scope="module")
def example_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    with filled_store(tmp_path_factory.mktemp("rdf") / "s", (EXAMPLE,)) as store:
        return store.graph()


def _iri(etype: str, name: str) -> URIRef:
    key = person_key(name) if etype == "Person" else canonical_key(name)
    return URIRef(rdf.entity_iri(global_id(etype, key)))


def test_a_post_is_first_class_and_its_holding_is_a_fact_with_provenance(example_graph: Graph) -> None:
    g = rdf.graph_to_rdf(example_graph)
    thu = _iri("Person", "Nguyễn Đức Thụ")
    body = _iri("Organization", "Đảng ủy cơ quan Văn phòng Quốc hội")
    posts = list(g.objects(thu, ORG.holds))
    assert len(posts) == 1
    post = posts[0]
    assert (post, RDF.type, ORG.Post) in g
    assert (post, ORG.postIn, body) in g
    assert (post, SKOS.prefLabel, Literal("Phó Bí thư Thường trực")) in g
    facts = list(g.subjects(RDF.object, post))
    assert len(facts) == 1
    fact = facts[0]
    assert (fact, RDF.subject, thu) in g and (fact, RDF.predicate, ORG.holds) in g
    assert (fact, KG.relationType, Literal("HOLDS_POSITION")) in g
    assert (fact, KG.since, Literal("2019-08-28", datatype=XSD_DATE)) in g
    report = URIRef(rdf.report_iri("vpqh-2019-08-28.txt"))
    assert (fact, PROV.wasDerivedFrom, report) in g
    assert (report, KG.reportId, Literal("vpqh-2019-08-28.txt")) in g
    [evidence] = list(g.objects(fact, KG.evidence))
    sentence = str(g.value(evidence, KG.sentence))
    assert "Phó Bí thư Thường trực Đảng ủy cơ quan VPQH Nguyễn Đức Thụ" in sentence
    assert (evidence, PROV.wasQuotedFrom, report) in g
    start, end = int(g.value(evidence, KG.start)), int(g.value(evidence, KG.end))
    text = (Path(__file__).resolve().parents[1] / "data" / "examples" / "vpqh-2019-08-28.txt").read_text("utf-8")
    assert text[start:end] == sentence


def test_relations_use_the_standard_terms(example_graph: Graph) -> None:
    g = rdf.graph_to_rdf(example_graph)
    btv = _iri("Organization", "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội")
    assert (btv, ORG.subOrganizationOf, _iri("Organization", "Đảng ủy cơ quan Văn phòng Quốc hội")) in g
    assert (_iri("Organization", "Đảng ủy cơ quan Văn phòng Quốc hội"), ORG.reportsTo,
            _iri("Organization", "Đảng ủy Khối các cơ quan Trung ương")) in g
    nq = URIRef(rdf.entity_iri(global_id("Directive", "nghị quyết số 580")))
    assert (nq, RDF.type, ELI.LegalResource) in g
    assert (nq, ELI.passed_by, _iri("Organization", "Ủy ban Thường vụ Quốc hội")) in g
    assert (nq, ELI.number, Literal("580")) in g
    assert (_iri("Person", "Trương Xuân Cừ"), KG.attended, None) in g
    assert (_iri("Organization", "Văn phòng Quốc hội"), SKOS.altLabel, Literal("VPQH")) in g


def test_fast_ntriples_and_rdflib_paths_give_the_same_graph(tmp_path: Path) -> None:
    with filled_store(tmp_path / "s", REPORTS) as store:
        graph = store.graph()
    via_rdflib = rdf.graph_to_rdf(graph)
    triples = list(rdf.iter_triples(graph))
    assert len(triples) == len(via_rdflib)  # no triple is emitted twice
    parsed = rdflib.Graph().parse(data="".join(rdf.iter_ntriples(graph)), format="nt")
    assert isomorphic(parsed, via_rdflib)


NASTY = 'Bà "Hoa" \\ O\'Brien {x} <b>\n\r\ttab\u2028line\u0085 #not-a-comment'


def test_any_text_survives_as_a_literal() -> None:
    doc = "báo cáo \"số\" 1.txt"
    ent = Entity("person:x-1", "Person", NASTY, [NASTY + " 2"], {"note": NASTY})
    org = Entity("org:y-2", "Organization", "Sở Tư pháp")
    rel = Relation("HOLDS_POSITION", ent.id, org.id, {"role": NASTY}, [Evidence(doc, 0, 5, NASTY, NASTY)])
    graph = Graph({ent.id: ent, org.id: org}, [rel], {doc: DocumentInfo(doc, paths=[f"/tmp/{NASTY}"])})
    parsed = rdflib.Graph().parse(data="".join(rdf.iter_ntriples(graph)), format="nt")
    assert isomorphic(parsed, rdf.graph_to_rdf(graph))
    labels = {str(o) for o in parsed.objects(URIRef(rdf.entity_iri(ent.id)), SKOS.prefLabel)}
    assert labels == {NASTY}
    assert {str(o) for o in parsed.objects(None, KG.sentence)} == {NASTY}
    assert {str(o) for o in parsed.objects(None, KG.reportId)} == {doc}


def test_dates_are_typed_only_when_valid_and_unknown_types_get_kg_terms() -> None:
    good = Entity("event:a", "Event", "Hội nghị", props={"date": "2019-08-28"})
    bad = Entity("event:b", "Event", "Hội nghị khác", props={"date": "2019-02-30"})
    odd = Entity("position:c", "Position", "Bí thư")
    rel = Relation("MENTIONS", good.id, odd.id, {"weight": 2, "flag": True})
    g = rdf.graph_to_rdf(Graph({e.id: e for e in (good, bad, odd)}, [rel]))
    schema = rdflib.Namespace(rdf.SCHEMA)
    assert g.value(URIRef(rdf.entity_iri(good.id)), schema.startDate) == Literal("2019-08-28", datatype=XSD_DATE)
    assert g.value(URIRef(rdf.entity_iri(bad.id)), schema.startDate) == Literal("2019-02-30")
    assert (URIRef(rdf.entity_iri(odd.id)), RDF.type, KG.Position) in g
    assert (URIRef(rdf.entity_iri(good.id)), KG.mentions, URIRef(rdf.entity_iri(odd.id))) in g
    fact = g.value(None, KG.relationType, Literal("MENTIONS"))
    assert g.value(fact, KG.weight) == Literal(2) and g.value(fact, KG.flag) == Literal(True)


def test_embedded_store_holds_the_same_triples_plus_the_vocabulary(tmp_path: Path) -> None:
    with filled_store(tmp_path / "s", (EXAMPLE,)) as store:
        expected = len(rdf.graph_to_rdf(store.graph()))
        default = store.derived.rdf().query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert int(next(iter(default))["n"].value) == expected
        vocab = store.derived.rdf().query(
            "ASK { GRAPH <https://kg.example.org/ontology> { kg:attended owl:inverseOf schema:attendee } }",
            prefixes=rdf.PREFIXES,
        )
        assert bool(vocab)


def test_a_bare_graph_without_reports_still_names_its_sources() -> None:
    ent = Entity("org:a-1", "Organization", "Bộ Y tế", evidence=[Evidence("r.txt", 0, 7, "Bộ Y tế")])
    g = rdf.graph_to_rdf(Graph({ent.id: ent}))
    assert (URIRef(rdf.entity_iri(ent.id)), rdflib.DCTERMS.isReferencedBy, URIRef(rdf.report_iri("r.txt"))) in g
    assert Store  # the module under test needs no store


def _minister_graph() -> Graph:
    ev = Evidence("r.txt", 0, 40, "Bộ trưởng Bộ Tài chính Hồ Đức Phớc", "Bộ trưởng Bộ Tài chính Hồ Đức Phớc phát biểu.")
    person = Entity("person:ho-duc-phoc-1", "Person", "Hồ Đức Phớc", evidence=[ev])
    body = Entity("org:bo-tai-chinh-2", "Organization", "Bộ Tài chính", evidence=[ev])
    local = Entity("org:so-tai-chinh-3", "Organization", "Sở Tài chính tỉnh Bình Định", evidence=[ev])
    rels = [Relation("HOLDS_POSITION", person.id, body.id, {"role": "Bộ trưởng"}, [ev]),
            Relation("HOLDS_POSITION", person.id, local.id, {"role": "Phó Giám đốc Thường trực"}, [ev])]
    return Graph({e.id: e for e in (person, body, local)}, rels, {"r.txt": DocumentInfo("r.txt")})


def test_known_bodies_and_roles_have_an_english_label_beside_their_name() -> None:
    graph = _minister_graph()
    g = rdf.graph_to_rdf(graph)
    body = URIRef(rdf.entity_iri("org:bo-tai-chinh-2"))
    assert (body, RDFS.label, Literal("Ministry of Finance", lang="en")) in g
    assert (body, SKOS.prefLabel, Literal("Bộ Tài chính")) in g  # the name stays a plain string
    assert g.value(URIRef(rdf.entity_iri("person:ho-duc-phoc-1")), RDFS.label) is None  # persons keep their names
    assert g.value(URIRef(rdf.entity_iri("org:so-tai-chinh-3")), RDFS.label) is None  # no English for local bodies
    post = URIRef(rdf.post_iri("org:bo-tai-chinh-2", "Bộ trưởng"))
    assert (post, RDFS.label, Literal("Minister", lang="en")) in g
    assert (URIRef(rdf.role_iri("Bộ trưởng")), RDFS.label, Literal("Minister", lang="en")) in g
    assert g.value(URIRef(rdf.role_iri("Phó Giám đốc Thường trực")), RDFS.label) is None  # not in the data
    parsed = rdflib.Graph().parse(data="".join(rdf.iter_ntriples(graph)), format="nt")
    assert isomorphic(parsed, g)  # the fast path writes the language tag too


def test_every_rdf_writer_keeps_the_language_tag(tmp_path: Path) -> None:
    from kg.export.rdf import export_turtle

    export_turtle(_minister_graph(), tmp_path / "g.ttl")
    g = rdflib.Graph().parse(tmp_path / "g.ttl")
    assert (URIRef(rdf.entity_iri("org:bo-tai-chinh-2")), RDFS.label, Literal("Ministry of Finance", lang="en")) in g


def _holding(**props: object) -> tuple[Graph, Relation]:
    ev = Evidence("r.txt", 0, 20, "Giám đốc Sở Y tế An", "Giám đốc Sở Y tế An phát biểu.")
    person, body = Entity("person:an", "Person", "An", evidence=[ev]), Entity("org:syt", "Organization", "Sở Y tế")
    rel = Relation("HOLDS_POSITION", person.id, body.id, {"role": "Giám đốc", **props}, [ev], 0.9)
    return Graph({person.id: person, body.id: body}, [rel], {"r.txt": DocumentInfo("r.txt")}), rel


def _described(g: rdflib.Graph, node: URIRef) -> rdflib.Graph:
    """The triples about `node` and, through its IRI's children (interval, instants), about those."""
    out = rdflib.Graph()
    for s, p, o in g:
        if str(s).startswith(str(node)):
            out.add((s, p, o))
    return out


def test_a_holding_is_a_membership_over_an_owl_time_interval() -> None:
    graph, rel = _holding(since="2024-03-01", since_basis="stated", until="2025-06", until_basis="former")
    m = rdf.membership_iri(rel)
    expected = rdflib.Graph().parse(format="turtle", data=f"""
        @prefix org: <{rdf.ORG}> . @prefix time: <{rdf.TIME}> . @prefix kg: <{rdf.KG}> .
        @prefix prov: <{rdf.PROV}> . @prefix xsd: <{rdf.XSD}> .
        <{m}> a org:Membership ; org:member <{rdf.entity_iri("person:an")}> ;
            org:organization <{rdf.entity_iri("org:syt")}> ; org:role <{rdf.role_iri("Giám đốc")}> ;
            prov:wasDerivedFrom <{rdf.fact_iri(rel)}> ; org:memberDuring <{m}/interval> .
        <{m}/interval> a time:Interval ; time:hasBeginning <{m}/interval/beginning> ;
            time:hasEnd <{m}/interval/end> .
        <{m}/interval/beginning> a time:Instant ; time:inXSDDate "2024-03-01"^^xsd:date ; kg:basis "stated" .
        <{m}/interval/end> a time:Instant ; time:inXSDgYearMonth "2025-06"^^xsd:gYearMonth ; kg:basis "former" .
    """)
    for g in (rdf.graph_to_rdf(graph), rdflib.Graph().parse(data="".join(rdf.iter_ntriples(graph)), format="nt")):
        assert isomorphic(_described(g, URIRef(m)), expected)
        assert (URIRef(rdf.entity_iri("person:an")), ORG.holds, URIRef(rdf.post_iri("org:syt", "Giám đốc"))) in g


def test_an_open_interval_has_no_end_and_a_year_is_a_g_year() -> None:
    graph, rel = _holding(since="2016", since_basis="reports")
    g = rdf.graph_to_rdf(graph)
    m = rdf.membership_iri(rel)
    expected = rdflib.Graph().parse(format="turtle", data=f"""
        @prefix org: <{rdf.ORG}> . @prefix time: <{rdf.TIME}> . @prefix kg: <{rdf.KG}> . @prefix xsd: <{rdf.XSD}> .
        <{m}/interval> a time:Interval ; time:hasBeginning <{m}/interval/beginning> .
        <{m}/interval/beginning> a time:Instant ; time:inXSDgYear "2016"^^xsd:gYear ; kg:basis "reports" .
    """)
    interval = _described(g, URIRef(m + "/interval"))
    assert isomorphic(interval, expected)


def test_a_holding_no_dated_report_shows_has_no_interval() -> None:
    graph, rel = _holding(until="not a date")
    g = rdf.graph_to_rdf(graph)
    m = URIRef(rdf.membership_iri(rel))
    assert (m, RDF.type, ORG.Membership) in g
    assert g.value(m, ORG.memberDuring) is None
    assert len(_described(g, URIRef(m + "/interval"))) == 0


# -- the 2025 successions of bodies (data/reorganisation_2025.yaml) as W3C ORG change events ---------


def _bodies(*names: str) -> Graph:
    ents = {f"org:{i}": Entity(f"org:{i}", "Organization", name) for i, name in enumerate(names)}
    return Graph(ents, [], {})


def _changes_as_blank_nodes(g: rdflib.Graph) -> rdflib.Graph:
    """The triples touching a change event, each event a blank node (their IRIs are hashes)."""
    events = {e: rdflib.BNode() for e in g.subjects(RDF.type, ORG.ChangeEvent)}
    out = rdflib.Graph()
    for s, p, o in g:
        if s in events or o in events:
            out.add((events.get(s, s), p, events.get(o, o)))
    return out


def test_a_change_of_bodies_is_an_org_change_event() -> None:
    graph = _bodies("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Ban Đối ngoại Trung ương", "Bộ Ngoại giao",
                    "Bộ Y tế")
    khdt, btc, bdn, bng = (rdf.entity_iri(f"org:{i}") for i in range(4))
    expected = rdflib.Graph().parse(format="turtle", data=f"""
        @prefix org: <{rdf.ORG}> . @prefix kg: <{rdf.KG}> . @prefix dcterms: <{rdf.DCTERMS}> .
        @prefix xsd: <{rdf.XSD}> .
        _:merged a org:ChangeEvent ; org:originalOrganization <{khdt}> , <{btc}> ;
            org:resultingOrganization <{btc}> ; kg:changeKind "merged" ; dcterms:date "2025-03-01"^^xsd:date ;
            kg:legalSource "Nghị quyết 176/2025/QH15 (Quốc hội, 2025-02-18)" .
        <{btc}> org:resultedFrom _:merged ; org:changedBy _:merged .
        <{khdt}> org:changedBy _:merged .
        _:ended a org:ChangeEvent ; org:originalOrganization <{bdn}> ; org:resultingOrganization <{bng}> ;
            kg:changeKind "ended" .
        <{bng}> org:resultedFrom _:ended .
        <{bdn}> org:changedBy _:ended .
    """)
    for g in (rdf.graph_to_rdf(graph), rdflib.Graph().parse(data="".join(rdf.iter_ntriples(graph)), format="nt")):
        assert isomorphic(_changes_as_blank_nodes(g), expected)
    events = sorted(rdf.graph_to_rdf(graph).subjects(RDF.type, ORG.ChangeEvent))
    assert events == sorted(rdf.graph_to_rdf(graph).subjects(RDF.type, ORG.ChangeEvent))  # stable IRIs
    assert all(str(e).startswith(rdf.ID + "change/") for e in events)


def test_no_change_event_without_an_original_and_a_different_resulting_body() -> None:
    for names in (("Bộ Tài chính",), ("Bộ Kế hoạch và Đầu tư",), ("Bộ Tài chính", "Bộ Y tế")):
        assert not list(rdf.graph_to_rdf(_bodies(*names)).subjects(RDF.type, ORG.ChangeEvent)), names
