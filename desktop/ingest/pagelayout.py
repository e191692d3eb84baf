"""Where the article is on a saved news page: its body, its headline, and the page chrome around them.

A page saved as text is lines: menus, a "today" bar, the site's name, breadcrumbs, the headline, a date and
byline, the article, then credits, tags, share buttons, "related news" with their own dates, an address
block and a cookie notice. The article is found the way boilerplate removers do it (after jusText and the
body-text extraction of Kohlschütter et al.): each line is scored as text (sentences, words, sentence
punctuation) or chrome (short, separators, menu and footer words), and the body is the run of lines with
the most text in it (a maximum-sum segment, so a short subheading inside the article stays in it while a
related-news list after it does not). The headline is the headline-like line just above the body.

Everything outside the headline and the body is chrome, marked per line with a kind and a reason; inside
the body only lines that are plainly chrome (credits, dates and bylines, share and tag lines) are. Nothing
is removed: these are spans into the text as it was received.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence ends in the archive's scripts (Latin/Cyrillic, CJK full stops, Devanagari danda).
# (A full stop counts when a space or the line's end follows: not inside "27.09.2024" or "U.S.A".)
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)|[。！？।]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Words: letters with their combining marks (Devanagari vowel signs are marks, not word characters to re).
_WORD = re.compile(r"[\w\u0300-\u036f\u0900-\u097f]+")
# Menus and breadcrumbs: words separated by bars, slashes, arrows or runs of spaces.
_SEPARATORS = re.compile(r"\s[|/>»›·•]\s|\s{3,}|[|｜]|>>|＞|→")
_DATE_LIKE = re.compile(
    r"\d{1,4}[./\-年]\d{1,2}[./\-月]\d{1,4}|\d{1,2}:\d{2}|\d{1,2}：\d{2}|\b(?:19|20)\d{2}\b"
)
_URL = re.compile(r"https?://|www\.|\b\w+\.(?:com|cn|by|ru|de|org|net|in|gov)\b", re.IGNORECASE)
_EMAIL_PHONE = re.compile(
    r"@\w+\.\w+|\+\s?\d[\d\s()\-]{7,}|\b(?:tel|тел|phone|电话|फ़ोन|Fax|Факс)\b", re.IGNORECASE
)
# Share and print bars (which may sit between a headline and its article, unlike the site's menus).
_SHARE = re.compile(
    r"share|teilen|drucken|print|facebook|twitter|telegram|whatsapp|vk\b|viber|weibo|微信|微博|分享|"
    r"поделиться|падзяліцца|поділитися|शेयर",
    re.IGNORECASE,
)

# Words that say a line belongs to the page, not the article (any language of the archive). Kept general:
# each is what sites of that language put in menus, footers, bylines and notices. Strong ones mark a line
# whatever its length; weak ones (a single word a headline may also use: "photo", "share") only a short one.
_STRONG_CHROME = re.compile(
    r"cookie|куки|all rights reserved|все права защищены|усе правы абаронены|усі права захищені|"
    r"alle rechte vorbehalten|版权所有|copyright|©|सर्वाधिकार|"
    r"subscribe|подписывайтесь|падпісвайцеся|підписуйтесь|abonnieren|newsletter|订阅|关注我们|关注.{0,6}公众号|"
    r"icp备|公网安备|网站标识码|主办单位|承办单位|"
    r"skip to|zum inhalt|перейти к|main content|मुख्य सामग्री|无障碍|visually impaired|слабовидящ|"
    r"text size|font size|schriftgröße|размер шрифта|字号|字体|A\s?A\s?A\b|A-\s?A\s?A\+|"
    r"related news|read also|more news|most read|читайте также|другие новости|чытайце таксама|"
    r"іншыя навіны|читайте також|інші новини|相关新闻|相关阅读|推荐阅读|mehr zum thema|weitere meldungen|"
    r"ähnliche artikel|यह भी पढ़ें|上一篇|下一篇|打印本页|关闭窗口",
    re.IGNORECASE,
)
_WEAK_CHROME = re.compile(
    r"\b(?:share|print|views?|tags?|photo|editor|source|author|search|login|home|contact|menu)\b|"
    r"поделиться|печать|просмотр|теги|фото|редактор|источник|автор|поиск|войти|главная|"
    r"падзяліцца|друк|прагляд|тэгі|аўтар|крыніца|пошук|увайсці|галоўная|"
    r"поділитися|перегляд|джерело|головна|"
    r"teilen|drucken|aufrufe|schlagwörter|quelle|autor|suche|anmelden|startseite|"
    r"分享|打印|浏览|阅读量|标签|摄影|图片|编辑|来源|作者|搜索|登录|首页|点击数|"
    r"शेयर|फोटो|संपादक|स्रोत|लेखक|खोज|होम",
    re.IGNORECASE,
)
# A short label and a colon at the start, then little ("Source: Xinhua", "Text Size: A A A", "点击数：285",
# "Автор: Ирина К."): page metadata. A headline's kicker ("Fahrzeugbau: Delegation besucht …") has more after.
_LABEL = re.compile(r"^\S{1,24}(?:\s\S{1,24}){0,2}\s*[:：]\s*(\S+(?:\s+\S+){0,2})?\s*$")
_TIME = re.compile(r"\b\d{1,2}[:：]\d{2}\b|\d{1,2}：\d{2}")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of the page, with its span and what it looks like."""

    start: int
    end: int
    text: str
    words: int
    cjk: int
    sentences: int
    separators: int
    chrome_words: int
    dates: int

    @property
    def size(self) -> int:
        """Its amount of text: CJK characters count as words (two for one, as they carry more)."""
        return self.words + self.cjk // 2


@dataclass(frozen=True, slots=True)
class ChromeSpan:
    """A span of page chrome with its kind (the catalogue's debris kinds) and why it was marked."""

    start: int
    end: int
    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class Layout:
    """The article's place on the page."""

    lines: tuple[Line, ...]
    body: tuple[int, int] | None  # indices of the body's first and last line in ``lines``
    headline: int | None  # index of the headline's line
    chrome: tuple[ChromeSpan, ...]

    def body_span(self) -> tuple[int, int] | None:
        if self.body is None:
            return None
        return self.lines[self.body[0]].start, self.lines[self.body[1]].end


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    at = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = at + lead
            lines.append(_line(start, start + len(stripped), stripped))
        at += len(raw) + 1
    return lines


def _line(start: int, end: int, text: str) -> Line:
    # Most lines have no CJK character: one search instead of a count and a substitution.
    cjk = len(_CJK.findall(text)) if _CJK.search(text) else 0
    words = len(_WORD.findall(_CJK.sub(" ", text) if cjk else text))
    size = words + cjk // 2
    # A paragraph's dates and page words decide nothing (it is neither a headline nor a date line, and
    # reads as text or not by its sentences and separators): they are not looked for, which was most of
    # the layout's time on long articles. A line without a digit has no date.
    short = size <= _CHROME_LINE_WORDS
    return Line(
        start=start,
        end=end,
        text=text,
        words=words,
        cjk=cjk,
        sentences=len(_SENTENCE_END.findall(text)),
        separators=len(_SEPARATORS.findall(text)),
        chrome_words=_chrome_words(text, size) if short else 0,
        dates=len(_DATE_LIKE.findall(text)) if short and _DIGIT.search(text) else 0,
    )


# Longer lines than this are paragraphs (a cookie or legal notice runs to 20-50 words): the page's own words
# and dates are not looked for in them.
_CHROME_LINE_WORDS = 60
_DIGIT = re.compile(r"\d")


def _chrome_words(text: str, size: int) -> int:
    if size > _CHROME_LINE_WORDS:
        return 0
    strong = len(_STRONG_CHROME.findall(text))
    weak = len(_WEAK_CHROME.findall(text)) if size <= 8 else 0
    label = 1 if size <= 12 and _LABEL.match(text) else 0
    return strong + weak + label


def text_weight(line: Line) -> float:
    """How much a line reads as article text (positive) or page chrome (negative), weighted by its size."""
    size = max(line.size, 1)
    prose = line.sentences >= 1 and (line.words >= 10 or line.cjk >= 25)
    if line.chrome_words and not (prose and line.size >= 40):
        return -1.5 * size
    if line.separators >= 2:
        return -1.5 * size
    if prose:
        return float(size)
    if line.size >= 30:  # a long line without sentence punctuation: a lead or a list of names
        return 0.5 * size
    return -0.6 * size  # short: a subheading inside the article costs less than the text around it


# A heading over other articles ("Read also", «Читайте также», «相关新闻»): the article has ended above it.
_LIST_HEADING = re.compile(
    r"^(?:related|read also|more news|most read|see also|читайте также|другие новости|по теме|"
    r"чытайце таксама|іншыя навіны|па тэме|читайте також|інші новини|相关新闻|相关阅读|推荐阅读|"
    r"mehr zum thema|weitere meldungen|ähnliche artikel|यह भी पढ़ें|संबंधित)",
    re.IGNORECASE,
)


def find_body(lines: list[Line]) -> tuple[int, int] | None:
    """The run of lines with the most article text (Kadane's maximum-sum segment over the weights), ended
    above a heading over other articles."""
    span = _max_segment(lines)
    if span is None:
        return None
    first, last = span
    for i in range(first + 1, last + 1):
        if _LIST_HEADING.match(lines[i].text) and lines[i].size <= 6:
            return _max_segment(lines[:i]) if first < i else None
    return span


def _max_segment(lines: list[Line]) -> tuple[int, int] | None:
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += text_weight(line)
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _headline_like(line: Line) -> bool:
    if line.separators or line.chrome_words or _URL.search(line.text) or _EMAIL_PHONE.search(line.text):
        return False
    if line.dates and (line.size <= 8 or (_TIME.search(line.text) and line.size <= 16)):
        return False  # a date line ("15 May 2024, 16:45", "Updated Thu, 16 May 2024 08:45 PM IST")
    letters = [c for c in line.text if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return False  # a site's name in capitals
    if line.cjk:
        return 6 <= line.cjk <= 80
    if line.words < 4 or line.words > 40:
        return False
    return not line.text.endswith((".", ":", "!")) or line.words <= 25


def find_headline(lines: list[Line], body: tuple[int, int] | None) -> int | None:
    """The headline: the nearest headline-like line above the body (past date, byline and share lines; not
    above the site's menus), or the upper of two headline-like lines (the lower is a standfirst)."""
    if body is None:
        return None
    first = body[0]
    for i in range(first - 1, max(-1, first - 12), -1):
        line = lines[i]
        if line.separators >= 2 and not (_SHARE.search(line.text) or re.search(r"[\d:：]", line.text)):
            break  # the site's menus or breadcrumbs: above them is the site's name, not a headline
        if _headline_like(line):
            # A headline-like line right above it is the headline, this its standfirst (subtitle).
            if i > 0 and _headline_like(lines[i - 1]) and lines[i - 1].end + 2 >= line.start - 1:
                return i - 1
            return i
    # The body's own first line, when it is a headline and the page has nothing above it.
    if _headline_like(lines[first]) and lines[first].sentences == 0:
        return first
    return None


def _chrome_kind(line: Line) -> tuple[str, str]:
    text = line.text
    low = text.casefold()
    if re.search(r"photo|фото|摄影|图片|foto|फोटो|editor|редактор|рэдактар|编辑|संपादक", low):
        return "credit", "a photographer's or editor's credit"
    if line.separators >= 2:
        return "navigation", "a menu or breadcrumb (words between separators)"
    if _EMAIL_PHONE.search(text) or re.search(r"address|адрес|адрас|地址|adresse|पता|icp备", low):
        return "other", "an address, telephone or registration block"
    if re.search(r"cookie|куки", low):
        return "other", "a cookie notice"
    if re.search(r"©|copyright|版权|rights reserved|права|rechte", low):
        return "other", "a copyright line"
    if line.dates and line.size <= 25:
        return "metadata", "a date, byline or source line of the page"
    if line.chrome_words:
        return "metadata", "the page's own words (share, tags, views, source, author)"
    return "navigation", "outside the article: the site's name, a section or a menu item"


# A line of prose this long outside the article is text, not the page's chrome.
_PARAGRAPH_WORDS = 40


def find_layout(text: str) -> Layout:
    lines = split_lines(text)
    body = find_body(lines)
    headline = find_headline(lines, body)
    chrome: list[ChromeSpan] = []
    for i, line in enumerate(lines):
        if i == headline:
            continue
        # Without an article (a note, a list, a fragment) nothing tells the page from the text: only lines
        # that are plainly chrome are marked, as inside an article.
        inside = body is None or body[0] <= i <= body[1]
        weight = text_weight(line)
        plainly = line.chrome_words or line.separators >= 2 or (line.dates and line.size <= 12)
        if inside and (weight >= 0 or not plainly):
            continue
        if not inside and weight > 0 and line.size >= _PARAGRAPH_WORDS and not plainly:
            continue  # a paragraph of prose outside the article (a second article, a long lead): not chrome
        if headline is not None and i > headline and line.text == lines[headline].text:
            kind, reason = "duplicate-title", "the headline again"
        else:
            kind, reason = _chrome_kind(line)
        chrome.append(ChromeSpan(line.start, line.end, kind, reason))
    return Layout(tuple(lines), body, headline, tuple(chrome))
