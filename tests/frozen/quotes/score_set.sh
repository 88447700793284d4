#!/bin/sh
# Score the current pipeline on one folder of written quotation texts (raw/, gold/, phenomena.yaml):
# the TOTAL lines, then the per-phenomenon table of this folder's score_phenomena.py.
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/frozen/quotes/score_set.sh SET_DIR LABEL PREFIX
set -e
Q=$1
P=$3
rm -rf "$P-out" "$P-dump"
.venv/bin/pipeline run --raw "$Q/raw" --out "$P-out" >/dev/null
echo "== $2 ($Q)"
.venv/bin/pipeline evaluate --gold "$Q/gold" --processed "$P-out" --dump-predictions "$P-dump" | grep '^TOTAL' | grep -v 'n/a'
echo "== per phenomenon"
.venv/bin/python tests/frozen/quotes/score_phenomena.py --set "$Q/gold" "$Q/raw" "$P-dump" --phenomena "$Q/phenomena.yaml"
