"""Converting a figure between pint units, with the readings a newsroom unit name can have.

"tons" may be short, long or metric; "gallons" US or imperial; a temperature may be a reading
(30C = 86F) or a difference (a rise of 1.5C = 2.7F). A conversion is fair when it matches *any*
reading, so every reading is returned, the most likely first.
"""

from __future__ import annotations

from functools import lru_cache


_TEMPERATURES = {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit",
                 "kelvin": "kelvin"}
_OFFSET_UNITS = {"degree_Celsius", "degree_Fahrenheit"}
_ALTERNATIVES = {
    "ton": ("ton", "long_ton", "metric_ton"),
    "metric_ton": ("metric_ton", "ton", "long_ton"),
    "gallon": ("gallon", "imperial_gallon"),
    "pint": ("pint", "imperial_pint"),
    "fluid_ounce": ("fluid_ounce", "imperial_fluid_ounce"),
    "quart": ("quart", "imperial_quart"),
    "mile / gallon": ("mile / gallon", "mile / imperial_gallon"),
}


def is_temperature(unit: str | None) -> bool:
    return unit in _TEMPERATURES


def convert(amount: float, source: str | None, target: str | None, *, delta: bool = False) -> list[float]:
    """`amount` of `source` in `target`, once per plausible reading; [] when they do not convert."""
    if not source or not target:
        return []
    if is_temperature(source) and is_temperature(target):
        delta_readings = _convert(amount, _TEMPERATURES[source], _TEMPERATURES[target])
        if delta:
            return delta_readings
        return _convert(amount, source, target) + delta_readings
    values: list[float] = []
    for a in _ALTERNATIVES.get(source, (source,)):
        for b in _ALTERNATIVES.get(target, (target,)):
            values.extend(v for v in _convert(amount, a, b) if v not in values)
    return values


def _convert(amount: float, source: str, target: str) -> list[float]:
    factor = _factor(source, target)
    if factor is None:
        inverse = _inverse_factor(source, target)  # 40 mpg is 5.9 litres per 100 km: 235.2 / 40
        return [1.0 / (amount * inverse)] if inverse and amount else []
    if factor == "offset":
        ureg = _ureg()
        return [float(ureg.Quantity(amount, source).to(target).magnitude)]
    return [amount * factor]


@lru_cache(maxsize=512)
def _factor(source: str, target: str) -> float | str | None:
    """The multiplier from `source` to `target`, "offset" for offset units, None if they do not convert:
    from the cache of factors pint has already worked out (checker.kinds.unit_factors), else from pint."""
    from checker.kinds.unit_factors import cached_factor

    return cached_factor(source, target, _pint_factor)


def _pint_factor(source: str, target: str) -> float | str | None:
    import pint

    ureg = _ureg()
    try:
        if ureg.Unit(source).is_compatible_with(ureg.Unit(target)):
            if source in _OFFSET_UNITS or target in _OFFSET_UNITS:
                return "offset"
            return float(ureg.Quantity(1.0, source).to(target).magnitude)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, KeyError):
        return None
    return None


@lru_cache(maxsize=512)
def _inverse_factor(source: str, target: str) -> float | None:
    """For units that are reciprocals of each other (miles per gallon, litres per 100 km): the
    multiplier from `source` to one over `target` (cached as the factor to "1 / (target)"); None when
    they are not reciprocals."""
    if source in _OFFSET_UNITS or target in _OFFSET_UNITS:
        return None
    from checker.kinds.unit_factors import cached_factor

    factor = cached_factor(source, f"1 / ({target})", _pint_factor)
    return factor if isinstance(factor, float) else None


def _ureg():
    """The project's pint registry, imported on first use so that loading this kind stays cheap."""
    from checker.extract.units import get_ureg

    return get_ureg()
