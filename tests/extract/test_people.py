from tests.extract.conftest import names, rels


def test_title_chain_gives_one_post_per_title(run):
    x = run("Các đồng chí: Hồ Văn Nam - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Hồ Văn Nam", "Ban Chấp hành Trung ương Đảng", "Ủy viên") in posts
    assert ("Hồ Văn Nam", "Tỉnh ủy", "Bí thư") in posts
    assert ("Hồ Văn Nam", "Hội đồng nhân dân tỉnh", "Chủ tịch") in posts


def test_title_before_a_name_and_honorifics_not_in_names(run):
    x = run("Phó Bí thư Thường trực Đảng ủy Bộ Y tế Trần Thị Lan phát biểu. Bà Lan cảm ơn ông Phạm Minh.")
    assert ("Trần Thị Lan", "Đảng ủy Bộ Y tế", "Phó Bí thư Thường trực") in rels(x, "HOLDS_POSITION")
    people = {e.name: e for e in x.entities if e.type == "Person"}
    assert set(people) == {"Trần Thị Lan", "Phạm Minh"}
    assert len(people["Trần Thị Lan"].evidence) == 2  # "Bà Lan" resolved to the full name


def test_former_and_implied_bodies(run):
    x = run("Ông Ngô Văn Bình - nguyên Giám đốc Sở Xây dựng phát biểu. Thủ tướng Lê Quang Hải chủ trì.")
    posts = {(p, o, r): rel for rel in x.relations if rel.type == "HOLDS_POSITION"
             for p, o, r in [({e.id: e.name for e in x.entities}[rel.source],
                              {e.id: e.name for e in x.entities}[rel.target], rel.props.get("role"))]}
    assert posts[("Ngô Văn Bình", "Sở Xây dựng", "Giám đốc")].props.get("former") is True
    assert ("Lê Quang Hải", "Chính phủ", "Thủ tướng") in posts


def test_a_title_before_a_list_applies_to_each_name(run):
    x = run("Tham dự có các Phó Chủ tịch UBND tỉnh Đinh Văn An, Mai Thị Hoa.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Đinh Văn An", "Ủy ban nhân dân tỉnh", "Phó Chủ tịch") in posts
    assert ("Mai Thị Hoa", "Ủy ban nhân dân tỉnh", "Phó Chủ tịch") in posts


def test_trưởng_ban_takes_the_body_named_after_it(run):
    x = run("Trưởng Ban Tổ chức Trung ương Vũ Đức Minh trình bày.")
    assert ("Vũ Đức Minh", "Ban Tổ chức Trung ương", "Trưởng Ban") in rels(x, "HOLDS_POSITION")


def test_byline_is_authored(run):
    x = run("Sáng 3/4, Bộ Y tế tổ chức hội nghị.\nTin và ảnh: Lan Anh")
    assert ("Lan Anh", "t.txt", None) in {(a, b, c) for a, b, c in rels(x, "AUTHORED")} or any(
        r.type == "AUTHORED" for r in x.relations)
    assert "Lan Anh" in names(x, "Person")


def test_acting_title_and_a_chain_that_goes_on_after_hiện_là(run):
    x = run("Ông Trịnh Văn Hòa, quyền Giám đốc Sở Xây dựng, hiện là Phó Trưởng đoàn ĐBQH tỉnh Nghệ An, phát biểu.")
    posts = {(o, r): rel for rel in x.relations if rel.type == "HOLDS_POSITION"
             for o, r in [({e.id: e.name for e in x.entities}[rel.target], rel.props.get("role"))]}
    assert posts[("Sở Xây dựng tỉnh Nghệ An", "Quyền Giám đốc")].props.get("acting") is True
    assert ("Đoàn đại biểu Quốc hội tỉnh Nghệ An", "Phó Trưởng đoàn") in posts


def test_a_bare_name_the_report_writes_as_a_place_is_not_a_person(run):
    x = run(
        "Đoàn công tác thăm cửa khẩu Tân Thanh. Ông Vi Văn Hùng cho biết mục tiêu đưa Tân Thanh "
        "thành cửa khẩu hiện đại. Hoàng Văn Tráng phát biểu."
    )
    assert names(x, "Person") == {"Vi Văn Hùng", "Hoàng Văn Tráng"}


def test_family_names_of_ethnic_minorities_start_a_name(run):
    x = run("Phó Chủ tịch UBND tỉnh Lù Văn Páo phát biểu.")
    assert rels(x, "HOLDS_POSITION") == {("Lù Văn Páo", "Ủy ban nhân dân tỉnh", "Phó Chủ tịch")}


def test_a_name_may_end_in_a_syllable_that_also_heads_a_body(run):
    x = run("Giám đốc Sở Y tế Hoàng Xuân Trường cam kết hỗ trợ.")
    assert names(x, "Person") == {"Hoàng Xuân Trường"}


def test_the_post_a_person_is_given_now(run):
    x = run(
        "Đồng chí Nguyễn Thị Thu Hà, Chủ tịch UBND huyện, được bầu giữ chức Phó Bí thư Huyện ủy. "
        "Ông Lương Văn Toàn, Phó Giám đốc Sở Tư pháp, giữ chức Giám đốc Sở Tư pháp."
    )
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Thị Thu Hà", "Huyện ủy", "Phó Bí thư") in posts
    assert ("Nguyễn Thị Thu Hà", "Ủy ban nhân dân huyện", "Chủ tịch") in posts
    assert {("Lương Văn Toàn", "Sở Tư pháp", r) for r in ("Phó Giám đốc", "Giám đốc")} <= posts
    given = [r for r in x.relations if r.type == "HOLDS_POSITION" and r.props.get("role") == "Phó Bí thư"]
    assert given[0].props.get("newly_appointed") is True


def test_a_short_form_in_brackets_after_a_body_does_not_end_the_title(run):
    x = run("Giám đốc Sở Kế hoạch và Đầu tư (KH&ĐT) Phùng Minh Trí cho biết.")
    assert rels(x, "HOLDS_POSITION") == {("Phùng Minh Trí", "Sở Kế hoạch và Đầu tư", "Giám đốc")}


def test_a_name_that_ends_a_clause_is_whole(run):
    x = run("Tham dự có Bộ trưởng Bộ Kế hoạch và Đầu tư Mai Xuân Trường, Thứ trưởng Bộ Tài chính Lê Văn Hải.")
    assert names(x, "Person") == {"Mai Xuân Trường", "Lê Văn Hải"}


def test_holding_a_post_is_not_being_given_it(run):
    x = run("Ông Nguyễn Văn An giữ chức Chủ tịch UBND tỉnh Nghệ An. "
            "Bà Lê Thị Hoa được bầu giữ chức Phó Chủ tịch HĐND tỉnh.")
    new = {(r.props.get("role"), r.props.get("newly_appointed")) for r in x.relations if r.type == "HOLDS_POSITION"}
    assert new == {("Chủ tịch", None), ("Phó Chủ tịch", True)}


def test_a_two_word_name_after_a_title_is_a_person_not_a_district(run):
    x = run("Ông Lê Hùng, Bí thư Huyện ủy, phát biểu. Chủ tịch UBND huyện Trần Nam cũng dự.")
    assert "Trần Nam" in names(x, "Person") and "Huyện ủy Trần Nam" not in names(x, "Organization")


def test_a_title_set_off_by_a_dash_before_an_honorific_goes_with_the_name(run):
    x = run("Chánh Thanh tra TP Hà Nội - ông Nguyễn Văn Tuấn Dũng có nhiệm vụ tiếp thu mọi thông tin.")
    assert ("Nguyễn Văn Tuấn Dũng", "Thanh tra thành phố Hà Nội", "Chánh Thanh tra") in rels(x, "HOLDS_POSITION")


def test_a_double_given_name_is_the_full_name_it_ends(run):
    x = run("Ông Ngô Văn Tuấn bổ nhiệm bà Trần Vũ Quỳnh Anh. Bà Quỳnh Anh bị khai trừ Đảng.")
    assert names(x, "Person") == {"Ngô Văn Tuấn", "Trần Vũ Quỳnh Anh"}
    # a two-word full name (surname first) stays its own person
    y = run("Ông Nguyễn Văn Tuấn và ông Lê Tuấn dự họp.")
    assert names(y, "Person") == {"Nguyễn Văn Tuấn", "Lê Tuấn"}


def test_a_double_given_name_after_a_middle_name_is_that_person_though_its_first_word_is_a_surname(run):
    x = run("Phó Chủ tịch Quốc hội Nguyễn Thị Kim Hoa phát biểu. Bà Kim Hoa từng là Bộ trưởng Bộ Tài chính.")
    assert names(x, "Person") == {"Nguyễn Thị Kim Hoa"}
    assert ("Nguyễn Thị Kim Hoa", "Bộ Tài chính", "Bộ trưởng") in rels(x, "HOLDS_POSITION")
    # with no middle name the two words may be someone else's full name ("Kim" a surname)
    y = run("Ông Nguyễn Kim Hoa và ông Kim Hoa dự họp.")
    assert names(y, "Person") == {"Nguyễn Kim Hoa", "Kim Hoa"}


def test_a_full_time_deputy_keeps_chuyen_trach_in_the_role(run):
    x = run("Bà Nguyễn Thị Việt Nga, Phó Trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh Hải Dương phát biểu.")
    assert ("Nguyễn Thị Việt Nga", "Đoàn đại biểu Quốc hội tỉnh Hải Dương",
            "Phó Trưởng đoàn chuyên trách") in rels(x, "HOLDS_POSITION")


def test_a_lunar_year_is_no_person(run):
    x = run("Nhân dịp Tết Đinh Dậu, Chủ tịch UBND tỉnh Đinh Văn Thắng thăm hỏi gia đình chính sách.")
    assert names(x, "Person") == {"Đinh Văn Thắng"}


def test_a_title_then_a_dash_then_the_name(run):
    x = run("Thay mặt lãnh đạo tỉnh, Phó Chủ tịch UBND tỉnh Lào Cai - Hoàng Quốc Khánh đã gửi lời chúc mừng.")
    assert ("Hoàng Quốc Khánh", "Ủy ban nhân dân tỉnh Lào Cai", "Phó Chủ tịch") in rels(x, "HOLDS_POSITION")


def test_a_commanders_title_names_the_command_without_its_head_word(run):
    x = run("Thiếu tướng Trần Văn Sơn được điều động giữ chức Tư lệnh Cảnh sát biển.")
    assert ("Trần Văn Sơn", "Bộ Tư lệnh Cảnh sát biển", "Tư lệnh") in rels(x, "HOLDS_POSITION")


def test_the_chief_of_general_staff_and_a_title_word_that_is_also_a_verb(run):
    x = run("Dự hội nghị có Thượng tướng Nguyễn Tân Cương, Ủy viên Trung ương Đảng, "
            "Tổng Tham mưu trưởng QĐND Việt Nam, "
            "Thứ trưởng Bộ Quốc phòng.")
    assert ("Nguyễn Tân Cương", "Quân đội nhân dân Việt Nam", "Tổng Tham mưu trưởng") in rels(x, "HOLDS_POSITION")
    assert not rels(x, "REPORTS_TO")  # "Tham mưu" inside the title is not the verb "tham mưu"


def test_buddhist_monastics_and_the_boards_of_the_sangha(run):
    x = run("Đại đức Thích Thiện Đạo - Trưởng Ban Trị sự Giáo hội Phật giáo huyện Kim Bảng và Đại đức Thích Thanh "
            "Hải - Trưởng Ban trị sự Giáo hội Phật giáo huyện Lý Nhân cho biết.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Thích Thiện Đạo", "Ban Trị sự Giáo hội Phật giáo huyện Kim Bảng", "Trưởng Ban") in posts
    assert ("Thích Thanh Hải", "Ban Trị sự Giáo hội Phật giáo huyện Lý Nhân", "Trưởng Ban") in posts


def test_a_ministers_title_alone_after_the_ministry_in_the_sentence(run):
    x = run("Thay mặt lãnh đạo Bộ Tư pháp, Thứ trưởng Trần Tiến Dũng trao quyết định. "
            "Bộ trưởng Ngoại giao Lào gặp Bộ trưởng Lê Văn Sơn tại Bộ Tư pháp.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trần Tiến Dũng", "Bộ Tư pháp", "Thứ trưởng") in posts
    assert not any(p == "Lê Văn Sơn" for p, _, _ in posts)  # the ministry is named after him: not said


def test_a_photo_credit_then_the_captions_ong_is_not_one_name(run):
    x = run("Ảnh: Nguyễn Huế Ông Hồ Ngọc Linh, Phó trưởng Phòng Kỹ thuật Xăng dầu, "
            "Tập đoàn Xăng dầu Việt Nam cho biết.")
    assert ("Hồ Ngọc Linh", "Phòng Kỹ thuật Xăng dầu", "Phó trưởng Phòng") in rels(x, "HOLDS_POSITION")
    assert not any("Ông" in n for n in names(x, "Person"))


def test_military_commanders_titles_and_services(run):
    x = run("Trung tướng Nguyễn Trọng Bình từng là Phó Tham mưu trưởng Quân chủng Hải quân. "
            "Đại tá Lê Văn Tùng, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Vĩnh Phúc phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Trọng Bình", "Quân chủng Hải quân", "Phó Tham mưu trưởng") in posts
    assert ("Lê Văn Tùng", "Bộ Chỉ huy Quân sự tỉnh Vĩnh Phúc", "Chỉ huy trưởng") in posts


def test_staff_of_a_post_hold_a_post_of_their_own_in_the_principals_body(run):
    x = run("Thủ tướng bổ nhiệm ông Nguyễn Hồng Tuyến giữ chức Trợ lý Thủ tướng Chính phủ. "
            "Ông Lê Văn An, Đặc phái viên của Tổng Bí thư, dự lễ.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Hồng Tuyến", "Chính phủ", "Trợ lý Thủ tướng") in posts
    assert ("Lê Văn An", "Ban Chấp hành Trung ương Đảng", "Đặc phái viên của Tổng Bí thư") in posts
    assert not any(role in ("Thủ tướng", "Tổng Bí thư") for _, _, role in posts)
    # a principal's title that needs its body to say whose names the body in the role too
    y = run("Ông Phạm Thái Hà (phó chủ nhiệm Văn phòng Quốc hội, trợ lý Chủ tịch Quốc hội) bị khởi tố.")
    assert ("Phạm Thái Hà", "Quốc hội", "trợ lý Chủ tịch Quốc hội") in rels(y, "HOLDS_POSITION")


def test_a_party_group_in_a_title_chain_is_the_next_bodys_own(run):
    x = run("Ông Lê Thanh Hùng, Bí thư Ban cán sự đảng, Chủ tịch UBND tỉnh Quảng Ninh bị kỷ luật.")
    assert ("Lê Thanh Hùng", "Ban cán sự đảng Ủy ban nhân dân tỉnh Quảng Ninh", "Bí thư") in rels(x, "HOLDS_POSITION")


def test_a_ministry_named_short_after_a_ministers_title(run):
    x = run("Bộ trưởng Văn hoá Nguyễn Văn Thiệu đăng đàn. Thứ trưởng Kế hoạch Đầu tư Trần Quang Hưng dự. "
            "Thứ trưởng Lao động Lê Văn Quân phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Văn Thiệu", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ trưởng") in posts
    assert ("Trần Quang Hưng", "Bộ Kế hoạch và Đầu tư", "Thứ trưởng") in posts
    assert ("Lê Văn Quân", "Bộ Lao động - Thương binh và Xã hội", "Thứ trưởng") in posts


def test_a_short_ministry_is_named_as_of_the_reports_date():
    from kg.extract import extract
    from kg.model import DocumentInfo

    text = "Bộ trưởng Nông nghiệp Đỗ Văn Duy phát biểu."
    before = extract(text, DocumentInfo(id="a.txt", date="2019-06-01"))
    after = extract(text, DocumentInfo(id="b.txt", date="2025-06-01"))
    assert ("Đỗ Văn Duy", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ trưởng") in rels(before, "HOLDS_POSITION")
    assert ("Đỗ Văn Duy", "Bộ Nông nghiệp và Môi trường", "Bộ trưởng") in rels(after, "HOLDS_POSITION")


def test_a_short_ministry_before_a_foreign_name_is_not_vietnams(run):
    x = run("Dự hội đàm có Bộ trưởng Giao thông Yevgeny Dietrich và Bộ trưởng Thông tin Venezuela Ernesto Villegas.")
    orgs = names(x, "Organization")
    assert "Bộ Giao thông vận tải" not in orgs
    assert "Bộ Thông tin và Truyền thông" not in orgs


def test_a_head_word_inside_a_name_before_one_more_syllable(run):
    x = run("Phó Tổng Thư ký Quốc hội Lê Bộ Lĩnh cho biết. Cục trưởng Phạm Trường Giang phát biểu.")
    assert {"Lê Bộ Lĩnh", "Phạm Trường Giang"} <= names(x, "Person")
    # a known name, an abbreviation or a longer name after the head is still a body
    y = run("Ông Nguyễn Văn An, Bộ Y tế, cho biết. Đoàn Bộ GD - ĐT dự.")
    assert "Bộ Y tế" in names(y, "Organization")
    assert "Đoàn Bộ" not in names(y, "Person")


def test_pho_ban_heads_the_ban_it_names(run):
    x = run("Phó ban Kinh tế trung ương Đinh Văn Thăng chuyển sinh hoạt. Chủ tịch Liên minh hợp tác xã Việt Nam "
            "Võ Văn Cự xin thôi.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Đinh Văn Thăng", "Ban Kinh tế Trung ương", "Phó ban") in posts
    assert ("Võ Văn Cự", "Liên minh Hợp tác xã Việt Nam", "Chủ tịch") in posts


def test_a_title_with_its_body_in_one_abbreviation(run):
    x = run("ĐBQH Nguyễn Văn Tạo (đoàn Lâm Đồng) cũng không đồng tình.")
    assert ("Nguyễn Văn Tạo", "Quốc hội", "Đại biểu") in rels(x, "HOLDS_POSITION")


def test_a_title_before_a_locality_alone_is_a_post_in_its_committee(run):
    x = run("Bí thư tỉnh Vĩnh Phúc Hoàng Thị Lan phát biểu. Phó Chủ tịch huyện Đông Anh Nguyễn Văn An dự. "
            "Bí thư quận 1 Trần Văn Thuận dự.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Hoàng Thị Lan", "Tỉnh ủy Vĩnh Phúc", "Bí thư") in posts
    assert ("Nguyễn Văn An", "Ủy ban nhân dân huyện Đông Anh", "Phó Chủ tịch") in posts
    assert ("Trần Văn Thuận", "Quận ủy quận 1", "Bí thư") in posts
    assert "Vĩnh Phúc" in names(x, "Location")  # the place written in the title is a place of the report
    assert "1" not in names(x, "Location")


def test_a_day_part_after_a_name_is_its_given_name_unless_a_date_follows(run):
    x = run("Chủ tịch UBND tỉnh thăm, tặng quà đồng chí Đỗ Văn Sáng, nguyên Bí thư Thành ủy Phủ Lý.\n"
            "Thủ tướng Phạm Minh Chính Sáng 20/5, Thủ tướng làm việc với Bộ Y tế.")
    assert {"Đỗ Văn Sáng", "Phạm Minh Chính"} <= names(x, "Person")
    assert ("Đỗ Văn Sáng", "Thành ủy Phủ Lý", "Bí thư") in rels(x, "HOLDS_POSITION")
    assert not {n for n in names(x, "Person") if n.endswith("Sáng") and n != "Đỗ Văn Sáng"}


def test_a_bishop_holds_his_post_in_his_diocese_and_his_baptismal_name_is_no_body(run):
    x = run("Bí thư Thành ủy Hà Nội Bùi Thị Minh Hoài chúc mừng Tòa Tổng Giám mục Hà Nội và Tổng Giám mục "
            "Tổng Giáo phận Hà Nội Giuse Vũ Văn Thiên. Bà chúc Tổng Giám mục, Phó Giám mục, các linh mục và "
            "đồng bào Công giáo Tổng Giáo phận Hà Nội một mùa Giáng sinh an lành.")
    orgs = names(x, "Organization")
    assert {"Tòa Tổng Giám mục Hà Nội", "Tổng Giáo phận Hà Nội"} <= orgs
    assert not [o for o in orgs if "Giuse" in o or "mùa" in o]
    assert ("Vũ Văn Thiên", "Tổng Giáo phận Hà Nội", "Tổng Giám mục") in rels(x, "HOLDS_POSITION")
    assert names(x, "Person") == {"Bùi Thị Minh Hoài", "Vũ Văn Thiên"}


def test_a_deputy_without_constituency_in_a_report_on_the_assembly_is_its_deputy(run):
    x = run("Sáng 12/6, Quốc hội thảo luận dự án Luật Giáo dục. Theo đại biểu Phạm Văn Hoà, mỗi trường một bộ sách "
            "sẽ gây khó. Đại biểu Bùi Văn Phương trình bày ý kiến khác.")
    holds = rels(x, "HOLDS_POSITION")
    assert {("Phạm Văn Hòa", "Quốc hội", "Đại biểu"), ("Bùi Văn Phương", "Quốc hội", "Đại biểu")} <= holds


def test_a_deputy_in_a_report_that_names_a_peoples_council_is_not_surely_the_assemblys(run):
    x = run("Sáng 12/6, HĐND tỉnh Nghệ An họp; Quốc hội cũng họp. Theo đại biểu Phạm Văn Hoà, cần thêm vốn.")
    assert not [h for h in rels(x, "HOLDS_POSITION") if h[0] == "Phạm Văn Hòa"]


def test_the_secretary_general_alone_is_the_assemblys_and_a_written_body_wins(run):
    x = run("Tổng Thư ký, Chủ nhiệm Văn phòng Quốc hội Nguyễn Hạnh Phúc báo cáo. Tổng Thư ký Liên hợp quốc "
            "António Guterres phát biểu.")
    holds = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Hạnh Phúc", "Quốc hội", "Tổng Thư ký") in holds
    assert ("Nguyễn Hạnh Phúc", "Văn phòng Quốc hội", "Chủ nhiệm") in holds
    assert not [h for h in holds if h[0] == "António Guterres" and h[1] == "Quốc hội"]


def test_a_sentence_word_ending_the_text_after_a_name_is_no_part_of_it(run):
    x = run("Phát biểu của Thủ tướng Phạm Minh Chính Trong")
    assert names(x, "Person") == {"Phạm Minh Chính"}


def test_a_states_delegation_is_no_person_named_doan(run):
    x = run("Đoàn Nhật Bản do nguyên Thủ tướng Suga Yoshihide dẫn đầu. Đoàn Cộng hòa Ấn Độ viếng Tổng Bí thư. "
            "Ông Đoàn Văn Việt phát biểu.")
    assert names(x, "Person") >= {"Suga Yoshihide", "Đoàn Văn Việt"}
    assert not any(n.startswith("Đoàn ") and n != "Đoàn Văn Việt" for n in names(x, "Person"))
    assert {"Nhật Bản", "Ấn Độ"} <= names(x, "Location")


def test_a_transliterated_name_keeps_its_hyphenated_syllables(run):
    x = run("Nhân chuyến thăm của Tổng thống Nga V.Pu-tin, hai hãng sẽ tổ chức triển lãm. Đồng chí Bun-thoong "
            "Chít-ma-ny, Phó Chủ tịch nước Lào dự. Chủ tịch Triều Tiên Kim Jong-un phát biểu.")
    assert {"V.Pu-tin", "Bun-thoong Chít-ma-ny", "Kim Jong-un"} <= names(x, "Person")


def test_a_bare_title_is_the_one_the_report_writes_with_its_body_and_no_name(run):
    x = run("Bí thư Tỉnh ủy Thừa Thiên Huế và đoàn công tác đã đến thăm chốt biên giới. Tại các chốt, Bí thư Lê "
            "Trường Lưu biểu dương cán bộ.")
    assert ("Lê Trường Lưu", "Tỉnh ủy Thừa Thiên Huế", "Bí thư") in rels(x, "HOLDS_POSITION")
    # not when the report names someone else in that post
    y = run("Bộ trưởng Bộ Giao thông vận tải trả lời chất vấn. Bộ trưởng Bộ Giao thông vận tải (GTVT) Ngô Minh Sơn "
            "trả lời. Bộ trưởng Hà Thị Xuyến cho biết.")
    posts = rels(y, "HOLDS_POSITION")
    assert ("Ngô Minh Sơn", "Bộ Giao thông vận tải", "Bộ trưởng") in posts  # past the short form in brackets
    assert not any(p == "Hà Thị Xuyến" for p, _, _ in posts)


def test_a_hmong_surname_opens_a_name(run):
    x = run("Bộ trưởng Đào Ngọc Dung trao bằng Tổ quốc ghi công cho liệt sĩ Thao Văn Súa, trưởng công an xã.")
    assert "Thao Văn Súa" in names(x, "Person") and "Văn Súa" not in names(x, "Person")


def test_a_title_set_off_from_its_holder_by_a_decisions_words_is_the_holders(run):
    x = run("Cũng tại kỳ họp, đại biểu thống nhất miễn nhiệm Phó Chủ tịch UBND tỉnh Quảng Nam, nhiệm kỳ 2021-2026, "
            "đối với ông Nguyễn Hồng Quang. Theo ông Nam, Chủ tịch UBND thành phố Hà Nội đương nhiệm, ông Nguyễn Thế "
            "Thảo đã có đơn. Thừa ủy quyền của Thủ tướng Chính phủ, bà Phan Mỹ Linh - Thứ trưởng Bộ Xây dựng - đọc.")
    roles = {(p, r) for p, _, r in rels(x, "HOLDS_POSITION")}
    assert {("Nguyễn Hồng Quang", "Phó Chủ tịch"), ("Nguyễn Thế Thảo", "Chủ tịch")} <= roles
    assert ("Phan Mỹ Linh", "Thủ tướng") not in roles  # a comma alone sets off no one


def test_a_ministry_abbreviated_after_its_title_is_that_ministry(run):
    x = run("Ông Cường nói, Bộ trưởng TN-MT Trần Thị Hoa khi được giới thiệu đã trả lời. Thứ trưởng NN&MT Phạm "
            "Văn Kiên và Thứ trưởng GTVT Lê Đình Hào cùng dự.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trần Thị Hoa", "Bộ Tài nguyên và Môi trường", "Bộ trưởng") in posts
    assert ("Phạm Văn Kiên", "Bộ Nông nghiệp và Môi trường", "Thứ trưởng") in posts
    assert ("Lê Đình Hào", "Bộ Giao thông vận tải", "Thứ trưởng") in posts
    # an abbreviation that names no ministry is not read as one
    y = run("Bộ trưởng UBND Nguyễn Văn Tư phát biểu.")
    assert not any(o.startswith("Bộ Ủy ban") for _, o, _ in rels(y, "HOLDS_POSITION"))


def test_the_head_of_an_investigation_agency_holds_a_post_in_it(run):
    x = run("Ông Nguyễn Văn Long, Thủ trưởng Cơ quan CSĐT Bộ Công an cho biết. Phó Thủ trưởng Cơ quan CSĐT Công an "
            "tỉnh Nghệ An Trần Văn Hải nói. Cục CSGT đã ban hành kế hoạch.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Văn Long", "Cơ quan Cảnh sát điều tra Bộ Công an", "Thủ trưởng") in posts
    assert ("Trần Văn Hải", "Cơ quan Cảnh sát điều tra Công an tỉnh Nghệ An", "Phó Thủ trưởng") in posts
    assert "Cục Cảnh sát giao thông" in names(x, "Organization")  # police abbreviations written out


def test_a_junior_officers_rank_opens_a_name_whatever_its_surname(run):
    x = run("Xe đã va chạm với Trung tá Lao Hoàng Hải, cán bộ Phòng CSGT Công an tỉnh Thái Nguyên. Đại úy Lò Văn Hùng "
            "cho biết.")
    people = names(x, "Person")
    assert {"Lao Hoàng Hải", "Lò Văn Hùng"} <= people and "Hoàng Hải" not in people


def test_a_known_bodys_name_in_lower_case_ends_a_name_and_a_continent_is_a_place(run):
    x = run("Trình Quốc hội dự Luật cảnh sát biển, Bộ Quốc phòng cho biết. Nền kinh tế lớn nhất Châu Á hiện nay. "
            "Ông Lê Quốc Hội phát biểu.")
    people = names(x, "Person")
    assert "Trình Quốc" not in people and "Châu Á" not in people and "Lê Quốc Hội" in people


def test_a_rank_after_a_title_and_a_comma_names_its_holder(run):
    x = run("Thứ trưởng Bộ Quốc phòng, thượng tướng Lê Chiêm trình bày trước Ủy ban Thường vụ Quốc hội. Thừa ủy "
            "quyền của Thủ tướng, bà Nguyễn Thị Hà - Thứ trưởng Bộ Nội vụ trao quyết định.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Chiêm", "Bộ Quốc phòng", "Thứ trưởng") in posts
    assert not any(p == "Nguyễn Thị Hà" and o == "Chính phủ" for p, o, _ in posts)  # "ông/bà" after a comma: no


def test_elected_by_trung_cu_after_a_name_and_streets_named_after_people(run):
    x = run("Với 53/58 phiếu đồng ý, ông Nguyễn Long Hải, nguyên Bí thư Trung ương Đoàn khoá X đã trúng cử chức danh "
            "Phó chủ tịch UBND tỉnh Lạng Sơn. Giàn hoa giấy tại khu vực đường Trường Chinh - Trần Đại Cang - Bà Triệu "
            "bị cưa hạ.")
    assert ("Nguyễn Long Hải", "Ủy ban nhân dân tỉnh Lạng Sơn", "Phó chủ tịch") in rels(x, "HOLDS_POSITION")
    assert "Trần Đại Cang" not in names(x, "Person") and "Trường Chinh" not in names(x, "Organization")


def test_a_deputy_ministers_bare_title_is_of_the_reports_one_ministry_a_ministers_is_not(run):
    x = run("Bộ Tài chính họp báo\n05/03/2024\n\nChiều 5/3, Bộ Tài chính tổ chức họp báo về chính sách thuế. "
            "Tại buổi họp báo, Thứ trưởng Lê Văn Khanh cho biết thu ngân sách tăng. "
            "Bộ trưởng Đỗ Minh Tâm cũng đề nghị sớm sửa đổi luật.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Văn Khanh", "Bộ Tài chính", "Thứ trưởng") in posts
    # a minister, named bare in any report, may be of another ministry
    assert not any(p == "Đỗ Minh Tâm" for p, _, _ in posts)


def test_a_post_written_with_no_name_is_not_given_to_each_of_a_list_under_the_bare_title(run):
    x = run("Bộ trưởng Y tế được yêu cầu sớm sửa đổi quy định. Từ trái qua các bộ trưởng Lê Văn An, "
            "Trần Văn Bình và Phạm Thị Cúc.")
    assert not rels(x, "HOLDS_POSITION")
    # one bare title: the one post of that title the report writes is that person's
    y = run("Bộ trưởng Y tế được yêu cầu sớm sửa đổi quy định. Bộ trưởng Lê Văn An tiếp thu ý kiến.")
    assert ("Lê Văn An", "Bộ Y tế", "Bộ trưởng") in rels(y, "HOLDS_POSITION")


def test_a_title_after_an_objects_name_and_a_verb_of_speech_is_the_next_clauses_subject(run):
    x = run("Trao quyết định thăng hàm cho đồng chí Lê Văn Nam, Chủ tịch nước nêu rõ đây là niềm vinh dự.")
    assert not any(p == "Lê Văn Nam" for p, _, _ in rels(x, "HOLDS_POSITION"))
    # the subject's own titles after a comma still go with the name
    y = run("Ông Lê Văn Nam, Chủ tịch UBND tỉnh Nghệ An, cho biết tỉnh đã hoàn thành.")
    assert ("Lê Văn Nam", "Ủy ban nhân dân tỉnh Nghệ An", "Chủ tịch") in rels(y, "HOLDS_POSITION")


def test_a_post_sought_is_not_held(run):
    x = run("Hội nghị tiếp xúc cử tri với người ứng cử đại biểu Quốc hội khóa XVI, gồm ông Lê Văn Nam và bà "
            "Trần Thị Hoa. Đại biểu Quốc hội Phạm Văn Bình dự.")
    posts = rels(x, "HOLDS_POSITION")
    assert not any(p in ("Lê Văn Nam", "Trần Thị Hoa") for p, _, _ in posts)
    assert ("Phạm Văn Bình", "Quốc hội", "Đại biểu") in posts


def test_a_name_after_a_word_of_a_locality_is_the_places(run):
    x = run("Đại biểu Lê Văn Khuê (đoàn TP. Hồ Chí Minh) cho rằng. Vị đại biểu đoàn TP. Hồ Chí Minh phân tích. "
            "Vụ việc xảy ra tại xã Phạm Văn Hai, huyện Bình Chánh.")
    assert names(x, "Person") == {"Lê Văn Khuê"}
    assert "Đoàn đại biểu Quốc hội Thành phố Hồ Chí Minh" in names(x, "Organization")
    # a title's place comes before its holder's name
    y = run("Phó chủ tịch tỉnh Lê Hồng Minh trao quyết định.")
    assert "Lê Hồng Minh" in names(y, "Person")


def test_titles_written_before_of_and_their_holder_are_the_holders_but_not_a_staff_title(run):
    x = run("Ban Bí thư quyết định cách chức các chức vụ Phó Bí thư Tỉnh ủy, Bí thư Tỉnh ủy Hà Tĩnh của ông Võ "
            "Văn Cường. Thư ký của ông Nguyễn Văn Bình là bà Lê Thị Hoa.")
    posts = rels(x, "HOLDS_POSITION")
    assert {("Võ Văn Cường", "Tỉnh ủy Hà Tĩnh", "Bí thư"), ("Võ Văn Cường", "Tỉnh ủy Hà Tĩnh", "Phó Bí thư")} <= posts
    assert not any(who == "Nguyễn Văn Bình" for who, _, _ in posts)  # his secretary's title is not his


def test_a_post_given_after_two_coordinated_people_is_given_to_both(run):
    x = run("Với đa số phiếu, ông Võ Văn Hòa và ông Ngô Minh Châu đã trở thành Phó Chủ tịch UBND tỉnh Long An. "
            "Trung tướng Thái Văn Ngọc (bên trái) và Trung tướng Nguyễn Quang Tuấn được bổ nhiệm giữ chức Phó Tổng "
            "Tham mưu trưởng Quân đội nhân dân Việt Nam.")
    posts = {(p, o) for p, o, _ in rels(x, "HOLDS_POSITION")}
    assert {("Võ Văn Hòa", "Ủy ban nhân dân tỉnh Long An"), ("Ngô Minh Châu", "Ủy ban nhân dân tỉnh Long An"),
            ("Thái Văn Ngọc", "Quân đội nhân dân Việt Nam"),
            ("Nguyễn Quang Tuấn", "Quân đội nhân dân Việt Nam")} <= posts


def test_a_team_and_its_leader_are_a_body_and_a_title_and_a_pronoun_is_no_name(run):
    x = run("Ông Ngô Minh Tâm sinh năm 1964. Ông từng giữ chức Phó Đội trưởng Đội An ninh Nhân dân Công an quận 8. "
            "Ông Triệu Văn Thành, Chi cục trưởng Chi cục Thủy lợi tỉnh Bắc Kạn, dự. Thượng tướng Hoàng Văn Đức - "
            "Thứ trưởng Bộ Quốc phòng, Tổ trưởng Tổ Công tác liên ngành - chủ trì buổi lễ.")
    # no "Phó Đội", "Đội An" or "Tổ Công": a team's head word starts a body
    assert names(x, "Person") == {"Ngô Minh Tâm", "Triệu Văn Thành", "Hoàng Văn Đức"}
    posts = {(p, r) for p, _, r in rels(x, "HOLDS_POSITION")}
    assert {("Ngô Minh Tâm", "Phó Đội trưởng"), ("Triệu Văn Thành", "Chi cục trưởng"), ("Hoàng Văn Đức", "Tổ trưởng"),
            ("Hoàng Văn Đức", "Thứ trưởng")} <= posts
    assert not any("Ông" in e.aliases for e in x.entities if e.type == "Person")


def test_a_lower_case_title_set_off_from_its_holder_by_doi_voi_is_the_holders(run):
    x = run("Thủ tướng Chính phủ phê chuẩn kết quả miễn nhiệm chủ tịch UBND tỉnh Hậu Giang nhiệm kỳ 2016 - 2021 đối "
            "với ông Lữ Văn Hưng.")
    assert ("Lữ Văn Hưng", "Ủy ban nhân dân tỉnh Hậu Giang") in {(p, o) for p, o, _ in rels(x, "HOLDS_POSITION")}


def test_titles_after_a_semicolon_stay_with_the_name_before_unless_a_name_follows_them(run):
    x = run("Về phía tỉnh có đồng chí Nguyễn Nam Đình - Ủy viên Ban Thường vụ Tỉnh ủy Nghệ An; Phó Chủ tịch Thường "
            "trực HĐND tỉnh Nghệ An; Võ Thị Minh Sinh - Ủy viên Ban Thường vụ Tỉnh ủy Nghệ An.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Nam Đình", "Hội đồng nhân dân tỉnh Nghệ An", "Phó Chủ tịch Thường trực") in posts
    assert not any(p == "Võ Thị Minh Sinh" and o.startswith("Hội đồng") for p, o, _ in posts)
    y = run("Tham dự có ông Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An; Chủ tịch UBND tỉnh Nguyễn Văn Bình.")
    assert ("Nguyễn Văn Bình", "Ủy ban nhân dân tỉnh Nghệ An", "Chủ tịch") in rels(y, "HOLDS_POSITION")
    assert not any(p == "Nguyễn Văn An" and o.startswith("Ủy ban") for p, o, _ in rels(y, "HOLDS_POSITION"))


def test_titles_after_a_staff_post_are_its_principals(run):
    x = run("Ông Nguyễn Văn An, Trợ lý Thủ tướng Phạm Minh Chính, phát biểu. Trung tướng Tô Ân Xô làm Trợ lý Tổng Bí "
            "thư, Chủ tịch nước Tô Lâm.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Văn An", "Chính phủ", "Trợ lý Thủ tướng") in posts
    assert ("Phạm Minh Chính", "Chính phủ", "Thủ tướng") in posts
    assert ("Tô Lâm", "Ban Chấp hành Trung ương Đảng", "Tổng Bí thư") in posts
    assert not any(p == "Tô Ân Xô" and r == "Chủ tịch nước" for p, _, r in posts)
    # a member's title first: the principal's main post follows, which the staff member assists in
    y = run("Ban Bí thư bổ nhiệm Đại tá Trần Đăng Quỳnh, Trợ lý Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an giữ chức "
            "vụ Trợ lý Tổng Bí thư.")
    mine = {(o, r) for p, o, r in rels(y, "HOLDS_POSITION") if p == "Trần Đăng Quỳnh"}
    assert ("Bộ Công an", "Trợ lý Bộ trưởng") in mine and ("Bộ Công an", "Bộ trưởng") not in mine
    # an ordinary title after the staff post is the staff member's own
    z = run("Ông Nguyễn Văn An, Trợ lý Thủ tướng, Vụ trưởng Vụ Tổng hợp phát biểu.")
    assert ("Nguyễn Văn An", "Vụ Tổng hợp", "Vụ trưởng") in rels(z, "HOLDS_POSITION")


def test_titles_opening_a_sentence_before_a_comma_and_an_honorific_are_the_named_persons(run):
    x = run("Nguyên Phó chủ nhiệm Ủy ban Kinh tế của Quốc hội, ông Nguyễn Văn Phúc cho rằng cần thí điểm.")
    assert ("Nguyễn Văn Phúc", "Ủy ban Kinh tế của Quốc hội", "Phó chủ nhiệm") in rels(x, "HOLDS_POSITION")
    # elsewhere the titles are another person's: the object of the clause before
    y = run("Ông Trần Văn Sơn gặp Bộ trưởng Bộ Y tế, ông Nguyễn Văn An cho biết.")
    assert not any(p == "Nguyễn Văn An" for p, _, _ in rels(y, "HOLDS_POSITION"))


def test_titles_after_a_deputys_constituency_in_brackets_are_the_deputys(run):
    x = run("Đại biểu Nguyễn Thanh Hồng (Bình Dương), Ủy viên Thường trực Ủy ban Quốc phòng và An ninh, chất vấn.")
    assert ("Nguyễn Thanh Hồng", "Ủy ban Quốc phòng và An ninh của Quốc hội", "Ủy viên Thường trực") in rels(
        x, "HOLDS_POSITION")


def test_phat_is_a_given_name_and_only_phat_bieu_runs_a_caption_into_a_sentence(run):
    assert "Cao Đức Phát" in names(run("Ông Cao Đức Phát trả lời chất vấn."), "Person")
    assert "Phạm Minh Chính" in names(run("Thủ tướng Phạm Minh Chính Phát biểu tại hội nghị, ông nhấn mạnh."), "Person")


def test_a_street_named_after_a_person_behind_a_longer_street_word_is_no_person(run):
    x = run("Người dân du xuân ở đường hoa Nguyễn Huệ dừng chân theo dõi. Xe chạy trên đại lộ Võ Văn Kiệt. "
            "Ông Trần Hưng phát biểu.")
    assert names(x, "Person") == {"Trần Hưng"}


def test_titles_in_a_bracket_after_the_age_or_now_are_the_persons(run):
    x = run("Tháng 7/2015, Chủ tịch UBND huyện Hiệp Đức Nguyễn Văn Tỉnh (nay Bí thư Huyện uỷ) ký quyết định. "
            "HĐND xã Thắng Thuỷ phê chuẩn ông Nguyễn Văn Cường (43 tuổi, phó bí thư Đảng uỷ xã) giữ chức chủ tịch.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Văn Tỉnh", "Huyện ủy Hiệp Đức", "Bí thư") in posts
    assert ("Nguyễn Văn Cường", "Đảng ủy xã Thắng Thủy", "Phó bí thư") in posts


def test_a_name_ends_where_a_spaced_dash_sets_off_its_titles(run):
    # "Chính - Ủy viên": the given name, then the titles; no "Chính ủy" (political commissar) across the dash
    x = run("Bộ Chính trị điều động ông Mai Văn Chính - Ủy viên Ban Chấp hành Trung ương Đảng - làm Phó Trưởng ban. "
            "Đại tá Nguyễn Văn An, Chính ủy Sư đoàn 5, phát biểu.")
    assert names(x, "Person") == {"Mai Văn Chính", "Nguyễn Văn An"}
    assert ("Nguyễn Văn An", "Sư đoàn 5", "Chính ủy") in rels(x, "HOLDS_POSITION")


def test_a_chain_of_titles_goes_on_past_the_term_written_with_a_post(run):
    x = run("Cũng với những vi phạm trên, ông Phùng Quang Hùng - phó bí thư Tỉnh uỷ nhiệm kỳ 2010-2015, chủ tịch UBND "
            "tỉnh Vĩnh Phúc nhiệm kỳ 2011-2016, bị khai trừ.")
    posts = {(b, r) for _, b, r in rels(x, "HOLDS_POSITION")}
    assert {("Tỉnh ủy Vĩnh Phúc", "Phó bí thư"), ("Ủy ban nhân dân tỉnh Vĩnh Phúc", "Chủ tịch")} <= posts


def test_in_charge_is_part_of_a_title_before_its_body_not_before_a_field(run):
    x = run("Ông Nguyễn Nho Trung, Phó chủ tịch phụ trách HĐND TP Đà Nẵng, được giới thiệu. Ông Vũ Văn Ninh, Phó thủ "
            "tướng phụ trách đổi mới doanh nghiệp, bị kỷ luật.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Nho Trung", "Hội đồng nhân dân thành phố Đà Nẵng", "Phó chủ tịch phụ trách") in posts
    assert ("Vũ Văn Ninh", "Chính phủ", "Phó thủ tướng") in posts


def test_a_title_that_begins_the_name_of_its_body(run):
    x = run("Sáng 5/3/2024, Phó Tổng Kiểm toán nhà nước Trần Minh Khương và Tổng Kiểm toán Nhà nước Ngô Văn Tuấn dự.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trần Minh Khương", "Kiểm toán nhà nước", "Phó Tổng Kiểm toán") in posts
    assert ("Ngô Văn Tuấn", "Kiểm toán nhà nước", "Tổng Kiểm toán") in posts


def test_a_deputy_spokesperson_without_viên(run):
    x = run("Chiều 29/4/2021, Phó Phát ngôn Bộ Ngoại giao Việt Nam Đoàn Khắc Việt trả lời câu hỏi của phóng viên.")
    assert names(x, "Person") == {"Đoàn Khắc Việt"}  # no "Phó Phát"
    assert ("Đoàn Khắc Việt", "Bộ Ngoại giao", "Phó Phát ngôn") in rels(x, "HOLDS_POSITION")


def test_a_local_title_before_a_bare_province_is_a_post_in_its_committee(run):
    x = run("Ngày 5/3/2019, Bí thư Long An Đỗ Hữu Lâm phát biểu. Chủ tịch Hồ Chí Minh đã dạy. Nguyên Phó bí thư Đà "
            "Nẵng Nguyễn Xuân Anh và Chủ tịch Hà Nội Chu Ngọc Anh dự.")
    posts = rels(x, "HOLDS_POSITION")
    assert {("Đỗ Hữu Lâm", "Tỉnh ủy Long An", "Bí thư"), ("Nguyễn Xuân Anh", "Thành ủy Đà Nẵng", "Phó bí thư"),
            ("Chu Ngọc Anh", "Ủy ban nhân dân thành phố Hà Nội", "Chủ tịch")} <= posts
    assert not {p for p in posts if p[0] == "Hồ Chí Minh"}  # a person's name, no city


def test_titles_after_an_age_in_brackets(run):
    x = run("Ngày 5/3/2019, trong đó ông Nguyễn Bá Cảnh (32 tuổi), Bí thư Thành đoàn Đà Nẵng, là người trẻ nhất.")
    assert ("Nguyễn Bá Cảnh", "Thành đoàn Đà Nẵng", "Bí thư") in rels(x, "HOLDS_POSITION")


def test_a_local_title_before_its_bare_level_and_a_name_and_dak_spellings(run):
    x = run("Ngày 24/6/2019, Sở Nội vụ công bố quyết định của Chủ tịch UBND tỉnh Sơn La. Phó chủ tịch tỉnh Lê Hồng "
            "Minh trao quyết định. Bí thư Huyện ủy Đăk Đoa Nguyễn Hữu Thọ cho biết.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Hồng Minh", "Ủy ban nhân dân tỉnh Sơn La", "Phó chủ tịch") in posts  # the report's province
    assert ("Nguyễn Hữu Thọ", "Huyện ủy Đak Đoa", "Bí thư") in posts  # (the admin data writes "Đak")


def test_the_head_of_a_local_police_is_its_truong_in_any_case(run):
    x = run("Ông Lê Văn Tư, Trưởng công an thị trấn Nông Cống, bị khai trừ. Phó Trưởng Công an huyện Như Thanh "
            "Hà Văn Năm cho biết.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Văn Tư", "Công an thị trấn Nông Cống", "Trưởng") in posts
    assert ("Hà Văn Năm", "Công an huyện Như Thanh", "Phó Trưởng") in posts


def test_an_office_chiefs_body_written_after_the_title_is_the_office_it_serves(run):
    x = run("Ông Lê Đình Hòa được bổ nhiệm làm chánh văn phòng sở Tài chính Nghệ An.")
    assert ("Lê Đình Hòa", "Văn phòng Sở Tài chính tỉnh Nghệ An", "chánh văn phòng") in {
        (a, b, r.lower()) for a, b, r in rels(x, "HOLDS_POSITION")}
    assert ("Văn phòng Sở Tài chính tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An", None) in rels(x, "PART_OF")
    y = run("Ông Lê Đình Hòa, Chánh Văn phòng Trung ương Đảng, phát biểu.")
    assert ("Lê Đình Hòa", "Văn phòng Trung ương Đảng", "Chánh Văn phòng") in rels(y, "HOLDS_POSITION")


def test_an_institute_written_in_lower_case_after_its_heads_title(run):
    x = run("PGS Trần Văn Lâm (Viện trưởng viện Những vấn đề phát triển) cho biết. Thiếu tướng Hồ Văn Bảy, "
            "nguyên Viện trưởng viện Nghiên cứu Chiến lược, phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trần Văn Lâm", "Viện Những vấn đề phát triển", "Viện trưởng") in posts
    assert ("Hồ Văn Bảy", "Viện Nghiên cứu Chiến lược", "Viện trưởng") in posts
    assert not names(run("Bộ trưởng viện dẫn Điều 5 của Luật Đất đai."), "Organization") - {"Bộ"}
