"""PDF files: telling a PDF from what pretends to be one, and reading its text in a child
process that a hostile file can only kill, never hang or crash the app."""
