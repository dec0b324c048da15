"""Cross-report resolution rules (kg.resolve)."""

from __future__ import annotations

import itertools
import subprocess
import sys
import unicodedata

import pytest

from kg.model import Entity, make_id
from kg.resolve import (
    PersonMention,
    bodies_agree,
    canonical_key,
    cluster_persons,
    directive_key,
    entity_key,
    global_id,
    person_key,
    relation_key,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Văn phòng Quốc hội", "VPQH"),
        ("Văn phòng Quốc hội", "Văn phòng QH"),
        ("Ủy ban Thường vụ Quốc hội", "Uỷ ban Thường vụ QH"),
        ("Ủy ban Thường vụ Quốc hội", "UBTVQH"),
        ("Văn phòng Hội đồng nhân dân", "văn phòng HĐND"),
        ("Ủy ban nhân dân tỉnh Khánh Hòa", "UBND tỉnh Khánh Hoà"),
        ("Ủy ban nhân dân tỉnh Bình Định", unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Bình Định")),
        ("Ủy ban của Quốc hội", "các Ủy ban của QH"),
    ],
)
def test_same_body_same_key(a: str, b: str) -> None:
    assert canonical_key(a) == canonical_key(b)
    assert global_id("Organization", canonical_key(a)) == global_id("Organization", canonical_key(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [("Văn phòng Quốc hội", "Quốc hội"), ("Bộ Tài chính", "Sở Tài chính"), ("Tỉnh ủy Nghệ An", "Tỉnh ủy Hà Tĩnh")],
)
def test_different_bodies_different_keys(a: str, b: str) -> None:
    assert canonical_key(a) != canonical_key(b)


def test_keys_read_as_vietnamese_and_make_readable_ids() -> None:
    assert canonical_key("VPQH") == "văn phòng quốc hội"
    assert global_id("Organization", canonical_key("VPQH")).startswith("org:van-phong-quoc-hoi-")


def test_person_names_are_not_expanded_as_abbreviations() -> None:
    # "Tư" is also the abbreviation of "Trung ương": a name keeps its syllables
    assert person_key("Nguyễn Văn Tư") == "nguyễn văn tư"
    assert person_key("NGUYỄN ĐỨC THỤ") == person_key("Nguyễn Đức Thụ")
    assert person_key("Nguyễn Đức Thụ") != person_key("Nguyễn Đức Thu")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Entity("x", "Directive", "Nghị quyết 580/NQ-UBTVQH14"), Entity("y", "Directive", "Nghị quyết số 580")),
        (Entity("x", "Directive", "Chỉ thị số 05"), Entity("y", "Directive", "Chỉ thị 5", props={"number": "5"})),
        (Entity("x", "Directive", "Chỉ thị 05-CT/TW", props={"kind": "Chỉ thị", "number": "05"}),
         Entity("y", "Directive", "Chỉ thị số 05 của Bộ Chính trị")),
    ],
)
def test_directives_merge_on_kind_and_number(a: Entity, b: Entity) -> None:
    assert directive_key(a) == directive_key(b)


def test_directives_of_other_kinds_or_numbers_or_unnumbered_stay_apart() -> None:
    keys = {
        directive_key(Entity("a", "Directive", "Chỉ thị số 05")),
        directive_key(Entity("b", "Directive", "Nghị quyết số 05")),
        directive_key(Entity("c", "Directive", "Chỉ thị số 35")),
        directive_key(Entity("d", "Directive", "Điều lệ Đảng")),
    }
    assert len(keys) == 4
    assert directive_key(Entity("d", "Directive", "Điều lệ Đảng")) == canonical_key("Điều lệ Đảng")


def test_events_are_told_apart_by_date() -> None:
    a = Entity("a", "Event", "Kỳ họp thứ Bảy", props={"date": "2019-05-20"})
    b = Entity("b", "Event", "Kỳ họp thứ Bảy", props={"date": "2024-05-20"})
    assert entity_key(a) != entity_key(b)
    assert entity_key(a) == entity_key(Entity("c", "Event", "kỳ họp thứ bảy", props={"date": "2019-05-20"}))


def test_relation_key_ignores_role_spelling_but_not_role() -> None:
    assert relation_key("HOLDS_POSITION", "p", "o", "Phó Bí thư Thường trực") == relation_key(
        "HOLDS_POSITION", "p", "o", "phó bí thư thường trực")
    assert relation_key("HOLDS_POSITION", "p", "o", "Bí thư") != relation_key("HOLDS_POSITION", "p", "o", "Phó Bí thư")


def test_ids_do_not_depend_on_the_process() -> None:
    code = "from kg.resolve import global_id, canonical_key; print(global_id('Organization', canonical_key('VPQH')))"
    out = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout.strip()
        for seed in ("1", "2")
    }
    assert out == {global_id("Organization", canonical_key("Văn phòng Quốc hội"))}


# -- persons ------------------------------------------------------------------------------------

KEY = person_key("Nguyễn Đức Thụ")
VPQH_PARTY = canonical_key("Đảng ủy cơ quan Văn phòng Quốc hội")
VPQH = canonical_key("Văn phòng Quốc hội")
BINH_DINH = canonical_key("Ủy ban nhân dân tỉnh Bình Định")


def _m(doc: str, orgs: tuple[str, ...] = (), events: tuple[str, ...] = (), date: str = "") -> PersonMention:
    return PersonMention(doc, "p", frozenset(orgs), frozenset(events), date)


def test_bodies_agree_when_one_name_ends_with_the_other() -> None:
    assert bodies_agree(VPQH_PARTY, VPQH) and bodies_agree(VPQH, VPQH_PARTY)
    assert bodies_agree(BINH_DINH, BINH_DINH)
    assert not bodies_agree(VPQH, BINH_DINH)
    assert not bodies_agree(canonical_key("Ủy ban nhân dân"), BINH_DINH)  # a prefix is not a parent
    assert not bodies_agree("hội", "quốc hội")  # one word is too little to go on


def test_same_name_and_agreeing_bodies_is_one_person() -> None:
    ids = cluster_persons(KEY, [_m("a", (VPQH_PARTY,), date="2019-08-28"), _m("b", (VPQH,), date="2019-09-10")])
    assert len(set(ids.values())) == 1
    assert set(ids.values()) == {make_id("Person", KEY)}


def test_same_name_and_unrelated_bodies_are_two_persons() -> None:
    ids = cluster_persons(KEY, [_m("a", (VPQH_PARTY,), date="2019-08-28"), _m("c", (BINH_DINH,), date="2020-03-05")])
    assert ids[("a", "p")] == make_id("Person", KEY)  # seen first: the plain id
    assert ids[("c", "p")] == make_id("Person", f"{KEY} {BINH_DINH}")
    assert ids[("c", "p")].startswith("person:nguyen-duc-thu-uy-ban-nhan-dan-tinh-binh-dinh-")


def test_a_shared_event_links_mentions_and_links_chain() -> None:
    mentions = [
        _m("a", (VPQH_PARTY,), date="2019-01-01"),
        _m("b", (BINH_DINH,), ("event:x",), date="2019-02-01"),
        _m("c", (), ("event:x",), date="2019-03-01"),
        _m("d", (BINH_DINH,), date="2019-04-01"),
    ]
    ids = cluster_persons(KEY, mentions)
    assert ids[("b", "p")] == ids[("c", "p")] == ids[("d", "p")] != ids[("a", "p")]
    # a mention that agrees with both clusters joins them into one person
    ids = cluster_persons(KEY, [*mentions, _m("e", (VPQH_PARTY, BINH_DINH), date="2019-05-01")])
    assert len(set(ids.values())) == 1


def test_mentions_without_post_or_event_join_the_plain_id() -> None:
    ids = cluster_persons(KEY, [_m("a", (BINH_DINH,), date="2020-01-01"), _m("b", (VPQH,), date="2021-01-01"),
                                _m("z")])
    assert ids[("z", "p")] == make_id("Person", KEY) == ids[("a", "p")]
    assert cluster_persons(KEY, [_m("z"), _m("y")]) == {("z", "p"): make_id("Person", KEY),
                                                        ("y", "p"): make_id("Person", KEY)}


def test_clustering_does_not_depend_on_input_order() -> None:
    mentions = [_m("a", (VPQH_PARTY,), date="2019-08-28"), _m("b", (VPQH,), date="2019-09-10"),
                _m("c", (BINH_DINH,), date="2020-03-05"), _m("d", (), ("event:e",), date="2018-01-01"),
                _m("e", (BINH_DINH,), ("event:e",)), _m("f")]
    results = [cluster_persons(KEY, order) for order in itertools.permutations(mentions)]
    assert all(r == results[0] for r in results)


def test_an_older_report_of_a_namesake_takes_the_plain_id() -> None:
    # the documented limit: ids depend on the stored reports, and the earliest-seen person
    # holds the plain id
    # (two provinces: a national post and a province years apart would be one career, kg.careers)
    nghe_an = canonical_key("Ủy ban nhân dân tỉnh Nghệ An")
    later = cluster_persons(KEY, [_m("a", (nghe_an,), date="2019-08-28")])
    both = cluster_persons(KEY, [_m("a", (nghe_an,), date="2019-08-28"), _m("c", (BINH_DINH,), date="2010-01-01")])
    assert later[("a", "p")] == make_id("Person", KEY) != both[("a", "p")]


def test_a_body_named_only_by_its_level_stays_in_its_report():
    generic = Entity("o", "Organization", "Ủy ban nhân dân tỉnh", props={"scope": "report"})
    named = Entity("o", "Organization", "Ủy ban nhân dân tỉnh Thanh Hóa")
    assert entity_key(generic, "a.txt") != entity_key(generic, "b.txt")
    assert entity_key(named, "a.txt") == entity_key(named, "b.txt")


@pytest.mark.parametrize(
    ("issuers_a", "issuers_b", "same"),
    [
        (["hội đồng nhân dân tỉnh bình định"], ["hội đồng nhân dân tỉnh quảng ngãi"], False),
        (["hội đồng nhân dân tỉnh bình định"], ["hội đồng nhân dân tỉnh bình định"], True),
        (["hội đồng nhân dân tỉnh bình định"], [], False),  # a bare number may be anyone's
        (["bộ chính trị"], [], True),  # national directives are cited by number alone
        (["bộ chính trị"], ["ban bí thư trung ương đảng"], True),
    ],
)
def test_a_local_issuer_is_part_of_a_directive_key(issuers_a: list[str], issuers_b: list[str], same: bool) -> None:
    a = Entity("a", "Directive", "Nghị quyết số 47", props={"kind": "Nghị quyết", "number": "47"})
    assert (directive_key(a, issuers_a) == directive_key(a, issuers_b)) is same


def test_the_year_of_a_symbol_is_part_of_a_directive_key() -> None:
    def key(symbol: str) -> str:
        return directive_key(Entity("x", "Directive", f"Nghị định {symbol}", props={"symbol": symbol}))

    assert key("34/2024/NĐ-CP") != key("34/2016/NĐ-CP")
    assert key("34/2024/NĐ-CP") == directive_key(Entity("y", "Directive", "Nghị định số 34/2024/NĐ-CP của Chính phủ"))
    assert key("34/2024/NĐ-CP") != key("34")


def test_national_bodies_come_from_the_gazetteer() -> None:
    from kg.resolve import national_bodies

    assert canonical_key("UBTVQH") in national_bodies()  # an alias, expanded
    assert canonical_key("Hội đồng nhân dân tỉnh Bình Định") not in national_bodies()


# -- persons over time (kg.careers) ------------------------------------------------------------

HAI = person_key("Hoàng Trung Hải")
GOV = canonical_key("Chính phủ")
HANOI_PARTY = canonical_key("Thành ủy Hà Nội")


def test_a_move_from_a_national_post_to_a_province_years_later_is_one_person() -> None:
    ids = cluster_persons(HAI, [_m("a", (GOV,), date="2013-10-23"), _m("b", (HANOI_PARTY,), date="2016-02-29")])
    assert set(ids.values()) == {make_id("Person", HAI)}


def test_an_appointment_then_a_nguyen_mention_years_later_is_one_person() -> None:
    # b.txt: "nguyên Bộ trưởng …, nay là Bí thư Tỉnh ủy Bình Định": the former post is one of its bodies
    appointed = _m("a", (canonical_key("Bộ Tài chính"),), date="2019-04-07")
    former = _m("b", (canonical_key("Bộ Tài chính"), canonical_key("Tỉnh ủy Bình Định")), date="2024-06-20")
    later = _m("c", (canonical_key("Tỉnh ủy Bình Định"),), date="2025-01-10")
    ids = cluster_persons(KEY, [appointed, former, later])
    assert len(set(ids.values())) == 1


def test_posts_in_one_province_are_one_person_unless_held_at_the_same_time() -> None:
    works = _m("a", (canonical_key("Sở Xây dựng tỉnh Thanh Hóa"),), date="2016-03-01")
    committee = _m("b", (canonical_key("Ủy ban nhân dân tỉnh Thanh Hóa"),))  # undated: may join
    assert len(set(cluster_persons(KEY, [works, committee]).values())) == 1
    # dated months apart: two directors of two departments at once are two people
    finance = _m("c", (canonical_key("Sở Tài chính tỉnh Thanh Hóa"),), date="2016-05-01")
    assert len(set(cluster_persons(KEY, [works, finance]).values())) == 2


def test_namesakes_in_two_provinces_the_same_year_are_two_persons() -> None:
    ids = cluster_persons(KEY, [_m("a", (canonical_key("Ủy ban nhân dân tỉnh Hà Giang"),), date="2021-04-28"),
                                _m("b", (canonical_key("Ủy ban nhân dân tỉnh Bạc Liêu"),), date="2021-04-29")])
    assert len(set(ids.values())) == 2


def test_a_ministry_and_a_province_in_one_season_are_two_persons_and_undated_never_splits() -> None:
    ministry = _m("a", (canonical_key("Bộ Công an"),), date="2021-04-28")
    province = _m("b", (canonical_key("Tỉnh ủy Hà Giang"),), date="2021-04-29")
    assert len(set(cluster_persons(KEY, [ministry, province]).values())) == 2
    undated = _m("b", (canonical_key("Tỉnh ủy Hà Giang"),))  # no date: no ground to join by time
    assert len(set(cluster_persons(KEY, [ministry, undated]).values())) == 2


def test_two_syllable_names_are_not_joined_by_career() -> None:
    key = person_key("Lê Hải")
    ids = cluster_persons(key, [_m("a", (GOV,), date="2013-10-23"), _m("b", (HANOI_PARTY,), date="2016-02-29")])
    assert len(set(ids.values())) == 2


def test_career_joins_do_not_depend_on_the_order_of_mentions() -> None:
    mentions = [_m("a", (GOV,), date="2013-10-23"), _m("b", (HANOI_PARTY,), date="2016-02-29"),
                _m("c", (canonical_key("Ủy ban nhân dân thành phố Đà Nẵng"),), date="2019-05-01"),
                _m("d", (canonical_key("Hội đồng nhân dân thành phố Hà Nội"),), date="2018-01-01")]
    outcomes = {tuple(sorted(cluster_persons(HAI, list(p)).items())) for p in itertools.permutations(mentions)}
    assert len(outcomes) == 1
    ids = dict(next(iter(outcomes)))
    assert ids[("a", "p")] == ids[("b", "p")] == ids[("d", "p")] != ids[("c", "p")]


def test_a_foreign_name_is_one_person_across_reports_whatever_names_its_state() -> None:
    key = person_key("Donald Trump")
    mentions = [_m("a", (canonical_key("Chính phủ Mỹ"),), date="2017-11-10"),
                _m("b", (canonical_key("Nhà nước Hoa Kỳ"),), date="2019-02-27"),
                _m("c", (canonical_key("Đảng Cộng hòa"),), date="2025-01-20")]
    assert len(set(cluster_persons(key, mentions).values())) == 1
    # a Vietnamese name (every word a syllable) is not joined so
    viet = person_key("Trần Văn Sơn")
    apart = [_m("a", (canonical_key("Chính phủ Mỹ"),), date="2017-11-10"),
             _m("b", (canonical_key("Đảng Cộng hòa"),), date="2025-01-20")]
    assert len(set(cluster_persons(viet, apart).values())) == 2
