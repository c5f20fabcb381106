"""The DR operation token command against two simulated Vault clusters: the token it prints promotes."""

import os
import subprocess
import sys

import requests

from keyform.simulators.vault import unseal_keys

DR = "/v1/sys/replication/dr"


def _call(server, method, path, body=None, token=None):
    response = requests.request(method, server.url + DR + path, json=body,
                                headers={"X-Vault-Token": token or server.settings.token}, timeout=10)
    assert response.status_code < 300, response.text
    return response.json() if response.content else None


def _dr_pair(simulator):
    """vault-a as DR primary with vault-b activated as its secondary."""
    a, b = simulator("vault", name="vault-a"), simulator("vault", name="vault-b")
    _call(a, "POST", "/primary/enable", {})
    token = _call(a, "POST", "/primary/secondary-token", {"id": "vault-b"})["wrap_info"]["token"]
    _call(b, "POST", "/secondary/enable", {"token": token})
    return a, b


def test_printed_token_promotes_the_secondary(simulator, tmp_path):
    a, b = _dr_pair(simulator)
    keys = tmp_path / "shares"
    keys.write_text("\n".join(unseal_keys(a.settings)["keys_base64"][:3]))

    done = subprocess.run([sys.executable, "-m", "keyform", "dr-operation-token", "--url", b.url + "/v1",
                           "--keys-file", str(keys), "--ca-cert-file", b.ca_cert_file],
                          capture_output=True, text=True, timeout=60)

    assert done.returncode == 0, done.stderr
    operation_token = done.stdout.strip()
    assert len(operation_token) == 36 and done.stderr == ""
    _call(b, "POST", "/secondary/promote", {"dr_operation_token": operation_token})
    # promoted, vault-b holds the set's tokens (vault-a's root token), not its own
    assert _call(b, "GET", "/status", token=a.settings.token)["data"]["mode"] == "primary"


def test_no_shares_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("KEYFORM_UNSEAL_KEYS", raising=False)
    done = subprocess.run([sys.executable, "-m", "keyform", "dr-operation-token", "--url", "http://127.0.0.1:9/v1"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == "error: no unseal-key shares: give --keys-file FILE or set KEYFORM_UNSEAL_KEYS"


def test_wrong_share_names_vaults_error(simulator, tmp_path):
    a, b = _dr_pair(simulator)
    keys = tmp_path / "shares"
    keys.write_text("\n".join(["AAAA" * 11] * 3))
    done = subprocess.run([sys.executable, "-m", "keyform", "dr-operation-token", "--url", b.url + "/v1",
                           "--keys-file", str(keys), "--ca-cert-file", b.ca_cert_file],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stderr.startswith("error: PUT ") and "answered 400" in done.stderr


def test_a_cluster_whose_ca_is_not_given_is_refused_naming_the_option(simulator, tmp_path):
    a, b = _dr_pair(simulator)
    keys = tmp_path / "shares"
    keys.write_text("\n".join(unseal_keys(a.settings)["keys_base64"][:3]))
    env = {k: v for k, v in os.environ.items() if k not in ("REQUESTS_CA_BUNDLE", "KEYFORM_CA_CERT_FILE")}
    done = subprocess.run([sys.executable, "-m", "keyform", "dr-operation-token", "--url", b.url + "/v1",
                           "--keys-file", str(keys)], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        f"error: DELETE {b.url}/v1/sys/replication/dr/secondary/generate-operation-token/attempt: the certificate "
        "is not trusted (certificate verify failed); give the CA it chains to with --ca-cert-file or "
        "KEYFORM_CA_CERT_FILE")

    trusted = subprocess.run([sys.executable, "-m", "keyform", "dr-operation-token", "--url", b.url + "/v1",
                              "--keys-file", str(keys)], capture_output=True, text=True, timeout=60,
                             env={**env, "KEYFORM_CA_CERT_FILE": b.ca_cert_file})
    assert trusted.returncode == 0, trusted.stderr
