# Convenience only: the same two commands as the top of README.md.
.PHONY: demo test bench lock check-data

demo:
	python3 -m venv .venv && .venv/bin/pip install -q -c constraints/test.txt -e . && .venv/bin/factcheck check examples/release_ko.txt examples/release_en.txt examples/article_en.txt --glossary examples/glossary.csv --fail-on none

test:
	python3 -m venv .venv && .venv/bin/pip install -q -c constraints/test.txt -e '.[test]' && .venv/bin/python -m pytest -q

bench:
	.venv/bin/python benchmarks/speed_extract.py

# Refresh the lock file (constraints/test.txt) from the package index: see scripts/lock.py.
lock:
	python3 scripts/lock.py

# Fail in one line when the installed babel or pint builds different generated data.
check-data:
	.venv/bin/python scripts/gen_cldr.py --check && .venv/bin/python scripts/gen_places.py --check && .venv/bin/python scripts/gen_units.py --check && .venv/bin/python scripts/gen_letters.py --check
