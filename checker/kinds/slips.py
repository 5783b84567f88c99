"""The slips a finding can name (`evidence["likely_slip"]`), as stable ids, never as words.

JSON, SARIF and a pack's message template carry the id ("scale", "points_as_percent"); each report
says it in the reader's language from the message catalogue's `slip.<id>` (messages/{en,zh}.yaml),
so no layer matches another layer's English.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from checker.kinds.messages import Messages


class Slip(StrEnum):
    SCALE = "scale"  # a figure off by a power of ten; `evidence["slip_power"]` says which
    POINTS_AS_PERCENT = "points_as_percent"  # "from 4% to 6%, a 2% rise"
    WRONG_BASE = "wrong_base"  # a change computed from the end value instead of the start
    DIRECTION = "direction"  # "down 20%" when the figures rise
    INVERTED = "inverted_rate"  # a conversion divided by the rate where it should multiply (or the reverse)
    RATIO_AS_CHANGE = "ratio_as_change"  # "rose 580%" to 700,000 from 125,313: the new figure as a percent of the old


def slip_words(evidence: dict[str, Any], messages: Messages) -> str | None:
    """The evidence's likely slip in words, or None when it names none. A slip id figcheck does not
    know (a pack's own) is shown as it is written."""
    slip = evidence.get("likely_slip")
    if not slip:
        return None
    if slip not in Slip.__members__.values():
        return str(slip)
    return messages.say(f"slip.{slip}", power=evidence.get("slip_power"))
