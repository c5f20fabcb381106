"""`terraform providers schema -json`: what cdktf and users see of the provider."""

from __future__ import annotations

import json

from tests.provider.conftest import SOURCE, config


def test_schema_lists_everything_with_descriptions(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, ""))
    tf.init()
    schemas = json.loads(tf.run("providers", "schema", "-json").stdout)["provider_schemas"]
    rest = schemas[SOURCE]

    assert sorted(rest["resource_schemas"]) == ["rest_object", "rest_operation"]
    assert sorted(rest["data_source_schemas"]) == ["rest_object"]
    blocks = {
        "provider": rest["provider"]["block"],
        "resource rest_object": rest["resource_schemas"]["rest_object"]["block"],
        "resource rest_operation": rest["resource_schemas"]["rest_operation"]["block"],
        "data source rest_object": rest["data_source_schemas"]["rest_object"]["block"],
    }
    undescribed = [f"{where}.{name}" for where, block in blocks.items()
                   for name, attribute in block["attributes"].items() if not attribute.get("description", "").strip()]
    assert undescribed == []
    assert all(block.get("description", "").strip() for block in blocks.values())

    obj = blocks["resource rest_object"]["attributes"]
    # the settings of the calls are keys of one JSON attribute: Terraform's CPU per object grows with the count
    assert sorted(obj) == ["api", "data", "id", "path", "response", "write_only_data", "write_only_data_version"]
    assert rest["resource_schemas"]["rest_object"]["version"] == 2
    assert obj["api"].get("optional") and obj["api"]["type"] == "string"
    assert obj["write_only_data"].get("write_only") is True and obj["write_only_data"].get("sensitive") is True
    assert obj["id"].get("computed") and obj["response"].get("computed")
    assert obj["path"].get("required") and obj["data"].get("required")
    op = blocks["resource rest_operation"]["attributes"]
    assert op["sensitive_output_values"].get("sensitive") is True
    assert {name for name, a in blocks["provider"]["attributes"].items() if a.get("sensitive")} == {
        "password", "bearer_token", "token", "headers", "secrets"}
