"""What the command line's parser (:mod:`desktop.cli`) and its commands (:mod:`desktop.commands`) share.

Its own module so that neither imports the other back: ``cli`` imports ``commands`` when a command runs,
and ``commands`` needs only these few names (an import cycle between them was the only one in the
package; ``tests/test_architecture.py`` keeps it that way).
"""

from __future__ import annotations

EXIT_USER_ERROR = 2
EXIT_INTERNAL = 70

# Commands that change the store: refused at once, with the reason, on a read-only store.
WRITE_COMMANDS = frozenset({"build", "import", "note", "event", "undo", "redo", "link", "unlink", "flag"})
# (``suggestions`` and ``entity`` read as well as write: the store refuses their writes when read-only.)


class UserError(Exception):
    """Something the user can fix; the message says what."""
