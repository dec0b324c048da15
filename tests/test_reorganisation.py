import datetime
import shutil

import pytest

from kg.errors import KgError
from kg.reorganisation import CHANGES, KINDS, bodies, find, replaced_by
from kg.resources import data_dir


def test_every_record_is_typed_and_dated_where_known():
    records = bodies()
    assert len(records) >= 20
    assert len({b.name for b in records}) == len(records)
    for b in records:
        assert b.kind in KINDS and b.change in CHANGES
        assert b.change != "merged" or len(b.replaces) >= 2, b.name
        assert b.change != "ended" or b.functions_to, b.name
        if b.since and b.until:
            assert b.since < b.until


def test_merged_ministries_name_what_they_replaced_and_their_act():
    agri = find("Bộ Nông nghiệp và Môi trường")
    assert agri is not None
    assert set(agri.replaces) == {"Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Tài nguyên và Môi trường"}
    assert agri.since == datetime.date(2025, 3, 1)
    assert agri.source is not None
    assert (agri.source.number, agri.source.date) == ("176/2025/QH15", datetime.date(2025, 2, 18))
    assert [b.name for b in replaced_by("Bộ Kế hoạch và Đầu tư")] == ["Bộ Tài chính"]
    assert [b.name for b in replaced_by("Bộ TT&TT")] == ["Bộ Khoa học và Công nghệ"]  # abbreviation expanded


def test_party_committees_are_found_by_alias_and_keep_their_decision():
    gov = find("Đảng bộ Chính phủ")
    assert gov is not None and gov.name == "Đảng ủy Chính phủ"
    assert gov.kind == "party_committee"
    assert gov.source is not None and gov.source.number == "243-QĐ/TW"
    assert "Ban cán sự đảng Chính phủ" in gov.replaces
    assert [b.name for b in replaced_by("Ban Dân vận TƯ")] == ["Ban Tuyên giáo và Dân vận Trung ương"]


def test_an_unverified_number_stays_null():
    na = find("Đảng ủy Quốc hội")
    assert na is not None and na.source is not None
    assert na.source.number is None and na.note


def test_validity_is_half_open():
    state_capital = find("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp")
    assert state_capital is not None and state_capital.change == "ended"
    assert state_capital.functions_to == ("Bộ Tài chính",)
    assert state_capital.valid_on(datetime.date(2025, 3, 20))
    assert not state_capital.valid_on(datetime.date(2025, 3, 21))
    front = find("Mặt trận Tổ quốc Việt Nam")
    assert front is not None and "Đoàn Thanh niên Cộng sản Hồ Chí Minh" in front.absorbs
    assert not find("Tòa án nhân dân khu vực").valid_on(datetime.date(2025, 6, 30))


def test_a_bad_record_is_a_typed_error(tmp_path, monkeypatch):
    shutil.copy(data_dir() / "abbreviations.tsv", tmp_path / "abbreviations.tsv")
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    with pytest.raises(KgError):
        bodies()
    (tmp_path / "reorganisation_2025.yaml").write_text("bodies:\n  - {name: X, kind: ministry, change: vanished}\n")
    with pytest.raises(KgError):
        bodies()
    (tmp_path / "reorganisation_2025.yaml").write_text(
        "bodies:\n  - {name: X, kind: ministry, change: created, since: 2025-13-01}\n"
    )
    with pytest.raises(KgError):
        bodies()


def test_every_national_body_of_the_2025_changes_is_known_to_the_extractor_by_its_name():
    # a body the reorganisation data names must also be recognised in text (data/organizations.yaml);
    # local tiers ("Ủy ban nhân dân cấp huyện") and regional courts are kinds of bodies, not names
    from kg.extract.lexicon import lexicon
    from kg.extract.tokens import phrase_keys
    from kg.reorganisation import bodies

    national = {"party_committee", "party_commission", "ministry", "government_agency", "na_committee"}
    lex = lexicon()
    unknown = [b.name for b in bodies() if b.kind in national and b.change != "ended"
               and phrase_keys(b.name) not in lex.org_by_key]
    assert unknown == []
