"""How two values relate, one module per kind of value: figures, money, quantities, dates and
names; :mod:`factcheck.compare.relation.values` chooses among them (``compare_values``)."""
