"""Which language a text is written in, for the words figcheck answers in: "zh" or "en".

One rule for every layer that speaks to a person (the kinds' messages, the reports, the web page,
the language server), so a finding, its evidence and the page around it never disagree.
"""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
# A Chinese character carries about as much as a short English word: a block is Chinese when its
# characters are more than a third of its Latin letters ("特斯拉（Tesla）CEO马斯克表示" is Chinese).
LATIN_LETTERS_PER_HAN = 3


def language_of(text: str) -> str:
    """"zh" when the text's Chinese characters outweigh its Latin letters, else "en"."""
    han = len(_HAN.findall(text))
    return "zh" if han and han * LATIN_LETTERS_PER_HAN > len(_LATIN.findall(text)) else "en"
