#!/bin/sh
# Score the current pipeline on the qweb7 development texts (README.md).
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/dev/quotes8_qweb7/run_dev.sh [PREFIX]   (default /tmp/dev-quotes8-qweb7)
exec sh tests/frozen/quotes/score_set.sh tests/dev/quotes8_qweb7 "web register, qweb7" "${1:-/tmp/dev-quotes8-qweb7}"
