"""Where a name stops or is no person's (kg.extract.name_shapes)."""

from tests.extract.conftest import names, rels


def test_a_name_after_a_house_number_is_a_street(run):
    x = run("Trụ sở ở 37 Lê Đại Hành được chuyển giao. Bộ làm việc ở 80B Trần Hưng Đạo. Nhà tại số 598B5 Nguyễn "
            "Thị Định. Năm 2020 Nguyễn Văn An được bầu.")
    assert names(x, "Person") == {"Nguyễn Văn An"}  # a year before a name is no house number


def test_a_foreign_name_may_open_with_or_hold_an_initial(run):
    x = run("Tổng thống George W. Bush và Chủ tịch Đảng Cộng sản Liên bang Nga G. Zyuganov dự. "
            "Ông L. Không đồng ý với bản án.")
    assert names(x, "Person") == {"George W. Bush", "G. Zyuganov"}  # "Không" is a word, not a name
    assert ("G. Zyuganov", "Đảng Cộng sản Liên bang Nga", "Chủ tịch") in rels(x, "HOLDS_POSITION")


def test_a_central_highlands_womans_name_keeps_its_apostrophe(run):
    x = run("Trao đổi với PV, bà H'Yim Kđoh - Phó Chủ tịch UBND tỉnh Đắk Lắk xác nhận.")
    assert ("H'Yim Kđoh", "Ủy ban nhân dân tỉnh Đắk Lắk", "Phó Chủ tịch") in rels(x, "HOLDS_POSITION")
