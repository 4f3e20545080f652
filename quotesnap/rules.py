"""The registry of attribution rules, and what a rule finds.

Every decision that gives a quote its source is made by a named function, and the
name a quote carries in ``Quote.rule`` is that function's name: ``rule == "incise"``
points at :func:`quotesnap.attribute.incise` and nowhere else. The functions register
themselves with :func:`rule`, so :data:`RULES` lists them all, stage by stage:

- :mod:`quotesnap.attribute`: sentence rules for quotes in marks (``incise``, ``colon``…);
- :mod:`quotesnap.indirect`: sentence rules for reported speech without marks;
- :mod:`quotesnap.document`: document rules for quotes whose own sentence names nobody
  (a signature line, the sentence after, the previous speaker…).

A sentence rule returns :class:`Attribution` objects; the decorator writes the rule's
name on them, so a helper that builds an attribution for a rule never names a rule
itself.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from .parse import Token

__all__ = ["RULES", "Attribution", "rule"]


@attrs.frozen
class Attribution:
    """What a rule found in a sentence: the cue, the speaker mention's tokens, and, for
    indirect speech, the character range of the reported content.

    ``rule`` is the name of the rule function that found it (written by :func:`rule`).
    """

    cue: Token | None
    speaker: tuple[Token, ...]
    content: tuple[int, int] | None = None
    #: for a pronoun the syntax resolves on its own (« X, qui a rappelé que selon lui
    #: … »), the phrase it stands for: it gives the name, ``speaker`` stays the mention
    refers_to: tuple[Token, ...] = ()
    rule: str = ""


#: Every rule, by name, in the order the modules define them.
RULES: dict[str, Callable[..., Any]] = {}

F = TypeVar("F", bound=Callable[..., Any])


def rule(fn: F) -> F:
    """Register ``fn`` as a rule under its own name. When it returns an
    :class:`Attribution` (or a list of them), each is stamped with that name."""
    name = fn.__name__
    if name in RULES:
        raise ValueError(f"two rules are named {name!r}: rule names must be unique")

    @functools.wraps(fn)
    def stamped(*args: Any, **kwargs: Any) -> Any:
        found = fn(*args, **kwargs)
        if isinstance(found, Attribution):
            return attrs.evolve(found, rule=name)
        if isinstance(found, list):
            return [attrs.evolve(f, rule=name) if isinstance(f, Attribution) else f
                    for f in found]
        return found

    RULES[name] = stamped
    return stamped  # type: ignore[return-value]
