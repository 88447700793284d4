#!/bin/sh
# Score the current pipeline on the quotation DEV set (texts written for tuning, issue 12). Run from the
# checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/dev/quotes/run_dev.sh [PREFIX]   (default /tmp/dev-quotes)
exec sh tests/frozen/quotes/score_set.sh tests/dev/quotes "dev texts" "${1:-/tmp/dev-quotes}"
