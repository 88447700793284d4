"""The rules registry: every rule the pipeline applies is declared here once, with its id, its
stage, a one-line *why* and its parameters (JSON-Schema properties of the config keys it reads).

Two kinds of declaration feed one registry:

- **code rules**: ids minted by Python code, declared at the top of the module that applies the
  rule, ``X = declare("strip.text.main_body", stage=..., why=..., params=[...])`` (or by the
  ``@rule(...)`` decorator on its function); the code uses the constant, never the id as a string
  (``tests/test_rules_registry.py`` scans for literals). The registry imports every module of the
  stage packages, the helper modules their ``CODE_DEPS`` name and ``CORPUS_MODULES``.
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
import pkgutil
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Mapping

from .errors import PipelineError

# The order `pipeline rules` lists stages in: the per-document stages, then the corpus step.
STAGE_ORDER = ("extract", "strip", "normalise", "quotes", "copyright", "publish", "corpus")
CONFIG_RULE_KEYS = ("id", "description")
CORPUS_MODULES = ("pipeline.corpus",)   # the corpus step's modules (not stages): they declare its rules


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
    kind: str | None = None       # the group of its stage's rules it belongs to, which other rules ask for
                                  # (``kind_of``): strip's "html" page and "text" dump structure decisions

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
_DECLARATIONS_LOADED = False


def declare(rule_id: str, *, stage: str, why: str, params: Mapping[str, Any] | Iterable[str] | None = None,
            fn: Callable[..., Any] | None = None, family: bool = False, kind: str | None = None,
            into: Registry | None = None) -> str:
    """Declare a code rule (in the project registry, or ``into`` another); returns its id."""
    (_CODE if into is None else into).add(Rule(rule_id, stage, why, _params(params), fn, "code", family, kind))
    return rule_id


def kind_of(rule_id: str) -> str | None:
    """The ``kind`` of the code rule declaring ``rule_id`` (None: no kind, or no code rule): how a
    rule tells the decisions of a group of rules from others' ("was this line kept by the text-dump
    structure rules?") without reading the id's spelling."""
    r = code_rules().find(rule_id)
    return r.kind if r is not None else None


def declared(rule_id: str) -> Rule | None:
    """The code rule declared with exactly this id so far, if any."""
    return _CODE._rules.get(rule_id)


def attach(rule_id: str, fn: Callable[..., Any]) -> None:
    """Name ``fn`` as the function of the declared rule ``rule_id`` (a decorator registering it)."""
    _CODE._rules[rule_id] = replace(_CODE._rules[rule_id], fn=fn)


def rule(rule_id: str, *, stage: str, why: str, params: Mapping[str, Any] | Iterable[str] | None = None,
         family: bool = False, kind: str | None = None,
         into: Registry | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: declare the decorated function as the rule ``rule_id``."""
    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        declare(rule_id, stage=stage, why=why, params=params, fn=fn, family=family, kind=kind, into=into)
        return fn
    return wrap


def _params(params: Mapping[str, Any] | Iterable[str] | None) -> dict[str, dict[str, Any]]:
    """Parameters as ``{name: JSON-Schema property}``; a bare name stands for ``{}`` (resolved later)."""
    if params is None:
        return {}
    if isinstance(params, Mapping):
        return {k: dict(v) for k, v in params.items()}
    return {k: {} for k in params}


def _load_declarations() -> None:
    global _DECLARATIONS_LOADED
    if not _DECLARATIONS_LOADED:
        _DECLARATIONS_LOADED = True
        from .stages import stages

        from .stages import _code_deps

        for spec in stages():   # modules declare their rules when imported
            if hasattr(spec.module, "__path__"):   # a stage package: every module of it (quotes/: its forms)
                for info in pkgutil.iter_modules(spec.module.__path__):
                    importlib.import_module(f"{spec.module.__name__}.{info.name}")
            for rel in _code_deps(spec.name):      # the helpers it names (quoting/: resolvers' rules)
                if rel.endswith(".py"):
                    importlib.import_module("pipeline." + rel[:-3].replace("/", ".").removesuffix(".__init__"))
        for name in CORPUS_MODULES:
            importlib.import_module(name)


def code_rules() -> Registry:
    _load_declarations()
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
                out.append(Rule(holder_id(block["id"]), section,
                                f"the fragment after a {block['id']} line (the notice's holder) goes with it",
                                {}, None, "config"))
    return out


def holder_id(rule_id: str) -> str:
    """The rule of the fragment a config rule's line continues onto (``continues_to_next_fragment``:
    a copyright notice's holder on the next line)."""
    return rule_id + ".holder"


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


_CACHE: dict[tuple[str, str, int], Registry] = {}


def registry(config: Any = None) -> Registry:
    """Every rule: the code rules plus the rules of ``config`` (default: the project config)."""
    from .config import hash_json, load_config

    cfg = config if config is not None else load_config(None)
    code = code_rules()
    key = (cfg.path, hash_json(cfg.data), len(code))   # a code rule declared later invalidates
    if key not in _CACHE:
        reg = Registry(code.all())
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
        entry = {**_schema_at(schema, name.split(".")), **prop, **({"value": value} if found else {})}
        if found and "type" not in entry:
            entry["type"] = _schema_of(value).get("type", "?")
        out[name] = entry
    return out


def check_config(config: Any = None) -> None:
    """A ``ConfigError`` naming the rule and key when a code rule's parameter is not in the config
    (parameters have no defaults in code: the config or its schema supplies every one)."""
    from .errors import ConfigError

    for r in all_rules(config):
        if r.origin == "code":
            for name, p in resolved_params(r, config).items():
                if "value" not in p and "default" not in p:
                    raise ConfigError(f"rule {r.id}: parameter {r.stage}.{name} is missing from the config")


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


# ------------------------------------------------------------------------------ `pipeline rules`
def _fmt_param(name: str, p: dict[str, Any]) -> str:
    kind = p.get("type", "?")
    val = f" = {p['value']!r}" if "value" in p else " (not set in the config)"
    default = f" (default {p['default']!r})" if "default" in p and p.get("default") != p.get("value") else ""
    text = f"{name}: {kind}{val}{default}"
    return text if len(text) <= 160 else text[:157] + "..."


def describe(r: Rule, config: Any = None) -> list[str]:
    lines = [f"{r.id}  [{r.stage}, {r.origin}{', family' if r.family else ''}{f', kind {r.kind}' if r.kind else ''}]  {r.why}"]
    if r.fn is not None:
        lines.append(f"    function: {r.fn.__module__}.{r.fn.__qualname__}")
    lines += [f"    {_fmt_param(k, v)}" for k, v in resolved_params(r, config).items()]
    return lines


def _rules_args(p: Any) -> None:
    from pathlib import Path

    p.add_argument("id", nargs="?", default=None, help="a rule id: show it and where it fired")
    p.add_argument("--out", type=Path, default=Path("processed"), help="processed folder (default: processed)")
    p.add_argument("--config", default=None, help="config file (default: config/pipeline.yaml)")
    p.add_argument("--stage", choices=STAGE_ORDER, default=None, help="list only this stage's rules")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")


def _rules_main(args: Any) -> int:
    import json

    from .config import load_config

    config = load_config(args.config)
    if args.id is None:
        rows = [r for r in all_rules(config) if args.stage in (None, r.stage)]
        if args.json:
            print(json.dumps([_as_json(r, config) for r in rows], ensure_ascii=False, indent=2))
        else:
            for r in rows:
                print("\n".join(describe(r, config)))
            print(f"{len(rows)} rules")
        return 0
    r = get(args.id, config)
    counts = fired_in(args.out, args.id if r.id != args.id else r)
    if args.json:
        print(json.dumps({**_as_json(r, config), "fired": counts}, ensure_ascii=False, indent=2))
        return 0
    print("\n".join(describe(r, config)))
    if counts is None:
        print(f"no processed corpus in {args.out} (run `pipeline run` or `make all` first)")
        return 0
    total = {k: sum(c[k] for c in counts.values()) for k in ("fired", "records", "chars_removed")}
    print(f"fired in {args.out}: {total['fired']} times in {len(counts)} documents "
          f"({total['records']} records made, {total['chars_removed']} characters removed)")
    for doc_id, c in counts.items():
        print(f"  {doc_id}: fired {c['fired']}, records {c['records']}, chars removed {c['chars_removed']}")
    return 0


def _as_json(r: Rule, config: Any) -> dict[str, Any]:
    return {"id": r.id, "stage": r.stage, "origin": r.origin, "family": r.family, "kind": r.kind, "why": r.why,
            "params": resolved_params(r, config)}


def fired_in(out_dir: Any, target: "Rule | str") -> dict[str, dict[str, int]] | None:
    """Per document (and ``corpus`` for the corpus step), the counts of ``target`` (a rule: it and
    its family's ids; an id: that id), read from the stage outputs of ``out_dir``."""
    from pathlib import Path

    from . import rule_stats
    from .stages import stages

    out_dir = Path(out_dir)
    folder = out_dir / stages()[0].folder
    if not folder.is_dir():
        return None
    match = target.covers if isinstance(target, Rule) else target.__eq__
    out: dict[str, dict[str, int]] = {}
    doc_ids = sorted(p.name[:-len(".json")] for p in folder.glob("*.json"))
    per_doc = {d: rule_stats.document_stats(rule_stats.read_outputs(out_dir, d)) for d in doc_ids}
    per_doc["corpus"] = rule_stats.corpus_stats(out_dir)
    for doc_id, stats in per_doc.items():
        hits = [c for rid, c in stats.items() if match(rid)]
        if hits:
            out[doc_id] = {k: sum(c[k] for c in hits) for k in rule_stats.COUNTS}
    return out


COMMANDS = {
    "rules": ("list every rule (id, stage, parameters, why); with an ID, where it fired in a processed folder",
              _rules_args, _rules_main),
}
