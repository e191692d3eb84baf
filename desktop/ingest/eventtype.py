"""The kind of event a news article reports, proposed from its headline and lead (issue 16's first pass).

A proposal, never a certainty: :func:`guess_event_type` returns one of the catalogue's ``EVENT_TYPES`` with a
confidence in 0..1, a reason a cataloguer can check, and the span of the decisive word.

How it reads a page, for the seven languages of the archive (English, German, Russian, Belarusian,
Ukrainian, Chinese, Hindi):

- A lexicon of stems and phrases per language says which type a word points to, and how it does: an event
  *noun* (forum, семинар, 研讨会), an *act* (signed, посетила, 会见), a *held* marker (was held, прошел,
  адбыўся, fand statt, 举行, आयोजित), a held marker that names a type when nothing else is there
  (opened / открылся / 开幕: a forum that opened is a forum, an exhibition or a plant that opened is an
  opening; started work / запрацаваў: a launch), a *generic* ceremony noun (ceremony, церемония, 仪式: the
  type of the ceremony is the word next to it when there is one), and *neutral* phrases that only keep
  other patterns off (conference hall, press conference, 人民大会堂, "since the establishment of
  diplomatic relations").
- Zones: the headline weighs most, then the first two substantial sentences after it (the lead), then the
  next two, then the rest lightly (capped, so a long body cannot outvote its headline). Page chrome given as
  ``skip`` spans is blanked first: related-news lists and menus carry other events' words.
- The thing that "was held / took place / opened" in the headline or lead gets a bonus: the event noun
  nearest the held marker in its sentence. So "X sign deals at forum" + "the forum was held" is a forum, and
  "agreement signed" + "the signing ceremony was held" is a signing.
- Confidence grows with the winner's score and with its margin over the runner-up; with nothing of weight
  the answer is ``other`` at low confidence.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.catalogue.model import EVENT_TYPES
from desktop.ingest.literals import required_literals

__all__ = ["TypeGuess", "guess_event_type"]


@dataclass(frozen=True, slots=True)
class TypeGuess:
    """A proposed event type: ``type`` is one of ``EVENT_TYPES`` (``"other"`` when nothing fits)."""

    type: str
    confidence: float
    reason: str
    start: int | None
    end: int | None


# ------------------------------------------------------------------------------------------ lexicon
#
# Roles: "noun" an event noun (gets the held bonus), "act" a verb or phrase naming the type, "held" a marker
# of the event taking place (no type of its own), "held_type" a held marker naming its type only when no
# event noun of another type stands near it, "generic" a ceremony noun whose type is a neighbour's,
# "neutral" a phrase that keeps other patterns off its words.

_NOUN, _ACT, _HELD, _HELD_TYPE, _GENERIC, _NEUTRAL = "noun", "act", "held", "held_type", "generic", "neutral"


@dataclass(frozen=True, slots=True)
class _Entry:
    lang: str
    type: str | None
    role: str
    weight: float
    pattern: re.Pattern[str]  # matched against the lower-cased text
    start: str  # what must precede the match: "" anything, "letter" no letter, "word" no word character;
    # "compound": the match extends left over word characters (German compounds: Kooperations|forum)
    needs: tuple[str, ...] | None  # literals one of which every match contains (searched only if present)


_LEXICON: list[_Entry] = []

# Patterns are written in lower case and matched, without re.IGNORECASE, against a lower-cased copy of the
# text. A leading word-start check is taken off the pattern and done after the match, so that the regular
# expression engine can search for the literal stem (about 25 times faster than a lookbehind at every
# position).
_W = r"(?<![^\W\d_])"  # Cyrillic words: a letter must not precede the stem
_STARTS = ((_W, "letter"), (r"\b\w*", "compound"), (r"\b", "word"))


def _add(lang: str, type_: str | None, role: str, weight: float, *patterns: str) -> None:
    for pattern in patterns:
        start = ""
        for prefix, kind in _STARTS:
            if pattern.startswith(prefix) and not pattern.startswith(prefix + "(?!"):
                pattern, start = pattern[len(prefix) :], kind
                break
        compiled = re.compile(pattern)
        _LEXICON.append(_Entry(lang, type_, role, weight, compiled, start, required_literals(compiled)))


# --- neutral: phrases whose words must not count (each language)
_add(
    "en",
    None,
    _NEUTRAL,
    0,
    r"\b(?:video\s*|press\s+|news\s+)?conference\s+(?:hall|room|cent(?:re|er)|call)s?\b",
    r"\bpress\s+conferences?\b",
    r"\bmeeting\s+(?:room|hall|point)s?\b",
    r"\bvisiting\s+(?:scholar|professor|researcher|fellow)s?\b",
    r"\bsign(?:s|ed|ing)?\s+up\b",
    r"\ba\s+sign\s+of\b",
    r"\bopen(?:s|ed|ing)?\s+up\b",
    r"\bopen(?:s|ed|ing)?\s+(?:(?:a|an|the|new|broad|great|wide)\s+){0,2}"
    r"(?:chapter|page|opportunit\w*|prospects?|doors?|way|markets?)\b",
    r"\bopen(?:ing)?\s+hours\b",
    r"\bopen\s+day\b",
    r"\b(?:since|after)\s+(?:the\s+)?establish\w*\s+(?:of\s+)?(?:the\s+)?diplomatic\s+relations\b",
    r"\bexhibition\s+(?:cent(?:re|er)|hall|complex|ground)s?\b",
    r"\bprogram(?:me)?s?\s+(?:of|for)\s+(?:study|studies)\b",
)
_add(
    "de",
    None,
    _NEUTRAL,
    0,
    r"\bpressekonferenz\w*",
    r"\bkonferenz(?:saal|raum|zentrum)\w*",
    r"\bvisitenkart\w*",
    r"\ber[öo]ffne\w*\s+(?:\w+\s+){0,2}(?:m[öo]glichkeit\w*|perspektiv\w*|chanc\w*|wege?)\b",
    r"\bausstellungs(?:zentrum|halle|gel[äa]nde)\w*",
)
_add(
    "ru",
    None,
    _NEUTRAL,
    0,
    _W + r"пресс-конференц\w*",
    _W + r"конференц-зал\w*",
    _W + r"визитк\w*",
    _W + r"подписыва\w*с[ья]\b",
    _W + r"открыва\w*\s+(?:\w+\s+){0,2}(?:возможност|перспектив|страниц|двер|путь)\w*",
    _W + r"(?:с\s+момента|после)\s+установлени\w+\s+дипломатических\s+отношений",
    _W + r"выставочн\w+\s+(?:центр|зал|комплекс|павильон)\w*",
)
_add(
    "be",
    None,
    _NEUTRAL,
    0,
    _W + r"прэс-канферэнц\w*",
    _W + r"канферэнц-зал\w*",
    _W + r"падпісва\w*ся\b",
    _W + r"(?:з\s+моманту|пасля)\s+[уў]станаўленн\w+\s+дыпламатычных\s+адносін",
)
_add(
    "uk",
    None,
    _NEUTRAL,
    0,
    _W + r"прес-конференц\w*",
    _W + r"конференц-зал\w*",
    _W + r"візитівк\w*",
    _W + r"підпису\w*ся\b",
    _W + r"(?:з\s+моменту|після)\s+встановлен\w+\s+дипломатичних\s+відносин",
)
_add(
    "zh",
    None,
    _NEUTRAL,
    0,
    r"人民大会堂",
    r"大会堂",
    r"会议室",
    r"会议中心",
    r"会展中心",
    r"展览馆",
    r"展览中心",
    r"新闻发布会",
    r"记者会",
    r"访问学者",
    r"建交以来",
    r"建交后",
)
_add("hi", None, _NEUTRAL, 0, r"प्रेस\s+कॉन्फ्रेंस", r"संवाददाता\s+सम्मेलन")

# --- conference
_add(
    "en",
    "conference",
    _NOUN,
    1.0,
    r"\bconferences?\b",
    r"\bcongress(?:es)?\b",
    r"\bsymposi(?:um|a|ums)\b",
    r"\bsummits?\b",
)
_add(
    "de",
    "conference",
    _NOUN,
    1.0,
    r"\b(?!video|presse)\w*konferenz(?:en)?\b",
    r"\b\w*kongress(?:es|e|en)?\b",
    r"\bsymposi\w*",
)
_add(
    "ru",
    "conference",
    _NOUN,
    1.0,
    _W + r"конференци\w*",
    _W + r"конгресс\w*",
    _W + r"симпозиум\w*",
    _W + r"саммит\w*",
)
_add(
    "be",
    "conference",
    _NOUN,
    1.0,
    _W + r"канферэнцы\w*",
    _W + r"кангрэс\w*",
    _W + r"сімпозіум\w*",
    _W + r"саміт\w*",
)
_add(
    "uk",
    "conference",
    _NOUN,
    1.0,
    _W + r"конференці\w*",
    _W + r"конгрес\w*",
    _W + r"симпозіум\w*",
    _W + r"саміт\w*",
)
_add("zh", "conference", _NOUN, 1.0, r"大会", r"研讨大会", r"学术会议", r"国际会议", r"年会", r"峰会")
_add("zh", "conference", _NOUN, 0.5, r"会议")
_add("hi", "conference", _NOUN, 1.0, r"सम्मेलन", r"कॉन्फ्रेंस", r"कांफ्रेंस")

# --- seminar (workshops, round tables)
_add(
    "en",
    "seminar",
    _NOUN,
    1.0,
    r"\bseminars?\b",
    r"\bworkshops?\b",
    r"\bround[-\s]?tables?\b",
    r"\bwebinars?\b",
    r"\bmaster[-\s]?class(?:es)?\b",
    r"\bcolloqui(?:um|a)\b",
)
_add(
    "de",
    "seminar",
    _NOUN,
    1.0,
    r"\b\w*seminar(?:e|en|s)?\b",
    r"\b\w*workshops?\b",
    r"\brunde[nr]?\s+tisch\w*",
    r"\bkolloqui\w*",
    r"\bwebinar\w*",
)
_add(
    "ru",
    "seminar",
    _NOUN,
    1.0,
    _W + r"семинар\w*",
    _W + r"кругл\w+\s+стол\w*",
    _W + r"мастер-класс\w*",
    _W + r"вебинар\w*",
)
_add("be", "seminar", _NOUN, 1.0, _W + r"семінар\w*", _W + r"кругл\w*\s+ст[оа]л\w*", _W + r"майстар-клас\w*")
_add(
    "uk",
    "seminar",
    _NOUN,
    1.0,
    _W + r"семінар\w*",
    _W + r"кругл\w+\s+стол\w*",
    _W + r"майстер-клас\w*",
    _W + r"вебінар\w*",
)
_add("zh", "seminar", _NOUN, 1.0, r"研讨会", r"座谈会", r"工作坊", r"圆桌会", r"讲座", r"研修班", r"培训班")
_add("hi", "seminar", _NOUN, 1.0, r"कार्यशाला", r"संगोष्ठी", r"सेमिनार", r"वेबिनार", r"गोलमेज")

# --- forum
_add("en", "forum", _NOUN, 1.0, r"\bforums?\b", r"\bfora\b")
_add("de", "forum", _NOUN, 1.0, r"\b\w*forums?\b", r"\b\w*foren\b")
_add("ru", "forum", _NOUN, 1.0, _W + r"форум(?:а|е|у|ом|ы|ов|ам|ах|ами)?\b")
_add("be", "forum", _NOUN, 1.0, _W + r"форум(?:а|е|у|ам|ы|аў|ах|амі)?\b")
_add("uk", "forum", _NOUN, 1.0, _W + r"форум(?:а|і|у|ом|и|ів|ам|ах|ами)?\b")
_add("zh", "forum", _NOUN, 1.0, r"论坛")
_add("hi", "forum", _NOUN, 1.0, r"फोरम", r"फ़ोरम")
_add("hi", "forum", _NOUN, 0.8, r"मंच")

# --- meeting (talks, negotiations, receptions, video conferences)
_add(
    "en",
    "meeting",
    _NOUN,
    1.0,
    r"\bmeetings?\b",
    r"\btalks\b",
    r"\bnegotiations?\b",
    r"\bconsultations\b",
    r"\bvideo[-\s]?conferenc\w*",
    r"\bvideo[-\s]?(?:call|link)s?\b",
    r"\bonline\s+meetings?\b",
    r"\baudience\s+with\b",
)
_add("en", "meeting", _ACT, 1.0, r"\bmeets\b", r"\bmet\b", r"\bmeeting\s+with\b")
_add("en", "meeting", _ACT, 0.5, r"\breceive[sd]?\b", r"\bheld\s+talks\b")
_add("en", "meeting", _ACT, 0.3, r"\bagreed\b", r"\bdiscuss(?:ed|es)?\b", r"\bexchanged\s+views\b")
_add(
    "de",
    "meeting",
    _NOUN,
    1.0,
    r"\b\w*treffen\b",
    r"\b\w*gespr[äa]ch(?:e|en|s)?\b",
    r"\bverhandlung\w*",
    r"\bvideokonferenz\w*",
    r"\bunterredung\w*",
    r"\bkonsultation\w*",
)
_add(
    "de",
    "meeting",
    _ACT,
    1.0,
    r"\btrifft\b",
    r"\btrafen?\b",
    r"\bgetroffen\b",
    r"\bempf[äa]ng\w*",
    r"\bempfing\w*",
)
_add("de", "meeting", _ACT, 0.5, r"\bberaten\b", r"\bberieten\b")
_add("de", "meeting", _ACT, 0.3, r"\bvereinbar\w*", r"\bbesprochen\b", r"\berörtert\w*")
_add(
    "ru",
    "meeting",
    _NOUN,
    1.0,
    _W + r"встреч[аиуеей]\w*",
    _W + r"переговор\w*",
    _W + r"видеоконференц\w*",
    _W + r"консультаци\w*",
    _W + r"бесед[аыуео]\w*",
)
_add("ru", "meeting", _ACT, 1.0, _W + r"встретил\w*", _W + r"беседовал\w*")
_add("ru", "meeting", _ACT, 0.4, _W + r"принял[аи]?\b(?!\s+участие)", _W + r"принят[аы]?\b")
_add("ru", "meeting", _ACT, 0.3, _W + r"договорил\w*", _W + r"обсудил\w*", _W + r"обменялись\s+мнениями")
_add(
    "be",
    "meeting",
    _NOUN,
    1.0,
    _W + r"сустрэч\w*",
    _W + r"перамов\w*",
    _W + r"відэаканферэнц\w*",
    _W + r"кансультацы\w*",
    _W + r"гутарк\w*",
)
_add("be", "meeting", _ACT, 1.0, _W + r"сустрэ(?:ў|л)\w*")
_add("be", "meeting", _ACT, 0.4, _W + r"прыня(?:ў|л)\w*(?!\s+удзел)")
_add("be", "meeting", _ACT, 0.3, _W + r"дамовіл\w*", _W + r"абмеркавал\w*")
_add(
    "uk",
    "meeting",
    _NOUN,
    1.0,
    _W + r"зустріч\w*",
    _W + r"переговор\w*",
    _W + r"відеоконференц\w*",
    _W + r"консультаці\w*",
)
_add("uk", "meeting", _ACT, 1.0, _W + r"зустр[іi]вс\w*", _W + r"зустрілис\w*", _W + r"зустрілас\w*")
_add("uk", "meeting", _ACT, 0.4, _W + r"прийня(?:в|ла|ли)\b(?!\s+участь)")
_add("uk", "meeting", _ACT, 0.3, _W + r"домовил\w*", _W + r"обговорил\w*")
_add(
    "zh",
    "meeting",
    _NOUN,
    1.0,
    r"会谈",
    r"会晤",
    r"视频会议",
    r"视频会谈",
    r"视频连线",
    r"线上会议",
    r"云会见",
    r"工作会议",
    r"磋商",
)
_add("zh", "meeting", _ACT, 1.0, r"会见", r"接见", r"见面")
_add("zh", "meeting", _ACT, 0.5, r"座谈", r"接待", r"洽谈")
_add("zh", "meeting", _ACT, 0.3, r"商定", r"交换意见", r"达成共识")
_add(
    "hi", "meeting", _NOUN, 1.0, r"मुलाकात", r"मुलाक़ात", r"बैठक", r"वार्ता", r"बातचीत", r"भेंट", r"वीडियो\s+कॉन्फ्रेंस"
)
_add("hi", "meeting", _ACT, 1.0, r"मिले", r"मिलीं")

# --- visit (delegations, tours of sites)
_add("en", "visit", _NOUN, 1.0, r"\bvisits?\b", r"\bstudy\s+trips?\b", r"\bfact-finding\s+trips?\b")
_add("en", "visit", _ACT, 1.0, r"\bvisit(?:ed|ing)\b", r"\btoured\b", r"\btour\s+of\b")
_add("en", "visit", _ACT, 0.4, r"\bdelegations?\b", r"\barrived\s+in\b", r"\binspected\b")
_add(
    "de", "visit", _NOUN, 1.0, r"\b\w*besuchs?\b", r"\b\w*besuche\b", r"\bvisite\b", r"\bdelegationsreise\w*"
)
_add("de", "visit", _ACT, 1.0, r"\bbesucht\w*", r"\bbesichtig\w*")
_add("de", "visit", _ACT, 0.4, r"\b\w*delegation(?:en)?\b", r"\bhielt(?:en)?\s+sich\b")
_add("ru", "visit", _NOUN, 1.0, _W + r"визит(?:а|е|у|ом|ы|ов|ам|ах)?\b", _W + r"посещени\w*")
_add(
    "ru", "visit", _ACT, 1.0, _W + r"посетил\w*", _W + r"посетит\w*", _W + r"посещает\w*", _W + r"побывал\w*"
)
_add("ru", "visit", _ACT, 0.4, _W + r"делегаци\w*", _W + r"прибыл\w*", _W + r"ознакомил\w*")
_add("be", "visit", _NOUN, 1.0, _W + r"візіт(?:а|е|у|ам|ы|аў|ах)?\b", _W + r"наведванн\w*")
_add(
    "be",
    "visit",
    _ACT,
    1.0,
    _W + r"наведа(?:ў|л)\w*",
    _W + r"наведвае\w*",
    _W + r"пабывал\w*",
    _W + r"пабыва(?:ў)\w*",
)
_add("be", "visit", _ACT, 0.4, _W + r"дэлегацы\w*", _W + r"прыбыл\w*", _W + r"азнаёміл\w*")
_add("uk", "visit", _NOUN, 1.0, _W + r"візит(?:у|і|ом|и|ів|ам|ах)?\b", _W + r"відвідуванн\w*")
_add("uk", "visit", _ACT, 1.0, _W + r"відвіда(?:в|л)\w*", _W + r"відвідує\w*", _W + r"побува(?:в|л)\w*")
_add("uk", "visit", _ACT, 0.4, _W + r"делегаці\w*", _W + r"прибул\w*", _W + r"ознайомил\w*")
_add(
    "zh", "visit", _ACT, 1.0, r"访问", r"考察", r"参观", r"到访", r"来访", r"出访", r"走访", r"访华", r"访白"
)
_add("zh", "visit", _ACT, 0.4, r"代表团", r"调研")
_add("hi", "visit", _ACT, 1.0, r"दौरा", r"दौरे", r"यात्रा", r"भ्रमण")
_add("hi", "visit", _ACT, 0.4, r"प्रतिनिधिमंडल")

# --- signing
_add(
    "en",
    "signing",
    _NOUN,
    1.0,
    r"\bsigning\s+ceremon(?:y|ies)\b",
    r"\bsigning\s+of\b",
    r"\bsignings\b",
)
_add("en", "signing", _ACT, 1.0, r"\bsign(?:s|ed|ing)?\b", r"\binked\b")
_add("en", "signing", _ACT, 0.5, r"\bconclud\w+\s+(?:an?\s+|the\s+)?(?:agreement|contract|memorandum)s?\b")
_add("de", "signing", _NOUN, 1.0, r"\bunterzeichnung\w*")
_add("de", "signing", _ACT, 1.0, r"\bunterzeichne\w*", r"\bunterzeichnet\w*", r"\bunterschr(?:ei|ie)b\w*")
_add("de", "signing", _ACT, 0.5, r"\bschlossen\b.{0,60}\b(?:abkommen|vertr[äa]ge?|vereinbarung\w*)\b")
_add("ru", "signing", _NOUN, 1.0, _W + r"подписани\w*")
_add(
    "ru",
    "signing",
    _ACT,
    1.0,
    _W + r"подписа(?:л|н|в)\w*",
    _W + r"подписыва(?:ют|ет|ли|л)\b",
    _W + r"заключ\w+\s+(?:\w+\s+){0,3}(?:соглашени|договор|контракт|меморандум)\w*",
)
_add("be", "signing", _NOUN, 1.0, _W + r"падпісанн\w*")
_add(
    "be",
    "signing",
    _ACT,
    1.0,
    _W + r"падпіса(?:л|н|ў)\w*",
    _W + r"заключ\w+\s+(?:\w+\s+){0,3}(?:пагадненн|дагавор|кантракт|мемарандум)\w*",
)
_add("uk", "signing", _NOUN, 1.0, _W + r"підписанн\w*")
_add(
    "uk",
    "signing",
    _ACT,
    1.0,
    _W + r"підписа(?:л|н|в)\w*",
    _W + r"укла(?:ли|в|ла|дено)\s+(?:\w+\s+){0,3}(?:угод|договор|контракт|меморандум)\w*",
)
_add("zh", "signing", _NOUN, 1.0, r"签字仪式", r"签约仪式", r"签约活动")
_add("zh", "signing", _ACT, 1.0, r"签署", r"签订", r"签约", r"签字", r"签下")
_add("hi", "signing", _ACT, 1.0, r"हस्ताक्षर")

# --- opening (exhibitions, plants, centres opened; opened events are the events)
_add(
    "en",
    "opening",
    _HELD_TYPE,
    1.0,
    r"\bopen(?:s|ed|ing)\b",
    r"\binaugurat\w*",
    r"\bribbon[-\s]cutting\b",
    r"\bunveil\w*",
)
_add(
    "en",
    "opening",
    _NOUN,
    0.8,
    r"\bexhibitions?\b",
    r"\bexpos?\b",
    r"\bexpositions?\b",
    r"\bphoto\s+shows?\b",
)
_add("de", "opening", _HELD_TYPE, 1.0, r"\ber[öo]ffn\w*", r"\beinweihung\w*", r"\beingeweiht\b", r"\bweiht\b")
_add("de", "opening", _NOUN, 0.8, r"\b\w*ausstellung(?:en)?\b", r"\b\w*messe[n]?\b", r"\bexpo\b")
_add(
    "ru",
    "opening",
    _HELD_TYPE,
    1.0,
    _W + r"откры(?:л|в)\w*",
    _W + r"открыти[еяию]\w*",
    _W + r"открыва(?:ет|ют|ется|ются)\b",
    _W + r"перерезал\w*\s+(?:\w+\s+)?ленту",
    _W + r"ленту\s+перерезал\w*",
)
_add(
    "ru", "opening", _NOUN, 0.8, _W + r"выставк\w*", _W + r"экспозици\w*", _W + r"ярмарк\w*", _W + r"экспо\b"
)
_add(
    "be",
    "opening",
    _HELD_TYPE,
    1.0,
    _W + r"адкры(?:л|ў)\w*",
    _W + r"адкрыцц\w*",
    _W + r"адкрыва(?:е|ю)\w*",
    _W + r"перарэзал\w*\s+(?:\w+\s+)?стужку",
)
_add(
    "be",
    "opening",
    _NOUN,
    0.8,
    _W + r"выстав(?:а|ы|у|е|ай|аў|ах|ы)\b",
    _W + r"выставк\w*",
    _W + r"экспазіцы\w*",
    _W + r"кірмаш\w*",
)
_add(
    "uk",
    "opening",
    _HELD_TYPE,
    1.0,
    _W + r"відкри(?:в|л)\w*",
    _W + r"відкритт\w*",
    _W + r"відкрива(?:є|ють)\w*",
    _W + r"перерізал\w*\s+(?:\w+\s+)?стрічку",
)
_add(
    "uk",
    "opening",
    _NOUN,
    0.8,
    _W + r"виставк\w*",
    _W + r"виставц\w*",
    _W + r"експозиці\w*",
    _W + r"ярмар\w*",
)
_add("zh", "opening", _HELD_TYPE, 1.0, r"开幕", r"揭牌", r"开业", r"开馆", r"落成", r"启用", r"剪彩", r"揭幕")
_add(
    "zh",
    "opening",
    _NOUN,
    0.8,
    r"展览",
    r"展会",
    r"博览会",
    r"展销会",
    r"成果展",
    r"图片展",
    r"摄影展",
    r"书画展",
    r"画展",
    r"艺术展",
    r"主题展",
    r"交易会",
)
_add("hi", "opening", _HELD_TYPE, 1.0, r"उद्घाटन", r"लोकार्पण")
_add("hi", "opening", _NOUN, 0.8, r"प्रदर्शनी", r"एक्सपो")

# --- ceremony (awards, honorary titles; a ceremony of a signing or an opening is that signing or opening)
_add(
    "en",
    "ceremony",
    _NOUN,
    1.0,
    r"\bawards?\s+ceremon(?:y|ies)\b",
    r"\bawards?\b",
    r"\bprizes?\b",
    r"\bmedals?\b",
    r"\bhonorary\s+(?:doctor\w*|degree|title|professor\w*|citizen\w*|member\w*)\b",
    r"\bgala\b",
)
_add("en", "ceremony", _ACT, 1.0, r"\bawarded\b", r"\bconferr\w*", r"\bdecorated\b", r"\bhonou?red\s+with\b")
_add("en", "ceremony", _GENERIC, 0.4, r"\bceremon(?:y|ies)\b")
_add(
    "de",
    "ceremony",
    _NOUN,
    1.0,
    r"\b\w*preisverleihung\w*",
    r"\bverleihung\w*",
    r"\bauszeichnung\w*",
    r"\behrendoktor\w*",
    r"\behrenprofessor\w*",
    r"\bfestakt\w*",
    r"\b\w*preis(?:es|e)?\b(?=.{0,80}\b(?:verliehen|erh[äa]lt|erhielt|ausgezeichnet)\b)",
)
_add("de", "ceremony", _ACT, 1.0, r"\bverliehen\b", r"\bausgezeichnet\b", r"\bgeehrt\b")
_add("de", "ceremony", _GENERIC, 0.4, r"\bzeremonie\w*")
_add(
    "ru",
    "ceremony",
    _NOUN,
    1.0,
    _W + r"награжд\w*",
    _W + r"наград\w*",
    _W + r"вручени\w*",
    _W + r"присвоени\w*",
    _W + r"почетн\w+\s+(?:доктор|профессор|звани|граждан)\w*",
    _W + r"преми[яиюей]\b",
)
_add(
    "ru",
    "ceremony",
    _ACT,
    1.0,
    _W + r"вручил\w*",
    _W + r"вручен[аоы]?\b",
    _W + r"присвоен[аоы]?\b",
    _W + r"удостоен\w*",
)
_add("ru", "ceremony", _GENERIC, 0.4, _W + r"церемони\w*")
_add(
    "be",
    "ceremony",
    _NOUN,
    1.0,
    _W + r"[уў]знагар\w*",
    _W + r"[уў]ручэнн\w*",
    _W + r"прысваенн\w*",
    _W + r"ганаров\w+\s+(?:доктар|прафесар|званн|грамадзян)\w*",
    _W + r"прэмі[яіюяй]\b",
)
_add(
    "be", "ceremony", _ACT, 1.0, _W + r"[уў]ручы(?:л|ў)\w*", _W + r"[уў]ручан[аы]?\b", _W + r"прысвоен[аы]?\b"
)
_add("be", "ceremony", _GENERIC, 0.4, _W + r"цырымон\w*")
_add(
    "uk",
    "ceremony",
    _NOUN,
    1.0,
    _W + r"нагород\w*",
    _W + r"врученн\w*",
    _W + r"присвоєнн\w*",
    _W + r"почесн\w+\s+(?:доктор|професор|звання|громадян)\w*",
    _W + r"премі[яїюєй]\b",
)
_add("uk", "ceremony", _ACT, 1.0, _W + r"вручи(?:в|л)\w*", _W + r"вручен[оаі]?\b", _W + r"присвоєн[оаі]?\b")
_add("uk", "ceremony", _GENERIC, 0.4, _W + r"церемоні\w*")
_add(
    "zh",
    "ceremony",
    _NOUN,
    1.0,
    r"颁奖",
    r"颁发",
    r"授予",
    r"获颁",
    r"荣誉博士",
    r"名誉博士",
    r"名誉教授",
    r"荣誉教授",
    r"友谊奖",
    r"奖章",
    r"勋章",
)
_add("zh", "ceremony", _GENERIC, 0.4, r"仪式", r"典礼")
_add(
    "hi",
    "ceremony",
    _NOUN,
    1.0,
    r"पुरस्कार",
    r"सम्मानित",
    r"मानद\s+(?:उपाधि|डॉक्टरेट|डिग्री)",
    r"अलंकरण",
)
_add("hi", "ceremony", _GENERIC, 0.4, r"समारोह")

# --- launch (start of production, first train, new route, a plant starting work)
_add(
    "en",
    "launch",
    _HELD_TYPE,
    1.0,
    r"\blaunch(?:es|ed|ing)?\b",
    r"\b(?:began|begins|start(?:s|ed)?)\s+(?:production|operations?|work|running)\b",
    r"\bput\s+into\s+(?:operation|service)\b",
    r"\bcommissioned\b",
)
_add(
    "en",
    "launch",
    _NOUN,
    1.0,
    r"\bfirst\s+(?:\w+\s+){0,2}(?:train|flight|shipment|batch)\b",
    r"\bnew\s+(?:\w+\s+){0,2}(?:route|rail\s+link|air\s+link|service|connection|line)\b",
    r"\bmaiden\s+(?:voyage|flight|run|trip)\b",
    r"\brolls?\s+off\s+(?:the\s+)?(?:assembly|production)\s+line\b",
    r"\brolled\s+off\s+(?:the\s+)?(?:assembly|production)\s+line\b",
    r"\binaugural\s+(?:flight|train|run)\b",
)
_add(
    "de",
    "launch",
    _HELD_TYPE,
    1.0,
    r"\bgestartet\b",
    r"\bstartet\b",
    r"\bstartsignal\w*",
    r"\binbetriebnahme\w*",
    r"\bin\s+betrieb\s+genommen\b",
    r"\bproduktion\w*\s+(?:\w+\s+){0,2}aufgenommen\b",
    r"\bproduktionsstart\w*",
    r"\bproduktionsbeginn\w*",
)
_add(
    "de",
    "launch",
    _NOUN,
    1.0,
    r"\bneue[rnsm]?\s+(?:\w+\s+){0,1}\w*(?:zug|z[üu]ge|verbindung|route|linie|flugverbindung|zugverbindung)\b",
    r"\berste[rnsm]?\s+(?:\w+\s+){0,1}\w*(?:zug|flug|lieferung)\b",
    r"\bvom\s+band\b",
    r"\bjungfernfahrt\w*",
    r"\berstflug\w*",
)
_add(
    "ru",
    "launch",
    _HELD_TYPE,
    1.0,
    _W + r"запуск\w*",
    _W + r"запусти\w*",
    _W + r"запущен\w*",
    _W + r"заработал\w*",
    _W + r"введен\w*\s+в\s+эксплуатацию",
    _W + r"ввод\w*\s+в\s+эксплуатацию",
    _W + r"нача(?:л|ло|ла|ли)\s+(?:\w+\s+)?(?:производство|выпуск)\w*",
)
_add(
    "ru",
    "launch",
    _NOUN,
    1.0,
    _W + r"перв\w+\s+(?:\w+\s+){0,2}(?:поезд|рейс|состав|парти)\w*",
    _W + r"нов\w+\s+(?:\w+\s+){0,2}(?:маршрут|рейс|авиарейс|железнодорожн\w+\s+маршрут)\w*",
    _W + r"сош(?:ел|ёл|ла|ли)\s+с\s+конвейера",
)
_add(
    "be",
    "launch",
    _HELD_TYPE,
    1.0,
    _W + r"запуск\w*",
    _W + r"запусці\w*",
    _W + r"запрацава\w*",
    _W + r"[уў]ведзен\w*\s+(?:у|ў)\s+эксплуатацыю",
    _W + r"пача(?:ў|ла|лі)\s+(?:\w+\s+)?(?:вытворчасць|выпуск)\w*",
)
_add(
    "be",
    "launch",
    _NOUN,
    1.0,
    _W + r"перш\w+\s+(?:\w+\s+){0,2}(?:цягнік|рэйс|саста|парты)\w*",
    _W + r"нов\w+\s+(?:\w+\s+){0,2}(?:маршрут|рэйс)\w*",
    _W + r"сыш(?:оў|ла|лі)\s+з\s+канвеера",
)
_add(
    "uk",
    "launch",
    _HELD_TYPE,
    1.0,
    _W + r"запуск\w*",
    _W + r"запусти\w*",
    _W + r"запущен\w*",
    _W + r"запрацюва\w*",
    _W + r"запрацював\w*",
    _W + r"введен\w*\s+в\s+експлуатацію",
    _W + r"розпоча(?:в|ла|ли)\s+(?:\w+\s+)?(?:виробництво|випуск)\w*",
)
_add(
    "uk",
    "launch",
    _NOUN,
    1.0,
    _W + r"перш\w+\s+(?:\w+\s+){0,2}(?:потяг|поїзд|рейс|парті)\w*",
    _W + r"нов\w+\s+(?:\w+\s+){0,2}(?:маршрут|рейс)\w*",
    _W + r"зійш(?:ов|ла|ли)\s+з\s+конвеєра",
)
_add(
    "zh",
    "launch",
    _HELD_TYPE,
    1.0,
    r"首发",
    r"投产",
    r"下线",
    r"开通",
    r"首航",
    r"启动",
    r"开行",
    r"正式运营",
    r"投入运营",
    r"投入使用",
    r"开工",
)
_add("zh", "launch", _NOUN, 1.0, r"首列", r"首趟", r"首班", r"首批")
_add("hi", "launch", _HELD_TYPE, 1.0, r"शुभारंभ", r"लॉन्च", r"रवाना")
_add(
    "hi", "launch", _NOUN, 1.0, r"पहली\s+(?:\S+\s+)?(?:ट्रेन|उड़ान|मालगाड़ी)", r"नई\s+(?:\S+\s+)?(?:ट्रेन|उड़ान|सेवा)"
)

# --- presentation
_add(
    "en",
    "presentation",
    _NOUN,
    1.0,
    r"\bpresentations?\b",
    r"\broadshows?\b",
    r"\bbook\s+launch\w*",
    r"\bshowcas\w*",
)
_add("en", "presentation", _ACT, 0.4, r"\bpresent(?:s|ed)\b", r"\bintroduced\b")
_add("de", "presentation", _NOUN, 1.0, r"\b\w*pr[äa]sentation\w*", r"\bbuchvorstellung\w*", r"\broadshow\w*")
_add("de", "presentation", _ACT, 0.6, r"\bpr[äa]sentier\w*", r"\bvorgestellt\b")
_add("ru", "presentation", _NOUN, 1.0, _W + r"презентаци\w*", _W + r"роуд-?шоу")
_add("ru", "presentation", _ACT, 0.6, _W + r"презентова\w*")
_add("ru", "presentation", _ACT, 0.3, _W + r"представил\w*", _W + r"представлен\w*")
_add("be", "presentation", _NOUN, 1.0, _W + r"прэзентацы\w*")
_add("be", "presentation", _ACT, 0.6, _W + r"прэзентава\w*")
_add("be", "presentation", _ACT, 0.3, _W + r"прадставі(?:л|ў)\w*", _W + r"прадстаўлен\w*")
_add("uk", "presentation", _NOUN, 1.0, _W + r"презентаці\w*")
_add("uk", "presentation", _ACT, 0.6, _W + r"презентува\w*")
_add("uk", "presentation", _ACT, 0.3, _W + r"представи(?:в|л)\w*", _W + r"представлен\w*")
_add("zh", "presentation", _NOUN, 1.0, r"推介会", r"发布会", r"路演", r"宣介会", r"说明会")
_add("zh", "presentation", _ACT, 0.5, r"推介", r"发布")
_add("zh", "presentation", _ACT, 0.3, r"亮相")
_add("hi", "presentation", _NOUN, 1.0, r"प्रस्तुति", r"अनावरण")
_add("hi", "presentation", _ACT, 0.3, r"प्रस्तुत")

# --- programme (years, weeks, days of culture, festivals)
_add(
    "en",
    "programme",
    _NOUN,
    1.0,
    r"(?<!\d\s)\b(?:cross[-\s])?year\s+of\s+(?:\w+\s+){0,2}(?:culture|cooperation|tourism|science|education|youth|exchanges?)\b",
    r"\bdays\s+of\s+(?:\w+\s+){0,2}culture\b",
    r"\b(?:culture|cultural|cooperation|friendship|film|cinema)\s+(?:week|days|festival)s?\b",
    r"\bfestivals?\b",
    r"\bweek\s+of\s+(?:\w+\s+){0,2}(?:culture|cooperation)\b",
)
_add(
    "de",
    "programme",
    _NOUN,
    1.0,
    r"\bjahr\w*\s+der\s+(?:\w+\s+){0,2}(?:kultur|zusammenarbeit|bildung|jugend|wissenschaft)\w*",
    r"\b\w*kulturtage\b",
    r"\b\w*(?:kultur|film|freundschafts)woche\w*",
    r"\b\w*festival\w*",
)
_add(
    "ru",
    "programme",
    _NOUN,
    1.0,
    _W + r"год\w*\s+(?:\w+\s+){0,2}(?:сотрудничества|культуры|туризма|науки|образования|молодежи)\b",
    _W + r"дн(?:и|ей)\s+(?:\w+\s+){0,2}культуры",
    _W + r"недел\w+\s+(?:\w+\s+){0,2}(?:культуры|сотрудничества|кино)",
    _W + r"фестивал\w*",
)
_add(
    "be",
    "programme",
    _NOUN,
    1.0,
    _W + r"год\w*\s+(?:\w+\s+){0,2}(?:супрацоўніцтва|культуры|турызму|навукі|адукацыі|моладзі)\b",
    _W + r"дн(?:і|ёў)\s+(?:\w+\s+){0,2}культуры",
    _W + r"тыдз\w+\s+(?:\w+\s+){0,2}(?:культуры|супрацоўніцтва|кіно)",
    _W + r"фестывал\w*",
)
_add(
    "uk",
    "programme",
    _NOUN,
    1.0,
    _W + r"р[оі]к\w*\s+(?:\w+\s+){0,2}(?:співробітництва|культури|туризму|науки|освіти|молоді)\b",
    _W + r"дн(?:і|ів)\s+(?:\w+\s+){0,2}культури",
    _W + r"тижн?\w*\s+(?:\w+\s+){0,2}(?:культури|співробітництва|кіно)",
    _W + r"фестивал\w*",
)
_add(
    "zh",
    "programme",
    _NOUN,
    1.0,
    r"合作年",
    r"交流年",
    r"旅游年",
    r"文化年",
    r"文化日",
    r"文化周",
    r"活动周",
    r"合作周",
    r"电影周",
    r"文化节",
    r"艺术节",
    r"电影节",
)
_add("hi", "programme", _NOUN, 1.0, r"महोत्सव", r"उत्सव", r"सांस्कृतिक\s+सप्ताह", r"फेस्टिवल")

# --- agreement (relations established, agreements entering into force)
_add(
    "en",
    "agreement",
    _ACT,
    0.8,
    r"\bestablish\w*\s+(?:of\s+)?diplomatic\s+relations\b",
    r"\benter(?:s|ed)?\s+into\s+force\b",
    r"\bcame\s+into\s+force\b",
    r"\bratif\w*",
    r"\bupgrad\w+\s+(?:\w+\s+){0,3}partnership\b",
)
_add(
    "de",
    "agreement",
    _ACT,
    0.8,
    r"\bin\s+kraft\s+getreten\b",
    r"\btritt\s+.{0,40}\bin\s+kraft\b",
    r"\bratifiz\w*",
)
_add(
    "ru",
    "agreement",
    _ACT,
    0.8,
    _W + r"установ\w+\s+дипломатических\s+отношений",
    _W + r"вступ\w+\s+в\s+силу",
    _W + r"ратифиц\w*",
)
_add("be", "agreement", _ACT, 0.8, _W + r"[уў]ступ\w+\s+(?:у|ў)\s+сілу", _W + r"ратыфіка\w*")
_add("uk", "agreement", _ACT, 0.8, _W + r"набу\w+\s+чинності", _W + r"ратифік\w*")
_add("zh", "agreement", _ACT, 0.8, r"建交", r"生效", r"批准.{0,10}协定", r"建立.{0,12}伙伴关系")
_add("hi", "agreement", _ACT, 0.8, r"राजनयिक\s+संबंध\w*\s+स्थापित", r"लागू\s+हो", r"अनुमोदन")

# --- anniversary
_add(
    "en",
    "anniversary",
    _NOUN,
    1.0,
    r"\banniversar(?:y|ies)\s+of\s+(?:the\s+)?(?:establish\w*\s+of\s+)?(?:the\s+)?diplomatic\s+relations\b",
    r"\banniversar(?:y|ies)\b",
    r"\bjubilee\b",
)
_add("de", "anniversary", _NOUN, 1.0, r"\b\w*jahrestag\w*", r"\bjubil[äa]um\w*")
_add(
    "ru",
    "anniversary",
    _NOUN,
    1.0,
    r"(?:\d+-лети[еяюи]\w*|годовщин\w*|юбиле\w*)\s+установлени\w+\s+дипломатических\s+отношений",
    _W + r"годовщин\w*",
    _W + r"юбиле\w*",
    r"\d+-лети[еяюи]\w*",
)
_add("be", "anniversary", _NOUN, 1.0, _W + r"гадавін\w*", _W + r"юбіле\w*", r"\d+-годдз\w*")
_add("uk", "anniversary", _NOUN, 1.0, _W + r"річниц\w*", _W + r"ювіле\w*", r"\d+-річч\w*")
_add("zh", "anniversary", _NOUN, 1.0, r"建交\s*\d+\s*周年", r"建交[一二三四五六七八九十]+周年", r"周年")
_add("hi", "anniversary", _NOUN, 1.0, r"वर्षगांठ", r"वर्षगाँठ", r"सालगिरह", r"जयंती")

# --- tour (concert tours, press tours, rallies)
_add(
    "en",
    "tour",
    _NOUN,
    1.0,
    r"\b(?:concert|press|media|bike|cycling|motor|car|auto|study)\s+tours?\b",
    r"\bon\s+tour\b",
    r"\btourn[ée]e\b",
    r"\b(?:motor|car|auto)\s+rall(?:y|ies)\b",
)
_add("de", "tour", _NOUN, 1.0, r"\btourneen?\b", r"\bgastspiel\w*", r"\bpressereise\w*", r"\brundreise\w*")
_add(
    "ru",
    "tour",
    _NOUN,
    1.0,
    _W + r"гастрол\w*",
    _W + r"турне\b",
    _W + r"пресс-тур\w*",
    _W + r"(?:авто|мото|вело)пробег\w*",
)
_add(
    "be",
    "tour",
    _NOUN,
    1.0,
    _W + r"гастрол\w*",
    _W + r"турнэ\b",
    _W + r"прэс-тур\w*",
    _W + r"(?:аўта|мота|вела)пра[бй]ег\w*",
)
_add(
    "uk",
    "tour",
    _NOUN,
    1.0,
    _W + r"гастрол\w*",
    _W + r"турне\b",
    _W + r"прес-тур\w*",
    _W + r"(?:авто|мото|вело)пробіг\w*",
)
_add("zh", "tour", _NOUN, 1.0, r"巡演", r"巡展", r"巡回演出", r"采风")
_add("hi", "tour", _NOUN, 1.0, r"टूर")

# --- held markers (no type of their own)
_add(
    "en",
    None,
    _HELD,
    1.0,
    r"\bheld\b",
    r"\btook\s+place\b",
    r"\btakes?\s+place\b",
    r"\bkick(?:ed|s)?\s+off\b",
    r"\bhost(?:s|ed)\b",
    r"\bconvened?\b",
    r"\b(?:co-)?organi[sz]ed\b",
    r"\bconcluded\b",
    r"\bclosed\b",
    r"\bwrapped\s+up\b",
)
_add(
    "de",
    None,
    _HELD,
    1.0,
    r"\b(?:fand|finden|findet|fanden)\b[^.!?\n]{0,160}?\bstatt\b",
    r"\bstattgefunden\b",
    r"\bstattfinde\w*",
    r"\bausgerichtet\b",
    r"\bveranstaltet\b",
    r"\babgehalten\b",
    r"\btagte[n]?\b",
    r"\bzu\s+ende\s+gegangen\b",
)
_add(
    "ru",
    None,
    _HELD,
    1.0,
    _W + r"прош(?:ел|ёл|ла|ло|ли)\b",
    _W + r"проход(?:ит|ят|ил|ила|ило|или|ивш)\w*",
    _W + r"состоял(?:ся|ась|ось|ись)\b",
    _W + r"состоится\b",
    _W + r"провел(?:и|а)?\b",
    _W + r"пров[её]л\b",
    _W + r"проведен\w*",
    _W + r"завершил\w*",
    _W + r"завершивш\w*",
    _W + r"организова\w*",
    _W + r"нача(?:л|ла|ло|ли)\s+(?:свою\s+)?работу",
)
_add(
    "be",
    None,
    _HELD,
    1.0,
    _W + r"прайш(?:оў|ла|ло|лі)\b",
    _W + r"праходз\w*",
    _W + r"адбыл\w*",
    _W + r"адбыўся\b",
    _W + r"адбудзецца\b",
    _W + r"правял[іа]\b",
    _W + r"правёў\b",
    _W + r"праведзен\w*",
    _W + r"завяршы\w*",
    _W + r"арганізава\w*",
    _W + r"пача(?:ў|ла|ло|лі)\s+(?:сваю\s+)?работу",
)
_add(
    "uk",
    None,
    _HELD,
    1.0,
    _W + r"відбул\w*",
    _W + r"відбувся\b",
    _W + r"відбудеться\b",
    _W + r"відбуває\w*",
    _W + r"пройш(?:ов|ла|ло|ли)\b",
    _W + r"проход(?:ить|ять|ив|ила|или)\b",
    _W + r"провел[иа]\b",
    _W + r"провів\b",
    _W + r"проведен\w*",
    _W + r"завершил\w*",
    _W + r"завершився\b",
    _W + r"організова\w*",
)
_add("zh", None, _HELD, 1.0, r"举行", r"召开", r"举办", r"闭幕", r"落幕", r"拉开帷幕", r"开展")
_add("hi", None, _HELD, 1.0, r"आयोजित", r"आयोजन", r"संपन्न", r"सम्पन्न")

_SCRIPT_GROUPS = {"en": {"en", "de"}, "de": {"en", "de"}, "ru": {"ru", "be", "uk", "en"}}
_SCRIPT_GROUPS["be"] = _SCRIPT_GROUPS["uk"] = _SCRIPT_GROUPS["ru"]
_SCRIPT_GROUPS["zh"] = {"zh", "en"}
_SCRIPT_GROUPS["hi"] = {"hi", "en"}

# ------------------------------------------------------------------------------------------ scoring

_TITLE_WEIGHT = 3.0
_LEAD_WEIGHT = 1.5  # the first two substantial sentences after the headline
_NEAR_WEIGHT = 0.8  # the next two
_REST_WEIGHT = 0.15  # every later hit, capped per type
_REST_CAP = 0.6
_HELD_BONUS = 1.2  # times the zone's weight, for the noun nearest a held marker
_NEAR_CHARS = 100  # how far a held marker reaches for its noun (same sentence)
_MIN_SCORE = 0.9  # below: "other"
_SUBSTANTIAL = 25  # letters a sentence needs to count as a lead sentence
_EVENTISH = {
    "conference",
    "seminar",
    "forum",
    "meeting",
    "programme",
    "presentation",
    "ceremony",
    "visit",
    "tour",
    "anniversary",
}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？।])|\n+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class _Hit:
    entry: _Entry
    start: int  # in the scanned string
    end: int
    words: str


@dataclass(slots=True)
class _Zone:
    name: str  # "headline", "lead", "near", "rest"
    weight: float
    text: str
    offset: int | None  # where the zone's text starts in the document; None for a headline not in it


@dataclass(slots=True)
class _Evidence:
    zone: str
    score: float
    words: str
    note: str
    start: int | None
    end: int | None


def _blank(text: str, skip: Sequence[tuple[int, int]]) -> str:
    if not skip:
        return text
    chars = list(text)
    for start, end in skip:
        for i in range(max(0, start), min(len(chars), end)):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def _sentences(text: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > pos:
            spans.append((base + pos, base + m.start()))
        pos = max(pos, m.end())
    if pos < len(text):
        spans.append((base + pos, base + len(text)))
    return [(s, e) for s, e in spans if text[s - base : e - base].strip()]


@dataclass(frozen=True)
class _Lexicon:
    """The entries read for one language (its script's languages), and every literal they need."""

    entries: tuple[_Entry, ...]
    literals: frozenset[str]


@functools.cache
def _entries(language: str | None) -> _Lexicon:
    chosen = _LEXICON
    if language and language in _SCRIPT_GROUPS:
        langs = _SCRIPT_GROUPS[language]
        chosen = [e for e in _LEXICON if e.lang in langs]
    return _Lexicon(tuple(chosen), frozenset(w for e in chosen if e.needs for w in e.needs))


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # keep offsets (e.g. "İ")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _hits(text: str, lexicon: _Lexicon) -> list[_Hit]:
    low = _lower(text)
    found: list[_Hit] = []
    # Entries share stems: each literal is looked for once, and only the entries one of whose literals is in
    # the text are searched (a fraction of the lexicon in most documents).
    present = {w for w in lexicon.literals if w in low}
    for entry in lexicon.entries:
        if entry.needs is not None and present.isdisjoint(entry.needs):
            continue
        pos = 0
        while (m := entry.pattern.search(low, pos)) is not None:
            start, end = m.start(), m.end()
            before = low[start - 1] if start else " "
            if entry.start == "compound":
                while start and _is_word(low[start - 1]):
                    start -= 1
            elif (entry.start == "letter" and before.isalpha()) or (
                entry.start == "word" and _is_word(before)
            ):
                pos = m.start() + 1
                continue
            if end > start:
                found.append(_Hit(entry, start, end, text[start:end]))
            pos = max(end, m.start() + 1)
    # Longest first at each place; a hit overlapping a kept one is dropped (so "video conference" is a
    # meeting and not also a conference, "conference hall" nothing).
    found.sort(key=lambda h: (h.start, -(h.end - h.start), h.entry.role == _NEUTRAL))
    # Held markers neither block nor are blocked ("fand ... statt" spans the noun it is about).
    kept = [h for h in found if h.entry.role == _HELD]
    taken: list[tuple[int, int]] = []
    ordered = sorted(
        (h for h in found if h.entry.role != _HELD),
        key=lambda h: (-(h.end - h.start), h.entry.role != _NEUTRAL, h.entry.role == _GENERIC),
    )
    for hit in ordered:
        if any(hit.start < e and s < hit.end for s, e in taken):
            continue
        taken.append((hit.start, hit.end))
        kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return [h for h in kept if h.entry.role != _NEUTRAL]


def _distance(a: _Hit, b: _Hit) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


# Words that introduce the setting of an event ("at the forum", "в рамках форума", "在论坛"), read just
# before a noun.
_SETTING = re.compile(
    r"(?:\b(?:at|during|on\s+the\s+(?:sidelines|margins)\s+of|within\s+the\s+framework\s+of|as\s+part\s+of"
    r"|auf|am\s+rande|im\s+rahmen|w[äa]hrend|beim)"
    r"|(?<![^\W\d_])(?:в\s+рамках|на\s+полях|в\s+ходе|во\s+время|на|у\s+рамках|падчас|у\s+ходзе|під\s+час|в\s+межах))"
    r"(?:\s+(?:the|a|an|dem|einem|der|des|eines))?(?:\s+[^\s]+){0,4}\s+$"
    r"|在[^，。,；]{0,12}$",
    re.IGNORECASE,
)


def _is_setting(sentence: str, hit: _Hit) -> bool:
    before = sentence[max(0, hit.start - 60) : hit.start]
    if hit.start and not before[-1:].isspace() and not _CJK.match(before[-1:] or " "):
        return False
    if _CJK.match(before[-1:] or " "):
        return bool(re.search(r"在[^，。,；、]{0,12}$", before))
    return bool(_SETTING.search(before))


_CJK = re.compile(r"[\u3400-\u9fff]")


def _score_sentence(
    hits: list[_Hit], weight: float, zone: str, offset: int | None, sentence: str = ""
) -> list[tuple[str, _Evidence]]:
    """Evidence from one sentence's hits: (type, evidence)."""
    out: list[tuple[str, _Evidence]] = []

    def span(hit: _Hit) -> tuple[int | None, int | None]:
        return (None, None) if offset is None else (offset + hit.start, offset + hit.end)

    nouns = [h for h in hits if h.entry.role == _NOUN]
    eventish = [h for h in nouns if h.entry.type in _EVENTISH]
    typed: list[_Hit] = []  # hits that carry their type in this sentence
    for hit in hits:
        role = hit.entry.role
        if role in (_NOUN, _ACT):
            typed.append(hit)
        elif role == _HELD_TYPE:
            # "the forum opened" is the forum; "the exhibition / the plant opened" is an opening
            near = [
                n for n in eventish if n.entry.type != hit.entry.type and _distance(n, hit) <= _NEAR_CHARS
            ]
            if not near:
                typed.append(hit)
        elif role == _GENERIC:
            near = [
                h
                for h in hits
                if h is not hit and h.entry.type and h.entry.role != _HELD and _distance(h, hit) <= 40
            ]
            if not near:
                typed.append(hit)
    seen: dict[str, int] = {}
    for hit in typed:
        type_ = hit.entry.type
        assert type_ is not None
        n = seen.get(type_, 0)
        seen[type_] = n + 1
        factor = 1.0 if n == 0 else 0.5 if n == 1 else 0.0
        if factor:
            s, e = span(hit)
            out.append((type_, _Evidence(zone, weight * hit.entry.weight * factor, hit.words, "", s, e)))
    # The held bonus: the thing that was held / took place / opened.
    markers = [h for h in hits if h.entry.role in (_HELD, _HELD_TYPE)]
    candidates = [h for h in typed if h.entry.role in (_NOUN, _HELD_TYPE)]
    boosted: set[int] = set()
    for marker in markers:
        pool = [c for c in candidates if c is not marker and _distance(c, marker) <= _NEAR_CHARS]
        # "the signing ceremony was held at the forum": a noun introduced as the setting is the venue
        # of the thing held, not the thing, unless nothing else is near
        subjects = [c for c in pool if not _is_setting(sentence, c)]
        pool = subjects or pool
        if not pool and marker in typed and marker.entry.role == _HELD_TYPE:
            continue  # an opening with nothing else near counts once, as itself
        if not pool:
            generic = [
                h
                for h in hits
                if h.entry.role == _GENERIC and h in typed and _distance(h, marker) <= _NEAR_CHARS
            ]
            pool = generic
        if not pool:
            continue
        best = min(pool, key=lambda c: (_distance(c, marker), -c.entry.weight))
        if id(best) in boosted:
            continue
        boosted.add(id(best))
        type_ = best.entry.type
        assert type_ is not None
        s, e = span(best)
        out.append(
            (
                type_,
                _Evidence(
                    zone, weight * _HELD_BONUS * best.entry.weight, best.words, f'"{marker.words}"', s, e
                ),
            )
        )
    return out


def _find_title(text: str, title: str) -> int | None:
    pos = text.find(title)
    if pos >= 0:
        return pos
    lowered = text.lower().find(title.lower())
    return lowered if lowered >= 0 else None


def guess_event_type(
    text: str,
    title: str | None = None,
    title_start: int | None = None,
    language: str | None = None,
    skip: Sequence[tuple[int, int]] = (),
) -> TypeGuess:
    """Propose the type of the event ``text`` reports (see the module's docstring for how).

    ``title`` is the headline (found in ``text`` at ``title_start``, or searched for; a derived headline not
    in the text is weighed as a headline with no span). ``language`` (ISO 639-1) narrows the lexicon to its
    script's languages; ``skip`` spans (page chrome) are not read.
    """
    entries = _entries(language)
    doc = _blank(text, skip)
    title = title.strip() if title else None

    zones: list[_Zone] = []
    body_start = 0
    if title:
        start = title_start
        if start is None or doc[start : start + len(title)] != title:
            start = _find_title(doc, title)
        if start is not None:
            zones.append(_Zone("headline", _TITLE_WEIGHT, doc[start : start + len(title)], start))
            body_start = start + len(title)
            before = doc[:start]
        else:
            zones.append(_Zone("headline", _TITLE_WEIGHT, title, None))
            before = ""
    else:
        before = ""
    body = doc[body_start:]
    lead_count = 0
    for s, e in _sentences(body, body_start):
        piece = doc[s:e]
        if len(_LETTER.findall(piece)) < _SUBSTANTIAL:
            zones.append(_Zone("rest", _REST_WEIGHT, piece, s))
            continue
        lead_count += 1
        if lead_count <= 2:
            zones.append(_Zone("lead", _LEAD_WEIGHT, piece, s))
        elif lead_count <= 4:
            zones.append(_Zone("near", _NEAR_WEIGHT, piece, s))
        else:
            zones.append(_Zone("rest", _REST_WEIGHT, piece, s))
    if before.strip():
        zones.append(_Zone("rest", _REST_WEIGHT, before, 0))

    scores: dict[str, float] = {}
    rest: dict[str, float] = {}
    evidence: dict[str, list[_Evidence]] = {}
    doc_hits = _hits(doc, entries)  # one scan of the document; each zone takes the hits inside it
    for zone in zones:
        if zone.offset is None:
            hits = _hits(zone.text, entries)
        else:
            lo, hi = zone.offset, zone.offset + len(zone.text)
            hits = [
                _Hit(h.entry, h.start - lo, h.end - lo, h.words)
                for h in doc_hits
                if lo <= h.start and h.end <= hi
            ]
        if not hits:
            continue
        sentence_spans = [(0, len(zone.text))] if zone.name == "headline" else _sentences(zone.text, 0)
        for s, e in sentence_spans:
            inside = [h for h in hits if s <= h.start < e]
            for type_, ev in _score_sentence(inside, zone.weight, zone.name, zone.offset, zone.text):
                if zone.name == "rest":
                    room = _REST_CAP - rest.get(type_, 0.0)
                    if room <= 0:
                        continue
                    ev.score = min(ev.score, room)
                    rest[type_] = rest.get(type_, 0.0) + ev.score
                scores[type_] = scores.get(type_, 0.0) + ev.score
                evidence.setdefault(type_, []).append(ev)

    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], EVENT_TYPES.index(kv[0])))
    if not ranked or ranked[0][1] < _MIN_SCORE:
        hint = f"; weak hint: {ranked[0][0]} ({ranked[0][1]:.2f})" if ranked else ""
        return TypeGuess("other", 0.1, f"no event word of weight in the headline or lead{hint}", None, None)
    winner, s1 = ranked[0]
    s2 = ranked[1][1] if len(ranked) > 1 else 0.0
    strength = 1.0 - math.exp(-s1 / 3.0)
    margin = (s1 - s2) / s1
    confidence = round(max(0.05, min(0.95, strength * (0.4 + 0.6 * margin))), 2)

    proofs = sorted(evidence[winner], key=lambda ev: (-ev.score, ev.start if ev.start is not None else -1))
    decisive = next((ev for ev in proofs if ev.start is not None), None)
    parts: list[str] = []
    for ev in proofs[:3]:
        where = "headline" if ev.zone == "headline" else "lead" if ev.zone in ("lead", "near") else "body"
        if ev.note:
            parts.append(f'{where}: {ev.note} with "{ev.words}"')
        else:
            parts.append(f'{where} says "{ev.words}"')
    reason = f"{winner}: " + "; ".join(parts) + f" (score {s1:.1f})"
    if len(ranked) > 1:
        runner, _ = ranked[1]
        other = max(evidence[runner], key=lambda ev: ev.score)
        reason += f'; against: {runner} from "{other.words}" ({s2:.1f})'
    return TypeGuess(
        winner,
        confidence,
        reason,
        decisive.start if decisive else None,
        decisive.end if decisive else None,
    )
