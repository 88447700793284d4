"""Load ``config/pipeline.yaml``, validate each section against its stage's JSON Schema,
and hash each section so that outputs can name the exact configuration they ran under.

A malformed file or an unknown key is a ``ConfigError`` naming the file, line and key.

Word lists shared by several sections are *lexicons*: one file each under ``config/lexicons/``
(``months.yaml``, ...), referenced from the config as ``!lexicon NAME``. The reference is
replaced by the lexicon's content when the file is read, so validation sees the content and
every section hash (hence every output's provenance) changes when a lexicon does. A lexicon is
looked up in ``lexicons/`` next to the config file, then in the project's ``config/lexicons/``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config" / "pipeline.yaml"
LEXICON_DIR = DEFAULT_CONFIG.parent / "lexicons"
_LEXICON_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Config:
    """A loaded config. Its data is read-only once a section's hash has been asked for: the hash
    goes into every output's provenance and is computed once per section (a sorted JSON dump of
    the strip section with its lexicons costs about 2 ms, some 4% of the front end per document)."""
    path: str
    data: dict[str, Any]
    _hashes: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def section(self, name: str) -> dict[str, Any]:
        return self.data.get(name, {}) or {}

    def section_hash(self, name: str) -> str:
        h = self._hashes.get(name)
        if h is None:
            h = self._hashes[name] = hash_json(self.section(name))
        return h


def hash_json(obj: Any) -> str:
    blob = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def load_config(path: str | Path | None = None) -> Config:
    """Read and validate the config file; every error names file, line and key."""
    from .stages import config_schema  # late: the registry imports stage modules

    p = Path(path) if path else DEFAULT_CONFIG
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read config: {exc.strerror}") from None
    try:
        data = _parse(text, p.parent / "lexicons")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{p}{where}: malformed YAML: {problem}") from None
    if data is None:
        raise ConfigError(f"{p}:1: the config file is empty; every stage needs its section "
                          f"(start from {DEFAULT_CONFIG.name} in the project's config/ folder)")
    if not isinstance(data, dict):
        raise ConfigError(f"{p}:1: the config must be a mapping of sections")
    _validate(p, text, data, config_schema())
    _validate_stages(p, data)
    return Config(str(p), data)


def read_yaml(path: str | Path) -> Any:
    """A config file's data with its lexicons resolved, not validated (tools and tests)."""
    p = Path(path)
    return _parse(p.read_text(encoding="utf-8"), p.parent / "lexicons")


def _parse(text: str, lexicon_dir: Path) -> Any:
    loader = UniqueKeyLoader(text)
    loader.lexicon_dir = lexicon_dir
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def lexicon_path(name: str, lexicon_dir: Path | None = None) -> Path:
    """The file of lexicon ``name``: in ``lexicon_dir`` if there, else in the project's."""
    if not _LEXICON_NAME.fullmatch(name):
        raise ConfigError(f"lexicon name {name!r}: lower-case letters, digits and _ only")
    for folder in ([lexicon_dir] if lexicon_dir else []) + [LEXICON_DIR]:
        path = folder / f"{name}.yaml"
        if path.is_file():
            return path
    raise ConfigError(f"unknown lexicon {name!r}: no {name}.yaml in {lexicon_dir or LEXICON_DIR}"
                      + (f" nor {LEXICON_DIR}" if lexicon_dir and lexicon_dir != LEXICON_DIR else ""))


def load_lexicon(name: str, lexicon_dir: Path | None = None) -> Any:
    """The content of lexicon ``name`` (a list or a mapping)."""
    path = lexicon_path(name, lexicon_dir)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=UniqueKeyLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: malformed YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, (list, dict)):
        raise ConfigError(f"{path}: a lexicon is a list or a mapping")
    return data


class UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (the C one where built: ~10x faster), refusing a key given twice in one
    mapping: YAML keeps the last silently, so a section repeated further down would replace
    the first without a word."""


def _construct_unique_mapping(loader: Any, node: Any, deep: bool = False) -> Any:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # "<<: *base" merges on purpose
        key = loader.construct_object(key_node, deep=True)
        try:
            first = seen.setdefault(key, key_node.start_mark.line + 1)
        except TypeError:
            continue  # an unhashable key: the base constructor reports it
        if first != key_node.start_mark.line + 1:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (first given at line {first})", key_node.start_mark)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


UniqueKeyLoader.add_constructor(
    "tag:yaml.org,2002:map", lambda loader, node: _construct_unique_mapping(loader, node))


def _construct_lexicon(loader: Any, node: Any) -> Any:
    """``!lexicon NAME``: the content of ``lexicons/NAME.yaml``."""
    name = loader.construct_scalar(node)
    try:
        return load_lexicon(str(name), getattr(loader, "lexicon_dir", None))
    except ConfigError as exc:
        raise yaml.constructor.ConstructorError(None, None, str(exc), node.start_mark) from None


UniqueKeyLoader.add_constructor("!lexicon", _construct_lexicon)


def _validate_stages(path: Path, data: dict[str, Any]) -> None:
    """Checks a schema cannot make (a stage's ``validate_config(section)``, e.g. that its
    patterns compile), run at load time so a bad rule fails before any document is read."""
    from .stages import stages

    for spec in stages():
        hook = getattr(spec.module, "validate_config", None)
        if hook is not None:
            try:
                hook(data.get(spec.name, {}) or {})
            except ConfigError as exc:
                raise ConfigError(f"{path}: {exc}") from None


def _validate(path: Path, text: str, data: dict[str, Any], schema: dict[str, Any]) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    missing = [e for e in errors if e.validator == "required"]
    if len(missing) == len(errors):  # only keys missing: name them all at once
        names = []
        for e in missing:
            prefix = ".".join(map(str, e.absolute_path))
            names += [f"{prefix}.{k}" if prefix else k for k in e.validator_value
                      if k not in e.instance and (f"{prefix}.{k}" if prefix else k) not in names]
        line = _line_of(yaml.compose(text), list(missing[0].absolute_path))
        raise ConfigError(f"{path}:{line}: missing required key{'s' if len(names) > 1 else ''}: "
                          f"{', '.join(names)}{_rules_using(names)} (a partial config: see {DEFAULT_CONFIG.name} "
                          f"in config/ for every key)")
    err = next(e for e in errors if e.validator != "required")  # other errors first: they name a line
    keys = list(err.absolute_path)
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        keys = keys + extra[:1]
        message = f"unknown key '{'.'.join(map(str, keys))}'"
    else:
        message = f"'{'.'.join(map(str, keys)) or '<top>'}': {err.message}"
    line = _line_of(yaml.compose(text), keys)  # composed only on error: it is slow
    raise ConfigError(f"{path}:{line}: {message}")


def _rules_using(names: list[str]) -> str:
    """`` (parameter of rule X, Y)``: the code rules that read the missing keys, if any."""
    from .rules import code_rules

    def reads(key: str, name: str) -> bool:  # the key itself, a section holding it, or a key inside it
        return key == name or name.startswith(key + ".") or key.startswith(name + ".")

    ids = sorted({r.id for r in code_rules().all() for p in r.params for n in names if reads(f"{r.stage}.{p}", n)})
    return f" (parameter of rule{'s' if len(ids) > 1 else ''} {', '.join(ids)})" if ids else ""


def _line_of(node: Any, keys: list[Any]) -> int:
    """The 1-based line of the YAML node at ``keys`` (or of its nearest existing parent)."""
    line = 1
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == str(key):
                    line = k.start_mark.line + 1
                    node = v
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line
