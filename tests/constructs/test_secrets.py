"""No secret reaches the synthesized JSON: every stack synthesized with every secret setting set to a
unique random value holds none of them, and no password/passphrase/token key holds a literal."""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import sys

import pytest

from tests.constructs.support import REPO, STACKS, tool_env, walk

PREFIXES = ("KEYFORM_ONTAP_", "KEYFORM_VSP_", "KEYFORM_VAULT_A_", "KEYFORM_VAULT_B_", "KEYFORM_SITE_ONTAP_",
            "KEYFORM_SITE_VSP_", "KEYFORM_SITE_VAULT_C_", "KEYFORM_SITE_VAULT_D_")
SUFFIXES = ("PASSWORD", "TOKEN", "BEARER_TOKEN", "HEADERS")  # the provider's sensitive settings
VARIABLES = ("kmip_password", "dr_operation_token", "okm_passphrase")
SENSITIVE_PROVIDER_FIELDS = {"password", "token", "bearer_token", "headers"}
SECRET_KEY = re.compile(r"password|passphrase|(^|_)token$", re.I)
# What a secret may be inside write_only_data: the sensitive variable, or the token call's sensitive output.
REFERENCE = re.compile(r'var\.[a-z_]+|rest_operation\.[A-Za-z0-9_]+\.sensitive_output_values\["token"\]')
# What a secret key of a request template may hold: a placeholder for one of the provider's `secrets`.
PLACEHOLDER = re.compile(r"\{secret\.[a-z_]+\}")


@pytest.fixture(scope="module")
def scan(scratch, mirror):
    """main.py run with every secret setting set to a unique random value: (values, outdir, stacks)."""
    values = {f"TF_VAR_{name}": f"kf-{secrets.token_hex(12)}" for name in VARIABLES}
    values.update({f"{p}{s}": f"kf-{secrets.token_hex(12)}" for p in PREFIXES for s in SUFFIXES})
    values[f"{PREFIXES[0]}HEADERS"] = json.dumps({"X-Secret": values[f"{PREFIXES[0]}HEADERS"]})
    tmp, outdir = scratch / "tmp", scratch / "secret-scan"
    tmp.mkdir(exist_ok=True)
    env = tool_env(tmp, mirror, CDKTF_OUTDIR=str(outdir), KEYFORM_SIMULATORS="1", **values)
    result = subprocess.run([sys.executable, str(REPO / "main.py")], cwd=scratch, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    stacks = {name: json.loads((outdir / "stacks" / name / "cdk.tf.json").read_text()) for name in STACKS}
    return values, outdir, stacks


def test_every_secret_setting_was_set(scan):
    """The scan covers every provider's env_prefix and every variable of every stack."""
    values, _, stacks = scan
    for name, config in stacks.items():
        for provider in config["provider"]["rest"]:
            assert f"{provider['env_prefix']}PASSWORD" in values, (name, provider["alias"])
        for variable in config.get("variable", {}):
            assert f"TF_VAR_{variable}" in values, (name, variable)


def test_no_secret_value_in_any_synthesized_file(scan):
    values, outdir, _ = scan
    files = [p for p in outdir.rglob("*") if p.is_file()]
    assert len(files) >= len(STACKS) + 1
    for path in files:
        text = path.read_text(errors="replace")
        for setting, value in values.items():
            assert value not in text, f"{setting} found in {path.relative_to(outdir)}"
            if setting.endswith("HEADERS"):
                assert "X-Secret" not in text


@pytest.mark.parametrize("name", STACKS)
def test_no_secret_key_holds_a_literal(scan, name):
    config = scan[2][name]
    checked = 0
    for provider in config["provider"]["rest"]:
        assert not SENSITIVE_PROVIDER_FIELDS & set(provider), provider["alias"]
        for secret_name, expression in (provider.get("secrets") or {}).items():
            assert re.fullmatch(r"\$\{var\.([a-z_]+)\}", expression), f"{name}: secrets.{secret_name} = {expression}"
            variable = config["variable"][expression[6:-1]]
            assert variable["sensitive"] is True and variable["ephemeral"] is True
            checked += 1
    for trail, key, value in walk(config.get("resource", {})):
        if "outputs" in trail:
            continue  # name -> path picked from the response, e.g. token = "wrap_info/token"
        if isinstance(value, str) and SECRET_KEY.search(str(key)) and not PLACEHOLDER.fullmatch(value):
            pytest.fail(f"{name}: {'/'.join(map(str, trail))}/{key} holds a literal")
        if key == "write_only_data":
            # jsonencode({...}) of references, possibly sent only when the secret is set (null otherwise)
            assert re.match(r"^\$\{(length\(var\.[a-z_]+\) == 0 \? null : )?jsonencode\(\{", value), value
            pairs = re.findall(r'"([a-z_]+)" = (?!\{)([^,}]+)', value)
            assert pairs, value
            for field, expression in pairs:
                if not SECRET_KEY.search(field):
                    assert field == "username" and re.fullmatch(r'"[^"]*"', expression.strip()), value
                    continue  # sent with the password it belongs to; not a secret
                assert REFERENCE.fullmatch(expression.strip()), f"{name}: {field} = {expression}"
                if expression.startswith("var."):
                    variable = config["variable"][expression[4:]]
                    assert variable["sensitive"] is True and variable["ephemeral"] is True
                checked += 1
    assert checked > 0 or name == "vsp"  # vsp: no secret but the provider's (from the environment)


def test_activation_token_is_only_a_sensitive_output_reference(scan):
    for name in ("vault-dr", "site"):
        operations = scan[2][name]["resource"]["rest_operation"]
        holders = {k: v for k, v in operations.items() if "sensitive_output_values" in json.dumps(v)}
        assert len(holders) == 2  # the secondary's update-primary and enable
        for block in holders.values():
            assert [k for k, v in block.items() if "sensitive_output_values" in json.dumps(v)] == ["write_only_data"]
        tokens = [v for v in operations.values() if v["path"].endswith("/secondary-token")]
        assert len(tokens) == 1 and tokens[0]["sensitive_outputs"] is True
