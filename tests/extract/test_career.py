"""Career statements: posts given to the person a sentence is about, not written next to the name."""

from tests.extract.conftest import names, rels


def _post(x, person: str, org: str, role: str):
    names = {e.id: e.name for e in x.entities}
    return next((r for r in x.relations if r.type == "HOLDS_POSITION" and names[r.source] == person
                 and names[r.target] == org and r.props.get("role") == role), None)


def test_a_bare_pronoun_stands_for_the_person_last_named(run):
    x = run("Ông Lê Văn Tám sinh năm 1970 tại tỉnh Nghệ An. Từ năm 2010, ông từng giữ chức Giám đốc Sở Tư pháp "
            "tỉnh Nghệ An. Năm 2020 ông được bầu làm bí thư Tỉnh ủy Nghệ An.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Văn Tám", "Sở Tư pháp tỉnh Nghệ An", "Giám đốc") in posts
    assert ("Lê Văn Tám", "Tỉnh ủy Nghệ An", "Bí thư") in posts
    assert _post(x, "Lê Văn Tám", "Sở Tư pháp tỉnh Nghệ An", "Giám đốc").props.get("former") is True


def test_titles_joined_by_roi_share_the_last_body(run):
    x = run("Ông Đỗ Minh Khoa về cơ sở, làm phó bí thư rồi bí thư Huyện ủy Hương Sơn.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Đỗ Minh Khoa", "Huyện ủy Hương Sơn", "Phó bí thư") in posts
    assert ("Đỗ Minh Khoa", "Huyện ủy Hương Sơn", "Bí thư") in posts


def test_a_proposed_post_is_not_held(run):
    x = run("Ban Bí thư giới thiệu bà Hà Thị Mai, Trưởng Ban Dân vận Tỉnh ủy, để bầu giữ chức Chủ tịch HĐND tỉnh.")
    posts = rels(x, "HOLDS_POSITION")
    assert not any(p == "Hà Thị Mai" and role == "Chủ tịch" for p, _, role in posts)


def test_lower_case_titles_after_a_name_between_dashes(run):
    x = run("Ông Trương Văn Lực - ủy viên Bộ Chính trị, bí thư Thành ủy Hải Phòng - chủ trì hội nghị.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trương Văn Lực", "Bộ Chính trị", "Ủy viên") in posts
    assert ("Trương Văn Lực", "Thành ủy Hải Phòng", "Bí thư") in posts


def test_a_title_followed_by_another_name_is_not_the_subjects(run):
    x = run("Ông Phan Văn Hòa cho biết, tiếp đó là Chủ tịch UBND tỉnh Nguyễn Văn Bảy phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert not any(p == "Phan Văn Hòa" for p, _, _ in posts)
    assert ("Nguyễn Văn Bảy", "Ủy ban nhân dân tỉnh", "Chủ tịch") in posts


def test_a_ministry_written_without_its_head_word_after_the_title(run):
    x = run("Nguyên Bộ trưởng Y tế Trần Văn Khải qua đời.")
    assert ("Trần Văn Khải", "Bộ Y tế", "Bộ trưởng") in rels(x, "HOLDS_POSITION")


def test_a_body_whose_head_ends_the_title(run):
    x = run("Phó Tổng Thanh tra Chính phủ Lâm Văn Đông phát biểu.")
    assert ("Lâm Văn Đông", "Thanh tra Chính phủ", "Phó Tổng Thanh tra") in rels(x, "HOLDS_POSITION")


def test_a_known_name_with_its_term_is_not_split_into_a_sub_body(run):
    x = run("Ông Vũ Văn Hải là Ủy viên Ban Chấp hành Trung ương Đảng khóa X.")
    orgs = {e.name for e in x.entities if e.type == "Organization"}
    assert orgs == {"Ban Chấp hành Trung ương Đảng"}


def test_thuong_truc_ban_bi_thu_is_a_post(run):
    x = run("Ông Hà Văn Lương - Ủy viên Bộ Chính trị, Thường trực Ban Bí thư - phát biểu.")
    assert ("Hà Văn Lương", "Ban Bí thư Trung ương Đảng", "Thường trực") in rels(x, "HOLDS_POSITION")
    assert not any(e.name.startswith("Thường trực") for e in x.entities if e.type == "Organization")


def test_a_list_under_a_shared_title_gives_it_to_everyone(run):
    x = run("Hiện Bộ Chính trị có 3 Ủy viên, gồm: Thủ tướng Lò Văn Sinh; Bộ trưởng Công an Mạc Văn Tư "
            "và Bí thư Thành ủy Hà Nội Đàm Thị Hoa.")
    posts = rels(x, "HOLDS_POSITION")
    for person in ("Lò Văn Sinh", "Mạc Văn Tư", "Đàm Thị Hoa"):
        assert (person, "Bộ Chính trị", "Ủy viên") in posts
    assert ("Mạc Văn Tư", "Bộ Công an", "Bộ trưởng") in posts


def test_a_shared_title_list_keeps_its_separator(run):
    x = run("Tham dự có các Phó Chủ tịch Quốc hội: Lê Hữu Tài, Vũ Thị Hạnh; Tổng Thư ký Quốc hội Lê Văn Nam.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Vũ Thị Hạnh", "Quốc hội", "Phó Chủ tịch") in posts
    assert ("Lê Văn Nam", "Quốc hội", "Phó Chủ tịch") not in posts


def test_a_title_without_a_body_takes_the_next_titles_body(run):
    x = run("Ông Lý Văn Cao, Phó Viện trưởng Thường trực, Kiểm sát viên VKSND Tối cao, phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lý Văn Cao", "Viện kiểm sát nhân dân tối cao", "Phó Viện trưởng Thường trực") in posts
    assert ("Lý Văn Cao", "Viện kiểm sát nhân dân tối cao", "Kiểm sát viên") in posts


def test_a_national_assembly_committee_has_its_official_name_and_its_parent(run):
    x = run("Ông Đào Văn Lâm, Phó Chủ nhiệm Ủy ban Quốc phòng và An ninh của Quốc hội, phát biểu.")
    assert ("Đào Văn Lâm", "Ủy ban Quốc phòng và An ninh của Quốc hội", "Phó Chủ nhiệm") in rels(x, "HOLDS_POSITION")
    assert ("Ủy ban Quốc phòng và An ninh của Quốc hội", "Quốc hội", None) in rels(x, "PART_OF")


def test_a_body_before_the_verb_is_the_clauses_subject_not_the_person(run):
    x = run("Ông Lê Văn Tám phát biểu, Văn phòng Trung ương Đảng là cơ quan tham mưu, giúp việc của Ban Bí thư, "
            "Thường trực Ban Bí thư.")
    assert not [p for p in rels(x, "HOLDS_POSITION") if p[0] == "Lê Văn Tám"]


def test_a_body_after_another_verb_leaves_the_person_the_subject(run):
    x = run("Bộ Chính trị chỉ định ông Trần Văn Chín tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy Nghệ An và "
            "giữ chức Phó Bí thư Thường trực Tỉnh ủy Nghệ An.")
    assert ("Trần Văn Chín", "Tỉnh ủy Nghệ An", "Phó Bí thư Thường trực") in rels(x, "HOLDS_POSITION")


def test_a_title_opening_a_sentence_stands_for_its_holder(run):
    x = run("Bộ Chính trị điều động ông Phùng Văn Nhã giữ chức Phó Trưởng Ban Tuyên giáo Trung ương. Tân Phó "
            "Trưởng Ban Tuyên giáo Trung ương là Ủy viên dự khuyết Trung ương Đảng khóa XI.")
    assert ("Phùng Văn Nhã", "Ban Chấp hành Trung ương Đảng", "Ủy viên dự khuyết") in rels(x, "HOLDS_POSITION")


def test_titles_after_a_plural_honorific_are_everyones(run):
    x = run("Trách nhiệm thuộc về các ông Lê Văn Tư, Trần Văn Năm, nguyên Phó Bí thư Thành ủy Hải Phòng.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Văn Tư", "Thành ủy Hải Phòng", "Phó Bí thư") in posts
    assert ("Trần Văn Năm", "Thành ủy Hải Phòng", "Phó Bí thư") in posts


def test_work_at_a_body_opens_a_career_list(run):
    x = run("Bà Lê Thị Hoa từng công tác tại UBND phường 8, Chủ tịch Hội Liên hiệp Phụ nữ quận Tân Bình, "
            "Trưởng Ban Dân vận Quận ủy Tân Bình.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Thị Hoa", "Ban Dân vận Quận ủy Tân Bình", "Trưởng Ban") in posts


def test_a_career_listed_after_trai_qua_or_kinh_qua_is_the_subjects_past(run):
    x = run("Ông Nguyễn Đức Long sinh năm 1959, từng trải qua các vị trí: Phó giám đốc Sở Công Thương,"
            " Bí thư Thành ủy Hạ Long, Phó bí thư Tỉnh ủy Quảng Ninh.")
    got = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Đức Long", "Thành ủy Hạ Long", "Bí thư") in got
    assert {r for _, _, r in got} >= {"Phó giám đốc", "Bí thư", "Phó bí thư"}
    assert all(r.props.get("former") for r in x.relations if r.type == "HOLDS_POSITION")
    y = run("Ông Trần Văn Hải kinh qua nhiều chức vụ như trưởng Ban Dân vận Tỉnh ủy Nghệ An,"
            " chủ tịch UBND tỉnh Nghệ An.")
    assert {("Trần Văn Hải", "Ủy ban nhân dân tỉnh Nghệ An", "Chủ tịch")} <= rels(y, "HOLDS_POSITION")


def test_a_clause_before_its_subject_takes_the_pronoun_of_the_main_clause(run):
    x = run("Ông Trần Thanh Mẫn sinh năm 1962. Sau khi đi luân chuyển làm Bí thư Quận ủy Bình Thủy, năm 2008 ông"
            " trở về làm Phó bí thư Thành ủy Cần Thơ.")
    got = rels(x, "HOLDS_POSITION")
    assert ("Trần Thanh Mẫn", "Quận ủy Bình Thủy", "Bí thư") in got
    assert ("Trần Thanh Mẫn", "Thành ủy Cần Thơ", "Phó bí thư") in got


def test_abbreviated_front_bodies_are_expanded(run):
    x = run("Ông Trần Thanh Mẫn là Phó chủ tịch - Tổng thư ký UBTW MTTQ VN.")
    body = "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"
    assert {("Trần Thanh Mẫn", body, "Phó chủ tịch"), ("Trần Thanh Mẫn", body, "Tổng thư ký")} <= rels(
        x, "HOLDS_POSITION")


def test_a_body_after_duoc_is_the_agent_not_the_subject(run):
    x = run("Năm 2021, ông Trần Văn Quang được Bộ Chính trị điều động làm Bí thư Thành ủy Hải Phòng.")
    assert ("Trần Văn Quang", "Thành ủy Hải Phòng", "Bí thư") in rels(x, "HOLDS_POSITION")


def test_a_biography_after_que_lists_posts_between_semicolons(run):
    x = run("Ông Trần Văn Quang 58 tuổi, quê tỉnh Tây Ninh; thạc sĩ quản lý công; Ủy viên Trung ương Đảng "
            "khóa 12, 13; Đại biểu Quốc hội khóa 14, 15.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trần Văn Quang", "Ban Chấp hành Trung ương Đảng", "Ủy viên") in posts
    assert ("Trần Văn Quang", "Quốc hội", "Đại biểu") in posts


def test_what_a_person_is_reported_to_say_has_a_subject_of_its_own(run):
    x = run("Tổng Thư ký Quốc hội Nguyễn Hạnh Phúc cho biết, tại kỳ họp thứ 6, 2 trường hợp là Chủ tịch nước và Bộ "
            "trưởng bộ Thông tin và Truyền thông do mới bầu. Ông Dũng 55 tuổi, trình độ tiến sĩ, từng là Giám đốc "
            "Sở Giao thông vận tải.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Hạnh Phúc", "Quốc hội", "Tổng Thư ký") in posts
    assert not any(p == "Nguyễn Hạnh Phúc" and r in ("Chủ tịch nước", "Bộ trưởng") for p, _, r in posts)


def test_becoming_and_taking_on_a_post_are_career_statements(run):
    x = run("Ông Phạm Quốc Bảo sinh năm 1975. Năm 2012, ông trở thành Chánh Văn phòng Huyện ủy Yên Mô. "
            "Ông Bảo sau đó đảm nhiệm cương vị Phó Bí thư Thường trực Huyện ủy Kim Sơn.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Phạm Quốc Bảo", "Văn phòng Huyện ủy Yên Mô", "Chánh Văn phòng") in posts
    assert ("Phạm Quốc Bảo", "Huyện ủy Kim Sơn", "Phó Bí thư Thường trực") in posts


def test_a_title_whose_head_word_is_followed_by_a_full_name_names_no_body(run):
    x = run("Lãnh đạo Ban Kinh tế Trung ương gồm Trưởng ban Trần Văn Hòa và bốn phó ban.")
    assert "Trần Văn Hòa" in names(x, "Person")
    assert not any("Trần Văn Hòa" in n for n in names(x, "Organization"))


def test_a_career_list_after_positions_held_such_as(run):
    x = run("Bà Trần Thị Mai sinh năm 1972, từng trải qua các vị trí công tác như: Phó vụ trưởng Vụ Pháp chế, Phó "
            "chánh Văn phòng rồi Chánh văn phòng Bộ Tư pháp. Ông Lê Văn Nam từng đảm nhiệm các chức vụ: Phó bí thư "
            "Tỉnh Đoàn Nghệ An; Bí thư Ban chấp hành Trung ương Đoàn khoá X.")
    posts = rels(x, "HOLDS_POSITION")
    mai = {(org, role) for p, org, role in posts if p == "Trần Thị Mai"}
    assert {("Vụ Pháp chế", "Phó vụ trưởng"), ("Văn phòng Bộ Tư pháp", "Chánh văn phòng"),
            ("Văn phòng Bộ Tư pháp", "Phó chánh Văn phòng")} <= mai
    assert ("Lê Văn Nam", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Bí thư") in posts
    assert not any(p == "Lê Văn Nam" and org == "Ban Chấp hành Trung ương Đảng" for p, org, _ in posts)


def test_a_decision_that_posts_someone_to_a_post_is_held(run):
    x = run("Ban Bí thư quyết định bà Lê Thị Hương thôi giữ chức Phó Bí thư Tỉnh ủy Nam Định để điều động, bổ nhiệm "
            "giữ chức Thứ trưởng Bộ Tư pháp. Tỉnh ủy giới thiệu ông Trần Văn Nam để bầu giữ chức Chủ tịch UBND tỉnh "
            "Nam Định.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Thị Hương", "Bộ Tư pháp", "Thứ trưởng") in posts
    assert not any(p == "Trần Văn Nam" and role == "Chủ tịch" for p, _, role in posts)  # an election to come


def test_a_career_told_as_positions_held(run):
    x = run("Ông Lê Văn Khoa sinh năm 1961, quê ở Điện Bàn, Quảng Nam. Ông từng giữ vị trí Chủ tịch UBND quận 5, Phó "
            "giám đốc, Giám đốc Sở Công thương TP HCM.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Văn Khoa", "Ủy ban nhân dân quận 5", "Chủ tịch") in posts
    assert ("Lê Văn Khoa", "Sở Công Thương thành phố Hồ Chí Minh", "Phó giám đốc") in posts


def test_posts_listed_after_where_they_were_held(run):
    x = run("Trước đó, ông Lê Quang Mạnh đảm nhiệm nhiều chức vụ quan trọng tại Bộ Kế hoạch và Đầu tư như: Cục trưởng "
            "Quản lý đăng ký kinh doanh, Vụ trưởng Kinh tế đối ngoại, Vụ trưởng Vụ Kinh tế địa phương và lãnh thổ.")
    posts = rels(x, "HOLDS_POSITION")
    assert {("Lê Quang Mạnh", "Cục Quản lý đăng ký kinh doanh", "Cục trưởng"),
            ("Lê Quang Mạnh", "Vụ Kinh tế đối ngoại", "Vụ trưởng"),
            ("Lê Quang Mạnh", "Vụ Kinh tế địa phương và lãnh thổ", "Vụ trưởng")} <= posts
    assert ("Vụ Kinh tế đối ngoại", "Bộ Kế hoạch và Đầu tư", None) in rels(x, "PART_OF")
    # a title's name that ends in its capitals before a verb keeps no verb
    y = run("Vụ trưởng Pháp chế cho biết thêm, việc này đúng.")
    assert "Vụ Pháp chế" in names(y, "Organization")


def test_a_career_clause_before_its_subject_named_short_and_its_implied_committee(run):
    x = run("Ông Tất Thành Cang - phó bí thư thường trực Thành uỷ TP. HCM - Ảnh: TT. Ông Cang cũng thiếu trách nhiệm, "
            "buông lỏng lãnh đạo. Ông Cang vi phạm quy định của Thành uỷ về quản lý tài sản.\nTrong thời gian giữ "
            "cương vị thành uỷ viên, uỷ viên UBND TP. HCM, giám đốc Sở Giao thông vận tải TP. HCM, ông Cang đã vi "
            "phạm quy định pháp luật về đất đai.")
    posts = rels(x, "HOLDS_POSITION")
    assert {("Tất Thành Cang", "Thành ủy thành phố Hồ Chí Minh", "Phó bí thư thường trực"),
            ("Tất Thành Cang", "Thành ủy thành phố Hồ Chí Minh", "Thành ủy viên"),
            ("Tất Thành Cang", "Sở Giao thông vận tải thành phố Hồ Chí Minh", "Giám đốc")} <= posts
    orgs = names(x, "Organization")
    assert "Thành ủy Hồ Chí Minh" not in orgs and not any("Ảnh" in o for o in orgs)


def test_elected_to_a_post_written_bau_chuc(run):
    x = run("Ông Nguyễn Thành Phong 53 tuổi, quê tỉnh Bến Tre. Năm 2013, ông Phong được bầu chức Chủ tịch HĐND tỉnh "
            "Bến Tre.")
    assert ("Nguyễn Thành Phong", "Hội đồng nhân dân tỉnh Bến Tre", "Chủ tịch") in rels(x, "HOLDS_POSITION")


def test_the_subject_of_a_passive_takes_the_post_not_its_agent_nor_the_body_it_came_from(run):
    x = run("Ông Võ Văn Hòa sinh năm 1965. Ngày 13/11/2015, ông Võ Văn Hòa được Chủ tịch UBND tỉnh Long An Lê Văn "
            "Quân bổ nhiệm giữ chức vụ Chánh Văn phòng UBND tỉnh Long An. Trước đó, ông được điều động từ Sở Tư pháp "
            "tỉnh Long An về làm Chủ tịch UBND huyện Đức Hòa. Ông được Ủy ban nhân dân tỉnh Long An bổ nhiệm chức "
            "vụ Phó Giám đốc Sở Tư pháp tỉnh Long An.")
    posts = {(p, o, r) for p, o, r in rels(x, "HOLDS_POSITION")}
    assert ("Võ Văn Hòa", "Văn phòng Ủy ban nhân dân tỉnh Long An", "Chánh Văn phòng") in posts
    assert ("Võ Văn Hòa", "Ủy ban nhân dân huyện Đức Hòa", "Chủ tịch") in posts
    assert ("Võ Văn Hòa", "Sở Tư pháp tỉnh Long An", "Phó Giám đốc") in posts
    assert ("Lê Văn Quân", "Ủy ban nhân dân tỉnh Long An", "Chủ tịch") in posts
    assert not any(p == "Lê Văn Quân" and r == "Chánh Văn phòng" for p, _, r in posts)


def test_a_career_list_may_open_after_nhu_and_a_colon(run):
    x = run("Ông Bùi Huy Phương từng giữ các chức vụ như: Phó Chủ tịch, Chủ tịch UBND huyện Tân Uyên; Bí thư Huyện "
            "ủy Tân Uyên. Ông Vũ Hồng Văn đã trải qua nhiều chức vụ công tác: Phó Chính ủy, Phó Tư lệnh Bộ Tư lệnh "
            "Cảnh sát cơ động.")
    posts = {(p, o, r) for p, o, r in rels(x, "HOLDS_POSITION")}
    assert ("Bùi Huy Phương", "Ủy ban nhân dân huyện Tân Uyên", "Phó Chủ tịch") in posts
    assert ("Bùi Huy Phương", "Ủy ban nhân dân huyện Tân Uyên", "Chủ tịch") in posts
    assert ("Vũ Hồng Văn", "Bộ Tư lệnh Cảnh sát cơ động", "Phó Chính ủy") in posts


def test_a_former_post_in_the_subjects_titles_does_not_make_the_new_post_former(run):
    x = run("Ông Nguyễn Mạnh Hùng, nguyên Bộ trưởng Bộ Thông tin và Truyền thông, được Quốc hội phê chuẩn bổ nhiệm "
            "làm Bộ trưởng Bộ Khoa học và Công nghệ.")
    former = {x_.target: x_.props.get("former") for x_ in x.relations if x_.type == "HOLDS_POSITION"}
    by_name = {e.id: e.name for e in x.entities}
    assert {by_name[t]: bool(f) for t, f in former.items()} == {
        "Bộ Thông tin và Truyền thông": True, "Bộ Khoa học và Công nghệ": False}


def test_the_person_a_successor_replaces_is_no_agent_of_the_successors_passive(run):
    x = run("Ông Lê Phước Thanh được bầu làm Bí thư Tỉnh ủy Quảng Nam thay ông Nguyễn Đức Hải được điều động làm Phó "
            "chủ nhiệm Ủy ban Kiểm tra Trung ương.")
    posts = {(p, o) for p, o, _ in rels(x, "HOLDS_POSITION")}
    assert ("Nguyễn Đức Hải", "Ủy ban Kiểm tra Trung ương") in posts
    assert ("Lê Phước Thanh", "Ủy ban Kiểm tra Trung ương") not in posts
    # an agent between "được" and the verb still is one
    y = run("Ông Nguyễn Văn An được Chủ tịch UBND tỉnh Nghệ An Trần Văn Bình bổ nhiệm giữ chức Giám đốc Sở Y tế.")
    assert ("Nguyễn Văn An", "Giám đốc") in {(p, r) for p, _, r in rels(y, "HOLDS_POSITION")}


def test_a_body_after_duoc_is_the_agent_of_a_passive_not_the_clauses_subject(run):
    x = run("Ông Đinh Văn Thu sinh năm 1959. Ông Thu còn được các đại biểu của Ban Thường vụ Tỉnh ủy Quảng Nam bầu làm "
            "Phó Bí thư Tỉnh ủy Quảng Nam.")
    assert ("Đinh Văn Thu", "Tỉnh ủy Quảng Nam", "Phó Bí thư") in rels(x, "HOLDS_POSITION")


def test_a_post_elected_to_by_its_title_word_chuc_danh(run):
    x = run("Ông Đinh Văn Thu được bầu làm Chủ tịch UBND tỉnh Quảng Nam. Ngoài ra, ông Thu còn được các đại biểu của "
            "Ban thường vụ Tỉnh uỷ Quảng Nam bầu bổ sung chức danh Phó bí thư Tỉnh uỷ. Chiều 15/6, ông Phạm Minh "
            "Chính xác nhận việc tạm dừng bầu chức danh Phó chủ tịch UBND tỉnh với ông Trịnh Xuân Thanh.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Đinh Văn Thu", "Tỉnh ủy Quảng Nam", "Phó bí thư") in posts
    # the one who confirms an election is not the one elected
    assert not any(a == "Phạm Minh Chính" and r == "Phó chủ tịch" for a, _, r in posts)


def test_a_post_elected_to_with_its_holders_listed_after_doi_voi_cac_ong(run):
    x = run("HĐND tỉnh bầu chức danh Ủy viên UBND tỉnh Bình Định đối với các ông: Trần Văn Sang, Cao Thanh Thương.")
    members = {a for a, b, r in rels(x, "HOLDS_POSITION") if r == "Ủy viên"}
    assert members == {"Trần Văn Sang", "Cao Thanh Thương"}


def test_posts_a_person_is_relieved_of_and_moved_to(run):
    x = run("Chiều 27-10, ông Đỗ Đức Duy, chủ tịch UBND tỉnh Yên Bái, xác nhận ông Phạm Sỹ Quý bị kỷ luật cảnh cáo, "
            "cho thôi chức giám đốc Sở TN - MT, điều về làm phó văn phòng HĐND tỉnh. Đối với ông Phạm Sỹ Quý, tỉnh "
            "áp dụng hình thức kỷ luật cảnh cáo, cho thôi các chức vụ bí thư Đảng uỷ Sở TN - MT.")
    posts = {(b, r) for a, b, r in rels(x, "HOLDS_POSITION") if a == "Phạm Sỹ Quý"}
    assert ("Văn phòng Hội đồng nhân dân tỉnh Yên Bái", "Phó văn phòng") in posts
    assert any(r.lower() == "bí thư" for _, r in posts)


def test_posts_a_person_is_dismissed_or_relieved_from_were_held(run):
    x = run("Ông Phan Văn Lộc bị cách chức Phó Bí thư Huyện ủy Đức Thọ, Ủy viên Ban Thường vụ Huyện ủy.")
    assert ("Phan Văn Lộc", "Huyện ủy Đức Thọ", "Phó Bí thư") in rels(x, "HOLDS_POSITION")
    assert _post(x, "Phan Văn Lộc", "Huyện ủy Đức Thọ", "Phó Bí thư").props.get("former") is True
    y = run("Ủy ban Kiểm tra Trung ương thi hành kỷ luật bà Lê Thị Hồng bằng hình thức cách chức Giám đốc "
            "Sở Công Thương tỉnh Quảng Trị.")
    assert ("Lê Thị Hồng", "Sở Công Thương tỉnh Quảng Trị", "Giám đốc") in rels(y, "HOLDS_POSITION")
    z = run("Ông Đỗ Văn Sáu bị miễn nhiệm chức Phó Chủ tịch UBND huyện Kỳ Anh.")
    assert _post(z, "Đỗ Văn Sáu", "Ủy ban nhân dân huyện Kỳ Anh", "Phó Chủ tịch").props.get("former") is True


def test_a_member_title_of_a_bare_level_committee_is_of_the_one_the_report_named(run):
    x = run("Ông Lê Văn Phúc từng là Phó Bí thư Thành ủy Đà Nẵng. Hiện ông Lê Văn Phúc vẫn là thành ủy viên.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Văn Phúc", "Thành ủy Đà Nẵng", "Thành ủy viên") in posts
    assert not [p for p in posts if p[1] == "Thành ủy"]


def test_people_joined_by_va_share_the_post_their_clause_gives(run):
    x = run("Thiếu tướng Lê Văn Bình, Phó Tư lệnh Quân khu 4 và Trung tướng Trần Văn Tâm, Tư lệnh Quân khu 5, cùng "
            "được bổ nhiệm giữ chức Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam.")
    posts = rels(x, "HOLDS_POSITION")
    for who in ("Lê Văn Bình", "Trần Văn Tâm"):
        assert (who, "Quân đội nhân dân Việt Nam", "Phó Tổng Tham mưu trưởng") in posts
    assert ("Lê Văn Bình", "Quân khu 5", "Tư lệnh") not in posts  # each keeps their own titles
    y = run("Ông Hồ Văn Hải, Giám đốc Sở Nội vụ cho biết ông Trần Văn Tâm được bầu làm Phó Chủ tịch UBND tỉnh.")
    assert ("Hồ Văn Hải", "Ủy ban nhân dân tỉnh", "Phó Chủ tịch") not in rels(y, "HOLDS_POSITION")  # no "và"


def test_officials_listed_title_first_share_the_post_after_them(run):
    for join in (" và ", "; "):
        x = run(f"Bộ trưởng Bộ Y tế Trần Thị Lan{join}Bộ trưởng Bộ Công Thương Đỗ Văn Hùng là Phó Trưởng ban Ban Chỉ "
                "đạo liên ngành về an toàn thực phẩm.")
        posts = rels(x, "HOLDS_POSITION")
        for who in ("Trần Thị Lan", "Đỗ Văn Hùng"):
            assert (who, "Ban Chỉ đạo liên ngành về an toàn thực phẩm", "Phó Trưởng ban") in posts, join
    y = run("Ông Trần Văn Lâm, Bí thư; ông Đỗ Văn Hùng là Chủ tịch UBND xã Tân Lập.")
    assert ("Trần Văn Lâm", "Ủy ban nhân dân xã Tân Lập", "Chủ tịch") not in rels(y, "HOLDS_POSITION")


def test_the_source_a_sentence_opens_with_is_not_given_the_post(run):
    x = run("Theo ông Hồ Văn Hải, Giám đốc Sở Nội vụ, ông Trần Văn Tâm được bầu làm Phó Chủ tịch UBND tỉnh Quảng Nam.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trần Văn Tâm", "Ủy ban nhân dân tỉnh Quảng Nam", "Phó Chủ tịch") in posts
    assert ("Hồ Văn Hải", "Ủy ban nhân dân tỉnh Quảng Nam", "Phó Chủ tịch") not in posts
