"""Write the hand-made extractions of the three test reports (*.jsonl beside them).

These are what a correct extractor yields for each report (the example report's follows the gold
annotation in ../shared/eval/gold), written by hand so that store, query and export tests do not
depend on the extractor's progress. Evidence offsets are computed here from the texts.

Run from the project root after changing a report or the annotations below:

    .venv/bin/python tests/store/data/build_fixtures.py
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.model import DocumentInfo, Entity, Evidence, Extraction, Relation
from kg.text import sentence_spans

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parents[2] / "data" / "examples" / "vpqh-2019-08-28.txt"

# entity: (local id, type, name, surface forms located in the text, props)
# relation: (type, source, target, role or "", a phrase of the sentence that states it)
REPORTS = {
    "vpqh-2019-08-28.txt": {
        "path": EXAMPLE,
        "date": "2019-08-28",
        "entities": [
            ("P1", "Person", "Trương Xuân Cừ", ["Trương Xuân Cừ"], {}),
            ("P2", "Person", "Nguyễn Đức Thụ", ["Nguyễn Đức Thụ"], {}),
            ("P3", "Person", "Vũ Quang", ["Vũ Quang"], {}),
            (
                "O1",
                "Organization",
                "Đảng ủy Khối các cơ quan Trung ương",
                ["Đảng ủy Khối các cơ quan Trung ương", "Đảng ủy Khối"],
                {},
            ),
            (
                "O2",
                "Organization",
                "Thường trực Đảng ủy Khối các cơ quan Trung ương",
                ["Thường trực Đảng ủy Khối các cơ quan Trung ương"],
                {},
            ),
            ("O3", "Organization", "Văn phòng Quốc hội", ["VPQH"], {}),
            (
                "O4",
                "Organization",
                "Đảng ủy cơ quan Văn phòng Quốc hội",
                ["Đảng ủy cơ quan Văn phòng Quốc hội", "Đảng ủy cơ quan VPQH"],
                {},
            ),
            (
                "O5",
                "Organization",
                "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội",
                ["Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội"],
                {},
            ),
            ("O6", "Organization", "Quốc hội", ["QH"], {}),
            ("O7", "Organization", "Ủy ban Thường vụ Quốc hội", ["UBTVQH"], {}),
            ("O8", "Organization", "Đảng đoàn Quốc hội", ["Đảng đoàn QH"], {}),
            ("O9", "Organization", "Hội đồng Dân tộc", ["Hội đồng Dân tộc"], {}),
            ("O10", "Organization", "Bộ Chính trị", ["Bộ Chính trị"], {}),
            ("O11", "Organization", "Ban Chấp hành Trung ương", ["Ban chấp hành Trung ương"], {}),
            (
                "O12",
                "Organization",
                "Ủy ban Kiểm tra Đảng ủy cơ quan Văn phòng Quốc hội",
                ["Ủy ban Kiểm tra Đảng ủy cơ quan"],
                {},
            ),
            ("O13", "Organization", "Viện Nghiên cứu lập pháp", ["Viện Nghiên cứu lập pháp"], {}),
            ("O14", "Organization", "Báo Đại biểu nhân dân", ["Báo Đại biểu nhân dân"], {}),
            ("O15", "Organization", "Truyền hình Quốc hội", ["Truyền hình QH"], {}),
            ("O16", "Organization", "Văn phòng Đoàn đại biểu Quốc hội", ["Văn phòng Đoàn ĐBQH"], {}),
            ("O17", "Organization", "Văn phòng Hội đồng nhân dân", ["Văn phòng HĐND"], {}),
            ("O18", "Organization", "Văn phòng Ủy ban nhân dân cấp tỉnh", ["Văn phòng UBND cấp tỉnh"], {}),
            ("D1", "Directive", "Chỉ thị số 05", ["Chỉ thị số 05"], {"kind": "Chỉ thị", "number": "05"}),
            ("D2", "Directive", "Chỉ thị số 35", ["Chỉ thị số 35"], {"kind": "Chỉ thị", "number": "35"}),
            ("D3", "Directive", "Nghị quyết số 580", ["Nghị quyết số 580"], {"kind": "Nghị quyết", "number": "580"}),
            (
                "E1",
                "Event",
                "Thường trực Đảng ủy Khối các cơ quan Trung ương làm việc với "
                "Ban Thường vụ Đảng ủy cơ quan Văn phòng Quốc hội",
                ["đã làm việc với"],
                {"date": "2019-08-28"},
            ),
            ("L1", "Location", "Nhà Quốc hội", ["Nhà QH"], {}),
        ],
        "relations": [
            ("HOLDS_POSITION", "P1", "O1", "Phó Bí thư", "Tham dự có"),
            ("HOLDS_POSITION", "P2", "O4", "Phó Bí thư Thường trực", "Tham dự có"),
            ("ATTENDED", "P1", "E1", "", "Tham dự có"),
            ("ATTENDED", "P2", "E1", "", "Tham dự có"),
            ("PARTICIPATED_IN", "O2", "E1", "", "đã làm việc với"),
            ("PARTICIPATED_IN", "O5", "E1", "", "đã làm việc với"),
            ("HELD_AT", "E1", "L1", "", "đã làm việc với"),
            ("PART_OF", "O2", "O1", "", "đã làm việc với"),
            ("PART_OF", "O5", "O4", "", "đã làm việc với"),
            ("PART_OF", "O12", "O4", "", "chỉ đạo Ủy ban Kiểm tra"),
            ("PART_OF", "O7", "O6", "", "7 phiên họp của UBTVQH"),
            ("PART_OF", "O9", "O6", "", "Hội đồng Dân tộc, các Ủy ban của QH, các cơ quan"),
            ("REPORTS_TO", "O4", "O1", "", "Thường trực Đảng ủy Khối các cơ quan Trung ương đã làm việc"),
            ("ISSUED_BY", "D1", "O10", "", "Chỉ thị số 05 của Bộ Chính trị"),
            ("ISSUED_BY", "D3", "O7", "", "Nghị quyết số 580 của UBTVQH"),
            ("IMPLEMENTS", "O4", "D1", "", "Chỉ thị số 05 của Bộ Chính trị"),
            ("APPLIES_TO", "D3", "O16", "", "Nghị quyết số 580 của UBTVQH"),
            ("APPLIES_TO", "D3", "O17", "", "Nghị quyết số 580 của UBTVQH"),
            ("APPLIES_TO", "D3", "O18", "", "Nghị quyết số 580 của UBTVQH"),
            ("AUTHORED", "P3", "DOC", "", "Tin và ảnh"),
        ],
    },
    "vpqh-2019-09-10.txt": {
        "path": HERE / "vpqh-2019-09-10.txt",
        "date": "2019-09-10",
        "entities": [
            ("P2", "Person", "Nguyễn Đức Thụ", ["Nguyễn Đức Thụ"], {}),
            ("P4", "Person", "Lê Thị Hoa", ["Lê Thị Hoa"], {}),
            ("P5", "Person", "Minh Anh", ["Minh Anh"], {}),
            ("O3", "Organization", "Văn phòng Quốc hội", ["Văn phòng Quốc hội", "VPQH"], {}),
            (
                "O4",
                "Organization",
                "Đảng ủy cơ quan Văn phòng Quốc hội",
                ["Đảng ủy cơ quan VPQH", "Đảng ủy cơ quan Văn phòng Quốc hội"],
                {},
            ),
            ("O7", "Organization", "Uỷ ban Thường vụ Quốc hội", ["Uỷ ban Thường vụ QH"], {}),
            ("O10", "Organization", "Bộ Chính trị", ["Bộ Chính trị"], {}),
            ("O16", "Organization", "Văn phòng Đoàn đại biểu Quốc hội", ["Văn phòng Đoàn ĐBQH"], {}),
            ("O17", "Organization", "Văn phòng Hội đồng nhân dân", ["Văn phòng HĐND"], {}),
            ("O18", "Organization", "Văn phòng Ủy ban nhân dân cấp tỉnh", ["Văn phòng UBND cấp tỉnh"], {}),
            ("D1", "Directive", "Chỉ thị số 05", ["Chỉ thị số 05"], {"kind": "Chỉ thị", "number": "05"}),
            (
                "D3",
                "Directive",
                "Nghị quyết 580/NQ-UBTVQH14",
                ["Nghị quyết 580/NQ-UBTVQH14"],
                {"kind": "Nghị quyết", "number": "580", "symbol": "580/NQ-UBTVQH14"},
            ),
            (
                "E2",
                "Event",
                "Hội nghị sơ kết công tác xây dựng Đảng 9 tháng năm 2019",
                ["Hội nghị sơ kết công tác xây dựng Đảng 9 tháng năm 2019"],
                {"date": "2019-09-10"},
            ),
            ("L1", "Location", "Nhà Quốc hội", ["Nhà QH"], {}),
        ],
        "relations": [
            ("HOLDS_POSITION", "P2", "O4", "Phó Bí thư Thường trực", "Tham dự có"),
            ("HOLDS_POSITION", "P4", "O4", "Chánh Văn phòng", "Tham dự có"),
            ("ATTENDED", "P2", "E2", "", "Tham dự có"),
            ("ATTENDED", "P4", "E2", "", "Tham dự có"),
            ("PARTICIPATED_IN", "O4", "E2", "", "tổ chức Hội nghị sơ kết"),
            ("HELD_AT", "E2", "L1", "", "tổ chức Hội nghị sơ kết"),
            ("ISSUED_BY", "D3", "O7", "", "Nghị quyết 580/NQ-UBTVQH14"),
            ("APPLIES_TO", "D3", "O16", "", "Nghị quyết 580/NQ-UBTVQH14"),
            ("APPLIES_TO", "D3", "O17", "", "Nghị quyết 580/NQ-UBTVQH14"),
            ("APPLIES_TO", "D3", "O18", "", "Nghị quyết 580/NQ-UBTVQH14"),
            ("IMPLEMENTS", "O4", "D1", "", "tiếp tục thực hiện Chỉ thị"),
            ("ISSUED_BY", "D1", "O10", "", "tiếp tục thực hiện Chỉ thị"),
            ("AUTHORED", "P5", "DOC", "", "Tin: Minh Anh"),
        ],
    },
    "binhdinh-2020-03-05.txt": {
        "path": HERE / "binhdinh-2020-03-05.txt",
        "date": "2020-03-05",
        "entities": [
            ("P6", "Person", "Nguyễn Đức Thụ", ["Nguyễn Đức Thụ"], {}),
            ("P7", "Person", "Trần Bình", ["Trần Bình"], {}),
            (
                "O20",
                "Organization",
                "Ủy ban nhân dân tỉnh Bình Định",
                ["UBND tỉnh Bình Định", "Ủy ban nhân dân tỉnh Bình Định"],
                {},
            ),
            ("O3", "Organization", "Văn phòng Quốc hội", ["Văn phòng QH"], {}),
            ("O7", "Organization", "Ủy ban Thường vụ Quốc hội", ["Ủy ban Thường vụ Quốc hội"], {}),
            ("D3", "Directive", "Nghị quyết số 580", ["Nghị quyết số 580"], {"kind": "Nghị quyết", "number": "580"}),
            (
                "E3",
                "Event",
                "Ủy ban nhân dân tỉnh Bình Định làm việc với Văn phòng Quốc hội",
                ["làm việc với đoàn công tác"],
                {"date": "2020-03-05"},
            ),
            ("L2", "Location", "Quy Nhơn", ["Quy Nhơn"], {}),
        ],
        "relations": [
            ("HOLDS_POSITION", "P6", "O20", "Phó Chủ tịch", "Tham dự có"),
            ("ATTENDED", "P6", "E3", "", "Tham dự có"),
            ("PARTICIPATED_IN", "O20", "E3", "", "làm việc với đoàn công tác"),
            ("PARTICIPATED_IN", "O3", "E3", "", "làm việc với đoàn công tác"),
            ("HELD_AT", "E3", "L2", "", "làm việc với đoàn công tác"),
            ("ISSUED_BY", "D3", "O7", "", "Nghị quyết số 580 của Ủy ban"),
            ("IMPLEMENTS", "O20", "D3", "", "Nghị quyết số 580 của Ủy ban"),
            ("AUTHORED", "P7", "DOC", "", "Tin và ảnh"),
        ],
    },
}


def _locate(text: str, phrase: str, doc: str) -> int:
    at = text.find(phrase)
    if at < 0:
        raise SystemExit(f"{doc}: {phrase!r} not found")
    return at


def build(doc_id: str, spec: dict) -> Extraction:
    text = Path(spec["path"]).read_text(encoding="utf-8")
    spans = sentence_spans(text)

    def sentence(at: int) -> Evidence:
        start, end = next((s, e) for s, e in spans if s <= at < e)
        return Evidence(doc_id, start, end, text[start:end], text[start:end])

    info = DocumentInfo(doc_id, title=text.splitlines()[0].strip(), date=spec["date"], format="txt")
    entities = [Entity("DOC", "Document", info.title, props={"date": spec["date"]})]
    for local_id, etype, name, surfaces, props in spec["entities"]:
        ent = Entity(local_id, etype, name, props=dict(props))
        for surface in surfaces:
            at = _locate(text, surface, doc_id)
            ent.add_alias(surface)
            s = sentence(at)
            ent.evidence.append(Evidence(doc_id, at, at + len(surface), surface, s.sentence))
        entities.append(ent)
    relations = []
    for rtype, src, dst, role, phrase in spec["relations"]:
        props = {"role": role} if role else {}
        relations.append(Relation(rtype, src, dst, props, [sentence(_locate(text, phrase, doc_id))], 0.9))
    return Extraction(info, text, entities, relations)


def main() -> None:
    for doc_id, spec in REPORTS.items():
        ex = build(doc_id, spec)
        out = HERE / (Path(doc_id).stem + ".jsonl")
        header = json.dumps({"kind": "document", **ex.document.to_dict()}, ensure_ascii=False)
        out.write_text(header + "\n" + ex.to_jsonl(), encoding="utf-8")
        print(f"wrote {out} ({len(ex.entities)} entities, {len(ex.relations)} relations)")


if __name__ == "__main__":
    main()
