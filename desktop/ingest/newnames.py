"""Names the authority lacks, proposed as new entities: people by the role a text gives them, organisations
by the kind of body their name ends in, places from the gazetteer (issue 17).

Rules, not a trained model, and measured on the development set (``benchmarks.first_pass``): in Latin and
Cyrillic script an organisation is a run of words ending in (or begun by) a word for a kind of body —
"National Library of Belarus", «Белорусский государственный университет», «Минского автомобильного
завода», ОАО «МАЗ» — and in Chinese a run of characters ending in one (齐鲁工业大学, 明斯克汽车厂), cut at
the words that join clauses; a person is the name after a role ("Ambassador Xie Xiaoyong", «посол Иван
Петров», 副省长孙立平). Each proposal carries its type, the words that gave it away and a confidence: an
archivist decides (issue 18). Names the authority already has, page chrome and credits are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.ingest.glossary import Glossary, specific
from desktop.ingest.places import PlaceMention
from desktop.textspans import SpanSet


@dataclass(frozen=True, slots=True)
class NewName:
    """A name the authority lacks: its text as written, the kind of entity, its span, and why."""

    name: str
    type: str  # person | organisation | place
    start: int
    end: int
    cue: str  # the words that say what it is ("Ambassador", "университет", "大学", "a city")
    confidence: float


# --- organisations ---------------------------------------------------------------------------------------

_LATIN_BODY = (
    r"University|Universities|Academy|Institute|Ministry|Committee|Association|Company|Corporation|Group|"
    r"Bank|Centre|Center|Park|Agency|Council|Federation|Library|Plant|Factory|Works|Commission|College|"
    r"School|Laboratory|Embassy|Consulate|Chamber|Union|Fund|Foundation|Holding|Administration|Bureau|"
    r"Government|Department|Museum|Office|Alliance|Organization|Organisation|"
    r"Universität|Hochschule|Akademie|Institut|Ministerium|Botschaft|Werk|Werke|Verband|Kammer|Zentrum|"
    r"Gesellschaft|Konzern|Bibliothek|Stiftung|Behörde|Regierung|Komitee|Kommission"
)
_LATIN_CONNECT = r"of|for|and|the|on|de|der|des|für|und|zur|zum|an|von"
_CAP = r"(?:[A-Z\u00c0-\u00de][\w’'\-&]*)"
_SP = r"[ \t\u00a0]+"  # a name never runs over a line's end
# A name is found at its word for a body, then grown leftwards over capitalised words and rightwards over
# "of <Name>" (one search for the words, not a pattern tried at every position of the text).
# A German compound ending in one is a body too (Technologieabteilung, Industriepark, Handelskammer).
_GERMAN_COMPOUND_BODY = (
    r"[A-ZÄÖÜ][a-zäöüß\-]{2,}(?:abteilung|ministerium|universität|hochschule|akademie|institut|zentrum|park|"
    r"werk|werke|kammer|verband|behörde|amt|komitee|bibliothek|botschaft|labor|union|regierung|verwaltung)"
    r"(?:s|es)?"
)
_LATIN_BODY_WORD = re.compile(rf"(?<![\w])(?:{_LATIN_BODY}|{_GERMAN_COMPOUND_BODY})(?![\w])")
# Capitalised words, or a German adjective of a country (belarussischen Außenministeriums).
_LATIN_LEFT = re.compile(rf"(?:(?:{_CAP}|[a-zäöü]+isch(?:e|en|er|es)){_SP}){{1,5}}$")
# "of <Name>", then perhaps another (Nationale Akademie der Wissenschaften von Belarus) — not an "and": that
# joins two names.
_LATIN_OF = r"of|for|on|de|der|des|für|zur|zum|von"
_LATIN_NAMED_AFTER = (
    rf"{_SP}named{_SP}after{_SP}(?:[A-Z]\.{_SP}?)*{_CAP}"  # … University named after P. M. Masherov
)
_LATIN_RIGHT = re.compile(
    rf"{_SP}(?:{_LATIN_CONNECT}){_SP}(?:the{_SP})?{_CAP}(?:{_SP}{_CAP}){{0,3}}"
    rf"(?:{_SP}(?:{_LATIN_OF}){_SP}(?:the{_SP})?{_CAP}(?:{_SP}{_CAP}){{0,3}})?"
    rf"(?:{_LATIN_NAMED_AFTER})?|{_LATIN_NAMED_AFTER}"
)
# An article before a name is not part of it (The Chengdu municipal government, Der Verband).
_ARTICLE = re.compile(r"^(?:The|A|An|Der|Die|Das|Den|Dem|Des)[ \t\u00a0]+")
# A place's government or department written in lower case: "Chengdu municipal government", "Jiangsu
# provincial government", "Liaoning provincial department of science and technology".
_LATIN_LOCAL_BODY = re.compile(
    rf"(?<![\w])(?:{_CAP}{_SP}){{1,3}}(?:provincial|municipal|regional|city|county|district)"
    rf"(?:{_SP}people's)?{_SP}(?:government|committee|department(?:{_SP}of{_SP}[a-z]+(?:{_SP}and{_SP}[a-z]+)?)?)"
    r"(?![\w])"
)
# Stems of the words for a body in Russian, Belarusian and Ukrainian (any case ending follows).
_CYRILLIC_BODY = (
    r"университет|універсітэт|університет|академи|акадэмі|академі|институт|інстытут|інститут|"
    r"министерств|міністэрств|міністерств|комитет|камітэт|комітет|исполком|выканкам|виконком|"
    r"ассоциаци|асацыяцы|асоціаці|компани|кампані|корпораци|карпарацы|корпораці|банк|центр|цэнтр|"
    r"парк|агентств|агенцтв|агенці|совет|савет|рад[аы]|федераци|федэрацы|федераці|библиотек|бібліятэк|"
    r"бібліотек|завод|заводу|комбинат|камбінат|фабрик|холдинг|холдынг|объединени|аб'яднанн|об'єднанн|"
    r"посольств|пасольств|консульств|палат|союз|саюз|фонд|колледж|каледж|коледж|лаборатори|лабараторы|"
    r"лабораторі|администраци|адміністрацы|адміністраці|правительств|урад|уряд|технопарк|университ|"
    r"бібліятэц|ўніверсітэт|акадэміі|академии"
)
# A council's executive committee is one word in Russian and Belarusian (Мингорисполком, Мінгарвыканкам).
_CYRILLIC_COMPOUND = re.compile(r"(?<![\w])[А-ЯЁІЎ][а-яёіў]*(?:исполком|выканкам|виконком)[а-яёіў]*")
# …or two, the place's adjective first: Гомельского облисполкома, Смалявіцкага райвыканкама.
_CYRILLIC_LOCAL_COMMITTEE = re.compile(
    r"(?<![\w])[А-ЯЁІЎЄЇ][а-яёіўєї'’]+(?:ого|ага|ий|ый|ій|ой|ая|ім|ым|ом)[ \t\u00a0]+"
    r"(?:обл|абл|рай|гор|гар|міськ)(?:исполком|выканкам|виконком)[а-яёіў]*"
)
# A name begun by its word for a body, capitalised, and told by the words after it in the genitive
# (Министерство промышленности Беларуси, Посольства КНР в Республике Беларусь, Інстытута хіміі новых
# матэрыялаў, Института физики имени Б. И. Степанова).
_CYRILLIC_HEAD_WORD = re.compile(rf"(?<![\w])(?:{_CYRILLIC_BODY})[а-яёіўєїґ]*", re.IGNORECASE)
_CYRILLIC_GENITIVE = re.compile(
    r"[а-яёіўєїґ'’\-]+(?:ии|ости|ості|асці|ции|цыі|ції|ния|ння|ньня|ого|ага|ых|их|ей|ов|аў|ів|ки|кі|ы|и|і)$"
)
_CYRILLIC_NAME_WORD = re.compile(r"[А-ЯЁІЎЄЇҐ][А-ЯЁІЎЄЇҐа-яёіўєїґ'’\-]*\.?$")
_CYRILLIC_NAMING = frozenset({"в", "у", "при", "имени", "імя", "імені"})
_CYRILLIC_AND = frozenset({"и", "і", "та"})
# An organisation's abbreviation: two to six letters, two or more of them capitals (МАЗ, БелАЗ, HIT, BelGee);
# a currency, a unit or a common abbreviation is none.
_ACRONYM = re.compile(r"(?<![\w])[A-ZА-ЯЁІЎ][A-Za-zА-Яа-яЁёІіЎў]{1,5}(?![\w])")
_NOT_ACRONYMS = frozenset(
    [
        "USD",
        "EUR",
        "CNY",
        "RUB",
        "BYN",
        "UAH",
        "GDP",
        "CEO",
        "PHD",
        "IT",
        "AI",
        "TV",
        "ID",
        "OK",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XII",
        "XX",
        "XXI",
        "ВВП",
        "США",
        "СМИ",
        "ТВ",
        "ИТ",
        "РФ",
        "РБ",
        "КНР",
        "ЕС",
        "ООН",
    ]
)
_CYR_CAP = r"[А-ЯЁІЎЄЇҐ][а-яёіўєїґ'’\-]+"
_CYR_WORD = r"[а-яёіўєїґ'’\-]+"
_CYRILLIC_BODY_WORD = re.compile(rf"(?<![\w])(?:{_CYRILLIC_BODY})[а-яёіўєїґ]*")
# Before a word for a body, its adjectives, the first capitalised (Белорусского государственного
# университета, Национальной библиотеке): not a sentence's first words (Проєкт індустріального парку,
# На першым этапе на заводзе).
_CYR_ADJ_END = (
    r"(?:ий|ій|ый|ой|ая|яя|ое|ее|ае|ого|его|ага|яга|ому|ему|аму|ым|им|ых|их|ую|юю|ые|ие|ія|ої|ей|а|е|ы|і)"
)
_CYRILLIC_LEFT = re.compile(rf"{_CYR_CAP}{_CYR_ADJ_END}(?:{_SP}{_CYR_WORD}{_CYR_ADJ_END}){{0,3}}{_SP}$")
_CYRILLIC_RIGHT = re.compile(rf"{_SP}{_CYR_CAP}(?:{_SP}{_CYR_CAP}){{0,2}}")
_CYRILLIC_LEGAL = re.compile(r"(?<![\w])(?:ОАО|ЗАО|ООО|ПАО|АО|СП|ААТ|ТАА|ПрАТ|ТОВ)[ \t\u00a0]*«[^»\n]{2,60}»")
_SCRIPT_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SCRIPT_HAN = re.compile(r"[\u4e00-\u9fff]")
_SCRIPT_LATIN = re.compile(r"[A-Za-z]")
# Chinese: a run ending in a word for a body, cut on its left at the characters that join clauses.
_HAN_BODY = (
    r"大学|学院|研究院|研究所|科学院|研究中心|公司|集团|协会|委员会|管委会|工业园|产业园|图书馆|"
    r"汽车厂|拖拉机厂|制造厂|厂|银行|大使馆|总领事馆|领事馆|政府|商会|基金会|实验室|医院|学校|部|厅|局|"
    r"中心|股份有限公司|有限公司"
)
_HAN_ORG = re.compile(rf"[\u4e00-\u9fff（）()]{{2,16}}?(?:{_HAN_BODY})")
_HAN_VERBS = re.compile(
    r"签署|签订|共建|组建|成立|设立|希望|感谢|代表|评价|支持|致辞中|来自|出席|访问|参观|举行|召开|会见|"
    r"会晤|合作|主办|承办|协办|联合|参加|推动|促进|加强|依托|通过|包括|以及|作为|担任|率领|率|与|同|欢迎|入驻|距"
)
_HAN_GENERIC = re.compile(
    r"^(?:地方|相关|国际|联合|综合性|重要|各|本|该|我|双方|两国|中外|有关|省|市|县|区|全|总|新|大|多|其他)"
    r"(?:政府|学院|大学|公司|部|厅|局|中心|委员会|实验室|协会|学校|研究院|研究所|科学院)$"
    r"|^(?:重要)?组成部$"
)
# "The relevant departments of Shenzhen", "the Confucius Institutes of Belarus", "both countries' local
# governments": bodies of a kind, not one body.
_HAN_SOME = re.compile(r"相关|有关|各|两国|双方|等")
_HAN_JOINERS = set(
    "的与和及在由同向对为是了、，。；：“”「」《》和并等于从到把被将其该这那我你他她它们也就都而或与又"
)

_GLOSSARY = Glossary({})

# --- people ---------------------------------------------------------------------------------------------

_LATIN_ROLE = re.compile(
    r"(?=[ABCDGMPRSV])\b(?:Ambassador|President|Vice[- ]President|Prime Minister|Minister|"
    r"Deputy Minister|Rector|"
    r"Vice[- ]Rector|"
    r"Director|Director[- ]General|Chairman|Chairwoman|Chair|Governor|Vice[- ]Governor|Deputy Governor|"
    r"Secretary|Mayor|Vice[- ]Mayor|Consul General|Consul|Professor|Academician|Dean|"
    r"Botschafter|Botschafterin|Präsident|Präsidentin|Ministerin|Rektor|Rektorin|Direktor|Direktorin|"
    r"Vorsitzende|Vorsitzender|Gouverneur|Vizegouverneur|Bürgermeister)\b"
)
_LATIN_NAME = re.compile(r"[ \t]+((?:[A-Z][a-z’'\-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][a-z’'\-]+|[A-Z]\.)){1,2})")
_CYRILLIC_ROLE = re.compile(
    r"(?=[пПмМрРдДгГзЗаАсСнН])(?<![\w])(?:посол(?!ьств)|посл[аеу]|президент|министр|ректор|директор|председател|губернатор|заместител|"
    r"глав[аыеу]|мэр|профессор|академик|пасол|старшын|рэктар|дырэктар|міністр|намесні|голов[аиі]|"
    r"заступник|посла)[а-яёіў]*",
    re.IGNORECASE,
)
_CYRILLIC_NAME = re.compile(rf"((?:{_CYR_CAP}){_SP}(?:{_CYR_CAP}))")
_HAN_ROLE = re.compile(
    r"(?:大使|副省长|省长|副市长|市长|院长|副院长|校长|副校长|书记|主任|部长|副部长|主席|副主席|总经理|"
    r"董事长|会长|所长|总领事|参赞|教授|院士)"
)
_HAN_NAME_STOP = set("出在与和会表率一等及指对参致发讲介说为同向是了就也团第、，。；：")


def find_new_names(
    text: str,
    known: Iterable[tuple[int, int]] = (),
    chrome: Iterable[tuple[int, int]] = (),
    places: Sequence[PlaceMention] | None = None,
) -> list[NewName]:
    """Every new-entity proposal in ``text``, in text order; ``known``: spans of names the authority has;
    ``chrome``: spans of page chrome (nothing in either is proposed); ``places``: the text's place names if
    found already. Only the rules of the scripts the text is written in run."""
    from desktop.ingest.places import find_places

    # A name the authority has is not new (an organisation named after a known place is: Shandong …).
    named, skip = SpanSet(known), SpanSet(chrome)
    found: list[NewName] = []
    if _SCRIPT_LATIN.search(text):
        found += _latin_organisations(text)
    if _SCRIPT_CYRILLIC.search(text):
        found += _cyrillic_organisations(text)
    if _SCRIPT_HAN.search(text):
        found += _han_organisations(text)
    found += _people(text)
    for p in find_places(text) if places is None else places:
        found.append(NewName(p.place.name, "place", p.start, p.end, "in the gazetteer", 0.6))
    for m in _ACRONYM.finditer(text):
        word = m.group()
        if (
            sum(ch.isupper() for ch in word) >= 2
            and word.upper() not in _NOT_ACRONYMS
            and not (word.isupper() and len(word) > 4)  # MOSKAU, ПЕКИН: a dateline's city in capitals
        ):
            found.append(NewName(word, "organisation", m.start(), m.end(), "an abbreviation", 0.3))
    # A name made only of words for a kind of body (Совместный институт, Міністэрства навукі) names none.
    found = [n for n in found if n.type != "organisation" or not _generic_name(n.name)]
    # Leftmost-longest without overlaps, except that a place may lie inside an organisation's name: the
    # Gomel of 戈梅利国立大学 is named there (a university in Gomel).
    kept: list[NewName] = []
    reach = {"place": -1, "other": -1}
    for n in sorted(found, key=lambda n: (n.start, -(n.end - n.start))):
        kind = "place" if n.type == "place" else "other"
        if (
            n.start < reach[kind]
            or (kind == "other" and n.start < reach["place"])
            or skip.overlaps(n.start, n.end)
            or named.covers(n.start, n.end)
        ):
            continue
        reach[kind] = max(reach[kind], n.end)
        if kind == "other":
            reach["place"] = max(reach["place"], n.end) if n.type == "person" else reach["place"]
        kept.append(n)
    return kept


def _generic_name(name: str) -> bool:
    """Whether every word of a name is a word for a kind of body, none saying which one (a place, a
    country, a name of its own)."""
    meant = _GLOSSARY.concepts(name, least=1)
    return meant is not None and not specific(meant)


def _grown(
    text: str, words: re.Pattern[str], left: re.Pattern[str], right: re.Pattern[str], need_both: bool
) -> list[NewName]:
    """Names found at a word for a body, grown over the words around it (see ``_LATIN_BODY_WORD``)."""
    out: list[NewName] = []
    for m in words.finditer(text):
        before = left.search(text, max(0, m.start() - 120), m.start())
        after = right.match(text, m.end())
        if not before and not after:
            continue
        if need_both and not before:
            continue
        start = before.start() if before else m.start()
        end = after.end() if after else m.end()
        out.append(NewName(text[start:end], "organisation", start, end, m.group(), 0.5))
    return out


def _latin_organisations(text: str) -> list[NewName]:
    found = _grown(text, _LATIN_BODY_WORD, _LATIN_LEFT, _LATIN_RIGHT, need_both=False)
    for m in _LATIN_LOCAL_BODY.finditer(text):
        found.append(NewName(m.group(), "organisation", m.start(), m.end(), "a local government", 0.5))
    out = []
    for n in found:
        article = _ARTICLE.match(n.name)
        if article and len(n.name) > article.end():
            cut = article.end()
            n = NewName(n.name[cut:], n.type, n.start + cut, n.end, n.cue, n.confidence)
        out.append(n)
    return out


def _cyrillic_organisations(text: str) -> list[NewName]:
    found = _grown(text, _CYRILLIC_BODY_WORD, _CYRILLIC_LEFT, _CYRILLIC_RIGHT, need_both=True)
    for m in _CYRILLIC_LEGAL.finditer(text):
        found.append(NewName(m.group(), "organisation", m.start(), m.end(), "a company", 0.5))
    for m in _CYRILLIC_COMPOUND.finditer(text):
        found.append(NewName(m.group(), "organisation", m.start(), m.end(), "executive committee", 0.5))
    for m in _CYRILLIC_LOCAL_COMMITTEE.finditer(text):
        found.append(NewName(m.group(), "organisation", m.start(), m.end(), "executive committee", 0.5))
    for m in _CYRILLIC_HEAD_WORD.finditer(text):
        if m.group()[0].isupper():
            end = _genitive_tail(text, m.end())
            if end > m.end():
                found.append(NewName(text[m.start() : end], "organisation", m.start(), end, m.group(), 0.45))
    return found


def _genitive_tail(text: str, at: int) -> int:
    """Where a name begun by a word for a body at ``at`` ends: over words in the genitive, capitalised words
    and abbreviations (КНР), "и" between two such, "в"/"при"/"имени" before a capitalised one; at most
    six words, never over a line's end or punctuation."""
    end = at
    words = [(w.group(), w.start(), w.end()) for w in re.finditer(r"[^\s,;:()«»\"“”]+", text[at : at + 120])]
    i = 0
    while i < len(words) and i < 6:
        word, start, stop = words[i]
        if "\n" in text[at + (words[i - 1][2] if i else 0) : at + start]:
            break
        nxt = words[i + 1][0] if i + 1 < len(words) else ""
        initial = len(word) == 2 and word.endswith(".")  # Б. of Б. И. Степанова
        if _CYRILLIC_GENITIVE.match(word.rstrip(".")) or _CYRILLIC_NAME_WORD.match(word):
            end = at + stop
            if word.endswith(".") and not initial:  # the sentence ends
                end -= 1
                break
        elif not (
            (word in _CYRILLIC_AND and _CYRILLIC_GENITIVE.match(nxt))
            or (word in _CYRILLIC_NAMING and _CYRILLIC_NAME_WORD.match(nxt))
        ):
            break
        i += 1
    return end


def _han_organisations(text: str) -> list[NewName]:
    found: list[NewName] = []
    for m in _HAN_ORG.finditer(text):
        piece = m.group()
        cut = max((i + 1 for i, ch in enumerate(piece[:-1]) if ch in _HAN_JOINERS), default=0)
        # A verb before the name ("签署共建…", "代表省政府") is cut off; a name of only generic words
        # (地方政府, 联合学院, 相关学院) names no one body.
        verb = max((v.end() for v in _HAN_VERBS.finditer(piece, cut)), default=cut)
        name = piece[max(cut, verb) :]
        if len(name) >= 4 and not _HAN_GENERIC.match(name) and not _HAN_SOME.search(name):
            found.append(NewName(name, "organisation", m.end() - len(name), m.end(), "", 0.4))
    return found


def _people(text: str) -> list[NewName]:
    out: list[NewName] = []
    for m in _LATIN_ROLE.finditer(text):
        after = _LATIN_NAME.match(text, m.end())
        if after:
            out.append(NewName(after.group(1), "person", after.start(1), after.end(1), m.group(), 0.6))
    for m in _CYRILLIC_ROLE.finditer(text):
        window = text[m.end() : m.end() + 80]
        named = _CYRILLIC_NAME.search(window)
        if named and "\n" not in window[: named.start()] and "." not in window[: named.start()]:
            start = m.end() + named.start(1)
            out.append(NewName(named.group(1), "person", start, start + len(named.group(1)), m.group(), 0.5))
    for m in _HAN_ROLE.finditer(text):
        rest = text[m.end() : m.end() + 4]
        size = 3 if len(rest) >= 3 and rest[2] not in _HAN_NAME_STOP else 2
        name = rest[:size]
        if (
            len(name) == size
            and all("\u4e00" <= ch <= "\u9fff" for ch in name)
            and name[0] not in _HAN_NAME_STOP
        ):
            out.append(NewName(name, "person", m.end(), m.end() + size, m.group(), 0.4))
    return out
