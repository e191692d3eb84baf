"""A page's dates told apart, on small pages written for the test: publication vs a today bar, the event's
date from the article with its year or month inferred, background and other articles' dates left alone."""

from __future__ import annotations

from desktop.ingest.firstpass import first_pass

LEAD_EN = (
    "The delegation visited the laboratories of the university and discussed joint research in materials "
    "science, mechanical engineering and information technology with the rector and the deans."
)
MORE_EN = (
    "Both sides agreed to prepare a programme of student exchanges for the next academic year and to hold "
    "a joint seminar in the spring, the press service of the university said."
)


def _dates(text: str, language: str = "en") -> tuple[str | None, str | None, str | None, list[str]]:
    found = first_pass(text, language=language)
    return (
        found.published.value if found.published else None,
        found.event_start.value if found.event_start else None,
        found.event_end.value if found.event_end else None,
        [c.value for c in found.captured],
    )


def test_a_today_bar_is_the_capture_date_and_the_labelled_date_is_the_publication() -> None:
    text = (
        "Tuesday, 4 June 2024 | Minsk +19°C\nHome | News | Economy\n\n"
        "Belarusian delegation visits Harbin university\n"
        "Published: 15 May 2024, 16:45\n\n"
        f"On 14 May {LEAD_EN}\n\n{MORE_EN}\n"
    )
    published, start, end, captured = _dates(text)
    assert published == "2024-05-15" and captured == ["2024-06-04"]
    assert start == end == "2024-05-14"


def test_a_day_and_month_in_early_january_belong_to_the_year_before() -> None:
    text = (
        "Home | News\n\nVice governor meets Belarusian ambassador\n2024-01-03 10:15\n\n"
        f"On December 28, {LEAD_EN}\n\n{MORE_EN}\n"
    )
    published, start, _end, _captured = _dates(text)
    assert published == "2024-01-03" and start == "2023-12-28"
    reason = first_pass(text, language="en").event_start
    assert reason is not None and "year before" in reason.reason


def test_a_range_stays_a_range_and_takes_the_publications_year() -> None:
    text = (
        "Главная | Новости\n\nФорум регионов Беларуси и Китая прошел в Минске\n16.05.2024, 09:10\n\n"
        "С 14 по 15 мая в Национальной библиотеке прошел форум межрегионального сотрудничества, в котором "
        "приняли участие около трехсот представителей регионов двух стран и деловых кругов.\n\n"
        "Участники обсудили промышленную кооперацию, образование и туризм, а также подписали пакет "
        "документов на сумму более ста миллионов долларов.\n"
    )
    published, start, end, _captured = _dates(text, "ru")
    assert (published, start, end) == ("2024-05-16", "2024-05-14", "2024-05-15")


def test_a_weekday_is_counted_back_from_the_publication_date() -> None:
    text = (
        "Home | News\n\nBelarusian delegation visits Harbin university\nPublished: 28.02.2024\n\n"
        f"On Tuesday {LEAD_EN}\n\n{MORE_EN}\n"
    )
    published, start, _end, _captured = _dates(text)
    assert published == "2024-02-28" and start == "2024-02-27"  # 28 February 2024 was a Wednesday


def test_a_day_alone_after_a_chinese_dateline_takes_the_datelines_month() -> None:
    text = (
        "首页 | 新闻\n\n中白地方合作论坛在明斯克举行\n2024-05-15 21:06:37　来源：新华网\n\n"
        "新华社明斯克5月15日电　14日至15日，中白地方合作论坛在白俄罗斯首都明斯克举行，来自两国地方政府、"
        "企业和高校的约300名代表参会，论坛期间签署的合作协议总金额超过1亿美元。\n\n"
        "与会代表表示，双方在装备制造、现代农业和教育科技等领域互补性强，合作前景广阔，将推动更多务实项目落地。\n"
    )
    published, start, end, _captured = _dates(text, "zh")
    assert (published, start, end) == ("2024-05-15", "2024-05-14", "2024-05-15")


def test_background_years_and_other_articles_dates_are_not_the_event() -> None:
    text = (
        "Home | News\n\nBelarusian delegation visits Harbin university\nPublished: 15 May 2024\n\n"
        "The university, founded on 20 January 1920, welcomed the guests yesterday. "
        f"{LEAD_EN}\n\n{MORE_EN}\n\n"
        "Read also\n12 May 2024 New flights from Minsk to Guangzhou announced\n"
    )
    published, start, _end, _captured = _dates(text)
    assert published == "2024-05-15" and start == "2024-05-14"
