"""The example stacks' addresses: set, or refused at synth naming the variable; the embedded simulators'
loopback addresses only with KEYFORM_SIMULATORS=1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from keyform.cdk import App, TerraformStack

from keyform.constructs import KeyformConfigError
from keyform.provider.install import cli_config, install_into
from stacks.endpoints import DEFAULTS, SIMULATORS, ca_cert_file, kmip_servers, setting, username

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def stack(tmp_path) -> TerraformStack:
    return TerraformStack(App(outdir=str(tmp_path)), "ontap")


@pytest.mark.parametrize("name, what", [
    ("KEYFORM_ONTAP_BASE_URL", "the cluster's API base, e.g. https://cluster1.example.com/api"),
    ("KEYFORM_SITE_VSP_BASE_URL", "the VSP One Object management API base, e.g. https://vsp.example.com/mapi"),
    ("KEYFORM_VAULT_B_BASE_URL", "the Vault cluster's API base, e.g. https://vault-a.example.com:8200/v1"),
    ("KEYFORM_KMIP_HOST", "the host name or address of the KMIP servers, e.g. kms.example.com"),
])
def test_an_address_not_set_is_refused_naming_the_variable(stack, name, what):
    with pytest.raises(KeyformConfigError) as caught:
        setting(stack, name, environ={})
    assert str(caught.value) == (f"ontap: {name}: not set. Fix: set it to {what}, or KEYFORM_SIMULATORS=1 to use "
                                 "the embedded simulators")


def test_an_empty_address_is_not_set(stack):
    with pytest.raises(KeyformConfigError, match="KEYFORM_ONTAP_BASE_URL: not set"):
        setting(stack, "KEYFORM_ONTAP_BASE_URL", environ={"KEYFORM_ONTAP_BASE_URL": "", "KEYFORM_SIMULATORS": "0"})


def test_simulators_only_when_asked_for(stack):
    opted = {"KEYFORM_SIMULATORS": "1"}
    assert {name: setting(stack, name, environ=opted) for name in SIMULATORS} == SIMULATORS
    assert all("127.0.0.1" in value for value in SIMULATORS.values())
    set_here = {**opted, "KEYFORM_ONTAP_BASE_URL": "https://cluster1.example.com/api"}
    assert setting(stack, "KEYFORM_ONTAP_BASE_URL", environ=set_here) == "https://cluster1.example.com/api"


def test_usernames_and_primaries_have_defaults_everywhere(stack):
    assert {name: setting(stack, name, environ={}) for name in DEFAULTS} == DEFAULTS
    assert not any("127.0.0.1" in value for value in DEFAULTS.values())


def test_a_setting_without_a_simulator_address_is_refused_even_with_the_simulators(stack):
    with pytest.raises(KeyformConfigError, match="KEYFORM_EAST_ONTAP_BASE_URL: not set"):
        setting(stack, "KEYFORM_EAST_ONTAP_BASE_URL", environ={"KEYFORM_SIMULATORS": "1"})


def test_kmip_servers_are_the_kmip_host_on_ports_5696_to_5698_unless_set(stack):
    assert kmip_servers(stack, environ={"KEYFORM_KMIP_HOST": "kms.example.com"}) == [
        ("kms.example.com", 5696), ("kms.example.com", 5697), ("kms.example.com", 5698)]
    assert kmip_servers(stack, environ={"KEYFORM_SIMULATORS": "1", "KEYFORM_KMIP_PORT_2": "41000"}) == [
        ("127.0.0.1", 5696), ("127.0.0.1", 41000), ("127.0.0.1", 5698)]
    with pytest.raises(KeyformConfigError, match="KEYFORM_KMIP_HOST: not set"):
        kmip_servers(stack, environ={})


@pytest.mark.parametrize("value", ["kms", "0", "65536", "-1"])
def test_a_kmip_port_that_is_not_a_port_is_refused(stack, value):
    with pytest.raises(KeyformConfigError) as caught:
        kmip_servers(stack, environ={"KEYFORM_KMIP_HOST": "kms.example.com", "KEYFORM_KMIP_PORT_3": value})
    assert str(caught.value) == (f"ontap: KEYFORM_KMIP_PORT_3: '{value}' is not a port. Fix: set it to the KMIP "
                                 "server's port, 1-65535 (KMIP's own is 5696)")


def app_env(tmp_path: Path, **settings: str) -> dict:
    """main.py's environment: nothing of the caller's settings, the provider from a private mirror."""
    mirror = tmp_path / "mirror"
    install_into(mirror / "plugins")
    (mirror / "terraformrc").write_text(cli_config(mirror / "plugins"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KEYFORM_", "TF_", "CDKTF_"))}
    return {**env, "CDKTF_OUTDIR": str(tmp_path / "out"), "TF_CLI_CONFIG_FILE": str(mirror / "terraformrc"),
            "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20,22", **settings}


def test_main_py_without_addresses_exits_1_with_the_message(tmp_path):
    result = subprocess.run([sys.executable, str(REPO / "main.py")], cwd=tmp_path, env=app_env(tmp_path),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "error: ontap: KEYFORM_ONTAP_BASE_URL: not set. Fix: set it to the cluster's API base, e.g. "
        "https://cluster1.example.com/api, or KEYFORM_SIMULATORS=1 to use the embedded simulators")
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_main_py_with_every_address_set_needs_no_opt_in(tmp_path):
    addresses = {name: value.replace("127.0.0.1", "appliance.example.com") for name, value in SIMULATORS.items()}
    result = subprocess.run([sys.executable, str(REPO / "main.py")], cwd=tmp_path, env=app_env(tmp_path, **addresses),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    ontap = json.loads((tmp_path / "out" / "stacks" / "ontap" / "cdk.tf.json").read_text())
    assert ontap["provider"]["rest"][0]["base_url"] == "https://appliance.example.com:8601/api"
    assert "ca_cert_file" not in ontap["provider"]["rest"][0]  # the system's CAs (or KEYFORM_ONTAP_CA_CERT_FILE)


def test_the_simulators_are_https_and_every_provider_trusts_the_ca_setting(tmp_path):
    assert all(value.startswith("https://") for name, value in SIMULATORS.items() if name.endswith("_BASE_URL"))
    ca = str(tmp_path / "run-ca.pem")
    result = subprocess.run([sys.executable, str(REPO / "main.py")], cwd=tmp_path, capture_output=True, text=True,
                            env=app_env(tmp_path, KEYFORM_SIMULATORS="1", KEYFORM_CA_CERT_FILE=ca), timeout=120)
    assert result.returncode == 0, result.stderr
    providers = [provider for stack in ("ontap", "vsp", "vault-dr", "site")
                 for provider in json.loads((tmp_path / "out" / "stacks" / stack / "cdk.tf.json").read_text())[
                     "provider"]["rest"]]
    assert len(providers) == 8 and {p["ca_cert_file"] for p in providers} == {ca}


def test_with_the_simulators_the_ca_defaults_to_the_embedded_default_s():
    assert ca_cert_file({"KEYFORM_SIMULATORS": "1"}) == str(REPO / ".keyform" / "run" / "sim-state" / "ca.pem")
    assert ca_cert_file({"KEYFORM_SIMULATORS": "1", "KEYFORM_CA_CERT_FILE": "/etc/ca.pem"}) == "/etc/ca.pem"
    assert ca_cert_file({}) is None


def test_a_username_set_in_the_environment_is_left_to_the_provider():
    """Set (even empty): None, the provider reads it when Terraform runs (an empty one it refuses, naming it)."""
    assert username("KEYFORM_ONTAP_USERNAME", environ={"KEYFORM_ONTAP_USERNAME": "keyform-ro"}) is None
    assert username("KEYFORM_SITE_VSP_USERNAME", environ={"KEYFORM_SITE_VSP_USERNAME": ""}) is None
    assert username("KEYFORM_VSP_USERNAME", environ={}) == "admin"


def test_main_py_synthesizes_no_username_the_environment_sets(tmp_path):
    """A plan and its apply can run as different users: the ONTAP and VSP users set at synth are not written
    into cdk.tf.json (nor into a plan made of it); the ones not set keep the default, admin."""
    result = subprocess.run([sys.executable, str(REPO / "main.py")], cwd=tmp_path, capture_output=True, text=True,
                            env=app_env(tmp_path, KEYFORM_SIMULATORS="1", KEYFORM_ONTAP_USERNAME="keyform-ro",
                                        KEYFORM_SITE_VSP_USERNAME="viewer"), timeout=120)
    assert result.returncode == 0, result.stderr
    users = {provider["alias"]: provider.get("username") for stack in ("ontap", "vsp", "site")
             for provider in json.loads((tmp_path / "out" / "stacks" / stack / "cdk.tf.json").read_text())[
                 "provider"]["rest"]}
    assert users == {"ontap": None, "vsp": "admin", "site-ontap": "admin", "site-vsp": None,
                     "site-vault-c": None, "site-vault-d": None}
    assert not any("keyform-ro" in path.read_text() for path in (tmp_path / "out").rglob("*.json"))
