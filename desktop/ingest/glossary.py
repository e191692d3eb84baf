"""What the words of an institution's name mean, in every archive language: a name read as English concepts.

«Национальной академии наук Беларуси», "Nationalen Akademie der Wissenschaften von Belarus" and
白俄罗斯国家科学院 are all the "National Academy of Sciences of Belarus": each is read word by word (Chinese
segment by segment) into the concepts {national, academy, science, belarus}, which the English name gives
too. Used by the resolver (``resolve.NameResolver``) to propose that a found name is an entity the authority
has under a translation it lacks; a name is read only when every one of its words is understood, so an
unknown word never lets two names pass for one.

The table holds the vocabulary institutions' names are made of (academy, ministry, provincial, state…), not
names of institutions: each line is a concept and its words (a concept may take two lines) — stems for the
inflected languages (a stem matches a word that begins with it and goes on by at most a few letters), whole
segments for Chinese.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# concept: its words in English, German, Russian, Belarusian, Ukrainian (stems) | Chinese (segments)
_TABLE = """
academy: academy academies akademie академи акадэмі академі | 学院
science: science sciences scientific wissenschaft wissenschaftlich наук навук научн навуков науков | 科学
science technology: | 科技 科学技术
academy science: | 科学院
technology: technology technologies technological technologie технолог тэхналог | 技术
technical: technical technisch техническ тэхнічн технічн | 理工
polytechnic: polytechnic polytechnisch политехническ політэхнічн політехнічн | 工业大学
national: national nationale nationalen national национальн нацыянальн національн | 国家 国立
state: state staatlich staatliche государственн дзяржаўн державн
university: university universities universität universitaet университет універсітэт університет | 大学
institute: institute institut институт інстытут інститут | 研究所 研究院
ministry: ministry ministerium министерств міністэрств міністерств | 部
education: education educational bildung образовани адукацы освіт | 教育
department: department abteilung departement департамент | 厅
province: province provincial provinz провинци правінцы провінці | 省
region: region regional oblast gebiet област вобласц | 州
committee: committee komitee ausschuss комитет камітэт комітет | 委员会
executive: executive exekutiv исполнительн выканаўч виконавч | 执行
government: government regierung правительств урад уряд | 政府
people: people peoples volks народн | 人民
city: city municipal stadt städtisch городск гарадск міськ | 市
organisation: organisation organization organisation организаци арганізацы організаці | 组织
cooperation: cooperation zusammenarbeit kooperation сотрудничеств супрацоўніцтв співробітництв | 合作
international: international internationale internationalen международн міжнародн | 国际
association: association verband vereinigung ассоциаци асацыяцы асоціаці | 协会
centre: centre center zentrum центр цэнтр | 中心
laboratory: laboratory laboratories labor laboratorium лаборатори лабараторы лабораторі | 实验室
joint: joint gemeinsam совместн сумесн спільн | 联合
research: research forschung forschungs исследовательск даследч дослідн | 研究
industry: industry industrial industrie промышленн прамысл промислов | 工业 产业
industry: индустриальн індустрыяльн індустріальн
park: park парк | 园区
library: library bibliothek библиотек бібліятэк бібліотек | 图书馆
embassy: embassy botschaft посольств пасольств | 大使馆
commerce: commerce commercial trade handel торгов гандл | 商务 贸易
economy: economy economic wirtschaft wirtschafts экономи эканамі економі | 经济
development: development entwicklung развити развіцц розвит | 发展
foreign: foreign auswärtig außen иностранн замежн закордонн | 外事 外交
office: office büro amt бюро офис | 办公室
market: market markt рынок рынк | 市场
supercomputing: supercomputing supercomputer суперкомпьютерн суперкамп'ютарн | 超级计算
artificial: artificial künstlich искусственн штучн | 人工
intelligence: intelligence intelligenz интеллект інтэлект інтелект | 智能
artificial intelligence: | 人工智能
agriculture: agriculture agricultural landwirtschaft landwirtschaftlich сельскохозяйственн аграрн | 农业
medicine: medicine medical medizin medizinisch медицинск медыцынск медичн | 医学 医科
pedagogy: pedagogical pädagogisch педагогическ педагагічн педагогічн | 师范
linguistics: linguistic linguistisch лингвистическ лінгвістычн лінгвістичн | 语言
engineering: engineering ingenieur инженерн інжынерн інженерн | 工程
automobile: automobile automotive automobil автомобильн аўтамабільн автомобільн | 汽车
plant: plant works factory werk fabrik завод фабрик | 厂
company: company companies unternehmen компани кампані | 公司
group: group gruppe konzern групп | 集团
council: council rat совет савет рад | 理事会
chamber: chamber kammer палат | 会
local: local lokal местн мясцов місцев | 地方
publishing: publishing publisher verlag издательств выдавецк видавництв | 出版
house: house haus дом | 社
book: book buch книг кніг | 图书
culture: culture cultural kultur культур | 文化
eurasia: eurasia eurasian eurasisch евразийск еўразійск євразійськ | 欧亚
union: union союз саюз | 联盟
high: high hoch высок | 高
china: china chinese chinesisch китай китайск кітайск китайськ | 中国 中
belarus: belarus belarusian belarussisch weißrussland weissrussland | 白俄罗斯 白
belarus: беларус белорусск беларуск білорус білоруськ
russia: russia russian russisch россия российск расія расійск росія російськ | 俄罗斯 俄
shanghai: shanghai shanghaier шанхай шанхайск | 上海
affairs: affairs angelegenheit дел спраў справ | 事务
"""

# Words that join a name's parts and say nothing of what it is (of, der, и, 的).
_JOINING_WORDS = (
    "of the and for in at on der die das des den dem von vom und für zu zur zum im am "
    "и в по при і ў па пры та з із"
)
_MAX_ENDING = 4  # letters an inflected word may add to its stem (Akademie-n, академи-ями)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def plain(word: str) -> str:
    """Folded, marks off (ä → a; й and ў kept), ё → е."""
    folded = unicodedata.normalize("NFKD", word.casefold().replace("ё", "е"))
    kept = "".join(ch for ch in folded if not unicodedata.combining(ch) or ch == "\u0306")
    return unicodedata.normalize("NFC", kept)


@functools.cache
def _vocabulary() -> tuple[list[tuple[str, tuple[str, ...]]], dict[str, tuple[str, ...]], frozenset[str]]:
    """(stems longest first with their concepts, Chinese segments → concepts, joining words)."""
    stems: list[tuple[str, tuple[str, ...]]] = []
    segments: dict[str, tuple[str, ...]] = {}
    for line in _TABLE.strip().splitlines():
        concept, _, words = line.partition(":")
        letters, _, chinese = words.partition("|")
        meaning = tuple(concept.split())
        stems += [(plain(w), meaning) for w in letters.split()]
        segments.update((w, meaning) for w in chinese.split())
    stems.sort(key=lambda s: -len(s[0]))
    return stems, segments, frozenset(plain(w) for w in _JOINING_WORDS.split())


@functools.cache
def _stems_by_start() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The stems by their first two letters, longest first: a word is compared only with the stems it can
    begin with."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for stem, meaning in _vocabulary()[0]:
        out.setdefault(stem[:2], []).append((stem, meaning))
    return out


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


class Glossary:
    """Reads names into concepts, with the authority's place names as words it knows (Шаньдун → shandong
    province, 白俄罗斯 → belarus): built once per matcher, asked once per found name."""

    def __init__(self, places: dict[str, tuple[str, ...]]) -> None:
        """``places``: the authority's one-word and Chinese place and country names → their concepts."""
        self._places = {plain(k): v for k, v in places.items()}
        # An inflected place name (Беларуси, Шаньдуна) is found by its name less a last vowel.
        self._place_stems = {k[:-1]: v for k, v in self._places.items() if len(k) >= 4 and not _cjk(k[0])}
        # Names repeat from page to page: each word is read once.
        self._read: dict[str, tuple[str, ...] | None] = {}

    def _word(self, word: str) -> tuple[str, ...] | None:
        """A word's concepts: a place's name, a vocabulary stem it begins with, or a German compound of
        them (Technologieabteilung, Wissenschafts-); None when not understood."""
        if word not in self._read:
            self._read[word] = self._read_word(word)
        return self._read[word]

    def _read_word(self, word: str) -> tuple[str, ...] | None:
        if word in self._places:
            return self._places[word]
        stems = _stems_by_start().get(word[:2], [])
        for stem, meaning in stems:  # a compound first: a known stem (a linking s), the rest understood
            if len(stem) >= 4 and word.startswith(stem) and len(word) - len(stem) >= 3:
                rest = word[len(stem) :].lstrip("-")
                tail = self._word(rest) or (self._word(rest[1:]) if rest[:1] == "s" else None)
                if tail is not None:
                    return meaning + tail
        for stem, meaning in stems:
            if word.startswith(stem) and len(word) - len(stem) <= _MAX_ENDING:
                return meaning
        for cut in range(len(word) - 1, max(3, len(word) - 4), -1):
            if word[:cut] in self._place_stems:
                return self._place_stems[word[:cut]]
        return None

    def _segments(self, run: str) -> tuple[str, ...] | None:
        """A run of Chinese characters read longest segment first; None when a character is left unread."""
        _, segments, _ = _vocabulary()
        out: list[str] = []
        i = 0
        while i < len(run):
            for size in range(min(8, len(run) - i), 0, -1):
                piece = run[i : i + size]
                meaning = self._places.get(piece) or segments.get(piece)
                if meaning:
                    out += meaning
                    i += size
                    break
            else:
                return None
        return tuple(out)

    def concepts(self, name: str, least: int = 2) -> frozenset[str] | None:
        """The concepts a name is made of (``least`` at least), or None unless every word of it is
        understood."""
        _, _, joining = _vocabulary()
        out: list[str] = []
        for word in _WORD.findall(name.replace("’", "'")):
            if _cjk(word[0]):
                meaning = self._segments(word)
            else:
                word = plain(word)
                if word in joining:
                    continue
                meaning = self._word(word)
            if meaning is None:
                return None
            out += meaning
        return frozenset(out) if len(set(out)) >= least else None


# Concepts that tell one body from another of its kind, as a place's name does.
_PROPER = frozenset({"china", "belarus", "russia", "shanghai", "eurasia"})


@functools.cache
def _generic() -> frozenset[str]:
    stems, segments, _ = _vocabulary()
    return frozenset(c for _, meaning in [*stems, *segments.items()] for c in meaning) - _PROPER


def specific(concepts: frozenset[str]) -> bool:
    """Whether a name's concepts include one that tells which body it is (a place, a country): "research
    institute" names a kind of body, "Belarusian research institute" may name one."""
    return bool(concepts - _generic())


_ENGLISH = Glossary({})


def english_concepts(name: str) -> frozenset[str]:
    """The concepts of an English name, words the vocabulary lacks kept as they are (Qilu, Jinan)."""
    _, _, joining = _vocabulary()
    out: set[str] = set()
    for word in _WORD.findall(name.replace("’", "'")):
        word = plain(word).removesuffix("'s")
        if word and word not in joining:
            out.update(_ENGLISH._word(word) or (word,))
    return frozenset(out)
