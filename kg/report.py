"""A readable summary of one extraction, for a person at a terminal."""

from __future__ import annotations

from kg.model import Extraction


def format_table(x: Extraction) -> str:
    names = {e.id: e.name for e in x.entities}
    lines = [f"# {x.document.id}" + (f" — {x.document.title}" if x.document.title else "")]
    for etype in ("Event", "Organization", "Person", "Directive", "Location"):
        ents = [e for e in x.entities if e.type == etype]
        if not ents:
            continue
        lines.append(f"\n{etype} ({len(ents)})")
        for e in sorted(ents, key=lambda e: e.name):
            extra = f"  [{', '.join(e.aliases)}]" if e.aliases else ""
            date = f"  {e.props['date']}" if e.props.get("date") else ""
            lines.append(f"  {e.name}{date}{extra}")
    lines.append(f"\nRelations ({len(x.relations)})")
    for r in sorted(x.relations, key=lambda r: (r.type, names.get(r.source, ""))):
        role = f" ({r.props['role']})" if r.props.get("role") else ""
        status = " [former]" if r.props.get("former") else ""
        lines.append(f"  {names.get(r.source, r.source)} -{r.type}{role}{status}-> "
                     f"{names.get(r.target, r.target)}  {r.confidence:.2f}")
    return "\n".join(lines) + "\n"
