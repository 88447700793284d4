#!/bin/sh
# Score the current pipeline on the fifth frozen quotation set (README.md): REPORT ONLY.
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/frozen/quotes5/run_frozen.sh [PREFIX]   (default /tmp/frozen-quotes5)
exec sh tests/frozen/quotes/score_set.sh tests/frozen/quotes5 "written texts" "${1:-/tmp/frozen-quotes5}"
