"""The desktop app: a thin Qt layer over readerapp.services."""

from readerapp.gui.i18n import write_numbers_in_english_under_c

write_numbers_in_english_under_c()
