<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ArchiveViewer</name>
    <message>
      <source>added</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>entity</source>
      <translation>实体</translation>
    </message>
    <message>
      <source>event</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>document</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>file</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Import a catalogue</source>
      <translation>导入目录</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>改动</translation>
    </message>
    <message>
      <source>&amp;Build from it</source>
      <translation>据此构建(&amp;B)</translation>
    </message>
    <message>
      <source>Export the catalogue into a folder</source>
      <translation>将目录导出到文件夹</translation>
    </message>
    <message>
      <source>Exporting the catalogue</source>
      <translation>正在导出目录</translation>
    </message>
    <message>
      <source>Import a catalogue folder</source>
      <translation>导入目录文件夹</translation>
    </message>
    <message>
      <source>Importing a catalogue</source>
      <translation>正在导入目录</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Was</source>
      <translation>原值</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>现值</translation>
    </message>
    <message>
      <source>Writing the catalogue to {folder}…</source>
      <translation>正在将目录写入 {folder}…</translation>
    </message>
    <message>
      <source>Building the archive from {folder}…</source>
      <translation>正在根据 {folder} 构建档案…</translation>
    </message>
    <message>
      <source>Wrote the catalogue to {folder}: {documents} documents, {entities} entities, {events} events</source>
      <translation>目录已写入 {folder}：{documents} 个文档，{entities} 个实体，{events} 个事件</translation>
    </message>
    <message>
      <source>Export the catalogue</source>
      <translation>导出目录</translation>
    </message>
    <message>
      <source>Building from &lt;b&gt;{folder}&lt;/b&gt; would make {n} change(s). Your own edits stay over it (a field it says otherwise is shown as a conflict); a backup is taken first.</source>
      <translation>据 &lt;b&gt;{folder}&lt;/b&gt; 构建将产生 {n} 处改动。您自己的修改仍优先保留（与其说法不同的字段显示为冲突）；构建前会先做备份。</translation>
    </message>
    <message>
      <source>&lt;b&gt;{folder}&lt;/b&gt; says what the archive says: nothing would change.</source>
      <translation>&lt;b&gt;{folder}&lt;/b&gt; 与档案内容一致：不会有任何改动。</translation>
    </message>
    <message>
      <source>It cannot be built until these are fixed (archive-viewer check --seeds FOLDER):</source>
      <translation>修复以下问题之前无法构建（archive-viewer check --seeds FOLDER）：</translation>
    </message>
    <message>
      <source>Built from {folder}: {documents} documents, {events} events (the archive follows that folder now)</source>
      <translation>已根据 {folder} 构建：{documents} 个文档，{events} 个事件（档案现在以该文件夹为准）</translation>
    </message>
    <message>
      <source>… and {n} more</source>
      <translation>… 另有 {n} 项</translation>
    </message>
    <message>
      <source>{said}.

Left out:
{problems}</source>
      <translation>{said}。

未包含：
{problems}</translation>
    </message>
    <message>
      <source>Add your own note on this event: searchable, kept across rebuilds</source>
      <translation>为此事件添加您自己的笔记：可搜索，重新构建后仍保留</translation>
    </message>
    <message>
      <source>Add a private note on this event: only you can see and search it</source>
      <translation>为此事件添加私人笔记：只有您能看到和搜索</translation>
    </message>
    <message>
      <source>This text does not match the SHA-256 recorded when it was stored: it was changed in the store after it was received. It is NOT the original. Restore a backup, or import the file again.</source>
      <translation>此文本与存储时记录的 SHA-256 不符：它在收到之后于存储中被改动过。它并非原文。请恢复备份，或重新导入该文件。</translation>
    </message>
    <message>
      <source>The original beside the archive's English rendering, paragraph by paragraph</source>
      <translation>原文与档案的英文译文逐段对照</translation>
    </message>
    <message>
      <source>The archive has no English rendering of this document (it is in English, or not yet translated)</source>
      <translation>档案中没有此文档的英文译文（它本身是英文，或尚未翻译）</translation>
    </message>
    <message>
      <source>Date stated in the source</source>
      <translation>日期见于来源</translation>
    </message>
    <message>
      <source>Date inferred</source>
      <translation>日期为推断</translation>
    </message>
    <message>
      <source>Date proposed by the first pass</source>
      <translation>日期由初步识别提出</translation>
    </message>
    <message>
      <source>Date unknown</source>
      <translation>日期未知</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Title (from the lead)</source>
      <translation>标题（取自导语）</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>发布日期</translation>
    </message>
    <message>
      <source>Page saved</source>
      <translation>页面保存时间</translation>
    </message>
    <message>
      <source>Event from</source>
      <translation>事件开始</translation>
    </message>
    <message>
      <source>Event until</source>
      <translation>事件结束</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Filed from</source>
      <translation>发稿地</translation>
    </message>
    <message>
      <source>Same event as</source>
      <translation>与此为同一事件</translation>
    </message>
    <message>
      <source>New person?</source>
      <translation>新人物？</translation>
    </message>
    <message>
      <source>New organisation?</source>
      <translation>新机构？</translation>
    </message>
    <message>
      <source>New place?</source>
      <translation>新地点？</translation>
    </message>
    <message>
      <source>Another name of?</source>
      <translation>别名？</translation>
    </message>
    <message>
      <source>Short name of?</source>
      <translation>简称？</translation>
    </message>
    <message>
      <source>The archive has no English rendering of this document (it is in English, or not yet translated).</source>
      <translation>档案中没有此文档的英文译文（它本身是英文，或尚未翻译）。</translation>
    </message>
    <message>
      <source>Uncatalogued: made automatically from an imported document and not yet checked by an archivist.</source>
      <translation>未编目：根据导入的文档自动生成，尚未经档案员核对。</translation>
    </message>
    <message>
      <source>The marks' legend and the document's provenance</source>
      <translation>标记图例与文档来源</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>Source document</source>
      <translation>来源文档</translation>
    </message>
    <message>
      <source>Original</source>
      <translation>原文</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>对照</translation>
    </message>
    <message>
      <source>Show debris</source>
      <translation>显示页面杂项</translation>
    </message>
    <message>
      <source>Navigation, metadata and unrelated headlines: kept, but not part of the article</source>
      <translation>导航、元数据和无关标题：予以保留，但不属于正文</translation>
    </message>
    <message>
      <source>Original text</source>
      <translation>原文文本</translation>
    </message>
    <message>
      <source>Translation notes</source>
      <translation>翻译注释</translation>
    </message>
    <message>
      <source>What the marks in the text mean</source>
      <translation>文中标记的含义</translation>
    </message>
    <message>
      <source>Provenance of the document</source>
      <translation>文档出处</translation>
    </message>
    <message>
      <source>Your notes, proposals and history</source>
      <translation>我的笔记、建议和历史</translation>
    </message>
    <message>
      <source>Tabs: your notes, proposals, history</source>
      <translation>标签页：我的笔记、建议、历史</translation>
    </message>
    <message>
      <source>Your notes</source>
      <translation>我的笔记</translation>
    </message>
    <message>
      <source>Proposals</source>
      <translation>建议</translation>
    </message>
    <message>
      <source>History</source>
      <translation>历史</translation>
    </message>
    <message>
      <source>New note</source>
      <translation>新笔记</translation>
    </message>
    <message>
      <source>Cancel the note edit</source>
      <translation>取消编辑笔记</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>添加笔记</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>edited {time} UTC</source>
      <translation>编辑于 {time} UTC</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Delete note</source>
      <translation>删除笔记</translation>
    </message>
    <message>
      <source>Delete this note? It cannot be brought back.</source>
      <translation>删除此笔记？删除后无法恢复。</translation>
    </message>
    <message>
      <source>Evidence ({document}): {quote}</source>
      <translation>证据（{document}）：{quote}</translation>
    </message>
    <message>
      <source>Marking names in the rest of this document ({n:,} characters)…</source>
      <translation>正在标记此文档其余部分中的名称（{n:,} 个字符）…</translation>
    </message>
    <message>
      <source>Add translation note on the selection…</source>
      <translation>为选中文字添加翻译注释…</translation>
    </message>
    <message>
      <source>Link the selection to an entity…</source>
      <translation>将选中文字链接到实体…</translation>
    </message>
    <message>
      <source>No notes of yours on this event yet.</source>
      <translation>您尚未为此事件添加笔记。</translation>
    </message>
    <message>
      <source>edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Type the note first; to remove a note, use its delete link.</source>
      <translation>请先输入笔记内容；要删除笔记，请使用其“删除”链接。</translation>
    </message>
    <message>
      <source>Select an event to see what the archive knows about it.</source>
      <translation>选择一个事件，查看档案中有关它的信息。</translation>
    </message>
    <message>
      <source>The same source also reports: {events}</source>
      <translation>同一来源还报道了：{events}</translation>
    </message>
    <message>
      <source>Altered copy</source>
      <translation>被改动的副本</translation>
    </message>
    <message>
      <source>name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>translation note</source>
      <translation>翻译注释</translation>
    </message>
    <message>
      <source>This document could not be shown: {error}</source>
      <translation>无法显示此文档：{error}</translation>
    </message>
    <message>
      <source>not stated</source>
      <translation>未注明</translation>
    </message>
    <message>
      <source>Select words of the original text first, then add a note on them.</source>
      <translation>请先在原文中选中文字，再为其添加注释。</translation>
    </message>
    <message>
      <source>Select the words of the original that name the entity first.</source>
      <translation>请先选中原文中指称该实体的文字。</translation>
    </message>
    <message>
      <source>The first pass proposes {n} things ({open} to decide): see {proposals} below — {a} accepts, {r} rejects, {enter} shows the passage.</source>
      <translation>初步识别提出了 {n} 项内容（{open} 项待决定）：见下方的{proposals}——{a} 接受，{r} 拒绝，{enter} 显示段落。</translation>
    </message>
    <message>
      <source>search match (F3 next, Shift+F3 previous)</source>
      <translation>搜索匹配（F3 下一个，Shift+F3 上一个）</translation>
    </message>
    <message>
      <source>[+ page chrome: click to show]</source>
      <translation>[+ 页面杂项：点击显示]</translation>
    </message>
    <message>
      <source>Match {n} of {total}</source>
      <translation>第 {n} 个匹配，共 {total} 个</translation>
    </message>
    <message>
      <source>{language} (detected: {detected})</source>
      <translation>{language}（检测为：{detected}）</translation>
    </message>
    <message>
      <source>{n:,} bytes</source>
      <translation>{n:,} 字节</translation>
    </message>
    <message>
      <source>published {date}</source>
      <translation>发布于 {date}</translation>
    </message>
    <message>
      <source>copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Read-only: {reason}</source>
      <translation>只读：{reason}</translation>
    </message>
    <message>
      <source>Date {certainty}</source>
      <translation>日期：{certainty}</translation>
    </message>
    <message>
      <source>{value}? (read by the first pass)</source>
      <translation>{value}？（初步识别读取）</translation>
    </message>
    <message>
      <source>the stored text no longer matches: not the original</source>
      <translation>存储的文本已不匹配：并非原文</translation>
    </message>
    <message>
      <source>translation from {language} ({kind})</source>
      <translation>译自{language}（{kind}）</translation>
    </message>
    <message>
      <source>Part of: {event}</source>
      <translation>所属事件：{event}</translation>
    </message>
    <message>
      <source>Includes: {events}</source>
      <translation>包含：{events}</translation>
    </message>
    <message>
      <source>Copied the SHA-256 of {file}</source>
      <translation>已复制 {file} 的 SHA-256</translation>
    </message>
    <message>
      <source>the event's stable id</source>
      <translation>事件的固定编号</translation>
    </message>
    <message>
      <source>start date (YYYY-MM-DD, YYYY-MM, YYYY; XXXX when the year is unknown)</source>
      <translation>开始日期（YYYY-MM-DD、YYYY-MM、YYYY；年份未知时为 XXXX）</translation>
    </message>
    <message>
      <source>end date</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>precision of the start date: day, month, year, unknown</source>
      <translation>开始日期的精度：日、月、年、未知</translation>
    </message>
    <message>
      <source>certainty of the start date: stated, inferred, unknown</source>
      <translation>开始日期的确定程度：明确、推断、未知</translation>
    </message>
    <message>
      <source>English title</source>
      <translation>英文标题</translation>
    </message>
    <message>
      <source>event type</source>
      <translation>事件类型</translation>
    </message>
    <message>
      <source>place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>countries involved</source>
      <translation>涉及的国家</translation>
    </message>
    <message>
      <source>people taking part</source>
      <translation>参与的人物</translation>
    </message>
    <message>
      <source>organisations taking part</source>
      <translation>参与的机构</translation>
    </message>
    <message>
      <source>languages of the source documents</source>
      <translation>来源文档的语言</translation>
    </message>
    <message>
      <source>source documents with their SHA-256</source>
      <translation>来源文档及其 SHA-256</translation>
    </message>
    <message>
      <source>yes for a provisional event made from an uncatalogued document</source>
      <translation>由未编目文档生成的临时事件为 yes</translation>
    </message>
    <message>
      <source>the date as the list shows it</source>
      <translation>列表中显示的日期</translation>
    </message>
    <message>
      <source>number of source documents</source>
      <translation>来源文档数</translation>
    </message>
    <message>
      <source>your own notes on the event (only when chosen)</source>
      <translation>您对该事件的笔记（仅在选择时）</translation>
    </message>
    <message>
      <source>An offline viewer for a multilingual archive of China–Belarus cooperation events.</source>
      <translation>中白合作事件多语种档案的离线查看器。</translation>
    </message>
    <message>
      <source>Licences: the application, MIT. Qt / PySide6, LGPLv3. SQLAlchemy and Alembic, MIT. Noto Sans and Noto Sans Devanagari, SIL Open Font License 1.1. Droid Sans Fallback, Apache 2.0. py3langid, BSD. charset-normalizer and platformdirs, MIT. Licence texts are in the resources folder.</source>
      <translation>许可证：本应用，MIT。Qt / PySide6，LGPLv3。SQLAlchemy 和 Alembic，MIT。Noto Sans 和 Noto Sans Devanagari，SIL Open Font License 1.1。Droid Sans Fallback，Apache 2.0。py3langid，BSD。charset-normalizer 和 platformdirs，MIT。许可证全文位于 resources 文件夹中。</translation>
    </message>
    <message>
      <source>Import finished</source>
      <translation>导入完成</translation>
    </message>
    <message>
      <source>Added (each is listed as an uncatalogued event):</source>
      <translation>已添加（每个都列为未编目事件）：</translation>
    </message>
    <message>
      <source>Rejected:</source>
      <translation>已拒绝：</translation>
    </message>
    <message>
      <source>Skipped on purpose (not imported, nothing went wrong):</source>
      <translation>有意跳过（未导入，并无出错）：</translation>
    </message>
    <message>
      <source>Already in the archive under another name:</source>
      <translation>已以其他名称存在于档案中：</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Every shown event to a CSV file (UTF-8, opens in Excel and LibreOffice).</source>
      <translation>将所有显示的事件导出为 CSV 文件（UTF-8，可在 Excel 和 LibreOffice 中打开）。</translation>
    </message>
    <message>
      <source>Export to</source>
      <translation>导出到</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>&lt;b&gt;{added}&lt;/b&gt; document(s) added, &lt;b&gt;{updated}&lt;/b&gt; updated, &lt;b&gt;{unchanged}&lt;/b&gt; already in the archive, &lt;b&gt;{skipped}&lt;/b&gt; skipped, &lt;b&gt;{rejected}&lt;/b&gt; rejected.</source>
      <translation>已添加 &lt;b&gt;{added}&lt;/b&gt; 个文档，更新 &lt;b&gt;{updated}&lt;/b&gt; 个，&lt;b&gt;{unchanged}&lt;/b&gt; 个已在档案中，跳过 &lt;b&gt;{skipped}&lt;/b&gt; 个，拒绝 &lt;b&gt;{rejected}&lt;/b&gt; 个。</translation>
    </message>
    <message>
      <source>The archive &lt;b&gt;{name}&lt;/b&gt; is damaged ({problem}).</source>
      <translation>档案 &lt;b&gt;{name}&lt;/b&gt; 已损坏（{problem}）。</translation>
    </message>
    <message>
      <source>It was moved aside, not deleted: &lt;code&gt;{moved}&lt;/code&gt; in {folder}.</source>
      <translation>它已被移到一旁，并未删除：{folder} 中的 &lt;code&gt;{moved}&lt;/code&gt;。</translation>
    </message>
    <message>
      <source>There is no verified backup. The archive can be built again from the bundled documents.</source>
      <translation>没有已验证的备份。可以根据内置文档重新构建档案。</translation>
    </message>
    <message>
      <source>There is no verified backup of this archive.</source>
      <translation>此档案没有已验证的备份。</translation>
    </message>
    <message>
      <source>Data: {path}</source>
      <translation>数据：{path}</translation>
    </message>
    <message>
      <source>Columns:</source>
      <translation>列：</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>文件：</translation>
    </message>
    <message>
      <source>Choose at least one column.</source>
      <translation>请至少选择一列。</translation>
    </message>
    <message>
      <source>Choose a file to write.</source>
      <translation>请选择要写入的文件。</translation>
    </message>
    <message>
      <source>&lt;b&gt;{name}&lt;/b&gt;: the same content as {other}</source>
      <translation>&lt;b&gt;{name}&lt;/b&gt;：内容与 {other} 相同</translation>
    </message>
    <message>
      <source>The newest verified backup is from &lt;b&gt;{day}&lt;/b&gt; (taken before {reason}). Changes made after it are not in it.</source>
      <translation>最新的已验证备份来自 &lt;b&gt;{day}&lt;/b&gt;（创建于 {reason} 之前）。此后的改动不在其中。</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>关于 {app}</translation>
    </message>
    <message>
      <source>Export {what}</source>
      <translation>导出{what}</translation>
    </message>
    <message>
      <source>{n:,} event(s) to a CSV file (UTF-8, opens in Excel and LibreOffice).</source>
      <translation>将 {n:,} 个事件导出为 CSV 文件（UTF-8，可在 Excel 和 LibreOffice 中打开）。</translation>
    </message>
    <message>
      <source>Start again from the bundled documents</source>
      <translation>根据内置文档重新开始</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Restore the backup of {day}</source>
      <translation>恢复 {day} 的备份</translation>
    </message>
    <message>
      <source>YYYY, YYYY-MM or YYYY-MM-DD; empty: unknown</source>
      <translation>YYYY、YYYY-MM 或 YYYY-MM-DD；留空表示未知</translation>
    </message>
    <message>
      <source>why (needed for an inferred date)</source>
      <translation>理由（推断日期必填）</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>标题(&amp;T)</translation>
    </message>
    <message>
      <source>T&amp;ype</source>
      <translation>类型(&amp;Y)</translation>
    </message>
    <message>
      <source>&amp;Start</source>
      <translation>开始(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;End</source>
      <translation>结束(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Place</source>
      <translation>地点(&amp;P)</translation>
    </message>
    <message>
      <source>Su&amp;mmary</source>
      <translation>摘要(&amp;M)</translation>
    </message>
    <message>
      <source>Saved as one step: Edit › Undo (Ctrl+Z) takes it back.</source>
      <translation>保存为一步：编辑 › 撤销（Ctrl+Z）可撤回。</translation>
    </message>
    <message>
      <source>Translation note</source>
      <translation>翻译注释</translation>
    </message>
    <message>
      <source>(not said)</source>
      <translation>（未说明）</translation>
    </message>
    <message>
      <source>What a reader should know about these words</source>
      <translation>读者应了解的关于这些文字的信息</translation>
    </message>
    <message>
      <source>Passage</source>
      <translation>段落</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>种类(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;Certainty</source>
      <translation>确定程度(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>注释(&amp;N)</translation>
    </message>
    <message>
      <source>Link to an entity</source>
      <translation>链接到实体</translation>
    </message>
    <message>
      <source>&amp;Link to an entity of the authority</source>
      <translation>链接到规范档中的实体(&amp;L)</translation>
    </message>
    <message>
      <source>Create a &amp;new entity from these words</source>
      <translation>用这些文字新建实体(&amp;N)</translation>
    </message>
    <message>
      <source>Entity</source>
      <translation>实体</translation>
    </message>
    <message>
      <source>Type of the new entity</source>
      <translation>新实体类型</translation>
    </message>
    <message>
      <source>Name in English (where one is established)</source>
      <translation>英文名称（如有通行译名）</translation>
    </message>
    <message>
      <source>Name of the new entity</source>
      <translation>新实体名称</translation>
    </message>
    <message>
      <source>Name in its own language and script</source>
      <translation>本族语言和文字的名称</translation>
    </message>
    <message>
      <source>Native name of the new entity</source>
      <translation>新实体原文名称</translation>
    </message>
    <message>
      <source>Nothing fits: &amp;flag the words for review</source>
      <translation>都不合适：标记这些文字待审核(&amp;F)</translation>
    </message>
    <message>
      <source>Why: what they might be, what is missing</source>
      <translation>理由：它们可能是什么，缺少什么</translation>
    </message>
    <message>
      <source>Why the words are flagged</source>
      <translation>文字被标记的原因</translation>
    </message>
    <message>
      <source>&amp;Names</source>
      <translation>名称(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Type</source>
      <translation>类型(&amp;T)</translation>
    </message>
    <message>
      <source>Name (&amp;English)</source>
      <translation>名称（英文）(&amp;E)</translation>
    </message>
    <message>
      <source>Name (n&amp;ative)</source>
      <translation>名称（原文）(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Why</source>
      <translation>理由(&amp;W)</translation>
    </message>
    <message>
      <source>The event is found by the entity at once; Ctrl+Z takes the link back.</source>
      <translation>该事件立即可通过实体找到；Ctrl+Z 可撤回链接。</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Start certainty</source>
      <translation>开始日期确定程度</translation>
    </message>
    <message>
      <source>Start reason</source>
      <translation>开始日期理由</translation>
    </message>
    <message>
      <source>End date</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>End certainty</source>
      <translation>结束日期确定程度</translation>
    </message>
    <message>
      <source>End reason</source>
      <translation>结束日期理由</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>note: write what a reader should know about these words</source>
      <translation>注释：请写下读者应了解的关于这些文字的信息</translation>
    </message>
    <message>
      <source>entity: choose one from the list (type part of any of its names)</source>
      <translation>实体：请从列表中选择（输入其任一名称的一部分）</translation>
    </message>
    <message>
      <source>Edit event — {event}</source>
      <translation>编辑事件 — {event}</translation>
    </message>
    <message>
      <source>why: say what the words might be, so that the review can start there</source>
      <translation>理由：请说明这些文字可能是什么，以便审核从此入手</translation>
    </message>
    <message>
      <source>name: give the new entity's name in English (its native name below)</source>
      <translation>名称：请填写新实体的英文名称（原文名称填在下方）</translation>
    </message>
    <message>
      <source>&amp;Remove the selected name</source>
      <translation>删除所选名称(&amp;R)</translation>
    </message>
    <message>
      <source>Another name, as a source writes it</source>
      <translation>其他名称，按来源的写法</translation>
    </message>
    <message>
      <source>lang (ru, zh…)</source>
      <translation>语言（ru、zh…）</translation>
    </message>
    <message>
      <source>&amp;Add name</source>
      <translation>添加名称(&amp;A)</translation>
    </message>
    <message>
      <source>Canonical name</source>
      <translation>规范名称</translation>
    </message>
    <message>
      <source>Native name</source>
      <translation>原文名称</translation>
    </message>
    <message>
      <source>In its own language and script</source>
      <translation>本族语言和文字</translation>
    </message>
    <message>
      <source>&amp;Save these names</source>
      <translation>保存这些名称(&amp;S)</translation>
    </message>
    <message>
      <source>Names (the documents that write a name are linked at once)</source>
      <translation>名称（写有该名称的文档立即关联）</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>重复项</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>预览(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Merge into this one</source>
      <translation>合并到此实体(&amp;M)</translation>
    </message>
    <message>
      <source>Merge a duplicate into this entity</source>
      <translation>将重复项合并到此实体</translation>
    </message>
    <message>
      <source>Why it needs another look</source>
      <translation>为何需要再次查看</translation>
    </message>
    <message>
      <source>Why the entity is flagged</source>
      <translation>实体被标记的原因</translation>
    </message>
    <message>
      <source>&amp;Flag for review</source>
      <translation>标记待审核(&amp;F)</translation>
    </message>
    <message>
      <source>C&amp;lear the flag</source>
      <translation>清除标记(&amp;L)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>种类</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Native</source>
      <translation>原文名</translation>
    </message>
    <message>
      <source>The duplicate to merge into this one</source>
      <translation>要合并到此实体的重复项</translation>
    </message>
    <message>
      <source>Each change is one step: Edit › Undo (Ctrl+Z) takes it back.</source>
      <translation>每次修改为一步：编辑 › 撤销（Ctrl+Z）可撤回。</translation>
    </message>
    <message>
      <source>After the merge {name} has both columns' names (the duplicate's as kind &lt;i&gt;merged&lt;/i&gt;), {mentions}, and every event of both.</source>
      <translation>合并后，{name} 将拥有两栏中的全部名称（重复项的名称种类为 &lt;i&gt;merged&lt;/i&gt;）、{mentions}，以及两者的全部事件。</translation>
    </message>
    <message>
      <source>name: an entity needs a name (in English where one is established)</source>
      <translation>名称：实体需要名称（如有通行英文名则用英文）</translation>
    </message>
    <message>
      <source>flag: say why the entity needs another look</source>
      <translation>标记：请说明该实体为何需要再次查看</translation>
    </message>
    <message>
      <source>merge: choose the duplicate from the list</source>
      <translation>合并：请从列表中选择重复项</translation>
    </message>
    <message>
      <source>Names and merges — {name}</source>
      <translation>名称与合并 — {name}</translation>
    </message>
    <message>
      <source>Stays (this one)</source>
      <translation>保留（此实体）</translation>
    </message>
    <message>
      <source>Merged into it, then removed</source>
      <translation>并入此实体后删除</translation>
    </message>
    <message>
      <source>{name}   ({key}, {type})   — flagged for review: {reason}</source>
      <translation>{name}   ({key}, {type})   — 标记待审核：{reason}</translation>
    </message>
    <message>
      <source>Select an event first</source>
      <translation>请先选择事件</translation>
    </message>
    <message>
      <source>Select an event and the document that reports the new one</source>
      <translation>请选择一个事件及报道新事件的文档</translation>
    </message>
    <message>
      <source>Merge an event into this one</source>
      <translation>将事件合并到此事件</translation>
    </message>
    <message>
      <source>The event chosen is the same as the selected one: its sources, participants and parts join the selected event, and it leaves the list.</source>
      <translation>此处所选事件与选中的事件相同：其来源、参与者和组成部分将并入选中的事件，它本身则从列表中移除。</translation>
    </message>
    <message>
      <source>Part of an event</source>
      <translation>所属事件</translation>
    </message>
    <message>
      <source>The event the selected one is part of:</source>
      <translation>选中事件所属的事件：</translation>
    </message>
    <message>
      <source>Saved the parent (Ctrl+Z to undo)</source>
      <translation>已保存所属事件（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>(none: it is part of no other event)</source>
      <translation>（无：不属于任何其他事件）</translation>
    </message>
    <message>
      <source>Saved the sources (Ctrl+Z to undo)</source>
      <translation>已保存来源（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Cleared the flag (Ctrl+Z to undo)</source>
      <translation>已清除标记（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>New event — reported by {file}</source>
      <translation>新事件 — 报道文档：{file}</translation>
    </message>
    <message>
      <source>Made the event “{title}” (Ctrl+Z to undo)</source>
      <translation>已创建事件“{title}”（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Merged {event} (Ctrl+Z to undo)</source>
      <translation>已合并 {event}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Split “{title}” off (Ctrl+Z to undo)</source>
      <translation>已拆分出“{title}”（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Removed {entity} (Ctrl+Z to undo)</source>
      <translation>已移除 {entity}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Saved {entity} as {role} (Ctrl+Z to undo)</source>
      <translation>已将 {entity} 保存为 {role}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>&amp;Event</source>
      <translation>事件(&amp;E)</translation>
    </message>
    <message>
      <source>One step: Ctrl+Z takes it back.</source>
      <translation>一步操作：Ctrl+Z 可撤回。</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>The new event takes this one's type, dates and place; ticked sources move to it.</source>
      <translation>新事件沿用此事件的类型、日期和地点；勾选的来源将移至新事件。</translation>
    </message>
    <message>
      <source>Untick a document to detach it. One step: Ctrl+Z takes it back.</source>
      <translation>取消勾选文档即可解除关联。一步操作：Ctrl+Z 可撤回。</translation>
    </message>
    <message>
      <source>Flagged for review</source>
      <translation>待审核标记</translation>
    </message>
    <message>
      <source>Flags</source>
      <translation>标记</translation>
    </message>
    <message>
      <source>event: choose one from the list (type part of its title or id)</source>
      <translation>事件：请从列表中选择（输入其标题或编号的一部分）</translation>
    </message>
    <message>
      <source>Split the event</source>
      <translation>拆分事件</translation>
    </message>
    <message>
      <source>Sources of the event</source>
      <translation>事件来源</translation>
    </message>
    <message>
      <source>Title of the new event</source>
      <translation>新事件标题</translation>
    </message>
    <message>
      <source>New event's &amp;title</source>
      <translation>新事件标题(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Moves to it</source>
      <translation>移至新事件(&amp;M)</translation>
    </message>
    <message>
      <source>Another document: its file name or SHA-256</source>
      <translation>其他文档：文件名或 SHA-256</translation>
    </message>
    <message>
      <source>Document to attach</source>
      <translation>要附加的文档</translation>
    </message>
    <message>
      <source>&amp;Reported by</source>
      <translation>报道文档(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Attach</source>
      <translation>附加(&amp;A)</translation>
    </message>
    <message>
      <source>title: the new event needs a title</source>
      <translation>标题：新事件需要标题</translation>
    </message>
    <message>
      <source>Flagged</source>
      <translation>标记项</translation>
    </message>
    <message>
      <source>Entity or document</source>
      <translation>实体或文档</translation>
    </message>
    <message>
      <source>Name or words</source>
      <translation>名称或文字</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>修改人</translation>
    </message>
    <message>
      <source>When (UTC)</source>
      <translation>时间（UTC）</translation>
    </message>
    <message>
      <source>Nothing is flagged. Flag an entity in its Names and merge…, or selected words in the link dialog (Ctrl+Shift+L), when nothing in the authority fits.</source>
      <translation>没有任何标记。当规范档中没有合适项时，可在实体的“名称与合并…”中标记实体，或在链接对话框（Ctrl+Shift+L）中标记选中的文字。</translation>
    </message>
    <message>
      <source>{flags}. Enter opens a passage's event; Clear the flag once it has been looked at.</source>
      <translation>{flags}。按 Enter 打开段落所属的事件；查看后请清除标记。</translation>
    </message>
    <message>
      <source>date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人物</translation>
    </message>
    <message>
      <source>Organisations</source>
      <translation>机构</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Countries</source>
      <translation>国家</translation>
    </message>
    <message>
      <source>Event type</source>
      <translation>事件类型</translation>
    </message>
    <message>
      <source>Tick to include (values of one kind are OR'ed); right-click to exclude</source>
      <translation>勾选以包括（同类值之间为“或”关系）；右键单击以排除</translation>
    </message>
    <message>
      <source>From date</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <source>To date</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Include undated / imprecise</source>
      <translation>包括无日期/日期不精确</translation>
    </message>
    <message>
      <source>Also show events that may fall in the range (a year-only date, a span crossing it) and undated ones</source>
      <translation>同时显示可能落在此范围内的事件（只有年份的日期、跨越该范围的时段）以及无日期的事件</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>筛选</translation>
    </message>
    <message>
      <source>Include</source>
      <translation>包括</translation>
    </message>
    <message>
      <source>Exclude</source>
      <translation>排除</translation>
    </message>
    <message>
      <source>Remove from filter</source>
      <translation>从筛选中移除</translation>
    </message>
    <message>
      <source>Names and merge…</source>
      <translation>名称与合并…</translation>
    </message>
    <message>
      <source>from: 2021 or 2021-06</source>
      <translation>从：2021 或 2021-06</translation>
    </message>
    <message>
      <source>to: 2025-06-30</source>
      <translation>到：2025-06-30</translation>
    </message>
    <message>
      <source>{kind}: not {value}</source>
      <translation>{kind}：排除 {value}</translation>
    </message>
    <message>
      <source>Remove this filter</source>
      <translation>移除此筛选</translation>
    </message>
    <message>
      <source>Clear all</source>
      <translation>全部清除</translation>
    </message>
    <message>
      <source>Filter {what} — any spelling, any script</source>
      <translation>筛选{what}——任何拼写、任何文字</translation>
    </message>
    <message>
      <source>Find {what} by name</source>
      <translation>按名称查找{what}</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Search originals, titles, notes and names in any script   (Ctrl+F)</source>
      <translation>搜索原文、标题、笔记和任何文字的名称   (Ctrl+F)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Export selected…</source>
      <translation>导出所选…</translation>
    </message>
    <message>
      <source>Export all shown…</source>
      <translation>导出全部显示项…</translation>
    </message>
    <message>
      <source>Import documents…</source>
      <translation>导入文档…</translation>
    </message>
    <message>
      <source>Clear all filters</source>
      <translation>清除全部筛选</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>匹配</translation>
    </message>
    <message>
      <source>Main</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <source>Opening the archive…</source>
      <translation>正在打开档案…</translation>
    </message>
    <message>
      <source>Move between the panes: search, filters, timeline, list, detail</source>
      <translation>在窗格间移动：搜索、筛选、时间轴、列表、详情</translation>
    </message>
    <message>
      <source>Up, Down, Page Up, Page Down, Home, End</source>
      <translation>上、下、Page Up、Page Down、Home、End</translation>
    </message>
    <message>
      <source>Move in the event list</source>
      <translation>在事件列表中移动</translation>
    </message>
    <message>
      <source>In the search box: clear it · in the timeline: clear its range · in a note: give up the edit</source>
      <translation>在搜索框中：清空 · 在时间轴中：清除范围 · 在笔记中：放弃编辑</translation>
    </message>
    <message>
      <source>Proposals tab: accept / reject the selected proposal</source>
      <translation>建议标签页：接受 / 拒绝所选建议</translation>
    </message>
    <message>
      <source>Proposals tab: accept every open proposal of the selected one's kind</source>
      <translation>建议标签页：接受与所选建议同类的全部待处理建议</translation>
    </message>
    <message>
      <source>Proposals tab: show the passage it was read from · Flagged for review: open the event</source>
      <translation>建议标签页：显示其读取来源的段落 · 待审核标记：打开事件</translation>
    </message>
    <message>
      <source>Space</source>
      <translation>空格</translation>
    </message>
    <message>
      <source>Filters: tick or untick the value under the cursor</source>
      <translation>筛选：勾选或取消勾选光标处的值</translation>
    </message>
    <message>
      <source>Go to event</source>
      <translation>转到事件</translation>
    </message>
    <message>
      <source>Event id (evt.…, doc.…, or its number):</source>
      <translation>事件编号（evt.…、doc.… 或其数字编号）：</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>按键</translation>
    </message>
    <message>
      <source>What they do</source>
      <translation>作用</translation>
    </message>
    <message>
      <source>Every menu item is also reached with Alt and its underlined letter.</source>
      <translation>每个菜单项也可用 Alt 加其带下划线的字母打开。</translation>
    </message>
    <message>
      <source>proposal decided</source>
      <translation>建议已决定</translation>
    </message>
    <message>
      <source>participant</source>
      <translation>参与者</translation>
    </message>
    <message>
      <source>passage linked</source>
      <translation>段落已链接</translation>
    </message>
    <message>
      <source>flagged for review</source>
      <translation>标记待审核</translation>
    </message>
    <message>
      <source>merged into</source>
      <translation>合并到</translation>
    </message>
    <message>
      <source>created</source>
      <translation>已创建</translation>
    </message>
    <message>
      <source>{change} (undone)</source>
      <translation>{change}（已撤销）</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>无</translation>
    </message>
    <message>
      <source>{field}: the catalogue now says “{catalogue}”; yours, “{yours}”, is shown</source>
      <translation>{field}：目录现为“{catalogue}”；显示的是您的“{yours}”</translation>
    </message>
    <message>
      <source>Changed under your edit by a rebuild:</source>
      <translation>重新构建改动了您编辑过的内容：</translation>
    </message>
    <message>
      <source>Conflicts with the catalogue</source>
      <translation>与目录的冲突</translation>
    </message>
    <message>
      <source>Edit history</source>
      <translation>编辑历史</translation>
    </message>
    <message>
      <source>Nobody has edited this event yet: what you change is listed here, who and when.</source>
      <translation>尚无人编辑此事件：修改将在此列出，包括修改人和时间。</translation>
    </message>
    <message>
      <source>Building the archive</source>
      <translation>正在构建档案</translation>
    </message>
    <message>
      <source>Building the archive from the bundled documents…</source>
      <translation>正在根据内置文档构建档案…</translation>
    </message>
    <message>
      <source>Import documents</source>
      <translation>导入文档</translation>
    </message>
    <message>
      <source>Import a folder of documents</source>
      <translation>导入文档文件夹</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>正在导入</translation>
    </message>
    <message>
      <source>Importing documents…</source>
      <translation>正在导入文档…</translation>
    </message>
    <message>
      <source>Exporting</source>
      <translation>正在导出</translation>
    </message>
    <message>
      <source>Text (*.txt)</source>
      <translation>文本 (*.txt)</translation>
    </message>
    <message>
      <source>Select one or more events first (Ctrl+click, Shift+click).</source>
      <translation>请先选择一个或多个事件（Ctrl+单击、Shift+单击）。</translation>
    </message>
    <message>
      <source>selected events</source>
      <translation>所选事件</translation>
    </message>
    <message>
      <source>all shown events</source>
      <translation>全部显示的事件</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <source>Writing {name}…</source>
      <translation>正在写入 {name}…</translation>
    </message>
    <message>
      <source>Archive built: {documents} documents, {events} events, {rejected} rejected</source>
      <translation>档案已构建：{documents} 个文档，{events} 个事件，{rejected} 个被拒绝</translation>
    </message>
    <message>
      <source>Wrote {n:,} event(s) to {path}</source>
      <translation>已将 {n:,} 个事件写入 {path}</translation>
    </message>
    <message>
      <source>Search: {problem}</source>
      <translation>搜索：{problem}</translation>
    </message>
    <message>
      <source>Their dates are known only to the year or month, which overlaps the range chosen.</source>
      <translation>这些事件的日期只精确到年或月，而该年或月与所选范围重叠。</translation>
    </message>
    <message>
      <source>The filters hid that event: they were cleared.</source>
      <translation>筛选条件隐藏了该事件：已将其清除。</translation>
    </message>
    <message>
      <source>0 events — {events} may fall in these dates: tick “Include undated / imprecise” to see them</source>
      <translation>0 个事件 — 有 {events}可能落在这些日期内：勾选“包括无日期/日期不精确”即可查看</translation>
    </message>
    <message>
      <source>{span} (+ imprecise)</source>
      <translation>{span}（含不精确）</translation>
    </message>
    <message>
      <source>{n:,}+ events, counting…</source>
      <translation>{n:,}+ 个事件，正在计数…</translation>
    </message>
    <message>
      <source>Filtered by {kind}: {name}</source>
      <translation>已按{kind}筛选：{name}</translation>
    </message>
    <message>
      <source>No event has the id {key}.</source>
      <translation>没有编号为 {key} 的事件。</translation>
    </message>
    <message>
      <source>Reset columns</source>
      <translation>重置列</translation>
    </message>
    <message>
      <source>Copy id</source>
      <translation>复制编号</translation>
    </message>
    <message>
      <source>Copied {n} id(s)</source>
      <translation>已复制 {n} 个编号</translation>
    </message>
    <message>
      <source>No place of these events is on the map</source>
      <translation>这些事件的地点均不在地图上</translation>
    </message>
    <message>
      <source>Map of places</source>
      <translation>地点地图</translation>
    </message>
    <message>
      <source>{place}: {events} — click to filter</source>
      <translation>{place}：{events} — 单击以筛选</translation>
    </message>
    <message>
      <source>Where the search matched. Click to sort by relevance (best first).</source>
      <translation>搜索匹配之处。单击可按相关度排序（最佳在前）。</translation>
    </message>
    <message>
      <source>{name}: {events} under the other filters</source>
      <translation>{name}：在其他筛选条件下有 {events}</translation>
    </message>
    <message>
      <source>{name}: {events} under the other filters — excluded</source>
      <translation>{name}：在其他筛选条件下有 {events} — 已排除</translation>
    </message>
    <message>
      <source>Names in the catalogue</source>
      <translation>目录中的名称</translation>
    </message>
    <message>
      <source>From datasets (CLDR, ISO, GeoNames)</source>
      <translation>来自数据集（CLDR、ISO、GeoNames）</translation>
    </message>
    <message>
      <source>Generated (transliterations, abbreviations)</source>
      <translation>自动生成（音译、缩写）</translation>
    </message>
    <message>
      <source>{names} … and {n} more</source>
      <translation>{names} … 另有 {n} 个</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>参与者</translation>
    </message>
    <message>
      <source>&amp;Remove the selected participant</source>
      <translation>删除所选参与者(&amp;R)</translation>
    </message>
    <message>
      <source>Person, organisation or place</source>
      <translation>人物、机构或地点</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Title held at the time (Ambassador, rector…)</source>
      <translation>当时职务（大使、校长…）</translation>
    </message>
    <message>
      <source>Title held</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>&amp;Add or change</source>
      <translation>添加或修改(&amp;A)</translation>
    </message>
    <message>
      <source>Add a participant, or change one's role or title</source>
      <translation>添加参与者，或修改其角色或职务</translation>
    </message>
    <message>
      <source>Participant</source>
      <translation>参与者</translation>
    </message>
    <message>
      <source>Type any of its names, in any script</source>
      <translation>输入其任一名称，任何文字均可</translation>
    </message>
    <message>
      <source>participant: choose a person, organisation or place from the list</source>
      <translation>参与者：请从列表中选择人物、机构或地点</translation>
    </message>
    <message>
      <source>Participants — {title}</source>
      <translation>参与者 — {title}</translation>
    </message>
    <message>
      <source>A accept · R reject · Shift+A accept all of this kind · Enter show the passage</source>
      <translation>A 接受 · R 拒绝 · Shift+A 接受所有同类 · Enter 显示段落</translation>
    </message>
    <message>
      <source>&amp;Accept</source>
      <translation>接受(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Reject</source>
      <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
      <source>Accept all of this &amp;kind</source>
      <translation>接受所有同类(&amp;K)</translation>
    </message>
    <message>
      <source>Proposal</source>
      <translation>建议</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <source>Conf.</source>
      <translation>置信度</translation>
    </message>
    <message>
      <source>{n} to decide</source>
      <translation>待决定 {n} 项</translation>
    </message>
    <message>
      <source>{n} rejected (Ctrl+Z brings one back)</source>
      <translation>已拒绝 {n} 项（Ctrl+Z 可恢复一项）</translation>
    </message>
    <message>
      <source>navigation</source>
      <translation>导航</translation>
    </message>
    <message>
      <source>metadata</source>
      <translation>元数据</translation>
    </message>
    <message>
      <source>headline-list</source>
      <translation>标题列表</translation>
    </message>
    <message>
      <source>duplicate-title</source>
      <translation>重复标题</translation>
    </message>
    <message>
      <source>credit</source>
      <translation>署名</translation>
    </message>
    <message>
      <source>other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>English — the archive's translation</source>
      <translation>英文——档案的译文</translation>
    </message>
    <message>
      <source>(debris — not translated)</source>
      <translation>（页面杂项——不翻译）</translation>
    </message>
    <message>
      <source>likely original: {original}</source>
      <translation>可能的原文：{original}</translation>
    </message>
    <message>
      <source>a reader</source>
      <translation>一位读者</translation>
    </message>
    <message>
      <source>[+ {kind} — {n:,} characters, not part of the article: show]</source>
      <translation>[+ {kind}——{n:,} 个字符，不属于正文：显示]</translation>
    </message>
    <message>
      <source>No translation notes for this document.</source>
      <translation>此文档没有翻译注释。</translation>
    </message>
    <message>
      <source>by {author}</source>
      <translation>作者：{author}</translation>
    </message>
    <message>
      <source>it is not a file</source>
      <translation>不是文件</translation>
    </message>
    <message>
      <source>it is far too large ({size:,} bytes)</source>
      <translation>文件过大（{size:,} 字节）</translation>
    </message>
    <message>
      <source>it contains binary data</source>
      <translation>其中含有二进制数据</translation>
    </message>
    <message>
      <source>Qt could not read it</source>
      <translation>Qt 无法读取它</translation>
    </message>
    <message>
      <source>the old file is kept as {name}</source>
      <translation>旧文件已保留为 {name}</translation>
    </message>
    <message>
      <source>The settings file {name} could not be used ({problem}): started with the default settings; {kept}.</source>
      <translation>无法使用设置文件 {name}（{problem}）：已使用默认设置启动；{kept}。</translation>
    </message>
    <message>
      <source>it cannot be read ({reason})</source>
      <translation>无法读取（{reason}）</translation>
    </message>
    <message>
      <source>it is not UTF-8 text</source>
      <translation>不是 UTF-8 文本</translation>
    </message>
    <message>
      <source>line {number} is not a setting</source>
      <translation>第 {number} 行不是设置项</translation>
    </message>
    <message>
      <source>the old file was left as it is</source>
      <translation>旧文件保持原样</translation>
    </message>
    <message>
      <source>reader</source>
      <translation>读者</translation>
    </message>
    <message>
      <source>cataloguer</source>
      <translation>编目员</translation>
    </message>
    <message>
      <source>archivist</source>
      <translation>档案管理员</translation>
    </message>
    <message>
      <source>admin</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>offline copy</source>
      <translation>离线副本</translation>
    </message>
    <message>
      <source>Server unreachable</source>
      <translation>服务器无法连接</translation>
    </message>
    <message>
      <source>Open shared archive</source>
      <translation>打开共享档案</translation>
    </message>
    <message>
      <source>The address of a team's archive on a PostgreSQL server, as its administrator gave it. The password comes from your pgpass file or the system keyring, never from here.</source>
      <translation>团队档案在 PostgreSQL 服务器上的地址，由管理员提供。密码取自您的 pgpass 文件或系统密钥环，绝不在此输入。</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>Connected to the server again; the list is up to date.</source>
      <translation>已重新连接服务器；列表已更新。</translation>
    </message>
    <message>
      <source>Write it as postgresql://name@server/archive.</source>
      <translation>请写成 postgresql://用户名@服务器/档案 的形式。</translation>
    </message>
    <message>
      <source>Leave the password out of the address: put it in your pgpass file or the keyring.</source>
      <translation>不要在地址中写密码：请将其保存在 pgpass 文件或密钥环中。</translation>
    </message>
    <message>
      <source>your role is {role}: you can read and keep your own notes</source>
      <translation>您的角色是{role}：您可以阅读并保存自己的笔记</translation>
    </message>
    <message>
      <source>{problem}. The window refreshes when the server is back.</source>
      <translation>{problem}。服务器恢复后窗口会自动刷新。</translation>
    </message>
    <message>
      <source>Server unreachable ({problem}); what is shown stays readable.</source>
      <translation>服务器无法连接（{problem}）；已显示的内容仍可阅读。</translation>
    </message>
    <message>
      <source>Needs the {needs} role (yours: {role})</source>
      <translation>需要“{needs}”角色（您的角色：{role}）</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>时间轴</translation>
    </message>
    <message>
      <source>Drag across the bars to filter by date; double-click or Esc clears the date filter</source>
      <translation>在柱条上拖动以按日期筛选；双击或按 Esc 清除日期筛选</translation>
    </message>
    <message>
      <source>{period}: {events} ({n:,} with imprecise dates)
Hatched: events whose date is not known to lie within this year;
each is counted at the earliest day it can have happened.</source>
      <translation>{period}：{events}（其中 {n:,} 个日期不精确）
斜线：日期不确定是否在本年内的事件；
每个事件都计在其可能发生的最早一天。</translation>
    </message>
    <message>
      <source>{period}: {events} ({n:,} with imprecise dates)
Hatched: events whose date is not known to lie within this month;
each is counted at the earliest day it can have happened.</source>
      <translation>{period}：{events}（其中 {n:,} 个日期不精确）
斜线：日期不确定是否在本月内的事件；
每个事件都计在其可能发生的最早一天。</translation>
    </message>
    <message>
      <source>No dated events</source>
      <translation>没有有日期的事件</translation>
    </message>
    <message>
      <source>{events} from {first} to {last}; {undated:,} undated. Drag across the bars to filter by date.</source>
      <translation>{events}，从 {first} 到 {last}；{undated:,} 个无日期。在柱条上拖动以按日期筛选。</translation>
    </message>
    <message>
      <source>{events}; {undated:,} undated. Drag across the bars to filter by date.</source>
      <translation>{events}；{undated:,} 个无日期。在柱条上拖动以按日期筛选。</translation>
    </message>
    <message>
      <source>{n:,} undated</source>
      <translation>{n:,} 个无日期</translation>
    </message>
    <message>
      <source>{events} with no known year: counted here, not placed on the timeline</source>
      <translation>{events}年份不详：在此计数，不放在时间轴上</translation>
    </message>
    <message>
      <source>conference</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>seminar</source>
      <translation>研讨会</translation>
    </message>
    <message>
      <source>forum</source>
      <translation>论坛</translation>
    </message>
    <message>
      <source>meeting</source>
      <translation>会见</translation>
    </message>
    <message>
      <source>visit</source>
      <translation>访问</translation>
    </message>
    <message>
      <source>signing</source>
      <translation>签约</translation>
    </message>
    <message>
      <source>opening</source>
      <translation>开幕</translation>
    </message>
    <message>
      <source>ceremony</source>
      <translation>仪式</translation>
    </message>
    <message>
      <source>launch</source>
      <translation>启动</translation>
    </message>
    <message>
      <source>presentation</source>
      <translation>推介</translation>
    </message>
    <message>
      <source>programme</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>agreement</source>
      <translation>协议</translation>
    </message>
    <message>
      <source>anniversary</source>
      <translation>周年纪念</translation>
    </message>
    <message>
      <source>tour</source>
      <translation>考察</translation>
    </message>
    <message>
      <source>in-person</source>
      <translation>线下</translation>
    </message>
    <message>
      <source>online</source>
      <translation>线上</translation>
    </message>
    <message>
      <source>hybrid</source>
      <translation>线上线下结合</translation>
    </message>
    <message>
      <source>person</source>
      <translation>人物</translation>
    </message>
    <message>
      <source>organisation</source>
      <translation>机构</translation>
    </message>
    <message>
      <source>country</source>
      <translation>国家</translation>
    </message>
    <message>
      <source>organiser</source>
      <translation>主办方</translation>
    </message>
    <message>
      <source>co-organiser</source>
      <translation>协办方</translation>
    </message>
    <message>
      <source>host</source>
      <translation>东道主</translation>
    </message>
    <message>
      <source>sponsor</source>
      <translation>赞助方</translation>
    </message>
    <message>
      <source>supervisor</source>
      <translation>指导单位</translation>
    </message>
    <message>
      <source>speaker</source>
      <translation>发言人</translation>
    </message>
    <message>
      <source>signatory</source>
      <translation>签署方</translation>
    </message>
    <message>
      <source>visitor</source>
      <translation>来访者</translation>
    </message>
    <message>
      <source>accompanying</source>
      <translation>陪同</translation>
    </message>
    <message>
      <source>presenter</source>
      <translation>主持人</translation>
    </message>
    <message>
      <source>subject</source>
      <translation>事件对象</translation>
    </message>
    <message>
      <source>gloss</source>
      <translation>释义</translation>
    </message>
    <message>
      <source>name variant</source>
      <translation>名称异体</translation>
    </message>
    <message>
      <source>transliteration</source>
      <translation>音译</translation>
    </message>
    <message>
      <source>mistranslation</source>
      <translation>误译</translation>
    </message>
    <message>
      <source>garbled</source>
      <translation>乱码</translation>
    </message>
    <message>
      <source>punctuation</source>
      <translation>标点</translation>
    </message>
    <message>
      <source>dating</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>conflict</source>
      <translation>矛盾</translation>
    </message>
    <message>
      <source>omission</source>
      <translation>遗漏</translation>
    </message>
    <message>
      <source>page debris</source>
      <translation>页面杂项</translation>
    </message>
    <message>
      <source>identification</source>
      <translation>识别</translation>
    </message>
    <message>
      <source>certain</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>probable</source>
      <translation>很可能</translation>
    </message>
    <message>
      <source>possible</source>
      <translation>可能</translation>
    </message>
    <message>
      <source>stated</source>
      <translation>来源明示</translation>
    </message>
    <message>
      <source>inferred</source>
      <translation>推断</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>machine</source>
      <translation>机器</translation>
    </message>
    <message>
      <source>agency</source>
      <translation>通讯社</translation>
    </message>
    <message>
      <source>human</source>
      <translation>人工</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英语</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>俄语</translation>
    </message>
    <message>
      <source>Belarusian</source>
      <translation>白俄罗斯语</translation>
    </message>
    <message>
      <source>Hindi</source>
      <translation>印地语</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>Saved views</source>
      <translation>已保存视图</translation>
    </message>
    <message>
      <source>A click brings a view back: its filters, search, order and columns</source>
      <translation>单击即可恢复视图：其筛选、搜索、排序和列</translation>
    </message>
    <message>
      <source>Save view…</source>
      <translation>保存视图…</translation>
    </message>
    <message>
      <source>Keep the filters, search, order and columns shown now under a name</source>
      <translation>以名称保存当前的筛选、搜索、排序和列</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>导入…</translation>
    </message>
    <message>
      <source>Views another reader exported</source>
      <translation>其他读者导出的视图</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Export all views…</source>
      <translation>导出全部视图…</translation>
    </message>
    <message>
      <source>Save view</source>
      <translation>保存视图</translation>
    </message>
    <message>
      <source>Name of the view:</source>
      <translation>视图名称：</translation>
    </message>
    <message>
      <source>Rename view</source>
      <translation>重命名视图</translation>
    </message>
    <message>
      <source>New name:</source>
      <translation>新名称：</translation>
    </message>
    <message>
      <source>Export views</source>
      <translation>导出视图</translation>
    </message>
    <message>
      <source>Import views</source>
      <translation>导入视图</translation>
    </message>
    <message>
      <source>Wrote {n} view(s) to {file}</source>
      <translation>已将 {n} 个视图写入 {file}</translation>
    </message>
    <message>
      <source>{file}: not a views file (it needs "{key}": 1 and a list of "views")</source>
      <translation>{file}：不是视图文件（需要 "{key}": 1 和 "views" 列表）</translation>
    </message>
    <message>
      <source>{file}: a view without a name; each view needs one</source>
      <translation>{file}：有视图没有名称；每个视图都需要名称</translation>
    </message>
    <message>
      <source>Saved the view “{name}”</source>
      <translation>已保存视图“{name}”</translation>
    </message>
    <message>
      <source>Showing the view “{name}”</source>
      <translation>正在显示视图“{name}”</translation>
    </message>
    <message>
      <source>Imported {n} view(s)</source>
      <translation>已导入 {n} 个视图</translation>
    </message>
    <message>
      <source>{file}: not a views file ({problem})</source>
      <translation>{file}：不是视图文件（{problem}）</translation>
    </message>
    <message>
      <source>title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>end</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Created the person {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>已根据“{quote}”新建人物 {name}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Created the organisation {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>已根据“{quote}”新建机构 {name}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Created the place {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>已根据“{quote}”新建地点 {name}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Created the country {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>已根据“{quote}”新建国家 {name}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>查找</translation>
    </message>
    <message>
      <source>Next match</source>
      <translation>下一个匹配</translation>
    </message>
    <message>
      <source>The next place the search matches in the text</source>
      <translation>文中下一个搜索匹配处</translation>
    </message>
    <message>
      <source>Previous match</source>
      <translation>上一个匹配</translation>
    </message>
    <message>
      <source>Export the selected events to CSV</source>
      <translation>将所选事件导出为 CSV</translation>
    </message>
    <message>
      <source>Export every event the filters show</source>
      <translation>导出筛选条件下显示的全部事件</translation>
    </message>
    <message>
      <source>Import a folder…</source>
      <translation>导入文件夹…</translation>
    </message>
    <message>
      <source>Export catalogue…</source>
      <translation>导出目录…</translation>
    </message>
    <message>
      <source>Write the catalogue with every edit as files</source>
      <translation>将含全部修改的目录写成文件</translation>
    </message>
    <message>
      <source>Import catalogue…</source>
      <translation>导入目录…</translation>
    </message>
    <message>
      <source>See what another archivist's catalogue files would change, then build from them</source>
      <translation>查看其他档案员的目录文件会改变什么，然后据此构建</translation>
    </message>
    <message>
      <source>About</source>
      <translation>关于</translation>
    </message>
    <message>
      <source>Open shared archive…</source>
      <translation>打开共享档案…</translation>
    </message>
    <message>
      <source>A team's archive on a PostgreSQL server, in a window of its own</source>
      <translation>PostgreSQL 服务器上的团队档案，在单独的窗口中打开</translation>
    </message>
    <message>
      <source>Go to event…</source>
      <translation>转到事件…</translation>
    </message>
    <message>
      <source>Go to an event by its id</source>
      <translation>按编号转到事件</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Undo the last edit</source>
      <translation>撤销上一次修改</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <source>Redo the edit undone last</source>
      <translation>重做最近撤销的修改</translation>
    </message>
    <message>
      <source>Edit event…</source>
      <translation>编辑事件…</translation>
    </message>
    <message>
      <source>Edit the selected event</source>
      <translation>编辑所选事件</translation>
    </message>
    <message>
      <source>Participants…</source>
      <translation>参与者…</translation>
    </message>
    <message>
      <source>Who took part in the selected event, in what role, with what title</source>
      <translation>谁参与了所选事件、担任何种角色、时任何职</translation>
    </message>
    <message>
      <source>New event from this document…</source>
      <translation>根据此文档新建事件…</translation>
    </message>
    <message>
      <source>An event reported by the document shown; the words selected in it are its evidence</source>
      <translation>所示文档报道的事件；其中选中的文字作为证据</translation>
    </message>
    <message>
      <source>Merge another event into this…</source>
      <translation>将另一事件合并到此…</translation>
    </message>
    <message>
      <source>The same event, catalogued twice</source>
      <translation>同一事件被著录了两次</translation>
    </message>
    <message>
      <source>Split event…</source>
      <translation>拆分事件…</translation>
    </message>
    <message>
      <source>Make two events of one</source>
      <translation>将一个事件拆成两个</translation>
    </message>
    <message>
      <source>Sources of the event…</source>
      <translation>事件来源…</translation>
    </message>
    <message>
      <source>Attach or detach the documents that report it</source>
      <translation>添加或移除报道它的文档</translation>
    </message>
    <message>
      <source>Part of an event…</source>
      <translation>所属事件…</translation>
    </message>
    <message>
      <source>The event it is part of</source>
      <translation>它所属的事件</translation>
    </message>
    <message>
      <source>Flagged for review…</source>
      <translation>待审核标记…</translation>
    </message>
    <message>
      <source>Entities and words flagged for another look</source>
      <translation>标记为需再次查看的实体和文字</translation>
    </message>
    <message>
      <source>Link selection to an entity…</source>
      <translation>将选中文字链接到实体…</translation>
    </message>
    <message>
      <source>The words selected in the original name this person, organisation or place</source>
      <translation>原文中选中的文字指的是此人物、机构或地点</translation>
    </message>
    <message>
      <source>Add translation note…</source>
      <translation>添加翻译注释…</translation>
    </message>
    <message>
      <source>A translation note on the words selected in the original</source>
      <translation>对原文中选中文字的翻译注释</translation>
    </message>
    <message>
      <source>The window will be in this language from the next start</source>
      <translation>下次启动时窗口将使用此语言</translation>
    </message>
    <message>
      <source>Created the {kind} {name} from “{quote}” (Ctrl+Z to undo)</source>
      <translation>已根据“{quote}”新建{kind} {name}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>Read-only notice</source>
      <translation>只读提示</translation>
    </message>
    <message>
      <source>Clear search</source>
      <translation>清除搜索</translation>
    </message>
    <message>
      <source>&amp;Map of places</source>
      <translation>地点地图(&amp;M)</translation>
    </message>
    <message>
      <source>Where the events shown are, above the list (a click on a place filters by it)</source>
      <translation>在列表上方显示所示事件的发生地点（单击地点即按其筛选）</translation>
    </message>
    <message>
      <source>&amp;Filters pane</source>
      <translation>筛选面板(&amp;F)</translation>
    </message>
    <message>
      <source>Show or hide the saved views and filters at the left</source>
      <translation>显示或隐藏左侧的已保存视图和筛选</translation>
    </message>
    <message>
      <source>&amp;Appearance</source>
      <translation>外观(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>Note deleted (Ctrl+Z brings it back)</source>
      <translation>注释已删除（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
      <source>Note added</source>
      <translation>笔记已添加</translation>
    </message>
    <message>
      <source>Note saved</source>
      <translation>笔记已保存</translation>
    </message>
    <message>
      <source>Note deleted</source>
      <translation>笔记已删除</translation>
    </message>
    <message>
      <source>Something went wrong. The details are in {log}.</source>
      <translation>出现问题。详细信息见 {log}。</translation>
    </message>
    <message>
      <source>As the &amp;system</source>
      <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Light</source>
      <translation>浅色(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Dark</source>
      <translation>深色(&amp;D)</translation>
    </message>
    <message>
      <source>{file} has damaged pages ({problem}). Export what you need now; at the next start the damaged file will be set aside and the newest verified backup offered.</source>
      <translation>{file} 有损坏的页（{problem}）。请立即导出所需内容；下次启动时将把损坏的文件移到一旁，并提供最新的已验证备份。</translation>
    </message>
    <message>
      <source>Select an event to edit it</source>
      <translation>请先选择要编辑的事件</translation>
    </message>
    <message>
      <source>Accepted {n} proposal(s) (Ctrl+Z to undo)</source>
      <translation>已接受 {n} 条建议（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Rejected {n} proposal(s) (Ctrl+Z to undo)</source>
      <translation>已拒绝 {n} 条建议（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Cancelled; everything written so far is complete.</source>
      <translation>已取消；目前已写入的内容均完整无损。</translation>
    </message>
    <message>
      <source>Something went wrong ({error}). The details are in {log}.</source>
      <translation>出现问题（{error}）。详细信息见 {log}。</translation>
    </message>
    <message>
      <source>Read-only: {reason}. Changes are disabled: importing, rebuilding and editing your notes.</source>
      <translation>只读：{reason}。已禁用修改：导入、重建和编辑笔记。</translation>
    </message>
    <message>
      <source>{app} (read-only)</source>
      <translation>{app}（只读）</translation>
    </message>
    <message>
      <source>Saved {fields} (Ctrl+Z to undo)</source>
      <translation>已保存：{fields}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Undid: {step}</source>
      <translation>已撤销：{step}</translation>
    </message>
    <message>
      <source>Nothing to undo</source>
      <translation>没有可撤销的操作</translation>
    </message>
    <message>
      <source>Redid: {step}</source>
      <translation>已重做：{step}</translation>
    </message>
    <message>
      <source>Nothing to redo</source>
      <translation>没有可重做的操作</translation>
    </message>
    <message>
      <source>Some saved settings could not be used ({error}): the defaults are used.</source>
      <translation>部分已保存的设置无法使用（{error}）：已改用默认设置。</translation>
    </message>
    <message>
      <source>Disabled: the archive is read-only ({reason})</source>
      <translation>已禁用：档案为只读（{reason}）</translation>
    </message>
    <message>
      <source>Saved the names</source>
      <translation>名称已保存</translation>
    </message>
    <message>
      <source>{done} (Ctrl+Z to undo)</source>
      <translation>{done}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Linked “{quote}” to {key} (Ctrl+Z to undo)</source>
      <translation>已将“{quote}”链接到 {key}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Added the name {name}</source>
      <translation>已添加名称 {name}</translation>
    </message>
    <message>
      <source>Removed the name {name}</source>
      <translation>已删除名称 {name}</translation>
    </message>
    <message>
      <source>Merged {other} into {key}</source>
      <translation>已将 {other} 合并到 {key}</translation>
    </message>
    <message>
      <source>Flagged “{quote}” for review (Ctrl+Z to undo)</source>
      <translation>已将“{quote}”标记为待审核（Ctrl+Z 撤销）</translation>
    </message>
    <message>
      <source>Flagged {key} for review</source>
      <translation>已将 {key} 标记为待审核</translation>
    </message>
    <message>
      <source>Cleared the flag of {key}</source>
      <translation>已清除 {key} 的标记</translation>
    </message>
    <message numerus="yes">
      <source>%n conflict(s)</source>
      <translation>
        <numerusform>%n 个冲突</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n mention(s)</source>
      <translation>
        <numerusform>%n 处提及</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n event(s)</source>
      <translation>
        <numerusform>%n 个事件</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n flag(s)</source>
      <translation>
        <numerusform>%n 个标记</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n dated event(s)</source>
      <translation>
        <numerusform>%n 个有日期的事件</numerusform>
      </translation>
    </message>
  </context>
</TS>
