"""Bylines and photo credits (kg.extract.byline) and outlets named in credits."""

from tests.extract.conftest import names


def test_a_photo_credit_naming_a_known_outlet_is_the_outlet_not_a_photographer(run):
    x = run("Ông Võ Văn Hòa và ông Ngô Minh Tâm ra mắt (Ảnh: Thanh Niên). Tân Phó Chủ tịch Võ Văn Hòa (Ảnh: Tuấn "
            "Anh).")
    assert "Thanh Niên" not in names(x, "Person")
    assert "Báo Thanh Niên" in names(x, "Organization")
    assert "Tuấn Anh" in names(x, "Person")  # a photographer's credit stays a person
