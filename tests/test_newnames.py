"""Names the authority lacks are proposed as new entities, with their kind and the words that gave it away;
names it has, page chrome and credits are not (issue 17)."""

from __future__ import annotations

from pathlib import Path

from desktop.ingest.newnames import find_new_names
from desktop.services import Archive, EventFilter


def _found(text: str, **kwargs: object) -> set[tuple[str, str]]:
    return {(n.type, n.name) for n in find_new_names(text, **kwargs)}  # type: ignore[arg-type]


def test_organisations_people_and_places_in_every_script() -> None:
    en = _found(
        "Talks at the National Library of Belarus with Ambassador Xie Xiaoyong and the Harbin Institute."
    )
    assert {("organisation", "National Library of Belarus"), ("person", "Xie Xiaoyong")} <= en
    ru = _found("Ректор Белорусского государственного университета встретился с представителями ОАО «МАЗ».")
    assert ("organisation", "Белорусского государственного университета") in ru
    assert ("organisation", "ОАО «МАЗ»") in ru
    be = _found("Дэлегацыя наведала Мінгарвыканкам і Беларускі нацыянальны тэхнічны ўніверсітэт.")
    assert ("organisation", "Мінгарвыканкам") in be
    assert ("organisation", "Беларускі нацыянальны тэхнічны ўніверсітэт") in be
    zh = _found("副省长孙立平会见了明斯克汽车厂代表，并签署共建联合实验室协议。")
    assert ("person", "孙立平") in zh and ("organisation", "明斯克汽车厂") in zh
    assert not any(name in ("共建联合实验室", "联合实验室") for _kind, name in zh)  # generic words, a verb
    assert ("place", "Minsk") in _found("The plant in Minsk.")


def test_known_names_chrome_and_common_abbreviations_are_not_proposed() -> None:
    text = "Minsk Tractor Works exports. Prices in USD and EUR. Photo: Vitaly Gil"
    known = [(0, len("Minsk Tractor Works"))]
    chrome = [(text.index("Photo"), len(text))]
    found = _found(text, known=known, chrome=chrome)
    assert not any(name in ("Minsk Tractor Works", "USD", "EUR", "Vitaly Gil") for _kind, name in found)


def test_an_import_proposes_the_new_names_it_reads(mini_archive: Archive, tmp_path: Path) -> None:
    page = tmp_path / "visit.txt"
    page.write_text(
        "Home | News\n\nDelegation visits Jinan\n\n"
        "JINAN, 3 June (Xinhua) - Ambassador Xie Xiaoyong and a delegation of the National Academy of "
        "Sciences of Belarus visited the Shandong Analysis Centre in Jinan on Monday to discuss research.\n",
        encoding="utf-8",
    )
    assert mini_archive.import_paths([page]).ok
    (row,) = [r for r in mini_archive.all_rows(EventFilter(text="Xie Xiaoyong")) if r.uncatalogued]
    detail = mini_archive.detail(row.id)
    assert detail is not None
    listed = [(s.kind, s.value) for s in detail.documents[0].suggestions if s.kind.startswith("new_")]
    assert len(listed) == len(set(listed))  # each new name once, at its first mention
    proposals = set(listed)
    assert ("new_person", "Xie Xiaoyong") in proposals
    assert ("new_organisation", "Shandong Analysis Centre") in proposals
    # The academy and Jinan are in the authority: linked, not proposed again.
    assert not any("Academy" in value or value == "Jinan" for _kind, value in proposals)


def test_a_new_name_like_an_authority_entry_is_proposed_as_that_entry() -> None:
    from desktop.ingest.resolve import NameResolver

    resolver = NameResolver(
        [
            (
                "place.gs",
                "place",
                "China–Belarus Industrial Park “Great Stone”",
                "China–Belarus Industrial Park",
            ),
            ("person.wang", "person", "Wang Guiying", "Wang Guiying"),
            ("org.maz", "organisation", "Minsk Automobile Plant", "明斯克汽车厂"),
        ]
    )
    park = resolver.resemble("China-Belarus Industrial Park", "place")
    assert park is not None and park.key == "place.gs" and park.score >= 0.9
    assert resolver.resemble("Guiying Wang", "person").key == "person.wang"  # type: ignore[union-attr]
    assert resolver.resemble("明斯克汽车厂", "organisation").key == "org.maz"  # type: ignore[union-attr]
    assert resolver.resemble("Wang Guiying", "place") is None  # only an entity of its kind
    assert resolver.resemble("Harbin Engineering University", "organisation") is None


def test_names_begun_by_their_body_or_written_in_lower_case_are_found() -> None:
    ru = _found("Делегация Министерства промышленности и информатизации КНР посетила завод.")
    assert ("organisation", "Министерства промышленности и информатизации КНР") in ru
    ru = _found("Встреча прошла в Посольства КНР в Республике Беларусь, а также в Гомельского облисполкома и")
    assert ("organisation", "Посольства КНР в Республике Беларусь") in ru
    assert ("organisation", "Гомельского облисполкома") in ru
    en = _found(
        "The Chengdu municipal government and the Vitebsk State University named after P. M. Masherov met."
    )
    assert ("organisation", "Chengdu municipal government") in en
    assert ("organisation", "Vitebsk State University named after P. M. Masherov") in en
    de = _found(
        "Vertreter des belarussischen Außenministeriums und der Wissenschafts- und Technologieabteilung."
    )
    assert ("organisation", "belarussischen Außenministeriums") in de


def test_words_for_a_kind_of_body_name_no_body() -> None:
    assert not _found("Совместный институт откроется осенью. Проєкт індустріального парку затверджено.")
    assert not [n for k, n in _found("深圳市相关部门和白俄罗斯各孔子学院出席。") if k == "organisation"]
    assert not _found("Der Verband begrüßte das.")


def test_a_place_inside_an_organisations_name_is_proposed_too() -> None:
    found = _found("来自戈梅利国立大学的代表出席。")
    assert ("organisation", "戈梅利国立大学") in found
    assert any(kind == "place" for kind, _name in found)  # Gomel, where the university is
