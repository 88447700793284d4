#!/bin/sh
# Score the current pipeline on the qnews6 news set (README.md; a development set, round 10).
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/dev/quotes7_qnews6/run_dev.sh [PREFIX]   (default /tmp/dev-quotes7-qnews6)
exec sh tests/frozen/quotes/score_set.sh tests/dev/quotes7_qnews6 "news texts, qnews6" "${1:-/tmp/dev-quotes7-qnews6}"
