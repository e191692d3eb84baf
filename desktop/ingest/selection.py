"""Which files an import takes: files named one by one, folders walked without following links out of them,
and the archive's own files and hidden files left out (each with its reason)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.store.ownfiles import own_file_reason


@dataclass(frozen=True)
class Rejected:
    """A file that was not imported, and why (for the report)."""

    name: str
    reason: str


def expand_paths(paths: Iterable[Path], store: Path | None = None) -> tuple[list[Path], list[Rejected]]:
    """The files to import, and what was left out on purpose (each with its reason).

    Files named one by one are taken as given (a link named by the reader is followed: it was chosen). A
    folder is walked in sorted order without following links out of it: a link to a file or a folder
    outside the chosen folder is reported, not followed (``/etc/passwd`` is never imported by way of a
    link in a downloads folder), and hidden files and folders are skipped. The archive's own files (the
    store, its ``-wal``/``-shm``, lock and backups) are never imported, named or walked.
    """
    files: list[Path] = []
    skipped: list[Rejected] = []
    hidden = 0
    for path in paths:
        if not path.is_dir():
            reason = own_file_reason(path, store) if store is not None else None
            if reason is not None:
                skipped.append(Rejected(str(path), f"{reason}: the archive never imports its own files"))
            else:
                files.append(path)
            continue
        root = path.resolve()
        walked: list[Path] = []
        for folder, dirs, names in os.walk(path, followlinks=False):
            here = Path(folder)
            for name in [d for d in dirs if d.startswith(".")]:
                dirs.remove(name)
                hidden += 1
            for name in list(dirs):
                link = here / name
                if link.is_symlink():
                    # os.walk does not descend into it; a link into the folder itself is walked anyway.
                    target = _link_target(link)
                    if target is None or not target.is_relative_to(root):
                        skipped.append(Rejected(str(link), _outside(target, "folder")))
            for name in names:
                if name.startswith("."):
                    hidden += 1
                    continue
                candidate = here / name
                if candidate.is_symlink():
                    target = _link_target(candidate)
                    if target is not None and not target.is_relative_to(root):
                        skipped.append(Rejected(str(candidate), _outside(target, "file")))
                        continue
                reason = own_file_reason(candidate, store) if store is not None else None
                if reason is not None:
                    skipped.append(Rejected(str(candidate), f"{reason}: never imported"))
                    continue
                walked.append(candidate)
        files.extend(sorted(walked))
    if hidden:
        what = f"{hidden} hidden file(s) or folder(s) skipped (their names start with '.')"
        skipped.append(Rejected("hidden files", what))
    return files, skipped


def _link_target(link: Path) -> Path | None:
    """Where a symbolic link leads, or None when it leads nowhere (a loop: then it is read and rejected)."""
    try:
        return link.resolve(strict=False)
    except (OSError, RuntimeError):
        return None


def _outside(target: Path | None, what: str) -> str:
    where = f" ({target})" if target is not None else ""
    return f"a link to a {what} outside the chosen folder{where}: not followed"
