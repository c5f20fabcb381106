"""The promise of an import, end to end: ``cdktf deploy`` of the generated app imports every object of
the brownfield — ``18 imported, 0 added, 0 changed`` — without one call that changes an appliance, and the
next plan is empty. (cdktf CLI, Terraform and keyform's provider, as in ``tests/e2e``.)"""

from __future__ import annotations

import json
import logging
import re

import pytest

from keyform.__main__ import main
from keyform.importer import cli
from keyform.importer.connect import from_env
from keyform.simulators.ontap.store import secret_matches
from tests.e2e.harness import CDKTF, KmipListener, run_process, tool_env
from tests.importer.brownfield import KMIP_PASSWORD, PASSPHRASE

pytestmark = pytest.mark.e2e

# Calls that read although they are not GETs: VSP One Object's RPC reads and its login; Vault's own peering.
READS = re.compile(r"^POST (/mapi/v1/kmip/(list_servers|get_server)|/auth/realms/.*/token)$|"
                   r"^POST /v1/sys/replication/dr/internal/(heartbeat|probe)$")


class Requests(logging.Handler):
    """Every request the simulators answer: ``METHOD /path``."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(" ".join(record.getMessage().split()[:2]))


@pytest.fixture
def requests_seen():
    logger = logging.getLogger("keyform.simulators")
    handler, level = Requests(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_first_deploy_imports_everything_and_calls_nothing(brownfield, environ, tmp_path, capsys, requests_seen):
    directory = tmp_path / "app"
    assert main(["import", "ontap=ONTAP", "vsp=VSP", "vault=VAULT_A,VAULT_B", "--app", str(directory)]) == 0
    assert main(["provider", "install", str(directory)]) == 0  # what the command says to do next
    capsys.readouterr()
    env = {**tool_env(), **brownfield.env, "TMPDIR": str(tmp_path)}
    requests_seen.seen.clear()

    deploy = run_process([CDKTF, "deploy", "adopted", "--auto-approve", "--skip-provider-lock"], directory, env)
    assert deploy.returncode == 0, deploy.describe()
    assert "Plan: 18 to import, 0 to add, 0 to change, 0 to destroy." in deploy.output
    assert "Apply complete! Resources: 18 imported, 0 added, 0 changed, 0 destroyed." in deploy.output
    changes = [r for r in requests_seen.seen if not r.startswith("GET ") and not READS.match(r)]
    assert changes == [] and requests_seen.seen, requests_seen.seen

    diff = run_process([CDKTF, "diff", "adopted", "--skip-provider-lock"], directory, env)
    assert diff.returncode == 0, diff.describe()
    assert "No changes." in diff.output and "Plan:" not in diff.output, diff.tail(60)

    # What the appliances hold is what they held, secrets included; none of them is in a file or an output.
    accesses = [[from_env("ontap", "ONTAP")], [from_env("vsp", "VSP")],
                [from_env("vault", "VAULT_A"), from_env("vault", "VAULT_B")]]
    assert cli.read(accesses) == brownfield.expected
    store = brownfield.servers[0].app.config["ONTAP_STORE"]
    managers = list(store.doc["key_managers"].values())
    assert any(secret_matches(m.get("passphrase"), PASSPHRASE) for m in managers)
    assert any(secret_matches(s.get("password"), KMIP_PASSWORD) for m in managers for s in m.get("servers", []))
    written = [p.read_text(errors="replace") for p in directory.rglob("*")
               if p.is_file() and ".terraform" not in p.parts]
    for text in (deploy.output, diff.output, *written):
        for secret in brownfield.secrets:
            assert secret not in text
    state = json.loads((directory / "terraform.adopted.tfstate").read_text())
    assert len([r for r in state["resources"] if r["mode"] == "managed"]) == 18

    # The generated module is ordinary code from now on: an edit deploys as a change (a secondary added, the
    # VSP primary moved to a server that is online), and the plan after it is clean again.
    kms_a = next(s for s in brownfield.expected.vsp[0].servers if s.name == "kms-a")
    module = directory / "adopted.py"
    text = module.read_text()
    edited = (text.replace('"kms1-dr2.example.com:5697"]', '"kms1-dr2.example.com:5697", "kms1-dr3.example.com"]')
                  .replace('primary="kms-c"', 'primary="kms-a"'))
    assert edited.count("kms1-dr3") == 1 and 'primary="kms-a"' in edited, text
    module.write_text(edited)
    listener = KmipListener(port=kms_a.port)  # kms-a online: VSP One Object promotes only an online server
    try:
        change = run_process([CDKTF, "deploy", "adopted", "--auto-approve", "--skip-provider-lock"], directory, env)
        assert change.returncode == 0, change.describe()
        assert "Apply complete! Resources: 0 added, 2 changed, 0 destroyed." in change.output, change.tail(60)
        after = cli.read(accesses)
        assert after.vsp[0].primary == "kms-a"
        east = next(m for m in after.ontap[0].key_managers if m.svm == "svm-east")
        assert next(s for s in east.key_servers if s.server.startswith("localhost:")).secondaries == (
            "kms1-dr.example.com", "kms1-dr2.example.com:5697", "kms1-dr3.example.com")
        diff = run_process([CDKTF, "diff", "adopted", "--skip-provider-lock"], directory, env)
        assert "No changes." in diff.output and "Plan:" not in diff.output, diff.tail(60)
    finally:
        listener.close()
    for text in (change.output, diff.output, (directory / "terraform.adopted.tfstate").read_text()):
        for secret in brownfield.secrets:
            assert secret not in text
