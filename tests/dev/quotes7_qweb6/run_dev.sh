#!/bin/sh
# Score the current pipeline on the qweb6 development texts (README.md).
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/dev/quotes7_qweb6/run_dev.sh [PREFIX]   (default /tmp/dev-quotes7-qweb6)
exec sh tests/frozen/quotes/score_set.sh tests/dev/quotes7_qweb6 "web register, qweb6" "${1:-/tmp/dev-quotes7-qweb6}"
