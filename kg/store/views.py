"""What an analyst checks before trusting an entity: its names, its relations, and the sentences
behind each relation (kg show)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg import labels_en
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
    other_name_en: str = ""  # lang "en": the other end's English name, where data/labels_en.tsv has it
    role_en: str = ""  # lang "en": the English of the relation's role, where the data has it


@dataclass
class EntityView:
    entity: Entity
    reports: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    name_en: str = ""  # lang "en": the entity's English name, where data/labels_en.tsv has it

    def to_dict(self) -> dict[str, Any]:
        ent = self.entity.to_dict()
        ent.pop("kind", None)
        return {
            **ent,
            **({"name_en": self.name_en} if self.name_en else {}),
            "reports": self.reports,
            "relations": [
                {
                    "direction": "out" if link.outgoing else "in",
                    "other": {"id": link.other_id, "name": link.other_name, "type": link.other_type,
                              **({"name_en": link.other_name_en} if link.other_name_en else {})},
                    **({"role_en": link.role_en} if link.role_en else {}),
                    **{k: v for k, v in link.relation.to_dict().items() if k != "kind"},
                }
                for link in self.links
            ],
        }


def describe(store: Store, ref: str, lang: str = "vi") -> list[EntityView]:
    """Every entity `ref` (an id, a name or an alias) refers to, with its relations and evidence.
    `lang` "en" adds the English names of bodies and roles where data/labels_en.tsv has them (as
    `kg viz --lang en` draws them); the names as written stay."""
    english = labels_en.check_lang(lang) == "en"
    views = []
    for gid in store.find(ref):
        entity = store.entity(gid)
        if entity is None:
            continue
        relations = store.relations_of(gid)
        others = store.names([r.target if r.source == gid else r.source for r in relations])
        view = EntityView(entity, sorted({ev.doc for ev in entity.evidence}),
                          name_en=(labels_en.entity(entity) if english else None) or "")
        for rel in relations:
            outgoing = rel.source == gid
            other = rel.target if outgoing else rel.source
            other_type, other_name = others.get(other, ("?", other))
            link = Link(rel, outgoing, other, other_name, other_type)
            if english:
                link.other_name_en = (labels_en.body(other_name) if other_type == "Organization" else None) or ""
                link.role_en = labels_en.title(str(rel.props.get("role") or "")) or ""
            view.links.append(link)
        views.append(view)
    return views
