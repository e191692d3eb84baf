"""Chinese names in the archive's other scripts, and Russian names in Chinese characters.

The forms other modules use to link a name however a page wrote it: a Russian page writing «Ван Гуйин», an
English page writing "Wang Guiying", "Guiying Wang", "Wáng Guìyīng" or "Wang Kuei-ying", and a Chinese page
writing 卢卡申科 all reach the same authority entry.

The standards followed (see `SYSTEMS`):

* Hanyu Pinyin — ISO 7098:2015, with the orthography of GB/T 16159-2012 (the apostrophe before a syllable
  starting with a, o or e: Xi'an) and the rules for personal names of GB/T 28039-2011 (surname and given
  name as two words, each capitalised, the given name's syllables written together: Wang Guiying; a
  two-character surname written as one word: Ouyang Xiu).
* Wade–Giles — Thomas Wade's system (1867) as revised in Herbert Giles's dictionary (1892), in the usual
  English typography of names: given-name syllables hyphenated, aspiration apostrophes kept (Hsi Chin-p'ing);
  ``ê`` and ``ŭ`` written ``e`` and ``u``. Place names also get the Chinese Postal Map Romanization (1906)
  where it is the spelling older English texts used (Tsinan, Tsingtao, Peking).
* Palladius — the Russian Cyrillic system of Palladius (Kafarov) and P. S. Popov's Chinese–Russian
  dictionary (1888), the standard of Russian practice (atlases, the press, dictionaries): -n → -нь, -ng → -н,
  ``ъ`` between -н and a vowel (Чанъань), hui → хуэй, zi/ci/si → цзы/цы/сы.
* Xinhua — Russian → Chinese characters with the Russian–Chinese transliteration table (俄汉译音表) of the
  Xinhua News Agency's translation office (《俄语姓名译名手册》), the table GB/T 17693.4 (外语地名汉字译写导则
  俄语) adopts for place names: a consonant × vowel syllable grid, the middle dot between name parts.

pypinyin (MIT) reads the characters; it is imported inside the functions that need it, never at import time:
the window's start does not load its dictionaries.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "COMPOUND_SURNAMES",
    "EXCEPTIONS",
    "SYSTEMS",
    "name_forms",
    "palladius",
    "pinyin_join",
    "pinyin_syllables",
    "pinyin_tone_syllables",
    "place_forms",
    "split_name",
    "syllable_count",
    "wade_giles",
    "xinhua",
]

SYSTEMS: dict[str, str] = {
    "pinyin": "Hanyu Pinyin without tone marks (ISO 7098:2015; GB/T 16159-2012; names: GB/T 28039-2011)",
    "pinyin-tones": "Hanyu Pinyin with tone marks (ISO 7098:2015; GB/T 16159-2012)",
    "wade-giles": "Wade–Giles (Wade 1867, Giles 1892); place names also in Chinese Postal Map Romanization",
    "palladius": "Palladius (Kafarov) Cyrillic system for Chinese, as in Russian practice",
    "xinhua": "Russian → Chinese by the Xinhua News Agency's 俄汉译音表 (GB/T 17693.4 for place names)",
}

# ------------------------------------------------------------------------------------------ syllables
#
# Every Mandarin syllable pypinyin can return (the standard ~410, the rare ones of its dictionary, and the
# interjections m, n, ng, hm, hng, ê), as ``pinyin palladius wade-giles`` triples separated by ``;`` or a
# line break, one line or more for each initial.
# Palladius: the standard syllable table (Попов 1888; Russian Wikipedia's «Система Палладия»); Wade–Giles:
# the Giles table without the diacritics on ê and ŭ (English typography of names).
_SYLLABLE_TABLE = """
a а a; ai ай ai; an ань an; ang ан ang; ao ао ao; e э o; ei эй ei; en энь en; eng эн eng; er эр erh;
m м m; n н n; o о o; ou оу ou; ê э eh
ba ба pa; bai бай pai; ban бань pan; bang бан pang; bao бао pao; bei бэй pei; ben бэнь pen;
beng бэн peng; bi би pi; bian бянь pien; biang бян piang; biao бяо piao; bie бе pieh; bin бинь pin;
bing бин ping; bo бо po; bong бун pung; bu бу pu
pa па p'a; pai пай p'ai; pan пань p'an; pang пан p'ang; pao пао p'ao; pei пэй p'ei; pen пэнь p'en;
peng пэн p'eng; pi пи p'i; pian пянь p'ien; piao пяо p'iao; pie пе p'ieh; pin пинь p'in; ping пин p'ing;
po по p'o; pou поу p'ou; pu пу p'u
ma ма ma; mai май mai; man мань man; mang ман mang; mao мао mao; me мэ me; mei мэй mei; men мэнь men;
meng мэн meng; mi ми mi; mian мянь mien; miao мяо miao; mie ме mieh; min минь min; ming мин ming;
miu мю miu; mo мо mo; mou моу mou; mu му mu
fa фа fa; fan фань fan; fang фан fang; fei фэй fei; fen фэнь fen; feng фэн feng; fiao фяо fiao; fo фо fo;
fou фоу fou; fu фу fu
da да ta; dai дай tai; dan дань tan; dang дан tang; dao дао tao; de дэ te; dei дэй tei; den дэнь ten;
deng дэн teng; di ди ti; dia дя tia; dian дянь tien; diao дяо tiao; die де tieh; din динь tin;
ding дин ting; diu дю tiu; dong дун tung; dou доу tou; du ду tu; duan дуань tuan; dui дуй tui;
dun дунь tun; duo до to
ta та t'a; tai тай t'ai; tan тань t'an; tang тан t'ang; tao тао t'ao; te тэ t'e; tei тэй t'ei;
teng тэн t'eng; ti ти t'i; tian тянь t'ien; tiao тяо t'iao; tie те t'ieh; ting тин t'ing; tong тун t'ung;
tou тоу t'ou; tu ту t'u; tuan туань t'uan; tui туй t'ui; tun тунь t'un; tuo то t'o
na на na; nai най nai; nan нань nan; nang нан nang; nao нао nao; ne нэ ne; nei нэй nei; nen нэнь nen;
neng нэн neng; ng н ng; ni ни ni; nia ня nia; nian нянь nien; niang нян niang; niao няо niao;
nie не nieh; nin нинь nin; ning нин ning; niu ню niu; nong нун nung; nou ноу nou; nu ну nu;
nuan нуань nuan; nun нунь nun; nuo но no; nü нюй nü; nüe нюэ nüeh
la ла la; lai лай lai; lan лань lan; lang лан lang; lao лао lao; le лэ le; lei лэй lei; len лэнь len;
leng лэн leng; li ли li; lia ля lia; lian лянь lien; liang лян liang; liao ляо liao; lie ле lieh;
lin линь lin; ling лин ling; liu лю liu; lo ло lo; long лун lung; lou лоу lou; lu лу lu; luan луань luan;
lun лунь lun; luo ло lo; lü люй lü; lüe люэ lüeh
ga га ka; gai гай kai; gan гань kan; gang ган kang; gao гао kao; ge гэ ko; gei гэй kei; gen гэнь ken;
geng гэн keng; gong гун kung; gou гоу kou; gu гу ku; gua гуа kua; guai гуай kuai; guan гуань kuan;
guang гуан kuang; gui гуй kuei; gun гунь kun; guo го kuo
ka ка k'a; kai кай k'ai; kan кань k'an; kang кан k'ang; kao као k'ao; ke кэ k'o; kei кэй k'ei;
ken кэнь k'en; keng кэн k'eng; kong кун k'ung; kou коу k'ou; ku ку k'u; kua куа k'ua; kuai куай k'uai;
kuan куань k'uan; kuang куан k'uang; kui куй k'uei; kun кунь k'un; kuo ко k'uo
ha ха ha; hai хай hai; han хань han; hang хан hang; hao хао hao; he хэ ho; hei хэй hei; hen хэнь hen;
heng хэн heng; hm хм hm; hng хн hng; hong хун hung; hou хоу hou; hu ху hu; hua хуа hua; huai хуай huai;
huan хуань huan; huang хуан huang; hui хуэй hui; hun хунь hun; huo хо huo
ji цзи chi; jia цзя chia; jian цзянь chien; jiang цзян chiang; jiao цзяо chiao; jie цзе chieh;
jin цзинь chin; jing цзин ching; jiong цзюн chiung; jiu цзю chiu; ju цзюй chü; juan цзюань chüan;
jue цзюэ chüeh; jun цзюнь chün
qi ци ch'i; qia ця ch'ia; qian цянь ch'ien; qiang цян ch'iang; qiao цяо ch'iao; qie це ch'ieh;
qin цинь ch'in; qing цин ch'ing; qiong цюн ch'iung; qiu цю ch'iu; qu цюй ch'ü; quan цюань ch'üan;
que цюэ ch'üeh; qun цюнь ch'ün
xi си hsi; xia ся hsia; xian сянь hsien; xiang сян hsiang; xiao сяо hsiao; xie се hsieh; xin синь hsin;
xing син hsing; xiong сюн hsiung; xiu сю hsiu; xu сюй hsü; xuan сюань hsüan; xue сюэ hsüeh;
xun сюнь hsün
zha чжа cha; zhai чжай chai; zhan чжань chan; zhang чжан chang; zhao чжао chao; zhe чжэ che;
zhei чжэй chei; zhen чжэнь chen; zheng чжэн cheng; zhi чжи chih; zhong чжун chung; zhou чжоу chou;
zhu чжу chu; zhua чжуа chua; zhuai чжуай chuai; zhuan чжуань chuan; zhuang чжуан chuang; zhui чжуй chui;
zhun чжунь chun; zhuo чжо cho
cha ча ch'a; chai чай ch'ai; chan чань ch'an; chang чан ch'ang; chao чао ch'ao; che чэ ch'e;
chen чэнь ch'en; cheng чэн ch'eng; chi чи ch'ih; chong чун ch'ung; chou чоу ch'ou; chu чу ch'u;
chua чуа ch'ua; chuai чуай ch'uai; chuan чуань ch'uan; chuang чуан ch'uang; chui чуй ch'ui;
chun чунь ch'un; chuo чо ch'o
sha ша sha; shai шай shai; shan шань shan; shang шан shang; shao шао shao; she шэ she; shei шэй shei;
shen шэнь shen; sheng шэн sheng; shi ши shih; shou шоу shou; shu шу shu; shua шуа shua; shuai шуай shuai;
shuan шуань shuan; shuang шуан shuang; shui шуй shui; shun шунь shun; shuo шо shuo
ran жань jan; rang жан jang; rao жао jao; re жэ je; ren жэнь jen; reng жэн jeng; ri жи jih;
rong жун jung; rou жоу jou; ru жу ju; rua жуа jua; ruan жуань juan; rui жуй jui; run жунь jun; ruo жо jo
za цза tsa; zai цзай tsai; zan цзань tsan; zang цзан tsang; zao цзао tsao; ze цзэ tse; zei цзэй tsei;
zen цзэнь tsen; zeng цзэн tseng; zi цзы tzu; zong цзун tsung; zou цзоу tsou; zu цзу tsu;
zuan цзуань tsuan; zui цзуй tsui; zun цзунь tsun; zuo цзо tso
ca ца ts'a; cai цай ts'ai; can цань ts'an; cang цан ts'ang; cao цао ts'ao; ce цэ ts'e; cei цэй ts'ei;
cen цэнь ts'en; ceng цэн ts'eng; ci цы tz'u; cong цун ts'ung; cou цоу ts'ou; cu цу ts'u;
cuan цуань ts'uan; cui цуй ts'ui; cun цунь ts'un; cuo цо ts'o
sa са sa; sai сай sai; san сань san; sang сан sang; sao сао sao; se сэ se; sen сэнь sen; seng сэн seng;
si сы ssu; song сун sung; sou соу sou; su су su; suan суань suan; sui суй sui; sun сунь sun; suo со so
ya я ya; yan янь yen; yang ян yang; yao яо yao; ye е yeh; yi и i; yin инь yin; ying ин ying; yo ё yo;
yong юн yung; you ю yu; yu юй yü; yuan юань yüan; yue юэ yüeh; yun юнь yün
wa ва wa; wai вай wai; wan вань wan; wang ван wang; wei вэй wei; wen вэнь wen; weng вэн weng; wo во wo;
wong вун wung; wu у wu
"""


@functools.cache
def _syllables() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for entry in re.split(r"[;\n]", _SYLLABLE_TABLE):
        fields = entry.split()
        if fields:
            py, cyr, wg = fields
            table[py] = (cyr, wg)
    return table


def syllable_count() -> int:
    """How many pinyin syllables the Palladius and Wade–Giles tables cover."""
    return len(_syllables())


def _plain(syllable: str) -> str:
    """A syllable as the tables key it: lower case, no tone marks, ``v`` and ``u:`` written ``ü``."""
    text = unicodedata.normalize("NFD", syllable.lower().replace("u:", "ü").replace("v", "ü"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn" or ch == "\u0308")
    return unicodedata.normalize("NFC", text)


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


_CYR_VOWELS = frozenset("аеёиоуыэюя")


def palladius(syllables: list[str]) -> str:
    """Pinyin syllables (toneless or toned) in Palladius Cyrillic, written as one word, capitalised.

    ``ъ`` separates a syllable ending in -н (pinyin -ng) from a following vowel: ``chang an`` → Чанъань.
    A syllable the table does not know is kept as it was.
    """
    table = _syllables()
    out = ""
    for syllable in syllables:
        key = _plain(syllable)
        cyr = table[key][0] if key in table else key
        if out and out.endswith("н") and cyr[:1] in _CYR_VOWELS:
            out += "ъ"
        out += cyr
    return _capitalise(out)


def wade_giles(syllables: list[str], *, plain: bool = False, joiner: str = "-") -> str:
    """Pinyin syllables (toneless or toned) in Wade–Giles, hyphenated, the first letter capitalised.

    ``["jin", "ping"]`` → ``Chin-p'ing``. ``plain`` drops the aspiration apostrophes and the umlaut, as many
    English texts do (``Chin-ping``, ``Hsu``); ``joiner=""`` writes the syllables together (``Shantung``).
    """
    table = _syllables()
    parts = []
    for syllable in syllables:
        key = _plain(syllable)
        wg = table[key][1] if key in table else key
        if plain:
            wg = wg.replace("'", "").replace("ü", "u")
        parts.append(wg)
    return _capitalise(joiner.join(parts))


_INITIAL_VOWEL = frozenset("aoe")


def pinyin_join(syllables: list[str]) -> str:
    """Pinyin syllables written as one word (GB/T 16159-2012): an apostrophe before a syllable starting with
    a, o or e that is not the first (``xi an`` → ``xi'an``, ``xī ān`` → ``xī'ān``). Not capitalised."""
    out = ""
    for syllable in syllables:
        first = unicodedata.normalize("NFD", syllable[:1])[:1].lower()
        if out and first in _INITIAL_VOWEL:
            out += "'"
        out += syllable
    return out


# ------------------------------------------------------------------------------------------ surnames
#
# Surname readings that differ from a character's ordinary one (TONE3 notation; ``v`` is ü). pypinyin has
# no surname mode, so the first character of a personal name is read here: 单 Shàn, not dān.
_SURNAME_READINGS: dict[str, str] = {
    "单": "shan4", "曾": "zeng1", "解": "xie4", "仇": "qiu2", "区": "ou1", "查": "zha1", "朴": "piao2",
    "盖": "ge3", "缪": "miao4", "翟": "zhai2", "乐": "yue4", "覃": "qin2", "召": "shao4", "繁": "po2",
    "种": "chong2", "秘": "bi4", "员": "yun4", "句": "gou1", "隗": "wei3", "郇": "huan2", "任": "ren2",
    "华": "hua4", "能": "nai4", "柏": "bai3", "冼": "xian3", "洗": "xian3", "黑": "he4", "沈": "shen3",
    "莘": "shen1", "薄": "bo2", "葛": "ge3", "重": "chong2", "都": "du1", "贲": "ben1", "叶": "ye4",
    "折": "she2", "祭": "zhai4", "阚": "kan4", "长": "chang2", "藏": "zang4", "万": "wan4", "石": "shi2",
    "车": "che1", "燕": "yan1", "宁": "ning4", "过": "guo1", "纪": "ji3", "应": "ying1", "蔚": "yu4",
    "卜": "bu3", "便": "pian2", "谌": "chen2", "曲": "qu1", "角": "jue2", "相": "xiang4", "吕": "lv3",
    "褚": "chu3", "贾": "jia3", "朝": "chao2", "行": "xing2", "尉": "wei4", "乜": "nie4", "占": "zhan1",
    "粘": "nian2", "逄": "pang2", "眭": "sui1", "牟": "mou2", "澹": "tan2", "宿": "su4", "哈": "ha3",
    "蕃": "pi2", "雍": "yong1",
}  # fmt: skip

# Two-character surnames (复姓) and their readings; a name of three or more characters starting with one
# of them has it as its surname (a two-character name is surname + given name: 单于 is Shan Yu).
COMPOUND_SURNAMES: dict[str, str] = {
    "欧阳": "ou1 yang2", "司马": "si1 ma3", "诸葛": "zhu1 ge3", "上官": "shang4 guan1", "司徒": "si1 tu2",
    "东方": "dong1 fang1", "皇甫": "huang2 fu3", "尉迟": "yu4 chi2", "公孙": "gong1 sun1",
    "慕容": "mu4 rong2", "令狐": "ling2 hu2", "长孙": "zhang3 sun1", "宇文": "yu3 wen2", "夏侯": "xia4 hou2",
    "轩辕": "xuan1 yuan2", "端木": "duan1 mu4", "万俟": "mo4 qi2", "澹台": "tan2 tai2", "呼延": "hu1 yan2",
    "司空": "si1 kong1", "南宫": "nan2 gong1", "西门": "xi1 men2", "申屠": "shen1 tu2", "独孤": "du2 gu1",
    "闻人": "wen2 ren2", "公冶": "gong1 ye3", "太叔": "tai4 shu1", "钟离": "zhong1 li2",
    "宗政": "zong1 zheng4", "濮阳": "pu2 yang2", "淳于": "chun2 yu2", "赫连": "he4 lian2",
    "百里": "bai3 li3", "东郭": "dong1 guo1", "拓跋": "tuo4 ba2", "左丘": "zuo3 qiu1", "第五": "di4 wu3",
    "公羊": "gong1 yang2", "梁丘": "liang2 qiu1", "羊舌": "yang2 she2", "微生": "wei1 sheng1",
    "巫马": "wu1 ma3", "乐正": "yue4 zheng4", "段干": "duan4 gan1", "颛孙": "zhuan1 sun1",
    "亓官": "qi2 guan1", "司寇": "si1 kou4", "鲜于": "xian1 yu2", "闾丘": "lv2 qiu1", "谷梁": "gu3 liang2",
    "公西": "gong1 xi1", "漆雕": "qi1 diao1", "公良": "gong1 liang2", "夹谷": "jia2 gu3",
    "东门": "dong1 men2", "壤驷": "rang3 si4", "公伯": "gong1 bo2", "梁父": "liang2 fu3",
}  # fmt: skip


def split_name(han: str) -> tuple[str, str]:
    """A Chinese personal name as (surname, given name): the first character, or the first two when the
    name has three or more characters and starts with a compound surname (欧阳修 → 欧阳, 修)."""
    han = han.strip()
    if len(han) >= 3 and han[:2] in COMPOUND_SURNAMES:
        return han[:2], han[2:]
    return han[:1], han[1:]


def _tone3(han: str) -> list[str]:
    """pypinyin's reading of a run of characters, TONE3 notation (``lv3``), words read as phrases."""
    from pypinyin import Style, lazy_pinyin

    return [s for s in lazy_pinyin(han, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore") if s]


def _tone3_name(han: str, surname: bool) -> list[str]:
    if not surname:
        return _tone3(han)
    family, given = split_name(han)
    if family in COMPOUND_SURNAMES:
        head = COMPOUND_SURNAMES[family].split()
    elif family in _SURNAME_READINGS:
        head = [_SURNAME_READINGS[family]]
    else:
        head = _tone3(family)
    return head + _tone3(given)


def pinyin_syllables(han: str, *, surname: bool = True) -> list[str]:
    """Toneless pinyin syllables of Chinese characters, lower case, ü kept (``吕`` → ``["lü"]``).

    With ``surname`` (the default: a personal name) the first character, or a compound surname, is read as a
    surname: 单 → shan, 曾 → zeng, 解 → xie, 区 → ou. pypinyin (Style.NORMAL readings, phrase-aware) reads
    the rest; it has no surname mode of its own. ``surname=False`` reads a place name or a word.
    """
    from pypinyin.contrib.tone_convert import tone3_to_normal

    return [tone3_to_normal(s, v_to_u=True) for s in _tone3_name(han, surname)]


def pinyin_tone_syllables(han: str, *, surname: bool = True) -> list[str]:
    """Like `pinyin_syllables`, with tone marks: 王桂英 → ``["wáng", "guì", "yīng"]``."""
    from pypinyin.contrib.tone_convert import tone3_to_tone

    return [tone3_to_tone(s) for s in _tone3_name(han, surname)]


# ------------------------------------------------------------------------------------------ forms


def _add(forms: list[tuple[str, str]], form: str, system: str) -> None:
    if form.strip() and all(form != f for f, _ in forms):
        forms.append((form, system))


def name_forms(han: str) -> list[tuple[str, str]]:
    """The distinct (form, system) pairs of a Chinese personal name, most usual first.

    王桂英 → ("Wang Guiying", "pinyin"), ("Guiying Wang", "pinyin"), ("Wáng Guìyīng", "pinyin-tones"),
    ("Wang Kuei-ying", "wade-giles"), ("Ван Гуйин", "palladius"). A name with ü also gets the passport
    spelling ``yu`` (吕 → Lyu); a Wade–Giles name with apostrophes also its plain form (Hsi Chin-ping).
    """
    from pypinyin.contrib.tone_convert import tone3_to_normal, tone3_to_tone

    family = split_name(han)[0]
    if not family:
        return []
    toned = _tone3_name(han, True)
    n = len(COMPOUND_SURNAMES[family].split()) if family in COMPOUND_SURNAMES else 1
    plain = [tone3_to_normal(s, v_to_u=True) for s in toned]
    marks = [tone3_to_tone(s) for s in toned]
    sur, giv, sur_t, giv_t = plain[:n], plain[n:], marks[:n], marks[n:]
    forms: list[tuple[str, str]] = []

    def two(a: str, b: str) -> str:
        return f"{a} {b}" if b else a

    py_sur, py_giv = _capitalise(pinyin_join(sur)), _capitalise(pinyin_join(giv))
    _add(forms, two(py_sur, py_giv), "pinyin")
    if py_giv:
        _add(forms, f"{py_giv} {py_sur}", "pinyin")
    _add(forms, two(_capitalise(pinyin_join(sur_t)), _capitalise(pinyin_join(giv_t))), "pinyin-tones")
    if "ü" in py_sur + py_giv:
        yu_sur, yu_giv = py_sur.replace("ü", "yu"), py_giv.replace("ü", "yu")
        _add(forms, two(yu_sur, yu_giv), "pinyin")
        if yu_giv:
            _add(forms, f"{yu_giv} {yu_sur}", "pinyin")
    for plain_wg in (False, True):
        wg_giv = wade_giles(giv, plain=plain_wg) if giv else ""
        _add(forms, two(wade_giles(sur, plain=plain_wg), wg_giv), "wade-giles")
    _add(forms, two(palladius(sur), palladius(giv) if giv else ""), "palladius")
    return forms


# Place names whose usual spelling is not the system's: conventional English names and the Chinese Postal
# Map Romanization (tagged with the system they stand beside), and conventional Russian names (tagged
# palladius). The system's own spelling is given as well: both are found on pages.
_PLACE_EN: dict[str, list[tuple[str, str]]] = {
    "哈尔滨": [("Harbin", "pinyin")], "香港": [("Hong Kong", "pinyin")],
    "澳门": [("Macau", "pinyin"), ("Macao", "pinyin")], "西藏": [("Tibet", "pinyin")],
    "内蒙古": [("Inner Mongolia", "pinyin")], "乌鲁木齐": [("Urumqi", "pinyin")],
    "呼和浩特": [("Hohhot", "pinyin")], "拉萨": [("Lhasa", "pinyin")], "喀什": [("Kashgar", "pinyin")],
    "北京": [("Peking", "wade-giles")], "南京": [("Nanking", "wade-giles")],
    "广州": [("Canton", "wade-giles")], "济南": [("Tsinan", "wade-giles")],
    "青岛": [("Tsingtao", "wade-giles")], "天津": [("Tientsin", "wade-giles")],
    "重庆": [("Chungking", "wade-giles")], "四川": [("Szechwan", "wade-giles")],
    "厦门": [("Amoy", "wade-giles")], "福建": [("Fukien", "wade-giles")],
    "广东": [("Kwangtung", "wade-giles")], "广西": [("Kwangsi", "wade-giles")],
    "江苏": [("Kiangsu", "wade-giles")], "江西": [("Kiangsi", "wade-giles")],
    "浙江": [("Chekiang", "wade-giles")], "河南": [("Honan", "wade-giles")],
    "河北": [("Hopeh", "wade-giles")], "湖北": [("Hupeh", "wade-giles")],
    "山西": [("Shansi", "wade-giles")], "陕西": [("Shensi", "wade-giles")],
    "甘肃": [("Kansu", "wade-giles")], "安徽": [("Anhwei", "wade-giles")],
    "贵州": [("Kweichow", "wade-giles")], "新疆": [("Sinkiang", "wade-giles")],
    "青海": [("Tsinghai", "wade-giles")], "宁夏": [("Ningsia", "wade-giles")],
    "黑龙江": [("Heilungkiang", "wade-giles")], "吉林": [("Kirin", "wade-giles")],
    "西安": [("Sian", "wade-giles")], "杭州": [("Hangchow", "wade-giles")],
    "苏州": [("Soochow", "wade-giles")], "福州": [("Foochow", "wade-giles")],
    "成都": [("Chengtu", "wade-giles")], "沈阳": [("Mukden", "wade-giles")],
}  # fmt: skip
_PLACE_RU: dict[str, str] = {
    # Palladius strict would give Хаэрбинь, Бэйцзин, Наньцзин, Сянган, Аомэнь, Сицзан, Аньхуэй, Улумуци,
    # Саса, Каши, Шаньси (the same as 山西), Хухэхаотэ, Нэймэнгу: Russian texts use these names instead.
    "哈尔滨": "Харбин", "北京": "Пекин", "南京": "Нанкин", "香港": "Гонконг", "澳门": "Макао",
    "西藏": "Тибет", "安徽": "Аньхой", "乌鲁木齐": "Урумчи", "拉萨": "Лхаса", "喀什": "Кашгар",
    "陕西": "Шэньси", "呼和浩特": "Хух-Хото", "内蒙古": "Внутренняя Монголия",
}  # fmt: skip
_PLACE_SUFFIXES: dict[str, tuple[str, str]] = {
    "市": ("Shi", "City"),
    "省": ("Sheng", "Province"),
    "县": ("Xian", "County"),
    "区": ("Qu", "District"),
}


def place_forms(han: str) -> list[tuple[str, str]]:
    """The distinct (form, system) pairs of a Chinese place name, most usual first.

    济南 → Jinan, Jǐnán, Tsinan (postal), Chi-nan, Chinan, Цзинань. A final 市/省/县/区 is stripped for the
    bare form (济南市 → the forms of 济南) when two or more characters remain, and the full form follows in
    pinyin ("Jinan Shi", "Jǐnán Shì") and with the English generic ("Jinan City", "Shandong Province").
    Where Russian uses a conventional name it comes before the strict Palladius one: 哈尔滨 → Харбин, then
    Хаэрбинь.
    """
    han = han.strip()
    if not han:
        return []
    bare, suffix = han, ""
    if len(han) >= 3 and han[-1] in _PLACE_SUFFIXES:
        bare, suffix = han[:-1], han[-1]
    from pypinyin.contrib.tone_convert import tone3_to_normal, tone3_to_tone

    toned = _tone3(bare)
    plain = [tone3_to_normal(s, v_to_u=True) for s in toned]
    marks = [tone3_to_tone(s) for s in toned]
    forms: list[tuple[str, str]] = []
    conventional = _PLACE_EN.get(bare, [])
    for form, system in conventional:
        if system == "pinyin":
            _add(forms, form, system)
    py, py_t = _capitalise(pinyin_join(plain)), _capitalise(pinyin_join(marks))
    _add(forms, py, "pinyin")
    _add(forms, py_t, "pinyin-tones")
    for form, system in conventional:
        if system == "wade-giles":
            _add(forms, form, system)
    _add(forms, wade_giles(plain), "wade-giles")
    _add(forms, wade_giles(plain, plain=True), "wade-giles")
    _add(forms, wade_giles(plain, plain=True, joiner=""), "wade-giles")
    if bare in _PLACE_RU:
        _add(forms, _PLACE_RU[bare], "palladius")
    _add(forms, palladius(plain), "palladius")
    if suffix:
        generic, english = _PLACE_SUFFIXES[suffix]
        suffix_t = tone3_to_tone(_tone3(suffix)[0])
        _add(forms, f"{py} {generic}", "pinyin")
        _add(forms, f"{py_t} {_capitalise(suffix_t)}", "pinyin-tones")
        english_names = [form for form, system in conventional if system == "pinyin"] or [py]
        _add(forms, f"{english_names[0]} {english}", "pinyin")
    return forms


# ------------------------------------------------------------------------------------------ Xinhua
#
# The 俄汉译音表: rows are Russian consonants (дз is written з, тч/дч ч, сч щ, дц/тц/дс/тс/цс ц), columns
# the vowel or vowel + й/н combination after them; the first column is the consonant with no vowel (before
# another consonant or at the end of a word), the "-" row the vowels with no consonant. A cell of "-" is a
# combination the table does not list (its consonant and vowel are then written separately). Where the
# table gives a second character for women's names (娅, 娜, 娃 …) or for the start of a word (弗, 叶, 勒)
# the rules in `xinhua` choose it; the cells hold the standard character.
_XINHUA_COLUMNS = ("", "а", "я", "э", "е", "ы", "и", "о", "ё", "у", "ю", "ай", "ао", "уй", "ан", "ян", "ен",
                   "эн", "ин", "он", "ун", "юн")  # fmt: skip
_XINHUA_GRID = """
-   -  阿 亚   埃 耶 厄 伊 奥 约   乌 尤   艾   奥 维   安 扬   延 恩 因 翁 温 云
б   布 巴 比亚 贝 别 贝 比 博 比奥 布 比尤 拜   包 布伊 班 比扬 边 本 宾 邦 本 -
п   普 帕 皮亚 佩 佩 佩 皮 波 皮奥 普 皮尤 派   保 普伊 潘 皮扬 片 彭 平 蓬 蓬 -
д   德 达 佳   代 杰 德 季 多 焦   杜 久   代   道 杜伊 丹 江   坚 登 金 顿 敦 -
т   特 塔 佳   泰 捷 特 季 托 乔   图 秋   泰   陶 图伊 坦 强   坚 滕 京 东 通 琼
г   格 加 吉亚 盖 格 格 吉 戈 吉奥 古 久   盖   高 圭   甘 吉扬 根 根 金 贡 贡 -
к   克 卡 基亚 凯 克 克 基 科 基奥 库 丘   凯   考 奎   坎 基扬 肯 肯 金 孔 昆 -
в   夫 瓦 维亚 韦 韦 维 维 沃 维奥 武 维尤 瓦伊 沃 维   万 维扬 文 文 温 翁 文 -
ф   夫 法 菲亚 费 费 菲 菲 福 菲奥 富 菲尤 法伊 福 富伊 凡 菲扬 芬 芬 芬 丰 丰 -
з   兹 扎 贾   泽 泽 济 济 佐 焦   祖 久   宰   藻 祖伊 赞 江   津 曾 津 宗 尊 -
с   斯 萨 夏   塞 谢 瑟 西 索 肖   苏 休   赛   绍 绥   桑 相   先 森 辛 松 孙 雄
ж   日 扎 扎   热 热 日 日 若 若   茹 茹   扎伊 饶 瑞   然 让   任 任 任 容 容 -
ш   什 沙 沙   舍 舍 希 希 绍 绍   舒 舒   沙伊 绍 舒伊 尚 尚   申 申 申 雄 顺 -
дж  季 贾 贾   杰 杰 吉 吉 焦 焦   朱 久   贾伊 焦 朱伊 占 江   真 真 金 忠 准 -
ч   奇 恰 恰   切 切 奇 奇 乔 乔   丘 丘   柴   乔 崔   昌 强   琴 琴 钦 琼 春 -
щ   希 夏 夏   谢 谢 希 希 晓 晓   休 休   夏伊 肖 休伊 先 先   先 先 辛 雄 逊 -
ц   茨 察 齐亚 采 采 齐 齐 措 齐奥 楚 秋   采   曹 崔   灿 齐扬 岑 岑 钦 聪 聪 -
х   赫 哈 希亚 海 赫 黑 希 霍 霍   胡 休   海   豪 惠   汉 希扬 亨 亨 欣 洪 洪 -
м   姆 马 米亚 梅 梅 梅 米 莫 苗   穆 缪   迈   毛 穆伊 曼 米扬 缅 门 明 蒙 蒙 敏
н   恩 纳 尼亚 内 涅 内 尼 诺 尼奥 努 纽   奈   瑙 努伊 南 尼扬 年 嫩 宁 农 嫩 纽恩
л   尔 拉 利亚 莱 列 雷 利 洛 廖   卢 柳   莱   劳 卢伊 兰 良   连 伦 林 隆 伦 -
р   尔 拉 里亚 雷 列 雷 里 罗 廖   鲁 留   赖   劳 鲁伊 兰 良   连 伦 林 龙 伦 -
"""


@functools.cache
def _xinhua_grid() -> dict[tuple[str, str], str]:
    grid: dict[tuple[str, str], str] = {}
    for line in _XINHUA_GRID.strip().splitlines():
        cells = line.split()
        consonant = "" if cells[0] == "-" else cells[0]
        for column, cell in zip(_XINHUA_COLUMNS, cells[1:], strict=True):
            if cell != "-":
                grid[(consonant, column)] = cell
    return grid


# Conventional forms that differ from what the table gives (the table's result in the comment); looked up
# per word, lower case. Путин (普京) and Медведев (梅德韦杰夫) are regular and need no entry.
EXCEPTIONS: dict[str, str] = {
    # given names and the patronymics made from them
    "александр": "亚历山大",  # table: 阿列克桑德尔
    "александрович": "亚历山德罗维奇",  # table: 阿列克桑德罗维奇
    "александровна": "亚历山德罗芙娜",
    "владимир": "弗拉基米尔",  # table: 弗拉季米尔 (ди → 季)
    "владимирович": "弗拉基米罗维奇",
    "владимировна": "弗拉基米罗芙娜",
    "сергей": "谢尔盖",  # table: 谢尔格
    "сергеевич": "谢尔盖耶维奇",
    "сергеевна": "谢尔盖耶芙娜",
    "сергеев": "谢尔盖耶夫",
    "андрей": "安德烈",  # table: 安德列
    "андреевич": "安德烈耶维奇",
    "андреевна": "安德烈耶芙娜",
    "андреев": "安德烈耶夫",
    "николай": "尼古拉",  # table: 尼科莱
    "николаевич": "尼古拉耶维奇",
    "николаевна": "尼古拉耶芙娜",
    "пётр": "彼得",  # table: 皮奥特尔
    "петр": "彼得",
    "петрович": "彼得罗维奇",  # table: 佩特罗维奇
    "петровна": "彼得罗芙娜",
    "евгений": "叶夫根尼",  # table: 叶夫格尼
    "константин": "康斯坦丁",  # table: 孔斯坦京
    "игорь": "伊戈尔",  # table: 伊戈里
    "семён": "谢苗",  # table: 谢苗恩 (the grid has no ён column)
    # surnames with a form fixed by long use
    "сталин": "斯大林",  # table: 斯塔林
    "пушкин": "普希金",  # table: 普什金
    "толстой": "托尔斯泰",  # table: 托尔斯托伊
    "чайковский": "柴可夫斯基",  # table: 柴科夫斯基
    "горький": "高尔基",  # table: 戈里基
    "чехов": "契诃夫",  # table: 切霍夫
    "гоголь": "果戈理",  # table: 戈戈利
    "шолохов": "肖洛霍夫",  # table: 绍洛霍夫
    "достоевский": "陀思妥耶夫斯基",  # table: 多斯托耶夫斯基
    "ломоносов": "罗蒙诺索夫",  # table: 洛莫诺索夫
    # places
    "москва": "莫斯科",  # table: 莫斯克瓦
    "россия": "俄罗斯",  # table: 罗西亚
    "беларусь": "白俄罗斯",  # table: 别拉鲁西
    "белоруссия": "白俄罗斯",  # table: 别洛鲁西亚
    "киев": "基辅",  # table: 基耶夫
    "санкт-петербург": "圣彼得堡",  # table: 桑克特-佩捷尔布尔格
    "новополоцк": "新波洛茨克",  # table: 诺沃波洛茨克 (Ново- translated)
    "донецк": "顿涅茨克",  # table: 多涅茨克 (the Don: 顿河)
    "могилев": "莫吉廖夫",  # «ё» written «е»: the table gives 莫吉列夫 (Могилёв 莫吉廖夫 is regular)
}

_XINHUA_VOWELS = frozenset("аяэеыиоёую")
_XINHUA_CLUSTERS = {"дж": "дж", "дз": "з", "тч": "ч", "дч": "ч", "сч": "щ", "дц": "ц", "тц": "ц", "дс": "ц",
                    "тс": "ц", "цс": "ц"}  # fmt: skip
_XINHUA_CONSONANTS = frozenset("бпдтгквфзсжшчщцхмнлр")
_NASAL = {"а": "ан", "я": "ян", "е": "ен", "э": "эн", "ы": "эн", "и": "ин", "о": "он", "у": "ун", "ю": "юн"}
# A given name ending in н keeps its н before a suffix starting with a vowel, and that н also begins the
# next syllable (the table's rule for Иванов → 伊万诺夫, Иванович → 伊万诺维奇; not for Баранов → 巴拉诺夫).
_N_STEM = re.compile(
    r"^(иван|степан|роман|антон|тихон|платон|мирон|харитон|леон|филимон|самсон|симон|никон|демьян|лукьян"
    r"|емельян|касьян)(ов|ова|ович|овна|ев|ева|ин|ина)$"
)
# A woman's name ending in a vowel + -на is a stem in н + the ending -а, so the н is doubled as above.
_FEMALE_N = re.compile(r"[аяэеыиоую]на$")
# The characters of women's names, in a word ending in -а/-я: the last character (Кочанова 科恰诺娃), the
# one before it for -овна/-ина (伊万诺芙娜, 伊琳娜), the first for На-/Ма- (Наталья 娜塔利娅, Мария 玛里娅).
_FEMALE_LAST = str.maketrans({
    "亚": "娅", "纳": "娜", "瓦": "娃", "马": "玛", "沙": "莎", "巴": "芭", "利": "莉", "里": "丽",
    "尼": "妮", "林": "琳", "雷": "蕾", "代": "黛", "真": "珍", "罗": "萝", "休": "秀", "夏": "霞",
})  # fmt: skip
_FEMALE_BEFORE_LAST = str.maketrans({"夫": "芙", "林": "琳"})
_FEMALE_FIRST = str.maketrans({"纳": "娜", "马": "玛"})
_PLACE_INITIAL = {"西": "锡", "南": "楠", "东": "栋"}
_PLACE_FINAL = {"江": "姜", "南": "楠"}


def _xinhua_units(word: str, female: bool) -> list[str]:
    """A Russian word as table units: consonants (clusters merged), vowels, й, ь; ъ and other signs dropped,
    a doubled consonant other than н written once."""
    word = word.replace("чт", "шт").replace("гк", "хк")
    match = _N_STEM.match(word)
    if match:
        word = match.group(1) + "н" + match.group(2)
    elif female and _FEMALE_N.search(word):  # the stem's н and the ending -а: Елена 叶连娜, Ирина 伊琳娜
        word = word[:-1] + "на"
    units: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _XINHUA_CLUSTERS:
            unit, i = _XINHUA_CLUSTERS[pair], i + 2
        else:
            unit, i = word[i], i + 1
        if unit in _XINHUA_CONSONANTS or unit == "дж":
            if units and units[-1] == unit and unit != "н":
                continue
            units.append(unit)
        elif unit in _XINHUA_VOWELS or unit in ("й", "ь"):
            units.append(unit)
    return units


def _is_consonant(unit: str) -> bool:
    return unit in _XINHUA_CONSONANTS or unit == "дж"


def _xinhua_word(word: str, female: bool = False) -> str:
    grid = _xinhua_grid()
    units = _xinhua_units(word, female)
    n = len(units)
    out: list[str] = []

    def at(k: int) -> str:
        return units[k] if 0 <= k < n else ""

    def vowel_group(consonant: str, k: int) -> int:
        """Write the vowel at k (after `consonant`, or alone) with a following н or й it takes; return the
        index after what it used."""
        vowel = units[k]
        initial_e = consonant == "" and vowel == "е"  # е with no consonant: 叶 first in a word, 耶 after
        nxt, after = at(k + 1), at(k + 2)
        column, used, extra = vowel, k + 1, ""
        closes = after == "" or _is_consonant(after) or (after == "ь" and at(k + 3) not in _XINHUA_VOWELS)
        if nxt == "н" and vowel in _NASAL and closes:
            column, used = _NASAL[vowel], k + 2
            if after == "ь":
                used += 1
        elif nxt == "й" and after not in _XINHUA_VOWELS:
            used = k + 2
            if vowel == "а":
                column = "ай"
            elif vowel == "у":
                column = "уй"
            elif vowel == "е" and after == "":
                pass  # a final -ей is written with the е cell alone: Андрей 安德烈, Алексей 阿列克谢
            elif vowel not in ("э", "ы", "и"):
                extra = "伊"
        elif vowel == "а" and nxt == "и" and after == "":
            column, used = "ай", k + 2
        elif vowel == "а" and nxt in ("у", "о") and after not in _XINHUA_VOWELS and after != "й":
            column, used = "ао", k + 2
        cell = grid.get((consonant, column))
        if cell is None:  # a combination the table lacks: the parts one by one
            cell = grid.get((consonant, vowel), "") + ("恩" if column in _NASAL.values() else "")
        if initial_e and column == "е":
            cell = "叶" if k == 0 else "耶"
        out.append(cell + extra)
        return used

    i = 0
    while i < n:
        unit = units[i]
        if _is_consonant(unit):
            nxt = at(i + 1)
            if nxt == "ь" and at(i + 2) in ("ю", "и"):  # the table's ью and ьи: лью 柳, рьи 里
                i = vowel_group(unit, i + 2)
            elif nxt in _XINHUA_VOWELS:
                i = vowel_group(unit, i + 1)
            elif nxt == "ь":  # a soft consonant: the и cell (ль 利, ть 季); ья, ье … → 亚, 耶 … follow
                out.append(grid[(unit, "и")])
                i += 2
            else:
                if i == 0 and unit in ("в", "ф"):
                    out.append("弗")
                elif i == 0 and unit in ("л", "р") and _is_consonant(nxt):
                    out.append("勒")
                else:
                    out.append(grid[(unit, "")])
                i += 1
        elif unit in _XINHUA_VOWELS:
            i = vowel_group("", i)
        elif unit == "й":
            if at(i + 1) in _XINHUA_VOWELS:  # йо, йе … are the iotated vowels
                units[i + 1] = {"а": "я", "у": "ю", "о": "ё", "э": "е"}.get(units[i + 1], units[i + 1])
                i += 1
                if units[i] == "е":
                    out.append("耶" if i > 1 else "叶")
                    i += 1
                continue
            out.append("伊")
            i += 1
        else:  # ь after a vowel, or one already used
            i += 1
    return "".join(out)


def xinhua(cyrillic_name: str, *, female: bool = False, place: bool = False) -> str:
    """A Russian name in Chinese characters by the Xinhua 俄汉译音表, its words joined by the middle dot.

    ``Александр Лукашенко`` → ``亚历山大·卢卡申科``; ``Минск`` → ``明斯克``. Conventional forms in
    `EXCEPTIONS` win over the table (per word). The table's rules applied:

    * чт → 什 + т, гк → 赫 + к; в/ф at the start of a word 弗, л/р at the start before a consonant 勒,
      е at the start 叶 (耶 elsewhere);
    * -ой and -ей inside a word add 伊, a final -ей does not; -ий/-ый are the и/ы cell;
    * ью and ьи are the ю and и cells; ья, ье, ьё the soft consonant (и cell) + 亚, 耶, 约;
    * a doubled consonant is written once, but нн is ан + на (Анна 安娜), and a given name's н is doubled
      before -ов, -ович … (Иванов 伊万诺夫).

    ``female``: the characters of women's names in words ending in -а/-я (Наталья Ивановна Кочанова →
    娜塔利娅·伊万诺芙娜·科恰诺娃), and a final vowel + -на doubles its н (Ирина 伊琳娜). ``place``: the
    characters of place names (锡, 楠, 栋 first; 姜, 楠 last). Belarusian і and ў are read as и and в.
    Spell ё where the name has it, е is read as е: Горбачёв gives 戈尔巴乔夫, Горбачев 戈尔巴切夫.
    """
    words = []
    for raw in re.split(r"\s+", cyrillic_name.strip()):
        word = raw.lower().replace("і", "и").replace("ў", "в")
        if not word:
            continue
        if word in EXCEPTIONS:
            words.append(EXCEPTIONS[word])
            continue
        parts = []
        for part in word.split("-"):
            text = EXCEPTIONS.get(part) or _xinhua_word(part, female)
            if text and female and part not in EXCEPTIONS and part[-1] in "ая":
                chars = list(text)
                chars[-1] = chars[-1].translate(_FEMALE_LAST)
                if len(chars) > 1:
                    chars[-2] = chars[-2].translate(_FEMALE_BEFORE_LAST)
                    chars[0] = chars[0].translate(_FEMALE_FIRST)
                text = "".join(chars)
            if text and place and part not in EXCEPTIONS:
                text = _PLACE_INITIAL.get(text[0], text[0]) + text[1:]
                if len(text) > 1:
                    text = text[:-1] + _PLACE_FINAL.get(text[-1], text[-1])
            if text:
                parts.append(text)
        if parts:
            words.append("-".join(parts))
    return "·".join(words)
