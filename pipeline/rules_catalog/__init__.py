"""Declarations of the rule ids that stage code mints today, one module per stage.

A stop-gap: each declaration moves next to the function that applies it (as ``@rules.rule``)
when its stage is reworked; until then this is where an id's one-line *why* and the config keys
it reads are written down. Config-declared rules (strip patterns, copyright signals) are not
here: they are registered from the config (``pipeline.rules.config_rules``).
"""

from . import quotes  # noqa: F401 - importing declares
