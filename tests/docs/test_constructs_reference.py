"""docs/constructs.md is generated from the constructs' docstrings and types; a stale copy fails here."""

import keyform.constructs
from keyform.constructs import reference


def test_constructs_reference_is_up_to_date():
    committed = reference.DOC.read_text(encoding="utf-8")
    assert committed == reference.render(), (
        f"docs/constructs.md is stale: run `{reference.COMMAND}` and commit it")


def test_every_public_name_is_documented():
    text = reference.render()
    for name in keyform.constructs.__all__:
        assert f"\n### `{name}`\n" in text, f"{name} is exported but has no section"
    undocumented = [name for name in keyform.constructs.__all__
                    if not reference.docstring(getattr(keyform.constructs, name))]
    assert not undocumented, f"exported without a docstring of their own: {undocumented}"


def test_signatures_attributes_and_fields_come_from_the_code():
    text = reference.render()
    assert "    provider: RestProvider,\n    svm: Optional[str] = None,\n" in text  # OntapKeyManager, keyword-only
    assert "| `key_servers` | `dict[str, ObjectResource]` |" in text  # set in __init__, annotated there
    assert "| `promotion` | `Operation` |" in text  # set in __init__ from a call
    assert "| `secondaries` | `Sequence[str]` | `()` |" in text  # a KeyServer field and its default
    assert ("ontap_provider(\n    scope: Construct,\n    name: str,\n    base_url: str,\n"
            "    username: Optional[str] = 'admin',\n    ca_cert_file: Optional[str] = None,\n"
            ") -> RestProvider") in text
