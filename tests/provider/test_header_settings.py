"""Settings the provider sends as HTTP header fields are checked at plan: a value with a line break or another
control character (a token read from a file with its newline) and a name that is not an HTTP token are refused,
naming the setting, without quoting the value (``headers`` and ``token`` are secrets). Before, such a value went
as far as the first request, whose error quoted it escaped, past the redaction of the raw value."""

from __future__ import annotations

import re

import pytest

from tests.provider.conftest import TERRAFORM_BLOCK, RawHcl, provider_block

READ = """
data "rest_object" "cluster" {
  path = "/status"
}
"""
SECRET = "s3cr3t-hdr-value"


VARIABLE = """
variable "v" {
  type      = string
  sensitive = true
}
"""
BY_VARIABLE = RawHcl("var.v")


@pytest.mark.parametrize("settings, value, expected", [
    ({"headers": RawHcl('{ "X-Api-Key" = var.v }')}, SECRET + "\n",
     'headers["X-Api-Key"] holds a line break or control character'),
    ({"headers": RawHcl('{ "X-Api-Key" = var.v }')}, SECRET + "\r\nX-Evil: 1",
     'headers["X-Api-Key"] holds a line break or control character'),
    ({"headers": RawHcl('{ "X-Api-Key" = var.v }')}, SECRET + "\u2603",
     'headers["X-Api-Key"] holds a character HTTP headers cannot carry (beyond Latin-1)'),
    ({"headers": RawHcl('{ "X Api Key" = var.v }')}, SECRET,
     'headers: "X Api Key" is not an HTTP header name'),
    ({"token_header": "X-Vault-Token", "token": BY_VARIABLE}, SECRET + "\n",
     "token holds a line break or control character"),
    ({"bearer_token": BY_VARIABLE}, SECRET + "\x1b[2J",
     "bearer_token holds a line break or control character"),
    ({"token_header": "X-Vault-Token:", "token": BY_VARIABLE}, SECRET,
     'token_header: "X-Vault-Token:" is not an HTTP header name'),
    ({"csrf_path": "/csrf", "csrf_header": "X XSRF", "bearer_token": BY_VARIABLE}, SECRET,
     'csrf_header: "X XSRF" is not an HTTP header name'),
])
def test_a_header_setting_that_cannot_be_sent_is_refused_at_plan(api, terraform, settings, value, expected):
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + VARIABLE + provider_block(api.base_url, env_prefix="KEYFORM_ONTAP_", **settings)
             + READ)
    refused = tf.plan(check=False, env={"TF_VAR_v": value})
    said = re.sub(r"\s+", " ", refused.stderr)
    assert refused.returncode == 1 and expected in said, said
    assert SECRET not in refused.output and "Internal error" not in refused.output
    assert api.requests == []


def test_a_token_from_the_environment_with_its_newline_names_the_variable(api, terraform):
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url, env_prefix="KEYFORM_ONTAP_",
                                              token_header="X-Vault-Token") + READ)
    refused = tf.plan(check=False, env={"KEYFORM_ONTAP_TOKEN": SECRET + "\n"})
    said = re.sub(r"\s+", " ", refused.stderr)
    assert refused.returncode == 1 and "token holds a line break or control character" in said, said
    assert "KEYFORM_ONTAP_TOKEN" in said and SECRET not in refused.output
    assert api.requests == []


def test_printable_header_values_are_sent(api, terraform):
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(
        api.base_url, headers={"X-Api-Key": "abc def\t~!", "X-Trace": "ü-latin1"}) + READ)
    assert tf.plan().returncode == 0
    sent = api.requests[-1].headers
    assert sent["X-Api-Key"] == "abc def\t~!" and sent["X-Trace"] == "ü-latin1"
