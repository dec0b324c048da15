"""Collects mentions into one canonical entity per real thing in a report, with evidence."""

from __future__ import annotations

from kg.model import Entity, Evidence, Relation, make_id
from kg.text import name_key


class Builder:
    def __init__(self, doc_id: str, text: str) -> None:
        self.doc_id = doc_id
        self.text = text
        self.entities: dict[str, Entity] = {}
        self.relations: dict[str, Relation] = {}
        self._seen: dict[str, set[Evidence]] = {}  # evidence already recorded, by entity id

    def evidence(self, start: int, end: int, sent: tuple[int, int]) -> Evidence:
        return Evidence(self.doc_id, start, end, self.text[start:end], self.text[sent[0] : sent[1]])

    def entity(self, etype: str, name: str, key: str | None = None, surface: str | None = None,
               span: tuple[int, int] | None = None, sent: tuple[int, int] | None = None,
               props: dict | None = None) -> Entity:
        key = key or name_key(name)
        eid = make_id(etype, key)
        ent = self.entities.get(eid)
        if ent is None:
            ent = Entity(eid, etype, name, props=dict(props or {}))
            self.entities[eid] = ent
        elif props:
            for k, v in props.items():
                ent.props.setdefault(k, v)
        if surface:
            ent.add_alias(surface.strip())
        if span and sent:
            ev = self.evidence(span[0], span[1], sent)
            seen = self._seen.setdefault(eid, set())
            if ev not in seen:  # a set: a person named fifty times is not fifty list scans
                seen.add(ev)
                ent.evidence.append(ev)
        return ent

    def relate(self, rtype: str, source: Entity, target: Entity, sent: tuple[int, int],
               confidence: float, **props: object) -> Relation | None:
        if source.id == target.id:
            return None
        clean = {k: v for k, v in props.items() if v not in (None, "", False)}
        rel = Relation(rtype, source.id, target.id, clean, [], confidence)
        existing = self.relations.get(rel.id)
        if existing is None:
            self.relations[rel.id] = rel
            existing = rel
        else:
            existing.confidence = max(existing.confidence, confidence)
        ev = self.evidence(sent[0], sent[1], sent)
        if ev not in existing.evidence:
            existing.evidence.append(ev)
        return existing
