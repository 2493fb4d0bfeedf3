"""Finds English on a page meant to be Vietnamese.

A word of a Vietnamese page is a Vietnamese syllable (onset, vowel cluster, final consonant,
once its tone and vowel marks are taken off), a code or name from the data, or one of the few
foreign words Vietnamese offices write as they are (xlsx, Excel, Word...). English UI words almost
never have a Vietnamese syllable's shape ("Change", "None", "entry", "Show counts", "Due Date"),
so whatever is left is English, or a msgid that was never translated.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from html.parser import HTMLParser

ONSET = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx]"
VOWELS = (
    "ieu|oai|oay|oeo|uoi|uou|uya|uye|uyu|yeu|uay|uau|"
    "ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|a|e|i|o|u|y"
)
FINAL = "ch|nh|ng|[cmnpt]"
SYLLABLE = re.compile(rf"(?:{ONSET})?(?:{VOWELS})(?:{FINAL})?")

# Foreign words a Vietnamese office writes as they are: file formats, the services and devices
# the source articles name, a unit of area, and the language selector's "English" (a language is
# offered under its own name) and the keys a help text names.
FOREIGN_WORDS = {
    "xlsx",
    "csv",
    "docx",
    "excel",
    "word",
    "dhis",
    "email",
    "online",
    "pdf",
    "zip",
    "sha",
    "id",
    "web",
    "website",
    "facebook",
    "fanpage",
    "zalo",
    "laser",
    "monitor",
    "scan",
    "adeno",
    "m²",
    "english",
    "control",
    "command",
}

WORD = re.compile(r"[^\W\d_]+")
# A token inside a code, a file name, an address or an identifier: not prose.
COMPOUND = re.compile(r"[\w.@/:*-]*[\d_.@/:*-][\w.@/:*-]*|[\w]+-[\w-]+")
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
HIDDEN_ELEMENTS = {"script", "style", "textarea", "code", "pre"}


@lru_cache(maxsize=65536)
def plain(word: str) -> str:
    """The word without its tone and vowel marks, lower case: "Điều" → "dieu"."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_vietnamese(word: str) -> bool:
    return SYLLABLE.fullmatch(plain(word)) is not None


def is_abbreviation(word: str) -> bool:
    """BHYT, TTYT, KHHGĐ, CKII, IV: Vietnamese writes its abbreviations and roman numerals in
    capitals. English in capitals on a page is CSS over lower-case text, which is still caught.
    A word with capitals inside ("rlDCzF", a password hash's salt) is data, not prose."""
    return len(word) > 1 and (word.isupper() or not word[1:].islower())


def allowed_words(known: Iterable[str] = ()) -> frozenset[str]:
    """The foreign words and the `known` names and codes, as `plain` writes them."""
    return frozenset(FOREIGN_WORDS | {plain(k) for k in known})


@lru_cache(maxsize=65536)
def is_prose_word(word: str) -> bool:
    """A Vietnamese syllable or an abbreviation: a word a Vietnamese page may show."""
    return is_vietnamese(word) or is_abbreviation(word)


def foreign_words(text: str, allowed: frozenset[str] = allowed_words()) -> list[str]:
    """The words of `text` that are neither Vietnamese syllables nor `allowed` (allowed_words)."""
    prose = COMPOUND.sub(" ", text)
    return [w for w in WORD.findall(prose) if not (is_prose_word(w) or plain(w) in allowed)]


# A year written as a grouped number: "2.024" for 2024. A count in that range would match too;
# the seeded data has none, and a new one reads better ungrouped than a year grouped.
GROUPED_YEAR = re.compile(r"(?<![\d.,])(?:1\.9\d\d|2\.0\d\d)(?![\d.,]*\d)")


def grouped_years(text: str) -> list[str]:
    return GROUPED_YEAR.findall(text)


class ShownText(HTMLParser):
    """The text a user reads on a page: its text nodes and the attributes shown on hover."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0
        self.hrefs: list[str] = []
        """The href of every <a> element, for a reader that follows the page's links."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and (href := dict(attrs).get("href")):
            self.hrefs.append(href)
        if tag in HIDDEN_ELEMENTS:
            self.hidden += 1
        attributes = dict(attrs)
        if tag == "img" and "/admin/img/icon-" in (attributes.get("src") or ""):
            # Django's yes/no/unknown icon carries the Python value as its alt ("True", "False"),
            # in every language; the README names it as a known limit.
            attributes.pop("alt", None)
            attrs = list(attributes.items())
        self.parts += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]
        if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
            self.parts.append(attributes["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_ELEMENTS and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def read_page(html: str) -> ShownText:
    parser = ShownText()
    parser.feed(html)
    return parser
