"""The check kinds: a base module (`base`: Params, Check, Env, register, the registry) and the
explicit list of built-in kinds, as yamllint keeps its rules.

The list is plain names, imported only when a kind is first looked up (`base.get_kind`), so that
importing the engine or validating a rule pack does not load the extraction grammar. Adding a
built-in kind is one module here plus one line below. The engine imports this package, never the
reverse.
"""

BUILTIN_KINDS: tuple[str, ...] = (  # modules under checker.kinds; each registers one kind
    "currency_conversion",
    "unit_conversion",
    "percent_change",
    "pattern",
    "shares_sum",
    "house_facts",
    "number_style",
    "repeated_figure",
    "share_of_whole",
    "stated_difference",
)
