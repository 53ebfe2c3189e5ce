"""The script PyInstaller freezes: the `readerapp` command, exactly as pip installs it."""

import sys

# The frozen app has no `python -m`: it is also the child that reads a PDF's text
# (readerapp.pdf.text starts it with this first argument).
if sys.argv[1:2] == ["--pdf-text-child"]:
    from readerapp.pdf.text_child import main as read_pdf_text

    raise SystemExit(read_pdf_text(sys.argv[2:]))

from readerapp.cli.main import main

raise SystemExit(main())
