from tests.extract.conftest import rels


def test_members_listed_after_a_board_hold_a_post_in_it(run):
    x = run("Ban lễ tang gồm 35 thành viên do Chủ tịch nước Tô Lâm làm Trưởng ban. Các thành viên còn lại gồm "
            "Thủ tướng Phạm Minh Chính, Chủ tịch Quốc hội Trần Thanh Mẫn và đại diện các ban, bộ, ngành.\n"
            "Ban tổ chức lễ tang gồm 27 thành viên do Thường trực Ban Bí thư Lương Cường là Trưởng ban. Hai phó ban "
            "là Phó Thủ tướng Lê Minh Khái và Chánh Văn phòng Trung ương Đảng Nguyễn Duy Ngọc.")
    holds = rels(x, "HOLDS_POSITION")
    assert {("Tô Lâm", "Ban lễ tang", "Trưởng ban"), ("Phạm Minh Chính", "Ban lễ tang", "Thành viên"),
            ("Trần Thanh Mẫn", "Ban lễ tang", "Thành viên"), ("Lương Cường", "Ban tổ chức lễ tang", "Trưởng ban"),
            ("Lê Minh Khái", "Ban tổ chức lễ tang", "Phó ban"),
            ("Nguyễn Duy Ngọc", "Ban tổ chức lễ tang", "Phó ban")} <= holds
    # each list belongs to the board just before it, not to the other one
    assert not {(p, b) for p, b, _ in holds if b == "Ban lễ tang" and p in ("Lê Minh Khái", "Nguyễn Duy Ngọc")}
    # the members' own posts stay
    assert ("Lê Minh Khái", "Chính phủ", "Phó Thủ tướng") in holds


def test_a_board_written_by_its_head_alone_is_the_one_named_before(run):
    x = run("Ngày 21/8, Tổng Bí thư Tô Lâm, Trưởng Tiểu ban Nhân sự Đại hội XIV của Đảng chủ trì Phiên họp thứ hai. "
            "Tham dự Phiên họp có thành viên Tiểu ban, gồm các đồng chí: Ủy viên Bộ Chính trị, Thủ tướng Chính phủ "
            "Phạm Minh Chính; Ủy viên Bộ Chính trị, Chủ tịch Quốc hội Trần Thanh Mẫn. Tiểu ban Văn kiện cũng họp.")
    holds = rels(x, "HOLDS_POSITION")
    for person in ("Phạm Minh Chính", "Trần Thanh Mẫn"):
        assert (person, "Tiểu ban Nhân sự Đại hội XIV của Đảng", "Thành viên") in holds
        assert (person, "Bộ Chính trị", "Ủy viên") in holds


def test_a_member_noun_without_a_list_makes_no_post(run):
    x = run("Ban Chỉ đạo tỉnh họp. Ông Nguyễn Văn An là thành viên tích cực của phong trào.")
    assert not [r for r in rels(x, "HOLDS_POSITION") if r[2] == "Thành viên"]


def test_a_board_named_in_lower_case_takes_its_list_and_the_deputy_named_before_it(run):
    x = run("Theo Quyết định, Phó Trưởng Ban là Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng.\n"
            "Các Thành viên Ban chỉ đạo gồm: Thống đốc Ngân hàng Nhà nước Việt Nam Nguyễn Thị Hồng; Bộ trưởng Bộ Tư "
            "pháp Nguyễn Hải Ninh. Bộ Công an dự.")
    holds = rels(x, "HOLDS_POSITION")
    assert {("Nguyễn Chí Dũng", "Ban chỉ đạo", "Phó Trưởng Ban"), ("Nguyễn Thị Hồng", "Ban chỉ đạo", "Thành viên"),
            ("Nguyễn Hải Ninh", "Ban chỉ đạo", "Thành viên")} <= holds
    # with two boards in the report, a deputy named with no board near belongs to neither
    x = run("Theo Quyết định, Phó Trưởng Ban là Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng.\n"
            "Các Thành viên Ban chỉ đạo gồm: Bộ trưởng Bộ Tư pháp Nguyễn Hải Ninh. Ban Tuyên giáo Trung ương dự.")
    assert not [h for h in rels(x, "HOLDS_POSITION") if h[0] == "Nguyễn Chí Dũng" and h[1].startswith("Ban")]
