"""Empty-container factories for pydantic fields: `Field(default_factory=empty.new_list)`.

A pydantic model reads the signature of each field's default factory when the model is built, to
see whether it takes the validated data. For a builtin type such as `list` or `dict` that takes
`inspect` about a millisecond (it tries and fails to parse a text signature), and figcheck's models
have a dozen such fields on every run; for a plain Python function it is immediate. The fields get
the same new empty list or dict either way.
"""

from __future__ import annotations

from typing import Any


def new_list() -> list[Any]:
    return []


def new_dict() -> dict[Any, Any]:
    return {}
