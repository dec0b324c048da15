"""The row normaliser (kg.backends.rows): the same facts in each engine's shape compare equal, and
different facts never do."""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal

import neo4j.time
import pytest

from kg.backends.rows import iri_id, normal_row, normal_value, row_set, same_rows
from kg.errors import QueryError
from kg.rdf import ID, entity_iri
from kg.registry import QueryResult


@pytest.mark.parametrize("entity_id", ["person:nguyen-duc-thu", "org:văn-phòng-quốc-hội", "doc:bao cao/1"])
def test_an_iri_kg_minted_becomes_its_id(entity_id: str):
    iri = entity_iri(entity_id)
    assert iri_id(iri) == entity_id
    assert normal_value(iri) == normal_value(entity_id) == entity_id


@pytest.mark.parametrize(
    "iri", ["https://example.org/person/x", ID + "person", ID + "person/", "http://www.w3.org/ns/org#Organization"]
)
def test_other_iris_stay_as_they_are(iri: str):
    assert iri_id(iri) is None
    assert normal_value(iri) == iri


def test_an_iri_that_does_not_round_trip_is_not_an_id():
    # entity_iri would quote the space: this IRI was not minted by kg from "person:a b"
    assert iri_id(ID + "person/a b") is None


def test_null_and_unbound_are_one_value():
    # Neo4j's null and an unbound SPARQL variable both reach kg as None, and stay None
    assert normal_row([None, "x"]) == (None, "x")
    assert normal_value("") != normal_value(None)  # an empty string is a value


@pytest.mark.parametrize("a, b", [(1, 1.0), (1, Decimal("1.0")), (0.9, Decimal("0.9")), (0.1 + 0.2, 0.3)])
def test_numbers_compare_by_value(a: object, b: object):
    assert normal_value(a) == normal_value(b)


@pytest.mark.parametrize("a, b", [(1, 2), (0.9, 0.91), (1, "1"), (True, 1), (False, 0), ("true", 1)])
def test_different_values_stay_different(a: object, b: object):
    assert row_set([[a]]) != row_set([[b]])


def test_booleans_are_their_xsd_form():
    assert normal_value(True) == "true" and normal_value(False) == "false"


def test_special_floats():
    assert normal_value(float("nan")) == "NaN"
    assert normal_value(float("inf")) == "INF" and normal_value(float("-inf")) == "-INF"


@pytest.mark.parametrize(
    "a, b",
    [
        (datetime.date(2019, 8, 28), "2019-08-28"),
        (neo4j.time.Date(2019, 8, 28), "2019-08-28"),
        ("2019-08-28T10:30:00.000000000+00:00", "2019-08-28T10:30:00Z"),
        (datetime.datetime(2019, 8, 28, 10, 30, tzinfo=datetime.UTC), "2019-08-28T10:30:00Z"),
        (datetime.datetime(2019, 8, 28, 10, 30), "2019-08-28T10:30"),
        ("2019-08-28T10:30:00.500+0700", "2019-08-28T10:30:00.5+07:00"),
        (neo4j.time.DateTime(2019, 8, 28, 10, 30, 0), "2019-08-28T10:30:00"),
    ],
)
def test_dates_and_datetimes_become_one_iso_text(a: object, b: object):
    assert normal_value(a) == normal_value(b)


def test_datetimes_in_different_zones_or_days_differ():
    assert normal_value("2019-08-28T10:30:00Z") != normal_value("2019-08-28T10:30:00+07:00")
    assert normal_value("2019-08-28") != normal_value("2019-08-29")
    assert normal_value("2019-08-28T10:30:00") != normal_value("2019-08-28T10:30:00Z")


def test_lists_keep_their_order_and_maps_do_not():
    assert normal_value(["a", "b"]) == normal_value(("a", "b"))
    assert normal_value(["a", "b"]) != normal_value(["b", "a"])  # aligned lists: order is data
    node_a = {"_label": "Person", "id": "person:x", "aliases": ["X"], "since": None}
    node_b = {"since": None, "aliases": ("X",), "id": entity_iri("person:x"), "_label": "Person"}
    assert normal_value(node_a) == normal_value(node_b)
    assert normal_value(node_a) != normal_value({**node_a, "aliases": []})


def test_blank_nodes_are_alike():
    assert normal_value("_:b0") == normal_value("_:genid42")


def test_row_sets_count_rows_and_ignore_their_order():
    a = QueryResult(["id", "n"], [["person:x", 1], ["person:y", 2]])
    b = QueryResult(["id", "n"], [[entity_iri("person:y"), 2.0], [entity_iri("person:x"), Decimal(1)]])
    assert same_rows(a, b)
    assert row_set(a) == Counter({("person:x", 1): 1, ("person:y", 2): 1})
    assert not same_rows(a, QueryResult(["id", "n"], [*b.rows, ["person:x", 1]]))  # a duplicate
    assert not same_rows(a, QueryResult(["id", "m"], b.rows))  # other columns


def test_a_value_it_cannot_compare_is_a_typed_error():
    with pytest.raises(QueryError, match="cannot compare a query value of type object"):
        normal_value(object())
