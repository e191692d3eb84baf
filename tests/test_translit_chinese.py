"""Chinese names in pinyin, Wade–Giles and Palladius, and Russian names in Chinese by the Xinhua table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.translit import chinese
from desktop.translit.chinese import (
    EXCEPTIONS,
    SYSTEMS,
    name_forms,
    palladius,
    pinyin_join,
    pinyin_syllables,
    pinyin_tone_syllables,
    place_forms,
    split_name,
    wade_giles,
    xinhua,
)

REPO = Path(__file__).resolve().parent.parent


def _forms(pairs: list[tuple[str, str]], system: str) -> list[str]:
    return [form for form, sys_id in pairs if sys_id == system]


def test_systems() -> None:
    assert set(SYSTEMS) == {"pinyin", "pinyin-tones", "wade-giles", "palladius", "xinhua"}


def test_the_module_does_not_load_pypinyin_when_imported() -> None:
    code = "import sys, desktop.translit.chinese; print('pypinyin' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_tables_cover_every_syllable_pypinyin_returns() -> None:
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    seen = {to_normal(p, v_to_u=True) for value in pinyin_dict.values() for p in value.split(",")}
    table = chinese._syllables()
    assert seen - set(table) == set()
    assert chinese.syllable_count() >= 410
    # every Cyrillic cell is Cyrillic, every Wade–Giles cell Latin
    assert all(all("\u0400" <= ch <= "\u04ff" for ch in cyr) for cyr, _ in table.values())
    assert all(all(ch.isascii() or ch in "üê" for ch in wg) for _, wg in table.values())


def test_wang_guiying_in_every_system() -> None:
    assert name_forms("王桂英") == [
        ("Wang Guiying", "pinyin"),
        ("Guiying Wang", "pinyin"),
        ("Wáng Guìyīng", "pinyin-tones"),
        ("Wang Kuei-ying", "wade-giles"),
        ("Ван Гуйин", "palladius"),
    ]


@pytest.mark.parametrize(
    ("han", "system", "form"),
    [
        ("习近平", "pinyin", "Xi Jinping"),
        ("习近平", "pinyin", "Jinping Xi"),
        ("习近平", "pinyin-tones", "Xí Jìnpíng"),
        ("习近平", "wade-giles", "Hsi Chin-p'ing"),
        ("习近平", "wade-giles", "Hsi Chin-ping"),
        ("习近平", "palladius", "Си Цзиньпин"),
        ("李强", "pinyin", "Li Qiang"),
        ("李强", "pinyin-tones", "Lǐ Qiáng"),
        ("李强", "wade-giles", "Li Ch'iang"),
        ("李强", "palladius", "Ли Цян"),
        ("毛泽东", "wade-giles", "Mao Tse-tung"),
        ("毛泽东", "palladius", "Мао Цзэдун"),
        ("邓小平", "wade-giles", "Teng Hsiao-p'ing"),
        ("邓小平", "palladius", "Дэн Сяопин"),
        ("周恩来", "wade-giles", "Chou En-lai"),
        ("周恩来", "palladius", "Чжоу Эньлай"),
        ("曾国藩", "pinyin", "Zeng Guofan"),  # 曾 as a surname is zēng, not céng
        ("曾国藩", "wade-giles", "Tseng Kuo-fan"),
        ("单田芳", "pinyin", "Shan Tianfang"),  # 单 as a surname is shàn, not dān
        ("单田芳", "palladius", "Шань Тяньфан"),
        ("解振华", "pinyin", "Xie Zhenhua"),  # 解 as a surname is xiè
        ("欧阳修", "pinyin", "Ouyang Xiu"),  # a compound surname is one word
        ("欧阳修", "pinyin", "Xiu Ouyang"),
        ("欧阳修", "pinyin-tones", "Ōuyáng Xiū"),
        ("欧阳修", "wade-giles", "Ou-yang Hsiu"),
        ("欧阳修", "palladius", "Оуян Сю"),
        ("司马光", "palladius", "Сыма Гуан"),
        ("诸葛亮", "pinyin", "Zhuge Liang"),
        ("诸葛亮", "wade-giles", "Chu-ko Liang"),
        ("吕大伟", "pinyin", "Lü Dawei"),
        ("吕大伟", "pinyin", "Lyu Dawei"),  # the passport spelling of ü
        ("吕大伟", "palladius", "Люй Давэй"),
    ],
)
def test_personal_names(han: str, system: str, form: str) -> None:
    assert form in _forms(name_forms(han), system)


def test_forms_are_distinct_and_tagged_with_known_systems() -> None:
    for han in ("王桂英", "李强", "欧阳修", "吕大伟"):
        pairs = name_forms(han)
        assert len({form for form, _ in pairs}) == len(pairs)
        assert {system for _, system in pairs} <= set(SYSTEMS)


@pytest.mark.parametrize(
    ("han", "expected"),
    [
        ("欧阳修", ("欧阳", "修")),
        ("司马光", ("司马", "光")),
        ("诸葛亮", ("诸葛", "亮")),
        ("王桂英", ("王", "桂英")),
        ("单于", ("单", "于")),  # two characters: surname + given name
    ],
)
def test_split_name(han: str, expected: tuple[str, str]) -> None:
    assert split_name(han) == expected


def test_syllables() -> None:
    assert pinyin_syllables("王桂英") == ["wang", "gui", "ying"]
    assert pinyin_syllables("单") == ["shan"]
    assert pinyin_syllables("区") == ["ou"]
    assert pinyin_syllables("吕") == ["lü"]
    assert pinyin_tone_syllables("王桂英") == ["wáng", "guì", "yīng"]
    assert pinyin_syllables("济南", surname=False) == ["ji", "nan"]


@pytest.mark.parametrize(
    ("han", "system", "form"),
    [
        ("济南", "pinyin", "Jinan"),
        ("济南", "pinyin-tones", "Jǐnán"),
        ("济南", "wade-giles", "Tsinan"),  # the postal spelling older English texts use
        ("济南", "wade-giles", "Chi-nan"),
        ("济南", "palladius", "Цзинань"),
        ("济南市", "palladius", "Цзинань"),  # 市 stripped for the bare form …
        ("济南市", "pinyin", "Jinan Shi"),  # … and the full form given too
        ("济南市", "pinyin", "Jinan City"),
        ("山东", "palladius", "Шаньдун"),
        ("山东", "wade-giles", "Shantung"),
        ("山东", "wade-giles", "Shan-tung"),
        ("山东省", "pinyin", "Shandong Province"),
        ("青岛", "palladius", "Циндао"),
        ("青岛", "wade-giles", "Ch'ing-tao"),
        ("青岛", "wade-giles", "Tsingtao"),
        ("青岛", "pinyin-tones", "Qīngdǎo"),
        ("西安", "pinyin", "Xi'an"),  # the apostrophe of GB/T 16159
        ("西安", "palladius", "Сиань"),
        ("长安", "palladius", "Чанъань"),  # ъ between -н (ng) and a vowel
        ("北京", "palladius", "Пекин"),
        ("北京", "wade-giles", "Peking"),
    ],
)
def test_place_names(han: str, system: str, form: str) -> None:
    assert form in _forms(place_forms(han), system)


def test_harbin_conventional_before_strict() -> None:
    # Palladius strict gives Хаэрбинь; Russian texts write Харбин: both are given, the conventional first.
    assert _forms(place_forms("哈尔滨"), "palladius") == ["Харбин", "Хаэрбинь"]
    assert palladius(pinyin_syllables("哈尔滨", surname=False)) == "Хаэрбинь"
    assert _forms(place_forms("哈尔滨"), "pinyin")[0] == "Harbin"


def test_anhui_hui_is_khuei_but_the_province_is_anhoi() -> None:
    assert palladius(["hui"]) == "Хуэй"
    assert _forms(place_forms("安徽"), "palladius") == ["Аньхой", "Аньхуэй"]


@pytest.mark.parametrize(
    ("syllables", "expected"),
    [
        (["zi"], "Цзы"),
        (["ci"], "Цы"),
        (["si"], "Сы"),
        (["zhi"], "Чжи"),
        (["ri"], "Жи"),
        (["xue"], "Сюэ"),
        (["guo"], "Го"),
        (["you"], "Ю"),
        (["yi"], "И"),
        (["wang"], "Ван"),
        (["jiong"], "Цзюн"),
        (["lüe"], "Люэ"),
        (["er"], "Эр"),
        (["xi", "an"], "Сиань"),
        (["píng", "yáo"], "Пинъяо"),
    ],
)
def test_palladius_table(syllables: list[str], expected: str) -> None:
    assert palladius(syllables) == expected


@pytest.mark.parametrize(
    ("syllables", "expected"),
    [
        (["zhi"], "Chih"),
        (["chi"], "Ch'ih"),
        (["shi"], "Shih"),
        (["ri"], "Jih"),
        (["zi"], "Tzu"),
        (["ci"], "Tz'u"),
        (["si"], "Ssu"),
        (["ge"], "Ko"),
        (["ke"], "K'o"),
        (["he"], "Ho"),
        (["yi"], "I"),
        (["you"], "Yu"),
        (["xue"], "Hsüeh"),
        (["rong"], "Jung"),
        (["jian"], "Chien"),
        (["qiong"], "Ch'iung"),
        (["gui", "ying"], "Kuei-ying"),
    ],
)
def test_wade_giles_table(syllables: list[str], expected: str) -> None:
    assert wade_giles(syllables) == expected


def test_wade_giles_plain_and_joined() -> None:
    assert wade_giles(["xu"], plain=True) == "Hsu"
    assert wade_giles(["qing", "dao"], plain=True) == "Ching-tao"
    assert wade_giles(["shan", "dong"], plain=True, joiner="") == "Shantung"


def test_pinyin_join() -> None:
    assert pinyin_join(["xi", "an"]) == "xi'an"
    assert pinyin_join(["xī", "ān"]) == "xī'ān"
    assert pinyin_join(["gui", "ying"]) == "guiying"


@pytest.mark.parametrize(
    ("russian", "expected"),
    [
        ("Лукашенко", "卢卡申科"),
        ("Минск", "明斯克"),
        ("Гомель", "戈梅利"),
        ("Гусаков", "古萨科夫"),
        ("Александр", "亚历山大"),
        ("Владимир", "弗拉基米尔"),
        ("Мясникович", "米亚斯尼科维奇"),
        ("Витебск", "维捷布斯克"),
        ("Могилёв", "莫吉廖夫"),
        ("Брест", "布列斯特"),
        ("Александр Лукашенко", "亚历山大·卢卡申科"),
        ("Александр Григорьевич Лукашенко", "亚历山大·格里戈里耶维奇·卢卡申科"),
        ("Путин", "普京"),
        ("Медведев", "梅德韦杰夫"),
        ("Мишустин", "米舒斯京"),
        ("Головченко", "戈洛夫琴科"),
        ("Горбачёв", "戈尔巴乔夫"),
        ("Гродно", "格罗德诺"),
        ("Бобруйск", "博布鲁伊斯克"),
        ("Полоцк", "波洛茨克"),
        ("Пинск", "平斯克"),
        ("Иркутск", "伊尔库茨克"),
        ("Мозырь", "莫济里"),
        ("Ельцин", "叶利钦"),
        ("Шойгу", "绍伊古"),
        ("Дмитрий", "德米特里"),
        ("Иванов", "伊万诺夫"),
        ("Баранов", "巴拉诺夫"),
        ("Андрей", "安德烈"),
        ("Алексей", "阿列克谢"),
        ("Сергей Лавров", "谢尔盖·拉夫罗夫"),
        ("Римский-Корсаков", "里姆斯基-科尔萨科夫"),
    ],
)
def test_xinhua(russian: str, expected: str) -> None:
    assert xinhua(russian) == expected


def test_xinhua_regular_names_are_not_exceptions() -> None:
    # Путин is 普京 by the table itself (пу 普, тин 京): no exception needed.
    assert "путин" not in EXCEPTIONS
    assert "лукашенко" not in EXCEPTIONS
    assert "александр" in EXCEPTIONS  # the table gives 阿列克桑德尔


def test_every_exception_differs_from_the_table() -> None:
    # An entry the table already gives would only hide a change to the table.
    same = {
        word: form
        for word, form in EXCEPTIONS.items()
        if "-".join(chinese._xinhua_word(part) for part in word.split("-")) == form
    }
    assert same == {}


def test_xinhua_women_and_places() -> None:
    assert xinhua("Наталья Ивановна Кочанова", female=True) == "娜塔利娅·伊万诺芙娜·科恰诺娃"
    assert xinhua("Анна", female=True) == "安娜"
    assert xinhua("Ирина", female=True) == "伊琳娜"
    assert xinhua("Сибай", place=True) == "锡拜"
    assert xinhua("Могилев") == "莫吉廖夫"  # ё written е, a listed exception
