"""Where the article is on a saved page: the hard cases of the headline and the chrome, each on a small page
written for the test (the development set in tests/data/first_pass measures the rest)."""

from __future__ import annotations

import pytest

from desktop.ingest.firstpass import first_pass
from desktop.ingest.pagelayout import find_layout

BODY = (
    "The delegation visited the laboratories of the university and discussed joint research in materials "
    "science, mechanical engineering and information technology with the rector and the deans.\n\n"
    "Both sides agreed to prepare a programme of student exchanges for the next academic year and to hold "
    "a joint seminar in the spring, the press service of the university said.\n"
)


def _page(*top: str, tail: str = "") -> str:
    return "\n".join(top) + "\n\n" + BODY + tail


def _title(text: str) -> str | None:
    found = first_pass(text, language="en").title
    return found.value if found else None


def test_the_headline_is_the_line_above_the_date_and_byline() -> None:
    text = _page(
        "Home | News | Science | Contacts",
        "Home > News > Cooperation",
        "Belarusian delegation visits Harbin university",
        "15 May 2024, 16:45",
        "Author: Ivan Petrov",
    )
    assert _title(text) == "Belarusian delegation visits Harbin university"


def test_a_standfirst_under_the_headline_is_not_the_headline() -> None:
    text = _page(
        "Home | News | Science",
        "Belarusian delegation visits Harbin university",
        "The guests saw three laboratories and a new library building",
        "16.05.2024, 09:10",
    )
    assert _title(text) == "Belarusian delegation visits Harbin university"


def test_a_headline_with_a_kicker_and_colon_is_a_headline_not_a_label() -> None:
    text = _page(
        "Home | News", "Materials science: Belarusian delegation visits Harbin university", "Source: BelTA"
    )
    assert _title(text) == "Materials science: Belarusian delegation visits Harbin university"


def test_the_sites_name_above_its_menus_is_not_the_headline() -> None:
    text = _page(
        "BELARUSIAN NATIONAL TECHNICAL UNIVERSITY",
        "About | Admission | Education | Science | News",
        "Main page / News / International cooperation",
    )
    found = first_pass(text, language="en")
    assert found.title_derived and found.title is not None
    assert found.title.value.startswith("The delegation visited the laboratories")


def test_a_share_bar_between_headline_and_article_is_passed_over() -> None:
    text = _page(
        "Politics | World | Business",
        "Xi receives Lukashenko in Beijing",
        "Share   Facebook   X   Whatsapp   Print",
    )
    assert _title(text) == "Xi receives Lukashenko in Beijing"


def test_a_derived_title_does_not_stop_at_an_initial_or_an_abbreviation() -> None:
    text = (
        "Home | News\n\n12 сакавіка 2024 г. у ГДТУ імя П. В. Сухога адбыўся семінар з удзелам кітайскіх "
        "навукоўцаў. Далей.\n"
    )
    found = first_pass(text + "\n" + BODY, language="be")
    assert found.title_derived and found.title is not None
    assert "адбыўся семінар" in found.title.value


def test_chrome_around_the_article_is_marked_and_the_article_is_not() -> None:
    text = _page(
        "Tuesday, 4 June 2024 | Minsk +19°C",
        "Home | News | Science",
        "Belarusian delegation visits Harbin university",
        "15 May 2024, 16:45",
        tail="\nPhoto by Vitaly Gil\nViews: 1347\nMost read\nLukashenko signs decree   14 May 2024, 11:20\n"
        "© BelTA, 2024. All rights reserved.\n",
    )
    layout = find_layout(text)
    marked = "".join(text[c.start : c.end] + "\n" for c in layout.chrome)
    for chrome in (
        "Tuesday, 4 June 2024",
        "Home | News",
        "15 May 2024, 16:45",
        "Photo by",
        "Views:",
        "All rights",
    ):
        assert chrome in marked, chrome
    assert "laboratories" not in marked and "student exchanges" not in marked
    kinds = {text[c.start : c.end]: c.kind for c in layout.chrome}
    assert kinds["Photo by Vitaly Gil"] == "credit"


def test_words_in_devanagari_keep_their_vowel_signs() -> None:
    from desktop.ingest.pagelayout import split_lines

    (line,) = split_lines("आलू जैव प्रौद्योगिकी पर अंतरराष्ट्रीय कार्यशाला")
    assert line.words == 6


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  \n",
        "Minsk",
        "a\x00b\x00\n" * 100,
        "Минск 14 мая 2024 года форум. " * 2000,
        "Home | News | About\nSearch\n© 2024\n",
        "\u202eevil\u202c headline text here\n\nSome sentence with 14 May 2024 in Minsk. " * 3,
        "\n".join(f"{d % 28 + 1}.05.2024 Title {d}" for d in range(2000)),
        "1234567890 " * 5000,
        "新华社明斯克5月15日电 " + "中白合作论坛在明斯克举行。" * 3000,
    ],
    ids=[
        "empty",
        "blank",
        "one-word",
        "nul",
        "one-long-line",
        "only-chrome",
        "rtl",
        "dates",
        "digits",
        "cjk",
    ],
)
def test_any_text_gets_a_first_pass_whose_spans_are_in_it(text: str) -> None:
    """Whatever an import brings, the first pass answers (perhaps with nothing) and every span is inside."""
    found = first_pass(text, language="en")
    for finding in (found.title, found.published, found.event_start, found.place, found.type):
        if finding is not None and finding.start is not None:
            assert 0 <= finding.start <= finding.end <= len(text)  # type: ignore[operator]
    assert all(0 <= c.start < c.end <= len(text) for c in found.chrome)
