"""The script PyInstaller freezes: the `readerapp` command, exactly as pip installs it."""

from readerapp.cli.main import main

raise SystemExit(main())
