#!/bin/sh
# Score the current pipeline on helper qnovel6's novel-dialogue texts (README.md; a development set).
# Run from the checkout root with PYTHONPATH set to it; outputs go under a temp prefix.
# usage: tests/dev/quotes7_qnovel6/run_dev.sh [PREFIX]   (default /tmp/dev-quotes7-qnovel6)
exec sh tests/frozen/quotes/score_set.sh tests/dev/quotes7_qnovel6 "novel dialogue, qnovel6" "${1:-/tmp/dev-quotes7-qnovel6}"
