"""Collects mentions into one canonical entity per real thing in a report, with evidence."""

from __future__ import annotations

from kg.model import Entity, Evidence, Relation, make_id
from kg.text import name_key

# evidence kept per entity or relation in one report; a report that names something thousands of
# times (a long repetitive file) keeps the first ones and counts the rest (props "evidence_not_kept")
EVIDENCE_CAP = 200


class Builder:
    def __init__(self, doc_id: str, text: str) -> None:
        self.doc_id = doc_id
        self.text = text
        self.entities: dict[str, Entity] = {}
        self.relations: dict[str, Relation] = {}
        self._seen: dict[str, set[Evidence]] = {}  # evidence already recorded, by entity or relation id
        self._dropped: dict[str, int] = {}  # evidence over the cap, by id

    def _keep(self, fact_id: str, evidence: list[Evidence], ev: Evidence) -> None:
        """Record ev once (a set, not a list scan: a fact stated a thousand times stays linear)."""
        seen = self._seen.setdefault(fact_id, set())
        if ev in seen:
            return
        seen.add(ev)
        if len(evidence) < EVIDENCE_CAP:
            evidence.append(ev)
        else:
            self._dropped[fact_id] = self._dropped.get(fact_id, 0) + 1

    def finish(self) -> None:
        """Say on each fact how much evidence was over the cap."""
        for fact_id, n in self._dropped.items():
            fact = self.entities.get(fact_id) or self.relations.get(fact_id)
            if fact is not None:
                fact.props["evidence_not_kept"] = n

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
            self._keep(eid, ent.evidence, self.evidence(span[0], span[1], sent))
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
        self._keep(existing.id, existing.evidence, self.evidence(sent[0], sent[1], sent))
        return existing
