"""The shared text toolkit: what a word, a sentence end, a date, a name and a quote mark are,
written once and used by every stage (``words``, ``sentences``, ``dates``, ``names``, ``marks``).

Where two stages counted differently and their thresholds were set on their own count, the
variants are kept side by side here under names that say how they differ (and which stage
reads which), so that a threshold keeps meaning what it meant. Word lists (months,
valedictions, ...) are not here: they are lexicons under ``config/lexicons/``, referenced from
the config with ``!lexicon NAME``.
"""
