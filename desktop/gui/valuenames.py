"""The archive's own words for kinds of things, as the window shows them: event types, modes, kinds of
entity, languages.

The store keeps these as fixed English words (``conference``, ``in-person``, ``organisation``) or codes
(``ru``): they are the catalogue's vocabulary, exported and searched as they are. The window shows them in
its language. Anything not listed (a value an older or newer catalogue has) is shown as it is stored.
Light (Qt's translate only): the first paint's list uses it.
"""

from __future__ import annotations

from desktop.gui.i18n import N_, tr

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
