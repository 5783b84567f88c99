"""Safe YAML loading that remembers where every value came from.

Rule packs and config files are untrusted: they are loaded with PyYAML's safe loader (no object
construction tags), with limits on size, nesting depth and alias expansion, so a "billion laughs"
file fails fast with a clear message. The composed node tree is kept so that a validation error
deep inside the data can name the line it came from.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

import yaml

from checker.safety import read_regular_file

MAX_BYTES = 2_000_000
MAX_DEPTH = 64
MAX_NODES = 200_000  # counted with aliases expanded


class YamlError(Exception):
    """A YAML file that cannot be used; `str()` names the file and, where known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass
class YamlDocument:
    """Parsed data plus the node tree it was built from."""

    path: str
    data: Any
    node: yaml.Node | None

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The 1-based line of the value at `loc` (keys and list indexes), or of its nearest parent."""
        node = self.node
        line = node.start_mark.line + 1 if node is not None else None
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                match = next((v for k, v in node.value if k.value == key), None)
                if match is None:
                    break
                node = match
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
            else:
                break
            line = node.start_mark.line + 1
        return line


# libyaml's loader, when PyYAML has it, reads a well-formed pack about 5x faster (most of the
# time rule loading adds to start-up). It refuses nesting beyond its own limit, so its composer
# is safe; any document it rejects is read again by the pure-Python path for the usual message.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


_READ_LOGS: list[dict[str, bytes | None]] = []


@contextmanager
def reads_recorded() -> Iterator[dict[str, bytes | None]]:
    """Within the block, every file `load_yaml` reads (and every one `note_read` is told of) is
    recorded: name -> the bytes read (None: not at hand). The rule cache keys on them."""
    log: dict[str, bytes | None] = {}
    _READ_LOGS.append(log)
    try:
        yield log
    finally:
        _READ_LOGS.remove(log)


def note_read(name: str, data: bytes | None = None) -> None:
    """Tell the recorders (`reads_recorded`) that the file `name` was read (its bytes, if at hand)."""
    for log in _READ_LOGS:
        if data is not None or name not in log:
            log[name] = data


def load_yaml(path: str | Path, text: str | None = None) -> YamlDocument:
    """Read and parse a YAML file safely; every failure is a `YamlError` naming the file."""
    name = str(path)
    if text is None:
        try:
            raw = read_regular_file(path, MAX_BYTES)
        except FileNotFoundError:
            raise YamlError(name, "file not found") from None
        except IsADirectoryError:
            raise YamlError(name, "is a directory, not a YAML file") from None
        except OSError as exc:
            raise YamlError(name, f"cannot read: {exc.strerror or exc}") from None
        note_read(name, raw)
        if len(raw) > MAX_BYTES:
            raise YamlError(name, f"larger than {MAX_BYTES // 1_000_000} MB; refusing to parse")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise YamlError(name, f"not UTF-8 text (byte {exc.start})") from None
    elif len(text) > MAX_BYTES:
        raise YamlError(name, f"larger than {MAX_BYTES // 1_000_000} MB; refusing to parse")
    if "\r" in text:  # CR and CRLF line ends read as LF, so line numbers match an editor's
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _FAST_LOADER is not None:
        try:
            return _compose(text, name, _FAST_LOADER)
        except (yaml.YAMLError, YamlError):
            pass  # the checked pure-Python path below gives the exact message and line
    try:
        _check_nesting(text, name)
    except yaml.MarkedYAMLError as exc:
        raise _invalid(exc, name) from None
    except yaml.YAMLError as exc:
        raise YamlError(name, f"invalid YAML: {exc}") from None
    return _compose(text, name, yaml.SafeLoader)


def _compose(text: str, name: str, loader_class) -> YamlDocument:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(name, None, None)
        _check_size(node, name)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise _invalid(exc, name) from None
    except yaml.YAMLError as exc:
        raise YamlError(name, f"invalid YAML: {exc}") from None
    except (ValueError, OverflowError) as exc:  # a well-formed scalar with an impossible value: 2025-02-30
        raise YamlError(name, f"invalid value: {exc}", _first_bad_scalar(node)) from None
    finally:
        loader.dispose()
    return YamlDocument(name, data, node)


def _first_bad_scalar(root: yaml.Node) -> int | None:
    """The line of the first scalar that the safe constructor cannot build (an impossible date)."""
    checker = yaml.SafeLoader("")
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                checker.construct_object(node, deep=True)
            except (ValueError, OverflowError, yaml.YAMLError):
                return node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))
    return None


def _invalid(exc: yaml.MarkedYAMLError, name: str) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = exc.problem or exc.context or "invalid YAML"
    return YamlError(name, f"invalid YAML: {problem}", line)


def _check_nesting(text: str, name: str) -> None:
    """Refuse deep nesting before composing: PyYAML's composer recurses once per level.

    The event parser keeps its own stack, so walking the events is safe at any depth, whereas
    composing `[[[[...` thirty thousand deep would overflow Python's stack.
    """
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError(name, f"nested deeper than {MAX_DEPTH} levels", event.start_mark.line + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_size(root: yaml.Node, name: str) -> None:
    """Refuse documents that nest too deep or expand (through aliases) to too many nodes."""
    count = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise YamlError(
                name,
                f"expands to more than {MAX_NODES} values (alias bomb?); refusing to load",
                root.start_mark.line + 1,
            )
        if depth > MAX_DEPTH:
            raise YamlError(name, f"nested deeper than {MAX_DEPTH} levels", node.start_mark.line + 1)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            _check_unique_keys(node, name)
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


def _check_unique_keys(node: yaml.MappingNode, name: str) -> None:
    """Refuse a key given twice: PyYAML silently keeps the last, so `fail-on: error` followed
    later by `fail-on: never` would pass a wrong figure without a word."""
    seen: dict[str, int] = {}
    for key, _value in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge" or key.value == "<<":
            continue
        line = key.start_mark.line + 1
        if key.value in seen:
            raise YamlError(name, f"duplicate key {key.value!r} (first given at line {seen[key.value]})", line)
        seen[key.value] = line
