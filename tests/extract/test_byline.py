"""Bylines and photo credits (kg.extract.byline) and outlets named in credits."""

from tests.extract.conftest import names


def test_a_photo_credit_naming_a_known_outlet_is_the_outlet_not_a_photographer(run):
    x = run("Ông Võ Văn Hòa và ông Ngô Minh Tâm ra mắt (Ảnh: Thanh Niên). Tân Phó Chủ tịch Võ Văn Hòa (Ảnh: Tuấn "
            "Anh).")
    assert "Thanh Niên" not in names(x, "Person")
    assert "Báo Thanh Niên" in names(x, "Organization")
    assert "Tuấn Anh" in names(x, "Person")  # a photographer's credit stays a person


def _authors(x) -> set[str]:
    by_id = {e.id: e.name for e in x.entities}
    return {by_id[r.source] for r in x.relations if r.type == "AUTHORED"}


def test_a_byline_before_the_captions_a_crawler_adds_or_after_the_end_mark_with_its_agency(run):
    x = run("Ông Trần Văn An làm Chủ tịch UBND tỉnh\nSáng 5/3, HĐND tỉnh Nghệ An họp bất thường.\n"
            "Hội đồng đã bầu ông An.\nMinh Anh (tổng hợp)\n\nÔng Trần Văn An phát biểu.\nQuang cảnh kỳ họp.\n")
    assert _authors(x) == {"Minh Anh"}
    y = run("Thủ tướng tiếp các nữ đại biểu\nChiều 5/3, Thủ tướng tiếp các nữ đại biểu Quốc hội.\n"
            "Hai bên đã trao đổi về phát triển bền vững của đất nước./. Thành Chung/VOV\n")
    assert _authors(y) == {"Thành Chung"}
    z = run("Hai nước ký kết hợp tác\nSáng 5/3, hai bên ký kết hợp tác./. Hoàng Anh Tuấn (TTXVN)\n")
    assert _authors(z) == {"Hoàng Anh Tuấn"}


def test_an_agency_credited_in_a_byline_is_no_author(run):
    x = run("Thủ tướng họp với Bộ Quốc phòng\nSáng 30/12, Thủ tướng chủ trì cuộc họp.\nTin, ảnh: TTXVN\n")
    assert not _authors(x)
    assert "TTXVN" not in names(x, "Person")
