<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ArchiveViewer</name>
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
      <source>Add note</source>
      <translation>添加笔记</translation>
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
      <source>Translation notes</source>
      <translation>翻译注释</translation>
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
      <source>Translation note</source>
      <translation>翻译注释</translation>
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
      <source>Name in English (where one is established)</source>
      <translation>英文名称（如有通行译名）</translation>
    </message>
    <message>
      <source>Name in its own language and script</source>
      <translation>本族语言和文字的名称</translation>
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
      <source>Edit event</source>
      <translation>编辑事件</translation>
    </message>
    <message>
      <source>&amp;Remove the selected name</source>
      <translation>删除所选名称(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Add name</source>
      <translation>添加名称(&amp;A)</translation>
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
      <source>Native</source>
      <translation>原文名</translation>
    </message>
    <message>
      <source>Each change is one step: Edit › Undo (Ctrl+Z) takes it back.</source>
      <translation>每次修改为一步：编辑 › 撤销（Ctrl+Z）可撤回。</translation>
    </message>
    <message>
      <source>Flagged for review</source>
      <translation>待审核标记</translation>
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
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Filter {what} — any spelling, any script</source>
      <translation>筛选{what}——任何拼写、任何文字</translation>
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
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
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
      <source>Opening the archive…</source>
      <translation>正在打开档案…</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <source>Nobody has edited this event yet: what you change is listed here, who and when.</source>
      <translation>尚无人编辑此事件：修改将在此列出，包括修改人和时间。</translation>
    </message>
    <message>
      <source>When (UTC)</source>
      <translation>时间（UTC）</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>修改人</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>修改</translation>
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
      <source>&amp;Remove the selected participant</source>
      <translation>删除所选参与者(&amp;R)</translation>
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
      <source>Why</source>
      <translation>理由</translation>
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
      <source>Saved views</source>
      <translation>已保存视图</translation>
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
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
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
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>The window will be in this language from the next start</source>
      <translation>下次启动时窗口将使用此语言</translation>
    </message>
    <message>
      <source>&amp;Map of places</source>
      <translation>地点地图(&amp;M)</translation>
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
    <message numerus="yes">
      <source>%n event(s)</source>
      <translation>
        <numerusform>%n 个事件</numerusform>
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
