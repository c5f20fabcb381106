"""Numeric provider settings out of range (or not numbers, from an environment variable) are refused at plan,
naming the setting and its variable; nothing is sent. Before, a negative backoff crashed every retry, a
retry_max above ~1000 overflowed the backoff, a timeout of 0 silently became 30 s and a variable such as
KEYFORM_ONTAP_TIMEOUT_SECONDS=soon was an internal error."""

from __future__ import annotations

import re

import pytest

from tests.provider.conftest import TERRAFORM_BLOCK, provider_block

READ = """
data "rest_object" "cluster" {
  path = "/status"
}
"""


@pytest.mark.parametrize("setting, value, expected", [
    ("retry_max", 2000, "retry_max must be a whole number from 0 to 100 (retries); got '2000'"),
    ("retry_max", 1.5, "retry_max must be a whole number from 0 to 100 (retries); got '1.5'"),
    ("retry_backoff_seconds", -1, "retry_backoff_seconds must be a number from 0 to 300 (seconds); got '-1'"),
    ("timeout_seconds", 0, "timeout_seconds must be a number from 0.1 to 3600 (seconds); got '0'"),
    ("rate_limit_per_second", -5, "rate_limit_per_second must be a number from 0 to 100000"),
])
def test_a_setting_out_of_range_is_refused_at_plan(api, terraform, setting, value, expected):
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url, env_prefix="KEYFORM_ONTAP_", **{setting: value}) + READ)
    refused = tf.plan(check=False)
    said = re.sub(r"\s+", " ", refused.stderr)
    assert refused.returncode == 1 and expected in said, said
    assert f"or KEYFORM_ONTAP_{setting.upper()} to" in said
    assert "Internal error" not in refused.output and api.requests == []


def test_a_variable_that_is_not_a_number_is_named(api, terraform):
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url, env_prefix="KEYFORM_ONTAP_") + READ)
    refused = tf.plan(check=False, env={"KEYFORM_ONTAP_TIMEOUT_SECONDS": "soon"})
    said = re.sub(r"\s+", " ", refused.stderr)
    assert refused.returncode == 1 and "timeout_seconds must be a number from 0.1 to 3600 (seconds); got 'soon'" in said
    assert "KEYFORM_ONTAP_TIMEOUT_SECONDS" in said and "Internal error" not in refused.output
    assert tf.plan(env={"KEYFORM_ONTAP_TIMEOUT_SECONDS": "2.5"}).returncode == 0
