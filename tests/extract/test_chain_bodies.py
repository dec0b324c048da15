"""The bodies a chain of titles leaves unwritten or bare (kg.extract.chain_bodies)."""

from tests.extract.conftest import rels


def test_an_elided_body_in_a_chain_takes_the_parent_named_later(run):
    x = run("Đồng chí Mai Văn Tâm, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Thành ủy phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Mai Văn Tâm", "Ban Thường vụ Thành ủy", "Ủy viên") in posts
    assert ("Mai Văn Tâm", "Ban Dân vận Thành ủy", "Trưởng Ban") in posts
    # nothing later names a parent: the title stays without a body rather than a made-up one
    y = run("Ông Lê Văn Bình, Ủy viên Ban Thường vụ, Phó Chủ tịch UBND tỉnh phát biểu.")
    assert rels(y, "HOLDS_POSITION") == {("Lê Văn Bình", "Ủy ban nhân dân tỉnh", "Phó Chủ tịch")}


def test_an_elided_party_committee_is_the_one_of_the_body_named_next(run):
    x = run("Thiếu tướng Phạm Đức Minh, Bí thư Đảng ủy, Giám đốc Công an tỉnh Lai Châu phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Phạm Đức Minh", "Đảng ủy Công an tỉnh Lai Châu", "Bí thư") in posts
    assert ("Phạm Đức Minh", "Công an tỉnh Lai Châu", "Giám đốc") in posts


def test_a_companys_board_and_party_committee_in_a_chain_are_the_companys(run):
    # the board's abbreviation is read as the board; its Party committee and a board written alone
    # before the next title are of the company, not of the board
    x = run("Ông Trần Minh Quang, Bí thư Đảng ủy, Chủ tịch HĐQT, Tổng giám đốc Công ty cổ phần Đèn Sáng dự. "
            "Ông Lê Hữu Phúc, Bí thư Đảng ủy, Chủ tịch HĐTV Tổng công ty Cà phê Việt Nam phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trần Minh Quang", "Đảng ủy Công ty cổ phần Đèn Sáng", "Bí thư") in posts
    assert ("Trần Minh Quang", "Hội đồng quản trị Công ty cổ phần Đèn Sáng", "Chủ tịch") in posts
    assert ("Trần Minh Quang", "Công ty cổ phần Đèn Sáng", "Tổng giám đốc") in posts
    assert ("Lê Hữu Phúc", "Đảng ủy Tổng công ty Cà phê Việt Nam", "Bí thư") in posts
    assert ("Lê Hữu Phúc", "Hội đồng thành viên Tổng công ty Cà phê Việt Nam", "Chủ tịch") in posts


def test_committees_a_chain_leaves_bare_are_of_the_body_and_the_place_it_names_later(run):
    x = run("Ông Ngô Minh Tâm hiện là Thiếu tướng, Thành ủy viên, Phó Bí thư Đảng ủy, Chủ nhiệm Ủy ban Kiểm tra "
            "Đảng ủy, Phó Giám đốc Công an TP. HCM.")
    posts = rels(x, "HOLDS_POSITION")
    # a member's title names the city's committee though the report never writes it out
    assert ("Ngô Minh Tâm", "Thành ủy Thành phố Hồ Chí Minh", "Thành ủy viên") in posts
    assert ("Ngô Minh Tâm", "Đảng ủy Công an thành phố Hồ Chí Minh", "Phó Bí thư") in posts
    # the commission of a bare committee is that committee's: no "Đảng ủy Đảng ủy …"
    assert ("Ngô Minh Tâm", "Ủy ban Kiểm tra Đảng ủy Công an thành phố Hồ Chí Minh", "Chủ nhiệm") in posts
    assert not any("Đảng ủy Đảng ủy" in o or "Đảng ủy Ủy ban" in o for _, o, _ in posts)


def test_an_elided_party_committee_of_a_communes_government_is_the_communes(run):
    x = run("Ông Nguyễn Văn An, Bí thư Đảng ủy, Chủ tịch UBND xã Quỳnh Lập phát biểu.")
    assert ("Nguyễn Văn An", "Đảng ủy xã Quỳnh Lập", "Bí thư") in rels(x, "HOLDS_POSITION")


def test_a_bloc_committee_of_a_provinces_bodies_and_a_lower_case_standing_body_in_a_chain(run):
    x = run("Ông Trương Hồ Phúc, Ủy viên Ban thường vụ, trưởng Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh Tiền Giang "
            "bị khiển trách.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trương Hồ Phúc", "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Tiền Giang", "Ủy viên") in posts
    assert ("Trương Hồ Phúc", "Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh Tiền Giang", "Trưởng Ban") in posts
    orgs = {e.name for e in x.entities if e.type == "Organization"}
    assert "Đảng Cộng sản Việt Nam" not in orgs  # the "Đảng" of "Đảng ủy Khối" is no mention of the Party


def test_a_title_that_names_no_body_is_of_the_next_body_written_not_of_a_bare_committee(run):
    x = run("Về thượng tướng Phương Minh Hòa, nguyên bí thư Đảng ủy - chính ủy, nguyên phó bí thư Đảng ủy - tư lệnh "
            "Quân chủng phòng không - không quân, Ban Bí thư nhận thấy ông có vi phạm.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Phương Minh Hòa", "Quân chủng Phòng không - Không quân", "Chính ủy") in posts
    assert ("Phương Minh Hòa", "Đảng ủy Quân chủng Phòng không - Không quân", "Bí thư") in posts
    # "nguyên" before two titles joined by a dash makes both former
    former = {r.props.get("role") for r in x.relations if r.type == "HOLDS_POSITION" and r.props.get("former")}
    assert {"Bí thư", "Chính ủy", "Phó bí thư", "Tư lệnh"} <= former


def test_a_bodys_own_title_before_a_post_in_its_board_is_the_bodys(run):
    x = run("Bị can Nguyễn Thị Như Loan, Tổng giám đốc, cựu Chủ tịch HĐQT Công ty Cổ phần Quốc Cường Gia Lai "
            "bị truy tố.")
    posts = {(b, r) for _, b, r in rels(x, "HOLDS_POSITION")}
    assert ("Công ty cổ phần Quốc Cường Gia Lai", "Tổng giám đốc") in posts
    assert ("Hội đồng quản trị Công ty cổ phần Quốc Cường Gia Lai", "Chủ tịch") in posts


def test_a_party_secretarys_title_before_a_local_government_post_is_the_places_party_committees(run):
    x = run("Ông Nguyễn Văn An, Phó Bí thư, Chủ tịch UBND tỉnh Nghệ An, phát biểu. Ông Trần Văn Bình, Bí thư kiêm Chủ "
            "tịch UBND phường Bến Thành, dự họp.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Văn An", "Tỉnh ủy Nghệ An", "Phó Bí thư") in posts
    assert ("Nguyễn Văn An", "Ủy ban nhân dân tỉnh Nghệ An", "Chủ tịch") in posts
    assert ("Trần Văn Bình", "Đảng ủy phường Bến Thành", "Bí thư") in posts
    # the committee is read from the government body's words, which are no name of it
    committee = next(e for e in x.entities if e.name == "Tỉnh ủy Nghệ An")
    assert "UBND tỉnh Nghệ An" not in committee.aliases


def test_a_local_body_without_a_level_takes_the_level_and_place_of_the_one_before(run):
    x = run("Ông Trần Hữu Lộc, nguyên Bí thư Huyện ủy Vĩnh Lợi, bị kỷ luật. Ông Võ Văn Ba (nguyên Phó chủ tịch "
            "UBND huyện, hiện là phó Bí thư, Chủ tịch HĐND) cũng bị kiểm điểm.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Võ Văn Ba", "Hội đồng nhân dân huyện Vĩnh Lợi", "Chủ tịch") in posts
    assert ("Võ Văn Ba", "Huyện ủy Vĩnh Lợi", "Phó Bí thư") in posts  # a Party title: the place's committee
    assert not any(org == "Hội đồng nhân dân" or (role == "Phó Bí thư" and org.startswith("Hội đồng"))
                   for _, org, role in posts)
