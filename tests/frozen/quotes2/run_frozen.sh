#!/bin/sh
# Score the current pipeline on the second frozen quotation set (README.md): REPORT ONLY.
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/frozen/quotes2/run_frozen.sh [PREFIX]   (default /tmp/frozen-quotes2)
exec sh tests/frozen/quotes/score_set.sh tests/frozen/quotes2 "written texts" "${1:-/tmp/frozen-quotes2}"
