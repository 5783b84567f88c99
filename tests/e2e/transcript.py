"""Terminal sessions kept as pictures: rich renders a transcript (ANSI colours included) as an SVG.

The tests of `figcheck fix --interactive`, `figcheck server` and the terminal report save what the
user saw as test artifacts; reports/screenshots/ (the README's pictures) is refreshed only with
FIGCHECK_UPDATE_SCREENSHOTS=1, so a plain test run leaves the repository clean.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

from tests.e2e.browser import ARTIFACTS, keep_picture

_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-ln-z]")  # cursor moves; colour codes (…m) are kept


def save_terminal_svg(transcript: str, name: str, title: str, width: int = 110) -> None:
    console = Console(record=True, width=width, force_terminal=True, color_system="truecolor", file=open("/dev/null", "w"))
    cleaned = _CONTROL.sub("", transcript.replace("\r\n", "\n").replace("\r", ""))
    console.print(Text.from_ansi(cleaned), soft_wrap=False, crop=False)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / name
    console.save_svg(str(target), title=title)
    keep_picture(target)
