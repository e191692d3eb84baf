"""Places named in a text in every script, from the bundled gazetteer (GeoNames), and the event's place."""

from __future__ import annotations

import pytest

from desktop.ingest.firstpass import first_pass
from desktop.ingest.places import find_places


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Форум прошел в Минске, делегация побывала в Гомеле", ["Minsk", "Homyel'"]),
        ("Дэлегацыя наведала Віцебск і Магілёў", ["Vitebsk", "Mahilyow"]),
        ("新华社明斯克5月15日电 中白论坛在白俄罗斯首都明斯克举行", ["Minsk", "Minsk"]),
        ("Die Delegation besuchte Peking und Harbin", ["Beijing", "Harbin"]),
        ("मिन्स्क, 14 मई (भाषा)", ["Minsk"]),
        # Names of several words, declined: one place, not its parts.
        ("Делегация побывала в Нижнем Новгороде", ["Nizhniy Novgorod"]),
        ("talks in Nizhny Novgorod", ["Nizhniy Novgorod"]),
        # Regions from CLDR and ISO 3166-2 in every language; a name a city has too is the city's.
        ("Делегация Брестской области посетила Минск", ["Brest Region", "Minsk"]),
        ("山东省代表团访问明斯克州", ["Shandong Province", "Minsk Region"]),
        ("Дэлегацыя Гомельскай вобласці", ["Homel Region"]),
    ],
)
def test_places_in_every_script_and_case(text: str, names: list[str]) -> None:
    assert [m.place.name for m in find_places(text)] == names


def test_words_that_only_look_like_places_are_not_places() -> None:
    # 合作 ("cooperation") is also a small town, Hezuo; Кітая is China's genitive, not Quito (Кіта);
    # Vladimir before a surname is a person.
    assert find_places("中白合作论坛") == []
    assert find_places("Супрацоўніцтва Беларусі і Кітая") == []
    assert find_places("Vladimir Gusakov attended") == []


def test_the_events_place_is_where_the_article_says_it_was_not_the_dateline() -> None:
    text = (
        "Home | News\n\nBelarusian physicist receives award\n\n"
        "MINSK, Sept 27 (BelTA) - A Belarusian physicist received the Friendship Award at a ceremony held in "
        "Harbin, the capital of Heilongjiang province, on 26 September, the academy said on Wednesday.\n\n"
        "The award is given to foreign experts who have made outstanding contributions to the province, and "
        "the ceremony in Harbin gathered more than a hundred guests from twenty countries.\n"
    )
    place = first_pass(text, language="en").place
    assert place is not None and place.value == "Harbin"


def test_with_no_place_in_the_article_the_datelines_city_is_proposed() -> None:
    text = (
        "Home | News\n\nUniversities sign cooperation agreement\n\n"
        "MINSK, 27 September (BelTA) - The Belarusian State University and a Chinese university signed an "
        "agreement on joint training of engineers at the university's main building on Thursday, the "
        "rector's office said. The previous agreement between them was signed years ago.\n"
    )
    place = first_pass(text, language="en").place
    assert place is not None and place.value == "Minsk" and "dateline" in place.reason


def test_a_region_is_the_events_place_only_when_no_city_is_named() -> None:
    region_only = (
        "Home | News\n\nFarmers meet\n\nФермеры Гомельской области провели встречу с деловыми партнёрами "
        "из Китая и обсудили поставки молочной продукции в следующем году.\n"
    )
    place = first_pass(region_only, language="ru").place
    assert place is not None and place.value == "Homel Region"
    with_city = (
        "Home | News\n\nDelegation visits\n\n"
        "Делегация провинции Шаньдун провела переговоры в Минске с представителями крупных "
        "промышленных предприятий и обсудила поставки техники.\n"
    )
    place = first_pass(with_city, language="ru").place
    assert place is not None and place.value == "Minsk"
