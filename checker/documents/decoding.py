"""Bytes to text: BOM sniffing, binary detection, and incremental decoding that never fails.

Decoding is incremental so that a 500 MB file is read in chunks; invalid bytes are replaced
(U+FFFD) and the first one is reported as a note with its line and column, because a lint run
must finish on any input. Copy that is not Unicode at all (GB18030/GBK or Big5 Chinese, Shift_JIS,
Windows-1252 English with curly quotes and euro signs) is read in the legacy encoding
charset-normalizer finds, when it is sure enough (`legacy_encoding`), and said so in a note. CRLF and lone CR (old Mac) line ends become LF so that paragraph
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


def html_encoding(head: bytes) -> str | None:
    """The encoding a page's `<meta charset>` (or http-equiv Content-Type) names in its first 1,024
    bytes, as the HTML standard's prescan reads it: only a label of the WHATWG Encoding standard
    (webencodings' table), so "latin1" and "us-ascii" are windows-1252 as in browsers, and a name
    that is no web encoding ("utf-7", "punycode", "base64", "rot13", an EBCDIC page) is no
    declaration at all; None when the page declares none."""
    match = _META_CHARSET.search(head[:1024])
    if not match:
        return None
    import webencodings

    found = webencodings.lookup(match.group(1).decode("ascii", "replace"))
    if found is None or found.name in ("replacement", "x-user-defined"):  # refused or no text encoding
        return None
    name = found.codec_info.name
    if name.startswith(("utf-16", "utf-32")):  # a page that says UTF-16 in ASCII is not
        return "utf-8"
    return _BROWSER_SUPERSETS.get(name, name)


# What browsers decode a page declaring these with (the WHATWG Encoding standard): the superset.
_BROWSER_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "shift_jis": "cp932",
                      "euc_kr": "cp949"}
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


# The legacy encodings a newsroom meets, as Python codecs: the ones charset-normalizer may choose
# from (it otherwise also weighs IBM and Mac code pages no newsroom writes in). When several read the
# sample alike, the first here is taken: a superset (GB18030 reads GB2312 and GBK, Windows-950 Big5
# has the euro sign, cp932 reads Shift_JIS, cp949 EUC-KR), and Windows-1252 before the other
# single-byte pages (-1250 reads English as -1252 does but has Ł where -1252 has the pound sign).
LEGACY_ENCODINGS = ("gb18030", "cp950", "big5hkscs", "big5", "cp932", "euc_jp", "cp949", "cp1252",
                    "cp1250", "cp1251", "koi8_r", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
                    "cp1258", "cp874")
LEGACY_NAMES = {"gb18030": "GB18030", "big5": "Big5", "cp950": "Big5 (Windows-950)", "big5hkscs": "Big5-HKSCS",
                "cp932": "Shift_JIS (Windows-31J)", "euc_jp": "EUC-JP", "cp949": "EUC-KR (Windows-949)",
                "koi8_r": "KOI8-R"}
DETECT_BYTES = 64 * 1024   # what charset-normalizer is shown: the encoding of copy is clear by then
MAX_CHAOS = 0.1            # charset-normalizer's "mess" of the best reading: above it, no guess is made
# Non-ASCII characters a reading needs before it is taken: Windows-1252 reads any stray byte as a
# Latin-1 letter or sign (a pound sign before a figure is what a Latin-1 file most often holds);
# a CJK reading needs a few characters, another script's page a few words of it.
MIN_CHARACTERS = {"cp1252": 1}
MIN_CJK_CHARACTERS = 20  # shorter, GB18030 and Big5 often read each other's bytes as words
MIN_OTHER_SCRIPT_CHARACTERS = 8
MIN_OTHER_SCRIPT_WORDS = 3
SAME_CHAOS = 0.01          # two readings this close in mess read the sample equally cleanly
_SINGLE_BYTE = frozenset(name for name in LEGACY_ENCODINGS if name.startswith(("cp12", "koi8", "cp874")))
_LATIN = frozenset({"cp1250", "cp1252", "cp1254", "cp1257", "cp1258"})  # pages of the Latin script


def legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding of text that is not UTF-8 (nor UTF-16/32, which `sniff_encoding` tells),
    as charset-normalizer finds it among LEGACY_ENCODINGS; None when the bytes are UTF-8 with a few
    stray bytes among its own characters, or no reading is clear enough (they are then read as
    UTF-8 with replacement characters, as ever).

    charset-normalizer ranks readings by their mess, then by how much they read like a language,
    which on a paragraph cannot tell the Latin pages apart (Windows-1250 and -1252 read English,
    French or German alike, but -1250 has Ł where -1252 has the pound sign). Of the Latin pages that
    read the sample as cleanly as the best, the one that breaks fewest words with a sign is taken
    ("Spó³ka" is Polish read as -1252), and on a tie Windows-1252, what Western newsroom tools wrote
    before UTF-8 and what uchardet and `file` name; so too when the best is CJK with too few
    characters to tell and the bytes past ASCII stand alone, as in Latin-script copy."""
    sample = data[:DETECT_BYTES]
    if len(data) > DETECT_BYTES and b"\n" in sample:  # cut at a line end, never inside a character
        sample = sample[: sample.rindex(b"\n") + 1]
    as_utf8 = codecs.getincrementaldecoder("utf-8")("replace").decode(sample, final=len(sample) == len(data))
    replaced = as_utf8.count("\ufffd")
    if not replaced or sum(not char.isascii() for char in as_utf8) - replaced >= replaced:
        return None  # valid UTF-8, or UTF-8 with stray bytes among its own characters
    found = _detect(sample)
    if found is None:  # charset-normalizer reads strictly: one damaged byte (a cut last character) sinks all
        votes = [_detect(part) for part in _parts(sample, DETECT_PARTS)]
        named = {vote for vote in votes if vote is not None}
        if len(named) == 1 and sum(vote is not None for vote in votes) * 2 >= len(votes) > 1:
            return named.pop()  # the parts without the damage agree; TextDecoder notes the bad bytes
    return found


DETECT_PARTS = 4


def _parts(sample: bytes, count: int) -> list[bytes]:
    """`sample` in about `count` pieces, each cut after a byte below 0x30 (a space, a line end, ASCII
    punctuation), which is never the second byte of a GB18030, Big5, Shift_JIS or EUC character."""
    pieces, start = [], 0
    for number in range(1, count):
        cut = max(sample.rfind(bytes([byte]), start, len(sample) * number // count) for byte in b"\n .,;:!?()")
        if cut > start:
            pieces.append(sample[start : cut + 1])
            start = cut + 1
    pieces.append(sample[start:])
    return [piece for piece in pieces if piece]


def _detect(sample: bytes) -> str | None:
    """charset-normalizer's reading of `sample`, judged as `legacy_encoding` says."""
    from charset_normalizer import from_bytes  # imported only for copy that is not UTF-8

    matches = from_bytes(sample, cp_isolation=list(LEGACY_ENCODINGS), explain=False)
    best = matches.best()
    if best is None or best.chaos > MAX_CHAOS:
        return None
    chosen, encoding = best, _preferred(best)
    near = [match for match in matches if match.chaos <= best.chaos + SAME_CHAOS and _preferred(match) in _LATIN]
    if near and (encoding in _LATIN or (encoding not in _SINGLE_BYTE and not _enough(best, encoding)
                                        and _latin_looking(sample))):
        chosen = min(near, key=lambda match: (_broken_words(str(match)), LEGACY_ENCODINGS.index(_preferred(match))))
        encoding = _preferred(chosen)
    if encoding in _SINGLE_BYTE and _double_byte_looking(sample):
        return None  # Big5 or GBK read a byte at a time: its second bytes are ASCII inside words
    if encoding in _SINGLE_BYTE and encoding not in _LATIN and len(_HIGH_RUN.findall(sample)) < MIN_OTHER_SCRIPT_WORDS:
        return None  # another script's page on one "word": a CJK character or two read a byte at a time
    return encoding if encoding is not None and _enough(chosen, encoding) else None


def _double_byte_looking(data: bytes) -> bool:
    """ASCII signs and letters held between bytes past ASCII, as the second bytes of Big5, GBK and
    Shift_JIS characters are: more than one in ten runs of bytes past ASCII (a single-byte page's
    words are whole runs, ended by spaces and punctuation)."""
    return len(_HELD_ASCII.findall(data)) * 10 > len(_HIGH_RUN.findall(data))


_HELD_ASCII = re.compile(rb"(?<=[\x80-\xff])[\x21-\x2f\x3a-\x7e](?=[\x80-\xff])")


def _latin_looking(data: bytes) -> bool:
    """Bytes past ASCII that stand mostly alone, as accented letters, signs and curly quotes do in
    Latin-script copy (a CJK character is two bytes past ASCII, a run of them a longer run)."""
    runs = [len(run) for run in _HIGH_RUN.findall(data)]
    return sum(length == 1 for length in runs) * 2 > len(runs)


_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def _broken_words(text: str) -> int:
    """Signs between two letters ("Spó³ka", "rz¹d"): how a wrong Latin page reads a word."""
    return sum(1 for match in _NON_ASCII.finditer(text, 1, len(text) - 1)
               if not match.group().isalpha() and text[match.start() - 1].isalpha() and text[match.end()].isalpha())


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _preferred(match) -> str | None:
    """The first of LEGACY_ENCODINGS that gives a match's reading."""
    alike = {match.encoding, *match.could_be_from_charset}
    return next((name for name in LEGACY_ENCODINGS if name in alike), None)


def _enough(match, encoding: str) -> bool:
    """Whether a reading has the non-ASCII characters MIN_CHARACTERS asks of its encoding."""
    wide = sum(not char.isascii() for char in str(match))
    default = MIN_OTHER_SCRIPT_CHARACTERS if encoding in _SINGLE_BYTE else MIN_CJK_CHARACTERS
    return wide >= MIN_CHARACTERS.get(encoding, default)


_PAST_ASCII = re.compile(rb"[\x80-\xff]")


def legacy_name(encoding: str) -> str:
    """How people call an encoding: "GB18030", "Windows-1252"."""
    if encoding in LEGACY_NAMES:
        return LEGACY_NAMES[encoding]
    return f"Windows-{encoding[2:]}" if encoding.startswith("cp") and encoding[2:].isdigit() else encoding.upper()


def legacy_note(data: bytes, encoding: str) -> Note:
    """The info note of a file read in a detected legacy encoding, at its first byte past ASCII
    (the text before it reads the same in every encoding, so its line and column are the reader's)."""
    first = _PAST_ASCII.search(data).start()
    line, column = advance(1, 1, normalize_newlines(data[:first].decode("ascii")))
    message = (f"the file is not UTF-8 (the first byte past ASCII is 0x{data[first]:02x} at line {line}, column "
               f"{column}); it was read as {legacy_name(encoding)}, the encoding charset-normalizer detected")
    return Note("invalid-utf8", message, "info", line, column)


def file_encoding(data: bytes, html: bool = False) -> tuple[str, int, list[Note]]:
    """How to decode a file that starts with `data`: the encoding, the length of its byte-order mark,
    and a note when the encoding was detected rather than marked. A BOM first, then UTF-16/32 told
    by its NULs, then a page's own `<meta charset>`, then UTF-8 unless the bytes are a legacy
    encoding charset-normalizer is sure of."""
    encoding, bom = sniff_encoding(data)
    if bom or encoding != "utf-8":
        return encoding, bom, []
    declared = html_encoding(data) if html else None
    if declared is not None:
        return declared, 0, []
    legacy = legacy_encoding(data)
    if legacy is None:
        return "utf-8", 0, []
    return legacy, 0, [legacy_note(data, legacy)]


def looks_binary(head: bytes) -> bool:
    """True for data that is not text: NUL bytes near the start of a file without a UTF-16/32 BOM."""
    encoding, _ = sniff_encoding(head)
    if encoding.startswith(("utf-16", "utf-32")):
        return False
    return b"\x00" in head[:BINARY_PROBE_BYTES]


class TextDecoder:
    """Decode a byte stream chunk by chunk; remember where the first invalid byte was."""

    def __init__(self, encoding: str = "utf-8", notes: list[Note] | None = None) -> None:
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self._strict = True
        self._held_cr = False
        self._line = 1
        self._column = 1
        self.notes: list[Note] = list(notes or [])

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
        name = "UTF-8" if self.encoding == "utf-8" else legacy_name(self.encoding)
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
    charset; for copy that is not UTF-8, in the legacy encoding detected), with notes about it."""
    encoding, bom, notes = file_encoding(data, html)
    decoder = TextDecoder(encoding, notes)
    return decoder.decode(data[bom:], final=True), decoder.notes
