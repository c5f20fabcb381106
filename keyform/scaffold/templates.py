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
`cdktf deploy <stack>` makes it so. `synth` gives every stack the state backend `KEYFORM_STATE_BACKEND` names
(local by default, terraform.<stack>.tfstate here; pg: PostgreSQL, one schema per stack; see keyform's README).
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


def username(name: str) -> str | None:
    """The provider block's username, ``name`` its variable: None when the variable is set (the provider reads it
    when Terraform runs, so a plan made by a read-only user is applied as the deploy's user), else admin."""
    return None if name in os.environ else "admin"
'''

ONTAP = '''\
"""NetApp ONTAP: an SVM's external key manager, its KMIP key servers and their secondaries.

Settings: KEYFORM_ONTAP_BASE_URL (the cluster's API, e.g. https://cluster1.example.com/api),
KEYFORM_ONTAP_USERNAME (default admin) and KEYFORM_ONTAP_PASSWORD when planning and deploying; TF_VAR_kmip_password for
the key servers' KMIP user (unset: not sent).
"""

from keyform.cdk import TerraformStack
from constructs import Construct

from keyform.constructs import KeyServer, OntapKeyManager, ontap_provider, secret
from stacks.settings import setting, username


class OntapStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        ontap = ontap_provider(self, "ontap", setting("KEYFORM_ONTAP_BASE_URL", "the cluster's API base URL"),
                               username("KEYFORM_ONTAP_USERNAME"))
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
KEYFORM_KMIP_HOST (where the KMIP servers listen); KEYFORM_VSP_USERNAME (default admin) and
KEYFORM_VSP_PASSWORD when planning and deploying.
"""

from keyform.cdk import TerraformStack
from constructs import Construct

from keyform.constructs import KmipServer, VspKmipServers, vsp_provider
from stacks.settings import setting, username


class VspStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        vsp = vsp_provider(self, "vsp", setting("KEYFORM_VSP_BASE_URL", "the system's management API base URL"),
                           username("KEYFORM_VSP_USERNAME"))
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
# keyform's pipeline (README.md, "Running in a pipeline"): on a pull request, the plan of every stack with
# read-only credentials, its review as a comment and a gate that fails closed; on main, the plan, the same
# gate, and the deploy of exactly that plan (`keyform apply-plan`) in the protected "production" environment.
# Create the environments, secrets and variables the README lists; require the check "gate" on main.
name: keyform
on:
  pull_request:
  push:
    branches: [main]
  workflow_dispatch:  # on main: plan and deploy again (after changing a variable, say)
permissions:
  contents: read
concurrency:  # one run at a time on main, never cancelled; a new push to a pull request cancels its old run
  group: keyform-${{ github.event_name == 'pull_request' && github.ref || 'main' }}
  cancel-in-progress: ${{ github.event_name == 'pull_request' }}
env:
  STACKS: ontap vsp vault-dr
  KEYFORM_STATE_BACKEND: pg  # shared state: PG_CONN_STR per environment
jobs:
  plan:
    runs-on: ubuntu-latest
    # read-only credentials (pull requests and main): the provider reads usernames and tokens when Terraform
    # runs, so no plan records one and the deploy applies it as the deploy's users
    environment: ${{ github.event_name == 'pull_request' && 'keyform-review' || 'keyform-plan' }}
    permissions:
      contents: read
      pull-requests: write
    outputs:
      verdict: ${{ steps.report.outputs.verdict }}
    env:
      PG_CONN_STR: ${{ secrets.PG_CONN_STR }}
      TF_CLI_ARGS_plan: -lock-timeout=10m  # wait for the state lock (a deploy) instead of failing
      KEYFORM_ONTAP_BASE_URL: ${{ vars.KEYFORM_ONTAP_BASE_URL }}
      KEYFORM_VSP_BASE_URL: ${{ vars.KEYFORM_VSP_BASE_URL }}
      KEYFORM_KMIP_HOST: ${{ vars.KEYFORM_KMIP_HOST }}
      KEYFORM_VAULT_A_BASE_URL: ${{ vars.KEYFORM_VAULT_A_BASE_URL }}
      KEYFORM_VAULT_B_BASE_URL: ${{ vars.KEYFORM_VAULT_B_BASE_URL }}
      KEYFORM_VAULT_DR_PRIMARY: ${{ vars.KEYFORM_VAULT_DR_PRIMARY || 'vault-a' }}
      KEYFORM_ONTAP_USERNAME: ${{ vars.KEYFORM_ONTAP_PLAN_USERNAME }}
      KEYFORM_ONTAP_PASSWORD: ${{ secrets.KEYFORM_ONTAP_PLAN_PASSWORD }}
      KEYFORM_VSP_USERNAME: ${{ vars.KEYFORM_VSP_PLAN_USERNAME }}
      KEYFORM_VSP_PASSWORD: ${{ secrets.KEYFORM_VSP_PLAN_PASSWORD }}
      KEYFORM_VAULT_A_TOKEN: ${{ secrets.KEYFORM_VAULT_A_READONLY_TOKEN }}
      KEYFORM_VAULT_B_TOKEN: ${{ secrets.KEYFORM_VAULT_B_READONLY_TOKEN }}
      TF_VAR_kmip_password: ${{ secrets.TF_VAR_kmip_password }}
      # A stand-in, not the token: an apply may set an ephemeral input only if its plan did.
      TF_VAR_dr_operation_token: supplied-by-the-deploy-job
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: {python-version: "3.11", cache: pip, cache-dependency-path: requirements.txt}
      - uses: actions/setup-node@v4
        with: {node-version: "22", cache: npm, cache-dependency-path: package-lock.json}
      - uses: hashicorp/setup-terraform@v3
        with: {terraform_version: "1.11.4", terraform_wrapper: false}
      - run: pip install -r requirements.txt && npm ci && keyform provider install
      - name: cdktf diff, stack by stack (each saves cdktf.out/stacks/<stack>/plan)
        run: for stack in $STACKS; do npx cdktf diff "$stack"; done
      - name: keyform plan-report (0 safe, 3 dangerous, 4 stale, 1 error)
        id: report
        run: |
          set +e
          keyform plan-report $STACKS --output plan-report.md
          code=$?
          set -e
          case "$code" in 0) verdict=safe ;; 3) verdict=dangerous ;; 4) verdict=stale ;; *) verdict=error ;; esac
          echo "verdict=$verdict" >> "$GITHUB_OUTPUT"
          if [ -f plan-report.md ]; then cat plan-report.md >> "$GITHUB_STEP_SUMMARY"; fi
          test "$verdict" = safe || test "$verdict" = dangerous
      - name: Post the report on the pull request (one comment, updated on every push)
        if: github.event_name == 'pull_request'
        uses: actions/github-script@v7
        with:
          script: |
            const body = require('fs').readFileSync('plan-report.md', 'utf8').slice(0, 65000);
            const { owner, repo } = context.repo;
            const issue_number = context.issue.number;
            const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });
            const marker = '<!-- keyform-plan-report -->';
            const previous = comments.find(c => c.user.type === 'Bot' && c.body.includes(marker));
            if (previous) await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
            else await github.rest.issues.createComment({ owner, repo, issue_number, body });
      - name: Gather the reviewed plans
        run: |
          for stack in $STACKS; do
            mkdir -p "reviewed/cdktf.out/stacks/$stack"
            cp cdktf.out/stacks/$stack/{plan,cdk.tf.json,.terraform.lock.hcl} "reviewed/cdktf.out/stacks/$stack/"
          done
      - uses: actions/upload-artifact@v4
        with: {name: keyform-plan, path: reviewed/, include-hidden-files: true, if-no-files-found: error}
  approval:
    needs: plan
    if: needs.plan.outputs.verdict == 'dangerous'
    runs-on: ubuntu-latest
    environment: keyform-dangerous-change  # required reviewers
    steps:
      - run: echo "A reviewer approved the dangerous operations of this plan."
  gate:
    needs: [plan, approval]
    if: always()  # never skipped (a skipped check passes): fails unless the plan succeeded and was approved
    runs-on: ubuntu-latest
    steps:
      - env:
          PLAN: ${{ needs.plan.result }}
          VERDICT: ${{ needs.plan.outputs.verdict }}
          APPROVAL: ${{ needs.approval.result }}
        run: |
          test "$PLAN" = success || { echo "::error::the plan job did not succeed ($PLAN)"; exit 1; }
          case "$VERDICT" in
            safe) ;;
            dangerous) test "$APPROVAL" = success || { echo "::error::dangerous plan not approved"; exit 1; } ;;
            *) echo "::error::unknown plan verdict '$VERDICT'"; exit 1 ;;
          esac
  deploy:
    needs: gate
    if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    environment: production  # the write users and tokens and the DR operation token live here only
    concurrency: {group: keyform-deploy, cancel-in-progress: false}
    env:
      PG_CONN_STR: ${{ secrets.PG_CONN_STR }}
      TF_CLI_ARGS_apply: -lock-timeout=10m
      KEYFORM_ONTAP_USERNAME: ${{ vars.KEYFORM_ONTAP_USERNAME }}
      KEYFORM_ONTAP_PASSWORD: ${{ secrets.KEYFORM_ONTAP_PASSWORD }}
      KEYFORM_VSP_USERNAME: ${{ vars.KEYFORM_VSP_USERNAME }}
      KEYFORM_VSP_PASSWORD: ${{ secrets.KEYFORM_VSP_PASSWORD }}
      KEYFORM_VAULT_A_TOKEN: ${{ secrets.KEYFORM_VAULT_A_TOKEN }}
      KEYFORM_VAULT_B_TOKEN: ${{ secrets.KEYFORM_VAULT_B_TOKEN }}
      TF_VAR_kmip_password: ${{ secrets.TF_VAR_kmip_password }}
      TF_VAR_dr_operation_token: ${{ secrets.TF_VAR_dr_operation_token }}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: {python-version: "3.11", cache: pip, cache-dependency-path: requirements.txt}
      - uses: actions/setup-node@v4
        with: {node-version: "22", cache: npm, cache-dependency-path: package-lock.json}
      - uses: hashicorp/setup-terraform@v3
        with: {terraform_version: "1.11.4", terraform_wrapper: false}
      - run: pip install -r requirements.txt && npm ci && keyform provider install
      - uses: actions/download-artifact@v4
        with: {name: keyform-plan, path: .}
      - name: keyform apply-plan (the reviewed plans, never a new one; exit 4 = stale, nothing applied)
        run: keyform apply-plan $STACKS --stacks-dir cdktf.out/stacks
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

## Running in a pipeline

`.github/workflows/keyform.yml` (GitHub Actions): on a pull request, `plan` runs `cdktf diff` for every stack with
read-only credentials and no DR operation token, `keyform plan-report` (posted as one comment, updated on every
push) and uploads the plans (`cdktf.out/stacks/<stack>/{plan,cdk.tf.json,.terraform.lock.hcl}`); `approval`
waits for a reviewer when the plan is dangerous; `gate` (make it the required check of main) fails unless the
plan succeeded and, when dangerous, was approved. On main the same jobs run, then `deploy` applies exactly that
run's plans with `keyform apply-plan` in the protected `production` environment: it never plans. A pull
request's plan is the review; main plans again, and that plan is what `production`'s reviewers approve.
The state is shared (`KEYFORM_STATE_BACKEND: pg`, see keyform's README, "Shared state"), so a pull request
plans against what main deployed.

Exit codes of `keyform plan-report` and `keyform apply-plan`: 0 safe / applied, 3 dangerous (approval), 4 stale
(the state moved on since the plan: `apply-plan` applies nothing; re-run the workflow), 1 error, 2 wrong usage.

| Environment | Protection | Holds |
|---|---|---|
| `keyform-review` | none: pull requests plan here | `PG_CONN_STR`, the read-only users, the Vault read tokens |
| `keyform-plan` | deployment branches: main | the same (main's plans) |
| `keyform-dangerous-change` | required reviewers | nothing |
| `production` | deployment branches: main; required reviewers | `PG_CONN_STR`, the write users and tokens |

| Name | Kind | What |
|---|---|---|
| `PG_CONN_STR` | secret | the state database (libpq URL), in each environment |
| `KEYFORM_ONTAP_PLAN_USERNAME`, `KEYFORM_VSP_PLAN_USERNAME` | variable | the plan's read-only users |
| `KEYFORM_ONTAP_PLAN_PASSWORD`, `KEYFORM_VSP_PLAN_PASSWORD` | secret | their passwords |
| `KEYFORM_VAULT_A_READONLY_TOKEN`, `KEYFORM_VAULT_B_READONLY_TOKEN` | secret | Vault read tokens (below) |
| `KEYFORM_ONTAP_USERNAME`, `KEYFORM_VSP_USERNAME` | variable | the deploy's users (`production`) |
| `KEYFORM_ONTAP_PASSWORD`, `KEYFORM_VSP_PASSWORD` | secret | their passwords (`production`) |
| `KEYFORM_VAULT_A_TOKEN`, `KEYFORM_VAULT_B_TOKEN` | secret | Vault write tokens (`production`) |
| `TF_VAR_kmip_password` | secret | the KMIP password: the plan compares it with the state's digest |
| `TF_VAR_dr_operation_token` | secret | the DR operation token (`production` only) |
| `KEYFORM_ONTAP_BASE_URL`, `KEYFORM_VSP_BASE_URL`, `KEYFORM_KMIP_HOST` | variable | where the appliances are |
| `KEYFORM_VAULT_A_BASE_URL`, `KEYFORM_VAULT_B_BASE_URL` | variable | the Vault clusters' APIs |
| `KEYFORM_VAULT_DR_PRIMARY` | variable | the DR primary (default vault-a) |

Read-only: ONTAP, a user of the built-in role `readonly`; Vault, a token of a policy reading
`sys/replication/dr/status` and `sys/mounts` and listing `sys/policies/acl`; VSP One Object documents no
read-only role (its reads are POSTs): use a viewing role if your system has one. The provider reads the
usernames, like the tokens, when Terraform runs (no plan records one), so every plan is read-only and the deploy
applies it as `production`'s users. The DR operation
token lives in `production` only: the plan sets `TF_VAR_dr_operation_token` to a stand-in, because Terraform
lets an apply set an ephemeral input only if its plan set one.
"""
