"""LaTeX field text as plain Unicode for display: accents, case-protection braces, readable math.

BibTeX files carry titles and names as LaTeX (`Sch{\\"o}rmann`, `{BERT}`, `{Cu$_2$O}`). pylatexenc
does the real conversion; plain text (most values: letters, spaces, case-protection braces) takes
a fast path, because pylatexenc costs about half a millisecond per title and big bibliographies
hold tens of thousands of values.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import LatexWalkerError

# Anything besides braces that pylatexenc must interpret: commands, math, ties, comments,
# TeX quotes and dash ligatures.
_NEEDS_LATEX = re.compile(r"[\\$~%`]|''|--")
# BibTeX keeps `%` literally (a percent sign in an abstract), LaTeX would drop the rest of the line.
_BARE_PERCENT = re.compile(r"(?<!\\)%")
_MATH = re.compile(r"\$([^$]*)\$")
_SUB_SUPER = re.compile(r"([_^])(?:\{([^{}]*)\}|([^\s\\{}]))")
_SUBSCRIPTS = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUPERSCRIPTS = str.maketrans("0123456789+-=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ")
_SUB_CHARS = frozenset("0123456789+-=()aehijklmnoprstuvx")
_SUPER_CHARS = frozenset("0123456789+-=()in")

# Better BibTeX writes a literal brace as `\{\vphantom\}` or `\vphantom\{\}` (the phantom keeps
# braces balanced); Zotero titles that went through it twice print as "{{GaAs}}". In a value
# with phantoms, the literal braces are export artefacts and go with the phantoms.
_PHANTOM = re.compile(r"\\vphantom(?:\{(?:\\[{}]|[^{}])*\}|\\[{}])|\\[{}]")
# After conversion, literal braces left around letters are case protection that was escaped
# twice (`\{S\}urface`); around digits they are meant (Miller indices such as {112}).
_LITERAL_BRACES = re.compile(r"\{([^{}\s]*[^\W\d_][^{}\s]*)\}")
# Text escaped twice (`Garc\textbackslash{}'ia`, `\$\_2\$`) still holds commands or math after
# one conversion.
_LEFTOVER_LATEX = re.compile(r"\\(?:[a-zA-Z]|[\"'`^~=.])|\$[^$]+\$")
# A chemical formula whose math was lost on the way ("TiO\_2", "In\_\{x\}Ga\_\{1-x\}N") still means
# subscripts there.
_BARE_SUBSCRIPT = re.compile(
    r"(?<=[A-Za-z)\]])_(?:\{([^{}\s]{1,8})\}|(\d{1,3})(?!\w)|([a-z])(?=[A-Z]|[^\w]|$))"
)

# "text" renders math as text (`$\alpha$` -> Greek alpha) rather than keeping `$...$` around it.
_CONVERTER = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)


def _script(match: re.Match[str]) -> str:
    content = match.group(2) if match.group(2) is not None else match.group(3)
    if match.group(1) == "_":
        if content and set(content) <= _SUB_CHARS:
            return content.translate(_SUBSCRIPTS)
        # No Unicode subscript for it (In$_{1-X}$): plain text, as journals print "In1-XGaN".
        return "{" + content + "}"
    if content and set(content) <= _SUPER_CHARS:
        return content.translate(_SUPERSCRIPTS)
    return match.group(0)


def _bare_subscript(match: re.Match[str]) -> str:
    content = match.group(1) or match.group(2) or match.group(3)
    return content.translate(_SUBSCRIPTS) if set(content) <= _SUB_CHARS else content


def _readable_math(match: re.Match[str]) -> str:
    # Chemical formulas and units (Cu$_2$O, cm$^{-1}$) read best with Unicode sub/superscripts.
    return "$" + _SUB_SUPER.sub(_script, match.group(1)) + "$"


@lru_cache(maxsize=8192)  # names and venues repeat across entries
def latex_to_text(value: str) -> str:
    """The Unicode text a LaTeX value prints as; whitespace is left for the caller to fold."""
    if not _NEEDS_LATEX.search(value):
        return value.replace("{", "").replace("}", "")
    text = _convert(_PHANTOM.sub("", value) if "vphantom" in value else value)
    if _LEFTOVER_LATEX.search(text):
        text = _convert(text)
    if "_" in text:
        text = _BARE_SUBSCRIPT.sub(_bare_subscript, text)
    if "{" in text:
        text = _LITERAL_BRACES.sub(r"\1", text)
    return text


def _convert(value: str) -> str:
    source = _BARE_PERCENT.sub(r"\\%", value)
    if "$" in source:
        source = _MATH.sub(_readable_math, source)
    try:
        return cast(str, _CONVERTER.latex_to_text(source))  # pylatexenc is untyped
    except (LatexWalkerError, RecursionError, IndexError, ValueError):
        # pylatexenc is tolerant, but pathological nesting can still defeat it; the value
        # without its markup characters is still better than losing the field.
        return re.sub(r"\\[a-zA-Z]+\s*|\\.|[\\{}$]", "", value)
