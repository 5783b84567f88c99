"""The English vocabulary of amounts: currency symbols, codes and names, scale words, hedges.

Kept apart from the grammar so that adding a currency or a hedge is a one-line data change,
and so the regular expressions in `money` and `numbers` are built from one source of truth.
"""

from __future__ import annotations

import re

# Symbols and qualified symbols written before the figure. Longest first matters only for
# readability: the patterns below are sorted by length before they are compiled.
# Values: (ISO code, alternatives when the symbol is ambiguous).
DOLLAR_ALTERNATIVES = ("USD", "CAD", "AUD", "HKD", "SGD", "NZD", "TWD")
YEN_YUAN = ("CNY", "JPY")

PREFIX_SYMBOLS: dict[str, tuple[str, tuple[str, ...]]] = {
    "$": ("USD", DOLLAR_ALTERNATIVES),
    "US$": ("USD", ()),
    "U.S.$": ("USD", ()),
    "U.S. $": ("USD", ()),
    "U.S $": ("USD", ()),
    "US $": ("USD", ()),
    "HK$": ("HKD", ()),
    "HK $": ("HKD", ()),
    "S$": ("SGD", ()),
    "A$": ("AUD", ()),
    "AU$": ("AUD", ()),
    "AUS$": ("AUD", ()),
    "C$": ("CAD", ()),
    "C $": ("CAD", ()),
    "CA$": ("CAD", ()),
    "CAN$": ("CAD", ()),
    "NZ$": ("NZD", ()),
    "NT$": ("TWD", ()),
    "Mex$": ("MXN", ()),
    "MX$": ("MXN", ()),
    "R$": ("BRL", ()),
    "RM": ("MYR", ()),
    "€": ("EUR", ()),
    "£": ("GBP", ()),
    "¥": ("CNY", YEN_YUAN),
    "￥": ("CNY", YEN_YUAN),
    "JP¥": ("JPY", ()),
    "CN¥": ("CNY", ()),
    "₹": ("INR", ()),
    "Rs": ("rupee", ()),
    "Rs.": ("rupee", ()),
    "KSh": ("KES", ()),
    "Sh": ("shilling", ()),
    "E£": ("EGP", ()),
    "TL": ("TRY", ()),
    "N": ("NGN", ()),  # Nigerian copy ("N500 billion"); only where the text speaks of naira
    "₩": ("KRW", ()),
    "₽": ("RUB", ()),
    "₺": ("TRY", ()),
    "₱": ("PHP", ()),
    "₦": ("NGN", ()),
    "₫": ("VND", ()),
    "₪": ("ILS", ()),
    "฿": ("THB", ()),
    "₡": ("CRC", ()),
    "₾": ("GEL", ()),
    "₭": ("LAK", ()),
    "₴": ("UAH", ()),
    "₸": ("KZT", ()),
    "ரூ": ("LKR", ()),
    "Rp": ("IDR", ()),
    "zł": ("PLN", ()),
    "Bt": ("THB", ()),
    "Php": ("PHP", ()),
    "Dh": ("AED", ()),
    "Dhs": ("AED", ()),
    "Tk": ("BDT", ()),
    # Single or double letters that are other things too ("R2-D2", "QR code"): only where the text
    # names the currency or its country (see amounts.CONTEXT_REQUIRED).
    "R": ("ZAR", ()),
    "SR": ("SAR", ()),
    "QR": ("QAR", ()),
    "KD": ("KWD", ()),
}

# Symbols that may also follow the figure ("100 ₡", "100€").
SUFFIX_SYMBOLS = {s: v for s, v in PREFIX_SYMBOLS.items() if not s[0].isascii() or s == "zł"}

# ISO 4217 codes written as words (before or after the figure). Upper case only, so that
# English words that happen to be codes ("all", "top", "try", "mop") are never read as money.
ISO_CODES = frozenset(
    """USD EUR GBP JPY CNY CNH RMB HKD TWD SGD AUD NZD CAD CHF SEK NOK DKK ISK INR PKR LKR BDT NPR
    IDR MYR THB PHP VND KRW KZT RUB UAH PLN CZK HUF RON BGN HRK TRY ILS SAR AED QAR KWD BHD OMR
    EGP NGN ZAR KES GHS MAD BRL MXN ARS CLP COP PEN UYU VES XAU XAG DEM FRF ITL ESP NLG BEF""".split()
)
CODE_ALIASES = {"RMB": "CNY", "CNH": "CNY", "NIS": "ILS"}
# Codes readers also type in lower case; only unambiguous ones (never an English word).
LOWERCASE_CODES = frozenset({"usd", "rmb", "cny", "eur", "gbp", "jpy", "hkd", "inr", "sgd", "aud", "cad"})

# Currency names after the figure. Each entry: regex -> (ISO code, alternatives).
# Qualified names come first so "Hong Kong dollars" wins over "dollars". A lower-case name in
# place of the code ("franc") marks a name several countries share: `currency_context` decides
# it from the rest of the text.
_DOLLAR = r"(?:dollars?|dlrs?)"
NAME_PATTERNS: list[tuple[str, str, tuple[str, ...]]] = [
    (rf"(?:U\.?S\.?|American)\s*{_DOLLAR}", "USD", ()),
    (rf"(?:Hong\s+Kong|H\.?K\.?)\s*{_DOLLAR}", "HKD", ()),
    (rf"(?:Australian|Aust(?:ralian)?\.?)\s*{_DOLLAR}", "AUD", ()),
    (rf"(?:Canadian|Can\.?)\s*{_DOLLAR}", "CAD", ()),
    (rf"(?:New\s+Zealand|N\.?Z\.?)\s*{_DOLLAR}", "NZD", ()),
    (rf"Singapore\s*{_DOLLAR}", "SGD", ()),
    (rf"(?:New\s+)?Taiwan(?:ese)?\s*{_DOLLAR}", "TWD", ()),
    (rf"(?:Zimbabwean?|Zimbabwe)\s*{_DOLLAR}", "ZWL", ()),
    (_DOLLAR, "USD", DOLLAR_ALTERNATIVES),
    (r"(?:Chinese\s+)?(?:yuan|renminbi|RMB|rmb|kuai)", "CNY", ()),
    (r"(?:Japanese\s+)?yen", "JPY", ()),
    (r"(?:South\s+)?Korean\s+won", "KRW", ()),
    (r"Indian\s+rupees?", "INR", ()),
    (r"Pakistani?\s+rupees?", "PKR", ()),
    (r"Sri\s+Lankan?\s+rupees?", "LKR", ()),
    (r"Nepal(?:i|ese)\s+rupees?", "NPR", ()),
    (r"rupees?", "rupee", ()),
    (r"(?:Indonesian\s+)?rupiahs?", "IDR", ()),
    (r"euros?", "EUR", ()),
    (r"Irish\s+pounds?", "IEP", ()),
    (r"Cyprus\s+pounds?", "CYP", ()),
    (r"(?:British\s+)?pounds?\s+sterling|sterling|stg|(?:British\s+)?pounds?", "GBP", ("GBP", "EGP")),
    (r"pence|penny|pennies", "GBP", ()),
    (r"Swiss\s+francs?", "CHF", ()),
    (r"French\s+francs?", "FRF", ()),
    (r"Belgian\s+francs?", "BEF", ()),
    (r"Luxembourg\s+francs?", "LUF", ()),
    (r"CFA\s+francs?", "XOF", ("XOF", "XAF")),
    (r"francs?", "franc", ()),
    (r"(?:Brazilian\s+)?(?:reais|reals)", "BRL", ()),
    (r"(?:South\s+African\s+)?rands?", "ZAR", ()),
    (r"(?:Malaysian\s+)?ringgits?", "MYR", ()),
    (r"(?:Thai\s+)?baht", "THB", ()),
    (r"Mexican\s+pesos?", "MXN", ()),
    (r"(?:Philippine|Filipino)\s+pesos?", "PHP", ()),
    (r"(?:Argentine|Argentinian)\s+pesos?", "ARS", ()),
    (r"Chilean\s+pesos?", "CLP", ()),
    (r"Colombian\s+pesos?", "COP", ()),
    (r"pesos?", "peso", ()),
    (r"(?:UAE|Emirati)\s+dirhams?", "AED", ()),
    (r"Moroccan\s+dirhams?", "MAD", ()),
    (r"dirhams?", "dirham", ()),
    (r"Saudi\s+riy?als?", "SAR", ()),
    (r"Qatari?\s+riy?als?", "QAR", ()),
    (r"Omani?\s+ri(?:y?al|al)s?", "OMR", ()),
    (r"Iranian\s+ri(?:y?al)s?", "IRR", ()),
    (r"riyals?", "riyal", ()),
    (r"Kuwaiti\s+dinars?", "KWD", ()),
    (r"Iraqi\s+dinars?", "IQD", ()),
    (r"Bahraini\s+dinars?", "BHD", ()),
    (r"Jordanian\s+dinars?", "JOD", ()),
    (r"Yugoslav\s+dinars?", "YUD", ()),
    (r"dinars?", "dinar", ()),
    (r"(?:Russian\s+)?(?:roubles?|rubles?)", "RUB", ()),
    (r"(?:Turkish\s+)?liras?", "TRY", ()),
    (r"(?:Italian\s+)?lire", "ITL", ()),
    (r"(?:Israeli\s+)?(?:new\s+)?shekels?", "ILS", ()),
    (r"(?:Nigerian\s+)?naira", "NGN", ()),
    (r"(?:Vietnamese\s+)?dong", "VND", ()),
    (r"(?:Polish\s+)?(?:zlotys?|zloties)", "PLN", ()),
    (r"(?:Hungarian\s+)?forints?", "HUF", ()),
    (r"(?:Czech\s+)?korun[ay]?", "CZK", ()),
    (r"Swedish\s+(?:crowns|kronor|krona)", "SEK", ()),
    (r"Norwegian\s+(?:crowns|kroner|krone)", "NOK", ()),
    (r"Danish\s+(?:crowns|kroner|krone)", "DKK", ()),
    (r"Icelandic\s+(?:crowns|kronur|krona)", "ISK", ()),
    (r"Czech\s+crowns", "CZK", ()),
    (r"(?:crowns|kronor|kroner|krona|krone)", "crown", ()),
    (r"(?:(?:West\s+)?German\s+)?(?:marks|deutsche\s*marks|D-?marks)", "DEM", ()),
    (r"(?:Finnish\s+)?markkas?", "FIM", ()),
    (r"(?:Dutch\s+)?guilders?", "NLG", ()),
    (r"(?:Spanish\s+)?pesetas?", "ESP", ()),
    (r"(?:Austrian\s+)?schillings?", "ATS", ()),
    (r"(?:Portuguese\s+)?escudos?", "PTE", ()),
    (r"(?:Irish\s+)?punts?", "IEP", ()),
    (r"(?:Greek\s+)?drachmas?", "GRD", ()),
    (r"(?:Brazilian\s+)?(?:cruzados?|cruzeiros?)", "BRC", ()),
    (r"(?:Egyptian\s+)pounds?", "EGP", ()),
    (r"Kenyan?\s+shillings?", "KES", ()),
    (r"Ugandan?\s+shillings?", "UGX", ()),
    (r"Tanzanian?\s+shillings?", "TZS", ()),
    (r"shillings", "shilling", ()),
    (r"(?:Ghanaian\s+)?cedis?", "GHS", ()),
    (r"(?:Ukrainian\s+)?hryvnias?", "UAH", ()),
    (r"(?:Kazakh\s+)?tenge", "KZT", ()),
    (r"(?:Bangladeshi\s+)?taka", "BDT", ()),
    (r"(?:Laotian\s+|Lao\s+)?kip", "LAK", ()),
    (r"(?:Costa\s+Rican\s+)?col[oó]ne?s?", "CRC", ()),
    (r"(?:Georgian\s+)?lari", "GEL", ()),
    (r"(?:bitcoins?|BTC)", "XBT", ()),
    (r"cents?|cts|ct", "USD", DOLLAR_ALTERNATIVES),
]
# "won" is also the past tense of "win": accepted only after a scale word or a large figure.
WON_PATTERN = r"won"

# Minor units: the amount is stored in the major unit (50 cents -> 0.50).
MINOR_UNITS = re.compile(r"(?:cents?|cts|ct|pence|penny|pennies)\Z", re.I)

# Scale words as written, and their multipliers. `CASE_SENSITIVE_SCALES` are only scales in
# the case shown: "10M" is ten million, while a bare "1m" is a metre.
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "K": 1e3, "grand": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mill": 1e6, "m": 1e6,
    "M": 1e6, "MM": 1e6, "mm": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "B": 1e9, "G": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "tln": 1e12, "trn": 1e12, "tr": 1e12, "T": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
    "crore": 1e7, "crores": 1e7, "cr": 1e7,
}
# Scale words safe after any number; the short ones need a currency or upper case.
WORD_SCALES = ("hundred", "thousand", "million", "billion", "trillion", "lakh", "crore")
NUMBER_SCALES = r"thousands?|millions?|billions?|trillions?|lakhs?|lacs?|crores?|mln|bln|tln|mn|bn|tn|trn|mil|MM|M|G|K|k|B|b"
MONEY_SCALES = NUMBER_SCALES + r"|m|mm|cr|tr|T|grand|mill"

# Hedge words before an amount: they widen the tolerance of later checks. Only the words
# themselves: prepositions in front of them ("of about", "to nearly") are not part of the hedge.
HEDGES = sorted(
    (hedge.strip() for hedge in """almost|about|around|nearly|some|more than|over|less than|fewer than|up to|roughly|approximately|
    approx.|an estimated|estimated|at least|at most|as much as|as many as|as little as|as high as|
    as low as|just over|just under|just above|just below|well over|well above|well below|close to|
    under|below|above|in excess of|upwards of|upward of|circa|barely|not quite|no more than|
    no less than|not more than|not less than|a little over|a little under|slightly more than|
    slightly less than|north of|an approximate|around about|on the order of|in the region of|
    an estimated total of|some estimated|an average of|on average""".split("|")),
    key=len,
    reverse=True,
)
