"""A deputy named with the province of their delegation in brackets is a deputy of the Assembly."""

from tests.extract.conftest import names, rels


def test_a_deputy_with_the_province_in_brackets(run):
    x = run("Đại biểu Trần Hoàng Nam (TP. HCM) bày tỏ tiếc. Đại biểu Lê Thị Nguyệt (Vĩnh Phúc) nói. "
            "Đại biểu Tô Thị Châu (đoàn Nghệ An) phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    for name in ("Trần Hoàng Nam", "Lê Thị Nguyệt", "Tô Thị Châu"):
        assert (name, "Quốc hội", "Đại biểu") in posts


def test_brackets_that_name_no_province_make_no_deputy(run):
    x = run("Đại biểu Lê Văn Bình (SN 1970) phát biểu. Đại biểu Lê Văn Cường phát biểu.")
    assert not rels(x, "HOLDS_POSITION")


def test_the_delegation_a_deputys_bracket_names_is_a_body(run):
    x = run("Đại biểu Hồ Thị Minh (đoàn Quảng Trị) cho rằng. Đại biểu Tô Thị Bích Châu (đoàn TP. HCM) nói. "
            "Đại biểu Trần Hoàng Ngân (TP. HCM) nói.")
    orgs = names(x, "Organization")
    assert {"Đoàn đại biểu Quốc hội Quảng Trị", "Đoàn đại biểu Quốc hội Thành phố Hồ Chí Minh"} <= orgs
    assert len([o for o in orgs if o.startswith("Đoàn")]) == 2  # no delegation without "đoàn"
