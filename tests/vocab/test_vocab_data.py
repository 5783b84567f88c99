"""The vocabulary is data: every file validates, no word is defined twice, and no module of the stages
that read prose keeps a word list of its own (checker/vocab/*.yaml is the one place)."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Callable

import pytest

from checker.vocab import FILES, VocabError, build, paths, vocab
from checker.vocab.schema import word_roles

CHECKER = Path(__file__).resolve().parents[2] / "checker"


def _raw() -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in paths().items()}


def test_every_vocab_file_validates_and_is_listed():
    assert {p.stem for p in (CHECKER / "vocab").glob("*.yaml")} == set(FILES)
    loaded = build(_raw())
    assert loaded.currency("CNY").zh_names[0] == "元人民币"
    assert vocab().family("peso").default == "MXN"


def test_each_word_is_defined_once_per_role():
    roles = word_roles(build(_raw()))
    assert roles["currency symbol"] and roles["hedge"] and roles["unit word"]
    for role, words in roles.items():
        assert len(words) == len(set(words)), (role, sorted({w for w in words if words.count(w) > 1}))


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("currencies", "  - code: USD\n", "  - code: USD\n    symbol: [$]\n", "Extra inputs are not permitted"),
    ("families", "    default: MXN\n", "    default: EUR\n", "default EUR is not one of the members"),
    ("scales", "{word: bn, value: 1e9,", "{word: bn, value: -1,", "greater than 0"),
    ("numbers", "萬: 万,", "萬: 万万,", "one character to one"),
    ("cues", "margin_changes: [narrowing,", "margin_changes: [stayed,", "'stayed' is not a change verb"),
    ("zh_words", "    include: [totals]\n", "    include: [totals, not_a_noun]\n", "includes itself"),
    ("zh_words", "words: [合计, 共计, 总计,", "words: [合计, 合計, 共计, 总计,", "'合计' is defined twice"),
    ("zh_words", "include: [totals]", "include: [sums]", "unknown entry 'sums'"),
    ("zh_words", "  from:\n    about: ", "  from:\n    about: ''\n    x: ", "about"),
])
def test_a_broken_file_is_refused_with_its_name(file, old, new, message):
    raw = _raw()
    text = raw[file].decode()
    assert old in text
    raw[file] = text.replace(old, new, 1).encode()
    if message is None:  # a Traditional form the fold does not reach is a word of its own
        build(raw)
        return
    with pytest.raises(VocabError, match=rf"{file}\.yaml.*{message}"):
        build(raw)


def test_a_word_given_to_two_currencies_is_refused():
    raw = _raw()
    text = raw["currencies"].decode().replace("symbols: [NZ$, NZD$]", "symbols: [NZ$, NZD$, HK$]", 1)
    raw["currencies"] = text.encode()
    with pytest.raises(VocabError, match=r"currency symbol: 'HK\$' is defined twice"):
        build(raw)


# --- no word lists left in the Python sources ------------------------------------------------
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+(?: [A-Za-z'-]+)*|[\u4e00-\u9fff]+")
_ALTERNATIVE = re.compile(r"^[A-Za-z]{2,}(?:\\s\+[A-Za-z]+)*$")
MAX_WORDS = 6  # a handful of grammar words ("and", "a", "an", "of") may stay with the code that reads them


def _word_list(node: ast.AST) -> int:
    """How many word-like string items a literal list, tuple, set or word table (dict keys) holds, or
    a string split into words ("up down higher".split())."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return sum(bool(_WORD.fullmatch(word)) for word in node.func.value.value.split())
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items = node.elts
    elif isinstance(node, ast.Dict) and all(isinstance(v, ast.Constant) for v in node.values):
        items = [k for k in node.keys if k is not None]  # a word -> value table, not a record
    else:
        return 0
    return sum(isinstance(i, ast.Constant) and isinstance(i.value, str) and bool(_WORD.fullmatch(i.value))
               for i in items)


def _alternatives(node: ast.AST, word: Callable[[str], object], groups: str) -> int:
    """The most alternatives that are `word`s in one group (split at the `groups` pattern) of a
    string constant spelled as a regular expression ("a|b|c")."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return 0
    return max(sum(bool(word(part.strip("?:"))) for part in group.split("|")) for group in re.split(groups, node.value))


def _alternation(node: ast.AST) -> int:
    """How many plain-word alternatives a string constant spells as a regular expression ("a|b|c")."""
    return _alternatives(node, _ALTERNATIVE.match, r"[()]")


_CJK = "\u4e00-\u9fff"
_CJK_WORD = re.compile(rf"[{_CJK}]+")
_CJK_CLASS = re.compile(r"\[\^?((?:\\.|[^\]\\])*)\]")
MAX_CJK_CHARS = 6  # a class of a few grammar characters ("[年月日号]") may stay; a word list may not


def _cjk_alternation(node: ast.AST) -> int:
    """How many plain Chinese words a string constant spells as alternatives ("增至|降至|…")."""
    return _alternatives(node, _CJK_WORD.fullmatch, r"[()\[\]]")


def _cjk_characters(node: ast.AST) -> int:
    """How many Chinese characters one character class in a string holds ("[为功本立…]"), or a
    string handed to set()/frozenset() as a set of characters."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("set", "frozenset") and node.args:
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            return len(re.findall(rf"[{_CJK}]", arg.value))
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return 0
    return max((len(re.findall(rf"[{_CJK}]", m.group(1))) for m in _CJK_CLASS.finditer(node.value)), default=0)


def chinese_leftovers(source: str, name: str = "<source>") -> list[str]:
    """Chinese word lists and character classes written in Python source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if _cjk_alternation(node) >= MAX_WORDS or _cjk_characters(node) > MAX_CJK_CHARS:
            found.append(f"{name}:{node.lineno}: Chinese words in code")
    return found


# The stages that read prose (documents, report and the CLI handle markup and output fields, not words).
STAGES = ("extract", "resolve", "relate", "kinds")


def _leftovers() -> list[str]:
    found = []
    for path in sorted(p for stage in STAGES for p in (CHECKER / stage).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        slots = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                 and any(getattr(target, "id", None) == "__slots__" for target in node.targets)}
        for node in ast.walk(tree):
            if id(node) in slots:  # a class's attribute names, not vocabulary
                continue
            words = max(_word_list(node), _alternation(node))
            if words >= MAX_WORDS:
                found.append(f"{path.relative_to(CHECKER.parent)}:{node.lineno}: {words} words")
        found += chinese_leftovers(path.read_text(encoding="utf-8"), str(path.relative_to(CHECKER.parent)))
    return found


def test_no_python_module_keeps_a_word_list():
    assert _leftovers() == []


def test_the_validated_tables_are_cached_where_the_rates_are(tmp_path, monkeypatch):
    from checker.pickle_cache import read_pickle, write_pickle
    from checker.rates.cache import cache_dir as rates_cache_dir
    from checker.vocab import Vocabulary, _cache_file

    monkeypatch.setenv("FIGCHECK_CACHE_DIR", str(tmp_path))
    assert rates_cache_dir() == tmp_path
    raw = _raw()
    path = _cache_file(raw)
    assert path.parent == tmp_path and read_pickle(path, Vocabulary) is None
    write_pickle(path, build(raw))
    assert read_pickle(path, Vocabulary).currency("PHP").context_symbols["P"]
    assert read_pickle(path, dict) is None  # a file of another shape is no cache
    path.write_bytes(b"damaged")
    assert read_pickle(path, Vocabulary) is None
    raw["hedges"] += b"\n"
    assert _cache_file(raw) != path  # any edit of a file is a new key


@pytest.mark.parametrize("source", [
    '_UP_TO = r"增至|增加到|增加至|增长到|增长至|升至|上升到|上升至"',
    '_LINK = r"(?:约合|折合|约为|约等于|约|合共约|合|相当于|等于|即)"',
    '_NOT_AFTER_CHENG = "[为功本立长员交果都绩就熟品型效败年人群批家语千倍]"',
    '_COUNT_WORDS = frozenset("个個家人名位件辆輛台臺项項")',
    '_ZONE = rf"{_NUM}|一带一路|一国两制|两岸三地|两会|三农|双十一"',
])
def test_the_scan_catches_chinese_word_lists_and_character_classes(source):
    assert chinese_leftovers(source)


@pytest.mark.parametrize("source", [
    '_DATE_AFTER = re.compile(r"[年月日号]")',
    '_TAIL = r"(?:为|达|约为|约)?"',
    'CUE = f"是…的{q.text}倍"',
])
def test_the_scan_leaves_a_few_grammar_characters_alone(source):
    assert chinese_leftovers(source) == []
