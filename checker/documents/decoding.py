"""Bytes to text: BOM sniffing, binary detection, and incremental decoding that never fails.

Decoding is incremental so that a 500 MB file is read in chunks; invalid bytes are replaced
(U+FFFD) and the first one is reported as a note with its line and column, because a lint run
must finish on any input. CRLF and lone CR (old Mac) line ends become LF so that paragraph
splitting and line counts agree with what editors show; a lone CR becomes one LF, so columns
do not move.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import BinaryIO, Iterator

from .base import Note, advance

CHUNK_BYTES = 1 << 20
# Git's rule of thumb: a NUL byte in the first 8000 bytes means binary.
BINARY_PROBE_BYTES = 8000

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR as LF: every loader, pack, config and rates reader sees one line end."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_encoding(head: bytes) -> str:
    """The encoding a page's `<meta charset>` (or http-equiv Content-Type) names in its first 1,024
    bytes, as the HTML standard's prescan reads it; UTF-8 when there is none or Python lacks it.
    Browsers read "iso-8859-1", "latin1" and "us-ascii" as windows-1252, and so does this."""
    match = _META_CHARSET.search(head[:1024])
    if not match:
        return "utf-8"
    try:
        name = codecs.lookup(match.group(1).decode("ascii", "replace")).name
    except LookupError:
        return "utf-8"
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name  # a page that says UTF-16 in ASCII is not


_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """The encoding a byte-order mark announces (UTF-8 without one) and the mark's length.

    FF FE or FE FF before bytes that are NUL-free and read as UTF-8 is no UTF-16 mark but two stray
    bytes (UTF-16 text of any script has NULs or bytes UTF-8 forbids within a few characters):
    read as UTF-16, an English article would become CJK-looking noise with no figure in it."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            if encoding.startswith("utf-16") and _plain_utf8(head[len(bom) : BINARY_PROBE_BYTES]):
                return "utf-8", 0
            return encoding, len(bom)
    return _wide_without_bom(head[:BINARY_PROBE_BYTES]) or "utf-8", 0


def _wide_without_bom(data: bytes) -> str | None:
    """UTF-32 or UTF-16 saved without a byte-order mark (Windows tools, some CMS exports), told by
    where its NUL bytes fall, as Notepad's IsTextUnicode and `file` tell it: the high byte of every
    ASCII character (each digit, space and line end, in Chinese copy too) is a NUL at one parity.
    Only when the bytes are no plausible UTF-8 (a stray NUL in UTF-8 text stays binary, as git says)
    and decode strictly as that encoding to text with no control or unassigned characters."""
    if len(data) < 8 or b"\x00" not in data or _plausible_utf8(data):
        return None
    for encoding in _wide_candidates(data):
        try:
            text = codecs.getincrementaldecoder(encoding)("strict").decode(data, final=False)
        except UnicodeDecodeError:
            continue
        astral = sum(char > "\uffff" for char in text) if encoding.startswith("utf-32") else 0
        if text and astral * 2 < len(text) and all(_textual(char) for char in text):
            return encoding
    return None


def _plausible_utf8(data: bytes) -> bool:
    """Valid UTF-8 (a cut tail is fine) in which NULs are rare: text with a stray NUL, not UTF-16."""
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return data.count(0) * 10 < len(data)


def _wide_candidates(data: bytes) -> list[str]:
    """UTF-32 first (its text also has NULs at one UTF-16 parity), then UTF-16 of the byte order
    whose high bytes hold nearly all the NULs (binary data has them at both)."""
    odd = data[1::2].count(0)
    even = data[0::2].count(0)
    sixteen = ["utf-16-le"] if odd > max(1, 8 * even) else ["utf-16-be"] if even > max(1, 8 * odd) else []
    return ["utf-32-le", "utf-32-be", *sixteen]


def _textual(char: str) -> bool:
    """A character text is made of: no NUL or other control but layout, nothing unassigned, private
    or a lone surrogate (binary data read as UTF-16 is full of these)."""
    category = unicodedata.category(char)
    if category == "Cc":
        return char in "\t\n\r\f\v"
    return category not in ("Cn", "Co", "Cs")


def _plain_utf8(data: bytes) -> bool:
    """NUL-free bytes that read as UTF-8 but for a stray byte here and there (UTF-16 CJK text read
    as UTF-8 has an invalid byte every few characters)."""
    if len(data) < 8 or b"\x00" in data:
        return False
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(data, final=False)  # a cut tail is fine
    return text.count("\ufffd") * 10 < len(data)


def looks_binary(head: bytes) -> bool:
    """True for data that is not text: NUL bytes near the start of a file without a UTF-16/32 BOM."""
    encoding, _ = sniff_encoding(head)
    if encoding.startswith(("utf-16", "utf-32")):
        return False
    return b"\x00" in head[:BINARY_PROBE_BYTES]


class TextDecoder:
    """Decode a byte stream chunk by chunk; remember where the first invalid byte was."""

    def __init__(self, encoding: str = "utf-8") -> None:
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self._strict = True
        self._held_cr = False
        self._line = 1
        self._column = 1
        self.notes: list[Note] = []

    def decode(self, data: bytes, final: bool = False) -> str:
        text = self._decode_bytes(data, final)
        if self._held_cr:
            text = "\r" + text
            self._held_cr = False
        if text.endswith("\r") and not final:
            text = text[:-1]
            self._held_cr = True
        text = normalize_newlines(text)
        self._advance(text)
        return text

    def _decode_bytes(self, data: bytes, final: bool) -> str:
        if not self._strict:
            return self._decoder.decode(data, final)
        buffered, _ = self._decoder.getstate()
        try:
            return self._decoder.decode(data, final)
        except UnicodeDecodeError as error:
            pending = buffered + data
            self._report(pending, error)
            self._strict = False
            self._decoder = codecs.getincrementaldecoder(self.encoding)("replace")
            return self._decoder.decode(pending, final)

    def _report(self, pending: bytes, error: UnicodeDecodeError) -> None:
        good = normalize_newlines(pending[: error.start].decode(self.encoding, "replace"))
        newlines = good.count("\n")
        line = self._line + newlines
        column = len(good) - good.rfind("\n") if newlines else self._column + len(good)
        bad = pending[error.start : error.start + 1].hex()
        rule = "invalid-utf8" if self.encoding == "utf-8" else "invalid-encoding"
        name = "UTF-8" if self.encoding == "utf-8" else self.encoding.upper()
        message = (f"bytes that are not valid {name} (the first is 0x{bad} at line {line}, "
                   f"column {column}) were read as U+FFFD replacement characters")
        self.notes.append(Note(rule, message, "info", line, column))

    def _advance(self, text: str) -> None:
        self._line, self._column = advance(self._line, self._column, text)


def decode_stream(stream: BinaryIO, decoder: TextDecoder, first: bytes = b"",
                  chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """Decoded text of `first` and then the rest of `stream`, chunk by chunk."""
    data = first
    while True:
        more = stream.read(chunk_bytes)
        if not more:
            break
        if data:
            text = decoder.decode(data)
            if text:
                yield text
        data = more
    tail = decoder.decode(data, final=True)
    if tail:
        yield tail


def decode_bytes(data: bytes, html: bool = False) -> tuple[str, list[Note]]:
    """Decode a whole (small) byte string, BOM-aware (and for a page without one, by its meta
    charset), with notes about invalid bytes."""
    encoding, bom = sniff_encoding(data)
    if html and not bom and encoding == "utf-8":
        encoding = html_encoding(data)
    decoder = TextDecoder(encoding)
    return decoder.decode(data[bom:], final=True), decoder.notes
