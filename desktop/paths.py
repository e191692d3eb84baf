"""Every file location the app uses, in one Qt-free place (after Vorta's ``config.py``).

``ARCHIVE_VIEWER_DATA`` overrides the data folder (tests, portable installs, a dev checkout);
otherwise the platform's user data directory is used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop import APP_ID

DATA_ENV = "ARCHIVE_VIEWER_DATA"
STORE_FILENAME = "archive.sqlite"


def bundle_root() -> Path:
    """Where read-only bundled files live: the PyInstaller bundle, or the source checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The user's writable data folder (created on demand by the callers that write)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    # Imported here so that a plain ``--help`` does not pay for it.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, appauthor=False))


def default_store_path() -> Path:
    return data_dir() / STORE_FILENAME


def bundled_seeds_dir() -> Path:
    return bundle_root() / "seeds"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def bundled_store() -> Path:
    """A store built from the bundled seeds when the app was packaged (absent in a source checkout)."""
    return bundle_root() / "prebuilt" / STORE_FILENAME
