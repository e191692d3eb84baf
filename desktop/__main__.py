"""``python -m desktop`` runs the same command line as ``archive-viewer``."""

from desktop.cli import main

raise SystemExit(main())
