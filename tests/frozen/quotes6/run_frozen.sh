#!/bin/sh
# Score the current pipeline on the sixth frozen quotation set (README.md): REPORT ONLY.
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/frozen/quotes6/run_frozen.sh [PREFIX]   (default /tmp/frozen-quotes6)
exec sh tests/frozen/quotes/score_set.sh tests/frozen/quotes6 "written texts, set 6" "${1:-/tmp/frozen-quotes6}"
