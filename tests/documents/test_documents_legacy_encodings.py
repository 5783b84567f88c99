"""Copy saved in a legacy encoding (GB18030/GBK, Big5, Windows-1252, Shift_JIS) is read in that
encoding, found by charset-normalizer, and its figures are checked; positions are line:column in
characters of the decoded text; `fix` writes a file back in its own encoding or leaves it alone
with a reason. Bytes that are UTF-8 with a stray byte, or too few to tell, are read as UTF-8 as
before (U+FFFD and an info note)."""

from __future__ import annotations

import hashlib
import json

import pytest

from checker.documents import load_path
from checker.documents.decoding import decode_bytes, legacy_encoding
from checker.fix.files import FixError, TextFile
from checker.fix.session import apply_to_files
from checker.fix.edits import Edit
from tests.robust.test_robust_battery import run_cli

DATE = "2026-10-30"  # ECB: 6.653 yuan and 1.117 dollars per euro that day
ZH = ("据新华社报道，中国政府4月宣布再拨款600亿元人民币（约合8.5亿美元）支持人工智能初创企业，"
      "此前国家基金已累计投入近7000亿元（约合1050亿美元）。")
EN = ("The company said on Tuesday it would invest \u20ac600 million ($65 million) in the plant \u2014 "
      "\u201cour biggest bet yet,\u201d its chief executive said. It has already spent \u20ac700 million "
      "($780 million) on the site.")
TYPO = "Prices rose 5% percent last year, and the company paid $5 million dollars for the site."


def _traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


# (name, text, encoding, the wrong figure's text, the encoding named in the note)
LEGACY = [
    ("gb18030", ZH, "gb18030", "600亿元人民币（约合8.5亿美元）", "GB18030"),
    ("gbk", ZH, "gbk", "600亿元人民币（约合8.5亿美元）", "GB18030"),
    ("big5", _traditional(ZH), "cp950", "600億元人民幣（約合8.5億美元）", "Big5"),
    ("cp1252", EN, "cp1252", "\u20ac600 million ($65 million)", "Windows-1252"),
]


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("name", "text", "encoding", "wrong", "label"), LEGACY, ids=[case[0] for case in LEGACY])
def test_legacy_copy_is_read_and_its_wrong_pair_flagged_at_its_character_column(
        tmp_path, name, text, encoding, wrong, label):
    body = f"Headline\r\n\r\n{text}\r\n"  # CRLF too: columns count characters of the decoded line
    path = tmp_path / f"{name}.txt"
    path.write_bytes(body.encode(encoding))
    before = _sha(path)
    outcome = run_cli(tmp_path, ["lint", path.name, "--format", "json", "--date", DATE])
    assert outcome.code == 1, outcome.stderr
    (finding,) = outcome.findings("currency-conversion")  # the right pair passes
    assert (finding["line"], finding["column"]) == (3, text.index(wrong) + 1), finding
    assert (finding["end_line"], finding["end_column"]) == (3, finding["column"] + len(wrong)), finding
    (note,) = outcome.findings("invalid-utf8")
    assert note["severity"] == "info" and f"read as {label}" in note["message"], note
    assert _sha(path) == before


def test_shift_jis_copy_is_read_as_japanese(tmp_path):
    text = "政府は4月、人工知能の新興企業を支援するため、さらに6000億円（約40億ドル）を拠出すると発表した。"
    path = tmp_path / "jp.txt"
    path.write_bytes(text.encode("shift_jis"))
    (document,) = load_path(path)
    assert [block.text for block in document] == [text]
    assert "Shift_JIS" in document.notes[0].message


@pytest.mark.parametrize("data", [
    "First “café” line.".encode() + b"\n\nPrice: 5 \xa3 and 6 \xff more.\n",  # UTF-8 with two stray bytes
    "中国政府宣布再拨款600亿元".encode() + b"\xff" + "人民币".encode(),  # Chinese UTF-8, one stray byte
    "拨款600亿元".encode("gb18030"),  # too few characters to tell GB18030 from Big5
    b"x \xed\xa0\x80 It cost 600 billion yuan",  # a UTF-8-encoded surrogate, not Cyrillic
], ids=["utf8-stray-bytes", "zh-utf8-stray-byte", "too-short-to-tell", "encoded-surrogate"])
def test_bytes_that_are_not_clearly_a_legacy_encoding_are_read_as_utf8_as_before(data):
    assert legacy_encoding(data) is None
    text, notes = decode_bytes(data)
    assert "\ufffd" in text and [note.rule for note in notes] == ["invalid-utf8"]
    assert "replacement" in notes[0].message


def test_polish_copy_in_windows_1250_is_not_read_as_windows_1252():
    text = "Spółka zainwestuje 600 mln złotych (150 mln dolarów) w zakład w Łodzi, podała w środę."
    assert decode_bytes(text.encode("cp1250"))[0] == text


def test_a_latin1_pound_sign_is_a_pound_not_a_polish_letter():
    assert decode_bytes("Shares rose to \u00a3600 million.".encode("latin-1"))[0] == "Shares rose to £600 million."


@pytest.mark.parametrize(("head", "encoding"), [
    ('<meta charset="gb2312">', "gb18030"),  # browsers read GB2312 and GBK as GB18030
    ("", "gb18030"),  # no declaration: detected
])
def test_an_html_page_in_gb18030_is_read(head, encoding):
    text = ZH.replace("万", "萬") + "䶮"  # a character only GB18030 (not GB2312) holds
    data = f"<html><head>{head}</head><body><p>{text}</p></body></html>".encode(encoding)
    decoded, _ = decode_bytes(data, html=True)
    assert text in decoded


def test_a_streamed_gb18030_file_reads_its_last_paragraph(tmp_path):
    paragraph = ZH + "\n\n"
    path = tmp_path / "big.txt"
    copies = 2_300_000 // len(paragraph.encode("gb18030")) + 1  # past the 2 MB read-whole limit
    path.write_bytes((paragraph * copies + "最后一段：600亿元。\n").encode("gb18030"))
    (document,) = load_path(path)
    blocks = list(document)
    assert document.source is None  # streamed
    assert blocks[-1].text.strip() == "最后一段：600亿元。" and blocks[0].text == ZH
    assert [note.rule for note in document.notes] == ["invalid-utf8"] and "GB18030" in document.notes[0].message


@pytest.mark.parametrize(("encoding", "intro"), [
    ("gb18030", "据新华社报道，中国政府宣布再拨款支持人工智能初创企业，此前国家基金已累计投入大量资金。"),
    ("cp950", _traditional("据新华社报道，中国政府宣布再拨款支持人工智能初创企业，此前国家基金已累计投入大量资金。")),
    ("cp1252", "\u201cIt cost \u20ac600 million,\u201d she said \u2014 caf\u00e9 \u00a33."),
])
def test_fix_writes_a_legacy_file_back_in_its_own_encoding(tmp_path, encoding, intro):
    path = tmp_path / "story.txt"
    original = f"{intro}\r\n\r\n{TYPO}\r\n"
    path.write_bytes(original.encode(encoding))
    outcome = run_cli(tmp_path, ["lint", "--fix", "story.txt", "--format", "json", "--date", "2025-04-15"])
    assert "fixed 2 findings in 1 file" in outcome.stderr, outcome.stderr
    fixed = original.replace("5% percent", "5%").replace("$5 million dollars", "$5 million")
    assert path.read_bytes() == fixed.encode(encoding)  # every other byte as it was, CRLF kept


def test_fix_leaves_a_legacy_file_alone_when_its_encoding_cannot_hold_the_fix(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(f"{EN}\n\n{TYPO}\n".encode("cp1252"))
    before = _sha(path)
    file = TextFile.read(path)
    assert file.encoding == "cp1252"
    with pytest.raises(FixError, match="Windows-1252 cannot hold"):
        file.encode(file.text + "亿")
    line = 3
    column = TYPO.index("5% percent") + 1
    edit = Edit(line=line, column=column, original="5% percent", replacement="5%\u4ebf", rule="figure-typos")
    report = apply_to_files({str(path): [edit]})
    assert report.files_changed == [] and report.applied == []
    assert any("cannot hold" in problem for problem in report.problems), report.problems
    assert _sha(path) == before


def test_fix_refuses_bytes_that_do_not_decode_cleanly(tmp_path):
    path = tmp_path / "story.txt"  # 0xFF, past what the detector reads, is no GB18030 byte
    path.write_bytes(f"{ZH}\n\n{TYPO}\n".encode("gb18030") * 400 + b"\xff\n")
    with pytest.raises(FixError, match="not valid GB18030"):
        TextFile.read(path)


def test_extract_reads_legacy_copy(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_bytes(ZH.encode("gb18030"))
    outcome = run_cli(tmp_path, ["extract", "zh.txt", "--format", "json"])
    assert outcome.code == 0, outcome.stderr
    texts = [item["text"] for item in json.loads(outcome.stdout)["quantities"]]
    assert any("600亿元" in text for text in texts), texts


@pytest.mark.parametrize("damage", ["a-stray-byte", "a-cut-last-character"])
def test_a_gb18030_file_with_one_damaged_byte_is_still_read_as_gb18030(damage):
    data = (ZH + "\n").encode("gb18030") * 6
    data = data[: len(data) // 2] + b"\xff" + data[len(data) // 2 :] if damage == "a-stray-byte" else data[:-2]
    assert legacy_encoding(data) == "gb18030"
    text, notes = decode_bytes(data)
    assert text.startswith(ZH) and text.count("\ufffd") == 1
    assert [note.rule for note in notes] == ["invalid-utf8", "invalid-encoding"], notes
