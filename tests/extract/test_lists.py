"""Lists of people: shared titles, appointments and dismissals, bodies elided until the list's end."""

from tests.extract.conftest import names, rels


def test_bodies_elided_until_the_last_item_of_a_list(run):
    x = run("Trách nhiệm thuộc về các ông: Hà Văn Mạnh, nguyên Bí thư Đảng ủy, Cục trưởng; Lò Văn Hai, Đảng ủy "
            "viên, Phó Cục trưởng Cục Quản lý thị trường tỉnh Sơn La.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Hà Văn Mạnh", "Cục Quản lý thị trường tỉnh Sơn La", "Cục trưởng") in posts
    assert ("Hà Văn Mạnh", "Đảng ủy Cục Quản lý thị trường tỉnh Sơn La", "Bí thư") in posts
    assert ("Lò Văn Hai", "Đảng ủy Cục Quản lý thị trường tỉnh Sơn La", "Đảng ủy viên") in posts
    assert ("Lò Văn Hai", "Cục Quản lý thị trường tỉnh Sơn La", "Đảng ủy viên") not in posts


def test_a_dismissal_names_each_post_before_its_holder(run):
    x = run("Quốc hội miễn nhiệm chức vụ Bộ trưởng Bộ Xây dựng nhiệm kỳ 2021 - 2026 đối với ông Ngô Văn Ba và "
            "Bộ trưởng Bộ Y tế nhiệm kỳ 2021 - 2026 đối với bà Đào Thị Tư.")
    posts = {(p, o, r): rel for rel in x.relations if rel.type == "HOLDS_POSITION"
             for p, o, r in [({e.id: e.name for e in x.entities}[rel.source],
                              {e.id: e.name for e in x.entities}[rel.target], rel.props.get("role"))]}
    assert posts[("Ngô Văn Ba", "Bộ Xây dựng", "Bộ trưởng")].props.get("former") is True
    assert posts[("Đào Thị Tư", "Bộ Y tế", "Bộ trưởng")].props.get("former") is True


def test_chanh_van_phong_is_of_the_office_named_after_the_title(run):
    x = run("Ông Lại Văn Năm, Chánh Văn phòng Trung ương Đảng, phát biểu.")
    assert ("Lại Văn Năm", "Văn phòng Trung ương Đảng", "Chánh Văn phòng") in rels(x, "HOLDS_POSITION")


def test_an_elided_body_is_the_one_the_list_names_at_its_end(run):
    x = run("Trách nhiệm thuộc về các ông: Hà Văn Mạnh, nguyên Cục trưởng; Lò Văn Hai, Cục trưởng Cục Thú y, "
            "nguyên Cục trưởng; Đinh Văn Ba, Phó Cục trưởng Cục Quản lý thị trường tỉnh Sơn La.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Hà Văn Mạnh", "Cục Quản lý thị trường tỉnh Sơn La", "Cục trưởng") in posts
    assert ("Hà Văn Mạnh", "Cục Thú y", "Cục trưởng") not in posts


def test_committees_joined_are_those_of_the_party_committee_named_next(run):
    x = run("Ban Bí thư điều động ông Trần Văn Mười tham gia Ban Chấp hành, Ban Thường vụ, giữ chức Phó Bí thư "
            "Tỉnh ủy Lâm Đồng.")
    assert ("Ban Thường vụ Tỉnh ủy Lâm Đồng", "Tỉnh ủy Lâm Đồng", None) in rels(x, "PART_OF")
    assert not any(e.name.startswith("Ban Chấp hành") for e in x.entities if e.type == "Organization")


def test_a_standing_post_named_with_no_one_stands_for_its_body(run):
    # (issue 12: "Thường trực Ban Bí thư" is a post in Ban Bí thư, not a body; written alone it acts for Ban Bí thư)
    x = run("Văn phòng Trung ương Đảng là cơ quan tham mưu, giúp việc của Ban Bí thư, Thường trực Ban Bí thư.")
    assert not [o for o in names(x, "Organization") if o.startswith("Thường trực")]
    assert ("Văn phòng Trung ương Đảng", "Ban Bí thư Trung ương Đảng", None) in rels(x, "REPORTS_TO")


def test_a_party_committee_in_lower_case_after_a_bodys_name(run):
    x = run("Bà Phạm Thị Mai, Trưởng Ban Dân vận tỉnh ủy Lâm Đồng phát biểu.")
    assert ("Phạm Thị Mai", "Ban Dân vận Tỉnh ủy Lâm Đồng", "Trưởng Ban") in rels(x, "HOLDS_POSITION")


def test_a_plural_title_then_a_verb_of_election_opens_a_list(run):
    x = run("Các Phó chủ tịch UBND tỉnh Quảng Ninh đều tái đắc cử gồm các ông Đặng Huy Hậu, Lê Quang Tùng"
            " và bà Vũ Thị Thu Thuỷ.")
    got = rels(x, "HOLDS_POSITION")
    for person in ("Đặng Huy Hậu", "Lê Quang Tùng", "Vũ Thị Thu Thủy"):
        assert (person, "Ủy ban nhân dân tỉnh Quảng Ninh", "Phó chủ tịch") in got
    # without "các" the title is one person's, and a group after another verb is not its list
    y = run("Phó chủ tịch UBND tỉnh Quảng Ninh làm việc với đoàn gồm các ông Đặng Huy Hậu, Lê Quang Tùng.")
    assert not {p for p, _, _ in rels(y, "HOLDS_POSITION")} & {"Đặng Huy Hậu", "Lê Quang Tùng"}


def test_a_shared_title_whose_list_opens_with_gom_cac_ong(run):
    x = run("UBND tỉnh Nam Định có 3 Phó chủ tịch gồm các ông: Trần Văn Hải; Lê Quốc Bình và Phạm Đình Nghị.")
    holders = {p for p, o, r in rels(x, "HOLDS_POSITION") if o == "Ủy ban nhân dân tỉnh Nam Định"}
    assert holders == {"Trần Văn Hải", "Lê Quốc Bình", "Phạm Đình Nghị"}


def test_a_held_title_listed_after_la_cac_ong_ba_is_everyones(run):
    x = run("Hiện 3 người đang giữ chức Phó Giám đốc Sở Tài chính tỉnh Nam Định là các ông, bà: Trần Hữu Phước; "
            "Lê Thị Minh Nguyệt; Vũ Quang Khải.")
    posts = rels(x, "HOLDS_POSITION")
    for name in ("Trần Hữu Phước", "Lê Thị Minh Nguyệt", "Vũ Quang Khải"):
        assert (name, "Sở Tài chính tỉnh Nam Định", "Phó Giám đốc") in posts


def test_a_term_may_stand_between_a_shared_title_and_its_list(run):
    x = run("HĐND tỉnh Nghệ An thống nhất miễn nhiệm 3 phó chủ tịch UBND tỉnh nhiệm kỳ trước là Lê Văn Hà, Hứa Văn "
            "Thuận và bà Nguyễn Thị Hồng.")
    holders = {p for p, o, r in rels(x, "HOLDS_POSITION") if (o, r) == ("Ủy ban nhân dân tỉnh Nghệ An", "Phó chủ tịch")}
    assert holders == {"Lê Văn Hà", "Hứa Văn Thuận", "Nguyễn Thị Hồng"}


def test_a_post_given_after_a_list_of_people_with_their_own_titles_goes_to_each(run):
    x = run("Các đại biểu HĐND tỉnh Nghệ An cũng bầu ông Lê Văn Khoa – Giám đốc Sở Công thương và bà Nguyễn Thị Thu – "
            "Chủ tịch Liên đoàn lao động tỉnh giữ chức Phó chủ tịch UBND tỉnh.")
    posts = rels(x, "HOLDS_POSITION")
    assert {("Lê Văn Khoa", "Ủy ban nhân dân tỉnh Nghệ An", "Phó chủ tịch"),
            ("Nguyễn Thị Thu", "Ủy ban nhân dân tỉnh Nghệ An", "Phó chủ tịch"),
            ("Nguyễn Thị Thu", "Liên đoàn Lao động tỉnh Nghệ An", "Chủ tịch")} <= posts
    assert ("Lê Văn Khoa", "Sở Công Thương tỉnh Nghệ An", "Giám đốc") in posts
    # not someone named earlier in another clause
    y = run("Ông Trần Văn Nam phát biểu và bà Nguyễn Thị Thu được bầu giữ chức Phó chủ tịch UBND tỉnh Nghệ An.")
    assert not any(p == "Trần Văn Nam" for p, _, _ in rels(y, "HOLDS_POSITION"))


def test_a_deputy_named_after_the_head_of_a_board_is_that_boards(run):
    x = run("HĐND tỉnh Nghệ An cũng bầu bà Thi Thị Tuyết Nhung giữ chức Trưởng Ban Văn hóa - Xã hội HĐND tỉnh; ông Cao "
            "Thanh Bình giữ chức Phó ban.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Cao Thanh Bình", "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh Nghệ An", "Phó ban") in posts


def test_a_post_taken_from_people_listed_with_asides_after_doi_voi_is_each_ones(run):
    x = run("HĐND TP Đà Nẵng biểu quyết miễn nhiệm chức danh Uỷ viên UBND TP Đà Nẵng đối với các ông: Vũ Quang "
            "Hùng (nguyên giám đốc Sở Xây dựng), ông Nguyễn Đình Vĩnh (nguyên giám đốc Sở GD-ĐT), Phan Văn Kha "
            "(nghỉ hưu theo chế độ) và ông Đoàn Ngọc Hùng Anh (chánh văn phòng UBND TP).")
    city = "Ủy ban nhân dân thành phố Đà Nẵng"
    members = {a for a, b, r in rels(x, "HOLDS_POSITION") if b == city and r == "Ủy viên"}
    assert members == {"Vũ Quang Hùng", "Nguyễn Đình Vĩnh", "Phan Văn Kha", "Đoàn Ngọc Hùng Anh"}


def test_a_decisions_post_goes_to_each_person_named_after_it_with_their_own_titles(run):
    x = run("Ngày 5/5/2016, ông Phúc trao quyết định phê chuẩn kết quả bầu chức vụ Phó chủ tịch UBND thành phố Hồ Chí "
            "Minh đối với ông Lê Văn Khoa - Giám đốc Sở Công Thương và bà Nguyễn Thị Thu - Chủ tịch Liên đoàn Lao "
            "động thành phố.")
    posts = rels(x, "HOLDS_POSITION")
    assert {("Lê Văn Khoa", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "Phó chủ tịch"),
            ("Nguyễn Thị Thu", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "Phó chủ tịch")} <= posts


def test_a_deputy_listed_right_after_the_head_with_a_bare_title_is_of_the_heads_body(run):
    x = run("Các ông Lê Văn Hùng (giám đốc Ban Quản lý dự án giao thông tỉnh Lạng Sơn), Trịnh Văn Tân (phó giám "
            "đốc) và Mai Văn Tư (kế toán trưởng) cùng bị bắt.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trịnh Văn Tân", "Ban Quản lý dự án giao thông tỉnh Lạng Sơn", "Phó giám đốc") in posts
    assert not [p for p in posts if p[0] == "Mai Văn Tư"]  # another office: no body to share
    y = run("Thượng tướng Trần Văn Sơn, Ủy viên Bộ Chính trị, đón Thượng tướng Vương Kiến, Ủy viên Quốc vụ.")
    assert ("Vương Kiến", "Bộ Chính trị", "Ủy viên") not in rels(y, "HOLDS_POSITION")


def test_deputies_counted_after_their_head_are_of_the_heads_body(run):
    x = run("Thường trực UBND tỉnh hiện có 3 người gồm Chủ tịch UBND tỉnh Bến Tre Trần Văn Hùng và 2 Phó chủ tịch "
            "Lê Văn Tư, Ngô Thị Năm.")
    posts = rels(x, "HOLDS_POSITION")
    for who in ("Lê Văn Tư", "Ngô Thị Năm"):
        assert (who, "Ủy ban nhân dân tỉnh Bến Tre", "Phó chủ tịch") in posts
