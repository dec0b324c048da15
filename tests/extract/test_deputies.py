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
    assert {"Đoàn đại biểu Quốc hội tỉnh Quảng Trị", "Đoàn đại biểu Quốc hội Thành phố Hồ Chí Minh"} <= orgs
    assert len([o for o in orgs if o.startswith("Đoàn")]) == 2  # no delegation without "đoàn"


def test_a_deputy_written_with_the_assembly_names_the_delegation_too(run):
    x = run("Sáng 29/5/2019, Quốc hội thảo luận ở tổ. ĐBQH Nguyễn Tạo (đoàn Lâm Đồng) không đồng tình. "
            "Đoàn ĐBQH tỉnh Lâm Đồng đề nghị bổ sung.")
    # one delegation, however its province is written
    delegations = [e for e in x.entities if e.name.startswith("Đoàn")]
    assert [e.name for e in delegations] == ["Đoàn đại biểu Quốc hội tỉnh Lâm Đồng"]
    assert "đoàn Lâm Đồng" in delegations[0].aliases
    assert ("Nguyễn Tạo", "Quốc hội", "Đại biểu") in rels(x, "HOLDS_POSITION")
