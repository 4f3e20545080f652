"""``python -m quotesnap``: the command line (see :mod:`quotesnap.cli`)."""

from .cli import main

raise SystemExit(main())
