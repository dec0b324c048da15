"""Boards headed "do X làm Trưởng ban": the post is in the board the clause names before "do"."""

from tests.extract.conftest import rels


def test_a_board_written_in_lower_case_gets_its_head(run):
    x = run("Ban lễ tang gồm 31 thành viên do Chủ tịch nước Lê Văn Hòa làm Trưởng ban.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Văn Hòa", "Ban lễ tang", "Trưởng ban") in posts
    assert ("Lê Văn Hòa", "Nhà nước", "Chủ tịch nước") in posts  # the title before the name stays


def test_a_recognised_board_and_a_sub_board(run):
    x = run("Ban Chỉ đạo do Phó Thủ tướng Đinh Văn Lộc làm Trưởng ban. "
            "Tiểu ban Văn kiện do Tổng Bí thư Hà Minh Tâm làm Trưởng tiểu ban.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Đinh Văn Lộc", "Ban Chỉ đạo", "Trưởng ban") in posts
    assert ("Hà Minh Tâm", "Tiểu ban Văn kiện", "Trưởng tiểu ban") in posts


def test_a_board_name_stops_at_the_person_it_mourns(run):
    x = run("Ban lễ tang nguyên Chủ tịch nước Trần Văn Bảy do Chủ tịch Quốc hội Lý Thị Hạnh làm trưởng ban.")
    assert ("Lý Thị Hạnh", "Ban lễ tang", "Trưởng ban") in rels(x, "HOLDS_POSITION")
    assert not any(r[0] == "Trần Văn Bảy" and r[1] == "Ban lễ tang" for r in rels(x, "HOLDS_POSITION"))


def test_a_title_that_names_its_own_body_is_not_the_boards(run):
    x = run("Ban Chỉ đạo do ông Phan Văn Sáu làm Trưởng ban Tổ chức Tỉnh ủy Nghệ An.")
    assert not any(r[1] == "Ban Chỉ đạo" for r in rels(x, "HOLDS_POSITION"))


def test_the_title_must_head_the_board(run):
    # "Trưởng đoàn" heads a delegation, not a "Ban": no post in the board
    x = run("Ban Tổ chức do ông Phan Văn Sáu làm Trưởng đoàn.")
    assert not any(r[1] == "Ban Tổ chức" for r in rels(x, "HOLDS_POSITION"))
