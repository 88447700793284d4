#!/bin/sh
# Score the current pipeline on the third frozen quotation set (README.md): REPORT ONLY.
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/frozen/quotes3/run_frozen.sh [PREFIX]   (default /tmp/frozen-quotes3)
set -e
P=${1:-/tmp/frozen-quotes3}
Q=tests/frozen/quotes3
rm -rf "$P-out" "$P-dump"
.venv/bin/pipeline run --raw $Q/raw --out "$P-out" >/dev/null
echo "== written texts (tests/frozen/quotes3)"
.venv/bin/pipeline evaluate --gold $Q/gold --processed "$P-out" --dump-predictions "$P-dump" | grep '^TOTAL' | grep -v 'n/a'
echo "== per phenomenon"
.venv/bin/python $Q/score_phenomena.py --set $Q/gold $Q/raw "$P-dump"
