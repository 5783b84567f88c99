"""Unit words as printed in English news copy, each mapped to a pint unit expression.

This list is what the cheap prefilter looks for after a number: only text that matches it
is handed to quantulum3, and its pint name is the one reported (quantulum3's own unit
guess is unreliable for abbreviations: "86F" farad, "30C" coulomb, "100 mb" millibarn).
Keys in `WORD_UNITS` match case-insensitively; keys in `SYMBOL_UNITS` only as written,
because case is the meaning there (MB megabyte, mb megabit; m metre, M million).
"""

from __future__ import annotations


def _plural(*names: str) -> list[str]:
    return [form for name in names for form in (name, name + "s")]


def _per_hour(*names: str) -> list[str]:
    """"miles per hour", "mile an hour", "km per hour"...: the plural sits on the first word."""
    return [f"{form} {per} hour" for form in _plural(*names) for per in ("per", "an", "a")]


def _words(unit: str, *surfaces: str) -> dict[str, str]:
    return {surface: unit for surface in surfaces}


WORD_UNITS: dict[str, str] = {
    # length
    **_words("kilometer", *_plural("kilometer", "kilometre"), "km", "kms"),
    **_words("meter", *_plural("meter", "metre")),
    **_words("centimeter", *_plural("centimeter", "centimetre"), "cm"),
    **_words("millimeter", *_plural("millimeter", "millimetre"), "mm"),
    **_words("decimeter", *_plural("decimeter", "decimetre"), "dm"),
    **_words("micrometer", *_plural("micrometer", "micrometre", "micron")),
    **_words("picometer", *_plural("picometer", "picometre")),
    **_words("nautical_mile", *_plural("nautical mile")),
    **_words("mile", *_plural("mile"), "mi"),
    **_words("foot", "foot", "feet", "ft"),
    **_words("inch", "inch", "inches", "in."),
    **_words("yard", *_plural("yard"), "yd", "yds"),
    **_words("light_year", *_plural("light-year", "light year")),
    # area
    **_words("kilometer ** 2", *_plural("square kilometer", "square kilometre"), "square km", "sq km", "km2", "km²"),
    **_words("meter ** 2", *_plural("square meter", "square metre"), "sq m", "m2", "m²"),
    **_words("mile ** 2", *_plural("square mile"), "sq mi", "sq miles"),
    **_words("foot ** 2", "square foot", "square feet", "sq ft", "sq feet", "ft2"),
    **_words("yard ** 2", *_plural("square yard")),
    **_words("acre", *_plural("acre")),
    **_words("hectare", *_plural("hectare"), "ha"),
    # volume
    **_words("liter", *_plural("liter", "litre")),
    **_words("milliliter", *_plural("milliliter", "millilitre"), "ml"),
    **_words("gallon", *_plural("gallon")),
    **_words("oil_barrel", *_plural("barrel"), "bbl", "bpd"),
    **_words("foot ** 3", "cubic foot", "cubic feet", "cu ft"),
    **_words("meter ** 3", *_plural("cubic meter", "cubic metre")),
    **_words("yard ** 3", *_plural("cubic yard")),
    # mass
    **_words("kilogram", *_plural("kilogram", "kilogramme", "kilo"), "kg", "kgs"),
    **_words("gram", *_plural("gram", "gramme")),
    **_words("milligram", *_plural("milligram", "milligramme"), "mg"),
    **_words("microgram", *_plural("microgram", "microgramme"), "μg", "µg", "mcg"),
    **_words("pound", "pound", "pounds", "lb", "lbs"),
    **_words("troy_ounce", *_plural("troy ounce")),
    **_words("ounce", *_plural("ounce"), "oz"),
    **_words("metric_ton", *_plural("tonne", "metric ton"), "mt"),
    **_words("ton", *_plural("ton", "short ton")),
    **_words("long_ton", *_plural("long ton")),
    **_words("carat", *_plural("carat")),
    # temperature (bare °, deg and degrees are angles to pint: the check decides, not us)
    **_words(
        "degree_Celsius", "celsius", "celcius", "centigrade", "centigrate", "°c", "° c", "ºc",
        "degrees celsius", "degree celsius", "degrees centigrade", "deg celsius", "deg c", "deg. c",
        "degrees c", "degree c", "degrees celcius", "degree celcius",
    ),
    **_words(
        "degree_Fahrenheit", "fahrenheit", "farenheit", "°f", "° f", "ºf", "degrees fahrenheit",
        "degree fahrenheit", "deg fahrenheit", "deg f", "deg. f", "degrees f", "degree f",
        "degrees farenheit", "degree farenheit",
    ),
    **_words("kelvin", "kelvin", "kelvins"),
    **_words("degree", "degree", "degrees", "deg.", "deg", "°", "º"),
    # speed
    **_words("mile / hour", "mph", *_per_hour("mile")),
    **_words("kilometer / hour", "kph", "kmph", "kmh", "km/h", "km/hr", *_per_hour("km", "kilometer", "kilometre")),
    **_words("knot", *_plural("knot")),
    **_words("meter / second", "m/s", *[f"{n} per second" for n in _plural("meter", "metre")]),
    # energy and power
    **_words("kilowatt_hour", "kwh", *_plural("kilowatt-hour", "kilowatt hour")),
    **_words("megawatt_hour", "mwh", *_plural("megawatt-hour", "megawatt hour")),
    **_words("gigawatt_hour", "gwh", *_plural("gigawatt-hour", "gigawatt hour")),
    **_words("terawatt_hour", "twh", *_plural("terawatt-hour", "terawatt hour")),
    **_words("joule", *_plural("joule")),
    **_words("kilocalorie", *_plural("calorie", "kilocalorie"), "kcal"),
    **_words("BTU", "btu", "btus"),
    **_words("watt", *_plural("watt")),
    **_words("kilowatt", *_plural("kilowatt"), "kw"),
    **_words("megawatt", *_plural("megawatt"), "mw"),
    **_words("gigawatt", *_plural("gigawatt"), "gw"),
    **_words("horsepower", "horsepower", "hp"),
    # data
    **_words("bit", *_plural("bit")),
    **_words("byte", *_plural("byte")),
    **_words("kilobyte", *_plural("kilobyte")),
    **_words("megabyte", *_plural("megabyte")),
    **_words("gigabyte", *_plural("gigabyte")),
    **_words("terabyte", *_plural("terabyte")),
    **_words("petabyte", *_plural("petabyte")),
    **_words("kilobit", *_plural("kilobit")),
    **_words("megabit", *_plural("megabit")),
    **_words("gigabit", *_plural("gigabit")),
    **_words("megabit / second", "mbps"),
    **_words("gigabit / second", "gbps"),
}

# Abbreviations that carry their own "per": bpd is barrels per day.
PER_IN_UNIT: dict[str, str] = {"bpd": "day"}

SYMBOL_UNITS: dict[str, str] = {
    "m": "meter", "g": "gram", "l": "liter", "L": "liter", "W": "watt",
    "KB": "kilobyte", "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte", "PB": "petabyte",
    "kb": "kilobit", "Kb": "kilobit", "mb": "megabit", "Mb": "megabit", "Gb": "gigabit", "gb": "gigabyte",
    "tb": "terabyte",
}

# A bare letter C or F glued to a number ("30C", "86F") is a temperature only where the
# context is about temperature; elsewhere it is a model or form name ("13F", "777F").
BARE_TEMPERATURE_LETTERS: dict[str, str] = {"C": "degree_Celsius", "F": "degree_Fahrenheit"}

# Multipliers written between the number and the unit ("2.4 billion gallons", "25 lakh tonnes").
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
    "mln": 1e6, "bln": 1e9,
}

NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "a hundred": 100, "dozen": 12}

HEDGE_WORDS = (
    "about", "around", "some", "nearly", "almost", "roughly", "approximately", "more than", "over",
    "up to", "at least", "less than", "under", "as much as", "as many as", "upwards of", "close to",
)
