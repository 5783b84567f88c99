"""figcheck: lint editorial text for figures that do not add up.

The Python API is what the command line uses:

    from checker import lint_text, lint_paths
    findings = lint_text("It raised 600 billion yuan ($8.5 billion).", date="2025-04-15")
"""

from __future__ import annotations

from checker.version import __version__

__all__ = ["lint_text", "lint_paths", "__version__"]


def __getattr__(name: str):
    # Imported lazily so that `import checker` (and the CLI's start-up) stays cheap.
    if name in ("lint_text", "lint_paths"):
        from checker import api

        return getattr(api, name)
    raise AttributeError(name)
