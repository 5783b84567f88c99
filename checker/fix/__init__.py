"""Fixes: rewrite a figure in the file the way a finding proposes, certain ones unasked, the rest by choice."""
