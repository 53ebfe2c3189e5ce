"""PDFs made for the tests (nothing is downloaded): plain text pages with fpdf2, and the
hostile ones (truncated, encrypted, no text layer, a decompression bomb, HTML named .pdf)."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF


def text_pdf(path: Path, pages: Sequence[str]) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 5, text)
    pdf.output(str(path))
    return path


def paper_pdf(path: Path, phrase: str, pages: int = 3) -> Path:
    """A paper-like PDF whose last page says `phrase`, among filler sentences."""
    filler = "Transformers are trained on large corpora of text. " * 30
    texts = [f"Page {n + 1}. {filler}" for n in range(pages)]
    texts[-1] += f" In section 7 {phrase} and report the results."
    return text_pdf(path, texts)


def truncated_pdf(path: Path) -> Path:
    whole = paper_pdf(path.with_name("whole-" + path.name), "nothing special", pages=4)
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def encrypted_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 5, "A secret paper about encrypted attention.")
    pdf.output(str(path))
    return path


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages with drawings only, as a scan without OCR has images only: no text layer."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        for row in range(20):
            pdf.rect(10, 10 + row * 12, 150 - row * 3, 6, style="F")
    pdf.output(str(path))
    return path


def long_pdf(path: Path, pages: int = 200) -> Path:
    return text_pdf(
        path, [f"Page {n + 1} of a long thesis on sparse mixtures." for n in range(pages)]
    )


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file from its objects (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def bomb_pdf(path: Path, megabytes: int = 600) -> Path:
    """A page whose content stream is a few hundred KB compressed and `megabytes` MB once
    inflated: text-drawing operators, so a reader that decodes it must hold and parse it."""
    unit = b"BT /F1 1 Tf (A) Tj ET\n" * 4096
    count = megabytes * 1024 * 1024 // len(unit)
    # After a full flush the compressor forgets what came before, so every later copy of
    # `unit` compresses to the same bytes: compressed once, repeated, checksum computed.
    packer = zlib.compressobj(9)
    first = packer.compress(unit) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(unit) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()
    adler = 1
    for _ in range(count):
        adler = zlib.adler32(unit, adler)
    stream = first + block * (count - 1) + end[:-4] + adler.to_bytes(4, "big")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(_pdf(objects))
    return path


def html_pdf(path: Path) -> Path:
    """What arXiv sends a client it is rate-limiting, saved under a .pdf name."""
    path.write_bytes(
        b"<!DOCTYPE html>\n<html><head><title>arXiv</title></head>"
        b"<body>Your request rate is too high; please wait.</body></html>\n"
    )
    return path
