import shutil
from pathlib import Path

import pytest

from kg import admin_units
from kg.admin_units import Unit, is_unit, merged_into, predecessors, provinces, successors, units
from kg.errors import KgError
from kg.resources import data_dir

REAL_DATA = data_dir()


def test_there_are_63_provinces_before_the_reform_and_34_after():
    before, after = provinces("before"), provinces("after")
    assert len(before) == 63
    assert len(after) == 34
    assert {"Hà Giang", "Bà Rịa - Vũng Tàu", "Bình Dương", "Lâm Đồng"} <= before
    assert {"Lâm Đồng", "Hồ Chí Minh", "Tuyên Quang"} <= after
    assert "Hà Giang" not in after
    assert "Bà Rịa - Vũng Tàu" not in after


def test_a_merged_province_maps_to_the_province_it_joined():
    hcm = merged_into("Bà Rịa - Vũng Tàu")
    assert hcm is not None
    assert hcm.full_name == "Thành phố Hồ Chí Minh"
    assert hcm.period == "after"
    assert merged_into("Tỉnh Bình Thuận").name == "Lâm Đồng"  # with its type word, any case
    assert merged_into("tỉnh đắk nông").name == "Lâm Đồng"
    assert merged_into("Lâm Đồng").name == "Lâm Đồng"  # a province that kept its name
    assert {u.full_name for u in predecessors(hcm)} == {
        "Thành phố Hồ Chí Minh", "Tỉnh Bình Dương", "Tỉnh Bà Rịa - Vũng Tàu",
    }


def test_a_ward_after_the_reform_knows_its_province_and_predecessors():
    (ward,) = units("Phú Mỹ", "phường", "after")
    assert ward.level == "commune"
    assert ward.province == "Hồ Chí Minh"
    olds = predecessors(ward)
    assert {u.full_name for u in olds} == {"Phường Phú Mỹ", "Phường Mỹ Xuân"}
    assert all(u.period == "before" and u.parent == ("Thành phố Phú Mỹ", "Tỉnh Bà Rịa - Vũng Tàu") for u in olds)


def test_an_island_district_became_a_special_zone():
    (zone,) = units("Côn Đảo", "đặc khu")
    assert zone.period == "after"
    (district,) = predecessors(zone)
    assert (district.full_name, district.level, district.province) == ("Huyện Côn Đảo", "district", "Bà Rịa - Vũng Tàu")
    assert successors(district) == [zone]


def test_a_pre_reform_ward_leads_to_its_successor():
    (ben_nghe,) = units("Phường Bến Nghé", period="before")
    assert ben_nghe.parent == ("Quận 1", "Thành phố Hồ Chí Minh")
    assert [u.full_name for u in successors(ben_nghe)] == ["Phường Sài Gòn"]


def test_is_unit_checks_the_type_word():
    assert is_unit("xã", "Liên Hà")
    assert not is_unit("phường", "Liên Hà")
    assert is_unit("huyện", "Đông Anh", "before")
    assert not is_unit("huyện", "Đông Anh", "after")  # no districts after the reform
    assert is_unit("TP", "Hồ Chí Minh")  # the abbreviation of the type word
    assert is_unit("thành phố", "Hồ Chí Minh", "after")


def test_names_compare_with_any_tone_placement_and_case():
    assert is_unit("tỉnh", "Hoà Bình") and is_unit("tỉnh", "Hòa Bình")
    assert units("Xuân Thuỷ", "xã") == units("xuân thủy", "xã") != []
    assert units("TP.HCM", period="after") == units("Thành phố Hồ Chí Minh", period="after")


def test_a_name_that_is_no_unit_finds_nothing():
    assert units("Bộ Tài chính") == []
    assert not is_unit("xã", "Quốc hội")
    assert merged_into("Quốc hội") is None
    assert merged_into("Phú Mỹ") is None  # a commune, not a province


def test_a_numbered_ward_is_named_by_its_number():
    found = units("Phường 1", period="before")
    assert found and all(u.name == "1" and u.type == "phường" for u in found)
    assert len({u.parent for u in found}) == len(found)  # told apart by their districts


def test_every_after_reform_commune_names_its_predecessors():
    after = [u for u in admin_units._idx().units if u.period == "after" and u.level == "commune"]
    assert len(after) == 3321
    assert all(predecessors(u) for u in after)


def test_an_unknown_period_is_a_typed_error():
    with pytest.raises(KgError):
        provinces("2030")
    with pytest.raises(KgError):
        units("Lâm Đồng", period="new")


def _tiny_data(tmp: Path, body: str) -> None:
    shutil.copy(REAL_DATA / "abbreviations.tsv", tmp / "abbreviations.tsv")
    header = "period\tlevel\ttype\tname\tcode\tparent\tmerged_from\tsplit_from\n"
    (tmp / "admin_units.tsv").write_text("# generated\n" + header + body, encoding="utf-8")


def test_kg_data_dir_points_at_another_copy(tmp_path, monkeypatch):
    rows = ["before\tprovince\ttỉnh\tThử Nghiệm\t99\t\t\t", "after\tprovince\ttỉnh\tMới\t98\t\tTỉnh Thử Nghiệm\t"]
    _tiny_data(tmp_path, "\n".join(rows) + "\n")
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    assert provinces("before") == {"Thử Nghiệm"}
    assert merged_into("Thử Nghiệm") == Unit("Mới", "tỉnh", "province", "after", "98", (), ("Tỉnh Thử Nghiệm",))


def test_a_bad_row_or_a_missing_file_is_a_typed_error(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    with pytest.raises(KgError):
        provinces("before")
    _tiny_data(tmp_path, "someday\tprovince\ttỉnh\tX\t1\t\t\t\n")
    with pytest.raises(KgError):
        provinces("before")
