<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
  <context>
    <name>ArchiveViewer</name>
    <message>
      <source>added</source>
      <translation>добавлено</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>удалено</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>изменено</translation>
    </message>
    <message>
      <source>entity</source>
      <translation>сущность</translation>
    </message>
    <message>
      <source>event</source>
      <translation>событие</translation>
    </message>
    <message>
      <source>document</source>
      <translation>документ</translation>
    </message>
    <message>
      <source>file</source>
      <translation>файл</translation>
    </message>
    <message>
      <source>Import a catalogue</source>
      <translation>Импорт каталога</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Изменения</translation>
    </message>
    <message>
      <source>&amp;Build from it</source>
      <translation>&amp;Собрать из него</translation>
    </message>
    <message>
      <source>Export the catalogue into a folder</source>
      <translation>Экспортировать каталог в папку</translation>
    </message>
    <message>
      <source>Exporting the catalogue</source>
      <translation>Экспорт каталога</translation>
    </message>
    <message>
      <source>Import a catalogue folder</source>
      <translation>Импортировать папку каталога</translation>
    </message>
    <message>
      <source>Importing a catalogue</source>
      <translation>Импорт каталога</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Изменение</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Запись</translation>
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
      <source>Writing the catalogue to {folder}…</source>
      <translation>Запись каталога в {folder}…</translation>
    </message>
    <message>
      <source>Building the archive from {folder}…</source>
      <translation>Сборка архива из {folder}…</translation>
    </message>
    <message>
      <source>Wrote the catalogue to {folder}: {documents} documents, {entities} entities, {events} events</source>
      <translation>Каталог записан в {folder}: документов — {documents}, сущностей — {entities}, событий — {events}</translation>
    </message>
    <message>
      <source>Export the catalogue</source>
      <translation>Экспорт каталога</translation>
    </message>
    <message>
      <source>Building from &lt;b&gt;{folder}&lt;/b&gt; would make {n} change(s). Your own edits stay over it (a field it says otherwise is shown as a conflict); a backup is taken first.</source>
      <translation>Сборка из &lt;b&gt;{folder}&lt;/b&gt; внесёт изменений: {n}. Ваши собственные правки останутся поверх (поле, где папка говорит иное, показывается как конфликт); сначала делается резервная копия.</translation>
    </message>
    <message>
      <source>&lt;b&gt;{folder}&lt;/b&gt; says what the archive says: nothing would change.</source>
      <translation>&lt;b&gt;{folder}&lt;/b&gt; совпадает с архивом: ничего не изменится.</translation>
    </message>
    <message>
      <source>It cannot be built until these are fixed (archive-viewer check --seeds FOLDER):</source>
      <translation>Собрать нельзя, пока это не исправлено (archive-viewer check --seeds FOLDER):</translation>
    </message>
    <message>
      <source>Built from {folder}: {documents} documents, {events} events (the archive follows that folder now)</source>
      <translation>Собрано из {folder}: документов — {documents}, событий — {events} (теперь архив следует этой папке)</translation>
    </message>
    <message>
      <source>… and {n} more</source>
      <translation>… и ещё {n}</translation>
    </message>
    <message>
      <source>{said}.

Left out:
{problems}</source>
      <translation>{said}.

Пропущено:
{problems}</translation>
    </message>
    <message>
      <source>Add your own note on this event: searchable, kept across rebuilds</source>
      <translation>Добавьте свою заметку к событию: по ней работает поиск, она сохраняется при пересборках</translation>
    </message>
    <message>
      <source>Add a private note on this event: only you can see and search it</source>
      <translation>Добавьте личную заметку к событию: видеть её и искать по ней можете только вы</translation>
    </message>
    <message>
      <source>This text does not match the SHA-256 recorded when it was stored: it was changed in the store after it was received. It is NOT the original. Restore a backup, or import the file again.</source>
      <translation>Этот текст не совпадает с SHA-256, записанным при сохранении: он был изменён в хранилище после получения. Это НЕ оригинал. Восстановите резервную копию или импортируйте файл заново.</translation>
    </message>
    <message>
      <source>The original beside the archive's English rendering, paragraph by paragraph</source>
      <translation>Оригинал рядом с английским переводом архива, абзац за абзацем</translation>
    </message>
    <message>
      <source>The archive has no English rendering of this document (it is in English, or not yet translated)</source>
      <translation>В архиве нет английского перевода этого документа (он на английском или ещё не переведён)</translation>
    </message>
    <message>
      <source>Date stated in the source</source>
      <translation>Дата указана в источнике</translation>
    </message>
    <message>
      <source>Date inferred</source>
      <translation>Дата выведена</translation>
    </message>
    <message>
      <source>Date proposed by the first pass</source>
      <translation>Дата предложена первичным разбором</translation>
    </message>
    <message>
      <source>Date unknown</source>
      <translation>Дата неизвестна</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>Заголовок</translation>
    </message>
    <message>
      <source>Title (from the lead)</source>
      <translation>Заголовок (из лида)</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Опубликовано</translation>
    </message>
    <message>
      <source>Page saved</source>
      <translation>Страница сохранена</translation>
    </message>
    <message>
      <source>Event from</source>
      <translation>Начало события</translation>
    </message>
    <message>
      <source>Event until</source>
      <translation>Конец события</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Место</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Filed from</source>
      <translation>Передано из</translation>
    </message>
    <message>
      <source>Same event as</source>
      <translation>То же событие, что и</translation>
    </message>
    <message>
      <source>New person?</source>
      <translation>Новое лицо?</translation>
    </message>
    <message>
      <source>New organisation?</source>
      <translation>Новая организация?</translation>
    </message>
    <message>
      <source>New place?</source>
      <translation>Новое место?</translation>
    </message>
    <message>
      <source>Another name of?</source>
      <translation>Другое имя?</translation>
    </message>
    <message>
      <source>Short name of?</source>
      <translation>Краткое имя?</translation>
    </message>
    <message>
      <source>The archive has no English rendering of this document (it is in English, or not yet translated).</source>
      <translation>В архиве нет английского перевода этого документа (он на английском или ещё не переведён).</translation>
    </message>
    <message>
      <source>Uncatalogued: made automatically from an imported document and not yet checked by an archivist.</source>
      <translation>Не каталогизировано: создано автоматически по импортированному документу и ещё не проверено архивистом.</translation>
    </message>
    <message>
      <source>The marks' legend and the document's provenance</source>
      <translation>Условные обозначения и происхождение документа</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Событие</translation>
    </message>
    <message>
      <source>Source document</source>
      <translation>Исходный документ</translation>
    </message>
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
      <source>Navigation, metadata and unrelated headlines: kept, but not part of the article</source>
      <translation>Навигация, метаданные и посторонние заголовки: сохранены, но не входят в статью</translation>
    </message>
    <message>
      <source>Original text</source>
      <translation>Текст оригинала</translation>
    </message>
    <message>
      <source>Translation notes</source>
      <translation>Примечания к переводу</translation>
    </message>
    <message>
      <source>What the marks in the text mean</source>
      <translation>Что означают пометки в тексте</translation>
    </message>
    <message>
      <source>Provenance of the document</source>
      <translation>Происхождение документа</translation>
    </message>
    <message>
      <source>Your notes, proposals and history</source>
      <translation>Ваши заметки, предложения и история</translation>
    </message>
    <message>
      <source>Tabs: your notes, proposals, history</source>
      <translation>Вкладки: ваши заметки, предложения, история</translation>
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
      <source>New note</source>
      <translation>Новая заметка</translation>
    </message>
    <message>
      <source>Cancel the note edit</source>
      <translation>Отменить правку заметки</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>Добавить заметку</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>edited {time} UTC</source>
      <translation>изменено {time} UTC</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <source>Delete note</source>
      <translation>Удалить заметку</translation>
    </message>
    <message>
      <source>Delete this note? It cannot be brought back.</source>
      <translation>Удалить эту заметку? Вернуть её будет нельзя.</translation>
    </message>
    <message>
      <source>Evidence ({document}): {quote}</source>
      <translation>Свидетельство ({document}): {quote}</translation>
    </message>
    <message>
      <source>Marking names in the rest of this document ({n:,} characters)…</source>
      <translation>Размечаются имена в остальной части документа ({n:,} симв.)…</translation>
    </message>
    <message>
      <source>Add translation note on the selection…</source>
      <translation>Добавить примечание к переводу для выделенного…</translation>
    </message>
    <message>
      <source>Link the selection to an entity…</source>
      <translation>Связать выделенное с сущностью…</translation>
    </message>
    <message>
      <source>No notes of yours on this event yet.</source>
      <translation>Ваших заметок к этому событию пока нет.</translation>
    </message>
    <message>
      <source>edit</source>
      <translation>изменить</translation>
    </message>
    <message>
      <source>delete</source>
      <translation>удалить</translation>
    </message>
    <message>
      <source>Type the note first; to remove a note, use its delete link.</source>
      <translation>Сначала введите текст заметки; чтобы удалить заметку, воспользуйтесь её ссылкой «удалить».</translation>
    </message>
    <message>
      <source>Select an event to see what the archive knows about it.</source>
      <translation>Выберите событие, чтобы увидеть, что о нём известно архиву.</translation>
    </message>
    <message>
      <source>The same source also reports: {events}</source>
      <translation>Тот же источник сообщает также: {events}</translation>
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
      <source>This document could not be shown: {error}</source>
      <translation>Не удалось показать этот документ: {error}</translation>
    </message>
    <message>
      <source>not stated</source>
      <translation>не указано</translation>
    </message>
    <message>
      <source>Select words of the original text first, then add a note on them.</source>
      <translation>Сначала выделите слова в тексте оригинала, затем добавьте к ним примечание.</translation>
    </message>
    <message>
      <source>Select the words of the original that name the entity first.</source>
      <translation>Сначала выделите слова оригинала, называющие сущность.</translation>
    </message>
    <message>
      <source>The first pass proposes {n} things ({open} to decide): see {proposals} below — {a} accepts, {r} rejects, {enter} shows the passage.</source>
      <translation>Первичный разбор предлагает сведений: {n} (не решено: {open}) — см. {proposals} ниже: {a} — принять, {r} — отклонить, {enter} — показать фрагмент.</translation>
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
      <source>Match {n} of {total}</source>
      <translation>Совпадение {n} из {total}</translation>
    </message>
    <message>
      <source>{language} (detected: {detected})</source>
      <translation>{language} (определён: {detected})</translation>
    </message>
    <message>
      <source>{n:,} bytes</source>
      <translation>{n:,} байт</translation>
    </message>
    <message>
      <source>published {date}</source>
      <translation>опубликовано {date}</translation>
    </message>
    <message>
      <source>copy</source>
      <translation>копировать</translation>
    </message>
    <message>
      <source>Read-only: {reason}</source>
      <translation>Только чтение: {reason}</translation>
    </message>
    <message>
      <source>Date {certainty}</source>
      <translation>Дата: {certainty}</translation>
    </message>
    <message>
      <source>{value}? (read by the first pass)</source>
      <translation>{value}? (прочитано первичным разбором)</translation>
    </message>
    <message>
      <source>the stored text no longer matches: not the original</source>
      <translation>хранимый текст больше не совпадает: это не оригинал</translation>
    </message>
    <message>
      <source>translation from {language} ({kind})</source>
      <translation>перевод, исходный язык: {language} ({kind})</translation>
    </message>
    <message>
      <source>Part of: {event}</source>
      <translation>Часть события: {event}</translation>
    </message>
    <message>
      <source>Includes: {events}</source>
      <translation>Включает: {events}</translation>
    </message>
    <message>
      <source>Copied the SHA-256 of {file}</source>
      <translation>SHA-256 файла {file} скопирован</translation>
    </message>
    <message>
      <source>the event's stable id</source>
      <translation>постоянный идентификатор события</translation>
    </message>
    <message>
      <source>start date (YYYY-MM-DD, YYYY-MM, YYYY; XXXX when the year is unknown)</source>
      <translation>дата начала (ГГГГ-ММ-ДД, ГГГГ-ММ, ГГГГ; XXXX, если год неизвестен)</translation>
    </message>
    <message>
      <source>end date</source>
      <translation>дата окончания</translation>
    </message>
    <message>
      <source>precision of the start date: day, month, year, unknown</source>
      <translation>точность даты начала: день, месяц, год, неизвестна</translation>
    </message>
    <message>
      <source>certainty of the start date: stated, inferred, unknown</source>
      <translation>уверенность в дате начала: указана, выведена, неизвестна</translation>
    </message>
    <message>
      <source>English title</source>
      <translation>заголовок на английском</translation>
    </message>
    <message>
      <source>event type</source>
      <translation>тип события</translation>
    </message>
    <message>
      <source>place</source>
      <translation>место</translation>
    </message>
    <message>
      <source>countries involved</source>
      <translation>страны-участницы</translation>
    </message>
    <message>
      <source>people taking part</source>
      <translation>участвующие люди</translation>
    </message>
    <message>
      <source>organisations taking part</source>
      <translation>организации-участницы</translation>
    </message>
    <message>
      <source>languages of the source documents</source>
      <translation>языки исходных документов</translation>
    </message>
    <message>
      <source>source documents with their SHA-256</source>
      <translation>исходные документы с их SHA-256</translation>
    </message>
    <message>
      <source>yes for a provisional event made from an uncatalogued document</source>
      <translation>yes — для предварительного события, созданного по некаталогизированному документу</translation>
    </message>
    <message>
      <source>the date as the list shows it</source>
      <translation>дата в том виде, как её показывает список</translation>
    </message>
    <message>
      <source>number of source documents</source>
      <translation>число исходных документов</translation>
    </message>
    <message>
      <source>your own notes on the event (only when chosen)</source>
      <translation>ваши собственные заметки о событии (только если выбрано)</translation>
    </message>
    <message>
      <source>An offline viewer for a multilingual archive of China–Belarus cooperation events.</source>
      <translation>Автономный просмотрщик многоязычного архива событий китайско-белорусского сотрудничества.</translation>
    </message>
    <message>
      <source>Licences: the application, MIT. Qt / PySide6, LGPLv3. SQLAlchemy and Alembic, MIT. Noto Sans and Noto Sans Devanagari, SIL Open Font License 1.1. Droid Sans Fallback, Apache 2.0. py3langid, BSD. charset-normalizer and platformdirs, MIT. Licence texts are in the resources folder.</source>
      <translation>Лицензии: приложение — MIT. Qt / PySide6 — LGPLv3. SQLAlchemy и Alembic — MIT. Noto Sans и Noto Sans Devanagari — SIL Open Font License 1.1. Droid Sans Fallback — Apache 2.0. py3langid — BSD. charset-normalizer и platformdirs — MIT. Тексты лицензий находятся в папке resources.</translation>
    </message>
    <message>
      <source>Import finished</source>
      <translation>Импорт завершён</translation>
    </message>
    <message>
      <source>Added (each is listed as an uncatalogued event):</source>
      <translation>Добавлены (каждый показан как некаталогизированное событие):</translation>
    </message>
    <message>
      <source>Rejected:</source>
      <translation>Отклонены:</translation>
    </message>
    <message>
      <source>Skipped on purpose (not imported, nothing went wrong):</source>
      <translation>Пропущены намеренно (не импортированы, ошибок нет):</translation>
    </message>
    <message>
      <source>Already in the archive under another name:</source>
      <translation>Уже есть в архиве под другим именем:</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>Столбцы</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспорт</translation>
    </message>
    <message>
      <source>Every shown event to a CSV file (UTF-8, opens in Excel and LibreOffice).</source>
      <translation>Все показанные события — в файл CSV (UTF-8, открывается в Excel и LibreOffice).</translation>
    </message>
    <message>
      <source>Export to</source>
      <translation>Экспортировать в</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
      <source>&lt;b&gt;{added}&lt;/b&gt; document(s) added, &lt;b&gt;{updated}&lt;/b&gt; updated, &lt;b&gt;{unchanged}&lt;/b&gt; already in the archive, &lt;b&gt;{skipped}&lt;/b&gt; skipped, &lt;b&gt;{rejected}&lt;/b&gt; rejected.</source>
      <translation>Документов добавлено: &lt;b&gt;{added}&lt;/b&gt;, обновлено: &lt;b&gt;{updated}&lt;/b&gt;, уже в архиве: &lt;b&gt;{unchanged}&lt;/b&gt;, пропущено: &lt;b&gt;{skipped}&lt;/b&gt;, отклонено: &lt;b&gt;{rejected}&lt;/b&gt;.</translation>
    </message>
    <message>
      <source>The archive &lt;b&gt;{name}&lt;/b&gt; is damaged ({problem}).</source>
      <translation>Архив &lt;b&gt;{name}&lt;/b&gt; повреждён ({problem}).</translation>
    </message>
    <message>
      <source>It was moved aside, not deleted: &lt;code&gt;{moved}&lt;/code&gt; in {folder}.</source>
      <translation>Он не удалён, а перемещён: &lt;code&gt;{moved}&lt;/code&gt; в {folder}.</translation>
    </message>
    <message>
      <source>There is no verified backup. The archive can be built again from the bundled documents.</source>
      <translation>Проверенной резервной копии нет. Архив можно собрать заново из поставляемых документов.</translation>
    </message>
    <message>
      <source>There is no verified backup of this archive.</source>
      <translation>Проверенной резервной копии этого архива нет.</translation>
    </message>
    <message>
      <source>Data: {path}</source>
      <translation>Данные: {path}</translation>
    </message>
    <message>
      <source>Columns:</source>
      <translation>Столбцы:</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>Файл:</translation>
    </message>
    <message>
      <source>Choose at least one column.</source>
      <translation>Выберите хотя бы один столбец.</translation>
    </message>
    <message>
      <source>Choose a file to write.</source>
      <translation>Выберите файл для записи.</translation>
    </message>
    <message>
      <source>&lt;b&gt;{name}&lt;/b&gt;: the same content as {other}</source>
      <translation>&lt;b&gt;{name}&lt;/b&gt;: то же содержимое, что и {other}</translation>
    </message>
    <message>
      <source>The newest verified backup is from &lt;b&gt;{day}&lt;/b&gt; (taken before {reason}). Changes made after it are not in it.</source>
      <translation>Последняя проверенная резервная копия — от &lt;b&gt;{day}&lt;/b&gt; (сделана перед: {reason}). Изменений, внесённых после неё, в ней нет.</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>О программе {app}</translation>
    </message>
    <message>
      <source>Export {what}</source>
      <translation>Экспорт: {what}</translation>
    </message>
    <message>
      <source>{n:,} event(s) to a CSV file (UTF-8, opens in Excel and LibreOffice).</source>
      <translation>Событий: {n:,} — в файл CSV (UTF-8, открывается в Excel и LibreOffice).</translation>
    </message>
    <message>
      <source>Start again from the bundled documents</source>
      <translation>Начать заново с поставляемых документов</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Выход</translation>
    </message>
    <message>
      <source>Restore the backup of {day}</source>
      <translation>Восстановить копию от {day}</translation>
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
      <source>Saved as one step: Edit › Undo (Ctrl+Z) takes it back.</source>
      <translation>Сохраняется одним шагом: Правка › Отменить (Ctrl+Z) возвращает его.</translation>
    </message>
    <message>
      <source>Translation note</source>
      <translation>Примечание к переводу</translation>
    </message>
    <message>
      <source>(not said)</source>
      <translation>(не указано)</translation>
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
      <source>Entity</source>
      <translation>Сущность</translation>
    </message>
    <message>
      <source>Type of the new entity</source>
      <translation>Тип новой сущности</translation>
    </message>
    <message>
      <source>Name in English (where one is established)</source>
      <translation>Имя по-английски (если оно устоялось)</translation>
    </message>
    <message>
      <source>Name of the new entity</source>
      <translation>Имя новой сущности</translation>
    </message>
    <message>
      <source>Name in its own language and script</source>
      <translation>Имя на своём языке и письменности</translation>
    </message>
    <message>
      <source>Native name of the new entity</source>
      <translation>Исходное имя новой сущности</translation>
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
      <source>Why the words are flagged</source>
      <translation>Почему слова отмечены</translation>
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
      <source>The event is found by the entity at once; Ctrl+Z takes the link back.</source>
      <translation>Событие сразу находится по сущности; Ctrl+Z отменяет связь.</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>Дата начала</translation>
    </message>
    <message>
      <source>Start certainty</source>
      <translation>Уверенность в дате начала</translation>
    </message>
    <message>
      <source>Start reason</source>
      <translation>Обоснование даты начала</translation>
    </message>
    <message>
      <source>End date</source>
      <translation>Дата окончания</translation>
    </message>
    <message>
      <source>End certainty</source>
      <translation>Уверенность в дате окончания</translation>
    </message>
    <message>
      <source>End reason</source>
      <translation>Обоснование даты окончания</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(нет)</translation>
    </message>
    <message>
      <source>note: write what a reader should know about these words</source>
      <translation>Примечание: напишите, что читателю нужно знать об этих словах</translation>
    </message>
    <message>
      <source>entity: choose one from the list (type part of any of its names)</source>
      <translation>Сущность: выберите её из списка (введите часть любого из её имён)</translation>
    </message>
    <message>
      <source>Edit event — {event}</source>
      <translation>Изменить событие — {event}</translation>
    </message>
    <message>
      <source>why: say what the words might be, so that the review can start there</source>
      <translation>Почему: скажите, чем могут быть эти слова, — проверке будет с чего начать</translation>
    </message>
    <message>
      <source>name: give the new entity's name in English (its native name below)</source>
      <translation>Имя: укажите имя новой сущности по-английски (исходное — ниже)</translation>
    </message>
    <message>
      <source>&amp;Remove the selected name</source>
      <translation>&amp;Удалить выбранное имя</translation>
    </message>
    <message>
      <source>Another name, as a source writes it</source>
      <translation>Другое имя — как его пишет источник</translation>
    </message>
    <message>
      <source>lang (ru, zh…)</source>
      <translation>язык (ru, zh…)</translation>
    </message>
    <message>
      <source>&amp;Add name</source>
      <translation>&amp;Добавить имя</translation>
    </message>
    <message>
      <source>Canonical name</source>
      <translation>Основное имя</translation>
    </message>
    <message>
      <source>Native name</source>
      <translation>Исходное имя</translation>
    </message>
    <message>
      <source>In its own language and script</source>
      <translation>На своём языке и письменности</translation>
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
      <source>Duplicate</source>
      <translation>Дубликат</translation>
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
      <source>Why it needs another look</source>
      <translation>Почему её нужно проверить ещё раз</translation>
    </message>
    <message>
      <source>Why the entity is flagged</source>
      <translation>Почему сущность отмечена</translation>
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
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>Native</source>
      <translation>Исходное</translation>
    </message>
    <message>
      <source>The duplicate to merge into this one</source>
      <translation>Дубликат, который объединить с этой</translation>
    </message>
    <message>
      <source>Each change is one step: Edit › Undo (Ctrl+Z) takes it back.</source>
      <translation>Каждое изменение — один шаг: Правка › Отменить (Ctrl+Z) возвращает его.</translation>
    </message>
    <message>
      <source>After the merge {name} has both columns' names (the duplicate's as kind &lt;i&gt;merged&lt;/i&gt;), {mentions}, and every event of both.</source>
      <translation>После объединения у {name} будут имена из обоих столбцов (имена дубликата — с видом &lt;i&gt;merged&lt;/i&gt;), {mentions} и все события обеих.</translation>
    </message>
    <message>
      <source>name: an entity needs a name (in English where one is established)</source>
      <translation>Имя: у сущности должно быть имя (по-английски, если оно устоялось)</translation>
    </message>
    <message>
      <source>flag: say why the entity needs another look</source>
      <translation>Отметка: укажите, почему сущность нужно проверить ещё раз</translation>
    </message>
    <message>
      <source>merge: choose the duplicate from the list</source>
      <translation>Объединение: выберите дубликат из списка</translation>
    </message>
    <message>
      <source>Names and merges — {name}</source>
      <translation>Имена и объединения — {name}</translation>
    </message>
    <message>
      <source>Stays (this one)</source>
      <translation>Остаётся (эта)</translation>
    </message>
    <message>
      <source>Merged into it, then removed</source>
      <translation>Объединяется с ней, затем удаляется</translation>
    </message>
    <message>
      <source>{name}   ({key}, {type})   — flagged for review: {reason}</source>
      <translation>{name}   ({key}, {type})   — отмечено для проверки: {reason}</translation>
    </message>
    <message>
      <source>Select an event first</source>
      <translation>Сначала выберите событие</translation>
    </message>
    <message>
      <source>Select an event and the document that reports the new one</source>
      <translation>Выберите событие и документ, сообщающий о новом</translation>
    </message>
    <message>
      <source>Merge an event into this one</source>
      <translation>Объединить событие с этим</translation>
    </message>
    <message>
      <source>The event chosen is the same as the selected one: its sources, participants and parts join the selected event, and it leaves the list.</source>
      <translation>Выбранное здесь событие — то же, что и выделенное: его источники, участники и части переходят к выделенному событию, а само оно уходит из списка.</translation>
    </message>
    <message>
      <source>Part of an event</source>
      <translation>Часть события</translation>
    </message>
    <message>
      <source>The event the selected one is part of:</source>
      <translation>Событие, частью которого является выделенное:</translation>
    </message>
    <message>
      <source>Saved the parent (Ctrl+Z to undo)</source>
      <translation>Родительское событие сохранено (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>(none: it is part of no other event)</source>
      <translation>(нет: не входит ни в одно другое событие)</translation>
    </message>
    <message>
      <source>Saved the sources (Ctrl+Z to undo)</source>
      <translation>Источники сохранены (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Cleared the flag (Ctrl+Z to undo)</source>
      <translation>Отметка снята (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>New event — reported by {file}</source>
      <translation>Новое событие — сообщает {file}</translation>
    </message>
    <message>
      <source>Made the event “{title}” (Ctrl+Z to undo)</source>
      <translation>Создано событие «{title}» (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Merged {event} (Ctrl+Z to undo)</source>
      <translation>Объединено: {event} (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Split “{title}” off (Ctrl+Z to undo)</source>
      <translation>Отделено «{title}» (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Removed {entity} (Ctrl+Z to undo)</source>
      <translation>Удалено: {entity} (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Saved {entity} as {role} (Ctrl+Z to undo)</source>
      <translation>Сохранено: {entity} — {role} (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>&amp;Event</source>
      <translation>&amp;Событие</translation>
    </message>
    <message>
      <source>One step: Ctrl+Z takes it back.</source>
      <translation>Один шаг: Ctrl+Z возвращает его.</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Документы</translation>
    </message>
    <message>
      <source>The new event takes this one's type, dates and place; ticked sources move to it.</source>
      <translation>Новое событие получает тип, даты и место этого; отмеченные флажком источники переходят к нему.</translation>
    </message>
    <message>
      <source>Untick a document to detach it. One step: Ctrl+Z takes it back.</source>
      <translation>Снимите флажок с документа, чтобы отвязать его. Один шаг: Ctrl+Z возвращает его.</translation>
    </message>
    <message>
      <source>Flagged for review</source>
      <translation>Отмечено для проверки</translation>
    </message>
    <message>
      <source>Flags</source>
      <translation>Отметки</translation>
    </message>
    <message>
      <source>event: choose one from the list (type part of its title or id)</source>
      <translation>Событие: выберите его из списка (введите часть заголовка или идентификатора)</translation>
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
      <source>Title of the new event</source>
      <translation>Заголовок нового события</translation>
    </message>
    <message>
      <source>New event's &amp;title</source>
      <translation>&amp;Заголовок нового события</translation>
    </message>
    <message>
      <source>&amp;Moves to it</source>
      <translation>&amp;Переходят к нему</translation>
    </message>
    <message>
      <source>Another document: its file name or SHA-256</source>
      <translation>Другой документ: имя файла или SHA-256</translation>
    </message>
    <message>
      <source>Document to attach</source>
      <translation>Добавляемый документ</translation>
    </message>
    <message>
      <source>&amp;Reported by</source>
      <translation>&amp;Сообщают о нём</translation>
    </message>
    <message>
      <source>&amp;Attach</source>
      <translation>&amp;Добавить</translation>
    </message>
    <message>
      <source>title: the new event needs a title</source>
      <translation>Заголовок: у нового события должен быть заголовок</translation>
    </message>
    <message>
      <source>Flagged</source>
      <translation>Отмечено</translation>
    </message>
    <message>
      <source>Entity or document</source>
      <translation>Сущность или документ</translation>
    </message>
    <message>
      <source>Name or words</source>
      <translation>Имя или слова</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Почему</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Кто</translation>
    </message>
    <message>
      <source>When (UTC)</source>
      <translation>Когда (UTC)</translation>
    </message>
    <message>
      <source>Nothing is flagged. Flag an entity in its Names and merge…, or selected words in the link dialog (Ctrl+Shift+L), when nothing in the authority fits.</source>
      <translation>Ничего не отмечено. Когда в справочнике ничего не подходит, отметьте сущность в окне «Имена и объединения…» или выделенные слова в окне связывания (Ctrl+Shift+L).</translation>
    </message>
    <message>
      <source>{flags}. Enter opens a passage's event; Clear the flag once it has been looked at.</source>
      <translation>{flags}. Enter открывает событие фрагмента; снимите отметку, когда её проверят.</translation>
    </message>
    <message>
      <source>date</source>
      <translation>дата</translation>
    </message>
    <message>
      <source>search</source>
      <translation>поиск</translation>
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
      <source>Tick to include (values of one kind are OR'ed); right-click to exclude</source>
      <translation>Отметьте, чтобы включить (значения одного вида объединяются через ИЛИ); правый щелчок — исключить</translation>
    </message>
    <message>
      <source>From date</source>
      <translation>Дата начала</translation>
    </message>
    <message>
      <source>To date</source>
      <translation>Дата окончания</translation>
    </message>
    <message>
      <source>Include undated / imprecise</source>
      <translation>Включать без даты / неточные</translation>
    </message>
    <message>
      <source>Also show events that may fall in the range (a year-only date, a span crossing it) and undated ones</source>
      <translation>Показывать также события, которые могут попадать в диапазон (дата только с годом, период, пересекающий его), и события без даты</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Фильтры</translation>
    </message>
    <message>
      <source>Include</source>
      <translation>Включить</translation>
    </message>
    <message>
      <source>Exclude</source>
      <translation>Исключить</translation>
    </message>
    <message>
      <source>Remove from filter</source>
      <translation>Убрать из фильтра</translation>
    </message>
    <message>
      <source>Names and merge…</source>
      <translation>Имена и объединение…</translation>
    </message>
    <message>
      <source>from: 2021 or 2021-06</source>
      <translation>с: 2021 или 2021-06</translation>
    </message>
    <message>
      <source>to: 2025-06-30</source>
      <translation>по: 2025-06-30</translation>
    </message>
    <message>
      <source>{kind}: not {value}</source>
      <translation>{kind}: кроме {value}</translation>
    </message>
    <message>
      <source>Remove this filter</source>
      <translation>Убрать этот фильтр</translation>
    </message>
    <message>
      <source>Clear all</source>
      <translation>Сбросить все</translation>
    </message>
    <message>
      <source>Filter {what} — any spelling, any script</source>
      <translation>Искать: {what} — любое написание, любая письменность</translation>
    </message>
    <message>
      <source>Find {what} by name</source>
      <translation>Поиск по имени: {what}</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
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
      <source>Title</source>
      <translation>Заголовок</translation>
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
      <source>Main</source>
      <translation>Основная панель</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Поиск</translation>
    </message>
    <message>
      <source>Opening the archive…</source>
      <translation>Открытие архива…</translation>
    </message>
    <message>
      <source>Move between the panes: search, filters, timeline, list, detail</source>
      <translation>Переход между панелями: поиск, фильтры, временная шкала, список, подробности</translation>
    </message>
    <message>
      <source>Up, Down, Page Up, Page Down, Home, End</source>
      <translation>Вверх, Вниз, Page Up, Page Down, Home, End</translation>
    </message>
    <message>
      <source>Move in the event list</source>
      <translation>Перемещение по списку событий</translation>
    </message>
    <message>
      <source>In the search box: clear it · in the timeline: clear its range · in a note: give up the edit</source>
      <translation>В поле поиска: очистить его · на временной шкале: сбросить диапазон · в заметке: отменить правку</translation>
    </message>
    <message>
      <source>Proposals tab: accept / reject the selected proposal</source>
      <translation>Вкладка «Предложения»: принять / отклонить выбранное предложение</translation>
    </message>
    <message>
      <source>Proposals tab: accept every open proposal of the selected one's kind</source>
      <translation>Вкладка «Предложения»: принять все открытые предложения того же вида, что и выбранное</translation>
    </message>
    <message>
      <source>Proposals tab: show the passage it was read from · Flagged for review: open the event</source>
      <translation>Вкладка «Предложения»: показать фрагмент, из которого оно взято · Отмечено для проверки: открыть событие</translation>
    </message>
    <message>
      <source>Space</source>
      <translation>Пробел</translation>
    </message>
    <message>
      <source>Filters: tick or untick the value under the cursor</source>
      <translation>Фильтры: отметить или снять отметку со значения под курсором</translation>
    </message>
    <message>
      <source>Go to event</source>
      <translation>Перейти к событию</translation>
    </message>
    <message>
      <source>Event id (evt.…, doc.…, or its number):</source>
      <translation>Идентификатор события (evt.…, doc.… или его номер):</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Сочетания клавиш</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Клавиши</translation>
    </message>
    <message>
      <source>What they do</source>
      <translation>Что они делают</translation>
    </message>
    <message>
      <source>Every menu item is also reached with Alt and its underlined letter.</source>
      <translation>Любой пункт меню доступен также по Alt и подчёркнутой букве.</translation>
    </message>
    <message>
      <source>proposal decided</source>
      <translation>решение по предложению</translation>
    </message>
    <message>
      <source>participant</source>
      <translation>участник</translation>
    </message>
    <message>
      <source>passage linked</source>
      <translation>фрагмент связан</translation>
    </message>
    <message>
      <source>flagged for review</source>
      <translation>отмечено для проверки</translation>
    </message>
    <message>
      <source>merged into</source>
      <translation>объединено с</translation>
    </message>
    <message>
      <source>created</source>
      <translation>создано</translation>
    </message>
    <message>
      <source>{change} (undone)</source>
      <translation>{change} (отменено)</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>ничего</translation>
    </message>
    <message>
      <source>{field}: the catalogue now says “{catalogue}”; yours, “{yours}”, is shown</source>
      <translation>{field}: в каталоге теперь «{catalogue}»; показано ваше — «{yours}»</translation>
    </message>
    <message>
      <source>Changed under your edit by a rebuild:</source>
      <translation>Изменено пересборкой поверх вашей правки:</translation>
    </message>
    <message>
      <source>Conflicts with the catalogue</source>
      <translation>Расхождения с каталогом</translation>
    </message>
    <message>
      <source>Edit history</source>
      <translation>История правок</translation>
    </message>
    <message>
      <source>Nobody has edited this event yet: what you change is listed here, who and when.</source>
      <translation>Это событие ещё никто не правил: здесь будут перечислены изменения — кто и когда.</translation>
    </message>
    <message>
      <source>Building the archive</source>
      <translation>Сборка архива</translation>
    </message>
    <message>
      <source>Building the archive from the bundled documents…</source>
      <translation>Сборка архива из поставляемых документов…</translation>
    </message>
    <message>
      <source>Import documents</source>
      <translation>Импорт документов</translation>
    </message>
    <message>
      <source>Import a folder of documents</source>
      <translation>Импортировать папку с документами</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>Импорт</translation>
    </message>
    <message>
      <source>Importing documents…</source>
      <translation>Импорт документов…</translation>
    </message>
    <message>
      <source>Exporting</source>
      <translation>Экспорт</translation>
    </message>
    <message>
      <source>Text (*.txt)</source>
      <translation>Текст (*.txt)</translation>
    </message>
    <message>
      <source>Select one or more events first (Ctrl+click, Shift+click).</source>
      <translation>Сначала выберите одно или несколько событий (Ctrl+щелчок, Shift+щелчок).</translation>
    </message>
    <message>
      <source>selected events</source>
      <translation>выбранные события</translation>
    </message>
    <message>
      <source>all shown events</source>
      <translation>все показанные события</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Все файлы (*)</translation>
    </message>
    <message>
      <source>Writing {name}…</source>
      <translation>Запись {name}…</translation>
    </message>
    <message>
      <source>Archive built: {documents} documents, {events} events, {rejected} rejected</source>
      <translation>Архив собран: документов — {documents}, событий — {events}, отклонено — {rejected}</translation>
    </message>
    <message>
      <source>Wrote {n:,} event(s) to {path}</source>
      <translation>Записано событий: {n:,} — в {path}</translation>
    </message>
    <message>
      <source>Search: {problem}</source>
      <translation>Поиск: {problem}</translation>
    </message>
    <message>
      <source>Their dates are known only to the year or month, which overlaps the range chosen.</source>
      <translation>Их даты известны только с точностью до года или месяца, который пересекается с выбранным диапазоном.</translation>
    </message>
    <message>
      <source>The filters hid that event: they were cleared.</source>
      <translation>Фильтры скрывали это событие: они сброшены.</translation>
    </message>
    <message>
      <source>0 events — {events} may fall in these dates: tick “Include undated / imprecise” to see them</source>
      <translation>0 событий — в эти даты могут попадать {events}: отметьте «Включать без даты / неточные», чтобы увидеть их</translation>
    </message>
    <message>
      <source>{span} (+ imprecise)</source>
      <translation>{span} (+ неточные)</translation>
    </message>
    <message>
      <source>{n:,}+ events, counting…</source>
      <translation>Событий: {n:,}+, идёт подсчёт…</translation>
    </message>
    <message>
      <source>Filtered by {kind}: {name}</source>
      <translation>Фильтр по категории «{kind}»: {name}</translation>
    </message>
    <message>
      <source>No event has the id {key}.</source>
      <translation>Нет события с идентификатором {key}.</translation>
    </message>
    <message>
      <source>Reset columns</source>
      <translation>Сбросить столбцы</translation>
    </message>
    <message>
      <source>Copy id</source>
      <translation>Копировать идентификатор</translation>
    </message>
    <message>
      <source>Copied {n} id(s)</source>
      <translation>Скопировано идентификаторов: {n}</translation>
    </message>
    <message>
      <source>No place of these events is on the map</source>
      <translation>Ни одного места этих событий нет на карте</translation>
    </message>
    <message>
      <source>Map of places</source>
      <translation>Карта мест</translation>
    </message>
    <message>
      <source>{place}: {events} — click to filter</source>
      <translation>{place}: {events} — щёлкните, чтобы отфильтровать</translation>
    </message>
    <message>
      <source>Where the search matched. Click to sort by relevance (best first).</source>
      <translation>Где найдено совпадение. Щёлкните, чтобы упорядочить по релевантности (сначала лучшие).</translation>
    </message>
    <message>
      <source>{name}: {events} under the other filters</source>
      <translation>{name}: {events} при остальных фильтрах</translation>
    </message>
    <message>
      <source>{name}: {events} under the other filters — excluded</source>
      <translation>{name}: {events} при остальных фильтрах — исключено</translation>
    </message>
    <message>
      <source>Names in the catalogue</source>
      <translation>Имена в каталоге</translation>
    </message>
    <message>
      <source>From datasets (CLDR, ISO, GeoNames)</source>
      <translation>Из наборов данных (CLDR, ISO, GeoNames)</translation>
    </message>
    <message>
      <source>Generated (transliterations, abbreviations)</source>
      <translation>Созданные автоматически (транслитерации, сокращения)</translation>
    </message>
    <message>
      <source>{names} … and {n} more</source>
      <translation>{names} … и ещё {n}</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Участники</translation>
    </message>
    <message>
      <source>&amp;Remove the selected participant</source>
      <translation>&amp;Удалить выбранного участника</translation>
    </message>
    <message>
      <source>Person, organisation or place</source>
      <translation>Лицо, организация или место</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Роль</translation>
    </message>
    <message>
      <source>Title held at the time (Ambassador, rector…)</source>
      <translation>Должность в то время (посол, ректор…)</translation>
    </message>
    <message>
      <source>Title held</source>
      <translation>Должность</translation>
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
      <source>Participant</source>
      <translation>Участник</translation>
    </message>
    <message>
      <source>Type any of its names, in any script</source>
      <translation>Введите любое из имён на любой письменности</translation>
    </message>
    <message>
      <source>participant: choose a person, organisation or place from the list</source>
      <translation>Участник: выберите лицо, организацию или место из списка</translation>
    </message>
    <message>
      <source>Participants — {title}</source>
      <translation>Участники — {title}</translation>
    </message>
    <message>
      <source>A accept · R reject · Shift+A accept all of this kind · Enter show the passage</source>
      <translation>A — принять · R — отклонить · Shift+A — принять все такого вида · Enter — показать фрагмент</translation>
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
      <source>{n} to decide</source>
      <translation>Не решено: {n}</translation>
    </message>
    <message>
      <source>{n} rejected (Ctrl+Z brings one back)</source>
      <translation>отклонено: {n} (Ctrl+Z возвращает одно)</translation>
    </message>
    <message>
      <source>navigation</source>
      <translation>навигация</translation>
    </message>
    <message>
      <source>metadata</source>
      <translation>метаданные</translation>
    </message>
    <message>
      <source>headline-list</source>
      <translation>список заголовков</translation>
    </message>
    <message>
      <source>duplicate-title</source>
      <translation>повтор заголовка</translation>
    </message>
    <message>
      <source>credit</source>
      <translation>авторство</translation>
    </message>
    <message>
      <source>other</source>
      <translation>другое</translation>
    </message>
    <message>
      <source>English — the archive's translation</source>
      <translation>Английский — перевод архива</translation>
    </message>
    <message>
      <source>(debris — not translated)</source>
      <translation>(мусор страницы — не переводится)</translation>
    </message>
    <message>
      <source>likely original: {original}</source>
      <translation>вероятный оригинал: {original}</translation>
    </message>
    <message>
      <source>a reader</source>
      <translation>читатель</translation>
    </message>
    <message>
      <source>[+ {kind} — {n:,} characters, not part of the article: show]</source>
      <translation>[+ {kind} — {n:,} симв., не входит в статью: показать]</translation>
    </message>
    <message>
      <source>No translation notes for this document.</source>
      <translation>К этому документу нет примечаний к переводу.</translation>
    </message>
    <message>
      <source>by {author}</source>
      <translation>автор: {author}</translation>
    </message>
    <message>
      <source>it is not a file</source>
      <translation>это не файл</translation>
    </message>
    <message>
      <source>it is far too large ({size:,} bytes)</source>
      <translation>он слишком велик ({size:,} байт)</translation>
    </message>
    <message>
      <source>it contains binary data</source>
      <translation>он содержит двоичные данные</translation>
    </message>
    <message>
      <source>Qt could not read it</source>
      <translation>Qt не смог его прочитать</translation>
    </message>
    <message>
      <source>the old file is kept as {name}</source>
      <translation>старый файл сохранён как {name}</translation>
    </message>
    <message>
      <source>The settings file {name} could not be used ({problem}): started with the default settings; {kept}.</source>
      <translation>Не удалось использовать файл настроек {name} ({problem}): запуск с настройками по умолчанию; {kept}.</translation>
    </message>
    <message>
      <source>it cannot be read ({reason})</source>
      <translation>его нельзя прочитать ({reason})</translation>
    </message>
    <message>
      <source>it is not UTF-8 text</source>
      <translation>это не текст в UTF-8</translation>
    </message>
    <message>
      <source>line {number} is not a setting</source>
      <translation>строка {number} не является настройкой</translation>
    </message>
    <message>
      <source>the old file was left as it is</source>
      <translation>старый файл оставлен как есть</translation>
    </message>
    <message>
      <source>reader</source>
      <translation>читатель</translation>
    </message>
    <message>
      <source>cataloguer</source>
      <translation>каталогизатор</translation>
    </message>
    <message>
      <source>archivist</source>
      <translation>архивист</translation>
    </message>
    <message>
      <source>admin</source>
      <translation>администратор</translation>
    </message>
    <message>
      <source>offline copy</source>
      <translation>офлайн-копия</translation>
    </message>
    <message>
      <source>Server unreachable</source>
      <translation>Сервер недоступен</translation>
    </message>
    <message>
      <source>Open shared archive</source>
      <translation>Открыть общий архив</translation>
    </message>
    <message>
      <source>The address of a team's archive on a PostgreSQL server, as its administrator gave it. The password comes from your pgpass file or the system keyring, never from here.</source>
      <translation>Адрес архива команды на сервере PostgreSQL — тот, что дал администратор. Пароль берётся из файла pgpass или системного хранилища ключей, никогда не отсюда.</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Адрес сервера</translation>
    </message>
    <message>
      <source>Connected to the server again; the list is up to date.</source>
      <translation>Связь с сервером восстановлена; список обновлён.</translation>
    </message>
    <message>
      <source>Write it as postgresql://name@server/archive.</source>
      <translation>Запишите адрес так: postgresql://имя@сервер/архив.</translation>
    </message>
    <message>
      <source>Leave the password out of the address: put it in your pgpass file or the keyring.</source>
      <translation>Не указывайте пароль в адресе: сохраните его в файле pgpass или в хранилище ключей.</translation>
    </message>
    <message>
      <source>your role is {role}: you can read and keep your own notes</source>
      <translation>ваша роль — {role}: вы можете читать и вести свои заметки</translation>
    </message>
    <message>
      <source>{problem}. The window refreshes when the server is back.</source>
      <translation>{problem}. Окно обновится, когда сервер вернётся.</translation>
    </message>
    <message>
      <source>Server unreachable ({problem}); what is shown stays readable.</source>
      <translation>Сервер недоступен ({problem}); показанное остаётся доступным для чтения.</translation>
    </message>
    <message>
      <source>Needs the {needs} role (yours: {role})</source>
      <translation>Нужна роль «{needs}» (ваша: {role})</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Шкала времени</translation>
    </message>
    <message>
      <source>Drag across the bars to filter by date; double-click or Esc clears the date filter</source>
      <translation>Проведите по столбикам, чтобы отфильтровать по дате; двойной щелчок или Esc сбрасывает фильтр по дате</translation>
    </message>
    <message>
      <source>{period}: {events} ({n:,} with imprecise dates)
Hatched: events whose date is not known to lie within this year;
each is counted at the earliest day it can have happened.</source>
      <translation>{period}: {events} (с неточной датой: {n:,})
Штриховка: события, о которых неизвестно, попадает ли их дата в этот год;
каждое учтено в самый ранний день, когда оно могло произойти.</translation>
    </message>
    <message>
      <source>{period}: {events} ({n:,} with imprecise dates)
Hatched: events whose date is not known to lie within this month;
each is counted at the earliest day it can have happened.</source>
      <translation>{period}: {events} (с неточной датой: {n:,})
Штриховка: события, о которых неизвестно, попадает ли их дата в этот месяц;
каждое учтено в самый ранний день, когда оно могло произойти.</translation>
    </message>
    <message>
      <source>No dated events</source>
      <translation>Нет датированных событий</translation>
    </message>
    <message>
      <source>{events} from {first} to {last}; {undated:,} undated. Drag across the bars to filter by date.</source>
      <translation>{events} с {first} по {last}; без даты: {undated:,}. Проведите по столбикам, чтобы отфильтровать по дате.</translation>
    </message>
    <message>
      <source>{events}; {undated:,} undated. Drag across the bars to filter by date.</source>
      <translation>{events}; без даты: {undated:,}. Проведите по столбикам, чтобы отфильтровать по дате.</translation>
    </message>
    <message>
      <source>{n:,} undated</source>
      <translation>без даты: {n:,}</translation>
    </message>
    <message>
      <source>{events} with no known year: counted here, not placed on the timeline</source>
      <translation>Год неизвестен: {events} — они учтены здесь, а не на шкале времени</translation>
    </message>
    <message>
      <source>conference</source>
      <translation>конференция</translation>
    </message>
    <message>
      <source>seminar</source>
      <translation>семинар</translation>
    </message>
    <message>
      <source>forum</source>
      <translation>форум</translation>
    </message>
    <message>
      <source>meeting</source>
      <translation>встреча</translation>
    </message>
    <message>
      <source>visit</source>
      <translation>визит</translation>
    </message>
    <message>
      <source>signing</source>
      <translation>подписание</translation>
    </message>
    <message>
      <source>opening</source>
      <translation>открытие</translation>
    </message>
    <message>
      <source>ceremony</source>
      <translation>церемония</translation>
    </message>
    <message>
      <source>launch</source>
      <translation>запуск</translation>
    </message>
    <message>
      <source>presentation</source>
      <translation>презентация</translation>
    </message>
    <message>
      <source>programme</source>
      <translation>программа</translation>
    </message>
    <message>
      <source>agreement</source>
      <translation>соглашение</translation>
    </message>
    <message>
      <source>anniversary</source>
      <translation>годовщина</translation>
    </message>
    <message>
      <source>tour</source>
      <translation>поездка</translation>
    </message>
    <message>
      <source>in-person</source>
      <translation>очно</translation>
    </message>
    <message>
      <source>online</source>
      <translation>онлайн</translation>
    </message>
    <message>
      <source>hybrid</source>
      <translation>смешанный формат</translation>
    </message>
    <message>
      <source>person</source>
      <translation>персона</translation>
    </message>
    <message>
      <source>organisation</source>
      <translation>организация</translation>
    </message>
    <message>
      <source>country</source>
      <translation>страна</translation>
    </message>
    <message>
      <source>organiser</source>
      <translation>организатор</translation>
    </message>
    <message>
      <source>co-organiser</source>
      <translation>соорганизатор</translation>
    </message>
    <message>
      <source>host</source>
      <translation>принимающая сторона</translation>
    </message>
    <message>
      <source>sponsor</source>
      <translation>спонсор</translation>
    </message>
    <message>
      <source>supervisor</source>
      <translation>руководитель</translation>
    </message>
    <message>
      <source>speaker</source>
      <translation>докладчик</translation>
    </message>
    <message>
      <source>signatory</source>
      <translation>подписант</translation>
    </message>
    <message>
      <source>visitor</source>
      <translation>гость</translation>
    </message>
    <message>
      <source>accompanying</source>
      <translation>сопровождающий</translation>
    </message>
    <message>
      <source>presenter</source>
      <translation>ведущий</translation>
    </message>
    <message>
      <source>subject</source>
      <translation>предмет события</translation>
    </message>
    <message>
      <source>gloss</source>
      <translation>пояснение</translation>
    </message>
    <message>
      <source>name variant</source>
      <translation>вариант имени</translation>
    </message>
    <message>
      <source>transliteration</source>
      <translation>транслитерация</translation>
    </message>
    <message>
      <source>mistranslation</source>
      <translation>ошибка перевода</translation>
    </message>
    <message>
      <source>garbled</source>
      <translation>искажение</translation>
    </message>
    <message>
      <source>punctuation</source>
      <translation>пунктуация</translation>
    </message>
    <message>
      <source>dating</source>
      <translation>датировка</translation>
    </message>
    <message>
      <source>conflict</source>
      <translation>противоречие</translation>
    </message>
    <message>
      <source>omission</source>
      <translation>пропуск</translation>
    </message>
    <message>
      <source>page debris</source>
      <translation>мусор страницы</translation>
    </message>
    <message>
      <source>identification</source>
      <translation>идентификация</translation>
    </message>
    <message>
      <source>certain</source>
      <translation>достоверно</translation>
    </message>
    <message>
      <source>probable</source>
      <translation>вероятно</translation>
    </message>
    <message>
      <source>possible</source>
      <translation>возможно</translation>
    </message>
    <message>
      <source>stated</source>
      <translation>указана в источнике</translation>
    </message>
    <message>
      <source>inferred</source>
      <translation>выведена</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>неизвестно</translation>
    </message>
    <message>
      <source>machine</source>
      <translation>машинный</translation>
    </message>
    <message>
      <source>agency</source>
      <translation>агентский</translation>
    </message>
    <message>
      <source>human</source>
      <translation>ручной</translation>
    </message>
    <message>
      <source>English</source>
      <translation>английский</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>русский</translation>
    </message>
    <message>
      <source>Belarusian</source>
      <translation>белорусский</translation>
    </message>
    <message>
      <source>Hindi</source>
      <translation>хинди</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>китайский</translation>
    </message>
    <message>
      <source>Saved views</source>
      <translation>Сохранённые виды</translation>
    </message>
    <message>
      <source>A click brings a view back: its filters, search, order and columns</source>
      <translation>Щелчок возвращает вид: его фильтры, поиск, порядок и столбцы</translation>
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
      <source>Show</source>
      <translation>Показать</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>Переименовать…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Export all views…</source>
      <translation>Экспорт всех видов…</translation>
    </message>
    <message>
      <source>Save view</source>
      <translation>Сохранить вид</translation>
    </message>
    <message>
      <source>Name of the view:</source>
      <translation>Имя вида:</translation>
    </message>
    <message>
      <source>Rename view</source>
      <translation>Переименовать вид</translation>
    </message>
    <message>
      <source>New name:</source>
      <translation>Новое имя:</translation>
    </message>
    <message>
      <source>Export views</source>
      <translation>Экспорт видов</translation>
    </message>
    <message>
      <source>Import views</source>
      <translation>Импорт видов</translation>
    </message>
    <message>
      <source>Wrote {n} view(s) to {file}</source>
      <translation>Записано видов: {n}, в {file}</translation>
    </message>
    <message>
      <source>{file}: not a views file (it needs "{key}": 1 and a list of "views")</source>
      <translation>{file}: это не файл видов (нужны "{key}": 1 и список "views")</translation>
    </message>
    <message>
      <source>{file}: a view without a name; each view needs one</source>
      <translation>{file}: вид без имени; у каждого вида должно быть имя</translation>
    </message>
    <message>
      <source>Saved the view “{name}”</source>
      <translation>Вид «{name}» сохранён</translation>
    </message>
    <message>
      <source>Showing the view “{name}”</source>
      <translation>Показан вид «{name}»</translation>
    </message>
    <message>
      <source>Imported {n} view(s)</source>
      <translation>Импортировано видов: {n}</translation>
    </message>
    <message>
      <source>{file}: not a views file ({problem})</source>
      <translation>{file}: это не файл видов ({problem})</translation>
    </message>
    <message>
      <source>title</source>
      <translation>заголовок</translation>
    </message>
    <message>
      <source>summary</source>
      <translation>резюме</translation>
    </message>
    <message>
      <source>type</source>
      <translation>тип</translation>
    </message>
    <message>
      <source>start</source>
      <translation>начало</translation>
    </message>
    <message>
      <source>end</source>
      <translation>конец</translation>
    </message>
    <message>
      <source>Created the person {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>Создано лицо {name} из «{quote}» (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Created the organisation {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>Создана организация {name} из «{quote}» (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Created the place {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>Создано место {name} из «{quote}» (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Created the country {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>Создана страна {name} из «{quote}» (Ctrl+Z — отменить)</translation>
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
      <source>Open shared archive…</source>
      <translation>Открыть общий архив…</translation>
    </message>
    <message>
      <source>A team's archive on a PostgreSQL server, in a window of its own</source>
      <translation>Архив команды на сервере PostgreSQL, в отдельном окне</translation>
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
      <source>The window will be in this language from the next start</source>
      <translation>Окно будет на этом языке со следующего запуска</translation>
    </message>
    <message>
      <source>Created the {kind} {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>Создана сущность {name} ({kind}) из «{quote}» (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>События</translation>
    </message>
    <message>
      <source>Read-only notice</source>
      <translation>Уведомление о режиме только для чтения</translation>
    </message>
    <message>
      <source>Clear search</source>
      <translation>Очистить поиск</translation>
    </message>
    <message>
      <source>&amp;Map of places</source>
      <translation>&amp;Карта мест</translation>
    </message>
    <message>
      <source>Where the events shown are, above the list (a click on a place filters by it)</source>
      <translation>Где происходят показанные события — над списком (щелчок по месту фильтрует по нему)</translation>
    </message>
    <message>
      <source>&amp;Filters pane</source>
      <translation>Панель &amp;фильтров</translation>
    </message>
    <message>
      <source>Show or hide the saved views and filters at the left</source>
      <translation>Показать или скрыть сохранённые виды и фильтры слева</translation>
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
      <source>Note deleted (Ctrl+Z brings it back)</source>
      <translation>Примечание удалено (Ctrl+Z возвращает его)</translation>
    </message>
    <message>
      <source>Note added</source>
      <translation>Заметка добавлена</translation>
    </message>
    <message>
      <source>Note saved</source>
      <translation>Заметка сохранена</translation>
    </message>
    <message>
      <source>Note deleted</source>
      <translation>Заметка удалена</translation>
    </message>
    <message>
      <source>Something went wrong. The details are in {log}.</source>
      <translation>Что-то пошло не так. Подробности — в {log}.</translation>
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
    <message>
      <source>{file} has damaged pages ({problem}). Export what you need now; at the next start the damaged file will be set aside and the newest verified backup offered.</source>
      <translation>В {file} повреждены страницы ({problem}). Экспортируйте нужное сейчас; при следующем запуске повреждённый файл будет отложен и предложена самая новая проверенная резервная копия.</translation>
    </message>
    <message>
      <source>Select an event to edit it</source>
      <translation>Выберите событие, чтобы изменить его</translation>
    </message>
    <message>
      <source>Accepted {n} proposal(s) (Ctrl+Z to undo)</source>
      <translation>Принято предложений: {n} (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Rejected {n} proposal(s) (Ctrl+Z to undo)</source>
      <translation>Отклонено предложений: {n} (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Cancelled; everything written so far is complete.</source>
      <translation>Отменено; всё, что уже записано, записано полностью.</translation>
    </message>
    <message>
      <source>Something went wrong ({error}). The details are in {log}.</source>
      <translation>Что-то пошло не так ({error}). Подробности — в {log}.</translation>
    </message>
    <message>
      <source>Read-only: {reason}. Changes are disabled: importing, rebuilding and editing your notes.</source>
      <translation>Только для чтения: {reason}. Изменения недоступны: импорт, пересборка и правка ваших заметок.</translation>
    </message>
    <message>
      <source>{app} (read-only)</source>
      <translation>{app} (только для чтения)</translation>
    </message>
    <message>
      <source>Saved {fields} (Ctrl+Z to undo)</source>
      <translation>Сохранено: {fields} (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Undid: {step}</source>
      <translation>Отменено: {step}</translation>
    </message>
    <message>
      <source>Nothing to undo</source>
      <translation>Нечего отменять</translation>
    </message>
    <message>
      <source>Redid: {step}</source>
      <translation>Повторено: {step}</translation>
    </message>
    <message>
      <source>Nothing to redo</source>
      <translation>Нечего повторять</translation>
    </message>
    <message>
      <source>Some saved settings could not be used ({error}): the defaults are used.</source>
      <translation>Некоторые сохранённые настройки не удалось применить ({error}): используются настройки по умолчанию.</translation>
    </message>
    <message>
      <source>Disabled: the archive is read-only ({reason})</source>
      <translation>Недоступно: архив только для чтения ({reason})</translation>
    </message>
    <message>
      <source>Saved the names</source>
      <translation>Имена сохранены</translation>
    </message>
    <message>
      <source>{done} (Ctrl+Z to undo)</source>
      <translation>{done} (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Linked “{quote}” to {key} (Ctrl+Z to undo)</source>
      <translation>«{quote}» связано с {key} (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Added the name {name}</source>
      <translation>Добавлено имя {name}</translation>
    </message>
    <message>
      <source>Removed the name {name}</source>
      <translation>Удалено имя {name}</translation>
    </message>
    <message>
      <source>Merged {other} into {key}</source>
      <translation>{other} объединено с {key}</translation>
    </message>
    <message>
      <source>Flagged “{quote}” for review (Ctrl+Z to undo)</source>
      <translation>«{quote}» отмечено для проверки (Ctrl+Z — отменить)</translation>
    </message>
    <message>
      <source>Flagged {key} for review</source>
      <translation>{key} отмечено для проверки</translation>
    </message>
    <message>
      <source>Cleared the flag of {key}</source>
      <translation>Снята отметка с {key}</translation>
    </message>
    <message numerus="yes">
      <source>%n conflict(s)</source>
      <translation>
        <numerusform>%n конфликт</numerusform>
        <numerusform>%n конфликта</numerusform>
        <numerusform>%n конфликтов</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n mention(s)</source>
      <translation>
        <numerusform>%n упоминание</numerusform>
        <numerusform>%n упоминания</numerusform>
        <numerusform>%n упоминаний</numerusform>
      </translation>
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
      <source>%n flag(s)</source>
      <translation>
        <numerusform>%n отметка</numerusform>
        <numerusform>%n отметки</numerusform>
        <numerusform>%n отметок</numerusform>
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
