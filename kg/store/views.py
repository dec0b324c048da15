"""What an analyst checks before trusting an entity: its names, its relations, and the sentences
behind each relation (kg show)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.model import Entity, Relation

if TYPE_CHECKING:
    from kg.store.store import Store


@dataclass
class Link:
    """One relation seen from the described entity: the other end and the direction."""

    relation: Relation
    outgoing: bool
    other_id: str
    other_name: str
    other_type: str


@dataclass
class EntityView:
    entity: Entity
    reports: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        ent = self.entity.to_dict()
        ent.pop("kind", None)
        return {
            **ent,
            "reports": self.reports,
            "relations": [
                {
                    "direction": "out" if link.outgoing else "in",
                    "other": {"id": link.other_id, "name": link.other_name, "type": link.other_type},
                    **{k: v for k, v in link.relation.to_dict().items() if k != "kind"},
                }
                for link in self.links
            ],
        }


def describe(store: Store, ref: str) -> list[EntityView]:
    """Every entity `ref` (an id, a name or an alias) refers to, with its relations and evidence."""
    views = []
    for gid in store.find(ref):
        entity = store.entity(gid)
        if entity is None:
            continue
        relations = store.relations_of(gid)
        others = store.names([r.target if r.source == gid else r.source for r in relations])
        view = EntityView(entity, sorted({ev.doc for ev in entity.evidence}))
        for rel in relations:
            outgoing = rel.source == gid
            other = rel.target if outgoing else rel.source
            other_type, other_name = others.get(other, ("?", other))
            view.links.append(Link(rel, outgoing, other, other_name, other_type))
        views.append(view)
    return views
