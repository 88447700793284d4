#!/bin/sh
# Score the current pipeline on the fourth quotation set (README.md; a development set since round 7).
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/dev/quotes4/run_dev.sh [PREFIX]   (default /tmp/dev-quotes4)
exec sh tests/frozen/quotes/score_set.sh tests/dev/quotes4 "written texts, set 4" "${1:-/tmp/dev-quotes4}"
