#!/bin/sh
# Score the current pipeline on the frozen quotation set (README.md). Run from the checkout
# root with PYTHONPATH set to it. Outputs go under a temp prefix, never into the project;
# the wcxb pages are copied to a temp folder, not into the project (licence).
# usage: tests/frozen/quotes/run_frozen.sh [PREFIX]   (default /tmp/frozen-quotes)
set -e
P=${1:-/tmp/frozen-quotes}
BENCH=${BENCH:-/work/shared/bench}
Q=tests/frozen/quotes
rm -rf "$P-out" "$P-dump" "$P-wcxb-raw" "$P-wcxb-out" "$P-wcxb-dump"
mkdir -p "$P-wcxb-raw"
for f in $Q/gold_wcxb/*.yaml; do cp "$BENCH/wcxb-dev/raw_text/$(basename "$f" .yaml).txt" "$P-wcxb-raw/"; done
.venv/bin/pipeline run --raw $Q/raw --out "$P-out" >/dev/null
.venv/bin/pipeline run --raw "$P-wcxb-raw" --out "$P-wcxb-out" >/dev/null
echo "== written texts (gold/)"
.venv/bin/pipeline evaluate --gold $Q/gold --processed "$P-out" --dump-predictions "$P-dump" | grep '^TOTAL' | grep -v 'n/a'
echo "== wcxb-dev pages (gold_wcxb/)"
.venv/bin/pipeline evaluate --gold $Q/gold_wcxb --processed "$P-wcxb-out" --dump-predictions "$P-wcxb-dump" | grep '^TOTAL' | grep -v 'n/a'
echo "== per phenomenon (most specific prediction, GOLD_FORMAT.md)"
.venv/bin/python $Q/score_phenomena.py --set $Q/gold $Q/raw "$P-dump" \
    --set $Q/gold_wcxb "$BENCH/wcxb-dev/raw_text" "$P-wcxb-dump"
