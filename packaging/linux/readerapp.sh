#!/bin/sh
# /usr/bin/readerapp: the app lives in /opt/readerapp, a PyInstaller bundle with its own
# Python and Qt; this puts its command on PATH with every argument passed through.
exec /opt/readerapp/readerapp "$@"
