"""The event type proposed from a headline and lead (desktop/ingest/eventtype.py, issue 16).

Every sentence here is written for these tests (none is taken from the development set under
tests/data/first_pass/).
"""

from __future__ import annotations

import dataclasses

import pytest

from desktop.catalogue.model import EVENT_TYPES
from desktop.ingest.eventtype import TypeGuess, guess_event_type

# (language, expected type, headline, lead)
CASES: list[tuple[str, str, str, str]] = [
    # ---------------------------------------------------------------- English
    (
        "en",
        "conference",
        "International conference on green energy held in Minsk",
        "The two-day conference brought together 200 researchers from China and Belarus.",
    ),
    (
        "en",
        "seminar",
        "Belarusian and Chinese engineers share experience at workshop in Harbin",
        "A workshop on precision agriculture took place at the agricultural university on Tuesday.",
    ),
    (
        "en",
        "forum",
        "Youth innovation forum opens in Chengdu",
        "The forum gathered students and start-ups from both countries.",
    ),
    (
        "en",
        "meeting",
        "Foreign ministers of China and Belarus hold talks in Beijing",
        "The ministers discussed trade and transit during the talks.",
    ),
    (
        "en",
        "visit",
        "Delegation from Gomel region visits Shandong",
        "The delegation toured a tractor plant and a university campus.",
    ),
    (
        "en",
        "signing",
        "Minsk and Shenzhen sign memorandum on smart city cooperation",
        "The memorandum was signed by the deputy mayors of both cities.",
    ),
    (
        "en",
        "opening",
        "Exhibition of Chinese porcelain opens at Minsk museum",
        "More than 100 pieces are on display until the end of March.",
    ),
    (
        "en",
        "ceremony",
        "Chinese teacher receives Belarusian medal",
        "The medal was presented to her by the minister at a ceremony in Minsk.",
    ),
    (
        "en",
        "launch",
        "First freight train from Xi'an arrives at Great Stone park",
        "The new rail service will run twice a week.",
    ),
    (
        "en",
        "presentation",
        "Belarusian tourism presentation in Shanghai attracts travel agencies",
        "The presentation introduced health resorts and nature reserves.",
    ),
    (
        "en",
        "programme",
        "Days of Chinese Culture to be held in Brest",
        "The festival includes concerts, film screenings and a calligraphy class.",
    ),
    (
        "en",
        "agreement",
        "Visa-free agreement between China and Belarus enters into force",
        "Citizens of both countries may now stay up to 30 days without a visa.",
    ),
    (
        "en",
        "anniversary",
        "Belarus and China celebrate 30th anniversary of diplomatic relations",
        "A reception marking the anniversary was held at the embassy.",
    ),
    (
        "en",
        "tour",
        "Belarusian State Dance Ensemble begins concert tour of China",
        "The ensemble will perform in twelve cities over three weeks.",
    ),
    (
        "en",
        "other",
        "Trade between China and Belarus grew by 20 percent",
        "Customs statistics show growth in exports of dairy products and potash.",
    ),
    # ---------------------------------------------------------------- German
    (
        "de",
        "conference",
        "Internationale Fachkonferenz zur Materialforschung in Minsk eröffnet",
        "Die Konferenz dauert drei Tage und zählt rund 300 Teilnehmer.",
    ),
    (
        "de",
        "seminar",
        "Deutsch-belarussischer Workshop zur Wasserstofftechnik",
        "Der Workshop fand an der Technischen Universität in Minsk statt.",
    ),
    (
        "de",
        "forum",
        "Wirtschaftsforum in Peking: Belarus wirbt um Investoren",
        "Am Kooperationsforum nahmen 400 Unternehmer aus beiden Ländern teil.",
    ),
    (
        "de",
        "meeting",
        "Außenminister treffen sich zu Gesprächen in Minsk",
        "Bei dem Treffen ging es um Handel und Verkehr.",
    ),
    (
        "de",
        "visit",
        "Chinesische Delegation besucht Traktorenwerk in Minsk",
        "Der Besuch dauerte zwei Tage, die Gäste sahen auch eine Molkerei.",
    ),
    (
        "de",
        "signing",
        "Belarus und China unterzeichnen Abkommen über Visafreiheit",
        "Das Abkommen wurde in Peking von den Außenministern unterzeichnet.",
    ),
    (
        "de",
        "opening",
        "Ausstellung über die Seidenstraße in Hamburg eröffnet",
        "Die Schau zeigt Fotografien aus China und Belarus.",
    ),
    (
        "de",
        "ceremony",
        "Belarussischer Forscher mit chinesischem Freundschaftspreis ausgezeichnet",
        "Die Auszeichnung wurde ihm bei einem Festakt in Peking verliehen.",
    ),
    (
        "de",
        "launch",
        "Neue Flugverbindung zwischen Minsk und Guangzhou gestartet",
        "Die erste Maschine landete am Montag in Guangzhou.",
    ),
    (
        "de",
        "presentation",
        "Belarussische Hochschulen präsentieren sich in Shanghai",
        "Bei der Präsentation stellten zwölf Universitäten ihre Studienangebote vor.",
    ),
    (
        "de",
        "programme",
        "Chinesische Kulturtage in Minsk beginnen",
        "Das Festival umfasst Konzerte, Filme und Kurse in Kalligrafie.",
    ),
    (
        "de",
        "agreement",
        "Abkommen über visafreies Reisen zwischen China und Belarus in Kraft getreten",
        "Bürger beider Länder können nun bis zu 30 Tage ohne Visum einreisen.",
    ),
    (
        "de",
        "anniversary",
        "Belarus und China feiern Jahrestag ihrer diplomatischen Beziehungen",
        "Zum Jubiläum lud die Botschaft zahlreiche Gäste in ihre Residenz.",
    ),
    (
        "de",
        "tour",
        "Belarussisches Staatsballett auf Tournee in China",
        "Das Ensemble tritt in zehn Städten zwischen Peking und Kanton auf.",
    ),
    (
        "de",
        "other",
        "Handel zwischen China und Belarus wächst weiter",
        "Die Exporte von Milchprodukten stiegen im ersten Halbjahr um ein Fünftel.",
    ),
    # ---------------------------------------------------------------- Russian
    (
        "ru",
        "conference",
        "В Гомеле прошла международная научная конференция по энергетике",
        "В работе конференции приняли участие ученые из Китая и Беларуси.",
    ),
    (
        "ru",
        "seminar",
        "Белорусско-китайский семинар по логистике состоялся в Бресте",
        "Участники семинара обсудили развитие транзитных перевозок.",
    ),
    (
        "ru",
        "forum",
        "В Минске открылся белорусско-китайский молодежный форум",
        "Форум продлится два дня и соберет около 500 участников.",
    ),
    (
        "ru",
        "meeting",
        "Премьер-министр Беларуси провел переговоры с вице-премьером Госсовета КНР",
        "Встреча прошла в Доме правительства в Минске.",
    ),
    (
        "ru",
        "visit",
        "Китайская делегация посетила Витебскую область",
        "В ходе визита гости побывали на льнокомбинате и в университете.",
    ),
    (
        "ru",
        "signing",
        "Минск и Шанхай подписали соглашение о побратимстве",
        "Документ подписан в здании Мингорисполкома в присутствии послов.",
    ),
    (
        "ru",
        "opening",
        "В Могилеве открылась выставка китайской живописи",
        "Экспозиция будет работать до конца месяца в областном музее.",
    ),
    (
        "ru",
        "ceremony",
        "Китайскому профессору вручили орден Дружбы народов",
        "Награду вручил посол Беларуси в Китае во время торжественного приема.",
    ),
    (
        "ru",
        "launch",
        "Из Чэнду в Минск отправился первый контейнерный поезд",
        "Запуск регулярного маршрута состоялся на станции в пригороде Чэнду.",
    ),
    (
        "ru",
        "presentation",
        "В Пекине состоялась презентация туристического потенциала Беларуси",
        "Гостям рассказали о санаториях и агроусадьбах страны.",
    ),
    (
        "ru",
        "programme",
        "В Бресте стартовали Дни культуры Китая",
        "Программа фестиваля включает концерты, кинопоказы и мастер-классы по каллиграфии.",
    ),
    (
        "ru",
        "agreement",
        "Соглашение о взаимном безвизовом режиме вступило в силу",
        "Граждане двух стран теперь могут находиться в стране до 30 дней.",
    ),
    (
        "ru",
        "anniversary",
        "Беларусь и Китай отметили 30-летие установления дипломатических отношений",
        "Торжественный прием по случаю юбилея состоялся в посольстве.",
    ),
    (
        "ru",
        "tour",
        "Государственный ансамбль танца Беларуси отправился на гастроли в Китай",
        "Артисты выступят в десяти городах за три недели.",
    ),
    (
        "ru",
        "other",
        "Товарооборот Беларуси и Китая вырос на 20 процентов",
        "Рост обеспечили поставки молочной продукции и калийных удобрений.",
    ),
    # ---------------------------------------------------------------- Belarusian
    (
        "be",
        "conference",
        "У Мінску адбылася міжнародная канферэнцыя па штучным інтэлекце",
        "Удзел у канферэнцыі ўзялі навукоўцы з Кітая і Беларусі.",
    ),
    (
        "be",
        "seminar",
        "Беларуска-кітайскі семінар па лагістыцы прайшоў у Брэсце",
        "Удзельнікі семінара абмеркавалі развіццё транзітных перавозак.",
    ),
    (
        "be",
        "forum",
        "У Гродне пачаў работу моладзевы форум",
        "Форум збярэ каля трохсот удзельнікаў з дзвюх краін.",
    ),
    (
        "be",
        "meeting",
        "Міністры замежных спраў правялі перамовы ў Пекіне",
        "Падчас сустрэчы бакі абмеркавалі гандаль і транзіт.",
    ),
    (
        "be",
        "visit",
        "Дэлегацыя з Шанхая наведала Магілёўскую вобласць",
        "Падчас візіту госці пабывалі на прадпрыемствах і ва ўніверсітэце.",
    ),
    (
        "be",
        "signing",
        "Мінск і Чэнду падпісалі пагадненне аб пабрацімстве",
        "Дакумент падпісаны ў гарвыканкаме ў прысутнасці паслоў дзвюх краін.",
    ),
    (
        "be",
        "opening",
        "У Віцебску адкрылася выстава кітайскага жывапісу",
        "Экспазіцыя будзе працаваць у абласным музеі да канца месяца.",
    ),
    (
        "be",
        "ceremony",
        "Кітайскаму прафесару ўручылі ганаровы дыплом Міністэрства адукацыі",
        "Узнагароду ўручыў міністр адукацыі ў актавай зале.",
    ),
    (
        "be",
        "launch",
        "На заводзе ў Жодзіне запрацавала новая лінія",
        "Запуск лініі адбыўся ў прысутнасці кіраўніцтва вобласці.",
    ),
    (
        "be",
        "presentation",
        "У Пекіне прайшла прэзентацыя турыстычнага патэнцыялу Беларусі",
        "Гасцям расказалі пра санаторыі і аграсядзібы краіны.",
    ),
    (
        "be",
        "programme",
        "У Брэсце пачаліся Дні культуры Кітая",
        "Праграма фестывалю ўключае канцэрты, кінапаказы і заняткі па каліграфіі.",
    ),
    (
        "be",
        "agreement",
        "Пагадненне аб бязвізавым рэжыме ўступіла ў сілу",
        "Грамадзяне дзвюх краін могуць знаходзіцца ў краіне да трыццаці дзён.",
    ),
    (
        "be",
        "anniversary",
        "Беларусь і Кітай адзначылі 30-годдзе дыпламатычных адносін",
        "Урачысты прыём з нагоды юбілею адбыўся ў пасольстве.",
    ),
    (
        "be",
        "tour",
        "Нацыянальны ансамбль танца адправіўся на гастролі ў Кітай",
        "Артысты выступяць у дзесяці гарадах за тры тыдні.",
    ),
    (
        "be",
        "other",
        "Тавараабарот Беларусі і Кітая вырас на дваццаць працэнтаў",
        "Рост забяспечылі пастаўкі малочнай прадукцыі і калійных угнаенняў.",
    ),
    # ---------------------------------------------------------------- Ukrainian
    (
        "uk",
        "conference",
        "У Києві відбулася конференція з питань торгівлі з Китаєм",
        "У конференції взяли участь понад 200 експертів з різних країн.",
    ),
    (
        "uk",
        "seminar",
        "Білорусько-китайський семінар з логістики пройшов у Бресті",
        "Учасники семінару обговорили розвиток транзитних перевезень.",
    ),
    (
        "uk",
        "forum",
        "У Харбіні розпочався форум ректорів",
        "На форумі зібралися керівники понад ста університетів.",
    ),
    (
        "uk",
        "meeting",
        "Прем'єр-міністри Білорусі та Китаю провели переговори",
        "Зустріч тривала понад дві години в будинку уряду.",
    ),
    (
        "uk",
        "visit",
        "Китайська делегація відвідала Гомельську область",
        "Під час візиту гості побували на заводі сільськогосподарської техніки.",
    ),
    (
        "uk",
        "signing",
        "Мінськ і Шеньчжень підписали меморандум про співпрацю",
        "Документ підписано в мерії в присутності послів обох країн.",
    ),
    (
        "uk",
        "opening",
        "У Мінську відкрилася виставка китайського фарфору",
        "Експозиція працюватиме в художньому музеї до кінця березня.",
    ),
    (
        "uk",
        "ceremony",
        "Китайському професору присвоєно звання почесного доктора",
        "Церемонія нагородження відбулася в актовій залі університету.",
    ),
    (
        "uk",
        "launch",
        "Перший контейнерний потяг з Китаю прибув до Мінська",
        "Запуск нового маршруту скоротить час доставки вантажів.",
    ),
    (
        "uk",
        "presentation",
        "У Пекіні відбулася презентація туристичного потенціалу Білорусі",
        "Гостям розповіли про санаторії та агросадиби країни.",
    ),
    (
        "uk",
        "programme",
        "У Львові стартували Дні культури Китаю",
        "Програма фестивалю включає концерти, кінопокази та майстер-класи.",
    ),
    (
        "uk",
        "agreement",
        "Угода про безвізовий режим між Білоруссю та Китаєм набула чинності",
        "Громадяни двох країн можуть перебувати без візи до тридцяти днів.",
    ),
    (
        "uk",
        "anniversary",
        "Білорусь і Китай відзначили 30-річчя дипломатичних відносин",
        "Урочистий прийом з нагоди ювілею відбувся в посольстві.",
    ),
    (
        "uk",
        "tour",
        "Білоруський балет вирушив на гастролі до Китаю",
        "Артисти виступлять у десяти містах протягом трьох тижнів.",
    ),
    (
        "uk",
        "other",
        "Товарообіг Білорусі та Китаю зріс на двадцять відсотків",
        "Зростання забезпечили поставки молочної продукції та калійних добрив.",
    ),
    # ---------------------------------------------------------------- Chinese
    ("zh", "conference", "第五届中白科技合作大会在北京召开", "来自两国的300余名代表参加会议。"),
    ("zh", "seminar", "中白物流合作研讨会在成都举行", "与会专家围绕跨境运输发展进行了交流。"),
    ("zh", "forum", "中白青年创新论坛在杭州开幕", "论坛为期两天，吸引了两国众多青年创业者。"),
    ("zh", "meeting", "外交部长会见白俄罗斯外长", "双方就双边关系和共同关心的问题交换了意见。"),
    ("zh", "visit", "白俄罗斯戈梅利州代表团访问山东", "代表团参观了拖拉机厂和大学。"),
    ("zh", "signing", "明斯克市与深圳市签署友好城市协议", "签字仪式在深圳市民中心举行。"),
    ("zh", "opening", "中国瓷器精品展在明斯克开幕", "展览将持续至三月底。"),
    ("zh", "ceremony", "白俄罗斯教师获颁中国政府友谊奖", "颁奖仪式在北京举行。"),
    ("zh", "launch", "西安至明斯克中欧班列首发", "首趟列车载有50个集装箱。"),
    ("zh", "presentation", "白俄罗斯旅游推介会在上海举行", "推介会介绍了白俄罗斯的疗养胜地和自然保护区。"),
    ("zh", "programme", "“中国文化日”活动在布列斯特拉开帷幕", "文化节期间将举办音乐会和书法课。"),
    ("zh", "agreement", "中白互免签证协定正式生效", "两国公民可免签停留30天。"),
    ("zh", "anniversary", "中白两国隆重纪念建交30周年", "使馆举行招待会，各界友好人士出席。"),
    ("zh", "tour", "白俄罗斯国家芭蕾舞团中国巡演启动", "舞团将在十座城市演出。"),
    ("zh", "other", "中白贸易额增长两成", "乳制品出口增长明显。"),
    # ---------------------------------------------------------------- Hindi
    (
        "hi",
        "conference",
        "नई दिल्ली में भारत-चीन-बेलारूस वैज्ञानिक सम्मेलन आयोजित",
        "सम्मेलन में 200 वैज्ञानिकों ने भाग लिया।",
    ),
    ("hi", "seminar", "बेलारूस और चीन के विशेषज्ञों की संगोष्ठी संपन्न", "संगोष्ठी में कृषि प्रौद्योगिकी पर चर्चा हुई।"),
    ("hi", "forum", "मिन्स्क में युवा नवाचार फोरम शुरू", "फोरम में दोनों देशों के छात्रों ने भाग लिया।"),
    ("hi", "meeting", "चीन और बेलारूस के विदेश मंत्रियों की बैठक", "बैठक में व्यापार और परिवहन पर वार्ता हुई।"),
    (
        "hi",
        "visit",
        "बेलारूस के प्रतिनिधिमंडल ने चीन का दौरा किया",
        "दौरे के दौरान प्रतिनिधिमंडल ने कारखानों का भ्रमण किया।",
    ),
    (
        "hi",
        "signing",
        "चीन और बेलारूस ने व्यापार समझौते पर हस्ताक्षर किए",
        "समझौते पर दोनों देशों के मंत्रियों ने हस्ताक्षर किए।",
    ),
    ("hi", "opening", "मिन्स्क में चीनी चित्रकला की प्रदर्शनी का उद्घाटन", "प्रदर्शनी एक महीने तक चलेगी।"),
    (
        "hi",
        "ceremony",
        "बेलारूसी वैज्ञानिक को चीनी मैत्री पुरस्कार से सम्मानित किया गया",
        "पुरस्कार समारोह बीजिंग में आयोजित हुआ।",
    ),
    ("hi", "launch", "चीन से बेलारूस के लिए पहली मालगाड़ी रवाना", "इस नई सेवा से माल पहुंचाने का समय घटेगा।"),
    ("hi", "presentation", "शंघाई में बेलारूस पर्यटन की प्रस्तुति", "प्रस्तुति में स्वास्थ्य रिसॉर्ट्स की जानकारी दी गई।"),
    ("hi", "programme", "मिन्स्क में चीनी संस्कृति महोत्सव शुरू", "महोत्सव में संगीत और नृत्य के कार्यक्रम होंगे।"),
    (
        "hi",
        "agreement",
        "चीन-बेलारूस वीज़ा-मुक्त समझौता लागू हो गया",
        "दोनों देशों के नागरिक 30 दिन तक बिना वीज़ा रह सकते हैं।",
    ),
    (
        "hi",
        "anniversary",
        "चीन और बेलारूस ने राजनयिक संबंधों की 30वीं वर्षगांठ मनाई",
        "दूतावास में समारोह आयोजित किया गया।",
    ),
    ("hi", "tour", "बेलारूस के नृत्य दल का चीन टूर", "दल दस शहरों में कार्यक्रम देगा।"),
    ("hi", "other", "चीन और बेलारूस के बीच व्यापार 20 प्रतिशत बढ़ा", "डेयरी उत्पादों का निर्यात बढ़ा।"),
]


def _page(title: str, lead: str) -> str:
    return f"{title}\n\n{lead}\n"


@pytest.mark.parametrize(
    ("language", "expected", "title", "lead"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_headline_and_lead_in_every_language(language: str, expected: str, title: str, lead: str) -> None:
    text = _page(title, lead)
    guess = guess_event_type(text, title=title, language=language)
    assert guess.type == expected, guess.reason
    assert 0.0 <= guess.confidence <= 1.0
    if expected == "other":
        assert guess.confidence < 0.5
    else:
        assert guess.confidence >= 0.3, guess.reason


def test_every_case_covers_every_type_in_every_language() -> None:
    covered = {(c[0], c[1]) for c in CASES}
    for language in ("en", "de", "ru", "be", "uk", "zh", "hi"):
        assert {t for lang, t in covered if lang == language} == set(EVENT_TYPES), language


@pytest.mark.parametrize(
    ("language", "expected", "title", "lead"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_no_language_hint_gives_the_same_answer(language: str, expected: str, title: str, lead: str) -> None:
    assert guess_event_type(_page(title, lead), title=title).type == expected


# ------------------------------------------------------------------------------------------ conventions

SIGNING_AT_FORUM: list[tuple[str, str, str, str]] = [
    # the article is about the forum: the forum was held
    (
        "en",
        "forum",
        "Regions sign agreements worth $50 million at investment forum",
        "The investment forum, held in Gomel on 3–4 June, brought together 400 participants.",
    ),
    (
        "ru",
        "forum",
        "На инвестиционном форуме в Гомеле подписаны соглашения на $50 млн",
        "Форум проходил 3–4 июня и собрал около 400 участников из двух стран.",
    ),
    ("zh", "forum", "中白投资合作论坛在重庆举行　签署合作协议20项", "本届论坛吸引了两国400余名代表参加。"),
    (
        "be",
        "forum",
        "На інвестыцыйным форуме ў Гомелі падпісаны пагадненні",
        "Форум прайшоў 3–4 чэрвеня і сабраў каля 400 удзельнікаў.",
    ),
    # the article is about the signing, the forum is its setting
    (
        "en",
        "signing",
        "Gomel and Chongqing sign sister-city agreement on sidelines of forum",
        "The agreement was signed by the governor and the mayor. The signing ceremony took place on Tuesday.",
    ),
    (
        "ru",
        "signing",
        "Гомельская область и Чунцин подписали соглашение на полях форума",
        "Подписание соглашения состоялось во вторник в присутствии послов двух стран.",
    ),
    ("zh", "signing", "重庆市与戈梅利州在论坛期间签署友好省州协议", "签约仪式在论坛主会场举行。"),
]


@pytest.mark.parametrize(("language", "expected", "title", "lead"), SIGNING_AT_FORUM)
def test_signing_at_a_forum(language: str, expected: str, title: str, lead: str) -> None:
    guess = guess_event_type(_page(title, lead), title=title, language=language)
    assert guess.type == expected, guess.reason


VIDEO: list[tuple[str, str, str, str]] = [
    (
        "en",
        "meeting",
        "Universities hold video conference on joint degree",
        "The rectors discussed a joint master's programme in logistics.",
    ),
    (
        "en",
        "conference",
        "Scientific conference on photonics held online",
        "The conference was held in the format of a video conference and gathered 150 scientists.",
    ),
    (
        "ru",
        "meeting",
        "Губернатор провинции и председатель облисполкома обсудили сотрудничество",
        "Переговоры прошли в формате видеоконференции.",
    ),
    (
        "ru",
        "conference",
        "Ученые двух стран провели совместную конференцию",
        "Научная конференция прошла в формате видеоконференции и собрала 150 участников.",
    ),
    (
        "be",
        "meeting",
        "Рэктары абмеркавалі супрацоўніцтва ў фармаце відэаканферэнцыі",
        "Бакі дамовіліся пра абмен студэнтамі.",
    ),
    (
        "de",
        "meeting",
        "Hochschulen beraten per Videokonferenz über gemeinsame Studiengänge",
        "An der Videokonferenz nahmen die Rektoren beider Universitäten teil.",
    ),
    ("zh", "meeting", "两院召开视频会议", "双方回顾了合作进展。"),
]


@pytest.mark.parametrize(("language", "expected", "title", "lead"), VIDEO)
def test_video_conference_is_a_meeting_unless_called_a_conference(
    language: str, expected: str, title: str, lead: str
) -> None:
    guess = guess_event_type(_page(title, lead), title=title, language=language)
    assert guess.type == expected, guess.reason


OPENINGS: list[tuple[str, str, str, str]] = [
    (
        "en",
        "opening",
        "Ambassador attends opening of calligraphy exhibition in Grodno",
        "The exhibition opened at the regional library on Friday.",
    ),
    (
        "en",
        "forum",
        "Belarus-China business forum opens in Minsk",
        "About 300 companies take part in the forum.",
    ),
    ("ru", "opening", "В Бресте открылась выставка китайских ремесел", "Экспозиция продлится до 30 мая."),
    ("ru", "forum", "Белорусско-китайский форум открылся в Гродно", "В работе форума участвуют 300 человек."),
    ("zh", "opening", "中白友好图片展在明斯克开幕", "展览展出照片120幅。"),
    ("zh", "forum", "中白地方合作论坛在明斯克开幕", "论坛为期两天。"),
    ("uk", "opening", "У Гомелі відкрилася виставка китайського живопису", "Експозиція триватиме місяць."),
    (
        "de",
        "opening",
        "Chinesische Fotoausstellung in Minsk eröffnet",
        "Die Ausstellung ist bis Ende Mai zu sehen.",
    ),
]


@pytest.mark.parametrize(("language", "expected", "title", "lead"), OPENINGS)
def test_an_exhibition_that_opens_is_an_opening_a_forum_that_opens_a_forum(
    language: str, expected: str, title: str, lead: str
) -> None:
    guess = guess_event_type(_page(title, lead), title=title, language=language)
    assert guess.type == expected, guess.reason


AWARDS: list[tuple[str, str, str]] = [
    (
        "en",
        "Honorary doctorate conferred on rector of Chinese university",
        "The honorary doctorate was conferred at a meeting of the university council.",
    ),
    (
        "ru",
        "Ректору китайского университета присвоено звание почетного доктора",
        "Церемония награждения состоялась в актовом зале.",
    ),
    (
        "be",
        "Кітайскаму рэктару прысвоена званне ганаровага доктара",
        "Урачыстая цырымонія ўручэння адбылася ў актавай зале.",
    ),
    ("zh", "第十届中白友好奖颁奖仪式在明斯克举行", "十名中白友好人士获奖。"),
    ("hi", "चीनी वैज्ञानिक को मानद उपाधि से सम्मानित किया गया", "समारोह विश्वविद्यालय में आयोजित किया गया।"),
]


@pytest.mark.parametrize(("language", "title", "lead"), AWARDS)
def test_an_award_is_a_ceremony(language: str, title: str, lead: str) -> None:
    guess = guess_event_type(_page(title, lead), title=title, language=language)
    assert guess.type == "ceremony", guess.reason


def test_a_signing_ceremony_is_a_signing_and_an_opening_ceremony_an_opening() -> None:
    signing = "Signing ceremony held for China-Belarus education agreement"
    assert guess_event_type(_page(signing, "Both ministers attended."), title=signing).type == "signing"
    opening = "Opening ceremony of the new Chinese cultural centre held in Minsk"
    assert guess_event_type(_page(opening, "The centre will host classes."), title=opening).type == "opening"


def test_talks_and_receptions_are_meetings() -> None:
    for title in (
        "Xi Jinping receives Belarusian prime minister",
        "Лукашенко встретился с министром иностранных дел Китая",
        "国务院总理会见白俄罗斯总理",
        "Xi empfängt belarussischen Regierungschef",
    ):
        assert guess_event_type(_page(title, ""), title=title).type == "meeting", title


# ------------------------------------------------------------------------------------------ inflections


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Итоги форума подведены в Минске", "forum"),
        ("На форуме обсудили логистику", "forum"),
        ("Перед форумом прошла выставка", "forum"),
        ("Соглашение подписано в Пекине", "signing"),
        ("Контракт подписан в Харбине", "signing"),
        ("Регионы подписали дорожную карту", "signing"),
        ("Дэлегацыя Кітая наведала Гомель", "visit"),
        ("Міністр наведаў завод у Кітаі", "visit"),
        ("Делегація відвідала Мінськ", "visit"),
        ("Kooperationsforum in Minsk", "forum"),
        ("Wirtschaftsforum: Unternehmen aus China zu Gast", "forum"),
        ("Abkommen unterzeichnet", "signing"),
        ("Belarus und China unterzeichneten ein Abkommen", "signing"),
        ("Kanzlerin besuchte Minsk", "visit"),
        ("Канферэнцыю правялі ў Мінску", "conference"),
        ("У канферэнцыі ўзялі ўдзел навукоўцы", "conference"),
        ("Семінары для выкладчыкаў прайшлі ў Брэсце", "seminar"),
    ],
)
def test_inflected_and_compound_forms(title: str, expected: str) -> None:
    guess = guess_event_type(title, title=title)
    assert guess.type == expected, guess.reason


@pytest.mark.parametrize(
    "title",
    [
        "Новый формат сотрудничества обсуждают эксперты",  # формат is not форум
        "Visitenkarten für die Messebesucher gedruckt",  # Visitenkarte is not a visit
        "社会各界关注中白贸易增长",  # 会 alone is not a meeting or a conference
        "Подписывайтесь на наш канал",  # subscribe, not sign
        "China opens up new markets for Belarusian dairy",  # opening up markets is no opening
    ],
)
def test_false_friends_are_not_events(title: str) -> None:
    guess = guess_event_type(title, title=title)
    assert guess.type == "other", guess.reason


# ------------------------------------------------------------------------------------------ chrome and spans

CHROME_PAGE = (
    "Home | Forum | Conferences | Exhibitions | Events\n"
    "Gomel delegation visits Chongqing\n"
    "Read also: International logistics forum opened in Minsk with 300 participants from 20 countries\n"
    "The delegation toured a machine-building plant and met students of a local university.\n"
    "Related news\n"
    "12.03.2024 Seminar on e-commerce held at Great Stone park\n"
    "11.03.2024 Exhibition of Belarusian food opened in Harbin\n"
)


def _spans(text: str, *quotes: str) -> list[tuple[int, int]]:
    spans = []
    for quote in quotes:
        start = text.index(quote)
        spans.append((start, start + len(quote)))
    return spans


def test_page_chrome_passed_as_skip_does_not_count() -> None:
    title = "Gomel delegation visits Chongqing"
    skip = _spans(
        CHROME_PAGE,
        "Home | Forum | Conferences | Exhibitions | Events",
        "Read also: International logistics forum opened in Minsk with 300 participants from 20 countries",
        "Related news",
        "12.03.2024 Seminar on e-commerce held at Great Stone park",
        "11.03.2024 Exhibition of Belarusian food opened in Harbin",
    )
    guess = guess_event_type(CHROME_PAGE, title=title, skip=skip)
    assert guess.type == "visit"
    lowered = guess.reason.lower()
    assert "forum" not in lowered and "seminar" not in lowered and "exhibition" not in lowered
    # without the skip spans, the related-news line counts as a lead sentence
    unskipped = guess_event_type(CHROME_PAGE, title=title)
    assert "forum" in unskipped.reason.lower()


def test_a_page_whose_only_event_words_are_chrome_is_other() -> None:
    text = (
        "News | Forum | Conference\n"
        "Dairy exports to China grew by a fifth\n"
        "Customs statistics show growth in shipments of butter and cheese in the first half of the year.\n"
        "Related: Belarus-China forum opened in Minsk; seminar on logistics held in Brest\n"
    )
    skip = _spans(
        text,
        "News | Forum | Conference",
        "Related: Belarus-China forum opened in Minsk; seminar on logistics held in Brest",
    )
    guess = guess_event_type(text, title="Dairy exports to China grew by a fifth", skip=skip)
    assert guess.type == "other"
    assert guess.confidence < 0.5


def test_the_span_is_the_decisive_word_in_the_text() -> None:
    text = (
        "Menu\n\nRegional forum held in Mogilev\n\nThe forum gathered 200 participants from both countries.\n"
    )
    title = "Regional forum held in Mogilev"
    guess = guess_event_type(text, title=title, title_start=text.index(title))
    assert guess.type == "forum"
    assert guess.start is not None and guess.end is not None
    assert text[guess.start : guess.end].lower() == "forum"
    assert guess.start >= text.index(title)


def test_a_derived_headline_not_in_the_text_still_counts_without_a_span() -> None:
    text = "On 3 March the partners talked about trade.\n"
    guess = guess_event_type(text, title="Regional seminar on trade")
    assert guess.type == "seminar"
    assert guess.start is None and guess.end is None


def test_a_wrong_title_start_is_searched_for() -> None:
    text = "Menu\nChinese delegation visits Brest\nThe guests toured the fortress."
    guess = guess_event_type(text, title="Chinese delegation visits Brest", title_start=0)
    assert guess.type == "visit"
    assert guess.start is not None and text[guess.start : guess.end] == "visits"


def test_no_title_reads_the_text_from_the_start() -> None:
    guess = guess_event_type("Белорусско-китайский семинар по машиностроению прошел в Гомеле.")
    assert guess.type == "seminar"


def test_the_guess_is_a_frozen_value_with_a_reason() -> None:
    title = "Minsk and Shenzhen sign memorandum on smart city cooperation"
    guess = guess_event_type(_page(title, "The memorandum was signed by the deputy mayors."), title=title)
    assert isinstance(guess, TypeGuess)
    assert guess.type in EVENT_TYPES
    assert '"sign"' in guess.reason and "headline" in guess.reason
    with pytest.raises(dataclasses.FrozenInstanceError):
        guess.type = "forum"  # type: ignore[misc]


def test_empty_text_is_other() -> None:
    guess = guess_event_type("")
    assert guess == TypeGuess("other", guess.confidence, guess.reason, None, None)
    assert guess.confidence < 0.5
