"""data/labels_en.tsv and kg.labels_en: every English name is keyed on a name kg writes, has a source,
and is found the way resolution compares names."""

from __future__ import annotations

from collections import defaultdict

import pytest

from kg import labels_en
from kg.errors import KgError
from kg.model import Entity
from kg.resources import read_tsv, read_yaml


def _known_bodies() -> set[str]:
    names = set()
    for record in read_yaml("organizations.yaml"):
        names |= {record["name"], *(record.get("aliases") or ())}
    for record in read_yaml("reorganisation_2025.yaml")["bodies"]:
        names |= {record["name"], *(record.get("aliases") or ())}
    return names | {row["implied"] for row in read_tsv("titles.tsv") if row["implied"]}


def _known_titles() -> set[str]:
    lexicon = read_yaml("lexicon.yaml")
    base = set()
    for row in read_tsv("titles.tsv"):
        base.add(row["title"])
        if row["deputy"] == "yes":
            base.add("Phó " + row["title"])
    qualified = {f"{t} {q}" for t in base for q in lexicon["title_qualifiers"]}
    return base | qualified | set(lexicon["standing_post_words"])


def test_every_key_names_a_body_or_title_kg_knows() -> None:
    bodies, titles = _known_bodies(), _known_titles()
    rows = labels_en.rows()
    assert {r["kind"] for r in rows} == {"body", "title"}
    unknown = [r["vi"] for r in rows if r["vi"] not in (bodies if r["kind"] == "body" else titles)]
    assert not unknown, unknown


def test_every_line_has_an_english_name_and_a_source_and_no_key_has_two_names() -> None:
    english: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in labels_en.rows():
        assert r["en"] and r["source"], r
        english[r["kind"], r["vi"]].add(r["en"])
    assert all(len(v) == 1 for v in english.values()), {k: v for k, v in english.items() if len(v) > 1}


def test_the_central_bodies_and_common_titles_are_covered() -> None:
    for name in ("Bộ Chính trị", "Ban Bí thư Trung ương Đảng", "Quốc hội", "Chính phủ", "Bộ Tài chính",
                 "Ban Tuyên giáo và Dân vận Trung ương", "Bộ Nông nghiệp và Môi trường", "Tòa án nhân dân tối cao"):
        assert labels_en.body(name), name
    for role in ("Tổng Bí thư", "Chủ tịch nước", "Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Bí thư", "Phó Bí thư",
                 "Chủ tịch", "Giám đốc", "Ủy viên"):
        assert labels_en.title(role), role


def test_names_are_found_as_resolution_compares_them() -> None:
    assert labels_en.body("Bộ Tài chính") == "Ministry of Finance"
    assert labels_en.body("UBTVQH") == "National Assembly Standing Committee"  # an abbreviation
    assert labels_en.body("Uỷ ban Thường vụ Quốc hội") == "National Assembly Standing Committee"  # old tone mark
    assert labels_en.body("Ban Bí thư") == "Secretariat of the Party Central Committee"  # a gazetteer alias
    assert labels_en.body("Ủy ban nhân dân tỉnh Bình Định") is None
    assert labels_en.title("Phó Bí thư Thường trực") == "Standing Deputy Secretary"
    assert labels_en.title("Chủ tịch") == "Chair"
    assert labels_en.entity(Entity("org:x", "Organization", "Quốc hội")) == "National Assembly"
    assert labels_en.entity(Entity("loc:x", "Location", "Quốc hội")) is None  # bodies only


def test_an_unknown_language_is_refused_in_one_line() -> None:
    assert labels_en.check_lang("en") == "en"
    with pytest.raises(KgError, match=r"--lang: unknown language 'xx'.*vi, en"):
        labels_en.check_lang("xx")
