"""Lists of bodies sharing a head word and an owner (kg.extract.org_lists)."""

from tests.extract.conftest import names


def test_a_plural_list_shares_its_head_and_owner(run):
    x = run("Lãnh đạo các ban Pháp chế, Kinh tế - Ngân sách HĐND tỉnh trình bày báo cáo.")
    assert {"Ban Pháp chế Hội đồng nhân dân tỉnh", "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh"} <= names(
        x, "Organization")


def test_a_plural_list_opened_by_a_known_body_or_a_colon_names_each_body(run):
    x = run("Các Bộ: Y tế, Nông nghiệp và Môi trường, Công Thương chịu trách nhiệm. "
            "Dự có lãnh đạo các Bộ Ngoại giao, Công an, Tài chính.")
    assert {"Bộ Y tế", "Bộ Nông nghiệp và Môi trường", "Bộ Công Thương", "Bộ Ngoại giao", "Bộ Công an",
            "Bộ Tài chính"} <= names(x, "Organization")
    assert "Công an" not in names(x, "Organization")  # in a list of ministries, the ministry


def test_a_police_with_a_place_ends_a_list_of_departments(run):
    x = run("Sở Tài chính, Công an, Quân sự tỉnh dự. Lãnh đạo các sở Tư pháp, Công an tỉnh Nghệ An dự.")
    orgs = names(x, "Organization")
    assert "Sở Công an" not in orgs and "Sở Công an tỉnh Nghệ An" not in orgs
    assert "Công an tỉnh Nghệ An" in orgs


def test_any_plural_marker_of_the_data_opens_a_list(run):
    x = run("Những Bộ Ngoại giao, Công an, Tài chính đã góp ý.")
    assert {"Bộ Ngoại giao", "Bộ Công an", "Bộ Tài chính"} <= names(x, "Organization")
    x = run("Bộ Ngoại giao, Công an tỉnh Nghệ An dự.")  # no plural marker: no list of ministries
    assert "Bộ Công an" not in names(x, "Organization")
