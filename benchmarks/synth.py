"""Synthetic archives of any size (a hundred to a million events), for benchmarks and GUI tests.

``archive-viewer synth --events N --db FILE`` writes a store that looks like a real build: an authority of
countries, places (city → region → country), organisations and people, each named in five languages and
four scripts with variants and misspellings; documents in English, Russian, Chinese, Hindi and Belarusian
built from sentence templates, naming entities by one of their aliases at exact offsets, with page debris,
publication dates, translation notes and English renderings; and events with fuzzy dates, places,
participants, evidence and every denormalised column the event list sorts and filters by.

Everything is a pure function of ``(events, seed)``: the authority comes from ``random.Random(seed)`` and
each chunk of events from its own generator seeded by ``(seed, chunk)``, so chunks can be generated in
worker processes in any order and the file is still identical byte for byte (tests compare table dumps).

The schema is created by the migrations (``open_store``); rows are written with plain ``sqlite3``
``executemany`` of the store's own INSERTs (``desktop.store.rows``, the columns in the schema's order) in
large transactions, journalling off (the file is new: on any failure it is deleted), with the secondary
indexes built once at the end. Full-text bodies are folded by the generators with the search's own
``index_fields``, staged in a scratch file, and copied into the index after all the data, in the rows and
order the build writes; the index is optimised, and the store is analysed and left in WAL mode like any
other.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import os
import random
import re
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from desktop.aliases import fold
from desktop.catalogue.model import EVENT_TYPES, NOTE_KINDS, ROLES
from desktop.dates import FuzzyDate

# The build's own helpers, so that the denormalised date columns and provisional keys cannot drift from
# what a real build writes.
from desktop.ingest.build import event_row_values, named_in_passages, provisional_key
from desktop.multivalue import MULTI_SEPARATOR
from desktop.search import EVENT_COLUMNS, ROWID_SHIFT, index_fields
from desktop.store.engine import open_store
from desktop.store.rows import insert_sql, table_columns
from desktop.textspans import covered_chars, paragraphs

SynthProgress = Callable[[int, int], None]

# Bump when the generator changes what it writes for a seed (stored in the meta table).
SYNTH_VERSION = "2"  # 2: a catalogued event found by the names in its reporting paragraphs
# Events per unit of work. Part of the output's definition: a seed gives the same file for the same chunk
# size, whichever process generates which chunk.
CHUNK_EVENTS = 2000
# Below this many events a worker pool costs more to start than it saves.
POOL_THRESHOLD = 20_000
# Staged full-text rows per statement when they are copied into the index (a progress report each).
_FTS_BATCH = 50_000

LANGS = ("en", "ru", "zh", "hi", "be")
_LANG_WEIGHTS = (45, 25, 15, 10, 5)
_LANG_CUM = tuple(itertools.accumulate(_LANG_WEIGHTS))
_SCRIPT = {"en": "Latn", "ru": "Cyrl", "be": "Cyrl", "zh": "Hani", "hi": "Deva"}
_LANG_NAME = {"en": "English", "ru": "Russian", "zh": "Chinese", "hi": "Hindi", "be": "Belarusian"}
# How sentences join inside a paragraph: Chinese puts no space after 。
_SENTENCE_JOIN = {"en": " ", "ru": " ", "zh": "", "hi": " ", "be": " "}


class SynthError(Exception):
    """A synthetic archive cannot be written as asked; the message says why."""


class TargetExists(SynthError):
    """The target file exists and is not empty, and replacing it was not asked for."""


@dataclass
class SynthReport:
    """What ``synthesize`` wrote: the main row counts, every table's count, and the time it took."""

    path: Path
    seed: int
    events: int
    documents: int
    people: int
    organisations: int
    places: int
    countries: int
    aliases: int
    mentions: int
    participants: int
    tables: dict[str, int]
    seconds: float


# =========================================================================================== language data
#
# Every multilingual table is (en, ru, zh, hi, be) unless noted; a Russian or Belarusian grammatical gender
# is "m", "f" or "n".

_COUNTRIES: tuple[tuple[str, str, str, str, str, str, str | None, str, int], ...] = (
    # key, en, ru, zh, hi, be, native language, naming culture, weight
    ("china", "China", "Китай", "中国", "चीन", "Кітай", "zh", "chinese", 30),
    ("belarus", "Belarus", "Беларусь", "白俄罗斯", "बेलारूस", "Беларусь", "ru", "slavic", 28),
    ("russia", "Russia", "Россия", "俄罗斯", "रूस", "Расія", "ru", "slavic", 8),
    ("india", "India", "Индия", "印度", "भारत", "Індыя", "hi", "indic", 6),
    ("kazakhstan", "Kazakhstan", "Казахстан", "哈萨克斯坦", "कज़ाख़स्तान", "Казахстан", "ru", "slavic", 3),
    ("uzbekistan", "Uzbekistan", "Узбекистан", "乌兹别克斯坦", "उज़्बेकिस्तान", "Узбекістан", None, "slavic", 2),
    ("kyrgyzstan", "Kyrgyzstan", "Киргизия", "吉尔吉斯斯坦", "किर्गिज़स्तान", "Кыргызстан", None, "slavic", 1),
    ("tajikistan", "Tajikistan", "Таджикистан", "塔吉克斯坦", "ताजिकिस्तान", "Таджыкістан", None, "slavic", 1),
    ("mongolia", "Mongolia", "Монголия", "蒙古国", "मंगोलिया", "Манголія", None, "generic", 1),
    ("vietnam", "Vietnam", "Вьетнам", "越南", "वियतनाम", "В'етнам", None, "generic", 1),
    ("germany", "Germany", "Германия", "德国", "जर्मनी", "Германія", None, "generic", 1),
    ("france", "France", "Франция", "法国", "फ़्रांस", "Францыя", None, "generic", 1),
    ("italy", "Italy", "Италия", "意大利", "इटली", "Італія", None, "generic", 1),
    ("poland", "Poland", "Польша", "波兰", "पोलैंड", "Польшча", None, "slavic", 1),
    ("serbia", "Serbia", "Сербия", "塞尔维亚", "सर्बिया", "Сербія", None, "slavic", 1),
    ("hungary", "Hungary", "Венгрия", "匈牙利", "हंगरी", "Венгрыя", None, "generic", 1),
    ("lithuania", "Lithuania", "Литва", "立陶宛", "लिथुआनिया", "Літва", None, "slavic", 1),
    ("armenia", "Armenia", "Армения", "亚美尼亚", "आर्मेनिया", "Арменія", None, "slavic", 1),
    ("azerbaijan", "Azerbaijan", "Азербайджан", "阿塞拜疆", "अज़रबैजान", "Азербайджан", None, "slavic", 1),
    ("georgia", "Georgia", "Грузия", "格鲁吉亚", "जॉर्जिया", "Грузія", None, "slavic", 1),
    ("ukraine", "Ukraine", "Украина", "乌克兰", "यूक्रेन", "Украіна", None, "slavic", 1),
    ("turkey", "Turkey", "Турция", "土耳其", "तुर्की", "Турцыя", None, "generic", 1),
    ("iran", "Iran", "Иран", "伊朗", "ईरान", "Іран", None, "generic", 1),
    ("pakistan", "Pakistan", "Пакистан", "巴基斯坦", "पाकिस्तान", "Пакістан", None, "generic", 1),
    ("egypt", "Egypt", "Египет", "埃及", "मिस्र", "Егіпет", None, "generic", 1),
    ("brazil", "Brazil", "Бразилия", "巴西", "ब्राज़ील", "Бразілія", None, "generic", 1),
    ("south-africa", "South Africa", "Южная Африка", "南非", "दक्षिण अफ़्रीका", "Паўднёвая Афрыка", None,
     "generic", 1),
    ("indonesia", "Indonesia", "Индонезия", "印度尼西亚", "इंडोनेशिया", "Інданезія", None, "generic", 1),
    ("thailand", "Thailand", "Таиланд", "泰国", "थाईलैंड", "Тайланд", None, "generic", 1),
    ("nepal", "Nepal", "Непал", "尼泊尔", "नेपाल", "Непал", None, "indic", 1),
    ("uae", "United Arab Emirates", "Объединённые Арабские Эмираты", "阿联酋", "संयुक्त अरब अमीरात",
     "Аб'яднаныя Арабскія Эміраты", None, "generic", 1),
    ("cuba", "Cuba", "Куба", "古巴", "क्यूबा", "Куба", None, "generic", 1),
)  # fmt: skip
_COUNTRY_EXTRA: dict[str, tuple[tuple[str, str, str], ...]] = {
    # (text, lang, kind): names a source may use besides the standard ones.
    "china": (("People's Republic of China", "en", "variant"), ("PRC", "en", "variant"),
              ("Chinas", "en", "misspelling"), ("КНР", "ru", "variant"), ("चाइना", "hi", "transliteration")),
    "belarus": (("Republic of Belarus", "en", "variant"), ("Byelorussia", "en", "variant"),
                ("Belorussia", "en", "transliteration"), ("Белоруссия", "ru", "variant"),
                ("Belarussia", "en", "misspelling")),
    "russia": (("Russian Federation", "en", "variant"), ("Российская Федерация", "ru", "variant")),
    "india": (("Bharat", "en", "transliteration"), ("इंडिया", "hi", "variant")),
    "kyrgyzstan": (("Kirghizia", "en", "variant"), ("Кыргызстан", "ru", "variant")),
    "vietnam": (("Viet Nam", "en", "variant"),),
    "uae": (("UAE", "en", "variant"), ("ОАЭ", "ru", "variant")),
}  # fmt: skip

# Real places: key, level, en, ru, zh, hi, be, country, within (None: the country), Russian adjective.
_REAL_PLACES: tuple[tuple[str, str, str, str, str, str, str | None, str, str | None, str], ...] = (
    ("minsk", "city", "Minsk", "Минск", "明斯克", "मिन्स्क", "Мінск", "belarus", None, "Минский"),
    ("minsk-region", "region", "Minsk Region", "Минская область", "明斯克州", "मिन्स्क क्षेत्र",
     "Мінская вобласць", "belarus", None, ""),
    ("smolevichi", "city", "Smolevichi", "Смолевичи", "斯莫列维奇", "स्मोलेविची", "Смалявічы", "belarus",
     "minsk-region", "Смолевичский"),
    ("gomel-region", "region", "Gomel Region", "Гомельская область", "戈梅利州", "गोमेल क्षेत्र",
     "Гомельская вобласць", "belarus", None, ""),
    ("gomel", "city", "Gomel", "Гомель", "戈梅利", "गोमेल", "Гомель", "belarus", "gomel-region", "Гомельский"),
    ("grodno-region", "region", "Grodno Region", "Гродненская область", "格罗德诺州", "ग्रोड्नो क्षेत्र",
     "Гродзенская вобласць", "belarus", None, ""),
    ("grodno", "city", "Grodno", "Гродно", "格罗德诺", "ग्रोड्नो", "Гродна", "belarus", "grodno-region",
     "Гродненский"),
    ("vitebsk-region", "region", "Vitebsk Region", "Витебская область", "维捷布斯克州", "वितेब्स्क क्षेत्र",
     "Віцебская вобласць", "belarus", None, ""),
    ("vitebsk", "city", "Vitebsk", "Витебск", "维捷布斯克", "वितेब्स्क", "Віцебск", "belarus", "vitebsk-region",
     "Витебский"),
    ("mogilev-region", "region", "Mogilev Region", "Могилёвская область", "莫吉廖夫州", "मोगिलेव क्षेत्र",
     "Магілёўская вобласць", "belarus", None, ""),
    ("mogilev", "city", "Mogilev", "Могилёв", "莫吉廖夫", "मोगिलेव", "Магілёў", "belarus", "mogilev-region",
     "Могилёвский"),
    ("brest-region", "region", "Brest Region", "Брестская область", "布列斯特州", "ब्रेस्ट क्षेत्र",
     "Брэсцкая вобласць", "belarus", None, ""),
    ("brest", "city", "Brest", "Брест", "布列斯特", "ब्रेस्ट", "Брэст", "belarus", "brest-region", "Брестский"),
    ("beijing", "city", "Beijing", "Пекин", "北京", "बीजिंग", "Пекін", "china", None, "Пекинский"),
    ("shanghai", "city", "Shanghai", "Шанхай", "上海", "शंघाई", "Шанхай", "china", None, "Шанхайский"),
    ("shandong", "region", "Shandong Province", "провинция Шаньдун", "山东省", "शानदोंग प्रांत", None,
     "china", None, ""),
    ("jinan", "city", "Jinan", "Цзинань", "济南", "जिनान", None, "china", "shandong", "Цзинаньский"),
    ("qingdao", "city", "Qingdao", "Циндао", "青岛", "चिंगदाओ", None, "china", "shandong", "Циндаоский"),
    ("heilongjiang", "region", "Heilongjiang Province", "провинция Хэйлунцзян", "黑龙江省",
     "हेइलोंगच्यांग प्रांत", None, "china", None, ""),
    ("harbin", "city", "Harbin", "Харбин", "哈尔滨", "हार्बिन", None, "china", "heilongjiang", "Харбинский"),
    ("sichuan", "region", "Sichuan Province", "провинция Сычуань", "四川省", "सिचुआन प्रांत", None, "china",
     None, ""),
    ("chengdu", "city", "Chengdu", "Чэнду", "成都", "चेंगदू", None, "china", "sichuan", "Чэндуский"),
    ("moscow", "city", "Moscow", "Москва", "莫斯科", "मॉस्को", "Масква", "russia", None, "Московский"),
    ("saint-petersburg", "city", "Saint Petersburg", "Санкт-Петербург", "圣彼得堡", "सेंट पीटर्सबर्ग",
     "Санкт-Пецярбург", "russia", None, "Санкт-Петербургский"),
    ("new-delhi", "city", "New Delhi", "Нью-Дели", "新德里", "नई दिल्ली", None, "india", None,
     "Нью-Делийский"),
    ("maharashtra", "region", "Maharashtra", "штат Махараштра", "马哈拉施特拉邦", "महाराष्ट्र", None, "india",
     None, ""),
    ("mumbai", "city", "Mumbai", "Мумбаи", "孟买", "मुंबई", None, "india", "maharashtra", "Мумбайский"),
    ("karnataka", "region", "Karnataka", "штат Карнатака", "卡纳塔克邦", "कर्नाटक", None, "india", None, ""),
    ("bengaluru", "city", "Bengaluru", "Бангалор", "班加罗尔", "बेंगलुरु", None, "india", "karnataka",
     "Бангалорский"),
    ("astana", "city", "Astana", "Астана", "阿斯塔纳", "अस्ताना", None, "kazakhstan", None, "Астанинский"),
    ("berlin", "city", "Berlin", "Берлин", "柏林", "बर्लिन", "Берлін", "germany", None, "Берлинский"),
)  # fmt: skip
_PLACE_EXTRA: dict[str, tuple[tuple[str, str, str], ...]] = {
    "gomel": (("Homel", "en", "transliteration"), ("Homiel", "en", "transliteration")),
    "grodno": (("Hrodna", "en", "transliteration"),),
    "mogilev": (("Mogilyov", "en", "transliteration"), ("Mahilyow", "en", "transliteration"),
                ("Могилев", "ru", "variant")),
    "bengaluru": (("Bangalore", "en", "variant"),),
    "beijing": (("Peking", "en", "variant"), ("Pekin", "en", "misspelling")),
    "vitebsk": (("Viciebsk", "en", "transliteration"),),
    "minsk": (("Minks", "en", "misspelling"),),
}  # fmt: skip

# Real organisations: key, en, ru, zh, hi, abbreviation, country, city, Russian gender.
_REAL_ORGS: tuple[tuple[str, str, str, str, str, str | None, str, str, str], ...] = (
    ("nasb", "National Academy of Sciences of Belarus", "Национальная академия наук Беларуси",
     "白俄罗斯国家科学院", "बेलारूस राष्ट्रीय विज्ञान अकादमी", "NASB", "belarus", "minsk", "f"),
    ("bsu", "Belarusian State University", "Белорусский государственный университет", "白俄罗斯国立大学",
     "बेलारूस राजकीय विश्वविद्यालय", "BSU", "belarus", "minsk", "m"),
    ("mtz", "Minsk Tractor Works", "Минский тракторный завод", "明斯克拖拉机厂", "मिन्स्क ट्रैक्टर कारखाना",
     "MTZ", "belarus", "minsk", "m"),
    ("great-stone", "Great Stone Industrial Park", "Индустриальный парк «Великий камень»", "中白工业园",
     "ग्रेट स्टोन औद्योगिक पार्क", None, "belarus", "smolevichi", "m"),
    ("belta", "Belarusian Telegraph Agency", "Белорусское телеграфное агентство", "白俄罗斯通讯社",
     "बेलारूसी टेलीग्राफ एजेंसी", "BelTA", "belarus", "minsk", "n"),
    ("cas", "Chinese Academy of Sciences", "Китайская академия наук", "中国科学院", "चीनी विज्ञान अकादमी",
     "CAS", "china", "beijing", "f"),
    ("qlut", "Qilu University of Technology", "Технологический университет Цилу", "齐鲁工业大学",
     "किलु प्रौद्योगिकी विश्वविद्यालय", "QLUT", "china", "jinan", "m"),
    ("sdu", "Shandong University", "Шаньдунский университет", "山东大学", "शानदोंग विश्वविद्यालय", "SDU",
     "china", "jinan", "m"),
    ("hit", "Harbin Institute of Technology", "Харбинский политехнический университет", "哈尔滨工业大学",
     "हार्बिन प्रौद्योगिकी संस्थान", "HIT", "china", "harbin", "m"),
    ("xinhua", "Xinhua News Agency", "Информационное агентство Синьхуа", "新华社", "शिन्हुआ समाचार एजेंसी",
     None, "china", "beijing", "n"),
    ("msu", "Lomonosov Moscow State University", "Московский государственный университет имени Ломоносова",
     "莫斯科国立罗蒙诺索夫大学", "मॉस्को राजकीय विश्वविद्यालय", "MSU", "russia", "moscow", "m"),
    ("iisc", "Indian Institute of Science", "Индийский институт науки", "印度科学理工学院",
     "भारतीय विज्ञान संस्थान", "IISc", "india", "bengaluru", "m"),
)  # fmt: skip

# Synthetic organisations. {X} the city's English name, {R} its Russian name, {Am}/{Af} its Russian
# adjective (masculine/feminine), {Z} Chinese, {H} Hindi; then the Russian gender of the whole name.
_ORG_TEMPLATES: tuple[tuple[str, str, str, str, str], ...] = (
    ("{X} State University", "{Am} государственный университет", "{Z}国立大学", "{H} राज्य विश्वविद्यालय", "m"),
    ("{X} Institute of Technology", "{Am} технологический институт", "{Z}理工学院", "{H} प्रौद्योगिकी संस्थान",
     "m"),
    ("{X} Academy of Sciences", "{Af} академия наук", "{Z}科学院", "{H} विज्ञान अकादमी", "f"),
    ("{X} Machine-Building Plant", "{Am} машиностроительный завод", "{Z}机械制造厂",
     "{H} मशीन निर्माण संयंत्र", "m"),
    ("{X} Chamber of Commerce", "{Af} торговая палата", "{Z}商会", "{H} वाणिज्य मंडल", "f"),
    ("{X} Industrial Park", "Индустриальный парк «{R}»", "{Z}工业园", "{H} औद्योगिक पार्क", "m"),
    ("{X} Regional Hospital", "{Af} областная больница", "{Z}地区医院", "{H} क्षेत्रीय अस्पताल", "f"),
    ("{X} Group", "Группа компаний «{R}»", "{Z}集团", "{H} समूह", "f"),
    ("{X} News Agency", "Информационное агентство «{R}»", "{Z}通讯社", "{H} समाचार एजेंसी", "n"),
    ("{X} Pedagogical University", "{Am} педагогический университет", "{Z}师范大学",
     "{H} शिक्षक विश्वविद्यालय", "m"),
    ("{X} Agricultural Academy", "{Af} сельскохозяйственная академия", "{Z}农业学院", "{H} कृषि अकादमी", "f"),
    ("{X} Medical University", "{Am} медицинский университет", "{Z}医科大学", "{H} चिकित्सा विश्वविद्यालय", "m"),
    ("{X} Polytechnic College", "{Am} политехнический колледж", "{Z}职业技术学院", "{H} पॉलिटेक्निक कॉलेज",
     "m"),
    ("Confucius Institute in {X}", "Институт Конфуция в городе {R}", "{Z}孔子学院",
     "{H} कन्फ्यूशियस संस्थान", "m"),
    ("{X} Tractor Works", "{Am} тракторный завод", "{Z}拖拉机厂", "{H} ट्रैक्टर कारखाना", "m"),
    ("{X} Science and Technology Park", "{Am} научно-технологический парк", "{Z}科技园",
     "{H} विज्ञान एवं प्रौद्योगिकी पार्क", "m"),
)  # fmt: skip
_ABBREVIATION_SKIP = frozenset({"of", "and", "in"})

# Syllables for made-up names: onset × vowel, with a Chinese character for each pair.
_ONSETS = (
    ("b", "б", "ब"),
    ("v", "в", "व"),
    ("g", "г", "ग"),
    ("d", "д", "द"),
    ("z", "з", "ज़"),
    ("k", "к", "क"),
    ("l", "л", "ल"),
    ("m", "м", "म"),
    ("n", "н", "न"),
    ("p", "п", "प"),
    ("r", "р", "र"),
    ("s", "с", "स"),
    ("t", "т", "त"),
    ("ch", "ч", "च"),
)
_VOWELS = (("a", "а", "ा"), ("o", "о", "ो"), ("i", "и", "ि"), ("e", "е", "े"))
# One character per onset and vowel, in _ONSETS × _VOWELS order (ba 巴, bo 博, bi 比, be 别, …).
_CV_HAN = (
    "巴博比别",
    "瓦沃维韦",
    "加戈吉格",
    "达多迪德",
    "扎佐济泽",
    "卡科基克",
    "拉洛利列",
    "马莫米梅",
    "纳诺尼涅",
    "帕波皮佩",
    "腊罗里雷",
    "萨索西谢",
    "塔托季捷",
    "恰乔奇切",
)
_CODAS = (
    ("n", "н", "恩", "न"),
    ("r", "р", "尔", "र"),
    ("l", "л", "尔", "ल"),
    ("s", "с", "斯", "स"),
    ("k", "к", "克", "क"),
    ("t", "т", "特", "त"),
    ("v", "в", "夫", "व"),
    ("m", "м", "姆", "म"),
    ("d", "д", "德", "द"),
    ("sh", "ш", "什", "श"),
)
# (en, ru, zh, hi) for the pieces below.
_SLAVIC_CITY_SUFFIXES = (
    ("sk", "ск", "斯克", "स्क"),
    ("ovo", "ово", "沃", "ोवो"),
    ("ichi", "ичи", "奇", "िची"),
    ("grad", "град", "格勒", "ग्राद"),
    ("in", "ин", "因", "िन"),
    ("ets", "ец", "茨", "ेत्स"),
)
_PINYIN = (
    ("lin", "линь", "临", "लिन"),
    ("hai", "хай", "海", "हाई"),
    ("shan", "шань", "山", "शान"),
    ("jiang", "цзян", "江", "च्यांग"),
    ("zhou", "чжоу", "州", "झोउ"),
    ("yang", "ян", "阳", "यांग"),
    ("ning", "нин", "宁", "निंग"),
    ("chang", "чан", "昌", "चांग"),
    ("qing", "цин", "青", "छिंग"),
    ("dong", "дун", "东", "दोंग"),
    ("nan", "нань", "南", "नान"),
    ("bei", "бэй", "北", "बेई"),
    ("tai", "тай", "泰", "ताई"),
    ("feng", "фэн", "丰", "फ़ेंग"),
    ("he", "хэ", "河", "हे"),
    ("ping", "пин", "平", "पिंग"),
    ("hua", "хуа", "华", "हुआ"),
    ("xin", "синь", "新", "शिन"),
    ("jin", "цзинь", "金", "जिन"),
    ("shui", "шуй", "水", "शुई"),
    ("yuan", "юань", "源", "युआन"),
    ("cheng", "чэн", "城", "चेंग"),
)
_INDIC_STEMS = (
    ("Ram", "Рам", "兰", "राम"),
    ("Hari", "Хари", "哈里", "हरि"),
    ("Chand", "Чанд", "昌德", "चांद"),
    ("Dev", "Дев", "德夫", "देव"),
    ("Shiv", "Шив", "希夫", "शिव"),
    ("Kal", "Кал", "卡尔", "काल"),
    ("Mohan", "Мохан", "莫汉", "मोहन"),
    ("Sur", "Сур", "苏尔", "सूर"),
    ("Raj", "Радж", "拉杰", "राज"),
    ("Sita", "Сита", "西塔", "सीता"),
    ("Gopal", "Гопал", "戈帕尔", "गोपाल"),
    ("Vijay", "Виджай", "维杰", "विजय"),
    ("Indra", "Индра", "因德拉", "इंद्र"),
)
_INDIC_SUFFIXES = (
    ("pur", "пур", "布尔", "पुर"),
    ("nagar", "нагар", "纳加尔", "नगर"),
    ("garh", "гарх", "格尔", "गढ़"),
)

# People. Slavic first names: en, another Latin spelling, ru, zh, hi, gender.
_SLAVIC_FIRST = (
    ("Ivan", None, "Иван", "伊万", "इवान", "m"),
    ("Sergei", "Sergey", "Сергей", "谢尔盖", "सर्गेई", "m"),
    ("Alexander", "Aleksandr", "Александр", "亚历山大", "अलेक्ज़ेंडर", "m"),
    ("Dmitry", "Dmitriy", "Дмитрий", "德米特里", "दमित्री", "m"),
    ("Andrei", "Andrey", "Андрей", "安德烈", "आंद्रेई", "m"),
    ("Viktor", "Victor", "Виктор", "维克多", "विक्टर", "m"),
    ("Pyotr", "Petr", "Пётр", "彼得", "प्योत्र", "m"),
    ("Mikhail", None, "Михаил", "米哈伊尔", "मिखाइल", "m"),
    ("Yuri", "Yury", "Юрий", "尤里", "यूरी", "m"),
    ("Vladimir", None, "Владимир", "弗拉基米尔", "व्लादिमीर", "m"),
    ("Aleksei", "Alexey", "Алексей", "阿列克谢", "अलेक्सेई", "m"),
    ("Olga", None, "Ольга", "奥尔加", "ओल्गा", "f"),
    ("Natalia", "Natalya", "Наталья", "娜塔莉娅", "नतालिया", "f"),
    ("Elena", "Yelena", "Елена", "叶连娜", "येलेना", "f"),
    ("Tatiana", "Tatyana", "Татьяна", "塔季扬娜", "तात्याना", "f"),
    ("Svetlana", None, "Светлана", "斯韦特兰娜", "स्वेतलाना", "f"),
    ("Anna", None, "Анна", "安娜", "अन्ना", "f"),
    ("Irina", None, "Ирина", "伊琳娜", "इरीना", "f"),
    ("Alena", "Alyona", "Алёна", "阿廖娜", "अल्योना", "f"),
    ("Maria", None, "Мария", "玛丽亚", "मारिया", "f"),
)
# Slavic surname endings: en (m, f), ru (m, f), zh (m, f), hi (m, f), an older Latin spelling (m) or None.
_SLAVIC_ENDINGS = (
    ("ov", "ova", "ов", "ова", "夫", "娃", "ोव", "ोवा", "off"),
    ("enko", "enko", "енко", "енко", "连科", "连科", "ेंको", "ेंको", None),
    ("ovich", "ovich", "ович", "ович", "维奇", "维奇", "ोविच", "ोविच", "owicz"),
    ("sky", "skaya", "ский", "ская", "斯基", "斯卡娅", "्स्की", "्स्काया", "ski"),
    ("ik", "ik", "ик", "ик", "克", "克", "िक", "िक", None),
    ("in", "ina", "ин", "ина", "因", "娜", "िन", "िना", None),
    ("uk", "uk", "ук", "ук", "乌克", "乌克", "ुक", "ुक", None),
)
_CHINESE_SURNAMES = (
    ("Wang", "Ван", "王", "वांग"),
    ("Li", "Ли", "李", "ली"),
    ("Zhang", "Чжан", "张", "झांग"),
    ("Liu", "Лю", "刘", "ल्यू"),
    ("Chen", "Чэнь", "陈", "चेन"),
    ("Yang", "Ян", "杨", "यांग"),
    ("Zhao", "Чжао", "赵", "झाओ"),
    ("Huang", "Хуан", "黄", "हुआंग"),
    ("Zhou", "Чжоу", "周", "झोउ"),
    ("Wu", "У", "吴", "वू"),
    ("Xu", "Сюй", "徐", "शू"),
    ("Sun", "Сунь", "孙", "सुन"),
    ("Ma", "Ма", "马", "मा"),
    ("Zhu", "Чжу", "朱", "झू"),
    ("Hu", "Ху", "胡", "हू"),
    ("Guo", "Го", "郭", "गुओ"),
    ("He", "Хэ", "何", "हे"),
    ("Gao", "Гао", "高", "काओ"),
    ("Lin", "Линь", "林", "लिन"),
    ("Luo", "Ло", "罗", "लुओ"),
    ("Song", "Сун", "宋", "सोंग"),
    ("Zheng", "Чжэн", "郑", "झेंग"),
    ("Liang", "Лян", "梁", "लियांग"),
    ("Xie", "Се", "谢", "शिए"),
)
# Given-name syllables; the last field marks the ones mostly given to women.
_CHINESE_GIVEN = (
    ("wei", "вэй", "伟", "वेई", False),
    ("ming", "мин", "明", "मिंग", False),
    ("hua", "хуа", "华", "हुआ", False),
    ("jun", "цзюнь", "军", "जुन", False),
    ("li", "ли", "丽", "ली", True),
    ("qiang", "цян", "强", "छियांग", False),
    ("jie", "цзе", "杰", "जिए", False),
    ("xin", "синь", "新", "शिन", False),
    ("yu", "юй", "宇", "यू", False),
    ("hong", "хун", "红", "होंग", True),
    ("lei", "лэй", "磊", "लेई", False),
    ("tao", "тао", "涛", "ताओ", False),
    ("fang", "фан", "芳", "फांग", True),
    ("jing", "цзин", "静", "जिंग", True),
    ("hai", "хай", "海", "हाई", False),
    ("ping", "пин", "平", "पिंग", False),
    ("bo", "бо", "博", "बो", False),
    ("yan", "янь", "燕", "यान", True),
    ("dong", "дун", "东", "दोंग", False),
    ("lan", "лань", "兰", "लान", True),
    ("xiao", "сяо", "晓", "श्याओ", False),
    ("chen", "чэнь", "晨", "चेन", False),
    ("hui", "хуэй", "慧", "हुई", True),
    ("long", "лун", "龙", "लोंग", False),
    ("na", "на", "娜", "ना", True),
    ("gang", "ган", "刚", "कांग", False),
    ("yun", "юнь", "云", "युन", True),
)
_INDIAN_FIRST = (
    ("Rahul", "Рахул", "拉胡尔", "राहुल", "m"),
    ("Priya", "Прия", "普丽娅", "प्रिया", "f"),
    ("Amit", "Амит", "阿米特", "अमित", "m"),
    ("Sunita", "Сунита", "苏妮塔", "सुनीता", "f"),
    ("Vikram", "Викрам", "维克拉姆", "विक्रम", "m"),
    ("Anjali", "Анджали", "安贾莉", "अंजलि", "f"),
    ("Ravi", "Рави", "拉维", "रवि", "m"),
    ("Deepak", "Дипак", "迪帕克", "दीपक", "m"),
    ("Kavita", "Кавита", "卡维塔", "कविता", "f"),
    ("Arjun", "Арджун", "阿琼", "अर्जुन", "m"),
    ("Meera", "Мира", "米拉", "मीरा", "f"),
    ("Sanjay", "Санджай", "桑杰", "संजय", "m"),
    ("Pooja", "Пуджа", "普贾", "पूजा", "f"),
    ("Rajesh", "Раджеш", "拉杰什", "राजेश", "m"),
    ("Neha", "Неха", "妮哈", "नेहा", "f"),
    ("Anil", "Анил", "阿尼尔", "अनिल", "m"),
)
_INDIAN_SURNAMES = (
    ("Sharma", "Шарма", "夏尔马", "शर्मा"),
    ("Gupta", "Гупта", "古普塔", "गुप्ता"),
    ("Singh", "Сингх", "辛格", "सिंह"),
    ("Patel", "Патель", "帕特尔", "पटेल"),
    ("Kumar", "Кумар", "库马尔", "कुमार"),
    ("Verma", "Верма", "维尔马", "वर्मा"),
    ("Reddy", "Редди", "雷迪", "रेड्डी"),
    ("Iyer", "Айер", "艾耶尔", "अय्यर"),
    ("Joshi", "Джоши", "乔希", "जोशी"),
    ("Mehta", "Мехта", "梅塔", "मेहता"),
    ("Rao", "Рао", "拉奥", "राव"),
    ("Nair", "Наир", "奈尔", "नायर"),
    ("Chatterjee", "Чаттерджи", "查特吉", "चटर्जी"),
    ("Desai", "Десаи", "德赛", "देसाई"),
    ("Kapoor", "Капур", "卡普尔", "कपूर"),
    ("Malhotra", "Малхотра", "马尔霍特拉", "मल्होत्रा"),
    ("Menon", "Менон", "梅农", "मेनन"),
    ("Saxena", "Саксена", "萨克塞纳", "सक्सेना"),
)
_GENERIC_FIRST = (
    ("Peter", "Петер", "彼得", "पीटर", "m"),
    ("Thomas", "Томас", "托马斯", "थॉमस", "m"),
    ("Laura", "Лаура", "劳拉", "लॉरा", "f"),
    ("Marco", "Марко", "马可", "मार्को", "m"),
    ("Sofia", "София", "索菲娅", "सोफ़िया", "f"),
    ("Ahmed", "Ахмед", "艾哈迈德", "अहमद", "m"),
    ("Fatima", "Фатима", "法蒂玛", "फ़ातिमा", "f"),
    ("Lucas", "Лукас", "卢卡斯", "लुकास", "m"),
    ("Ana", "Ана", "安娜", "आना", "f"),
    ("Mehmet", "Мехмет", "梅赫梅特", "मेहमत", "m"),
    ("Elif", "Элиф", "埃利夫", "एलिफ़", "f"),
    ("Minh", "Минь", "明", "मिन्ह", "m"),
)

# Titles people hold at an event: (en, ru, zh, hi, be); the English one is stored on the participant.
_TITLES = (
    ("Rector", "ректор", "校长", "कुलपति", "рэктар"),
    ("Vice-Rector for International Affairs", "проректор по международным связям", "副校长",
     "अंतरराष्ट्रीय मामलों के उप-कुलपति", "прарэктар па міжнародных сувязях"),
    ("Ambassador", "посол", "大使", "राजदूत", "пасол"),
    ("Deputy Minister of Education", "заместитель министра образования", "教育部副部长", "उप शिक्षा मंत्री",
     "намеснік міністра адукацыі"),
    ("Chairman of the Board", "председатель правления", "董事长", "बोर्ड के अध्यक्ष", "старшыня праўлення"),
    ("Director General", "генеральный директор", "总经理", "महानिदेशक", "генеральны дырэктар"),
    ("Professor", "профессор", "教授", "प्रोफ़ेसर", "прафесар"),
    ("Head of the International Cooperation Department", "начальник отдела международного сотрудничества",
     "国际合作处处长", "अंतरराष्ट्रीय सहयोग विभाग के प्रमुख", "начальнік аддзела міжнароднага супрацоўніцтва"),
    ("Mayor", "мэр", "市长", "महापौर", "мэр"),
    ("Governor", "губернатор", "省长", "राज्यपाल", "губернатар"),
    ("Academician", "академик", "院士", "शिक्षाविद", "акадэмік"),
    ("Consul General", "генеральный консул", "总领事", "महावाणिज्यदूत", "генеральны консул"),
)  # fmt: skip
_TOPICS = (
    ("biotechnology", "биотехнологии", "生物技术", "जैव प्रौद्योगिकी", "біятэхналогіі"),
    ("artificial intelligence", "искусственный интеллект", "人工智能", "कृत्रिम बुद्धिमत्ता", "штучны інтэлект"),
    (
        "agricultural machinery",
        "сельскохозяйственная техника",
        "农业机械",
        "कृषि मशीनरी",
        "сельскагаспадарчая тэхніка",
    ),
    ("higher education", "высшее образование", "高等教育", "उच्च शिक्षा", "вышэйшая адукацыя"),
    ("traditional medicine", "традиционная медицина", "传统医学", "पारंपरिक चिकित्सा", "традыцыйная медыцына"),
    ("logistics", "логистика", "物流", "लॉजिस्टिक्स", "лагістыка"),
    ("tourism", "туризм", "旅游", "पर्यटन", "турызм"),
    ("new materials", "новые материалы", "新材料", "नई सामग्री", "новыя матэрыялы"),
    ("photonics", "фотоника", "光子学", "फोटोनिक्स", "фатоніка"),
    ("cultural exchange", "культурный обмен", "文化交流", "सांस्कृतिक आदान-प्रदान", "культурны абмен"),
    ("green energy", "зелёная энергетика", "绿色能源", "हरित ऊर्जा", "зялёная энергетыка"),
    ("youth exchange", "молодёжный обмен", "青年交流", "युवा आदान-प्रदान", "моладзевы абмен"),
    ("digital economy", "цифровая экономика", "数字经济", "डिजिटल अर्थव्यवस्था", "лічбавая эканоміка"),
    ("space research", "космические исследования", "航天研究", "अंतरिक्ष अनुसंधान", "касмічныя даследаванні"),
    ("food security", "продовольственная безопасность", "粮食安全", "खाद्य सुरक्षा", "харчовая бяспека"),
    ("language teaching", "преподавание языков", "语言教学", "भाषा शिक्षण", "выкладанне моў"),
)  # fmt: skip
# Event types in running text. Per type: English (bare, with an article), Russian (noun, gender), Chinese,
# Hindi (noun, gender: it only picks हुआ/हुई), Belarusian (noun, gender).
_TYPE_WORDS: dict[str, tuple[str, str, str, str, str, str, str, str, str]] = {
    "conference": ("international conference", "an international conference",
                   "международная конференция", "f", "国际会议",
                   "अंतरराष्ट्रीय सम्मेलन", "m", "міжнародная канферэнцыя", "f"),
    "seminar": ("seminar", "a seminar",
                "научный семинар", "m", "研讨会",
                "संगोष्ठी", "f", "навуковы семінар", "m"),
    "forum": ("forum", "a forum",
              "форум", "m", "论坛",
              "फ़ोरम", "m", "форум", "m"),
    "meeting": ("meeting", "a meeting",
                "рабочая встреча", "f", "会见",
                "बैठक", "f", "рабочая сустрэча", "f"),
    "visit": ("official visit", "an official visit",
              "официальный визит", "m", "正式访问",
              "आधिकारिक यात्रा", "f", "афіцыйны візіт", "m"),
    "signing": ("signing ceremony", "a signing ceremony",
                "церемония подписания", "f", "签约仪式",
                "हस्ताक्षर समारोह", "m", "цырымонія падпісання", "f"),
    "opening": ("opening ceremony", "an opening ceremony",
                "торжественное открытие", "n", "开幕式",
                "उद्घाटन समारोह", "m", "урачыстае адкрыццё", "n"),
    "ceremony": ("ceremony", "a ceremony",
                 "торжественная церемония", "f", "仪式",
                 "समारोह", "m", "урачыстая цырымонія", "f"),
    "launch": ("project launch", "a project launch",
               "запуск проекта", "m", "项目启动仪式",
               "परियोजना शुभारंभ", "m", "запуск праекта", "m"),
    "presentation": ("presentation", "a presentation",
                     "презентация", "f", "推介会",
                     "प्रस्तुति", "f", "прэзентацыя", "f"),
    "programme": ("training programme", "a training programme",
                  "образовательная программа", "f", "培训项目",
                  "प्रशिक्षण कार्यक्रम", "m", "адукацыйная праграма", "f"),
    "agreement": ("agreement signing", "an agreement signing",
                  "подписание соглашения", "n", "协议签署",
                  "समझौता", "m", "падпісанне пагаднення", "n"),
    "anniversary": ("anniversary celebration", "an anniversary celebration",
                    "юбилейное торжество", "n", "周年庆典",
                    "वर्षगांठ समारोह", "m", "юбілейная ўрачыстасць", "f"),
    "tour": ("study tour", "a study tour",
             "ознакомительная поездка", "f", "考察活动",
             "अध्ययन दौरा", "m", "азнаямленчая паездка", "f"),
    "other": ("event", "an event",
              "мероприятие", "n", "活动",
              "कार्यक्रम", "m", "мерапрыемства", "n"),
}  # fmt: skip
_TYPE_WEIGHTS = {"conference": 12, "seminar": 8, "forum": 8, "meeting": 15, "visit": 15, "signing": 8,
                 "opening": 5, "ceremony": 4, "launch": 3, "presentation": 5, "programme": 4, "agreement": 4,
                 "anniversary": 2, "tour": 2, "other": 5}  # fmt: skip
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")  # fmt: skip
_MONTHS_RU_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                  "октября", "ноября", "декабря")  # fmt: skip
_MONTHS_RU_LOC = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                  "октябре", "ноябре", "декабре")  # fmt: skip
_MONTHS_BE_GEN = ("студзеня", "лютага", "сакавіка", "красавіка", "мая", "чэрвеня", "ліпеня", "жніўня",
                  "верасня", "кастрычніка", "лістапада", "снежня")  # fmt: skip
_MONTHS_BE_LOC = ("студзені", "лютым", "сакавіку", "красавіку", "маі", "чэрвені", "ліпені", "жніўні",
                  "верасні", "кастрычніку", "лістападзе", "снежні")  # fmt: skip
_MONTHS_HI = ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर",
              "दिसंबर")  # fmt: skip

# Sentence templates, one per language with the same slots. {P} a person, {PT} a person with the title
# they held, {O} an organisation, {K} a country, {C} a city, {V} a venue, {T} a topic, {N} a round number,
# {M} a count of documents, {Y} a year, {D} the event's date as an opening phrase, {EV}/{EVa}/{EVc} the
# event's type (plain / with an article / capitalised). {g:m|f|n} agrees with the slot just before it.
_LEADS = {
    "held": (
        "{D}, {C} hosted {EVa}.",
        "{D} {EV} {g:прошёл|прошла|прошло} в городе {C}.",
        "{D}，{EV}在{C}举行。",
        "{D} {C} में {EV} {g:हुआ|हुई}।",
        "{D} {EV} {g:прайшоў|прайшла|прайшло} у горадзе {C}.",
    ),
    "organised": (
        "{D}, {O} held {EVa} in {C}.",
        "{D} {O} {g:провёл|провела|провело} в городе {C} мероприятие: {EV}.",
        "{D}，{O}在{C}举办{EV}。",
        "{D} {O} ने {C} में {EV} का आयोजन किया।",
        "{D} {O} {g:правёў|правяла|правяло} у горадзе {C} мерапрыемства: {EV}.",
    ),
    "delegation": (
        "{D}, a delegation led by {PT} visited {C}.",
        "{D} в городе {C} побывала делегация. Руководитель делегации — {PT}.",
        "{D}，{PT}率代表团访问{C}。",
        "{D} {PT} के नेतृत्व में एक प्रतिनिधिमंडल ने {C} का दौरा किया।",
        "{D} у горадзе {C} пабывала дэлегацыя. Кіраўнік дэлегацыі — {PT}.",
    ),
}
_BODY = {
    "organiser": (
        "The event was organised by {O}.",
        "Организатор — {O}.",
        "本次活动由{O}主办。",
        "कार्यक्रम का आयोजन {O} ने किया।",
        "Арганізатар — {O}.",
    ),
    "welcome": (
        "{PT} opened the event with a welcoming speech.",
        "{PT} {g:выступил|выступила} с приветственным словом.",
        "{PT}致欢迎辞。",
        "{PT} ने स्वागत भाषण दिया।",
        "{PT} {g:выступіў|выступіла} з вітальным словам.",
    ),
    "representatives": (
        "Representatives of {O} and {O} took part in the talks.",
        "В переговорах приняли участие представители организаций: {O}, {O}.",
        "{O}和{O}的代表参加了会谈。",
        "{O} और {O} के प्रतिनिधियों ने वार्ता में भाग लिया।",
        "У перамовах узялі ўдзел прадстаўнікі арганізацый: {O}, {O}.",
    ),
    "topic": (
        "The main topic of the discussion was {T}.",
        "Основная тема обсуждения — {T}.",
        "双方重点讨论了{T}领域的合作。",
        "चर्चा का मुख्य विषय {T} था।",
        "Асноўная тэма абмеркавання — {T}.",
    ),
    "noted": (
        "{P} noted that cooperation in {T} is developing steadily.",
        "{P} {g:отметил|отметила}, что сотрудничество стабильно развивается.",
        "{P}指出，双方在{T}领域的合作稳步发展。",
        "{P} ने कहा कि {T} में सहयोग लगातार बढ़ रहा है।",
        "{P} {g:адзначыў|адзначыла}, што супрацоўніцтва стабільна развіваецца.",
    ),
    "delegations": (
        "Delegations from {K} and {K} attended.",
        "В работе приняли участие делегации стран: {K}, {K}.",
        "来自{K}和{K}的代表团出席。",
        "{K} और {K} के प्रतिनिधिमंडलों ने भाग लिया।",
        "У рабоце ўзялі ўдзел дэлегацыі краін: {K}, {K}.",
    ),
    "specialists": (
        "More than {N} specialists from {C} and other cities took part.",
        "В мероприятии приняли участие более {N} специалистов, в том числе из города {C}.",
        "来自{C}等地的{N}余名专家参加了活动。",
        "{C} और अन्य शहरों से {N} से अधिक विशेषज्ञों ने भाग लिया।",
        "У мерапрыемстве ўзялі ўдзел больш за {N} спецыялістаў, у тым ліку з горада {C}.",
    ),
    "report": (
        "{PT} presented a report on {T}.",
        "{PT} {g:представил|представила} доклад на тему «{T}».",
        "{PT}作了关于{T}的报告。",
        "{PT} ने {T} पर एक रिपोर्ट प्रस्तुत की।",
        "{PT} {g:прадставіў|прадставіла} даклад на тэму «{T}».",
    ),
    "visited": (
        "The guests visited {O} and learned about its work.",
        "Гости посетили организацию {O} и ознакомились с её работой.",
        "来宾参观了{O}，了解了其工作情况。",
        "मेहमानों ने {O} का दौरा किया और उसके कार्य के बारे में जाना।",
        "Госці наведалі арганізацыю {O} і азнаёміліся з яе работай.",
    ),
    "thanks": (
        "{P} thanked the hosts for their hospitality.",
        "{P} {g:поблагодарил|поблагодарила} хозяев за гостеприимство.",
        "{P}感谢东道主的热情接待。",
        "{P} ने मेज़बानों को आतिथ्य के लिए धन्यवाद दिया।",
        "{P} {g:падзякаваў|падзякавала} гаспадарам за гасціннасць.",
    ),
    "next": (
        "The next meeting is planned to take place in {C}.",
        "Следующую встречу планируется провести в городе {C}.",
        "下一次会议计划在{C}举行。",
        "अगली बैठक {C} में आयोजित करने की योजना है।",
        "Наступную сустрэчу плануецца правесці ў горадзе {C}.",
    ),
    "youth": (
        "{P} stressed that the project will open new opportunities for young researchers.",
        "{P} {g:подчеркнул|подчеркнула}, что проект откроет новые возможности для молодых исследователей.",
        "{P}表示，该项目将为青年科研人员创造新的机遇。",
        "{P} ने कहा कि यह परियोजना युवा शोधकर्ताओं के लिए नए अवसर खोलेगी।",
        "{P} {g:падкрэсліў|падкрэсліла}, што праект адкрые новыя магчымасці для маладых даследчыкаў.",
    ),
    "since": (
        "{O} has been working with partners in {K} since {Y}.",
        "{O} сотрудничает с партнёрами с {Y} года; страна-партнёр — {K}.",
        "{O}自{Y}年起与{K}的合作伙伴开展合作。",
        "{O} {Y} से {K} के साझेदारों के साथ काम कर रहा है।",
        "{O} супрацоўнічае з партнёрамі з {Y} года; краіна-партнёр — {K}.",
    ),
    "prospects": (
        "Participants discussed joint research in {T} and student exchanges.",
        "Участники обсудили перспективы совместных исследований и студенческих обменов.",
        "与会者探讨了在{T}领域开展联合研究和学生交流的前景。",
        "प्रतिभागियों ने {T} में संयुक्त अनुसंधान और छात्र आदान-प्रदान पर चर्चा की।",
        "Удзельнікі абмеркавалі перспектывы сумесных даследаванняў і студэнцкіх абменаў.",
    ),
    # Sentences that name no one: real reports have them, and they keep the mention density realistic.
    "sessions": (
        "The programme included plenary sessions, round tables and a poster session.",
        "Программа включала пленарные заседания, круглые столы и стендовую сессию.",
        "活动包括全体会议、圆桌讨论和海报展示。",
        "कार्यक्रम में पूर्ण सत्र, गोलमेज़ चर्चाएँ और पोस्टर सत्र शामिल थे।",
        "Праграма ўключала пленарныя пасяджэнні, круглыя сталы і стэндавую сесію.",
    ),
    "working-group": (
        "Following the talks, a joint working group was set up.",
        "По итогам переговоров создана совместная рабочая группа.",
        "会谈后，双方成立了联合工作组。",
        "वार्ता के बाद एक संयुक्त कार्य समूह का गठन किया गया।",
        "Па выніках перамоў створана сумесная рабочая група.",
    ),
    "students": (
        "Students and young scientists presented their projects.",
        "Студенты и молодые учёные представили свои проекты.",
        "学生和青年科学家展示了他们的项目。",
        "छात्रों और युवा वैज्ञानिकों ने अपनी परियोजनाएँ प्रस्तुत कीं।",
        "Студэнты і маладыя навукоўцы прадставілі свае праекты.",
    ),
    "exhibition": (
        "An exhibition of new equipment was held on the sidelines.",
        "В рамках мероприятия прошла выставка новой техники.",
        "活动期间还举办了新设备展览。",
        "कार्यक्रम के दौरान नए उपकरणों की प्रदर्शनी भी लगाई गई।",
        "У рамках мерапрыемства прайшла выстава новай тэхнікі.",
    ),
    "broadcast": (
        "The meeting was broadcast online.",
        "Встреча транслировалась в интернете.",
        "会议进行了网络直播。",
        "बैठक का ऑनलाइन प्रसारण किया गया।",
        "Сустрэча транслявалася ў інтэрнэце.",
    ),
    "agreed": (
        "The parties agreed to continue their cooperation.",
        "Стороны договорились продолжить сотрудничество.",
        "双方同意继续深化合作。",
        "दोनों पक्ष सहयोग जारी रखने पर सहमत हुए।",
        "Бакі дамовіліся працягнуць супрацоўніцтва.",
    ),
    "documents": (
        "The parties signed {M} documents; the signatories included {O} and {O}.",
        "Стороны подписали {M} документов; среди подписантов — {O} и {O}.",
        "双方签署了{M}份合作文件，签约方包括{O}和{O}。",
        "दोनों पक्षों ने {M} दस्तावेज़ों पर हस्ताक्षर किए; हस्ताक्षरकर्ताओं में {O} और {O} शामिल थे।",
        "Бакі падпісалі {M} дакументаў; сярод падпісантаў — {O} і {O}.",
    ),
    "venue": (
        "The event took place at {V}.",
        "Место проведения — {V}.",
        "活动在{V}举行。",
        "कार्यक्रम {V} में आयोजित हुआ।",
        "Месца правядзення — {V}.",
    ),
    "accompanied": (
        "{PT} was accompanied by {P}.",
        "{PT} {g:прибыл|прибыла} в сопровождении коллег; среди сопровождающих — {P}.",
        "{PT}在{P}的陪同下出席。",
        "{PT} के साथ {P} भी उपस्थित थे।",
        "{PT} {g:прыбыў|прыбыла} разам з калегамі; сярод суправаджальных — {P}.",
    ),
}
_HEADLINES = {
    "hosts": (
        "{O} holds {EVa} in {C}",
        "{EVc} в городе {C}",
        "{O}在{C}举办{EV}",
        "{O} ने {C} में {EV} का आयोजन किया",
        "{EVc} у горадзе {C}",
    ),
    "countries": (
        "{K} and {K} strengthen cooperation in {T}",
        "{K} и {K} укрепляют сотрудничество",
        "{K}与{K}加强{T}领域合作",
        "{K} और {K} ने {T} में सहयोग मज़बूत किया",
        "{K} і {K} умацоўваюць супрацоўніцтва",
    ),
    "visits": (
        "{PT} visits {C}",
        "{PT}: визит в город {C}",
        "{PT}访问{C}",
        "{PT} का {C} दौरा",
        "{PT}: візіт у горад {C}",
    ),
    "signs": (
        "{O} and {O} sign a cooperation agreement",
        "{O} и {O} подписали соглашение о сотрудничестве",
        "{O}与{O}签署合作协议",
        "{O} और {O} ने सहयोग समझौते पर हस्ताक्षर किए",
        "{O} і {O} падпісалі пагадненне аб супрацоўніцтве",
    ),
    "opens": (
        "New {T} centre opens in {C}",
        "В городе {C} открыт новый центр",
        "{C}{T}中心揭牌",
        "{C} में नया {T} केंद्र खुला",
        "У горадзе {C} адкрыты новы цэнтр",
    ),
    "topic": (
        "{C} hosts {EVa} on {T}",
        "{EVc} в городе {C}: в центре внимания — {T}",
        "{T}{EV}在{C}举行",
        "{C} में {T} पर {EV}",
        "{EVc} у горадзе {C}",
    ),
}
_HEADLINES_FOR_TYPE = {
    "visit": ("visits", "visits", "hosts"),
    "tour": ("visits", "hosts"),
    "signing": ("signs", "signs", "countries"),
    "agreement": ("signs", "countries"),
    "opening": ("opens", "hosts"),
    "launch": ("opens", "hosts"),
    "conference": ("topic", "hosts", "countries"),
    "seminar": ("topic", "hosts"),
    "forum": ("topic", "hosts", "countries"),
}
# Page debris: unrelated headlines listed under an article.
_BULLETS = (
    ("- {O} opens a new laboratory", "- {O}: открыта новая лаборатория", "- {O}新实验室揭牌",
     "- {O} ने नई प्रयोगशाला खोली", "- {O}: адкрыта новая лабараторыя"),
    ("- Snow expected in {C} this weekend", "- В городе {C} ожидается снег", "- {C}本周末预计有雪",
     "- {C} में इस सप्ताहांत बर्फ़बारी की संभावना", "- У горадзе {C} чакаецца снег"),
    ("- {P} re-elected for a second term", "- {P}: переизбрание на второй срок", "- {P}连任",
     "- {P} दूसरी बार निर्वाचित", "- {P}: пераабранне на другі тэрмін"),
    ("- Days of {K} culture open", "- Дни культуры: страна-гость — {K}", "- {K}文化日开幕",
     "- {K} संस्कृति दिवस शुरू", "- Дні культуры: краіна-госць — {K}"),
    ("- {O} announces admission results", "- {O}: итоги приёмной кампании", "- {O}公布招生结果",
     "- {O} ने प्रवेश परिणाम घोषित किए", "- {O}: вынікі прыёмнай кампаніі"),
    ("- Exhibition of {T} achievements in {C}", "- Выставка достижений в городе {C}", "- {C}举办{T}成果展",
     "- {C} में {T} उपलब्धियों की प्रदर्शनी", "- Выстава дасягненняў у горадзе {C}"),
)  # fmt: skip
_BREADCRUMBS = {
    "en": ("News>News", "Home > News > International"),
    "ru": ("Новости>Новости", "Главная > Новости"),
    "zh": ("新闻>新闻", "首页 > 新闻中心"),
    "hi": ("समाचार>समाचार", "होम > समाचार"),
    "be": ("Навіны>Навіны", "Галоўная > Навіны"),
}
# Metadata lines: text before the date, text after it ({n} a view count); "dmy" dates are dd.mm.yyyy.
_META_LINES = {
    "en": ("Release time: ", "    Views: {n}", "iso"),
    "ru": ("Дата публикации: ", "  Просмотров: {n}", "dmy"),
    "zh": ("发布时间：", "  浏览次数：{n}", "iso"),
    "hi": ("पोस्ट टाइम: ", "", "iso"),
    "be": ("Дата публікацыі: ", "", "dmy"),
}
# "Among the participants were A, B and C": opening, comma, last "and", close.
_PARTICIPANT_LISTS = {
    "en": ("Among the participants were ", ", ", " and ", "."),
    "ru": ("Среди участников — ", ", ", " и ", "."),
    "zh": ("出席活动的有", "、", "和", "。"),
    "hi": ("प्रतिभागियों में ", ", ", " और ", " शामिल थे।"),
    "be": ("Сярод удзельнікаў — ", ", ", " і ", "."),
}
_PUBLISHERS = {
    "en": ("Belarus Today", "China–Belarus Portal", "Eurasia Science Wire", "Silk Road Herald", None),
    "ru": ("Наука и инновации", "Вечерний Минск", "Деловая газета", None),
    "zh": ("中白合作网", "科技日报", "齐鲁晚报", None),
    "hi": ("विज्ञान समाचार", "भारत टाइम्स", None),
    "be": ("Звязда", "Навуковы веснік", None),
}
_INFERRED_REASONS = (
    "year from the release time",
    "the document's publication date; the event may be earlier",
    "the text says 'last week'",
    "month from the seasonal context",
    "the date is given only in a photo caption",
    "two sources disagree; the earlier date is kept",
)
_DEBRIS_REASONS = {
    "navigation": "navigation breadcrumb of the web page",
    "metadata": "page metadata: release time and view count",
    "headline-list": "links to unrelated articles",
}

# =============================================================================================== templates

_SLOT = re.compile(r"\{(\w+)(?::([^}]*))?\}")
_GROUP = {"PT": "P", "EVa": "EV", "EVc": "EV"}
_ENTITY_GROUPS = frozenset({"P", "O", "K", "C", "V"})
_GENDER_INDEX = {"m": 0, "f": 1, "n": 2}
# Op codes of a compiled template.
_LIT, _SLOTOP, _GEN = 0, 1, 2

# (op code, payload, slot group): literal text, a slot name, or the forms of a gender agreement.
Ops = tuple[tuple[int, object, str], ...]


@dataclass(frozen=True)
class _Template:
    """A sentence in every language, compiled once: ops per language and how many values each slot needs."""

    name: str
    ops: tuple[Ops, ...]  # in LANGS order
    need: tuple[tuple[str, int], ...]


def _compile_one(text: str) -> Ops:
    ops: list[tuple[int, object, str]] = []
    pos = 0
    for m in _SLOT.finditer(text):
        if m.start() > pos:
            ops.append((_LIT, text[pos : m.start()], ""))
        if m.group(1) == "g":
            ops.append((_GEN, tuple(m.group(2).split("|")), ""))
        else:
            ops.append((_SLOTOP, m.group(1), _GROUP.get(m.group(1), m.group(1))))
        pos = m.end()
    if pos < len(text):
        ops.append((_LIT, text[pos:], ""))
    return tuple(ops)


def _compile(name: str, texts: Sequence[str]) -> _Template:
    ops = tuple(_compile_one(t) for t in texts)
    need: dict[str, int] = {}
    for lang_ops in ops:
        counts: dict[str, int] = {}
        for code, _payload, group in lang_ops:
            if code == _SLOTOP:
                counts[group] = counts.get(group, 0) + 1
        for group, n in counts.items():
            need[group] = max(need.get(group, 0), n)
    return _Template(name, ops, tuple(need.items()))


_LEAD_T = {k: _compile(k, v) for k, v in _LEADS.items()}
_BODY_T = {k: _compile(k, v) for k, v in _BODY.items()}
_HEADLINE_T = {k: _compile(k, v) for k, v in _HEADLINES.items()}
_BULLET_T = tuple(_compile(f"bullet{i}", v) for i, v in enumerate(_BULLETS))
# Body sentences any event may use, in the order a document prefers them before shuffling.
_GENERAL_BODY = ("organiser", "welcome", "representatives", "topic", "noted", "delegations", "specialists",
                 "report", "visited", "thanks", "next", "youth", "since", "prospects", "sessions",
                 "working-group", "students", "exhibition", "broadcast")  # fmt: skip
_TYPE_CUM = tuple(itertools.accumulate(_TYPE_WEIGHTS.get(t, 1) for t in EVENT_TYPES))

# =================================================================================================== names


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _deva_join(stem: str, suffix: str) -> str:
    """Join Devanagari name parts: a consonant cluster across the join needs a virama."""
    last, first = stem[-1], suffix[0]
    stem_consonant = "\u0915" <= last <= "\u0939" or last == "\u093c"
    if stem_consonant and "\u0915" <= first <= "\u0939":
        return stem + "\u094d" + suffix
    return stem + suffix


def _ru_adjective(name: str) -> str:
    """'Калинск' → 'Калинский': good enough for made-up city names (real ones carry their own)."""
    if name.endswith("ск"):
        return name + "ий"
    if name[-1] in "аоеиыяуюэ":
        return name[:-1] + "ский"
    return name + "ский"


def _misspell(rng: random.Random, text: str) -> str | None:
    """A plausible typo in the longest word: two letters swapped, one doubled or one dropped."""
    words = text.split(" ")
    index = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[index]
    if len(word) < 5 or not word.isalpha():
        return None
    i = rng.randrange(1, len(word) - 2)
    how = rng.random()
    if how < 0.5:
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif how < 0.75:
        typo = word[: i + 1] + word[i] + word[i + 1 :]
    else:
        typo = word[:i] + word[i + 1 :]
    if fold(typo) == fold(word):
        return None
    words[index] = typo
    return " ".join(words)


class _Namer:
    """Made-up names in four scripts at once, from syllables that each have a Latin, Cyrillic, Chinese and
    Devanagari form, so that every alias of an entity is a consistent rendering of the same name."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def cv(self) -> tuple[str, str, str, str]:
        o = self.rng.randrange(len(_ONSETS))
        v = self.rng.randrange(len(_VOWELS))
        on, vo = _ONSETS[o], _VOWELS[v]
        return on[0] + vo[0], on[1] + vo[1], _CV_HAN[o][v], on[2] + vo[2]

    def stem(self, syllables: int, coda: bool) -> tuple[str, str, str, str]:
        parts = [self.cv() for _ in range(syllables)]
        en = "".join(p[0] for p in parts)
        ru = "".join(p[1] for p in parts)
        zh = "".join(p[2] for p in parts)
        hi = "".join(p[3] for p in parts)
        if coda:
            c = self.rng.choice(_CODAS)
            en, ru, zh, hi = en + c[0], ru + c[1], zh + c[2], hi + c[3]
        return _cap(en), _cap(ru), zh, hi

    def city(self, culture: str) -> tuple[str, str, str, str]:
        rng = self.rng
        if culture == "chinese":
            a, b = rng.sample(_PINYIN, 2)
            return _cap(a[0] + b[0]), _cap(a[1] + b[1]), a[2] + b[2], a[3] + b[3]
        if culture == "indic" and rng.random() < 0.8:
            s, x = rng.choice(_INDIC_STEMS), rng.choice(_INDIC_SUFFIXES)
            return s[0] + x[0], s[1] + x[1], s[2] + x[2], s[3] + x[3]
        if culture == "slavic":
            en, ru, zh, hi = self.stem(2, coda=True)
            x = rng.choice(_SLAVIC_CITY_SUFFIXES)
            return en + x[0], ru + x[1], zh + x[2], _deva_join(hi, x[3])
        return self.stem(3, coda=False)


# =============================================================================================== authority


@dataclass
class _Authority:
    """The authority in memory: the rows to write, and per-entity lookups the generator needs often."""

    entity_rows: list[tuple[object, ...]]
    alias_rows: list[tuple[object, ...]]
    etype: list[str]  # indexed by entity id; [0] unused
    name: list[str]
    gender: list[int]
    # Per document language: for each entity, the (text, alias kind, script) a document may name it by,
    # repeated to weight the common forms.
    forms: dict[str, list[tuple[tuple[str, str, str], ...]]]
    chain: list[tuple[tuple[int, str], ...]]  # the entity and everything it lies within
    country_of: list[int]  # 0: none
    countries: list[int]
    country_cum: list[int]
    host_countries: list[int]  # countries with at least one city
    host_cum: list[int]
    people: dict[int, list[int]]  # by country
    orgs: dict[int, list[int]]
    cities: dict[int, list[int]]
    venues: dict[int, list[int]]  # by city
    all_people: list[int]
    all_orgs: list[int]
    all_cities: list[int]


class _AuthorityBuilder:
    """Countries, places, organisations and people with their aliases, from ``random.Random(seed)``."""

    def __init__(self, seed: int, events: int) -> None:
        self.rng = random.Random(seed)
        self.namer = _Namer(self.rng)
        self.events = events
        self.rows: list[tuple[object, ...]] = []
        self.alias_rows: list[tuple[object, ...]] = []
        self.etype: list[str] = [""]
        self.name: list[str] = [""]
        self.gender: list[int] = [0]
        self.forms_raw: list[list[tuple[str, str, str]]] = [[]]
        self.within: list[int] = [0]
        self.country: list[int] = [0]
        self.by_key: dict[str, int] = {}
        self.used_names: set[str] = set()
        self.culture: dict[int, str] = {}  # a country's naming culture
        self.level: dict[int, str] = {}  # a place's level: region, city or venue
        self.ru_adj: dict[int, str] = {}

    # ------------------------------------------------------------------ rows

    def add(
        self,
        etype: str,
        key: str,
        forms: list[tuple[str, str, str]],
        native: tuple[str, str] | None = None,
        country: int = 0,
        within: int = 0,
        gender: int = 0,
    ) -> int:
        """One entity: ``forms`` starts with the English canonical name; duplicates by norm are dropped."""
        eid = len(self.etype)
        name = forms[0][0]
        certainty = "certain"
        r = self.rng.random()
        if etype in ("person", "organisation") and r < 0.08:
            certainty = "probable" if r < 0.065 else "possible"
        self.rows.append(
            (
                eid,
                key,
                etype,
                name,
                fold(name),
                native[0] if native else None,
                native[1] if native else None,
                country or None,
                within or None,
                certainty,
                None,
            )
        )
        seen: set[str] = set()
        kept: list[tuple[str, str, str]] = []
        for text, lang, kind in forms:
            norm = fold(text)
            if norm in seen:
                continue
            seen.add(norm)
            kept.append((text, lang, kind))
            self.alias_rows.append((eid, text, norm, lang, kind, 1, "catalogue"))
        self.by_key[key] = eid
        self.etype.append(etype)
        self.name.append(name)
        self.gender.append(gender)
        self.forms_raw.append(kept)
        self.within.append(within)
        self.country.append(country)
        self.used_names.add(name)
        return eid

    # ------------------------------------------------------------------ entities

    def build(self) -> _Authority:
        n = self.events
        self._countries()
        self._places(max(50, n // 200))
        self._organisations(max(100, n // 50))
        self._people(max(200, n // 20))
        return self._finish()

    def _countries(self) -> None:
        for key, en, ru, zh, hi, be, native_lang, culture, _w in _COUNTRIES:
            forms, native = self._geo_forms(en, ru, zh, hi, be, native_lang)
            forms += _COUNTRY_EXTRA.get(key, ())
            eid = self.add("country", f"country.{key}", forms, native)
            self.culture[eid] = culture

    @staticmethod
    def _geo_forms(
        en: str, ru: str, zh: str, hi: str, be: str | None, native_lang: str | None
    ) -> tuple[list[tuple[str, str, str]], tuple[str, str] | None]:
        """A country's or place's names: canonical English, native, then renderings in the other scripts."""
        native = {"ru": ru, "zh": zh, "hi": hi}.get(native_lang or "")
        forms = [(en, "en", "canonical")]
        if native and native_lang:
            forms.append((native, native_lang, "native"))
        forms += [(ru, "ru", "transliteration"), (zh, "zh", "transliteration"), (hi, "hi", "transliteration")]
        if be:
            forms.append((be, "be", "transliteration"))
        return forms, ((native, native_lang) if native and native_lang else None)

    def _native_lang(self, country: int) -> str | None:
        return self.rows[country - 1][6]  # type: ignore[return-value]

    def _places(self, total: int) -> None:
        rng = self.rng
        for key, level, en, ru, zh, hi, be, ckey, wkey, adj in _REAL_PLACES:
            country = self.by_key[f"country.{ckey}"]
            within = self.by_key[f"place.{wkey}"] if wkey else country
            forms, native = self._geo_forms(en, ru, zh, hi, be, self._native_lang(country))
            forms += _PLACE_EXTRA.get(key, ())
            eid = self.add("place", f"place.{key}", forms, native, country, within)
            self.level[eid] = level
            if adj:
                self.ru_adj[eid] = adj
        countries = [self.by_key[f"country.{c[0]}"] for c in _COUNTRIES]
        cum = list(itertools.accumulate(c[8] for c in _COUNTRIES))
        regions: dict[int, list[int]] = {}
        cities: dict[int, list[int]] = {}
        for eid in range(1, len(self.etype)):
            if self.etype[eid] == "place":
                bucket = regions if self.level[eid] == "region" else cities
                bucket.setdefault(self.country[eid], []).append(eid)
        venue_count: dict[int, int] = {}
        serial = 0
        while len(self.etype) - 1 - len(_COUNTRIES) < total:
            serial += 1
            country = rng.choices(countries, cum_weights=cum)[0]
            culture = self.culture[country]
            native_lang = self._native_lang(country)
            r = rng.random()
            if r < 0.2 or not regions.get(country):
                en, ru, zh, hi = self._unique_city(culture)
                if culture == "chinese" or culture == "generic":
                    names = (f"{en} Province", f"провинция {ru}", f"{zh}省", f"{hi} प्रांत")
                elif culture == "indic":
                    names = (f"{en} Pradesh", f"штат {ru}", f"{zh}邦", f"{hi} प्रदेश")
                else:
                    adj = _ru_adjective(ru)
                    names = (f"{en} Region", adj[:-2] + "ая область", f"{zh}州", f"{hi} क्षेत्र")
                forms, native = self._geo_forms(*names, None, native_lang)
                eid = self.add("place", f"place.synth-{serial}", forms, native, country, country)
                self.level[eid] = "region"
                regions.setdefault(country, []).append(eid)
            elif r < 0.9 or not cities.get(country):
                en, ru, zh, hi = self._unique_city(culture)
                region_list = regions[country]
                within = rng.choice(region_list) if rng.random() < 0.85 else country
                forms, native = self._geo_forms(en, ru, zh, hi, None, native_lang)
                if rng.random() < 0.1:
                    typo = _misspell(rng, en)
                    if typo:
                        forms.append((typo, "en", "misspelling"))
                eid = self.add("place", f"place.synth-{serial}", forms, native, country, within)
                self.level[eid] = "city"
                self.ru_adj[eid] = _ru_adjective(ru)
                cities.setdefault(country, []).append(eid)
            else:
                city = rng.choice(cities[country])
                nth = venue_count.get(city, 0)
                if nth >= 2:
                    continue
                venue_count[city] = nth + 1
                en, ru, zh, hi = (self.name[city], *self._city_forms(city))
                if nth == 0:
                    names = (f"{en} Expo Centre", f"Экспоцентр «{ru}»", f"{zh}会展中心", f"{hi} एक्सपो सेंटर")
                else:
                    names = (f"{en} Congress Hall", f"Конгресс-холл «{ru}»", f"{zh}国际会议中心",
                             f"{hi} कांग्रेस हॉल")  # fmt: skip
                forms, native = self._geo_forms(*names, None, native_lang)
                eid = self.add("place", f"place.synth-{serial}", forms, native, country, city)
                self.level[eid] = "venue"

    def _city_forms(self, city: int) -> tuple[str, str, str]:
        """The Russian, Chinese and Hindi names of a place (from its aliases)."""
        by_lang = {lang: text for text, lang, _k in self.forms_raw[city] if lang in ("ru", "zh", "hi")}
        return (
            by_lang.get("ru", self.name[city]),
            by_lang.get("zh", self.name[city]),
            by_lang.get("hi", self.name[city]),
        )

    def _unique_city(self, culture: str) -> tuple[str, str, str, str]:
        for _ in range(30):
            names = self.namer.city(culture)
            if names[0] not in self.used_names:
                return names
        while True:  # the small name spaces (Indian, Chinese) can run out: fall back to a longer made-up name
            names = self.namer.stem(3, coda=True)
            if names[0] not in self.used_names:
                return names

    def _organisations(self, total: int) -> None:
        rng = self.rng
        for key, en, ru, zh, hi, abbr, ckey, city_key, gender in _REAL_ORGS:
            country = self.by_key[f"country.{ckey}"]
            native_lang = self._native_lang(country)
            forms = self._org_forms(en, ru, zh, hi, native_lang)
            if abbr:
                forms.insert(1, (abbr, "en", "variant"))
            city = self.by_key[f"place.{city_key}"]
            native = self._native_of(forms, native_lang)
            self.add("organisation", f"org.{key}", forms, native, country, city, _GENDER_INDEX[gender])
        countries = [self.by_key[f"country.{c[0]}"] for c in _COUNTRIES]
        cum = list(itertools.accumulate(c[8] for c in _COUNTRIES))
        cities: dict[int, list[int]] = {}
        for eid in range(1, len(self.etype)):
            if self.etype[eid] == "place" and self.level.get(eid) == "city":
                cities.setdefault(self.country[eid], []).append(eid)
        serial = 0
        made = len(_REAL_ORGS)
        while made < total:
            serial += 1
            country = rng.choices(countries, cum_weights=cum)[0]
            native_lang = self._native_lang(country)
            template = rng.choice(_ORG_TEMPLATES)
            within = 0
            city_list = cities.get(country)
            if city_list and rng.random() < 0.85:
                city = rng.choice(city_list)
                x_en = self.name[city]
                x_ru, x_zh, x_hi = self._city_forms(city)
                adj = self.ru_adj.get(city) or _ru_adjective(x_ru)
                within = city if rng.random() < 0.6 else 0
            else:
                x_en, x_ru, x_zh, x_hi = self.namer.city(self.culture[country])
                adj = _ru_adjective(x_ru)
            en = template[0].replace("{X}", x_en)
            if en in self.used_names:
                x_en, x_ru, x_zh, x_hi = self._unique_city("generic")
                adj = _ru_adjective(x_ru)
                en = template[0].replace("{X}", x_en)
                within = 0
                if en in self.used_names:
                    continue
            ru = template[1].replace("{Am}", adj).replace("{Af}", adj[:-2] + "ая").replace("{R}", x_ru)
            zh = template[2].replace("{Z}", x_zh)
            hi = template[3].replace("{H}", x_hi)
            forms = self._org_forms(en, ru, zh, hi, native_lang)
            words = [w for w in en.split() if w not in _ABBREVIATION_SKIP]
            if len(words) >= 2 and rng.random() < 0.5:
                forms.insert(1, ("".join(w[0] for w in words).upper(), "en", "variant"))
            if rng.random() < 0.12:
                typo = _misspell(rng, en)
                if typo:
                    forms.append((typo, "en", "misspelling"))
            native = self._native_of(forms, native_lang)
            gender = _GENDER_INDEX[template[4]]
            self.add("organisation", f"org.synth-{serial}", forms, native, country, within, gender)
            made += 1

    @staticmethod
    def _org_forms(en: str, ru: str, zh: str, hi: str, native_lang: str | None) -> list[tuple[str, str, str]]:
        forms = [(en, "en", "canonical")]
        for text, lang in ((ru, "ru"), (zh, "zh"), (hi, "hi")):
            forms.append((text, lang, "native" if lang == native_lang else "transliteration"))
        return forms

    @staticmethod
    def _native_of(forms: list[tuple[str, str, str]], native_lang: str | None) -> tuple[str, str] | None:
        for text, lang, kind in forms:
            if kind == "native" and lang == native_lang:
                return text, lang
        return None

    def _people(self, total: int) -> None:
        rng = self.rng
        countries = [self.by_key[f"country.{c[0]}"] for c in _COUNTRIES]
        cum = list(itertools.accumulate(c[8] for c in _COUNTRIES))
        for serial in range(1, total + 1):
            country = rng.choices(countries, cum_weights=cum)[0]
            culture = self.culture[country]
            native_lang = self._native_lang(country)
            for _ in range(20):
                forms, gender = self._person(culture, native_lang)
                if forms[0][0] not in self.used_names:
                    break
            native = self._native_of(forms, native_lang)
            self.add("person", f"person.synth-{serial}", forms, native, country, 0, gender)

    def _person(self, culture: str, native_lang: str | None) -> tuple[list[tuple[str, str, str]], int]:
        """A person's forms: canonical, native, transliterations, short forms, sometimes a misspelling."""
        rng = self.rng
        forms: list[tuple[str, str, str]]

        def script_kind(lang: str) -> str:
            return "native" if lang == native_lang else "transliteration"

        if culture == "chinese":
            sur = rng.choice(_CHINESE_SURNAMES)
            given = rng.sample(_CHINESE_GIVEN, rng.choice((1, 2, 2)))
            female = any(g[4] for g in given)
            g_en = _cap("".join(g[0] for g in given))
            g_ru = _cap("".join(g[1] for g in given))
            g_zh = "".join(g[2] for g in given)
            g_hi = "".join(g[3] for g in given)
            en = f"{sur[0]} {g_en}"
            forms = [
                (en, "en", "canonical"),
                (sur[2] + g_zh, "zh", script_kind("zh")),
                (f"{sur[1]} {g_ru}", "ru", script_kind("ru")),
                (f"{sur[3]} {g_hi}", "hi", script_kind("hi")),
                (f"{g_en} {sur[0]}", "en", "variant"),
            ]
            gender = 1 if female else 0
        elif culture == "indic":
            first = rng.choice(_INDIAN_FIRST)
            sur = rng.choice(_INDIAN_SURNAMES)
            en = f"{first[0]} {sur[0]}"
            forms = [
                (en, "en", "canonical"),
                (f"{first[3]} {sur[3]}", "hi", script_kind("hi")),
                (f"{first[1]} {sur[1]}", "ru", script_kind("ru")),
                (f"{first[2]}·{sur[2]}", "zh", script_kind("zh")),
                (f"{first[0][0]}. {sur[0]}", "en", "variant"),
            ]
            gender = _GENDER_INDEX[first[4]]
        elif culture == "slavic":
            first = rng.choice(_SLAVIC_FIRST)
            gender = _GENDER_INDEX[first[5]]
            s_en, s_ru, s_zh, s_hi = self.namer.stem(2, coda=True)
            end = rng.choice(_SLAVIC_ENDINGS)
            f = gender  # 0 masculine, 1 feminine ending
            sur_en = s_en + end[f]
            sur_ru = s_ru + end[2 + f]
            sur_zh = s_zh + end[4 + f]
            sur_hi = _deva_join(s_hi, end[6 + f])
            en = f"{first[0]} {sur_en}"
            forms = [
                (en, "en", "canonical"),
                (f"{first[2]} {sur_ru}", "ru", script_kind("ru")),
                (f"{first[3]}·{sur_zh}", "zh", "transliteration"),
                (f"{first[4]} {sur_hi}", "hi", "transliteration"),
                (sur_en, "en", "variant"),
                (sur_ru, "ru", "variant"),
                (f"{first[0][0]}. {sur_en}", "en", "variant"),
                (f"{first[2][0]}. {sur_ru}", "ru", "variant"),
            ]
            if first[1]:
                forms.append((f"{first[1]} {sur_en}", "en", "transliteration"))
            if end[8] and gender == 0 and rng.random() < 0.3:
                forms.append((f"{first[0]} {s_en}{end[8]}", "en", "transliteration"))
        else:
            first = rng.choice(_GENERIC_FIRST)
            s_en, s_ru, s_zh, s_hi = self.namer.stem(rng.choice((2, 3)), coda=rng.random() < 0.5)
            en = f"{first[0]} {s_en}"
            forms = [
                (en, "en", "canonical"),
                (f"{first[1]} {s_ru}", "ru", "transliteration"),
                (f"{first[2]}·{s_zh}", "zh", "transliteration"),
                (f"{first[3]} {s_hi}", "hi", "transliteration"),
                (s_en, "en", "variant"),
            ]
            gender = _GENDER_INDEX[first[4]]
        if rng.random() < 0.15:
            typo = _misspell(rng, forms[0][0])
            if typo:
                forms.append((typo, "en", "misspelling"))
        return forms, gender

    # ------------------------------------------------------------------ lookups

    def _finish(self) -> _Authority:
        size = len(self.etype)
        weights = {"canonical": 5, "native": 5, "transliteration": 3, "variant": 2, "misspelling": 1}
        forms: dict[str, list[tuple[tuple[str, str, str], ...]]] = {lang: [()] for lang in LANGS}
        for eid in range(1, size):
            raw = self.forms_raw[eid]
            canonical = raw[0]
            for lang in LANGS:
                if lang == "be":
                    cand = [f for f in raw if f[1] == "be"] or [f for f in raw if f[1] == "ru"]
                else:
                    cand = [f for f in raw if f[1] == lang]
                if not cand:
                    cand = [canonical]
                if lang != "en":
                    # A Latin transliteration weighs little in a Cyrillic text; keep the local forms first.
                    cand = [f for f in cand if f[2] != "canonical"] or cand
                expanded: list[tuple[str, str, str]] = []
                for text, flang, kind in cand:
                    expanded += [(text, kind, _SCRIPT[flang])] * weights[kind]
                forms[lang].append(tuple(expanded))
        chain: list[tuple[tuple[int, str], ...]] = [()]
        country_of = [0] * size
        for eid in range(1, size):
            links: list[tuple[int, str]] = []
            current = eid
            while current and all(current != c for c, _t in links):
                links.append((current, self.etype[current]))
                current = self.within[current]
            chain.append(tuple(links))
            # As EntityGraph.country_of: the first country on the chain, or the first country_id on the way.
            found = 0
            for cid, ctype in links:
                if ctype == "country":
                    found = cid
                    break
                if self.country[cid]:
                    found = self.country[cid]
                    break
            country_of[eid] = found
        people: dict[int, list[int]] = {}
        orgs: dict[int, list[int]] = {}
        cities: dict[int, list[int]] = {}
        venues: dict[int, list[int]] = {}
        all_cities: list[int] = []
        for eid in range(1, size):
            etype = self.etype[eid]
            if etype == "person":
                people.setdefault(self.country[eid], []).append(eid)
            elif etype == "organisation":
                orgs.setdefault(self.country[eid], []).append(eid)
            elif etype == "place":
                level = self.level.get(eid)
                if level == "city":
                    cities.setdefault(self.country[eid], []).append(eid)
                    all_cities.append(eid)
                elif level == "venue":
                    venues.setdefault(self.within[eid], []).append(eid)
        countries = [self.by_key[f"country.{c[0]}"] for c in _COUNTRIES]
        weights_c = [c[8] for c in _COUNTRIES]
        hosts = [(c, w) for c, w in zip(countries, weights_c, strict=True) if cities.get(c)]
        return _Authority(
            entity_rows=self.rows,
            alias_rows=self.alias_rows,
            etype=self.etype,
            name=self.name,
            gender=self.gender,
            forms=forms,
            chain=chain,
            country_of=country_of,
            countries=countries,
            country_cum=list(itertools.accumulate(weights_c)),
            host_countries=[c for c, _w in hosts],
            host_cum=list(itertools.accumulate(w for _c, w in hosts)),
            people=people,
            orgs=orgs,
            cities=cities,
            venues=venues,
            all_people=[e for e in range(1, size) if self.etype[e] == "person"],
            all_orgs=[e for e in range(1, size) if self.etype[e] == "organisation"],
            all_cities=all_cities,
        )


def build_authority(seed: int, events: int) -> _Authority:
    """The authority for an archive of ``events`` events (sizes grow with it, with floors for small ones)."""
    return _AuthorityBuilder(seed, events).build()


# ====================================================================================== events & documents

_YEARS = tuple(range(1990, 2027))
# Denser in recent years: each year has 12% more events than the one before.
_YEAR_CUM = tuple(itertools.accumulate(1.12 ** (y - 1990) for y in _YEARS))
_YEAR_START = {y: dt.date(y, 1, 1).toordinal() for y in (*_YEARS, 2027)}
_LAST_DAY = dt.date(2026, 12, 31).toordinal()
_PUB_FIRST = dt.date(2008, 1, 1).toordinal()
_IMPORTED_BASE = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC)
_MODES = ("in-person", "online", "hybrid", "unknown")
_MODE_CUM = (70, 78, 85, 100)
_UNCATALOGUED_REASON = "the document's publication date; the event may be earlier"
_ORG_ROLES = ("co-organiser", "participant", "sponsor", "participant")
_PERSON_ROLES = {
    "conference": ("speaker", "presenter", "participant", "participant"),
    "seminar": ("speaker", "presenter", "participant"),
    "forum": ("speaker", "participant", "participant"),
    "presentation": ("presenter", "speaker", "participant"),
    "programme": ("supervisor", "participant"),
    "anniversary": ("subject", "participant", "host"),
    "meeting": ("participant", "host", "participant"),
}
_NOTE_TEXTS = {
    "dating": "The page's release date, not the date of the event.",
    "debris": "Navigation text of the web page, not part of the article.",
    "punctuation": "The original punctuation is kept as published.",
    "omission": "The sentence leaves out who represented the second party.",
    "conflict": "Another source gives a different date for this event.",
    "other": "Wording as published; not checked against other sources.",
}
assert set(_NOTE_TEXTS) <= set(NOTE_KINDS) and set(_TYPE_WORDS) == set(EVENT_TYPES)
assert {r for roles in _PERSON_ROLES.values() for r in roles} | set(_ORG_ROLES) <= set(ROLES)

# The tables the generator fills, in the order their rows are written (parents before children), each
# with its columns in the schema's order, which is the order of the generator's row tuples. The generator
# numbers documents, events and entities itself (other rows point at them); the other tables' rows leave
# their ids to SQLite, as the build's do.
_OWN_IDS = frozenset({"documents", "events", "entities"})
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    name: table_columns(name, key=name in _OWN_IDS)
    for name in ("documents", "publication_dates", "debris_spans", "mentions", "translation_notes",
                 "renderings", "events", "event_documents", "participants", "evidence", "event_entities",
                 "event_languages")
}  # fmt: skip
_AUTHORITY_COLUMNS = {name: table_columns(name, key=name in _OWN_IDS) for name in ("entities", "aliases")}
_STAGE_SQL = "INSERT INTO staging.fts (words, stems, translit, kind, ref) VALUES (?, ?, ?, ?, ?)"


def _fts(text: str) -> tuple[str, str, str]:
    """The three indexed columns of a text, as the build writes them."""
    row = index_fields(text)
    return row.words, row.stems, row.translit


# The date columns event_row_values fills (start_date … sort_date), in the schema's order.
_DATE_COLUMNS = tuple(
    c for c in TABLE_COLUMNS["events"] if c in event_row_values(FuzzyDate(None), FuzzyDate(None))
)


def _insert_sql(table: str) -> str:
    """The store's INSERT of a table's rows as the generator makes them (every column it has, so there are
    no defaults to add)."""
    sql, defaults = insert_sql(table, {**_AUTHORITY_COLUMNS, **TABLE_COLUMNS}[table])
    assert not defaults, table
    return sql


def _date_phrase(lang: str, value: str | None, precision: str) -> str:
    """The event's date as a document opens with it: 'On 3 June 2021', '3 июня 2021 года', '2021年6月'…"""
    if value is None:
        return {"en": "Recently", "ru": "Недавно", "zh": "近日", "hi": "हाल ही में", "be": "Нядаўна"}[lang]
    year = "" if value.startswith("XXXX") else value[:4]
    month = int(value[5:7]) - 1 if len(value) >= 7 else -1
    day = int(value[8:10]) if precision == "day" else 0
    if lang == "en":
        if day:
            return f"On {day} {_MONTHS_EN[month]} {year}".rstrip()
        return f"In {_MONTHS_EN[month]} {year}" if month >= 0 else f"In {year}"
    if lang == "ru":
        if day:
            return f"{day} {_MONTHS_RU_GEN[month]} {year} года" if year else f"{day} {_MONTHS_RU_GEN[month]}"
        return f"В {_MONTHS_RU_LOC[month]} {year} года" if month >= 0 else f"В {year} году"
    if lang == "be":
        if day:
            return f"{day} {_MONTHS_BE_GEN[month]} {year} года" if year else f"{day} {_MONTHS_BE_GEN[month]}"
        return f"У {_MONTHS_BE_LOC[month]} {year} года" if month >= 0 else f"У {year} годзе"
    if lang == "zh":
        head = f"{year}年" if year else ""
        if day:
            return f"{head}{month + 1}月{day}日"
        return f"{head}{month + 1}月" if month >= 0 else head
    if day:
        return f"{day} {_MONTHS_HI[month]} {year} को" if year else f"{day} {_MONTHS_HI[month]} को"
    return f"{_MONTHS_HI[month]} {year} में" if month >= 0 else f"{year} में"


def _layout(seed: int, chunk: int, count: int) -> list[tuple[bool, int, bool]]:
    """Per event of a chunk: (uncatalogued, documents of its own, shares the previous event's document).

    Cheap and separate from the content, so that the writer can know every chunk's first document id
    before any chunk is generated (chunks are then independent and can run in parallel).
    """
    rng = random.Random(f"synth-layout:{seed}:{chunk}")
    out: list[tuple[bool, int, bool]] = []
    shareable = False
    for _ in range(count):
        if rng.random() < 0.05:
            out.append((True, 1, False))
            shareable = False
            continue
        docs = 1 if rng.random() >= 0.10 else rng.randint(2, 3)
        # About one document in twenty reports two events: this one and the one before.
        share = shareable and rng.random() < 0.06
        out.append((False, docs - 1 if share else docs, share))
        shareable = not share
    return out


class _Core:
    """One event as the generator sees it before anything is written: who, where, when, what."""

    __slots__ = (
        "city",
        "eid",
        "end",
        "headline",
        "headline_vals",
        "host",
        "lead",
        "lead_vals",
        "mode",
        "o_next",
        "orgs",
        "p_next",
        "parent",
        "participants",
        "partner",
        "persons",
        "place",
        "start",
        "summary",
        "title",
        "titles",
        "topic",
        "type",
        "uncatalogued",
        "venue",
        "year",
    )  # fmt: skip

    def __init__(self) -> None:
        self.eid = 0
        self.uncatalogued = False
        self.type = "other"
        self.place = 0
        self.city = 0
        self.venue = 0
        self.host = 0
        self.partner = 0
        self.persons: list[int] = []
        self.titles: list[int] = []
        self.orgs: list[int] = []
        self.participants: list[tuple[int, str, str | None]] = []
        self.topic = 0
        self.start = FuzzyDate(None)
        self.end = FuzzyDate(None)
        self.year = 0
        self.mode = "unknown"
        self.parent: int | None = None
        self.headline: _Template | None = None
        self.headline_vals: dict[str, list[object]] = {}
        self.lead: _Template | None = None
        self.lead_vals: dict[str, list[object]] = {}
        self.title = ""
        self.summary: str | None = None
        self.p_next = 0
        self.o_next = 0


class _Text:
    """A document's text as it is assembled, with the offsets of everything anchored in it."""

    __slots__ = ("first", "foreign", "lang", "leads", "li", "lines_en", "mentions", "notes", "parts", "pos",
                 "script")  # fmt: skip

    def __init__(self, lang: str, notes: bool) -> None:
        self.lang = lang
        self.li = LANGS.index(lang)
        self.script = _SCRIPT[lang]
        self.parts: list[str] = []
        self.pos = 0
        self.mentions: list[tuple[int, int, int, str, int]] = []
        self.first: dict[int, tuple[int, int]] = {}  # entity → its first mention outside debris
        self.foreign: dict[str, int] = {}  # letters in other scripts (for the 'scripts' summary)
        self.leads: dict[int, tuple[int, int]] = {}  # event id → span of its lead sentence
        self.lines_en: list[str | None] = []  # per paragraph: its English rendering, if one is made
        # Candidate anchors for translation notes: (kind, start, end, text, certainty, original).
        self.notes: list[tuple[str, int, int, str, str | None, str | None]] | None = [] if notes else None

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.pos += len(piece)

    def paragraph_break(self) -> None:
        if self.pos:
            self.add("\n\n")


@dataclass
class _ChunkRows:
    """Every row one chunk of events produces, per table, in insertion order; and its full-text rows
    (body, kind, ref), folded already, in the order the build writes them."""

    tables: dict[str, list[tuple[object, ...]]]
    fts: list[tuple[str, str, str, str, int]]
    events: int


_Task = tuple[int, int, int, int, int]  # seed, chunk, first event id, event count, first document id


class _ChunkGenerator:
    """Generates one chunk of events with their documents, from a generator seeded by (seed, chunk)."""

    def __init__(self, auth: _Authority, seed: int, chunk: int, first_event: int, count: int, first_doc: int):
        self.auth = auth
        self.seed = seed
        self.chunk = chunk
        self.first_event = first_event
        self.count = count
        self.first_doc = first_doc
        self.rng = random.Random(f"synth-chunk:{seed}:{chunk}")
        self.tables: dict[str, list[tuple[object, ...]]] = {name: [] for name in TABLE_COLUMNS}
        # Folded here, where the text already is, rather than read back from the store later.
        self.fts: list[tuple[str, str, str, str, int]] = []

    # ------------------------------------------------------------------ picking

    def _skewed(self, items: Sequence[int]) -> int:
        """A few entities are in many events, most in few: squaring the uniform draw favours the head."""
        r = self.rng.random()
        return items[int(len(items) * r * r)]

    def _pick(self, pool: dict[int, list[int]], country: int, fallback: list[int], taken: set[int]) -> int:
        items = pool.get(country) or fallback
        for _ in range(6):
            eid = self._skewed(items)
            if eid not in taken:
                return eid
        return fallback[int(self.rng.random() * len(fallback))]

    # ------------------------------------------------------------------ events

    def _date(self) -> tuple[FuzzyDate, FuzzyDate, int]:
        rng = self.rng
        year = rng.choices(_YEARS, cum_weights=_YEAR_CUM)[0]
        ordinal = _YEAR_START[year] + rng.randrange(_YEAR_START[year + 1] - _YEAR_START[year])
        iso = dt.date.fromordinal(ordinal).isoformat()
        r = rng.random()
        if r >= 0.92:
            return FuzzyDate(None), FuzzyDate(None), 0
        c = rng.random()
        certainty = "stated" if c < 0.68 else "inferred" if c < 0.93 else "unknown"
        reason = rng.choice(_INFERRED_REASONS) if certainty == "inferred" else None
        if r < 0.60:
            start = FuzzyDate(iso, "day", certainty, reason)
            end = start
            if rng.random() < 0.15:
                last = min(ordinal + rng.randint(1, 4), _LAST_DAY)
                if last > ordinal:
                    end = FuzzyDate(dt.date.fromordinal(last).isoformat(), "day", certainty, reason)
            return start, end, year
        if r < 0.78:
            start = FuzzyDate(iso[:7], "month", certainty, reason)
            end = start
            if rng.random() < 0.05 and iso[:7] != "2026-12":
                month = int(iso[5:7])
                following = f"{year + month // 12}-{month % 12 + 1:02d}"
                end = FuzzyDate(following, "month", certainty, reason)
            return start, end, year
        if r < 0.88:
            start = FuzzyDate(iso[:4], "year", certainty, reason)
            end = start
            if rng.random() < 0.03 and year < 2026:
                end = FuzzyDate(str(year + 1), "year", certainty, reason)
            return start, end, year
        # The sources give the day and month but not the year: no range at all, never silently dated.
        start = FuzzyDate("XXXX" + iso[4:], "day", "stated" if certainty == "unknown" else certainty, reason)
        return start, start, 0

    def _core(self, eid: int, uncatalogued: bool, recent: list[int]) -> _Core:
        rng, a = self.rng, self.auth
        core = _Core()
        core.eid = eid
        core.uncatalogued = uncatalogued
        etype = rng.choices(EVENT_TYPES, cum_weights=_TYPE_CUM)[0]
        core.type = etype
        host = rng.choices(a.host_countries, cum_weights=a.host_cum)[0]
        china, belarus = a.countries[0], a.countries[1]
        if host in (china, belarus) and rng.random() < 0.6:
            partner = belarus if host == china else china
        else:
            partner = host
            while partner == host:
                partner = rng.choices(a.countries, cum_weights=a.country_cum)[0]
        core.host, core.partner = host, partner
        core.city = self._skewed(a.cities[host])
        venues = a.venues.get(core.city)
        core.venue = rng.choice(venues) if venues and rng.random() < 0.3 else 0
        core.place = (core.venue or core.city) if rng.random() < 0.9 else 0
        size = rng.choices((2, 3, 4, 5, 6, 7, 8), weights=(10, 20, 20, 15, 10, 6, 4))[0]
        n_orgs = min(size - 1, rng.choice((1, 1, 2, 2, 3)))
        taken: set[int] = set()
        for i in range(n_orgs):
            country = host if i == 0 else partner if i == 1 else rng.choice((host, partner))
            org = self._pick(a.orgs, country, a.all_orgs, taken)
            taken.add(org)
            core.orgs.append(org)
        for i in range(size - n_orgs):
            person = self._pick(a.people, partner if i % 2 else host, a.all_people, taken)
            taken.add(person)
            core.persons.append(person)
            core.titles.append(rng.randrange(len(_TITLES)) if rng.random() < 0.55 else -1)
        visit = etype in ("visit", "tour")
        signing = etype in ("signing", "agreement")
        for i, org in enumerate(core.orgs):
            if i == 0:
                role = "host" if visit else "organiser"
            else:
                role = "signatory" if signing else rng.choice(_ORG_ROLES)
            core.participants.append((org, role, None))
        for i, person in enumerate(core.persons):
            if visit:
                role = "visitor" if i == 0 else rng.choice(("accompanying", "host", "visitor"))
            elif signing:
                role = "signatory" if i < 2 else "participant"
            else:
                role = rng.choice(_PERSON_ROLES.get(etype, ("participant", "host", "speaker")))
            title = core.titles[i]
            core.participants.append((person, role, _TITLES[title][0] if title >= 0 else None))
        core.topic = rng.randrange(len(_TOPICS))
        core.start, core.end, core.year = self._date()
        core.mode = rng.choices(_MODES, cum_weights=_MODE_CUM)[0]
        if not uncatalogued and recent and rng.random() < 0.10:
            core.parent = rng.choice(recent[-50:])
        headline = rng.choice(_HEADLINES_FOR_TYPE.get(etype, ("hosts", "countries")))
        core.headline = _HEADLINE_T[headline]
        core.headline_vals = self._vals(core, core.headline)
        core.p_next = core.o_next = 0  # the lead names the same principals as the headline
        lead = "delegation" if visit and rng.random() < 0.7 else rng.choice(("held", "organised"))
        core.lead = _LEAD_T[lead]
        core.lead_vals = self._vals(core, core.lead)
        core.title = _cap(self._plain(core.headline, core.headline_vals))
        if rng.random() < 0.9:
            names = [a.name[e] for e in (*core.orgs, *core.persons)]
            core.summary = f"{self._plain(core.lead, core.lead_vals)} {self._plain_list('en', names)}"
        return core

    def _vals(self, core: _Core, tpl: _Template) -> dict[str, list[object]]:
        """Values for a template's slots, drawn from the event so that the text is about the event."""
        rng, a = self.rng, self.auth
        vals: dict[str, list[object]] = {}
        for group, n in tpl.need:
            if group == "P":
                # The event's people in turn, so that a document names each of them; never one twice in
                # a sentence.
                picked: list[object] = []
                titles: list[object] = []
                for _ in range(n):
                    person, title = 0, -1
                    if core.persons:
                        i = core.p_next % len(core.persons)
                        core.p_next += 1
                        if core.persons[i] not in picked:
                            person, title = core.persons[i], core.titles[i]
                    if not person:
                        person = self._pick(a.people, core.host, a.all_people, set(picked))  # type: ignore[arg-type]
                    picked.append(person)
                    titles.append(title)
                vals["P"], vals["TT"] = picked, titles
            elif group == "O":
                orgs: list[object] = []
                for _ in range(n):
                    org = 0
                    if core.orgs:
                        org = core.orgs[core.o_next % len(core.orgs)]
                        core.o_next += 1
                    if not org or org in orgs:
                        country = rng.choice((core.host, core.partner))
                        org = self._pick(a.orgs, country, a.all_orgs, set(orgs))  # type: ignore[arg-type]
                    orgs.append(org)
                vals["O"] = orgs
            elif group == "K":
                vals["K"] = [core.host, core.partner] if n > 1 else [rng.choice((core.host, core.partner))]
            elif group == "C":
                vals["C"] = [core.city]
            elif group == "V":
                vals["V"] = [core.venue or core.city]
            elif group == "T":
                vals["T"] = [core.topic if rng.random() < 0.7 else rng.randrange(len(_TOPICS))]
            elif group == "N":
                vals["N"] = [10 * rng.randint(2, 30)]
            elif group == "M":
                vals["M"] = [rng.randint(5, 20)]
            elif group == "Y":
                since = (core.year or 2015) - rng.randint(3, 15)
                vals["Y"] = [max(since, 1985)]
            elif group == "D":
                vals["D"] = [(core.start.value, core.start.precision)]
            elif group == "EV":
                vals["EV"] = [core.type] * n
        return vals

    # ------------------------------------------------------------------ text

    def _say(self, t: _Text, tpl: _Template, vals: dict[str, list[object]], debris: int) -> tuple[int, int]:
        """Append one sentence in the text's language; entity slots become mentions at exact offsets.

        The hottest code of the generator (a million events render some eight million sentences), hence
        the local variables.
        """
        lang, li = t.lang, t.li
        append = t.parts.append
        start = pos = t.pos
        used: dict[str, int] = {}
        gender = 0
        for code, payload, group in tpl.ops[li]:
            if code == _LIT:
                append(payload)  # type: ignore[arg-type]
                pos += len(payload)  # type: ignore[arg-type]
                continue
            if code == _GEN:
                forms: tuple[str, ...] = payload  # type: ignore[assignment]
                piece = forms[gender] if gender < len(forms) else forms[0]
                append(piece)
                pos += len(piece)
                continue
            i = used.get(group, 0)
            used[group] = i + 1
            value = vals[group][i]
            if group in _ENTITY_GROUPS:
                eid: int = value  # type: ignore[assignment]
                if payload == "PT":
                    title: int = vals["TT"][i]  # type: ignore[assignment]
                    if title >= 0:
                        word = _TITLES[title][li]
                        piece = (_cap(word) if pos == start else word) + ("" if lang == "zh" else " ")
                        append(piece)
                        pos += len(piece)
                t.pos = pos
                self._mention(t, eid, debris)
                pos = t.pos
                gender = self.auth.gender[eid]
                continue
            if group == "EV":
                words = _TYPE_WORDS[value]  # type: ignore[index]
                if lang == "en":
                    piece = words[1] if payload == "EVa" else words[0]
                elif lang == "ru":
                    piece, gender = words[2], _GENDER_INDEX[words[3]]
                elif lang == "zh":
                    piece = words[4]
                elif lang == "hi":
                    piece, gender = words[5], _GENDER_INDEX[words[6]]
                else:
                    piece, gender = words[7], _GENDER_INDEX[words[8]]
                if payload == "EVc" or pos == start:
                    piece = _cap(piece)
            elif group == "T":
                topic = _TOPICS[value]  # type: ignore[index]
                piece = topic[li]
                if t.notes is not None and lang != "en" and not debris:
                    t.notes.append(("gloss", pos, pos + len(piece), f"'{topic[0]}'.", None, piece))
            elif group == "D":
                piece = _date_phrase(lang, *value)  # type: ignore[misc]
            else:
                piece = str(value)
            append(piece)
            pos += len(piece)
        t.pos = pos
        return start, pos

    def _mention(self, t: _Text, eid: int, debris: int) -> None:
        forms = self.auth.forms[t.lang][eid]
        text, kind, script = forms[int(self.rng.random() * len(forms))]
        s = t.pos
        e = s + len(text)
        t.parts.append(text)
        t.pos = e
        t.mentions.append((eid, s, e, text, debris))
        if script != t.script:
            t.foreign[script] = t.foreign.get(script, 0) + len(text)
        if debris:
            return
        if eid not in t.first:
            t.first[eid] = (s, e)
        if t.notes is not None:
            canonical = self.auth.name[eid]
            if kind == "misspelling":
                t.notes.append(("name-variant", s, e, f"Misspelling of {canonical}.", "certain", None))
            elif kind == "transliteration" and t.lang != "en":
                what = f"{_LANG_NAME[t.lang]} transliteration of {canonical}."
                t.notes.append(("transliteration", s, e, what, "certain", None))
            elif kind == "variant" and self.rng.random() < 0.3:
                t.notes.append(("identification", s, e, f"Identified as {canonical}.", "probable", None))

    def _say_list(self, t: _Text, eids: Sequence[int]) -> None:
        opening, comma, last, close = _PARTICIPANT_LISTS[t.lang]
        t.add(opening)
        for i, eid in enumerate(eids):
            if i:
                t.add(last if i == len(eids) - 1 else comma)
            self._mention(t, eid, 0)
        t.add(close)

    def _plain(self, tpl: _Template, vals: dict[str, list[object]]) -> str:
        """The English version of a sentence with canonical names (titles, summaries, renderings)."""
        out: list[str] = []
        used: dict[str, int] = {}
        for code, payload, group in tpl.ops[0]:
            if code == _LIT:
                out.append(str(payload))
                continue
            slot = str(payload)
            i = used.get(group, 0)
            used[group] = i + 1
            value = vals[group][i]
            if group in ("P", "O", "K", "C", "V"):
                if slot == "PT":
                    title = int(vals["TT"][i])  # type: ignore[call-overload]
                    if title >= 0:
                        out.append(_TITLES[title][0] + " ")
                out.append(self.auth.name[int(value)])  # type: ignore[call-overload]
            elif group == "EV":
                words = _TYPE_WORDS[str(value)]
                out.append(words[1] if slot == "EVa" else _cap(words[0]) if slot == "EVc" else words[0])
            elif group == "T":
                out.append(_TOPICS[int(value)][0])  # type: ignore[call-overload]
            elif group == "D":
                date_value, precision = value  # type: ignore[misc]
                out.append(_date_phrase("en", date_value, precision))
            else:
                out.append(str(value))
        return "".join(out)

    @staticmethod
    def _plain_list(lang: str, names: Sequence[str]) -> str:
        opening, comma, last, close = _PARTICIPANT_LISTS[lang]
        if len(names) == 1:
            return opening + names[0] + close
        return opening + comma.join(names[:-1]) + last + names[-1] + close

    def _section(self, t: _Text, core: _Core, target: int, render: bool) -> None:
        """An event's part of a document: a lead paragraph naming every participant, then body paragraphs."""
        rng = self.rng
        begin = t.pos
        join = _SENTENCE_JOIN[t.lang]
        t.paragraph_break()
        assert core.lead is not None
        t.leads.setdefault(core.eid, self._say(t, core.lead, core.lead_vals, 0))
        english = [self._plain(core.lead, core.lead_vals)] if render else []
        missing = [e for e in (*core.orgs, *core.persons) if e not in t.first]
        if missing:
            t.add(join)
            self._say_list(t, missing)
            if render:
                english.append(self._plain_list("en", [self.auth.name[e] for e in missing]))
        t.lines_en.append(" ".join(english) if render else None)
        pool = list(_GENERAL_BODY)
        if core.venue:
            pool.append("venue")
        if core.type in ("signing", "agreement"):
            pool.append("documents")
        if len(core.persons) > 1:
            pool.append("accompanied")
        rng.shuffle(pool)
        names = iter(pool)
        while t.pos - begin < target:
            chosen = list(itertools.islice(names, rng.choice((1, 2, 2, 3))))
            if not chosen:
                break
            t.paragraph_break()
            english = []
            for k, name in enumerate(chosen):
                tpl = _BODY_T[name]
                vals = self._vals(core, tpl)
                if k:
                    t.add(join)
                self._say(t, tpl, vals, 0)
                if render:
                    english.append(self._plain(tpl, vals))
            t.lines_en.append(" ".join(english) if render else None)
        if rng.random() < 0.4:
            t.add(join)
            self._say(t, _BODY_T["agreed"], {}, 0)
            if render and t.lines_en[-1] is not None:
                t.lines_en[-1] = f"{t.lines_en[-1]} {self._plain(_BODY_T['agreed'], {})}"

    def _published(self, core: _Core) -> str:
        """A plausible publication date: on or a few days after the event, or any day when it is undated."""
        rng = self.rng
        bounds = core.start.bounds()
        if bounds is None:
            ordinal = rng.randint(_PUB_FIRST, _LAST_DAY)
        else:
            lo = dt.date.fromisoformat(bounds[0]).toordinal()
            hi = dt.date.fromisoformat(bounds[1]).toordinal()
            ordinal = min(rng.randint(lo, hi) + rng.randint(0, 6), _LAST_DAY)
        return dt.date.fromordinal(ordinal).isoformat()

    def _document(self, doc_id: int, cores: Sequence[_Core], catalogued: bool) -> dict[str, object]:
        """Write one document and its anchored rows; returns what the events need to know about it."""
        rng, a, tables = self.rng, self.auth, self.tables
        lang = rng.choices(LANGS, cum_weights=_LANG_CUM)[0]
        render = catalogued and lang != "en" and rng.random() < 0.3
        t = _Text(lang, catalogued and rng.random() < 0.21)
        published: str | None = self._published(cores[0]) if rng.random() < 0.88 else None
        debris: list[tuple[str, int, int]] = []
        pub_span: tuple[int, int] | None = None
        if rng.random() < 0.2:
            crumb = rng.choice(_BREADCRUMBS[lang])
            t.add(crumb)
            debris.append(("navigation", 0, t.pos))
            t.lines_en.append(None)
            if t.notes is not None:
                t.notes.append(("debris", 0, t.pos, _NOTE_TEXTS["debris"], None, None))
        if published and rng.random() < 0.45:
            before, after, style = _META_LINES[lang]
            t.paragraph_break()
            s = t.pos
            t.add(before)
            date_text = published if style == "iso" else f"{published[8:]}.{published[5:7]}.{published[:4]}"
            pub_span = (t.pos, t.pos + len(date_text))
            t.add(date_text)
            t.add(after.format(n=rng.randint(12, 4000)))
            debris.append(("metadata", s, t.pos))
            t.lines_en.append(None)
            if t.notes is not None:
                t.notes.append(("dating", *pub_span, _NOTE_TEXTS["dating"], "certain", None))
        if not catalogued and pub_span is None:
            published = None  # an import's date is only what the ingest can find in its text
        first = cores[0]
        assert first.headline is not None
        t.paragraph_break()
        h_start = len(t.parts)
        self._say(t, first.headline, first.headline_vals, 0)
        headline = "".join(t.parts[h_start:])
        t.lines_en.append(self._plain(first.headline, first.headline_vals) if render else None)
        # Body length to reach: with the headline, lead and debris a document comes to ~300–900 characters.
        target = rng.randint(200, 650)
        if lang == "zh":
            target = target * 17 // 20  # a Chinese character carries more than a Latin one
        for core in cores:
            self._section(t, core, target // len(cores), render)
        if rng.random() < 0.18:
            t.add("\n\n")
            s = t.pos
            for k in range(rng.randint(3, 5)):
                if k:
                    t.add("\n")
                tpl = rng.choice(_BULLET_T)
                vals: dict[str, list[object]] = {}
                for group, n in tpl.need:
                    if group == "O":
                        vals["O"] = [rng.choice(a.all_orgs) for _ in range(n)]
                    elif group == "P":
                        vals["P"], vals["TT"] = [rng.choice(a.all_people) for _ in range(n)], [-1] * n
                    elif group == "C":
                        vals["C"] = [rng.choice(a.all_cities)]
                    elif group == "K":
                        vals["K"] = [rng.choice(a.countries)]
                    elif group == "T":
                        vals["T"] = [rng.randrange(len(_TOPICS))]
                self._say(t, tpl, vals, 1)
                t.lines_en.append(None)
            debris.append(("headline-list", s, t.pos))
        t.add("\n")
        text = "".join(t.parts)
        data = text.encode("utf-8")
        sha = hashlib.sha256(data).hexdigest()

        # ---- the document row
        detected = lang
        if lang == "be":
            r = rng.random()
            detected = "be" if r < 0.7 else "ru" if r < 0.9 else "uk"
        language = lang if catalogued else detected
        title = headline
        if catalogued and lang != "en" and rng.random() < 0.5:
            title = first.title
        translated = catalogued and lang == "en" and rng.random() < 0.15
        letters = len(text) - text.count(" ") - text.count("\n")
        foreign = sum(t.foreign.values())
        shares = [(t.script, letters - foreign), *sorted(t.foreign.items())]
        scripts = ", ".join(
            f"{s} {round(100 * n / letters)}%" for s, n in shares if letters and n / letters >= 0.005
        )
        summary = first.summary if catalogued and rng.random() < 0.3 else None
        imported = (_IMPORTED_BASE + dt.timedelta(seconds=doc_id * 3)).isoformat(timespec="seconds")
        if catalogued:
            path, filename, origin = f"synth/{doc_id:07d}_{lang}.txt", f"{doc_id:07d}_{lang}.txt", "seed"
        else:
            path, filename, origin = f"/imports/synth/{doc_id:07d}.txt", f"{doc_id:07d}.txt", "import"
        source_lang = rng.choice(("zh", "ru", "hi")) if translated else None
        tables["documents"].append(
            (
                doc_id,
                path,
                filename,
                origin,
                sha,
                len(data),
                "utf-8",
                text,
                language,
                detected,
                t.script,
                scripts,
                title,
                published,
                rng.choice(_PUBLISHERS[lang]) if catalogued else None,
                summary,
                int(translated),
                source_lang,
                rng.choice(("machine", "machine", "agency", "human", "unknown")) if translated else None,
                f"Published by the site as a translation from {_LANG_NAME[source_lang]}."
                if source_lang
                else None,
                int(catalogued),
                covered_chars((s, e) for _k, s, e in debris),
                hashlib.sha256(f"synth-{SYNTH_VERSION}\0{sha}".encode()).hexdigest(),
                imported,
                sha,  # the text is stored as the UTF-8 bytes it was made of: the same digest
            )
        )
        source = "catalogue" if catalogued else "detected"
        if published:
            start, end = pub_span if pub_span else (None, None)
            tables["publication_dates"].append(
                (doc_id, published, "day", "stated", "release time", start, end, source)
            )
            if catalogued and rng.random() < 0.04:
                later = dt.date.fromisoformat(published).toordinal() + rng.randint(1, 30)
                updated = dt.date.fromordinal(min(later, _LAST_DAY)).isoformat()
                tables["publication_dates"].append(
                    (doc_id, updated, "day", "stated", "updated", None, None, "catalogue")
                )
        for kind, s, e in debris:
            tables["debris_spans"].append((doc_id, kind, s, e, _DEBRIS_REASONS[kind], "detected"))
        tables["mentions"].extend((doc_id, eid, s, e, txt, dbr, None) for eid, s, e, txt, dbr in t.mentions)
        self.fts.append((*_fts(text), "document", doc_id))
        if t.notes is not None:
            if translated:
                lead = t.leads[first.eid]
                t.notes.append(("mistranslation", *lead, "The translation renders this sentence loosely.",
                                "possible", None))  # fmt: skip
            if not t.notes:
                t.notes.append(("other", *t.leads[first.eid], _NOTE_TEXTS["other"], None, None))
            chosen = rng.sample(t.notes, min(len(t.notes), rng.choice((1, 1, 2, 3))))
            chosen.sort(key=lambda n: (n[1], n[2], n[0]))
            for ordinal, (kind, s, e, note, certainty, original) in enumerate(chosen, start=1):
                tables["translation_notes"].append(
                    (doc_id, ordinal, kind, note, certainty, original, text[s:e], s, e, None, None)
                )
                self.fts.append((*_fts(f"{note} {original or ''}"), "note", doc_id))
        if render:
            spans = paragraphs(text)
            assert len(spans) == len(t.lines_en), "every paragraph must have its rendering slot"
            rendered = []
            for number, english in enumerate(t.lines_en, start=1):
                if english:
                    s, e = spans[number - 1]
                    tables["renderings"].append((doc_id, number, s, e, english))
                    rendered.append(english)
            if rendered:
                self.fts.append((*_fts(" ".join(rendered)), "rendering", doc_id))
        if summary:
            self.fts.append((*_fts(f"{title} {summary}"), "note", doc_id))
        return {"lang": language, "text": text, "first": t.first, "leads": t.leads, "sha": sha,
                "title": title, "published": published, "mentions": t.mentions}  # fmt: skip

    # ------------------------------------------------------------------ chunk

    def run(self) -> _ChunkRows:
        # A chunk allocates millions of small tuples and frees none of them until it is written; the cyclic
        # collector would scan them again and again for nothing (the generator makes no reference cycles).
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._run()
        finally:
            if enabled:
                gc.enable()

    def _run(self) -> _ChunkRows:
        layout = _layout(self.seed, self.chunk, self.count)
        recent: list[int] = []
        cores: list[_Core] = []
        for i, (uncatalogued, _own, _share) in enumerate(layout):
            core = self._core(self.first_event + i, uncatalogued, recent)
            cores.append(core)
            if not uncatalogued:
                recent.append(core.eid)
        sources: list[list[int]] = [[] for _ in cores]
        docs: dict[int, dict[str, object]] = {}
        doc_id = self.first_doc
        for i, (uncatalogued, own, _share) in enumerate(layout):
            for k in range(own):
                reporting = [cores[i]]
                if k == 0 and i + 1 < len(layout) and layout[i + 1][2]:
                    reporting.append(cores[i + 1])
                    sources[i + 1].insert(0, doc_id)
                docs[doc_id] = self._document(doc_id, reporting, not uncatalogued)
                sources[i].append(doc_id)
                doc_id += 1
        for core, doc_ids in zip(cores, sources, strict=True):
            self._event(core, doc_ids, docs)
        return _ChunkRows(self.tables, self.fts, len(cores))

    def _event(self, core: _Core, doc_ids: list[int], docs: dict[int, dict[str, object]]) -> None:
        """The event row and everything hanging off it, denormalised exactly as the build's _write_event."""
        a, rng, tables = self.auth, self.rng, self.tables
        eid = core.eid
        primary = docs[doc_ids[0]]
        facets: dict[int, tuple[str, bool]] = {}
        countries: set[int] = set()

        def add_entity(entity: int) -> None:
            for depth, (member, etype) in enumerate(a.chain[entity]):
                kind, was_direct = facets.get(member, (etype, False))
                facets[member] = (kind, was_direct or depth == 0)
                if etype == "country":
                    countries.add(member)
            country = a.country_of[entity]
            if country:
                countries.add(country)
                facets.setdefault(country, ("country", False))

        if core.uncatalogued:
            published = primary["published"]
            start = (
                FuzzyDate(str(published), "day", "inferred", _UNCATALOGUED_REASON)
                if published
                else FuzzyDate(None)
            )
            end = start
            key = provisional_key(str(primary["sha"]))
            title, etype, summary, mode, place, parent = (
                str(primary["title"]),
                "other",
                None,
                "unknown",
                0,
                None,
            )
            for entity in sorted(primary["first"]):  # type: ignore[call-overload]
                add_entity(entity)
        else:
            start, end = core.start, core.end
            key = f"evt.synth.{eid}"
            title, etype, summary, mode, place, parent = (
                core.title, core.type, core.summary, core.mode, core.place, core.parent,
            )  # fmt: skip
            if place:
                add_entity(place)
            first: dict[int, tuple[int, int]] = primary["first"]  # type: ignore[assignment]
            anchors: list[tuple[object, object]] = []
            for ordinal, (entity, role, held) in enumerate(core.participants, start=1):
                add_entity(entity)
                span = first.get(entity) if rng.random() < 0.7 else None
                if span:
                    anchors.append((doc_ids[0], span[0]))
                tables["participants"].append(
                    (eid, entity, ordinal, role, held, doc_ids[0] if span else None,
                     span[0] if span else None, span[1] if span else None)
                )  # fmt: skip
            for n, doc_id in enumerate(doc_ids):
                if n and rng.random() >= 0.4:
                    continue
                doc = docs[doc_id]
                lead = doc["leads"].get(eid)  # type: ignore[attr-defined]
                if lead:
                    text = str(doc["text"])
                    tables["evidence"].append((eid, doc_id, lead[0], lead[1], text[lead[0] : lead[1]]))
                    anchors.append((doc_id, lead[0]))
            # What the paragraphs reporting it name, as the build links it: named, not direct, no country.
            mentioned = {
                d: [(e, s) for e, s, _e, _t, debris in docs[d]["mentions"] if not debris]  # type: ignore[attr-defined]
                for d in doc_ids
            }
            texts = {d: str(docs[d]["text"]) for d in doc_ids}
            for entity in named_in_passages(anchors, mentioned, texts):
                own, kind = a.chain[entity][0]
                if own not in facets and kind != "country":
                    facets[own] = (kind, False)
        dates = event_row_values(start, end)
        languages = sorted({str(docs[d]["lang"]) for d in doc_ids})
        country_names = sorted((a.name[c] for c in countries), key=fold)
        tables["events"].append(
            (
                eid,
                key,
                title,
                fold(title),
                etype,
                summary,
                mode,
                place or None,
                parent,
                int(core.uncatalogued),
                *(dates[c] for c in _DATE_COLUMNS),
                a.name[place] if place else "",
                MULTI_SEPARATOR.join(country_names),
                MULTI_SEPARATOR.join(languages),
                len(doc_ids),
            )
        )
        self.fts.append((*_fts(f"{title} {summary or ''}"), "event", eid))
        tables["event_documents"].extend((eid, d) for d in doc_ids)
        tables["event_entities"].extend((eid, e, k, int(d)) for e, (k, d) in facets.items())
        tables["event_languages"].extend((eid, lang) for lang in languages)


# ================================================================================================= workers

_WORKER_AUTH: _Authority | None = None


def _init_worker(auth: _Authority) -> None:
    global _WORKER_AUTH
    _WORKER_AUTH = auth
    # The single writer is the bottleneck; generators that outrun it only take its CPU away.
    if hasattr(os, "nice"):
        os.nice(5)


def _chunk_task(task: _Task) -> _ChunkRows:
    assert _WORKER_AUTH is not None, "worker not initialised"
    return _ChunkGenerator(_WORKER_AUTH, *task).run()


def _ordered(
    pool: ProcessPoolExecutor | None, fn: Callable[[object], object], items: Iterable[object], window: int
) -> Iterator[object]:
    """``map(fn, items)`` in order, on the pool when there is one, with at most ``window`` items in flight
    (``Executor.map`` would submit everything at once and buffer a million events' rows)."""
    if pool is None:
        for item in items:
            yield fn(item)
        return
    pending: deque[Future[object]] = deque()
    iterator = iter(items)
    for item in itertools.islice(iterator, window):
        pending.append(pool.submit(fn, item))
    while pending:
        result = pending.popleft().result()
        following = next(iterator, None)
        if following is not None:
            pending.append(pool.submit(fn, following))
        yield result


# ================================================================================================= writing


def _staging_path(path: Path) -> Path:
    return Path(f"{path}.fts-staging")


def _remove_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _staging_path(path).unlink(missing_ok=True)


def _not_synthetic(path: Path) -> str | None:
    """Why ``--force`` must not replace this file (a reader's archive, another app's data), or None."""
    from desktop.store.ownfiles import NotAnArchive, identify

    try:
        found = identify(path)
    except NotAnArchive:
        return "is not a regular file"
    if found.kind not in ("archive", "legacy", "blank"):
        return f"is not an archive ({found.detail})"
    if found.kind == "blank":
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'synthetic'").fetchone()
    except sqlite3.Error:
        row = None
    finally:
        con.close()
    return None if row else "is a reader's archive, not a synthetic one"


def _prepare_target(path: Path, force: bool) -> None:
    if path.is_dir():
        raise SynthError(f"{path} is a folder; give the path of the file to create")
    if path.exists() and path.stat().st_size > 0:
        if not force:
            raise TargetExists(f"{path} already exists")
        why = _not_synthetic(path)
        if why is not None:
            raise SynthError(
                f"{path} {why}: --force replaces only an archive that synth generated; nothing was changed"
            )
        path.unlink()
    # A stale WAL next to a new file would be replayed into it.
    _remove_store(path)


def _plan(seed: int, events: int) -> list[_Task]:
    """The chunks to generate, each with its first event and document id (from the cheap layout pass)."""
    tasks: list[_Task] = []
    first_doc = 1
    for chunk, first in enumerate(range(0, events, CHUNK_EVENTS)):
        count = min(CHUNK_EVENTS, events - first)
        tasks.append((seed, chunk, first + 1, count, first_doc))
        first_doc += sum(own for _u, own, _s in _layout(seed, chunk, count))
    return tasks


def _unique_shas(rows: _ChunkRows, seen: set[int]) -> None:
    """SHA-256 values (and the 64-bit provisional keys cut from them) must be unique; a document whose
    prefix is taken gets one more trailing newline, which moves no offset. Practically never happens."""
    documents = rows.tables["documents"]
    for index, row in enumerate(documents):
        sha = str(row[4])
        prefix = int(sha[:16], 16)
        if prefix not in seen:
            seen.add(prefix)
            continue
        text = str(row[7])
        while prefix in seen:
            text += "\n"
            data = text.encode("utf-8")
            new_sha = hashlib.sha256(data).hexdigest()
            prefix = int(new_sha[:16], 16)
        seen.add(prefix)
        signature = hashlib.sha256(f"synth-{SYNTH_VERSION}\0{new_sha}".encode()).hexdigest()
        fixed = (*row[:4], new_sha, len(data), row[6], text, *row[8:22], signature, row[23], new_sha)
        documents[index] = fixed
        old_key, new_key = provisional_key(sha), provisional_key(new_sha)
        events = rows.tables["events"]
        for e, event in enumerate(events):
            if event[1] == old_key:
                events[e] = (event[0], new_key, *event[2:])


class _Progress:
    """Work done so far, for ``progress(done, total)``: a unit per event generated, as many again for
    filling the full-text index, and a tenth of that for optimising it and analysing the store (at a
    million events these take minutes: a bar must not sit at 100 % meanwhile)."""

    def __init__(self, callback: SynthProgress | None, events: int) -> None:
        self.callback = callback
        work = 2 * events
        self.finishing = max(1, work // 10)
        self.total = work + self.finishing
        self.done = 0

    def advance(self, units: int) -> None:
        self.done = min(self.total, self.done + units)
        if self.callback:
            self.callback(self.done, self.total)


def _workers(requested: int | None, events: int) -> int:
    if requested is not None:
        return max(0, requested)
    # A frozen app's spawned children re-run the executable, which only works if its entry point calls
    # multiprocessing.freeze_support(); stay in one process there.
    if events < POOL_THRESHOLD or getattr(sys, "frozen", False):
        return 0
    return min(2, os.cpu_count() or 1)


def synthesize(
    path: Path,
    events: int,
    seed: int = 1,
    progress: SynthProgress | None = None,
    *,
    force: bool = False,
    workers: int | None = None,
) -> SynthReport:
    """Write a synthetic archive of ``events`` events to a new store at ``path``.

    ``progress(done, total)`` is called now and then, in work units (events generated, then the full-text
    rows copied, then the finishing steps); ``total`` is the same in every call. ``force`` replaces an
    existing file (and its -wal/-shm); otherwise a non-empty file is refused with :class:`TargetExists`.
    ``workers`` is the number of generator processes (0: generate in this process; default: none for small
    archives, up to two otherwise); the output does not depend on it.
    """
    if events < 1:
        raise SynthError(f"the number of events must be at least 1, not {events}")
    path = Path(path)
    _prepare_target(path, force)
    started = time.perf_counter()
    open_store(path).close()
    try:
        tables = _fill(path, events, seed, progress, _workers(workers, events))
    except BaseException:
        _remove_store(path)  # half a synthetic archive is worth nothing: do not leave one behind
        raise
    return SynthReport(
        path=path,
        seed=seed,
        events=tables["events"],
        documents=tables["documents"],
        people=tables["person"],
        organisations=tables["organisation"],
        places=tables["place"],
        countries=tables["country"],
        aliases=tables["aliases"],
        mentions=tables["mentions"],
        participants=tables["participants"],
        tables=tables,
        seconds=time.perf_counter() - started,
    )


def _fill(path: Path, events: int, seed: int, progress: SynthProgress | None, workers: int) -> dict[str, int]:
    # The writer holds chunks of millions of fresh tuples; the cyclic collector would rescan them all for
    # nothing (nothing here makes reference cycles). Restored on the way out.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _fill_store(path, events, seed, progress, workers)
    finally:
        if collecting:
            gc.enable()


def _fill_store(
    path: Path, events: int, seed: int, progress: SynthProgress | None, workers: int
) -> dict[str, int]:
    auth = build_authority(seed, events)
    tasks = _plan(seed, events)
    done = _Progress(progress, events)
    staging = _staging_path(path)
    try:
        with _connection(path, staging) as con:
            con.execute(
                "CREATE TABLE staging.fts (words TEXT, stems TEXT, translit TEXT, kind TEXT, ref INTEGER)"
            )
            # Rows go in with only the primary keys; the other indexes are built once at the end from
            # sorted data. Inserting into them row by row at random costs more, and more the larger the
            # store grows (about twice the time at a million events).
            indexes = _drop_indexes(con)
            con.execute("BEGIN")
            for table in _AUTHORITY_COLUMNS:
                rows = auth.entity_rows if table == "entities" else auth.alias_rows
                con.executemany(_insert_sql(table), rows)
            # The build indexes the authority first, every alias of an entity in one row.
            con.executemany(
                _STAGE_SQL,
                (
                    (*_fts(" ; ".join(str(a[1]) for a in group)), "entity", entity_id)
                    for entity_id, group in itertools.groupby(auth.alias_rows, key=lambda a: a[0])
                ),
            )
            con.execute("COMMIT")
            _write_chunks(con, auth, tasks, workers, done)
            con.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")  # the generators are done
            for sql in indexes:
                con.execute(sql)
        # A fresh connection for the full-text index, with a page cache that grows with the archive (up to
        # 1 GiB at a million events): FTS5 merges its segments again and again while it fills and once
        # more to optimise, and rereading them from disk made these steps the slowest of all.
        with _connection(path, staging, cache_mib=min(1024, max(256, events // 1000))) as con:
            _write_search_index(con, done, events)
            con.execute("DETACH DATABASE staging")
            staging.unlink()
            for table in ("event_index", "entity_index"):
                con.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            done.advance(done.finishing * 3 // 4)
            con.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('synthetic', ?)",
                (f"events={events} seed={seed} chunk={CHUNK_EVENTS} version={SYNTH_VERSION}",),
            )
            con.execute("ANALYZE")
            con.execute("PRAGMA journal_mode = WAL")
            counts = {
                table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in (*_AUTHORITY_COLUMNS, *TABLE_COLUMNS, "event_index")
            }
            for etype, n in con.execute("SELECT type, count(*) FROM entities GROUP BY type"):
                counts[etype] = n
    finally:
        staging.unlink(missing_ok=True)
    done.advance(done.finishing)
    return counts


@contextmanager
def _connection(path: Path, staging: Path, cache_mib: int = 256) -> Iterator[sqlite3.Connection]:
    """A connection for filling the new store, with the staging file for full-text rows attached."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("ATTACH DATABASE ? AS staging", (str(staging),))
        # Both files are new and are deleted on any failure: no journal, no syncing while they fill.
        for schema in ("main", "staging"):
            con.execute(f"PRAGMA {schema}.journal_mode = OFF")
            con.execute(f"PRAGMA {schema}.synchronous = OFF")
        con.execute("PRAGMA foreign_keys = ON")
        con.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")
        con.execute("PRAGMA temp_store = MEMORY")
        yield con
    finally:
        con.close()


def _drop_indexes(con: sqlite3.Connection) -> list[str]:
    """Drop the secondary indexes and the triggers of the tables about to be filled; returns their exact
    CREATE statements (as the migrations wrote them), to run again once the rows are in. (The triggers
    log changed events for the facet index: a new archive has nothing to log.)"""
    tables = (*_AUTHORITY_COLUMNS, *TABLE_COLUMNS)
    marks = ", ".join("?" * len(tables))
    rows = con.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) ORDER BY type, name",
        tables,
    ).fetchall()
    for kind, name, _sql in rows:
        con.execute(f'DROP {kind.upper()} "{name}"')
    return [sql for _kind, _name, sql in rows]


def _write_chunks(
    con: sqlite3.Connection, auth: _Authority, tasks: list[_Task], workers: int, done: _Progress
) -> None:
    """Generate the chunks (in worker processes or here) and write each in one transaction, its full-text
    rows into the staging file."""
    statements = {table: _insert_sql(table) for table in TABLE_COLUMNS}

    def here(task: _Task) -> _ChunkRows:
        return _ChunkGenerator(auth, *task).run()

    pool = None
    if workers > 0:
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=get_context("spawn"), initializer=_init_worker, initargs=(auth,)
        )
    fn: Callable[[object], object] = here if pool is None else _chunk_task  # type: ignore[assignment]
    seen: set[int] = set()
    try:
        for result in _ordered(pool, fn, tasks, 2 * workers):
            rows: _ChunkRows = result  # type: ignore[assignment]
            _unique_shas(rows, seen)
            con.execute("BEGIN")
            for table, statement in statements.items():
                con.executemany(statement, rows.tables[table])
            con.executemany(_STAGE_SQL, rows.fts)
            con.execute("COMMIT")
            done.advance(rows.events)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _staged(kind: str, form: str, via: str | None = None) -> str:
    """SQL for one field of an event's index row: its staged token strings joined in the build's order."""
    if via is None:
        rows = f"SELECT {form} AS x FROM staging.fts WHERE kind = '{kind}' AND ref = e.id ORDER BY rowid"
    else:
        rows = (
            f"SELECT f.{form} AS x FROM event_documents ed JOIN staging.fts f ON f.kind = '{kind}' "
            "AND f.ref = ed.document_id WHERE ed.event_id = e.id ORDER BY ed.document_id, f.rowid"
        )
    return f"(SELECT coalesce(group_concat(NULLIF(x, ''), ' '), '') FROM ({rows}))"


def _event_index_sql() -> str:
    """One INSERT … SELECT writing the event index rows of a range of events from the staged strings.

    The strings are those ``desktop.store.search_index.event_rows`` computes from the tables: tokens do
    not span texts, so joining each text's tokens gives the tokens of the joined texts (a test checks it).
    """
    fields = {"title": ("event", None), "original": ("document", "doc"), "translation": ("rendering", "doc"),
              "notes": ("note", "doc")}  # fmt: skip
    values = []
    for name in EVENT_COLUMNS:
        field, _, form = name.rpartition("_")
        if name == "names":
            values.append(
                "(SELECT coalesce(group_concat('e' || entity_id, ' '), '') FROM (SELECT entity_id FROM "
                "event_entities WHERE event_id = e.id ORDER BY entity_id))"
            )
        elif field in fields:
            kind, via = fields[field]
            values.append(_staged(kind, {"w": "words", "s": "stems", "t": "translit"}[form], via))
        else:
            values.append("''")  # the readers' own notes: none in a synthetic archive
    day = "CASE WHEN e.sort_date = '' THEN 0 ELSE CAST(replace(e.sort_date, '-', '') AS INTEGER) END"
    rowid = f"(({day}) << {ROWID_SHIFT}) | e.id"  # search.event_rowid
    return (
        f"INSERT INTO event_index (rowid, {', '.join(EVENT_COLUMNS)}) "
        f"SELECT {rowid}, {', '.join(values)} FROM events e WHERE e.id > ? AND e.id <= ?"
    )


def _write_search_index(con: sqlite3.Connection, done: _Progress, events: int) -> None:
    """Fill the entity and event indexes from the staged token strings, after all the data."""
    con.execute("CREATE INDEX staging.fts_kind_ref ON fts (kind, ref)")
    con.execute("BEGIN")
    con.execute(
        "INSERT INTO entity_index (rowid, w, s, t) "
        "SELECT ref, words, stems, translit FROM staging.fts WHERE kind = 'entity' ORDER BY ref"
    )
    last = con.execute("SELECT max(id) FROM events").fetchone()[0] or 0
    sql = _event_index_sql()
    indexed = 0
    for first in range(0, last, _FTS_BATCH):
        con.execute(sql, (first, first + _FTS_BATCH))
        units = events * min(last, first + _FTS_BATCH) // max(last, 1)
        done.advance(units - indexed)
        indexed = units
    con.execute("COMMIT")
