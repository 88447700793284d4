"""The rules registry: every rule the pipeline applies is declared here once, with its id, its
stage, a one-line *why* and its parameters (JSON-Schema properties of the config keys it reads).

Two kinds of declaration feed one registry:

- **code rules**: ids minted by Python code, declared with ``declare(...)`` or the ``@rule(...)``
  decorator. Today the declarations of the existing ids sit in ``pipeline/rules_catalog/``, one
  module per stage; later work moves each declaration next to the function that applies it
  (``@rule`` on that function) and the stage code then uses the returned id instead of a literal.
- **config rules**: blocks of ``config/pipeline.yaml`` that carry ``id`` and ``description``
  (strip ``block_rules`` / ``inline_rules``, the copyright rule blocks). They are registered when a
  config is loaded (``registry(config)``); their parameters are the block's other keys.

A parameter given as a dotted path (``"text.max_gap"``) names a key of the stage's config section;
its JSON-Schema property is looked up in the stage's ``CONFIG_SCHEMA`` (and shown with its value in
the loaded config). Declaring an id twice is a ``RuleError``. ``get(id)`` also resolves ids of a
*family* rule (``extract.skip`` covers ``extract.skip.script``), for ids built from a config value.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from .errors import PipelineError

# The order `pipeline rules` lists stages in: the per-document stages, then the corpus step.
STAGE_ORDER = ("extract", "strip", "normalise", "quotes", "copyright", "publish", "corpus")
CONFIG_RULE_KEYS = ("id", "description")


class RuleError(PipelineError):
    """A rule declared twice, or an id no declaration covers."""


@dataclass(frozen=True)
class Rule:
    id: str
    stage: str
    why: str
    params: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    fn: Callable[..., Any] | None = None
    origin: str = "code"          # "code" (a declaration in Python) or "config" (a config block)
    family: bool = False          # the id is a prefix: "extract.skip" covers "extract.skip.<element>"

    def covers(self, rule_id: str) -> bool:
        return rule_id == self.id or (self.family and rule_id.startswith(self.id + "."))


class Registry:
    """Rules by id; adding an id that is already there is an error naming both origins."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        for r in rules:
            self.add(r)

    def add(self, r: Rule) -> Rule:
        old = self._rules.get(r.id)
        if old is not None:
            raise RuleError(f"rule {r.id} declared twice ({old.origin} and {r.origin})")
        if "." not in r.id or not r.why.strip():
            raise RuleError(f"rule {r.id!r}: an id is 'stage.name' and every rule says why")
        self._rules[r.id] = r
        return r

    def find(self, rule_id: str) -> Rule | None:
        """The rule declaring ``rule_id``: itself, or the longest family rule that covers it."""
        if rule_id in self._rules:
            return self._rules[rule_id]
        parts = rule_id.split(".")
        for n in range(len(parts) - 1, 0, -1):
            r = self._rules.get(".".join(parts[:n]))
            if r is not None and r.family:
                return r
        return None

    def get(self, rule_id: str) -> Rule:
        r = self.find(rule_id)
        if r is None:
            raise RuleError(f"unknown rule {rule_id!r} (see `pipeline rules`)")
        return r

    def all(self) -> list[Rule]:
        order = {s: i for i, s in enumerate(STAGE_ORDER)}
        return sorted(self._rules.values(), key=lambda r: (order.get(r.stage, len(order)), r.id))

    def __contains__(self, rule_id: object) -> bool:
        return isinstance(rule_id, str) and self.find(rule_id) is not None

    def __len__(self) -> int:
        return len(self._rules)


# ------------------------------------------------------------------------------ code rules
_CODE = Registry()
_CATALOG_LOADED = False


def declare(rule_id: str, *, stage: str, why: str, params: Mapping[str, Any] | Iterable[str] | None = None,
            fn: Callable[..., Any] | None = None, family: bool = False) -> str:
    """Declare a code rule; returns its id (for the code that applies it)."""
    _CODE.add(Rule(rule_id, stage, why, _params(params), fn, "code", family))
    return rule_id


def rule(rule_id: str, *, stage: str, why: str, params: Mapping[str, Any] | Iterable[str] | None = None,
         family: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: declare the decorated function as the rule ``rule_id``."""
    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        declare(rule_id, stage=stage, why=why, params=params, fn=fn, family=family)
        return fn
    return wrap


def _params(params: Mapping[str, Any] | Iterable[str] | None) -> dict[str, dict[str, Any]]:
    """Parameters as ``{name: JSON-Schema property}``; a bare name stands for ``{}`` (resolved later)."""
    if params is None:
        return {}
    if isinstance(params, Mapping):
        return {k: dict(v) for k, v in params.items()}
    return {k: {} for k in params}


def _load_catalog() -> None:
    global _CATALOG_LOADED
    if not _CATALOG_LOADED:
        _CATALOG_LOADED = True
        importlib.import_module("pipeline.rules_catalog")


def code_rules() -> Registry:
    _load_catalog()
    return _CODE


# ------------------------------------------------------------------------------ config rules
def config_rules(data: Mapping[str, Any]) -> list[Rule]:
    """Rules declared by config blocks with ``id`` and ``description`` (any depth of a section)."""
    out: list[Rule] = []
    for section, body in data.items():
        for block in _id_blocks(body):
            params = {k: _schema_of(v) for k, v in block.items() if k not in CONFIG_RULE_KEYS}
            out.append(Rule(block["id"], section, str(block.get("description") or ""), params, None, "config"))
            if block.get("continues_to_next_fragment"):
                out.append(Rule(block["id"] + ".holder", section,
                                f"the fragment after a {block['id']} line (the notice's holder) goes with it",
                                {}, None, "config"))
    return out


def _id_blocks(node: Any) -> Iterable[dict[str, Any]]:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str) and "description" in node:
            yield node
            return
        for v in node.values():
            yield from _id_blocks(v)
    elif isinstance(node, list):
        for v in node:
            yield from _id_blocks(v)


def _schema_of(value: Any) -> dict[str, Any]:
    """A JSON-Schema property for a config value, with the value as its default."""
    kinds = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array"), (dict, "object"))
    kind = next((k for t, k in kinds if isinstance(value, t)), None)
    return {**({"type": kind} if kind else {}), "default": value}


_CACHE: dict[tuple[str, str], Registry] = {}


def registry(config: Any = None) -> Registry:
    """Every rule: the code rules plus the rules of ``config`` (default: the project config)."""
    from .config import hash_json, load_config

    cfg = config if config is not None else load_config(None)
    key = (cfg.path, hash_json(cfg.data))
    if key not in _CACHE:
        reg = Registry(code_rules().all())
        for r in config_rules(cfg.data):
            reg.add(r)
        _CACHE[key] = reg
    return _CACHE[key]


def get(rule_id: str, config: Any = None) -> Rule:
    return registry(config).get(rule_id)


def all_rules(config: Any = None) -> list[Rule]:
    return registry(config).all()


def resolved_params(r: Rule, config: Any = None) -> dict[str, dict[str, Any]]:
    """The rule's parameters, each its schema property plus ``value``: what the loaded config sets."""
    from .config import load_config

    cfg = config if config is not None else load_config(None)
    if r.origin == "config":
        return {k: {**v, "value": v.get("default")} for k, v in r.params.items()}
    schema = _stage_schema(r.stage)
    section = cfg.section(r.stage)
    out = {}
    for name, prop in r.params.items():
        found, value = _lookup(section, name.split("."))
        out[name] = {**_schema_at(schema, name.split(".")), **prop, **({"value": value} if found else {})}
    return out


def _stage_schema(stage: str) -> dict[str, Any]:
    from .stages import config_schema

    return config_schema().get("properties", {}).get(stage, {})


def _schema_at(schema: dict[str, Any], path: list[str]) -> dict[str, Any]:
    for key in path:
        schema = (schema.get("properties") or {}).get(key) or {}
    return {k: v for k, v in schema.items() if k in ("type", "default", "description", "enum", "minimum", "maximum")}


def _lookup(section: Any, path: list[str]) -> tuple[bool, Any]:
    for key in path:
        if not isinstance(section, dict) or key not in section:
            return False, None
        section = section[key]
    return True, section
