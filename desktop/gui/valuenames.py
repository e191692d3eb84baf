"""The archive's own words for kinds of things, as the window shows them: event types, modes, kinds of
entity, participants' roles, translation notes' kinds, certainties, languages.

The store keeps these as fixed English words (``conference``, ``in-person``, ``organisation``) or codes
(``ru``): they are the catalogue's vocabulary, exported and searched as they are. The window shows them in
its language. Anything not listed (a value an older or newer catalogue has) is shown as it is stored.
Light (Qt's translate only): the first paint's list uses it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from desktop.gui.i18n import N_, tr

if TYPE_CHECKING:  # only a type: the first paint imports this module without QtWidgets' names
    from PySide6.QtWidgets import QComboBox

# desktop.catalogue.model.EVENT_TYPES (a test keeps the two in step).
EVENT_TYPE_NAMES = {
    "conference": N_("conference"),
    "seminar": N_("seminar"),
    "forum": N_("forum"),
    "meeting": N_("meeting"),
    "visit": N_("visit"),
    "signing": N_("signing"),
    "opening": N_("opening"),
    "ceremony": N_("ceremony"),
    "launch": N_("launch"),
    "presentation": N_("presentation"),
    "programme": N_("programme"),
    "agreement": N_("agreement"),
    "anniversary": N_("anniversary"),
    "tour": N_("tour"),
    "other": N_("other"),
}
# desktop.catalogue.model.MODES ("unknown" is never shown).
MODE_NAMES = {"in-person": N_("in-person"), "online": N_("online"), "hybrid": N_("hybrid")}
# desktop.store.queries.ENTITY_KINDS, one entity's kind (the facet sections have their own plural titles).
ENTITY_KIND_NAMES = {
    "person": N_("person"),
    "organisation": N_("organisation"),
    "place": N_("place"),
    "country": N_("country"),
}
# desktop.catalogue.model.ROLES: what a participant did at an event.
ROLE_NAMES = {
    "organiser": N_("organiser"),
    "co-organiser": N_("co-organiser"),
    "host": N_("host"),
    "sponsor": N_("sponsor"),
    "supervisor": N_("supervisor"),
    "participant": N_("participant"),
    "speaker": N_("speaker"),
    "signatory": N_("signatory"),
    "visitor": N_("visitor"),
    "accompanying": N_("accompanying"),
    "presenter": N_("presenter"),
    "subject": N_("subject"),
}
# desktop.catalogue.model.NOTE_KINDS: what a translation note is about.
NOTE_KIND_NAMES = {
    "gloss": N_("gloss"),
    "name-variant": N_("name variant"),
    "transliteration": N_("transliteration"),
    "mistranslation": N_("mistranslation"),
    "garbled": N_("garbled"),
    "punctuation": N_("punctuation"),
    "dating": N_("dating"),
    "conflict": N_("conflict"),
    "omission": N_("omission"),
    "debris": N_("page debris"),
    "identification": N_("identification"),
    "other": N_("other"),
}
# How sure: a translation note's (desktop.catalogue.model.CERTAINTY) and a date's (desktop.dates).
CERTAINTY_NAMES = {
    "certain": N_("certain"),
    "probable": N_("probable"),
    "possible": N_("possible"),
    "stated": N_("stated"),
    "inferred": N_("inferred"),
    "unknown": N_("unknown"),
}
# desktop.catalogue.model.TRANSLATION_KINDS: how a translation was made.
TRANSLATION_KIND_NAMES = {
    "machine": N_("machine"),
    "agency": N_("agency"),
    "human": N_("human"),
    "unknown": N_("unknown"),
}
# A document's language by name (another code as it is).
LANGUAGE_NAMES = {
    "en": N_("English"),
    "ru": N_("Russian"),
    "be": N_("Belarusian"),
    "hi": N_("Hindi"),
    "zh": N_("Chinese"),
}


def _named(names: dict[str, str], value: object) -> str:
    text = "" if value is None else str(value)
    return tr(names[text]) if text in names else text


def type_name(value: object) -> str:
    """An event type in the window's language."""
    return _named(EVENT_TYPE_NAMES, value)


def mode_name(value: object) -> str:
    """How an event was held (in person, online, hybrid) in the window's language."""
    return _named(MODE_NAMES, value)


def kind_name(value: object) -> str:
    """A kind of entity (person, organisation, place, country) in the window's language."""
    return _named(ENTITY_KIND_NAMES, value)


def role_name(value: object) -> str:
    """A participant's role (host, speaker…) in the window's language."""
    return _named(ROLE_NAMES, value)


def note_kind_name(value: object) -> str:
    """What a translation note is about (gloss, conflict…) in the window's language."""
    return _named(NOTE_KIND_NAMES, value)


def certainty_name(value: object) -> str:
    """How sure a note or a date is (certain, probable, stated, inferred…) in the window's language."""
    return _named(CERTAINTY_NAMES, value)


def fill_choices(
    combo: QComboBox, values: Iterable[str], name: Callable[[object], str], current: str
) -> None:
    """A combo box of catalogue words shown by ``name``, each item's data the word, ``current`` chosen.

    A ``current`` the list does not hold (a word an older catalogue used) is added, so that saving
    without touching the box keeps it rather than silently changing it to the first choice.
    """
    listed = list(values)
    for value in (*listed, *(() if current in listed else (current,))):
        combo.addItem(name(value), value)
    combo.setCurrentIndex(combo.findData(current))


def translation_kind_name(value: object) -> str:
    """How a translation was made (machine, agency, human) in the window's language."""
    return _named(TRANSLATION_KIND_NAMES, value)


def language_name(code: object) -> str:
    """A language code's name in the window's language (an unknown code as it is)."""
    return _named(LANGUAGE_NAMES, code)


def facet_value_name(kind: str, value: object, label: str) -> str:
    """A facet value's label as shown: types and languages named; entities by their own names."""
    if kind == "type":
        return type_name(value)
    if kind == "language":
        return language_name(value)
    return label
