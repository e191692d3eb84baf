"""The installed app, really built: PyInstaller onedir from build_installer.spec, run frozen.

Slow (about a minute to build), and part of the suite CI runs. Set ARCHIVE_VIEWER_SKIP_BUILD=1 to leave
it out of a quick local run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(os.environ.get("ARCHIVE_VIEWER_SKIP_BUILD")), reason="ARCHIVE_VIEWER_SKIP_BUILD set"
    ),
]


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    dist = tmp_path_factory.mktemp("dist")
    env = dict(os.environ, DIST=str(dist), WORK=str(dist / "build"))
    proc = subprocess.run(
        [str(REPO / "scripts" / "build_release.sh")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    yield dist


def _run(app: Path, *args: str, env: dict[str, str] | None = None, prefix: list[str] | None = None) -> str:
    proc = subprocess.run(
        [*(prefix or []), str(app / "archive-viewer"), *args],
        # The self-test dumps its threads' stacks and exits before this test's own time-out kills it.
        env={**os.environ, "ARCHIVE_VIEWER_SELFTEST_TIMEOUT": "150", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_frozen_self_test_passes(release: Path, tmp_path: Path) -> None:
    out = _run(release / "archive-viewer", "--self-test", env={"ARCHIVE_VIEWER_DATA": str(tmp_path)})
    assert "ok   fonts: Latin, Cyrillic, Devanagari, Chinese" in out
    assert "ok   shared archives: psycopg" in out  # the server's driver is in the bundle (issue 21)
    assert "ok   build from bundled seeds: 21 events" in out
    assert "self-test passed" in out
    assert not any(tmp_path.iterdir())  # the self-test never touches the reader's data folder


def test_every_script_renders_with_no_system_fonts(release: Path, tmp_path: Path) -> None:
    """An empty fontconfig configuration: only the bundled fonts exist for the app."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<fontconfig><cachedir>'
        + str(tmp_path / "cache")
        + "</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    shot = tmp_path / "no-system-fonts.png"
    out = _run(
        release / "archive-viewer",
        "--self-test",
        "--self-test-screenshot",
        str(shot),
        env={"FONTCONFIG_FILE": str(conf), "ARCHIVE_VIEWER_DATA": str(tmp_path / "data")},
    )
    assert "ok   fonts: Latin, Cyrillic, Devanagari, Chinese" in out
    assert shot.stat().st_size > 20_000
    keep = os.environ.get("ARCHIVE_VIEWER_KEEP_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)


@pytest.mark.skipif(shutil.which("unshare") is None or os.geteuid() != 0, reason="needs unshare as root")
def test_frozen_app_needs_no_network(release: Path, tmp_path: Path) -> None:
    out = _run(
        release / "archive-viewer",
        "--self-test",
        env={"ARCHIVE_VIEWER_DATA": str(tmp_path)},
        prefix=["unshare", "--net"],
    )
    assert "self-test passed" in out


def test_release_archive_installs_into_the_users_menu(release: Path, tmp_path: Path) -> None:
    (tarball,) = release.glob("archive-viewer-*-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    (folder,) = (tmp_path / "unpacked").iterdir()
    home = tmp_path / "home"
    proc = subprocess.run(
        [str(folder / "install.sh")],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Self-test passed." in proc.stdout
    desktop = (home / ".local/share/applications/archive-viewer.desktop").read_text(encoding="utf-8")
    assert f"Exec={home}/.local/opt/archive-viewer/archive-viewer %F" in desktop
    assert (home / ".local/share/icons/hicolor/256x256/apps/archive-viewer.png").exists()
    version = subprocess.run(
        [str(home / ".local/bin/archive-viewer"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.stdout.startswith("archive-viewer 0.")
    removed = subprocess.run(
        [str(folder / "install.sh"), "--remove"],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert removed.returncode == 0 and not (home / ".local/opt/archive-viewer").exists()


def test_first_run_copies_the_packaged_store(release: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    proc = subprocess.run(
        [str(release / "archive-viewer" / "archive-viewer"), "events", "--format", "json"],
        env={**os.environ, "ARCHIVE_VIEWER_DATA": str(data)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "first run" not in proc.stderr  # copied, not built
    ids = {event["id"] for event in json.loads(proc.stdout)}
    assert "evt.2021-12-03.shandong-vitebsk-light-industry-seminar" in ids and len(ids) == 21
    assert (data / "archive.sqlite").exists() and not (data / "archive.sqlite.part").exists()


def test_frozen_import_analyses_in_worker_processes(release: Path, tmp_path: Path) -> None:
    """The installed app starts its analysis workers through its own executable (spawn, freeze_support)."""
    pages = sorted(str(p) for p in (REPO / "tests" / "data" / "first_pass").glob("*/*.txt"))
    env = {"ARCHIVE_VIEWER_DATA": str(tmp_path), "ARCHIVE_VIEWER_WORKERS": "2"}
    app = release / "archive-viewer"
    report = json.loads(_run(app, "import", *pages, "--format", "json", env=env))
    assert len(report["added"]) == len(pages) and not report["rejected"]
    events = json.loads(_run(app, "events", "--limit", "1000", "--format", "json", env=env))
    proposed = [e for e in events if e["uncatalogued"]]
    assert proposed and all(e["certainty"] == "proposed" for e in proposed)
    assert sum(1 for e in proposed if e["first_pass"].get("type")) >= len(proposed) // 2
