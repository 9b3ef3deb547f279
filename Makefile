# Convenience only: the same two commands as the top of README.md.
.PHONY: demo test bench

demo:
	python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/factcheck check examples/release_ko.txt examples/release_en.txt examples/article_en.txt --glossary examples/glossary.csv --fail-on none

test:
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest -q

bench:
	.venv/bin/python benchmarks/speed_extract.py
