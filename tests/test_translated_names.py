"""A name the authority lacks in one language is still read as the entity it names: translations read word by
word into the concepts of the entity's English name, short forms linked where the page supports them, and
names matched however a source quotes, hyphenates or inflects them (issue 17)."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.aliases import AliasMatcher
from desktop.catalogue.model import load_catalogue
from desktop.ingest.build import authority_aliases
from desktop.ingest.resolve import NameResolver
from desktop.ingest.shortforms import may_name_in_context, quoted_short_forms
from desktop.services import Archive, EventFilter

from .conftest import SEEDS


@functools.cache
def _resolver() -> NameResolver:
    cat = load_catalogue(SEEDS)
    forms = authority_aliases(cat.entities.values())
    return NameResolver(
        (key, cat.entities[key].type, cat.entities[key].name, f[0]) for key, fs in forms.items() for f in fs
    )


@pytest.mark.parametrize(
    "name",
    [
        "白俄罗斯国家科学院",
        "Nationalen Akademie der Wissenschaften von Belarus",
        "Национальной академии наук Беларуси",
        "Нацыянальнай акадэміі навук Беларусі",
    ],
)
def test_a_translated_name_is_proposed_as_the_entity_it_translates(name: str) -> None:
    found = _resolver().resemble(name, "organisation")
    assert found is not None and found.key == "org.nasb"
    assert found.why  # the evidence: what its words mean, or the name it is spelled like


def test_a_name_of_no_one_body_is_not_resolved_unless_the_page_names_where() -> None:
    resolver = _resolver()
    assert resolver.resemble("Научно-исследовательский институт", "organisation") is None
    assert resolver.resemble("省科技厅", "organisation") is None  # which province's?
    found = resolver.resemble("省科技厅", "organisation", near=["place.shandong", "country.china"])
    assert found is not None and found.key == "org.shandong-dost"
    assert "Shandong" in found.why


def test_names_match_however_quoted_hyphenated_or_inflected() -> None:
    matcher = AliasMatcher(
        [
            ("park", "Китайско-Белорусский индустриальный парк «Великий камень»"),
            ("park-en", "China–Belarus Industrial Park “Great Stone”"),
        ]
    )
    ru = 'в Китайско-Белорусском индустриальном парке "Великий камень" открыли завод'
    assert [m.key for m in matcher.find(ru)] == ["park"]
    en = 'at the China-Belarus Industrial Park "Great Stone" on Monday'
    (m,) = matcher.find(en)
    assert m.key == "park-en" and en[m.start : m.end].endswith('Stone"')


def test_short_forms_are_the_quoted_names_not_generic_words() -> None:
    park = "Китайско-Белорусский индустриальный парк «Великий камень»"
    assert quoted_short_forms(park) == ["Великий камень"]
    assert may_name_in_context("中白工业园", "native", "place")
    assert not may_name_in_context("康采恩", "transliteration")  # a word ("concern"), not a name
    assert not may_name_in_context("Provincial Government", "variant")  # words for a kind of body
    assert not may_name_in_context("Wu", "variant", "person")


@pytest.fixture(scope="module")
def real_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    root = tmp_path_factory.mktemp("translated")
    shutil.copytree(SEEDS, root / "seeds")
    archive = Archive.open(root / "archive.sqlite")
    assert archive.build(root / "seeds").ok
    yield archive
    archive.close()


def _suggestions(archive: Archive, path: Path, text: str, marker: str) -> list[tuple[str, str, str]]:
    path.write_text(text, encoding="utf-8")
    assert archive.import_paths([path]).ok
    (row,) = [r for r in archive.all_rows(EventFilter(text=marker)) if r.uncatalogued]
    detail = archive.detail(row.id)
    assert detail is not None
    return [(s.kind, s.value, s.reason) for s in detail.documents[0].suggestions]


def test_an_import_links_a_short_form_only_where_the_page_supports_it(
    real_archive: Archive, tmp_path: Path
) -> None:
    supported = _suggestions(
        real_archive,
        tmp_path / "park.txt",
        "Containerzug erreicht Belarus\n\nMINSK, 4. Juni — Ein Güterzug aus Chengdu ist im Industriepark "
        "„Great Stone“ bei Minsk in Belarus angekommen, teilte die Parkverwaltung mit. Der Zug "
        "Quellwasserzug brachte Maschinenteile.\n",
        "Quellwasserzug",
    )
    links = [(v, r) for k, v, r in supported if k == "context_link"]
    assert [v for v, _ in links] == ["place.great-stone-park"]
    assert "Belarus" in links[0][1]  # the reason says which of the page's names supports it
    unsupported = _suggestions(
        real_archive,
        tmp_path / "stone.txt",
        "Garden notes\n\nA great stone wall, the Great Stone of the old garden at Kew, was repaired this "
        "spring by the Felsenwerk team.\n",
        "Felsenwerk",
    )
    assert not [s for s in unsupported if s[0] == "context_link"]


def test_an_import_proposes_a_translated_name_as_the_entity(real_archive: Archive, tmp_path: Path) -> None:
    found = _suggestions(
        real_archive,
        tmp_path / "zh.txt",
        "合作会议\n\n6月5日，白俄罗斯国家科学院代表团访问济南，与山东省有关方面举行座谈。会议讨论了石墨烯合作。\n",
        "石墨烯",
    )
    assert ("alias_of", "org.nasb") in {(k, v) for k, v, _r in found}


def test_a_short_form_is_proposed_once_with_the_country_that_supports_it() -> None:
    from desktop.ingest.shortforms import ShortForms, support_of
    from desktop.textspans import SpanSet

    places = {"park": ("by", "region"), "region": ("by", "by"), "by": (None, None)}
    forms = ShortForms([("park", "Great Stone")], support_of(places, ["park"]))
    text = "Great Stone grows. Belarus says Great Stone is open."
    (found,) = forms.find(text, {"by"}, SpanSet([]))
    assert (found.match.start, found.support, found.relation) == (0, "by", "its country")
    assert not forms.find(text, {"cn"}, SpanSet([]))  # nothing on the page supports it
