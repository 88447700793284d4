"""The registry of quotation forms (detectors) and speaker resolvers, by rule id.

Each detector or resolver is a Builder method decorated with ``@register(id, why)``; the
builder runs the detectors in their order, and ``registered()`` lists every rule with the
one-line reason it is defended on unseen text (docs/QUOTES.md). A module that also uses the id
as a value declares it first (``X = rules.declare(...)``) and registers ``@register(X)``: the
declaration's why is the rule's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ... import rules


@dataclass(frozen=True)
class Entry:
    id: str
    why: str
    attr: str          # the Builder method that implements it
    order: int         # detectors run in this order (structures before inline quotations)
    kind: str          # "detector" (finds quotations) or "resolver" (finds or checks speakers)


_REGISTRY: dict[str, Entry] = {}


def register(rule_id: str, why: str | None = None, order: int = 100, kind: str | None = None) -> Callable[[Any], Any]:
    """Register a Builder method under a rule id, with why the rule holds (or its declaration's)."""
    def deco(fn: Any) -> Any:
        k = kind or ("resolver" if ".speaker." in rule_id else "detector")
        if rule_id in _REGISTRY and _REGISTRY[rule_id].attr != fn.__name__:
            raise ValueError(f"rule {rule_id} registered twice")
        declared = rules.declared(rule_id)
        text = why if why is not None else declared.why if declared is not None else ""
        if declared is not None:  # declared by its module: the function is attached to it
            rules.attach(rule_id, fn)
        elif rule_id not in _REGISTRY:  # one declaration in the project's rules layer too
            rules.declare(rule_id, stage="quotes", why=text, fn=fn)
        _REGISTRY[rule_id] = Entry(rule_id, text, fn.__name__, order, k)
        return fn
    return deco


def registered(kind: str | None = None) -> list[Entry]:
    return sorted((e for e in _REGISTRY.values() if kind is None or e.kind == kind), key=lambda e: (e.order, e.id))


def detectors() -> list[Entry]:
    return registered("detector")


def resolvers() -> list[Entry]:
    return registered("resolver")
