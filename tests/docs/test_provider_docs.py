"""docs/provider.md is generated from the schemas; a stale copy fails here."""

from keyform.provider import docs


def test_provider_reference_is_up_to_date():
    committed = docs.DOC.read_text(encoding="utf-8")
    assert committed == docs.render(), "docs/provider.md is stale: run `python -m keyform.provider.docs` and commit it"


def test_every_attribute_is_described():
    text = docs.render()
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) > 40
    undescribed = [row for row in rows if row.rstrip().endswith("|  |")]
    assert not undescribed, undescribed
