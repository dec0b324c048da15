"""Reprints (kg.store.reprints): near-duplicates found and linked into stories, whatever the ingest
order and through removals; relations count independent reports."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.model import DocumentInfo, Entity, Evidence, Extraction, Relation
from kg.store import Store, reprints

# One meeting told by two outlets in their own words (A, B); both name the same people and bodies.
A = [
    "Sáng 12/3, tại Hà Nội, Ban Chỉ đạo Trung ương về phòng, chống tham nhũng tổ chức phiên họp thứ 25.",
    "Tổng Bí thư Nguyễn Văn An chủ trì phiên họp, cùng dự có Thường trực Ban Bí thư Trần Minh Bình.",
    "Phiên họp đánh giá kết quả công tác phòng, chống tham nhũng trong quý I và bàn nhiệm vụ thời gian tới.",
    "Theo báo cáo, các cơ quan chức năng đã khởi tố mới 120 vụ án với 340 bị can về tội tham nhũng.",
    "Nhiều vụ án lớn được đưa ra xét xử đúng tiến độ, thu hồi tài sản đạt kết quả tích cực.",
    "Phát biểu kết luận, Tổng Bí thư yêu cầu các cấp ủy tiếp tục siết chặt kỷ luật, kỷ cương hành chính.",
    "Tổng Bí thư nhấn mạnh không có vùng cấm, không có ngoại lệ trong xử lý cán bộ sai phạm.",
    "Ban Chỉ đạo giao Ban Nội chính Trung ương theo dõi, đôn đốc các vụ việc nghiêm trọng, phức tạp.",
    "Các bộ, ngành được yêu cầu rà soát, hoàn thiện thể chế để phòng ngừa tham nhũng từ sớm, từ xa.",
    "Phiên họp cũng thông qua chương trình kiểm tra, giám sát năm nay đối với một số tỉnh ủy, thành ủy.",
    "Trưởng Ban Nội chính Trung ương Lê Thị Cúc báo cáo tiến độ xử lý các vụ án thuộc diện theo dõi.",
    "Kết thúc phiên họp, Ban Chỉ đạo thống nhất lịch làm việc của các đoàn kiểm tra trong tháng tới.",
]
B = [
    "Ngày 12/3, Tổng Bí thư Nguyễn Văn An, Trưởng Ban Chỉ đạo, chủ trì phiên họp thứ 25 của Ban Chỉ đạo.",
    "Dự họp có ông Trần Minh Bình, Thường trực Ban Bí thư, và bà Lê Thị Cúc, Trưởng Ban Nội chính Trung ương.",
    "Quý đầu năm, lực lượng điều tra đã phát hiện, xử lý hàng trăm vụ việc có dấu hiệu vi phạm.",
    "Con số khởi tố tăng so với cùng kỳ, tập trung vào lĩnh vực đất đai, đấu thầu và tài chính ngân hàng.",
    "Người đứng đầu Đảng đề nghị xử lý nghiêm, dứt điểm, tránh để kéo dài gây bức xúc trong dư luận.",
    "Theo ông An, việc thu hồi tiền, tài sản bị chiếm đoạt phải được coi là nhiệm vụ trọng tâm.",
    "Bà Cúc cho biết nhiều địa phương đã chủ động phát hiện sai phạm qua công tác tự kiểm tra.",
    "Một số đoàn công tác sẽ làm việc tại các tỉnh phía Bắc và Tây Nguyên trong tháng tới.",
    "Cuộc họp kéo dài cả buổi sáng với nhiều ý kiến thảo luận sôi nổi, thẳng thắn.",
    "Ban Chỉ đạo cũng nghe báo cáo về việc sửa đổi một số quy định liên quan đến kê khai tài sản.",
]
# another story altogether
C = [
    "Chiều 20/5, Ủy ban nhân dân tỉnh Nghệ An tổ chức hội nghị về chuyển đổi số trong cơ quan nhà nước.",
    "Chủ tịch UBND tỉnh Phạm Văn Dũng chủ trì hội nghị, đại diện các sở, ngành và huyện cùng tham dự.",
    "Năm qua, tỉnh đã đưa vào vận hành trung tâm điều hành thông minh và cổng dịch vụ công trực tuyến.",
    "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình đạt hơn 40%, cao hơn mức bình quân cả nước.",
    "Tuy nhiên, hạ tầng mạng ở một số xã miền núi còn yếu, nhân lực công nghệ thông tin còn thiếu.",
    "Ông Dũng yêu cầu Sở Thông tin và Truyền thông tham mưu kế hoạch đào tạo cán bộ trong quý III.",
    "Các huyện được giao rà soát thủ tục, cắt giảm giấy tờ không cần thiết cho người dân.",
    "Hội nghị cũng ký kết thỏa thuận hợp tác với một doanh nghiệp viễn thông về hạ tầng số.",
]
HEADER = "BÁO ĐIỆN TỬ TIN NHANH | Thời sự | Chính trị | Cập nhật 08:15 ngày 12/3"
FOOTER = ("Bản quyền thuộc Báo điện tử Tin Nhanh. Ghi rõ nguồn khi phát hành lại thông tin từ website này. "
          "Tổng biên tập: Hoàng Văn Em. Giấy phép số 123/GP-BTTTT.")
OTHER_FOOTER = "Theo Cổng thông tin điện tử Chính phủ. Xem thêm tin tức thời sự mới nhất tại chuyên mục Chính trị."
CAPTION = "Tổng Bí thư Nguyễn Văn An phát biểu tại phiên họp. Ảnh: TTXVN"


def text(sentences: list[str], head: str = "", foot: str = "") -> str:
    return "\n".join([*([head] if head else []), *sentences, *([foot] if foot else [])])


def edited(sentences: list[str]) -> list[str]:
    out = list(sentences)
    out[3] = "Theo báo cáo tại phiên họp, cơ quan tố tụng các cấp đã khởi tố mới 120 vụ án với 340 bị can."
    return out


def captioned(sentences: list[str]) -> list[str]:
    return [*sentences[:2], CAPTION, *sentences[2:]]


# (first text, second text, reprint?)
PAIRS = [
    (text(A), text(edited(A)), True),  # a sentence edited
    (text(A), text(captioned(A)), True),  # a photo caption added
    (text(A, HEADER, FOOTER), text(A, "", OTHER_FOOTER), True),  # another outlet's boilerplate
    (text(A, HEADER, FOOTER), text(captioned(edited(A)), "", OTHER_FOOTER), True),  # all of it at once
    (text(A), text(A[:-1]), True),  # the last sentence dropped
    (text(B), text(captioned(B), HEADER, FOOTER), True),
    (text(A), text(B), False),  # two articles about one meeting
    (text(A, HEADER, FOOTER), text(B, HEADER, FOOTER), False),  # ... from one outlet, with its boilerplate
    (text(A), text(C), False),
    (text(B), text(C, HEADER, FOOTER), False),
]


def test_finder_is_perfect_on_the_test_pairs() -> None:
    found = [reprints.similarity(reprints.signature(a), reprints.signature(b)) >= reprints.THRESHOLD
             for a, b, _ in PAIRS]
    truth = [same for _, _, same in PAIRS]
    hits = sum(f and t for f, t in zip(found, truth, strict=True))
    precision, recall = hits / max(1, sum(found)), hits / sum(truth)
    assert (precision, recall) == (1.0, 1.0), list(zip(found, truth, strict=True))


def test_the_bands_are_those_datasketch_chooses() -> None:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=reprints.THRESHOLD, num_perm=reprints.NUM_PERM, weights=reprints.LSH_WEIGHTS)
    assert (lsh.b, lsh.r) == (reprints.BANDS, reprints.ROWS)
    assert list(lsh.hashranges) == reprints._bands()


def test_a_text_without_words_has_no_signature() -> None:
    assert reprints.signature(" \n…") is None
    assert reprints.signature("Hà Nội") is not None  # shorter than a shingle: one shingle


# -- in the store -------------------------------------------------------------------------------

PERSON, BODY = "Nguyễn Văn An", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng"


def report(doc: str, date: str, body: str, confidence: float = 0.8) -> Extraction:
    """A report stating that PERSON holds a post in BODY (its text: `body`)."""
    start = body.find(PERSON)
    ev = [Evidence(doc, max(start, 0), max(start, 0) + len(PERSON), PERSON)]
    entities = [Entity("p", "Person", PERSON, evidence=ev), Entity("o", "Organization", BODY, evidence=ev)]
    relation = Relation("HOLDS_POSITION", "p", "o", {"role": "Trưởng Ban"}, ev, confidence)
    info = DocumentInfo(doc, title=doc, date=date, sha256=hashlib.sha256(body.encode()).hexdigest())
    return Extraction(info, body, entities, [relation])


REPORTS = {
    "tinnhanh-a.txt": ("2024-03-12", text(A, HEADER, FOOTER)),
    "chinhphu-a.txt": ("2024-03-12", text(captioned(edited(A)), "", OTHER_FOOTER)),
    "rss-a.txt": ("2024-03-13", text(A[:-1])),
    "other-b.txt": ("2024-03-12", text(B)),
}


def _stories(store: Store) -> dict[str, str]:
    return {doc: story for doc, story in store.conn.execute("SELECT doc, story FROM stories")}


def _fill(path: Path, order: list[str], confidence: dict[str, float] | None = None) -> Store:
    store = Store.open(path)
    for doc in order:
        date, body = REPORTS[doc]
        store.put(report(doc, date, body, (confidence or {}).get(doc, 0.8)))
    return store


def test_reprints_are_linked_to_the_earliest_report_of_their_story(tmp_path: Path) -> None:
    with _fill(tmp_path / "s", list(REPORTS)) as store:
        assert _stories(store) == {"tinnhanh-a.txt": "chinhphu-a.txt", "chinhphu-a.txt": "chinhphu-a.txt",
                                   "rss-a.txt": "chinhphu-a.txt", "other-b.txt": "other-b.txt"}
        assert store.stats()["reprints"] == 2


@pytest.mark.parametrize("seed", range(4))
def test_stories_do_not_depend_on_the_ingest_order(tmp_path: Path, seed: int) -> None:
    import random

    order = list(REPORTS)
    random.Random(seed).shuffle(order)
    with _fill(tmp_path / "a", list(REPORTS)) as first, _fill(tmp_path / "b", order) as second:
        assert _stories(first) == _stories(second)
        assert [r.to_dict() for r in first.graph().relations] == [r.to_dict() for r in second.graph().relations]


def test_removing_a_report_relinks_its_story(tmp_path: Path) -> None:
    with _fill(tmp_path / "s", list(REPORTS)) as store:
        assert store.remove("chinhphu-a.txt")
        assert _stories(store) == {"tinnhanh-a.txt": "tinnhanh-a.txt", "rss-a.txt": "tinnhanh-a.txt",
                                   "other-b.txt": "other-b.txt"}


def test_removing_the_link_between_two_reports_splits_their_story(tmp_path: Path) -> None:
    # X and Z share too little to be one story; Y overlaps both, and holds them together
    long = A + B
    texts = {"x.txt": long[0:12], "y.txt": long[3:15], "z.txt": long[6:18]}
    pairs = {(a, b): reprints.similarity(reprints.signature(text(texts[a])), reprints.signature(text(texts[b])))
             for a, b in (("x.txt", "y.txt"), ("y.txt", "z.txt"), ("x.txt", "z.txt"))}
    assert pairs[("x.txt", "z.txt")] < reprints.THRESHOLD <= min(pairs[("x.txt", "y.txt")], pairs[("y.txt", "z.txt")])
    with Store.open(tmp_path / "s") as store:
        for doc in ("z.txt", "x.txt", "y.txt"):
            store.put(report(doc, "2024-03-12", text(texts[doc])))
        assert set(_stories(store).values()) == {"x.txt"}
        store.remove("y.txt")
        assert _stories(store) == {"x.txt": "x.txt", "z.txt": "z.txt"}


def test_an_edited_report_leaves_its_story(tmp_path: Path) -> None:
    with _fill(tmp_path / "s", ["tinnhanh-a.txt", "rss-a.txt"]) as store:
        store.put(report("rss-a.txt", "2024-03-13", text(C)))
        assert _stories(store) == {"tinnhanh-a.txt": "tinnhanh-a.txt", "rss-a.txt": "rss-a.txt"}


def test_a_relation_counts_independent_reports_and_keeps_all_evidence(tmp_path: Path) -> None:
    with _fill(tmp_path / "s", ["tinnhanh-a.txt", "chinhphu-a.txt", "rss-a.txt"],
               {"tinnhanh-a.txt": 0.6, "chinhphu-a.txt": 0.6, "rss-a.txt": 0.6}) as store:
        (post,) = store.graph().relations
        assert post.props["reports"] == 1  # three reprints of one story
        assert {e.doc for e in post.evidence} == {"tinnhanh-a.txt", "chinhphu-a.txt", "rss-a.txt"}
        assert post.confidence == pytest.approx(0.6)  # no higher than one report of it says
        date, body = REPORTS["other-b.txt"]
        store.put(report("other-b.txt", date, body, 0.6))
        (post,) = store.graph().relations
        assert post.props["reports"] == 2 and len({e.doc for e in post.evidence}) == 4
        (shown,) = store.relations_of(post.source)
        assert shown.props["reports"] == 2
