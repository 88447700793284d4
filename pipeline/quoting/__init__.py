"""Helpers of the quotes stage: text units, quote marks, dates, references, attribution lines, speakers."""
