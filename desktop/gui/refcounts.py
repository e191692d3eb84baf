"""A guard against PySide6 6.12's lost references to ``None``, ``True`` and ``False`` on Python 3.11.

PySide6 6.12 (built for the stable ABI, where 3.12 made these objects immortal) drops one reference to
``None`` at every call of a C++ method that returns ``void`` — ``QWidget.update()``, ``repaint()``,
``QScrollBar.setValue()``, ``beginResetModel()``, ``QModelRoleData.setData()`` … — and to ``True`` or
``False`` at some calls that return ``bool`` (checked with ``sys.getrefcount``: 1,000 ``update()`` calls,
1,000 references fewer). Python 3.11 starts with about 4,500 references to ``None`` and 150 to ``True``:
a session of a few thousand such calls aborts the interpreter ("none_dealloc", "bool_dealloc"), also at
exit. Python 3.12 and later never free these objects, so they are left alone there.

On 3.11 the fix does what 3.12 does: it gives each of the three singletons a reserve of references so
large (2**40) that no session can use it up. They are statically allocated and never freed anyway, so the
reserve changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40
_guarded = False


def keep_singletons_alive() -> None:
    """Give ``None``, ``True`` and ``False`` a reserve of references (once; nothing to do on 3.12+)."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    _guarded = True
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object, at the address id() returns.
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
