# Fresh machine: python3, pip and make are enough.
#   make demo   set up .venv, build the graph of the seed article into output/
#   make test   set up .venv, run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint bench eval clean

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
