"""The text of an HTML page, read with the standard library's :mod:`html.parser`.

An article that is an HTML page (a ``.html``/``.htm`` file, or any file that starts with a
document type, an ``<html>`` element or other markup, or that is full of paragraph tags) is
never read as Hindi markup: kg reads its text instead. Scripts, styles, navigation, forms,
asides and footers are dropped; block elements (paragraphs, headings, list items, line
breaks, ...) end a line; character references are decoded and runs of white space become one
space. The title is the page's ``<title>``, else its first ``<h1>``.

Offsets of entities and evidence point into this extracted text, which kg keeps in the
document record (``"text_from": "html"`` and ``"text"``).

Examples
--------
>>> page = ("<!DOCTYPE html><html><head><title>पुतिन</title><script>var a = '<p>x</p>';</script>"
...         "</head><body><nav>होम | दुनिया</nav><h1>पुतिन हनोई में</h1>"
...         "<p>रूसी राष्ट्रपति &quot;पुतिन&quot;\\n पहुंचे।</p><p>दूसरा<br>पैरा</p></body></html>")
>>> looks_like_html(page)
True
>>> text, title = html_to_text(page)
>>> print(text)
पुतिन हनोई में
रूसी राष्ट्रपति "पुतिन" पहुंचे।
दूसरा
पैरा
<BLANKLINE>
>>> title
'पुतिन'
>>> looks_like_html("अमेरिका ने <script>alert(1)</script> प्रतिबंध लगाए।")
False
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["HTML_SUFFIXES", "html_to_text", "looks_like_html"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_SNIFF = 4096
_SKIP = frozenset("script style noscript template nav aside footer form button select option textarea "
                  "svg math iframe object embed canvas audio video head".split())
_BLOCK = frozenset("address article blockquote br caption dd details dialog div dl dt fieldset figcaption "
                   "figure h1 h2 h3 h4 h5 h6 header hr li main ol p pre section summary table td th title "
                   "tr ul".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_TAG = ("a|abbr|article|aside|b|blockquote|body|br|div|em|figure|footer|h[1-6]|head|header|hr|html|i|"
        "img|li|link|main|meta|nav|ol|p|script|section|span|strong|style|table|td|title|tr|ul")
_PAGE_TAG = "article|body|div|h[1-6]|head|header|html|link|main|meta|p|section|table|title|ul|ol"
_START = re.compile(rf"<\?xml|<!--|<(?:{_PAGE_TAG})[\s/>]", re.IGNORECASE)
_ANY_TAG = re.compile(rf"</?(?:{_TAG})[\s/>]", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<(?:p|div|br|li|h[1-6]|tr|table)[\s/>]", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def looks_like_html(text: str, suffix: str = "") -> bool:
    """Whether ``text`` (from a file ending in ``suffix``) is HTML rather than plain text.

    HTML is a ``.html``-like file name, a start with a document type, or with an XML
    prolog, a comment or a page element (``<html>``, ``<head>``, ``<p>``, ``<div>``, ...)
    followed by at least one more tag, or three or more paragraph-like tags (``<p>``,
    ``<div>``, ``<br>``, ...) in the first 4 KiB. Text with stray ``<script>`` or ``<img>``
    tags, even at its start, is not a page: it is kept as text.
    """
    if suffix.lower() in HTML_SUFFIXES:
        return True
    head = text[:_SNIFF].lstrip("\ufeff \t\r\n")
    if head[:14].lower() == "<!doctype html":
        return True
    if _START.match(head) and len(_ANY_TAG.findall(head)) >= 2:
        return True
    return len(_BLOCK_TAG.findall(head)) >= 3


class _TextParser(HTMLParser):
    """Collect the text of a page, line by line, skipping what is not the article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skip: list[str] = []  # open elements whose content is dropped
        self.title: list[str] | None = None  # collecting the <title>
        self.titles: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self.skip:  # </head> may be left out
            del self.skip[self.skip.index("head"):]
        if tag == "title" and "title" not in self.titles:
            self.title = []
        elif (tag in _SKIP or any(name == "hidden" for name, _ in attrs)) and tag not in _VOID:
            self.skip.append(tag)
        if tag in _BLOCK:
            self._end_line()
        if tag == "h1" and not self.skip and "h1" not in self.titles:
            self.titles["h1"] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            self.titles["title"] = _SPACES.sub(" ", "".join(self.title)).strip()
            self.title = None
        elif tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
        if tag in _BLOCK:
            if tag == "h1" and self.titles.get("h1") == "":
                self.titles["h1"] = _SPACES.sub(" ", "".join(self.line)).strip()
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        elif not self.skip:
            self.line.append(data)

    def _end_line(self) -> None:
        line = _SPACES.sub(" ", "".join(self.line)).strip()
        if line:
            self.lines.append(line)
        self.line = []


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The text of an HTML page (one line per block, ending with a newline) and its title.

    The title is the ``<title>``, else the first ``<h1>``; ``None`` when neither has text.
    """
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    parser._end_line()
    text = "".join(line + "\n" for line in parser.lines)
    title = parser.titles.get("title") or parser.titles.get("h1") or None
    return text, title
