"""A provenance-aware text-processing pipeline: raw web pages to sourced, quotable records."""

__version__ = "0.1.0"
