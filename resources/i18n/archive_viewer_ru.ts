<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
  <context>
    <name>ArchiveViewer</name>
    <message>
      <source>Original</source>
      <translation>Оригинал</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>Рядом с переводом</translation>
    </message>
    <message>
      <source>Show debris</source>
      <translation>Показать мусор страницы</translation>
    </message>
    <message>
      <source>Your notes</source>
      <translation>Ваши заметки</translation>
    </message>
    <message>
      <source>Proposals</source>
      <translation>Предложения</translation>
    </message>
    <message>
      <source>History</source>
      <translation>История</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>Добавить заметку</translation>
    </message>
    <message>
      <source>Altered copy</source>
      <translation>Изменённая копия</translation>
    </message>
    <message>
      <source>name</source>
      <translation>имя</translation>
    </message>
    <message>
      <source>translation note</source>
      <translation>примечание к переводу</translation>
    </message>
    <message>
      <source>Translation notes</source>
      <translation>Примечания к переводу</translation>
    </message>
    <message>
      <source>search match (F3 next, Shift+F3 previous)</source>
      <translation>найдено (F3 — следующее, Shift+F3 — предыдущее)</translation>
    </message>
    <message>
      <source>[+ page chrome: click to show]</source>
      <translation>[+ обвязка страницы: нажмите, чтобы показать]</translation>
    </message>
    <message>
      <source>YYYY, YYYY-MM or YYYY-MM-DD; empty: unknown</source>
      <translation>ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД; пусто — неизвестно</translation>
    </message>
    <message>
      <source>why (needed for an inferred date)</source>
      <translation>почему (нужно для выведенной даты)</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>&amp;Заголовок</translation>
    </message>
    <message>
      <source>T&amp;ype</source>
      <translation>&amp;Тип</translation>
    </message>
    <message>
      <source>&amp;Start</source>
      <translation>&amp;Начало</translation>
    </message>
    <message>
      <source>&amp;End</source>
      <translation>&amp;Конец</translation>
    </message>
    <message>
      <source>&amp;Place</source>
      <translation>&amp;Место</translation>
    </message>
    <message>
      <source>Su&amp;mmary</source>
      <translation>&amp;Резюме</translation>
    </message>
    <message>
      <source>Translation note</source>
      <translation>Примечание к переводу</translation>
    </message>
    <message>
      <source>What a reader should know about these words</source>
      <translation>Что читателю нужно знать об этих словах</translation>
    </message>
    <message>
      <source>Passage</source>
      <translation>Фрагмент</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>&amp;Вид</translation>
    </message>
    <message>
      <source>&amp;Certainty</source>
      <translation>&amp;Уверенность</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;Примечание</translation>
    </message>
    <message>
      <source>Link to an entity</source>
      <translation>Связать с сущностью</translation>
    </message>
    <message>
      <source>&amp;Link to an entity of the authority</source>
      <translation>&amp;Связать с сущностью из справочника</translation>
    </message>
    <message>
      <source>Create a &amp;new entity from these words</source>
      <translation>Создать &amp;новую сущность из этих слов</translation>
    </message>
    <message>
      <source>Name in English (where one is established)</source>
      <translation>Имя по-английски (если оно устоялось)</translation>
    </message>
    <message>
      <source>Name in its own language and script</source>
      <translation>Имя на своём языке и письменности</translation>
    </message>
    <message>
      <source>Nothing fits: &amp;flag the words for review</source>
      <translation>Ничего не подходит: &amp;отметить слова для проверки</translation>
    </message>
    <message>
      <source>Why: what they might be, what is missing</source>
      <translation>Почему: чем они могут быть, чего не хватает</translation>
    </message>
    <message>
      <source>&amp;Names</source>
      <translation>&amp;Имена</translation>
    </message>
    <message>
      <source>&amp;Type</source>
      <translation>&amp;Тип</translation>
    </message>
    <message>
      <source>Name (&amp;English)</source>
      <translation>Имя (&amp;англ.)</translation>
    </message>
    <message>
      <source>Name (n&amp;ative)</source>
      <translation>Имя (&amp;исходное)</translation>
    </message>
    <message>
      <source>&amp;Why</source>
      <translation>&amp;Почему</translation>
    </message>
    <message>
      <source>Edit event</source>
      <translation>Изменить событие</translation>
    </message>
    <message>
      <source>&amp;Remove the selected name</source>
      <translation>&amp;Удалить выбранное имя</translation>
    </message>
    <message>
      <source>&amp;Add name</source>
      <translation>&amp;Добавить имя</translation>
    </message>
    <message>
      <source>&amp;Save these names</source>
      <translation>&amp;Сохранить эти имена</translation>
    </message>
    <message>
      <source>Names (the documents that write a name are linked at once)</source>
      <translation>Имена (документы, где встречается имя, связываются сразу)</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>&amp;Предпросмотр</translation>
    </message>
    <message>
      <source>&amp;Merge into this one</source>
      <translation>&amp;Объединить с этой</translation>
    </message>
    <message>
      <source>Merge a duplicate into this entity</source>
      <translation>Объединить дубликат с этой сущностью</translation>
    </message>
    <message>
      <source>&amp;Flag for review</source>
      <translation>&amp;Отметить для проверки</translation>
    </message>
    <message>
      <source>C&amp;lear the flag</source>
      <translation>С&amp;нять отметку</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Native</source>
      <translation>Исходное</translation>
    </message>
    <message>
      <source>Each change is one step: Edit › Undo (Ctrl+Z) takes it back.</source>
      <translation>Каждое изменение — один шаг: Правка › Отменить (Ctrl+Z) возвращает его.</translation>
    </message>
    <message>
      <source>Flagged for review</source>
      <translation>Отмечено для проверки</translation>
    </message>
    <message>
      <source>Split the event</source>
      <translation>Разделить событие</translation>
    </message>
    <message>
      <source>Sources of the event</source>
      <translation>Источники события</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Люди</translation>
    </message>
    <message>
      <source>Organisations</source>
      <translation>Организации</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>Места</translation>
    </message>
    <message>
      <source>Countries</source>
      <translation>Страны</translation>
    </message>
    <message>
      <source>Event type</source>
      <translation>Тип события</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <source>Filter {what} — any spelling, any script</source>
      <translation>Искать: {what} — любое написание, любая письменность</translation>
    </message>
    <message>
      <source>Search originals, titles, notes and names in any script   (Ctrl+F)</source>
      <translation>Поиск по оригиналам, заголовкам, заметкам и именам на любой письменности   (Ctrl+F)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Правка</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Вид</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <source>Export selected…</source>
      <translation>Экспорт выбранных…</translation>
    </message>
    <message>
      <source>Export all shown…</source>
      <translation>Экспорт всех показанных…</translation>
    </message>
    <message>
      <source>Import documents…</source>
      <translation>Импорт документов…</translation>
    </message>
    <message>
      <source>Clear all filters</source>
      <translation>Сбросить все фильтры</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Заголовок</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Место</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>Языки</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Источники</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>Совпадение</translation>
    </message>
    <message>
      <source>Opening the archive…</source>
      <translation>Открытие архива…</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Поиск</translation>
    </message>
    <message>
      <source>Nobody has edited this event yet: what you change is listed here, who and when.</source>
      <translation>Это событие ещё никто не правил: здесь будут перечислены изменения — кто и когда.</translation>
    </message>
    <message>
      <source>When (UTC)</source>
      <translation>Когда (UTC)</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Кто</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Изменение</translation>
    </message>
    <message>
      <source>Was</source>
      <translation>Было</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>Стало</translation>
    </message>
    <message>
      <source>&amp;Remove the selected participant</source>
      <translation>&amp;Удалить выбранного участника</translation>
    </message>
    <message>
      <source>&amp;Add or change</source>
      <translation>&amp;Добавить или изменить</translation>
    </message>
    <message>
      <source>Add a participant, or change one's role or title</source>
      <translation>Добавить участника или изменить его роль или должность</translation>
    </message>
    <message>
      <source>&amp;Accept</source>
      <translation>&amp;Принять</translation>
    </message>
    <message>
      <source>&amp;Reject</source>
      <translation>&amp;Отклонить</translation>
    </message>
    <message>
      <source>Accept all of this &amp;kind</source>
      <translation>Принять все такого &amp;вида</translation>
    </message>
    <message>
      <source>Proposal</source>
      <translation>Предложение</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Значение</translation>
    </message>
    <message>
      <source>Conf.</source>
      <translation>Увер.</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Почему</translation>
    </message>
    <message>
      <source>Save view…</source>
      <translation>Сохранить вид…</translation>
    </message>
    <message>
      <source>Keep the filters, search, order and columns shown now under a name</source>
      <translation>Сохранить текущие фильтры, поиск, порядок и столбцы под именем</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>Импорт…</translation>
    </message>
    <message>
      <source>Views another reader exported</source>
      <translation>Виды, экспортированные другим читателем</translation>
    </message>
    <message>
      <source>Saved views</source>
      <translation>Сохранённые виды</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>Найти</translation>
    </message>
    <message>
      <source>Next match</source>
      <translation>Следующее совпадение</translation>
    </message>
    <message>
      <source>The next place the search matches in the text</source>
      <translation>Следующее место в тексте, где найден запрос</translation>
    </message>
    <message>
      <source>Previous match</source>
      <translation>Предыдущее совпадение</translation>
    </message>
    <message>
      <source>Export the selected events to CSV</source>
      <translation>Экспортировать выбранные события в CSV</translation>
    </message>
    <message>
      <source>Export every event the filters show</source>
      <translation>Экспортировать все события, которые показывают фильтры</translation>
    </message>
    <message>
      <source>Import a folder…</source>
      <translation>Импорт папки…</translation>
    </message>
    <message>
      <source>Export catalogue…</source>
      <translation>Экспорт каталога…</translation>
    </message>
    <message>
      <source>Write the catalogue with every edit as files</source>
      <translation>Записать каталог со всеми правками в файлы</translation>
    </message>
    <message>
      <source>Import catalogue…</source>
      <translation>Импорт каталога…</translation>
    </message>
    <message>
      <source>See what another archivist's catalogue files would change, then build from them</source>
      <translation>Посмотреть, что изменят файлы каталога другого архивиста, и собрать архив из них</translation>
    </message>
    <message>
      <source>About</source>
      <translation>О программе</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Сочетания клавиш</translation>
    </message>
    <message>
      <source>Go to event…</source>
      <translation>Перейти к событию…</translation>
    </message>
    <message>
      <source>Go to an event by its id</source>
      <translation>Перейти к событию по его идентификатору</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Отменить</translation>
    </message>
    <message>
      <source>Undo the last edit</source>
      <translation>Отменить последнюю правку</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Повторить</translation>
    </message>
    <message>
      <source>Redo the edit undone last</source>
      <translation>Повторить последнюю отменённую правку</translation>
    </message>
    <message>
      <source>Edit event…</source>
      <translation>Изменить событие…</translation>
    </message>
    <message>
      <source>Edit the selected event</source>
      <translation>Изменить выбранное событие</translation>
    </message>
    <message>
      <source>Participants…</source>
      <translation>Участники…</translation>
    </message>
    <message>
      <source>Who took part in the selected event, in what role, with what title</source>
      <translation>Кто участвовал в выбранном событии, в какой роли и с какой должностью</translation>
    </message>
    <message>
      <source>New event from this document…</source>
      <translation>Новое событие по этому документу…</translation>
    </message>
    <message>
      <source>An event reported by the document shown; the words selected in it are its evidence</source>
      <translation>Событие, о котором сообщает показанный документ; выделенные слова — его свидетельство</translation>
    </message>
    <message>
      <source>Merge another event into this…</source>
      <translation>Объединить с другим событием…</translation>
    </message>
    <message>
      <source>The same event, catalogued twice</source>
      <translation>Одно и то же событие, описанное дважды</translation>
    </message>
    <message>
      <source>Split event…</source>
      <translation>Разделить событие…</translation>
    </message>
    <message>
      <source>Make two events of one</source>
      <translation>Сделать из одного события два</translation>
    </message>
    <message>
      <source>Sources of the event…</source>
      <translation>Источники события…</translation>
    </message>
    <message>
      <source>Attach or detach the documents that report it</source>
      <translation>Добавить или убрать документы, сообщающие о нём</translation>
    </message>
    <message>
      <source>Part of an event…</source>
      <translation>Часть события…</translation>
    </message>
    <message>
      <source>The event it is part of</source>
      <translation>Событие, частью которого оно является</translation>
    </message>
    <message>
      <source>Flagged for review…</source>
      <translation>Отмечено для проверки…</translation>
    </message>
    <message>
      <source>Entities and words flagged for another look</source>
      <translation>Сущности и слова, отмеченные для повторной проверки</translation>
    </message>
    <message>
      <source>Link selection to an entity…</source>
      <translation>Связать выделенное с сущностью…</translation>
    </message>
    <message>
      <source>The words selected in the original name this person, organisation or place</source>
      <translation>Выделенные в оригинале слова называют это лицо, организацию или место</translation>
    </message>
    <message>
      <source>Add translation note…</source>
      <translation>Добавить примечание к переводу…</translation>
    </message>
    <message>
      <source>A translation note on the words selected in the original</source>
      <translation>Примечание к переводу для выделенных в оригинале слов</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Выход</translation>
    </message>
    <message>
      <source>The window will be in this language from the next start</source>
      <translation>Окно будет на этом языке со следующего запуска</translation>
    </message>
    <message>
      <source>&amp;Map of places</source>
      <translation>&amp;Карта мест</translation>
    </message>
    <message>
      <source>&amp;Appearance</source>
      <translation>&amp;Оформление</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Язык</translation>
    </message>
    <message>
      <source>As the &amp;system</source>
      <translation>Как в &amp;системе</translation>
    </message>
    <message>
      <source>&amp;Light</source>
      <translation>&amp;Светлое</translation>
    </message>
    <message>
      <source>&amp;Dark</source>
      <translation>&amp;Тёмное</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s)</source>
      <translation>
        <numerusform>%n событие</numerusform>
        <numerusform>%n события</numerusform>
        <numerusform>%n событий</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n dated event(s)</source>
      <translation>
        <numerusform>%n датированное событие</numerusform>
        <numerusform>%n датированных события</numerusform>
        <numerusform>%n датированных событий</numerusform>
      </translation>
    </message>
  </context>
</TS>
