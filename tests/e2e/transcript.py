"""Terminal sessions kept as pictures: rich renders a transcript (ANSI colours included) as an SVG.

The tests of `figcheck fix --interactive`, `figcheck server` and the terminal report save what the
user saw under reports/screenshots/ (for the README) and as test artifacts.
"""

from __future__ import annotations

import re
import shutil

from rich.console import Console
from rich.text import Text

from tests.e2e.browser import ARTIFACTS, SCREENSHOTS

_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-ln-z]")  # cursor moves; colour codes (…m) are kept


def save_terminal_svg(transcript: str, name: str, title: str, width: int = 110) -> None:
    console = Console(record=True, width=width, force_terminal=True, color_system="truecolor", file=open("/dev/null", "w"))
    cleaned = _CONTROL.sub("", transcript.replace("\r\n", "\n").replace("\r", ""))
    console.print(Text.from_ansi(cleaned), soft_wrap=False, crop=False)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / name
    console.save_svg(str(target), title=title)
    shutil.copyfile(target, ARTIFACTS / name)
