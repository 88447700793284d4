#!/usr/bin/env python3
"""Per-phenomenon scores for the third frozen quotation set: the first frozen set's scorer, reading this folder's phenomena.yaml."""
import pathlib
import runpy
import sys

HERE = pathlib.Path(__file__).resolve().parent
ns = runpy.run_path(str(HERE.parent / "quotes" / "score_phenomena.py"), run_name="scorer")
ns["load_sets"].__globals__["HERE"] = HERE
sys.exit(ns["main"]())
