"""Links to the authority's entities and new names, per language: precision and recall on the development
set's expected ``entities.links`` and ``entities.new`` (tests/data/first_pass/README.md, "Entities"), beside
today's baseline in the same run (which proposed no new names).

A page's predicted links are the entities the alias matcher finds in it outside page chrome. This tree uses
the store's own alias rows (``authority_aliases``: the archivists' names, the datasets', the generated
ones) and the first pass's chrome; the baseline uses the archivists' names alone and the debris detector
that came before the first pass — what an import linked before issue 17. Targets: precision ≥ 0.9,
recall ≥ 0.85. ``benchmarks.first_pass`` prints this table under its own.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.first_pass import Score, _fmt

ROOT = Path(__file__).resolve().parent.parent
LINK_PRECISION, LINK_RECALL = 0.9, 0.85


Linker = Callable[[str], set[str]]


def linker(baseline: bool = False) -> Linker:
    """A function from a page's text to the entity ids it links (see the module's docstring)."""
    if not baseline:
        return lambda text: _read(text)[0]
    from desktop.aliases import AliasMatcher
    from desktop.catalogue.model import load_catalogue
    from desktop.ingest.build import authority_aliases
    from desktop.ingest.debris import find_debris
    from desktop.ingest.pubdates import find_publication_dates
    from desktop.textspans import SpanSet

    cat = load_catalogue(ROOT / "seeds")
    matcher = AliasMatcher(
        (key, text)
        for key, forms in authority_aliases(cat.entities.values()).items()
        for text, _lang, _kind, match, source in forms
        if match and source == "catalogue"
    )

    def links(text: str) -> set[str]:
        skip = SpanSet((d.start, d.end) for d in find_debris(text, find_publication_dates(text)))
        return {str(m.key) for m in matcher.find(text) if not skip.overlaps(m.start, m.end)}

    return links


@functools.cache
def _reader() -> tuple[Any, Any, Any]:
    from desktop.aliases import AliasMatcher
    from desktop.catalogue.model import load_catalogue
    from desktop.ingest.build import authority_aliases
    from desktop.ingest.resolve import NameResolver
    from desktop.ingest.shortforms import ShortForms, may_name_in_context, support_of

    cat = load_catalogue(ROOT / "seeds")
    forms = authority_aliases(cat.entities.values())
    matcher = AliasMatcher((key, f[0]) for key, fs in forms.items() for f in fs if f[3])
    resolver = NameResolver(
        (key, cat.entities[key].type, cat.entities[key].name, f[0]) for key, fs in forms.items() for f in fs
    )
    short = [
        (key, f[0])
        for key, fs in forms.items()
        for f in fs
        if not f[3] and may_name_in_context(f[0], f[2], cat.entities[key].type)
    ]
    places = {key: (e.country, e.within) for key, e in cat.entities.items()}
    short_forms = ShortForms(short, support_of(places, {k for k, _ in short}))
    return matcher, resolver, short_forms


@functools.lru_cache(maxsize=256)
def _read(text: str) -> tuple[set[str], list[tuple[str, int, int, str]]]:
    """What an import of this page links and proposes, as the store's writer does it: the authority's names
    found outside chrome, short names the page's other links support, and the first pass's new names —
    those an authority entry's name covers left out, those resembling an entry linked to it instead
    (proposed as its other name)."""
    from desktop.ingest.firstpass import first_pass
    from desktop.textspans import SpanSet

    matcher, resolver, short_forms = _reader()
    found = first_pass(text)
    chrome = [(c.start, c.end) for c in found.chrome]
    skip = SpanSet(chrome)
    found_names = matcher.find(text)
    links = {str(m.key) for m in found_names if not skip.overlaps(m.start, m.end)}
    named = SpanSet((m.start, m.end) for m in found_names)
    taken = SpanSet([*chrome, *((m.start, m.end) for m in found_names)])
    links |= {str(c.match.key) for c in short_forms.find(text, links, taken)}
    new: list[tuple[str, int, int, str]] = []
    page = sorted(links)
    for n in found.new_names:
        if named.covers(n.start, n.end):
            continue
        like = resolver.resemble(n.name, n.type, page)
        if like is not None:
            links.add(like.key)
        else:
            new.append((n.type, n.start, n.end, n.name))
    return links, new


def score_links(docs: Sequence[Any], link: Linker) -> dict[str, Score]:
    """Per language (and "all"): the pages' links against their expected ones."""
    scores: dict[str, Score] = {}
    for doc in docs:
        expected_links = (doc.expected.get("entities") or {}).get("links")
        if expected_links is None:
            continue
        want = {x["entity"] for x in expected_links}
        got = link(doc.text)
        for lang in (doc.expected.get("language", "?"), "all"):
            s = scores.setdefault(lang, Score())
            s.right += len(want & got)
            s.found += len(want & got)
            s.given += len(got)
            s.expected += len(want)
            if lang == "all":
                s.misses += [f"{doc.id}: missed {k}" for k in sorted(want - got)]
                s.misses += [f"{doc.id}: wrong {k}" for k in sorted(got - want)]
    return scores


def link_table(docs: Iterable[Any], baseline: bool = True) -> tuple[str, dict[str, Score]]:
    """The per-language table (markdown) and this tree's scores; empty when no page has expected links."""
    docs = list(docs)
    now = score_links(docs, linker())
    if not now:
        return "", now
    base = score_links(docs, linker(baseline=True)) if baseline else {}
    lines = [
        f"links to existing entities; targets: precision ≥ {LINK_PRECISION}, recall ≥ {LINK_RECALL}",
        "",
        "| language | precision | recall | baseline precision | baseline recall | met |",
        "|---|---|---|---|---|---|",
    ]
    for lang in sorted(now, key=lambda k: (k == "all", k)):
        s, b = now[lang], base.get(lang)
        met = (s.precision or 0) >= LINK_PRECISION and (s.recall or 0) >= LINK_RECALL
        lines.append(
            f"| {lang} | {_fmt(s.precision)} | {_fmt(s.recall)} | {_fmt(b.precision if b else None)} | "
            f"{_fmt(b.recall if b else None)} | {'yes' if met else '**no**'} |"
        )
    return "\n".join(lines), now


NEW_PRECISION, NEW_RECALL = 0.8, 0.7


def new_name_finder() -> Callable[[str], list[tuple[str, int, int, str]]]:
    """A function from a page's text to its proposed new names as (type, start, end, name), as an import
    stores them (see ``_read``)."""
    return lambda text: _read(text)[1]


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out, at = [], text.find(quote)
    while at >= 0 and quote:
        out.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return out


def score_new_names(
    docs: Sequence[Any], find: Callable[[str], list[tuple[str, int, int, str]]]
) -> dict[str, Score]:
    """Per language: an expected new name is found when a proposal of its type overlaps one of the places
    its quotes (``quote`` and ``also``) have in the text; a proposal (one per distinct name and type on a
    page) is right when it overlaps one of an expected new name's of its type."""
    from desktop.ingest.acronyms import acronym

    scores: dict[str, Score] = {}
    for doc in docs:
        expected = (doc.expected.get("entities") or {}).get("new")
        if expected is None:
            continue
        # An expected name is found at any of the places the page names it ("quote" and "also": БГУ and
        # Белорусского государственного университета).
        want = [
            (
                n["type"],
                [o for q in (n["quote"], *n.get("also", ())) for o in _occurrences(doc.text, q)],
                n["name"],
                n["quote"],
            )
            for n in expected
        ]
        got: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for kind, start, end, name in find(doc.text):
            got.setdefault((kind, name.casefold()), []).append((start, end))

        def overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
            return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)

        def same(
            w: tuple[str, list[tuple[int, int]], str, str], g: tuple[str, str], spans: list[tuple[int, int]]
        ) -> bool:
            # The proposal's spans meet the expected quote's, or it is written as the expected name or quote.
            short = (acronym(w[2]) or "").casefold()  # BSU for the Belarusian State University
            return w[0] == g[0] and (
                overlaps(spans, w[1]) or g[1] in (w[2].casefold(), w[3].casefold(), short)
            )

        found = [w for w in want if any(same(w, g, spans) for g, spans in got.items())]
        right = [g for g, spans in got.items() if any(same(w, g, spans) for w in want)]
        for lang in (doc.expected.get("language", "?"), "all"):
            s = scores.setdefault(lang, Score())
            s.expected += len(want)
            s.found += len(found)
            s.right += len(right)
            s.given += len(got)
            if lang == "all":
                s.misses += [f"{doc.id}: missed {w[0]} {w[2]}" for w in want if w not in found]
                s.misses += [f"{doc.id}: wrong {g[0]} {g[1]}" for g in got if g not in right]
    return scores


def new_name_table(docs: Iterable[Any]) -> tuple[str, dict[str, Score]]:
    """The per-language table of new names (markdown) and the scores; the baseline proposed none."""
    docs = list(docs)
    now = score_new_names(docs, new_name_finder())
    if not now:
        return "", now
    lines = [
        f"new names (entities the authority lacks); targets: precision ≥ {NEW_PRECISION}, "
        f"recall ≥ {NEW_RECALL}; the baseline proposed none (recall 0)",
        "",
        "| language | precision | recall | met |",
        "|---|---|---|---|",
    ]
    for lang in sorted(now, key=lambda k: (k == "all", k)):
        s = now[lang]
        met = (s.precision or 0) >= NEW_PRECISION and (s.recall or 0) >= NEW_RECALL
        lines.append(f"| {lang} | {_fmt(s.precision)} | {_fmt(s.recall)} | {'yes' if met else '**no**'} |")
    return "\n".join(lines), now
