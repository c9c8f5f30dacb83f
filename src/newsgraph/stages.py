"""The built-in stages: name, factory, what each requires and assigns.

One table, read by the pipeline's chain check; the factories are imported only when a
pipeline that uses them is built. A user's stage is added with ``register_stage``.
"""

from __future__ import annotations

from .pipeline import StageSpec, register_stage

BUILTIN = (
    StageSpec(
        "structure",
        "newsgraph.structure.segment:make_stage",
        requires=("text",),
        assigns=("parts", "agencies", "credits"),
        help="article parts: title, caption, credit, lead, body, subheading, related, agency",
    ),
    StageSpec(
        "language",
        "newsgraph.nlp.langid:make_stage",
        requires=("text",),
        assigns=("lang",),
        help="language of the article (given by the input, else detected)",
    ),
    StageSpec(
        "tokens",
        "newsgraph.nlp.tokens:make_stage",
        requires=("lang", "parts"),
        assigns=("tokens", "sentences"),
        help="spaCy tokenizer and rule-based sentences that never cross a part boundary",
    ),
    StageSpec(
        "tagger",
        "newsgraph.nlp.tagger:make_stage",
        requires=("tokens", "sentences"),
        assigns=("pos", "lemma"),
        help="POS (STTS tag + UD pos) and lemmas: HanTa for German, spaCy for English",
    ),
    StageSpec(
        "ner",
        "newsgraph.entities.ner:make_stage",
        requires=("tokens", "sentences", "pos"),
        assigns=("mentions",),
        help="entities PER, ORG, GPE, LOC, MISC: model + name lists + rules, or a user's spaCy NER",
    ),
    StageSpec(
        "coref",
        "newsgraph.entities.coref:make_stage",
        requires=("mentions", "sentences", "pos"),
        assigns=("entities", "coref"),
        help="mentions clustered within the article and linked to KB actors with dated CAMEO codes",
    ),
    StageSpec(
        "times",
        "newsgraph.time.tagger:make_stage",
        requires=("lang", "parts", "sentences"),
        assigns=("times",),
        help="temporal expressions, normalised against the publication date",
    ),
    StageSpec(
        "quotes",
        "newsgraph.quotes.stage:make_stage",
        requires=("parts", "tokens", "sentences", "pos"),
        assigns=("quotes",),
        help="direct, partial and indirect quotes with speaker, cue and addressee",
    ),
    StageSpec(
        "events",
        "newsgraph.events.stage:make_stage",
        requires=("parts", "tokens", "sentences", "pos", "times"),
        assigns=("events",),
        help="PLOVER/CAMEO events with actors, recipients and auxiliary modes",
    ),
    StageSpec(
        "places",
        "newsgraph.places.stage:make_stage",
        requires=("parts", "tokens", "sentences", "pos"),
        assigns=("places",),
        help="place mentions geocoded from the gazetteer, disambiguated, metonyms marked as actors",
    ),
    StageSpec(
        "event_context",
        "newsgraph.places.event_context:make_stage",
        requires=("events", "places", "times"),
        assigns=("event_places", "event_dates"),
        help="each event's own place and date, or a marked dateline/publication fallback",
    ),
    StageSpec(
        "tone",
        "newsgraph.tone.stage:make_stage",
        requires=("parts", "tokens", "lemma", "events"),
        assigns=("tone",),
        help="negation-aware lexicon tone of the news parts, and the events' Goldstein mean",
    ),
    StageSpec(
        "spacy",
        "newsgraph.nlp.spacy_pipeline:make_stage",
        requires=("lang", "parts"),
        assigns=("tokens", "sentences", "pos", "lemma", "spacy_ents"),
        help="a user's installed trained spaCy pipeline (--spacy-model NAME_OR_PATH)",
    ),
)

for _spec in BUILTIN:
    register_stage(_spec)
