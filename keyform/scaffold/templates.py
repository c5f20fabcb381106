"""The text of the files ``keyform init`` writes (see :mod:`keyform.scaffold`)."""

GITIGNORE = """\
.keyform/
.venv/
node_modules/
cdktf.out/
generated/
__pycache__/
*.tfstate
*.tfstate.*
"""

MAIN = '''\
"""The cdktf app (cdktf.json runs it with this project's Python: `.keyform/python main.py`).

One stack per appliance; delete the ones you do not have. `cdktf diff <stack>` shows what would change,
`cdktf deploy <stack>` makes it so.
"""

import sys

from keyform.constructs import KeyformConfigError, synth  # first: it quiets jsii's Node banner before cdktf loads
from keyform.cdk import App
from stacks.ontap import OntapStack
from stacks.vault_dr import VaultDrStack
from stacks.vsp import VspStack


def build(app: App) -> App:
    OntapStack(app, "ontap")
    VspStack(app, "vsp")
    VaultDrStack(app, "vault-dr")
    return app


if __name__ == "__main__":
    try:
        synth(build(App()))
    except KeyformConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
'''

SETTINGS = '''\
"""Where the appliances are: environment variables, never defaults (a missing one stops the synth and says
which to set). Credentials are not settings: the provider reads them when deploying, from
KEYFORM_<NAME>_PASSWORD or KEYFORM_<NAME>_TOKEN, and they never reach the synthesized JSON or the state.
An appliance whose HTTPS certificate comes from a private CA is trusted through KEYFORM_<NAME>_CA_CERT_FILE
(a PEM file of that CA), read the same way."""

import os

from keyform.constructs import KeyformConfigError


def setting(name: str, what: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if not value:
        raise KeyformConfigError("settings", name, "is not set", f"set {name} to {what}")
    return value
'''

ONTAP = '''\
"""NetApp ONTAP: an SVM's external key manager, its KMIP key servers and their secondaries.

Settings: KEYFORM_ONTAP_BASE_URL (the cluster's API, e.g. https://cluster1.example.com/api),
KEYFORM_ONTAP_USERNAME (default admin); KEYFORM_ONTAP_PASSWORD when deploying; TF_VAR_kmip_password for
the key servers' KMIP user (unset: not sent).
"""

from keyform.cdk import TerraformStack
from constructs import Construct

from keyform.constructs import KeyServer, OntapKeyManager, ontap_provider, secret
from stacks.settings import setting


class OntapStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        ontap = ontap_provider(self, "ontap", setting("KEYFORM_ONTAP_BASE_URL", "the cluster's API base URL"),
                               setting("KEYFORM_ONTAP_USERNAME", "the API user", "admin"))
        kmip_password = secret(self, "kmip_password", "KMIP password of the key servers", required=False)
        OntapKeyManager(
            self, "svm1", provider=ontap, svm="svm1",
            client_certificate="kmip-client",  # installed on the cluster, by name
            server_ca_certificates=["kmip-ca"],
            key_servers=[
                # up to 4 primaries, each with up to 3 secondaries
                KeyServer("kms1.example.com", secondaries=["kms1-dr.example.com"], timeout=30,
                          username="kmip", password=kmip_password),
            ],
            adopt=True,  # take over the key manager the SVM may already have (imported, not recreated)
        )
'''

VSP = '''\
"""Hitachi VSP One Object: its KMIP servers, and which one is primary.

Settings: KEYFORM_VSP_BASE_URL (the management API, e.g. https://vsp.example.com/mapi),
KEYFORM_VSP_USERNAME (default admin), KEYFORM_KMIP_HOST (where the KMIP servers listen);
KEYFORM_VSP_PASSWORD when deploying.
"""

from keyform.cdk import TerraformStack
from constructs import Construct

from keyform.constructs import KmipServer, VspKmipServers, vsp_provider
from stacks.settings import setting


class VspStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        vsp = vsp_provider(self, "vsp", setting("KEYFORM_VSP_BASE_URL", "the system's management API base URL"),
                           setting("KEYFORM_VSP_USERNAME", "the API user", "admin"))
        host = setting("KEYFORM_KMIP_HOST", "the KMIP servers' host")
        VspKmipServers(
            self, "kmip", provider=vsp, primary="kms-a",  # moving the primary is a change of this name
            servers=[KmipServer("kms-a", host, 5696), KmipServer("kms-b", host, 5697)],
            adopt=True,
        )
'''

VAULT_DR = '''\
"""Vault Enterprise: a DR replication set, its primary and its secondaries. Failing over is a change of
KEYFORM_VAULT_DR_PRIMARY, with TF_VAR_dr_operation_token set (see keyform's README).

Settings: KEYFORM_VAULT_A_BASE_URL and KEYFORM_VAULT_B_BASE_URL (e.g. https://vault-a.example.com:8200/v1);
KEYFORM_VAULT_A_TOKEN and KEYFORM_VAULT_B_TOKEN when deploying. Enabling a DR secondary wipes its tokens and
replicates the primary's to it: from then on its token is one of the set's (the primary's root token, say), which
it needs once promoted; set it before failing over to it.
"""

from keyform.cdk import TerraformStack
from constructs import Construct

from keyform.constructs import VaultCluster, VaultDrReplication, secret, vault_provider
from stacks.settings import setting


class VaultDrStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        clusters = {}
        for name in ("vault-a", "vault-b"):
            variable = f"KEYFORM_{name.upper().replace('-', '_')}_BASE_URL"
            base_url = setting(variable, f"the API base URL of {name}")
            api_addr = base_url.rstrip("/").removesuffix("/v1")  # the address the cluster advertises
            clusters[name] = VaultCluster(name, vault_provider(self, name, base_url), api_addr)
        primary = setting("KEYFORM_VAULT_DR_PRIMARY", "the primary's name", "vault-a")
        VaultDrReplication(
            self, "dr", primary=clusters[primary],
            secondaries=[cluster for name, cluster in clusters.items() if name != primary],
            operation_token=secret(self, "dr_operation_token", "DR operation token (failover)", required=False),
            adopt=True,
        )
'''

WORKFLOW = """\
# An example pipeline: the plan of every stack on a pull request, the deploy on main.
# Secrets: KEYFORM_<NAME>_PASSWORD / KEYFORM_<NAME>_TOKEN; variables: KEYFORM_*_BASE_URL.
# State: configure a remote backend in the stacks before relying on this (local state does not survive a run).
name: keyform
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  plan:
    runs-on: ubuntu-latest
    env:
      KEYFORM_ONTAP_BASE_URL: ${{ vars.KEYFORM_ONTAP_BASE_URL }}
      KEYFORM_ONTAP_PASSWORD: ${{ secrets.KEYFORM_ONTAP_PASSWORD }}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: {python-version: "3.11"}
      - uses: actions/setup-node@v4
        with: {node-version: "22"}
      - uses: hashicorp/setup-terraform@v3
        with: {terraform_version: "1.11.4", terraform_wrapper: false}
      - run: pip install -r requirements.txt && npm ci && keyform provider install
      - run: npx cdktf diff ontap
      - if: github.ref == 'refs/heads/main'
        run: npx cdktf deploy ontap --auto-approve
"""

README = """\
# Infrastructure: encryption key servers and replication roles, with keyform {version}

The appliances are declared in `stacks/` (one stack per appliance) with keyform's constructs; `cdktf diff`
shows what a change does, `cdktf deploy` makes it so.

## Set up (once per machine)

```sh
python3 -m venv .venv && .venv/bin/pip install -r requirements.txt   # keyform {version}
npm install                                                           # the cdktf CLI, pinned
.venv/bin/keyform provider install    # the provider ({source}) for this project
```

Commit the `package-lock.json` that `npm install` writes: the example workflow installs exactly it (`npm ci`).
`keyform provider install` writes `.keyform/python` (the app and the provider run this project's keyform)
and installs the provider into `.keyform/plugins` and `~/.terraform.d/plugins`. If your Terraform CLI
config has a `provider_installation` block, add the `filesystem_mirror` block of `.keyform/terraformrc` to it
(Terraform then searches no implied mirror).

## Use

```sh
export KEYFORM_ONTAP_BASE_URL=https://cluster1.example.com/api KEYFORM_ONTAP_PASSWORD=...
npx cdktf diff ontap        # review
npx cdktf deploy ontap      # apply
```

Every stack says in its docstring which `KEYFORM_*` settings it needs; a missing one stops the synth and
names it. Credentials are read when deploying and never written anywhere. Stacks declare `adopt=True`:
what the appliances already hold is imported at the first deploy, not created again.
`keyform import` writes the code of what live appliances hold; `keyform plan-report` turns plans into a
pull-request comment.
"""
