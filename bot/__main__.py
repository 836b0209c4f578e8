"""``python -m bot`` does what the ``resume-coach`` command does."""

from bot.cli import main

raise SystemExit(main())
