"""Shared fixtures: a fresh data folder per test, a small multilingual seeds folder, built archives."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.services import Archive
from desktop.shared.localserver import LocalServer, ServerUnavailable
from tests.pgserver import ServerArchives, Team, make_team

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MINI_DOCS: dict[str, str] = {
    "a_en.txt": (
        "News\n\nRelease time: 2021-06-04\n\n"
        "Gusekov of the National Academy of Sciences of Belarus visited Jinan on June 3.\n\n"
        "Gusakov met Qilu University of Technology.\n"
    ),
    "b_ru.txt": (
        "Делегация Национальной академии наук Беларуси посетила Минск. Гусаков выступил.\n"
        "- Заголовок один про Цзинань\n- Заголовок два\n- Заголовок три\n"
    ),
    "c_zh.txt": "发布时间:2022-03-01\n白俄罗斯国家科学院与齐鲁工业大学在济南签署协议。\n",
    "d_unc.txt": (
        "Minsk hosts a forum\n\nDelegates from China came to Minsk.\n"
        "- Jinan news one\n- Jinan news two\n- Jinan news three\n"
    ),
}

MINI_AUTHORITY = """
[[entity]]
id = "country.belarus"
type = "country"
name = "Belarus"
native = "Беларусь"
native_lang = "ru"
aliases = [{ text = "白俄罗斯", lang = "zh" }, { text = "बेलारूस", lang = "hi" }]

[[entity]]
id = "country.china"
type = "country"
name = "China"
aliases = [{ text = "Китай", lang = "ru" }, { text = "中国", lang = "zh" }]

[[entity]]
id = "place.minsk"
type = "place"
name = "Minsk"
native = "Минск"
native_lang = "ru"
country = "country.belarus"
within = "country.belarus"

[[entity]]
id = "place.jinan"
type = "place"
name = "Jinan"
country = "country.china"
within = "country.china"
aliases = [{ text = "济南", lang = "zh" }, { text = "Цзинань", lang = "ru" }]

[[entity]]
id = "org.nasb"
type = "organisation"
name = "National Academy of Sciences of Belarus"
native = "Национальная академия наук Беларуси"
native_lang = "ru"
country = "country.belarus"
aliases = [
  { text = "NASB", lang = "en", kind = "abbreviation" },
  { text = "白俄罗斯国家科学院", lang = "zh" },
]

[[entity]]
id = "org.qlut"
type = "organisation"
name = "Qilu University of Technology"
native = "齐鲁工业大学"
native_lang = "zh"
country = "country.china"

[[entity]]
id = "person.gusakov"
type = "person"
name = "Vladimir Gusakov"
country = "country.belarus"
aliases = [
  { text = "Gusakov", lang = "en" },
  { text = "Gusekov", lang = "en", kind = "misspelling" },
  { text = "Гусаков", lang = "ru" },
]
"""

MINI_EVENTS = """
[[event]]
id = "evt.2021-06-03.visit"
title = "Gusakov visits Jinan"
type = "visit"
place = "place.jinan"
sources = ["a_en.txt"]
[event.start]
date = "2021-06-03"
precision = "day"
certainty = "inferred"
reason = "year from the release time"
[[event.participant]]
entity = "person.gusakov"
role = "visitor"
quote = "Gusekov"
[[event.participant]]
entity = "org.nasb"
role = "participant"
[[event.evidence]]
document = "a_en.txt"
quote = "visited Jinan on June 3"

[[event]]
id = "evt.2021.minsk-delegation"
title = "Academy delegation in Minsk"
type = "visit"
place = "place.minsk"
sources = ["b_ru.txt"]
[event.start]
date = "2021"
precision = "year"
certainty = "inferred"
reason = "test: a year-only date"
[[event.participant]]
entity = "org.nasb"
role = "participant"
[[event.participant]]
entity = "person.gusakov"
role = "speaker"

[[event]]
id = "evt.2022-03.signing"
title = "Academy and university sign an agreement"
type = "signing"
place = "place.jinan"
sources = ["c_zh.txt"]
[event.start]
date = "2022-03"
precision = "month"
certainty = "stated"
[[event.participant]]
entity = "org.nasb"
role = "signatory"
[[event.participant]]
entity = "org.qlut"
role = "signatory"

[[event]]
id = "evt.undated.talk"
title = "A talk of unknown date"
type = "meeting"
sources = ["a_en.txt"]
parent = "evt.2021-06-03.visit"
[event.start]
precision = "unknown"
certainty = "unknown"
[[event.participant]]
entity = "org.qlut"
role = "host"
"""

MINI_DOC_ENTRIES = {
    "a_en": """
file = "a_en.txt"
title = "Gusakov visits Jinan"
language = "en"
[[published]]
date = "2021-06-04"
precision = "day"
certainty = "stated"
label = "release time"
quote = "Release time: 2021-06-04"
[[note]]
kind = "name-variant"
quote = "Gusekov"
text = "Misspelling of Gusakov."
certainty = "certain"
""",
    "b_ru": """
file = "b_ru.txt"
title = "Academy delegation visits Minsk"
language = "ru"
summary = "A delegation of the National Academy of Sciences of Belarus visited Minsk; Gusakov spoke."
[[debris]]
quote = "- Заголовок один про Цзинань\\n- Заголовок два\\n- Заголовок три"
kind = "headline-list"
reason = "links to unrelated articles"
[[rendering]]
paragraph = 1
text = "A delegation of the National Academy of Sciences of Belarus visited Minsk. Gusakov spoke."
""",
    "c_zh": """
file = "c_zh.txt"
title = "Academy and university sign an agreement in Jinan"
language = "zh"
summary = "NASB and QLUT signed an agreement in Jinan."
[[rendering]]
paragraph = 2
text = "NASB and Qilu University of Technology signed an agreement in Jinan."
""",
}


def write_seeds(
    root: Path,
    docs: dict[str, str | bytes] | None = None,
    authority: str = MINI_AUTHORITY,
    events: str = MINI_EVENTS,
    entries: dict[str, str] | None = None,
) -> Path:
    """Write a seeds folder (documents, SHA256SUMS, catalogue) and return it."""
    docs = MINI_DOCS if docs is None else docs
    entries = MINI_DOC_ENTRIES if entries is None else entries
    (root / "documents").mkdir(parents=True, exist_ok=True)
    (root / "catalogue" / "documents").mkdir(parents=True, exist_ok=True)
    sums = []
    for name, content in docs.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / "documents" / name).write_bytes(data)
        sums.append(f"{hashlib.sha256(data).hexdigest()}  documents/{name}")
    (root / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    (root / "catalogue" / "authority.toml").write_text(authority, encoding="utf-8")
    (root / "catalogue" / "events.toml").write_text(events, encoding="utf-8")
    for stem, body in entries.items():
        (root / "catalogue" / "documents" / f"{stem}.toml").write_text(body, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def fresh_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder: nothing leaks between tests or into the user's real one."""
    data = tmp_path / "data"
    monkeypatch.setenv("ARCHIVE_VIEWER_DATA", str(data))
    return data


@pytest.fixture
def mini_seeds(tmp_path: Path) -> Path:
    return write_seeds(tmp_path / "seeds")


@pytest.fixture
def mini_archive(
    tmp_path: Path, mini_seeds: Path, on_backend: Callable[[Archive], Archive]
) -> Iterator[Archive]:
    """The mini seeds built into a file; on the server backend, that file published to a new database."""
    archive = Archive.open(tmp_path / "mini.sqlite")
    report = archive.build(mini_seeds)
    assert report.ok, report.rejected
    yield on_backend(archive)
    archive.close()


@pytest.fixture(scope="session")
def seeds_file_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The real seeds, built once for the session (tests must not write to it)."""
    root = tmp_path_factory.mktemp("real")
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    archive = Archive.open(root / "archive.sqlite")
    archive.build(seeds)
    yield archive
    archive.close()


@pytest.fixture(scope="session")
def seeds_server_archive(seeds_file_archive: Archive, server_archives: ServerArchives) -> Archive:
    """The real seeds published once to the session's server (tests must not write to it)."""
    return server_archives.publish(seeds_file_archive)


@pytest.fixture
def seeds_archive(backend: str, request: pytest.FixtureRequest) -> Archive:
    """The real seeds, read-only for the tests, on the test's backend (built or published once)."""
    name = "seeds_file_archive" if backend == "sqlite" else "seeds_server_archive"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A ``file_only`` test (backups, locks, SQLite's own files) is not collected for the server backend."""
    kept, dropped = [], []
    for item in items:
        params = getattr(item, "callspec", None)
        on_server = params is not None and params.params.get("backend") == "postgresql"
        (dropped if on_server and item.get_closest_marker("file_only") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def pg_server() -> Iterator[LocalServer]:
    """A real PostgreSQL server for the session, started as ``./run test`` installed it. It never skips:
    the service and query tests run on both backends, and a server that cannot start fails them."""
    try:
        server = LocalServer.start(durable=False)
    except ServerUnavailable as exc:
        pytest.fail(
            f"PostgreSQL could not start, and the tests of the shared archive need it: {exc}", pytrace=False
        )
    yield server
    server.stop(remove=True)


@pytest.fixture(scope="session")
def server_archives(pg_server: LocalServer) -> Iterator[ServerArchives]:
    archives = ServerArchives(pg_server)
    yield archives
    archives.close()


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture
def team(mini_archive: Archive, server_archives: ServerArchives) -> Team:
    """The mini archive shared on the server, with a login per role (tests.pgserver.PEOPLE)."""
    return make_team(mini_archive, server_archives)


@pytest.fixture
def backend() -> str:
    """Which store the archive fixtures give. A module that runs on both overrides it::

    @pytest.fixture(params=BACKENDS)
    def backend(request: pytest.FixtureRequest) -> str:
        return request.param
    """
    return "sqlite"


@pytest.fixture
def on_backend(backend: str, request: pytest.FixtureRequest) -> Callable[[Archive], Archive]:
    """The archive as the test's backend holds it: itself, or the same archive published to the server."""
    if backend == "sqlite":
        return lambda archive: archive
    archives: ServerArchives = request.getfixturevalue("server_archives")
    return archives.publish


@pytest.fixture(autouse=True)
def no_worker_threads_left_behind() -> Iterator[None]:
    """A closed window stops its task runner's threads: none outlives the test that made it."""
    import threading

    before = {t.ident for t in threading.enumerate()}
    yield  # an autouse fixture is torn down after the test's own, pytest-qt's closing of its widgets too
    left = [
        t.name
        for t in threading.enumerate()
        if t.ident not in before and t.name.startswith("archive-") and t.is_alive()
    ]
    assert not left, f"worker threads left running: {left}"
