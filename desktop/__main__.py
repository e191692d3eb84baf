"""``python -m desktop`` runs the same command line as ``archive-viewer``."""

import multiprocessing

from desktop.cli import main

if __name__ == "__main__":  # not when a worker process imports this module to start (spawn)
    multiprocessing.freeze_support()  # the installed app starts its analysis workers through this entry
    raise SystemExit(main())
