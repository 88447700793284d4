#!/bin/sh
# Score the current pipeline on the quotation DEV set (texts written for tuning, issue 12). Run from the
# checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/dev/quotes/run_dev.sh [PREFIX]   (default /tmp/dev-quotes)
set -e
P=${1:-/tmp/dev-quotes}
Q=tests/dev/quotes
rm -rf "$P-out" "$P-dump"
.venv/bin/pipeline run --raw $Q/raw --out "$P-out" >/dev/null
echo "== dev texts (tests/dev/quotes)"
.venv/bin/pipeline evaluate --gold $Q/gold --processed "$P-out" --dump-predictions "$P-dump" | grep '^TOTAL' | grep -v 'n/a'
echo "== per phenomenon"
.venv/bin/python $Q/score_phenomena.py --set $Q/gold $Q/raw "$P-dump"
