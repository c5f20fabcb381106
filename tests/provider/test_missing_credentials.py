"""A credential the provider configuration asks for but nobody set is refused at plan, naming the variable
to set and what to set it to; nothing is sent to the appliance (which would only answer 401)."""

from __future__ import annotations

import re

from tests.provider.conftest import TERRAFORM_BLOCK, RawHcl, provider_block

READ = """
data "rest_object" "cluster" {
  path = "/status"
}
"""

PASSWORD = "ontap-pw-3f9a1c"


def plan_errors(run) -> str:
    """The plan's error output, one line per line whatever the terminal width (Terraform wraps details)."""
    return re.sub(r"\s+", " ", run.stderr)


def test_ontap_without_its_password_names_the_variable(api, terraform):
    api.require_basic = ("admin", PASSWORD)
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url, username="admin", env_prefix="KEYFORM_ONTAP_") + READ)
    refused = tf.plan(check=False)
    assert refused.returncode == 1
    assert "Error: KEYFORM_ONTAP_PASSWORD is not set" in refused.stderr
    assert (f"Set KEYFORM_ONTAP_PASSWORD to the password of user admin on {api.base_url}, or set password in the "
            "provider block.") in plan_errors(refused)
    assert "401" not in refused.output and "Internal error" not in refused.output
    assert api.requests == [], "nothing is sent without the credential"

    empty = tf.plan(check=False, env={"KEYFORM_ONTAP_PASSWORD": ""})
    assert "Error: KEYFORM_ONTAP_PASSWORD is empty" in empty.stderr

    planned = tf.plan(env={"KEYFORM_ONTAP_PASSWORD": PASSWORD})
    assert planned.returncode == 0
    assert [r.status for r in api.requests] == [200]
    assert PASSWORD not in planned.output


def test_credentials_in_a_url_are_not_shown(api, terraform):
    tf = terraform()
    base_url = api.base_url.replace("http://", "http://admin:url-secret-55@")
    tf.write(TERRAFORM_BLOCK + provider_block(base_url, username="admin", env_prefix="KEYFORM_ONTAP_") + READ)
    refused = tf.plan(check=False)
    assert f"the password of user admin on {api.base_url}," in plan_errors(refused)
    assert "url-secret-55" not in refused.output


def test_a_token_header_without_its_token_names_the_variable(api, terraform):
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url, token_header="X-Vault-Token", env_prefix="KEYFORM_VAULT_A_")
             + READ)
    refused = tf.plan(check=False)
    assert refused.returncode == 1
    assert "Error: KEYFORM_VAULT_A_TOKEN is not set" in refused.stderr
    assert (f"Set KEYFORM_VAULT_A_TOKEN to the token sent in the X-Vault-Token header to {api.base_url}, or set "
            "token in the provider block.") in plan_errors(refused)
    assert api.requests == []
    assert tf.plan(env={"KEYFORM_VAULT_A_TOKEN": "vault-token-1"}).returncode == 0


def test_an_oauth2_grant_without_its_password_names_the_variable(api, terraform):
    tf = terraform()
    token_url = f"{api.url}/auth/realms/object/protocol/openid-connect/token"
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url, username="admin", oauth2_token_url=token_url,
                                              env_prefix="KEYFORM_VSP_") + READ)
    refused = tf.plan(check=False)
    assert refused.returncode == 1
    assert "Error: KEYFORM_VSP_PASSWORD is not set" in refused.stderr
    assert (f"Set KEYFORM_VSP_PASSWORD to the password of user admin for the OAuth2 password grant at {token_url}, "
            "or set password in the provider block.") in plan_errors(refused)
    assert api.requests == []


def test_the_default_prefix_is_named_when_none_is_configured(api, terraform):
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url, username="admin") + READ)
    assert "Error: KEYFORM_REST_PASSWORD is not set" in tf.plan(check=False).stderr


def test_a_base_url_not_set_names_its_variable(api, terraform):
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + 'provider "rest" {\n  env_prefix = "KEYFORM_ONTAP_"\n}\n' + READ)
    refused = tf.plan(check=False)
    assert "Error: KEYFORM_ONTAP_BASE_URL is not set" in refused.stderr
    assert "Set it to the API's base URL, e.g. https://cluster1.example.com/api" in plan_errors(refused)


def test_validate_does_not_ask_for_credentials(api, terraform):
    """The provider is not configured at validate: a credential that comes from the environment only at plan
    (or from a value known later) is no error there."""
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url, username="admin", env_prefix="KEYFORM_ONTAP_") + READ)
    assert tf.validate().returncode == 0


def test_a_password_known_only_after_apply_is_not_called_missing(api, terraform):
    tf = terraform()
    tf.write(TERRAFORM_BLOCK
             + 'resource "terraform_data" "pw" {\n  input = "later"\n}\n'
             + provider_block(api.base_url, username="admin", env_prefix="KEYFORM_ONTAP_",
                              password=RawHcl("terraform_data.pw.output"))
             + READ)
    run = tf.plan(check=False)
    assert "is not set" not in run.output
    assert "Provider configuration depends on values known only after apply" in run.stderr


def test_a_password_without_its_username_names_the_variable(api, terraform):
    """A stack that leaves the user to the environment (``username=None``, a plan and its apply each run as
    their own user) and a pipeline that sets only the password: refused at plan, not sent without a user."""
    api.require_basic = ("keyform-ro", PASSWORD)
    tf = terraform()
    tf.write(TERRAFORM_BLOCK + provider_block(api.base_url, env_prefix="KEYFORM_ONTAP_") + READ)
    refused = tf.plan(check=False, env={"KEYFORM_ONTAP_PASSWORD": PASSWORD})
    assert refused.returncode == 1
    assert "Error: KEYFORM_ONTAP_USERNAME is not set" in refused.stderr
    assert (f"Set KEYFORM_ONTAP_USERNAME to the user the password is for (HTTP basic auth) on {api.base_url}, or "
            "set username in the provider block.") in plan_errors(refused)
    assert "401" not in refused.output and PASSWORD not in refused.output
    assert api.requests == [], "nothing is sent without the user"
    empty = tf.plan(check=False, env={"KEYFORM_ONTAP_PASSWORD": PASSWORD, "KEYFORM_ONTAP_USERNAME": ""})
    assert "Error: KEYFORM_ONTAP_USERNAME is empty" in empty.stderr and api.requests == []

    planned = tf.plan(env={"KEYFORM_ONTAP_PASSWORD": PASSWORD, "KEYFORM_ONTAP_USERNAME": "keyform-ro"})
    assert [r.status for r in api.requests] == [200]
    assert PASSWORD not in planned.output
