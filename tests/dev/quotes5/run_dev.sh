#!/bin/sh
# Score the current pipeline on the fifth quotation set (README.md; a development set since round 9).
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/dev/quotes5/run_dev.sh [PREFIX]   (default /tmp/dev-quotes5)
exec sh tests/frozen/quotes/score_set.sh tests/dev/quotes5 "written texts, set 5" "${1:-/tmp/dev-quotes5}"
