"""Short names a report gives its bodies in brackets (kg/extract/short_forms.py)."""

from tests.extract.conftest import names, rels


def test_a_short_name_in_brackets_names_the_body_alone_and_in_the_names_of_its_parts(run):
    x = run("Ông Trần Văn Nam bị kỷ luật vì sai phạm khi giữ chức Tổng giám đốc Tổng Công ty Thương mại Hà Tây "
            "TNHH Một thành viên (Hatexco). Ông Lê Văn Bình, Bí thư Đảng ủy Hatexco, cũng bị khiển trách.")
    full = "Tổng công ty Thương mại Hà Tây TNHH Một thành viên"
    assert ("Trần Văn Nam", full, "Tổng giám đốc") in rels(x, "HOLDS_POSITION")
    # a body named after the company leaves its legal form out
    assert ("Lê Văn Bình", "Đảng ủy Tổng công ty Thương mại Hà Tây", "Bí thư") in rels(x, "HOLDS_POSITION")
    assert "Hatexco" not in names(x, "Person")


def test_a_bracketed_word_written_nowhere_else_or_a_place_defines_nothing(run):
    x = run("Tổng Công ty Thương mại Hà Tây (Hatexco) ký hợp đồng. Ông Lê Văn Bình làm việc tại Hà Nội.")
    assert "Tổng công ty Thương mại Hà Tây" in names(x, "Organization")
    y = run("Sở Y tế tỉnh Thừa Thiên Huế (Huế) họp. Ông Lê Văn Bình đến Huế.")
    assert not any(n.startswith("Sở Y tế") and n.endswith("Huế Huế") for n in names(y, "Organization"))
