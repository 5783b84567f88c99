"""The check kinds: a base module (`base`: Params, Check, Env, register, the registry) and the
explicit list of built-in kinds, as yamllint keeps its rules. Importing this package registers each
built-in kind; the engine imports this package, never the reverse.
"""

from checker.kinds import currency_conversion  # noqa: F401
from checker.kinds import unit_conversion  # noqa: F401
from checker.kinds import percent_change  # noqa: F401
from checker.kinds import pattern  # noqa: F401
from checker.kinds import shares_sum  # noqa: F401
from checker.kinds import share_of  # noqa: F401
from checker.kinds import house_facts  # noqa: F401
from checker.kinds import number_style  # noqa: F401
from checker.kinds import repeated_figure  # noqa: F401
