# Fresh machine: python3, pip and make are enough.
#   make demo   set up .venv, build the graph of the seed article into output/
#   make test   set up .venv, run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint bench eval eval-real eval-report clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds/ --out output/
	@echo "Outputs are in output/: triples.jsonl entities.jsonl graph.ttl graph.graphml graph.html"

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: demo
	$(BIN)/kg eval tests/gold/000_f11f25e23ec2aca4.gold.json output/

lint: $(STAMP)
	$(BIN)/ruff check kg tests bench scripts

bench: $(STAMP)
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) output/*.jsonl output/graph.*

# Real news (../shared/corpus/hindi-news): score the dev and test splits, each article built on its own.
REAL_TEXTS ?= ../shared/corpus/hindi-news/hi
REAL_GOLD  ?= tests/gold/hindi-news/gold
eval-real: $(STAMP)
	@test -d "$(REAL_TEXTS)" || { echo "eval-real: $(REAL_TEXTS) does not exist; give the articles' folder: make eval-real REAL_TEXTS=DIR" >&2; exit 2; }
	$(BIN)/kg eval $(REAL_GOLD) --split dev --texts $(REAL_TEXTS)
	$(BIN)/kg eval $(REAL_GOLD) --split test --texts $(REAL_TEXTS) --calibration

# The table of docs/evaluation.md: rules only / model only / combined on dev (cross-validated) and test.
eval-report: $(STAMP)
	@test -d "$(REAL_TEXTS)" || { echo "eval-report: $(REAL_TEXTS) does not exist; give the articles' folder: make eval-report REAL_TEXTS=DIR" >&2; exit 2; }
	$(BIN)/python scripts/eval_report.py --texts $(REAL_TEXTS)
