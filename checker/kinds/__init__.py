"""The built-in check kinds. Importing this package registers each of them."""

from checker.kinds import currency_conversion  # noqa: F401
from checker.kinds import unit_conversion  # noqa: F401
from checker.kinds import percent_change  # noqa: F401
from checker.kinds import pattern  # noqa: F401
from checker.kinds import shares_sum  # noqa: F401
from checker.kinds import house_facts  # noqa: F401
from checker.kinds import number_style  # noqa: F401
from checker.kinds import repeated_figure  # noqa: F401
