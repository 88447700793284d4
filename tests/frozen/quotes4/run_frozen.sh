#!/bin/sh
# Score the current pipeline on the fourth frozen quotation set (README.md): REPORT ONLY.
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/frozen/quotes4/run_frozen.sh [PREFIX]   (default /tmp/frozen-quotes4)
exec sh tests/frozen/quotes/score_set.sh tests/frozen/quotes4 "written texts, set 4" "${1:-/tmp/frozen-quotes4}"
