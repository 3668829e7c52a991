# Two commands set pidato up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/pidato preprocess corpus/ -o build/passages.csv --force
	$(BIN)/pidato tag corpus/ -o build/tagged.csv --force --quiet
	$(BIN)/pidato report build/tagged.csv --by doc_speaker --by year -o build/report.html --markdown build/report.md --csv build/tables --force

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/preprocess.py
	$(BIN)/python benchmarks/stem_eval.py

clean:
	rm -rf $(VENV) build
