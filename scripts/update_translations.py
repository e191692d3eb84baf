"""Update the window's translations: collect its words from desktop/gui/ and merge them into
resources/i18n/archive_viewer_<lang>.ts (Qt Linguist's format; translations already made are kept, new words
left unfinished), then compile each to the .qm file the app loads (pyside6-lrelease).

    python scripts/update_translations.py

The words are the literals given to tr(), N_() and the window's action() helper (its text and tip); a count,
plural(n, "word"), is the numerus message "%n word(s)" with a form for each of the language's plurals.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "desktop" / "gui"
OUT = ROOT / "resources" / "i18n"
CONTEXT = "ArchiveViewer"
LANGUAGES = ("ru", "zh")
PLURAL_FORMS = {"ru": 3, "zh": 1}  # Qt's numerus forms: one, few, many; Chinese has one


def counts() -> list[str]:
    """The numerus messages: the words given to plural(n, "word")."""
    found: dict[str, None] = {}
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "plural":
                word = node.args[1] if len(node.args) > 1 else None
                if isinstance(word, ast.Constant) and isinstance(word.value, str):
                    found.setdefault(f"%n {word.value}(s)", None)
    return list(found)


def words() -> list[str]:
    found: dict[str, None] = {}
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            texts: list[ast.expr] = []
            if node.func.id in ("tr", "N_") and node.args:
                texts = [node.args[0]]
            elif node.func.id == "action":
                texts = [node.args[0], *node.args[3:4], *(k.value for k in node.keywords if k.arg == "tip")]
            for t in texts:
                if isinstance(t, ast.Constant) and isinstance(t.value, str) and t.value:
                    found.setdefault(t.value, None)
    return list(found)


def merge(language: str, sources: list[str], numerus: list[str] | None = None) -> Path:
    path = OUT / f"archive_viewer_{language}.ts"
    known: dict[str, str] = {}
    known_forms: dict[str, list[str]] = {}
    if path.exists():
        for message in ET.parse(path).getroot().iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if not source or translation is None or translation.get("type") == "obsolete":
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if forms and all(forms):
                known_forms[source] = forms
            elif translation.text:
                known[source] = translation.text
    root = ET.Element("TS", version="2.1", language={"ru": "ru_RU", "zh": "zh_CN"}[language])
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sources:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in known:
            translation.text = known[source]
        else:
            translation.set("type", "unfinished")
    for source in numerus or []:
        message = ET.SubElement(context, "message", numerus="yes")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        forms = known_forms.get(source)
        if forms is None or len(forms) != PLURAL_FORMS[language]:
            translation.set("type", "unfinished")
            forms = [""] * PLURAL_FORMS[language]
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    ET.indent(root)
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n",
        encoding="utf-8",
    )
    return path


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    sources, numerus = words(), counts()
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for language in LANGUAGES:
        ts = merge(language, sources, numerus)
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    print(f"{len(sources)} words and {len(numerus)} counts; {', '.join(LANGUAGES)} updated in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
