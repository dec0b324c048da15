"""A deputy named with the province of their delegation in brackets is a deputy of the Assembly."""

from tests.extract.conftest import rels


def test_a_deputy_with_the_province_in_brackets(run):
    x = run("Đại biểu Trần Hoàng Nam (TP. HCM) bày tỏ tiếc. Đại biểu Lê Thị Nguyệt (Vĩnh Phúc) nói. "
            "Đại biểu Tô Thị Châu (đoàn Nghệ An) phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    for name in ("Trần Hoàng Nam", "Lê Thị Nguyệt", "Tô Thị Châu"):
        assert (name, "Quốc hội", "Đại biểu") in posts


def test_brackets_that_name_no_province_make_no_deputy(run):
    x = run("Đại biểu Lê Văn Bình (SN 1970) phát biểu. Đại biểu Lê Văn Cường phát biểu.")
    assert not rels(x, "HOLDS_POSITION")
