"""The enzyme-product table (rules/products.yaml): an enzyme that "activates" its own product makes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathwaygen.errors import RuleError
from pathwaygen.lexicon import get_lexicon
from pathwaygen.rules import load_products
from tests.test_extract import recognised_triples


def test_every_product_is_a_chemical_and_every_enzyme_pattern_names_an_entity():
    lex = get_lexicon()
    lex.index_of("")  # (builds the id index)
    ids = list(lex._by_id)
    for pattern, products in load_products().entries:
        assert any(pattern.fullmatch(i) for i in ids), pattern.pattern
        for product in products:
            entity = lex.by_id(product)
            assert entity is not None and entity.type == "chemical", product


@pytest.mark.parametrize("caption,expected", [
    ("Adenylyl cyclase activates cAMP.", ("ADCY", "produces", "camp")),
    ("PLCβ increases IP3 and DAG.", ("PLCB", "produces", "ip3")),
    ("eNOS activates NO in endothelial cells.", ("NOS3", "produces", "nitric oxide")),
])
def test_an_enzyme_activating_its_product_produces_it(caption, expected):
    found = recognised_triples(caption)
    assert expected in found
    assert (expected[0], "activates", expected[2]) not in found


@pytest.mark.parametrize("caption,expected", [
    # a receptor that raises cAMP is no cyclase
    ("The β2-adrenergic receptor increases cAMP.", ("ADRB2", "activates", "camp")),
    # an enzyme and a chemical it does not make
    ("Adenylyl cyclase activates IP3.", ("ADCY", "activates", "ip3")),
    # only activation becomes production
    ("PTEN inhibits PIP3.", ("PTEN", "inhibits", "pip3")),
])
def test_other_pairs_keep_their_relation(caption, expected):
    assert expected in recognised_triples(caption)


@pytest.mark.parametrize("body,message", [
    ("- enzymes: 'ADCY\\\\d*'\n", "entry 1"),
    ("- enzymes: '(unclosed'\n  products: [camp]\n", "does not compile"),
    ("enzymes: ADCY\n", "expected a list"),
])
def test_a_malformed_table_is_a_rule_error_naming_the_file(tmp_path: Path, body, message):
    path = tmp_path / "products.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_products(str(path))
    assert "products.yaml" in str(err.value) and message in str(err.value)
