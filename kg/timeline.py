"""Posts over time (issue 16, first step): from many dated statements to a history.

Each report states a post as of its own date, and says when it is held ("Bộ trưởng Bộ Tài chính
X"), held no more ("nguyên Bộ trưởng …", prop `former`), taken ("được bổ nhiệm … từ ngày 1/3/2024",
prop `since`) or left ("thôi giữ chức", "nghỉ hưu", "được điều động …", prop `until`; both with
`change`, read by kg.extract.tenure). A person's post becomes an interval:

- `earliest` / `latest`: the first and last report date showing the post held (former-only
  reports do not count: they say it was held once, not on that date; nor does a report stating an
  end before its own date: kg.dates.shows_held);
- `start`: the earliest `since` a report states (`start_basis` "stated"; the stated date, else the
  date of the report saying the post was taken), unless a report shows the post held before it (a
  re-election); else `earliest` ("reports": held since at least then), else none (every report undated);
- `end`: the latest `until` a report states (`end_basis` "stated"), unless a report shows the post
  held after it; else the date of the first report after `latest` that shows the post former
  ("former"), or that names another holder of the same single-holder post in the same body
  ("successor"; ontology/single_holder_roles.txt), whichever comes first; else open. A stated end
  beats both. An inferred end is the date the change was first reported, an upper bound of the
  day it happened.

Undated reports add evidence but no bound. Every post keeps the reports behind it (its own
statements and the report that closes it), each with its date and sentence. Read-only: the store
is not changed, and this module never prints.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from kg import resolve
from kg.dates import before, interval, shows_held
from kg.errors import DateError, KgError
from kg.extract.tenure import states_change
from kg.resources import shared_dir
from kg.store import Store
from kg.store.merge import FactRow
from kg.store.reader import relation_rows

SINGLE_HOLDER_FILE = "single_holder_roles.txt"
HOLDS = "HOLDS_POSITION"


@dataclass(frozen=True)
class Source:
    """A report behind a post or one of its bounds."""

    doc: str
    date: str | None  # the report's date, ISO; None when undated
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "date": self.date, "sentence": self.sentence}


@dataclass
class Post:
    """One person holding one role in one body, as an interval of dates with its evidence."""

    person_id: str
    person: str
    role: str
    body_id: str
    body: str
    earliest: str | None = None
    latest: str | None = None
    start: str | None = None
    end: str | None = None
    start_basis: str | None = None  # "stated" | "reports" | None
    end_basis: str | None = None  # "stated" | "former" | "successor" | None (open)
    start_evidence: Source | None = None
    end_evidence: Source | None = None
    evidence: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of issue 16: a post, dates ISO YYYY[-MM[-DD]], evidence in date order."""
        return {"person": self.person, "role": self.role, "body": self.body, "earliest": self.earliest,
                "latest": self.latest, "start": self.start, "end": self.end, "start_basis": self.start_basis,
                "end_basis": self.end_basis, "evidence": [s.to_dict() for s in self.evidence]}


@dataclass
class Timeline:
    """What a name or id refers to: a person's posts, or a body's holders, in date order."""

    id: str
    type: str  # "Person" or "Organization"
    name: str
    anchor: str = ""  # a person: the body it holds most posts in (tells namesakes apart)
    posts: list[Post] = field(default_factory=list)


@cache
def single_holder_roles() -> tuple[str, ...]:
    """Normalized "role [body start]" entries of posts held by one person at a time."""
    path = shared_dir("ontology") / SINGLE_HOLDER_FILE
    if not path.exists():
        raise KgError(f"ontology file missing: {path}")
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            entries.append(resolve.canonical_key(line.split("\t")[0]))
    return tuple(entries)


def is_single_holder(role: str, body: str) -> bool:
    """Whether the post (role in body) has one holder at a time: its "role body" begins with an entry
    of the list, word by word ("Bí thư Tỉnh ủy Nghệ An" yes; "Phó Bí thư Tỉnh ủy …" no)."""
    post = resolve.canonical_key(f"{role} {body}")
    return any(post == e or post.startswith(e + " ") for e in single_holder_roles())


def timelines(store: Store, ref: str) -> list[Timeline]:
    """Every person or body that `ref` (an id, a name or an alias) names, with its posts or its
    holders' posts in date order. Empty when it names none (or only other kinds of entity)."""
    out = []
    with store.snapshot() as conn:
        gids = store.find(ref)
        kinds = store.names(gids)
        for gid in gids:
            etype, name = kinds.get(gid, ("", gid))
            if etype == "Person":
                out.append(_person(store, conn, gid, name))
            elif etype == "Organization":
                out.append(Timeline(gid, etype, name, posts=_ordered(_body_posts(store, conn, gid, name))))
    return out


def posts(store: Store, ref: str) -> list[Post]:
    """The posts of every person or body `ref` names, one flat list (the JSON of `kg timeline`)."""
    return [post for line in timelines(store, ref) for post in line.posts]


def held_on(post: Post, date: str) -> bool:
    """Whether the post was held on `date` (ISO, partial allowed: a partial date is the interval of
    its days, and a post counts when its interval overlaps it). A post with no start (every report
    undated) is held on no date; one with no end is open. Raises DateError for a bad `date`."""
    first, last = interval(date)
    try:
        if post.start is None or interval(post.start)[0] > last:
            return False
        return post.end is None or interval(post.end)[1] >= first
    except DateError:  # a malformed stored bound says nothing about any date
        return False


def as_of(found: list[Timeline], date: str) -> list[Timeline]:
    """The same timelines keeping only the posts held on `date` (`kg timeline NAME --at DATE`)."""
    interval(date)  # a bad date is an error even when there is no post to test it on
    return [replace(line, posts=[p for p in line.posts if held_on(p, date)]) for line in found]


def posts_as_of(store: Store, date: str) -> list[Post]:
    """Every post in the store held on `date`, by body then date order (an as-of view of the graph)."""
    interval(date)
    with store.snapshot() as conn:
        held = {rel.target for rel in store.graph(evidence=False).relations if rel.type == HOLDS}
        names = store.names(list(held))
        found = [p for body in sorted(held) for p in _body_posts(store, conn, body, names.get(body, ("", body))[1])]
    return [p for p in _ordered(found) if held_on(p, date)]


def _person(store: Store, conn: Any, gid: str, name: str) -> Timeline:
    """A person's posts: each body it holds a post in is read whole, since another holder of the
    same post (a successor) bounds this person's interval."""
    bodies = Counter()
    for rel, rows in relation_rows(conn, gid):
        if rel.type == HOLDS and rel.source == gid:
            bodies[rel.target] += len({r.doc for r in rows})
    body_names = store.names(list(bodies))
    found = []
    for body in sorted(bodies):
        found += [p for p in _body_posts(store, conn, body, body_names.get(body, ("", body))[1])
                  if p.person_id == gid]
    anchor = body_names.get(min(bodies, key=lambda b: (-bodies[b], b)), ("", ""))[1] if bodies else ""
    return Timeline(gid, "Person", name, anchor, _ordered(found))


def _body_posts(store: Store, conn: Any, body: str, body_name: str) -> list[Post]:
    """Every post held in a body, each bounded by its own later reports and by its successors."""
    held = [(rel, rows) for rel, rows in relation_rows(conn, body) if rel.type == HOLDS and rel.target == body]
    people = store.names([rel.source for rel, _ in held])
    # holdings of each post (normalized role): who, on which dated report, in which sentence
    holders: dict[str, list[tuple[str, Source]]] = {}
    for rel, rows in held:
        for row in rows:
            if shows_held(row.order[0], row.props):
                holders.setdefault(_role(row), []).append((rel.source, source_of(row)))
    out = []
    for rel, rows in held:
        role = str(rel.props.get("role") or "")
        post = Post(rel.source, people.get(rel.source, ("", rel.source))[1], role, body, body_name)
        _bound(post, rows)
        if is_single_holder(role, body_name):
            _successor(post, holders.get(resolve.role_key(role), []))
        post.evidence = sorted({*post.evidence, *filter(None, [post.end_evidence])}, key=_by_date)
        out.append(post)
    return out


def _bound(post: Post, rows: list[FactRow]) -> None:
    """earliest, latest, start and a former end from the person's own report rows."""
    post.evidence = [source_of(r) for r in rows]
    dated = [r for r in rows if r.order[0]]  # an undated report gives evidence, no bound
    held = [r for r in dated if shows_held(r.order[0], r.props)]
    if held:
        post.earliest = min(r.order[0] for r in held)
        post.latest = max(r.order[0] for r in held)
    stated = [r for r in rows if r.props.get("since")]
    first = min(stated, key=lambda r: str(r.props["since"])) if stated else None
    # a start a report states ("được bổ nhiệm … từ ngày …") wins over report dates, unless a report
    # shows the post held before it (a re-election restates a post, it does not start it)
    if first is not None and not before(post.earliest, str(first.props["since"])):
        post.start, post.start_basis, post.start_evidence = str(first.props["since"]), "stated", source_of(first)
    elif held:
        first = min(held, key=lambda r: r.order)
        post.start, post.start_basis, post.start_evidence = post.earliest, "reports", source_of(first)
    # an end a report states ("thôi giữ chức", "nghỉ hưu", "được điều động …"): the latest, unless a
    # report shows the post held after it; it beats "nguyên …" and a successor
    ends = [r for r in rows if r.props.get("until") and not before(str(r.props["until"]), post.latest)]
    if ends:
        last = max(ends, key=lambda r: (str(r.props["until"]), r.order))
        post.end, post.end_basis, post.end_evidence = str(last.props["until"]), "stated", source_of(last)
        return
    # "nguyên …" in a report after the last one showing the post held: it ended by then
    formers = [r for r in dated if r.props.get("former") and (post.latest is None or r.order[0] > post.latest)]
    if formers:
        first = min(formers, key=lambda r: r.order)
        post.end, post.end_basis, post.end_evidence = first.order[0], "former", source_of(first)


def _successor(post: Post, holdings: list[tuple[str, Source]]) -> None:
    """Ends a single-holder post at the first later report naming another holder, unless a
    former report ends it no later (what a report states beats what is inferred)."""
    if post.latest is None or post.end_basis == "stated":
        return
    later = [s for person, s in holdings if person != post.person_id and s.date and s.date > post.latest]
    if not later:
        return
    first = min(later, key=_by_date)
    if post.end is None or str(first.date) < post.end:
        post.end, post.end_basis, post.end_evidence = first.date, "successor", first


def _role(row: FactRow) -> str:
    return resolve.role_key(str(row.props.get("role", "") or ""))


def source_of(row: FactRow) -> Source:
    """The report of a row and its sentence: for a stated bound, the one that states it."""
    sentences = [str(ev[3] or ev[2]) for ev in row.evidence]
    if len(sentences) > 1 and (row.props.get("until") or row.props.get("since")):
        sentences.sort(key=lambda s: not states_change(s))  # stable: text order otherwise
    return Source(row.doc, row.order[0] or None, sentences[0] if sentences else "")


def _by_date(source: Source) -> tuple[int, str, str]:
    return (source.date is None, source.date or "", source.doc)


def _ordered(found: list[Post]) -> list[Post]:
    """Date order: by start (else the end, for a post only ever reported former); undated last."""
    def key(p: Post) -> tuple[bool, str, str, str]:
        when = p.start or p.earliest or p.end
        return (when is None, when or "", p.person, p.role)
    return sorted(found, key=key)


def format_table(found: list[Timeline], at: str | None = None) -> str:
    """The text `kg timeline` prints: a block per person or body, a line per post with its
    interval and bases, then the report that closes it when one does (`at`: the posts were
    selected as held on that date)."""
    blocks = []
    for line in found:
        anchor = f", in {line.anchor}" if line.anchor else ""
        held = f"  held on {at}" if at else ""
        rows = [f"{line.name}  [{line.type}{anchor}]  {line.id}{held}"]
        if not line.posts:
            rows.append(f"  no posts held on {at}" if at else "  no posts")
        for post in line.posts:
            who = post.role if line.type == "Person" else f"{post.person}: {post.role}"
            where = f" @ {post.body}" if line.type == "Person" else ""
            start = f"{post.start} ({post.start_basis})" if post.start else "?"
            end = f"{post.end} ({post.end_basis})" if post.end else "open"
            seen = f"reported {post.earliest} … {post.latest}" if post.earliest else "no dated report shows it held"
            rows.append(f"  {start} → {end}  {who}{where}  [{seen}; {len(post.evidence)} report(s)]")
            if post.end_evidence is not None:
                rows.append(f"      ended: {post.end_evidence.doc}: {post.end_evidence.sentence}")
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks)
