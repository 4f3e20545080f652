"""A griffe extension for the docs site (``mkdocs.yml``): the docstrings are written for
Python's help() and Sphinx-style readers (``:class:`~quotesnap.Quote```, ``double
backticks``); this turns the roles into Markdown code spans, ``Quote``, so that the API
reference reads cleanly. Nothing else in the docstrings is changed."""

from __future__ import annotations

import re
from typing import Any

import griffe

# :class:`~quotesnap.results.Quote` -> `Quote`; :func:`quotesnap.to_frame` -> `quotesnap.to_frame`
_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`(~?)([^`]+)`")


def _code(match: re.Match[str]) -> str:
    short, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_code, obj.docstring.value)
