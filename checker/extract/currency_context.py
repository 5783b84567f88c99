"""Which currency a bare, ambiguous name means, decided by what the text itself says.

"francs" in 1987 wire copy is as often French or Belgian as Swiss; "crowns" may be Swedish,
Norwegian, Danish or Czech; "pesos", "rupees", "dinars", "riyals" belong to several countries.
Guessing one silently would let a conversion check pass or fail on the wrong rate, so a bare
name is resolved only when the text names exactly one of its countries ("Swiss", "Sweden",
"Pakistani"); otherwise it keeps its most likely reading with the alternatives, or, for the
names with no safe default (franc, crown, dinar), no currency at all and the name as its unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AmbiguousName:
    """A currency name shared by several countries, and the words that pick one."""

    unit: str  # reported as the quantity's unit when no currency can be chosen
    default: str | None  # the reading when the text names no country; None: do not guess
    cues: dict[str, str]  # ISO code -> regex of country words that select it


AMBIGUOUS_NAMES: dict[str, AmbiguousName] = {
    "franc": AmbiguousName("franc", None, {
        "CHF": r"Swiss|Switzerland|Zurich|Geneva|Basle|Basel|Berne?",
        "FRF": r"French|France|Paris",
        "BEF": r"Belgian|Belgium|Brussels|Antwerp",
        "XOF": r"CFA|Ivory\s+Coast|Ivorian|Senegal|Mali|Burkina|Niger\b|Benin|Togo",
    }),
    "crown": AmbiguousName("crown", None, {
        "SEK": r"Swed(?:en|ish)|Stockholm",
        "NOK": r"Norw(?:ay|egian)|Oslo",
        "DKK": r"Den(?:mark|ish)|Danish|Copenhagen",
        "CZK": r"Czech|Prague",
        "ISK": r"Iceland(?:ic)?|Reykjavik",
    }),
    "rupee": AmbiguousName("rupee", "INR", {
        "INR": r"India(?:n)?|New\s+Delhi|Mumbai|Bombay|Calcutta|Kolkata|Bangalore|Sensex|Nifty",
        "PKR": r"Pakistan(?:i)?|Karachi|Islamabad|Lahore",
        "LKR": r"Sri\s+Lanka(?:n)?|Colombo",
        "NPR": r"Nepal(?:i|ese)?|Kathmandu",
        "MUR": r"Mauriti(?:us|an)",
    }),
    "peso": AmbiguousName("peso", "MXN", {
        "MXN": r"Mexic(?:o|an)",
        "PHP": r"Philippines?|Filipino|Manila",
        "ARS": r"Argentin(?:a|e|ian)|Buenos\s+Aires",
        "CLP": r"Chile(?:an)?|Santiago",
        "COP": r"Colombia(?:n)?|Bogota",
        "UYU": r"Urugua(?:y|yan)|Montevideo",
    }),
    "dinar": AmbiguousName("dinar", None, {
        "KWD": r"Kuwait(?:i)?",
        "IQD": r"Iraq(?:i)?|Baghdad",
        "BHD": r"Bahrain(?:i)?",
        "JOD": r"Jordan(?:ian)?|Amman",
        "TND": r"Tunisia(?:n)?",
        "DZD": r"Algeria(?:n)?",
        "LYD": r"Libya(?:n)?",
        "YUD": r"Yugoslav(?:ia|ian)?|Belgrade",
    }),
    "riyal": AmbiguousName("riyal", "SAR", {
        "SAR": r"Saudi|Riyadh",
        "QAR": r"Qatar(?:i)?|Doha",
        "OMR": r"Oman(?:i)?|Muscat",
        "IRR": r"Iran(?:ian)?|Tehran",
    }),
    "dirham": AmbiguousName("dirham", "AED", {
        "AED": r"UAE|Emirat(?:es|i)|Dubai|Abu\s+Dhabi",
        "MAD": r"Morocc(?:o|an)|Rabat|Casablanca",
    }),
    "shilling": AmbiguousName("shilling", "KES", {
        "KES": r"Kenya(?:n)?|Nairobi",
        "UGX": r"Uganda(?:n)?|Kampala",
        "TZS": r"Tanzania(?:n)?|Dar\s+es\s+Salaam",
        "SOS": r"Somali(?:a)?|Mogadishu",
    }),
}

_CUES = {
    name: re.compile("|".join(rf"(?P<{iso}>\b(?:{cue})\b)" for iso, cue in entry.cues.items()))
    for name, entry in AMBIGUOUS_NAMES.items()
}


def resolve(name: str, text: str) -> tuple[str | None, tuple[str, ...]]:
    """The currency `name` stands for in `text`, and the readings still open (best first)."""
    entry = AMBIGUOUS_NAMES[name]
    cued = {m.lastgroup for m in _CUES[name].finditer(text)}
    candidates = tuple(entry.cues)
    if len(cued) == 1:
        return cued.pop(), ()
    if entry.default is not None and (not cued or entry.default in cued):
        return entry.default, (entry.default, *(c for c in candidates if c != entry.default))
    return None, tuple(c for c in candidates if not cued or c in cued)
