"""No secret reaches the report, wherever the plan JSON holds it."""

from __future__ import annotations

from keyform.plan_report import StackPlan, markdown
from keyform.plan_report.mask import (REDACTED, Scrubber, collect_secrets, is_secret_key, is_sensitive, mask_value,
                                      safe_url)
from tests.plan_report.plans import canonical, change, dr_call, dr_values, key_server, kmip_server, plan

SECRETS = {
    "data_password": "S3cret-in-data-7f1e",
    "activation": "eyJhZGRyIjoiaHR0cDovL3ZhdWx0LWEifQ.c2VjcmV0LWFjdGl2YXRpb24",
    "response_token": "hvs.response-token-0b2d",
    "digest": "pbkdf2-sha256$1000$9838bad1$05462ef843e2",
    "variable": "var-kmip-password-51aa",
    "output": "output-secret-c0ffee",
    "marked_host": "hidden-host-a91.example.com",
    "trigger": "trigger-secret-77ab",
    "url_password": "url-pw-1234",
}


def leaky_plan() -> dict:
    s = SECRETS
    document = plan(
        # a password written into data by mistake, changed
        key_server(["update"], "10.0.0.5:5696", extra_before={"password": "old-" + s["data_password"]},
                   extra_after={"password": s["data_password"]}, password_before=1, password_after=2),
        # the activation token in state (sensitive_output_values), revoked on destroy
        dr_call(["delete"], "dr-west", "token_for_dr_east",
                dict(dr_values("token", "dr-west", destroy_body=canonical({"id": "dr-east"}),
                               sensitive_outputs={"token": s["activation"]}, digest=s["digest"]),
                     response=canonical({"wrap_info": {"token": s["response_token"]}})), None),
        # data marked sensitive as a whole
        kmip_server(["create"], "kms-x", after_sensitive={"data": True, "write_only_data": True}),
        # triggers marked sensitive
        change("rest_operation.custom", ["update"],
               {"path": "/v2/ops/run", "triggers": {"k": "old"}, "id": "1"},
               {"path": "/v2/ops/run", "triggers": {"k": s["trigger"]}, "id": "1"},
               alias="vsp-west", after_unknown={"id": True},
               before_sensitive={"triggers": True}, after_sensitive={"triggers": True}),
        providers={"ontap-east": "ontap", "vsp-west": "vsp", "dr-west": "vault", "dr-east": "vault"},
        variables={"kmip_password": s["variable"]}, sensitive_variables=("kmip_password",),
        outputs={"admin": {"actions": ["create"], "before": None, "after": s["output"], "after_unknown": False,
                           "before_sensitive": False, "after_sensitive": True}},
    )
    # the data of kms-x holds a value only Terraform's marks say is secret
    for rc in document["resource_changes"]:
        if rc["address"].startswith("rest_object.kmip_kmip_server_kms_x"):
            rc["change"]["after"]["data"] = canonical({"name": "kms-x", "host": s["marked_host"], "port": 5696})
    provider = document["configuration"]["provider_config"]["rest.ontap-east"]
    provider["expressions"]["base_url"]["constant_value"] = f"https://admin:{s['url_password']}@ontap-east.example.com/api"
    return document


def test_report_holds_no_secret_of_the_plan():
    text, dangerous = markdown([StackPlan("site", "site.json", leaky_plan())])
    for name, secret in SECRETS.items():
        assert secret not in text, f"{name} leaked"
    assert "pbkdf2" not in text
    lines = text.splitlines()
    assert "- key server `10.0.0.5:5696`: `password` changes (value hidden)" in lines
    assert "- key server `10.0.0.5:5696`: KMIP password changes (value hidden)" in lines
    assert "#### NetApp ONTAP `ontap-east` · `https://ontap-east.example.com/api`" in lines
    assert dangerous  # the revocation


def test_every_planted_secret_is_collected():
    found = collect_secrets(leaky_plan())
    for name in ("activation", "response_token", "digest", "variable", "output", "marked_host", "trigger"):
        assert any(SECRETS[name] in f for f in found), name


def test_scrubber_replaces_longest_first():
    scrub = Scrubber(["abcd", "abcdefgh", "ab"])
    assert scrub("x abcdefgh y abcd z ab") == f"x {REDACTED} y {REDACTED} z ab"


def test_secret_keys_and_masking():
    assert all(is_secret_key(k) for k in ("password", "passphrase", "dr_operation_token", "token", "client_secret",
                                          "api_key", "key", "Authorization"))
    assert not any(is_secret_key(k) for k in ("secondary_key_servers", "server", "name", "timeout", "id", "primary"))
    assert mask_value({"a": {"password": "x", "n": [{"token": "t"}]}, "b": 1}) == \
        {"a": {"password": "(hidden)", "n": [{"token": "(hidden)"}]}, "b": 1}


def test_sensitivity_marks():
    marks = {"data": True, "triggers": {"primary": True}, "list": [False, True]}
    assert is_sensitive(marks, "data") and is_sensitive(marks, "data", "anything")
    assert is_sensitive(marks, "triggers") and is_sensitive(marks, "triggers", "primary")
    assert not is_sensitive(marks, "triggers", "other") and not is_sensitive(marks, "path")
    assert is_sensitive(marks, "list", 1) and not is_sensitive(marks, "list", 0)
    assert not is_sensitive(False, "data")


def test_safe_url_drops_credentials_and_query():
    assert safe_url("https://u:pw@host.example:8443/api?token=x") == "https://host.example:8443/api"
    assert safe_url("http://[::1]:8200/v1") == "http://[::1]:8200/v1"
