"""What the bibliographic exporters (BibTeX, RIS, CSL-JSON) derive from a Paper the same way.

A Paper keeps authors as display names ("Edward J. Hu") and a free-text venue; citation formats
want names split into family and given parts, a kind of work (journal article, conference
paper, preprint), a citation key, and only web links. Deriving these in one place keeps the
three exports of one list consistent: the same keys, the same entry kinds, the same names.
"""

from __future__ import annotations

import itertools
import re
import string
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from readerapp.core.records import Paper
from readerapp.formats.links import is_web_url, url_host

# A name's last comma-separated part that is a generation suffix, not a given name.
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv|v|vi)\.?$", re.IGNORECASE)
# Lower-case words that belong to the family name ("Ludwig van Beethoven", "Ana de la Cruz").
# Only known particles: a lower-case initial ("Edward j. Hu") is a typo, not a particle.
_PARTICLES = frozenset(
    (
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "dos",
        "das",
        "do",
        "ter",
        "ten",
        "zu",
        "zur",
        "vom",
        "af",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "d'",
        "degli",
        "dei",
        "st.",
    )
)

# Letters NFKD does not decompose into ASCII; enough for the Latin names keys are made from.
_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "\u0131": "i",
        "ħ": "h",
    }
)  # \u0131: dotless i
# Words a citation key skips when it takes the title's first significant word.
_TITLE_STOPWORDS = frozenset(
    (
        "a",
        "an",
        "the",
        "on",
        "of",
        "in",
        "for",
        "to",
        "and",
        "or",
        "with",
        "via",
        "from",
        "towards",
        "toward",
        "is",
        "are",
        "be",
        "do",
        "does",
        "how",
        "what",
        "why",
        "when",
        "where",
        "which",
        "who",
        "we",
        "our",
        "at",
        "by",
        "as",
        "into",
        "onto",
        "about",
        "can",
        "not",
        "no",
        "its",
        "it",
        "this",
        "that",
        "these",
        "all",
        "your",
        "you",
        "i",
        "one",
        "more",
        "than",
        "using",
        "through",
        "beyond",
        "rethinking",
        "revisiting",
    )
)
_WORD = re.compile(r"[^\W_]+")

# Venue classification. Some "Proceedings of ..." are journals; check those first.
_JOURNAL_PROCEEDINGS = re.compile(
    r"^proceedings of the (?:ieee\s*$|national academy|royal society|american mathematical)",
    re.IGNORECASE,
)
_CONFERENCE = re.compile(
    r"\b(?:proceedings|proc\.|conference|conf\.|workshops?|symposium|congress|meeting|"
    r"advances in neural information processing|findings of|"
    r"neurips|nips|iclr|icml|cvpr|iccv|eccv|acl|emnlp|naacl|eacl|aacl|coling|aaai|ijcai|kdd|"
    r"sigir|wsdm|cikm|sigchi|uist|interspeech|icassp|uai|aistats|colt|corl|icra|iros|wacv|"
    r"bmvc|miccai|siggraph|lrec|conll|ismir|recsys|icdm|ecml|pkdd|mlsys|osdi|sosp|nsdi|"
    r"usenix|isca|pldi|popl|icse|stoc|focs|soda)\b",
    re.IGNORECASE,
)
_JOURNAL = re.compile(
    r"\b(?:journal|transactions|trans\.|letters|lett\.|reviews?|magazine|annals|bulletin|"
    r"quarterly|acta|nature|science|cell|plos|jmlr|tmlr|tpami|tacl|ijcv|pnas|elife|"
    r"neurocomputing|neural networks|neural computation|artificial intelligence|j\.)",
    re.IGNORECASE,
)
# How an arXiv-only paper's venue reads after import: "arXiv", "CoRR", "arXiv preprint ...".
_ARXIV_VENUE = re.compile(r"^(?:arxiv|corr)\b", re.IGNORECASE)
# arXiv categories (cs.CV, math.AG, hep-th, quant-ph): the primary class when a source gave one.
_ARXIV_CATEGORY = re.compile(
    r"^(?:cs|econ|eess|math|q-bio|q-fin|stat|astro-ph|cond-mat|nlin|physics)"
    r"(?:\.[A-Za-z]{2,}(?:-[A-Za-z]+)?)?$|^(?:gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|"
    r"nucl-ex|nucl-th|quant-ph)$"
)

Kind = Literal["journal", "conference", "preprint", "other"]


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name split for citation formats. `literal` names (organisations, one-word names,
    names that cannot be split safely) are kept whole in `family`."""

    family: str
    given: str = ""
    particle: str = ""  # "van", "de la": sorts with the family name in BibTeX and RIS
    suffix: str = ""  # "Jr.", "III"
    literal: bool = False

    @property
    def full_family(self) -> str:
        return f"{self.particle} {self.family}" if self.particle else self.family


def split_name(name: str) -> PersonName:
    """ "Given [particle] Family[, Suffix]" split into its parts; see PersonName."""
    name = " ".join(name.split())
    suffix = ""
    head, comma, tail = name.rpartition(",")
    if comma and head.strip() and _SUFFIX.match(tail.strip()):
        name, suffix = head.strip(), tail.strip()
    words = name.split()
    if not suffix and len(words) > 2 and _SUFFIX.match(words[-1]):
        suffix, words = words[-1], words[:-1]  # "Martin Luther King Jr."
    if "," in name or len(words) < 2 or any(w.casefold() in ("and", "&") for w in words):
        # A comma we cannot read ("Google, Inc."), a single word ("OpenAI") or a group
        # ("Research and Development Team"): kept whole rather than guessed at.
        return PersonName(family=" ".join(words) or name, suffix=suffix, literal=True)
    start = len(words) - 1  # where the family name (with its particles) begins
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    # The first word is a given name, unless the name is only particles and family ("van Gogh").
    if start == 1 and words[0] in _PARTICLES:
        start = 0
    return PersonName(
        family=words[-1],
        given=" ".join(words[:start]),
        particle=" ".join(words[start:-1]),
        suffix=suffix,
    )


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: "Schörmann" -> "schormann"."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text.casefold() if ch.isascii() and ch.isalnum())


def _key_base(paper: Paper) -> str:
    """surname + year + first significant title word, e.g. "zhang2024swinface"."""
    surname = ""
    if paper.authors:
        name = split_name(paper.authors[0])
        # A literal (organisation) keys on its first word: "Google DeepMind" -> "google".
        surname = ascii_fold(name.family.split()[0] if name.literal else name.family)
    word = ""
    for candidate in _WORD.findall(paper.title):
        folded = ascii_fold(candidate)
        if folded and folded not in _TITLE_STOPWORDS:
            word = folded
            break
    year = str(paper.year) if paper.year else ""
    # Keys must start with a letter for some tools (biber warns, pandoc's @key needs it).
    base = (surname or "anon") + year + word
    return base if base[0].isalpha() else "key" + base


def _suffixes() -> Iterator[str]:
    """a, b, ..., z, aa, ab, ...: as many as clashes need."""
    for length in itertools.count(1):
        for letters in itertools.product(string.ascii_lowercase, repeat=length):
            yield "".join(letters)


class CitationKeys:
    """Called with each paper of a list in order, one unique key per paper: the first paper
    with a base key keeps it bare, later ones get a, b, c, ... A key depends only on the
    papers before it, so the same list in the same order always gets the same keys, a
    preview of the first papers shows the keys the whole export will have, and an export
    written paper by paper needs only the keys used so far."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def __call__(self, paper: Paper) -> str:
        base = _key_base(paper)
        key = base
        if key in self._used:
            key = next(base + s for s in _suffixes() if base + s not in self._used)
        self._used.add(key)
        return key


def citation_keys(papers: Sequence[Paper]) -> list[str]:
    """One unique key per paper, in order (see CitationKeys)."""
    key = CitationKeys()
    return [key(paper) for paper in papers]


def venue_kind(paper: Paper) -> Kind:
    """What kind of work the venue says this is; "preprint" for arXiv-only papers."""
    venue = (paper.venue or "").strip()
    if not venue:
        return "preprint" if paper.arxiv_id else "other"
    if is_arxiv_venue(venue):
        return "preprint"
    if _JOURNAL_PROCEEDINGS.match(venue):
        return "journal"
    if _CONFERENCE.search(venue):
        return "conference"
    if _JOURNAL.search(venue):
        return "journal"
    return "other"


def is_arxiv_venue(venue: str | None) -> bool:
    return venue is not None and _ARXIV_VENUE.match(venue.strip()) is not None


def primary_class(paper: Paper) -> str | None:
    """The arXiv category an arXiv importer put first among the suggested tags, if any."""
    if not paper.arxiv_id:
        return None
    for tag in paper.suggested_tags:
        if _ARXIV_CATEGORY.match(tag):
            return tag
        break  # only the first suggestion is the primary one (arxiv_atom puts it first)
    return None


def web_links(paper: Paper) -> list[str]:
    """The paper's http(s) links for formats that hold several: its page first (arXiv's when
    there is an arXiv id), then PDF, Hugging Face page and code.

    Project pages are left out: importers (readerapp's, Zotero's) take any URL they cannot
    place as the paper's own page, so a project page would come back as the abstract page.
    """
    links = paper.links
    page = links.abs if is_web_url(links.abs) else None
    arxiv = arxiv_url(paper.arxiv_id) if paper.arxiv_id else None
    urls: list[str] = []
    candidates = (
        page,
        arxiv if not (page and "arxiv.org" in url_host(page)) else None,
        links.pdf,
        links.hf,
        links.code,
    )
    for url in candidates:
        if url and is_web_url(url) and url.strip() not in urls:
            urls.append(url.strip())
    return urls


def landing_url(paper: Paper) -> str | None:
    """The one URL of formats that hold one: the paper's page (arXiv's when there is an arXiv
    id), else its PDF or Hugging Face page; never code or a project page (see web_links)."""
    links = paper.links
    arxiv = arxiv_url(paper.arxiv_id) if paper.arxiv_id else None
    for url in (links.abs, arxiv, links.pdf, links.hf):
        if url and is_web_url(url):
            return url.strip()
    return None


def arxiv_url(arxiv_id: str) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}"


def one_line(text: str) -> str:
    return " ".join(text.split())
