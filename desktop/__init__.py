"""Archive viewer: an offline reader for a multilingual archive of China–Belarus cooperation events.

Everything outside ``desktop.gui`` is Qt-free: the GUI and the command line call the same services.
"""

__all__ = ["APP_ID", "APP_NAME", "__version__"]

APP_NAME = "Archive Viewer"
APP_ID = "archive-viewer"
__version__ = "0.1.0"
