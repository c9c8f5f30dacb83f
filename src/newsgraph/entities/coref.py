"""Stage "coref": cluster an article's entity mentions and link each cluster to the KB.

The NER stage gives one entity per surface form. This stage joins the forms that name one
actor in the article and links the result to the actor knowledge base (:mod:`newsgraph.kb`):

1. spelling and inflection: "Nato"/"NATO", "Russlands"/"Russland", "Putins"/"Putin";
2. a surname to the full name it shortens ("Putin" -> "Wladimir Putin"; the first word for
   East Asian names, "Zhang" -> "Zhang Youxia"), the nearest one before it where several fit;
3. linking: ``kb`` (KB id), ``actor`` (CAMEO code valid on the publication date), ``name``
   (canonical); clusters linked to one KB actor are merged;
4. capitals and countries used for their state (``doc.places`` role "actor": "Moskau und
   Peking") become mentions of the country;
5. role descriptions ("der russische Präsident", "des Kremlchefs") become mentions of the
   person they describe (:mod:`.coref_roles`).

Pronouns are never added (the quotes stage resolves them for speakers). Agencies and photo
credits are sources, never actors: their mentions are dropped and such names stay unlinked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..kb import Actor, KnowledgeBase, load_kb, name_key
from ..model import Document
from ..pipeline import PipelineOptions
from .coref_roles import role_mentions

Mention = tuple[int, int]  # character span
SOURCE_PARTS = frozenset({"credit", "agency"})
# Surname first: a one-word mention names the person by the first word of the full name.
SURNAME_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "MNG", "SGP", "MAC"})
_PLACE_TYPES = frozenset({"GPE", "LOC"})


@dataclass
class Cluster:
    type: str
    forms: list[str]  # surface forms, in the order first seen
    mentions: set[Mention] = field(default_factory=set)
    roles: set[Mention] = field(default_factory=set)  # role descriptions ("der Präsident")
    actor: Actor | None = None
    code: str | None = None
    source: bool = False  # an agency or credit: never linked

    @property
    def first(self) -> int:
        return min((s for s, _ in self.mentions), default=0)

    def absorb(self, other: Cluster) -> None:
        self.forms.extend(f for f in other.forms if f not in self.forms)
        self.mentions |= other.mentions
        self.source = self.source or other.source
        if self.type != other.type and "GPE" in (self.type, other.type):
            self.type = "GPE"


def make_stage(options: PipelineOptions) -> Callable[[Document], None]:
    del options
    kb = load_kb()

    def coref(doc: Document) -> None:
        doc.entities = resolve(doc, kb)

    return coref


def resolve(doc: Document, kb: KnowledgeBase) -> list[dict[str, Any]]:
    on = doc.article.published.value if doc.article.published else None
    clusters = [c for c in _clusters(doc) if not _office_word(c, kb)]
    clusters = _merge_forms(clusters)
    clusters = _merge_surnames(clusters, kb, on)
    for cluster in clusters:
        _link(cluster, kb, on)
    clusters = _merge_linked(clusters)
    clusters = _metonyms(doc, clusters, kb, on)
    persons = [c for c in clusters if c.type == "PER"]
    for cluster, span in role_mentions(doc, kb, persons, _spans(clusters)):
        cluster.roles.add(span)
    return _records(doc, clusters)


def _clusters(doc: Document) -> list[Cluster]:
    """One cluster per NER entity, without mentions inside agency or photo credits."""
    sources = {name_key(s) for s in (*doc.agencies, *doc.credits)}
    out = []
    for entity in doc.entities:
        spans = {
            (int(m["start"]), int(m["end"]))
            for m in entity.get("mentions", [])
            if not _in_source_part(doc, int(m["start"]))
            and not _agency_credit(doc, int(m["start"]), int(m["end"]), sources)
        }
        if spans:
            name = str(entity.get("name") or "")
            source = name_key(name) in sources
            out.append(Cluster(str(entity.get("type")), [name], spans, source=source))
    return out


def _office_word(cluster: Cluster, kb: KnowledgeBase) -> bool:
    """An office noun the recogniser took for a name ("Bundeskanzler"): a description,
    left to the role-phrase step, unless the KB knows it as a name."""
    form = cluster.forms[0]
    return " " not in form and kb.roles.is_person(form) and not kb.lookup(form)


def _agency_credit(doc: Document, start: int, end: int, sources: set[str]) -> bool:
    """An agency named in parentheses is a credit ("WASHINGTON (Reuters) -", "(dpa)")."""
    text = doc.text
    if name_key(text[start:end]) not in sources:
        return False
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    return before == "(" or after == ")" or (before == "/" or after == "/")


def _in_source_part(doc: Document, offset: int) -> bool:
    part = doc.part_at(offset)
    return part is not None and part.kind in SOURCE_PARTS


def _compatible(a: Cluster, b: Cluster) -> bool:
    return a.type == b.type or (a.type in _PLACE_TYPES and b.type in _PLACE_TYPES)


def _merge_forms(clusters: list[Cluster]) -> list[Cluster]:
    """Same key ("Nato"/"NATO"), or a genitive of another form ("Russlands", "Putins")."""
    by_key: dict[str, Cluster] = {}
    out: list[Cluster] = []
    for cluster in sorted(clusters, key=lambda c: len(name_key(c.forms[0]))):
        key = name_key(cluster.forms[0])
        target = by_key.get(key)
        if target is None and key.endswith("s"):
            target = by_key.get(key[:-1])
        if target is not None and _compatible(target, cluster):
            target.absorb(cluster)
            continue
        by_key.setdefault(key, cluster)
        out.append(cluster)
    return out


def _merge_surnames(clusters: list[Cluster], kb: KnowledgeBase, on: str | None) -> list[Cluster]:
    """Each mention of a one-word person goes to the full name it shortens, the nearest
    one before it (else the first after it); unmatched mentions stay where they are."""
    full = [c for c in clusters if c.type == "PER" and len(c.forms[0].split()) > 1]
    kept = []
    for cluster in clusters:
        if cluster.type != "PER" or len(cluster.forms[0].split()) != 1:
            kept.append(cluster)
            continue
        key = name_key(cluster.forms[0])
        fits = [c for c in full if _shortens(key, c, kb, on)]
        for span in sorted(cluster.mentions) if fits else []:
            target = _nearest(fits, span[0])
            target.mentions.add(span)
            cluster.mentions.discard(span)
        if cluster.mentions:
            kept.append(cluster)
    return kept


def _shortens(key: str, full: Cluster, kb: KnowledgeBase, on: str | None) -> bool:
    words = name_key(full.forms[0]).split()
    if key in (words[-1], words[-1] + "s"):
        return True
    if key not in (words[0], words[0] + "s"):
        return False
    actors = kb.lookup(full.forms[0], on)
    return bool(actors) and actors[0].country in SURNAME_FIRST


def _nearest(candidates: list[Cluster], offset: int) -> Cluster:
    before = [(max((s for s, _ in c.mentions if s < offset), default=-1), c) for c in candidates]
    best = max(before, key=lambda pair: pair[0])
    if best[0] >= 0:
        return best[1]
    return min(candidates, key=lambda c: c.first)


def _link(cluster: Cluster, kb: KnowledgeBase, on: str | None) -> None:
    if cluster.source:
        return
    for form in sorted(cluster.forms, key=lambda f: -len(f.split())):
        actor = next((a for a in kb.lookup(form, on) if _fits(cluster, a)), None)
        if actor is not None:
            cluster.actor = actor
            cluster.code = actor.code_on(on)
            if actor.type in ("GPE", "PER"):
                cluster.type = actor.type
            return


def _fits(cluster: Cluster, actor: Actor) -> bool:
    if actor.type == "PER" and cluster.type != "PER" and actor.curated:
        # "Dmitri Peskow" typed LOC: a full name of a listed office holder is a person.
        return any(len(f.split()) > 1 and kb_full_name(f, actor) for f in cluster.forms)
    if cluster.type in _PLACE_TYPES:
        return actor.type == "GPE"
    return actor.type == cluster.type


def kb_full_name(form: str, actor: Actor) -> bool:
    key = name_key(form)
    return any(name_key(label) == key for label in (actor.name, *actor.aliases))


def _merge_linked(clusters: list[Cluster]) -> list[Cluster]:
    by_id: dict[str, Cluster] = {}
    out = []
    for cluster in clusters:
        actor_id = cluster.actor.id if cluster.actor else None
        if actor_id and actor_id in by_id:
            by_id[actor_id].absorb(cluster)
            continue
        if actor_id:
            by_id[actor_id] = cluster
        out.append(cluster)
    return out


def _metonyms(
    doc: Document, clusters: list[Cluster], kb: KnowledgeBase, on: str | None
) -> list[Cluster]:
    """A capital or country standing for its state becomes a mention of that country."""
    for place in doc.places:
        country = place.get("country")
        if place.get("role") != "actor" or not country:
            continue
        actor = kb.get(f"g:{str(country).lower()}")
        if actor is None:
            continue
        span = (int(place["start"]), int(place["end"]))
        target = _country_cluster(clusters, actor, on, str(place.get("text") or ""))
        for cluster in clusters:
            if cluster is not target:
                cluster.mentions.discard(span)
        target.mentions.add(span)
    return [c for c in clusters if c.mentions]


def _country_cluster(clusters: list[Cluster], actor: Actor, on: str | None, form: str) -> Cluster:
    for cluster in clusters:
        if cluster.actor is not None and cluster.actor.id == actor.id:
            return cluster
    cluster = Cluster("GPE", [actor.name, form], actor=actor, code=actor.code_on(on))
    clusters.append(cluster)
    return cluster


def _spans(clusters: Iterable[Cluster]) -> list[Mention]:
    return sorted(span for c in clusters for span in c.mentions)


def _records(doc: Document, clusters: list[Cluster]) -> list[dict[str, Any]]:
    ordered = sorted((c for c in clusters if c.mentions), key=lambda c: c.first)
    return [_record(doc, f"e{k}", c) for k, c in enumerate(ordered, start=1)]


def _record(doc: Document, ident: str, cluster: Cluster) -> dict[str, Any]:
    actor = cluster.actor
    return {
        "id": ident,
        "name": _name(cluster, actor, doc.lang),
        "type": cluster.type,
        "kb": actor.id if actor else None,
        "actor": cluster.code if actor else None,
        "mentions": _mention_records(doc, cluster),
    }


def _mention_records(doc: Document, cluster: Cluster) -> list[dict[str, Any]]:
    """Name mentions, and role descriptions that do not overlap a name, in text order.

    ``kind`` tells them apart: a role description ("des russischen Präsidenten") refers to the
    person but is no name, so name-level evaluations and exports can leave it out.
    """
    names = _outermost(cluster.mentions)
    roles = [r for r in _outermost(cluster.roles) if not any(_overlap(r, n) for n in names)]
    spans = [(s, e, "name") for s, e in names] + [(s, e, "role") for s, e in roles]
    return [
        {"start": s, "end": e, "text": doc.text[s:e], "kind": kind} for s, e, kind in sorted(spans)
    ]


def _overlap(a: Mention, b: Mention) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _outermost(spans: set[Mention]) -> list[Mention]:
    """Spans in text order, without those inside another ("Putin" in "Wladimir Putin")."""
    ordered = sorted(spans, key=lambda sp: (sp[0], -sp[1]))
    out: list[Mention] = []
    for span in ordered:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _name(cluster: Cluster, actor: Actor | None, lang: str | None = "de") -> str:
    """The KB's canonical name, except for organisations only the 2014 dictionary knows:
    its entries lump related bodies together ("Bundesrat" with "Bundestag") and spell in
    capitals, so the article's own form is the better name. The KB's canonical names are
    German, so an English article keeps its own spelling ("Zelenskiy", "Russia")."""
    if actor is None or lang == "en" or (actor.type == "ORG" and not actor.curated):
        return _display_name(cluster)
    return actor.name


def _display_name(cluster: Cluster) -> str:
    """Unlinked: the longest form, a genitive "s" aside where the bare form also occurs."""
    forms = sorted(cluster.forms, key=lambda f: (-len(f.split()), cluster.forms.index(f)))
    best = forms[0]
    if best.endswith("s") and best[:-1] in cluster.forms:
        return best[:-1]
    return best
