"""What is held but is no meeting: holidays, operations, exams (kg/extract/meeting.py)."""

import pytest

from tests.extract.conftest import names


@pytest.mark.parametrize("text", [
    "Thủ tướng chốt nghỉ 5 ngày dịp lễ 30-4 và 1-5\n\nVăn phòng Chính phủ vừa có văn bản về đề xuất nghỉ 5 ngày "
    "liên tục dịp lễ 30-4 và 1-5 của Bộ Lao động - Thương binh và Xã hội.",
    "Tai nạn giao thông giảm\n\nChiều 8/2, Ủy ban An toàn giao thông Quốc gia thông báo tình hình sau 7 ngày nghỉ lễ.",
    "Phong tỏa thôn Hoàng Xá\n\nSáng 30/4, ông Nguyễn Văn Chuyên cho biết, tối 29/4, huyện đã tiến hành phong "
    "tỏa, phun khử khuẩn toàn bộ thôn Hoàng Xá.",
    "Bổ nhiệm cán bộ trẻ\n\nChiều 26/10, bà Nguyễn Thị Lan cho rằng công tác cán bộ có tổ chức thi tuyển, đào tạo.",
])
def test_a_holiday_an_operation_or_an_exam_is_no_event(run, text):
    assert not names(run(text), "Event")


def test_an_occasions_ceremony_is_still_an_event(run):
    x = run("Nhân dịp Lễ kỷ niệm 70 năm ngày thành lập, Bộ trưởng Nguyễn Văn An đến thăm.")
    assert "Lễ kỷ niệm 70 năm ngày thành lập" in names(x, "Event")


def test_a_counted_noun_in_the_headline_is_no_verb_of_an_event(run):
    # "tổ chức" after a number or a plural word is "organizations", not "to hold"
    x = run("Quân đội đã điều chỉnh trên 5.000 tổ chức\n25/02/2026\n\n"
            "Quân đội nhân dân Việt Nam đã điều chỉnh trên 5.000 tổ chức, ưu tiên quân số cho các đơn vị.")
    assert [e.name for e in x.entities if e.type == "Event"] == []


def test_an_inspection_named_as_a_purpose_was_not_held(run):
    x = run("Bí thư xã bị đình chỉ công tác\n\nChiều ngày 6/8, ông Lê Văn Cảnh, Bí thư Huyện ủy Núi Thành, xác nhận "
            "một Bí thư Đảng ủy xã bị đình chỉ công tác để kiểm tra.")
    assert not names(x, "Event")
    y = run("Đoàn công tác đến Đà Nẵng\n\nNgày 17/7, đoàn công tác Thanh tra Chính phủ đã có mặt tại TP. Đà Nẵng để "
            "làm việc với lãnh đạo thành phố.")
    assert names(y, "Event")  # a visit told by its purpose did take place
