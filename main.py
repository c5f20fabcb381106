"""The CDKTF app: the example stacks, synthesized by `cdktf synth` (app: `python main.py`)."""

import sys

from keyform.constructs import KeyformConfigError, synth  # first: it quiets jsii's Node banner before cdktf loads
from keyform.cdk import App


def build(app: App) -> App:
    from stacks.ontap_stack import OntapStack
    from stacks.site_stack import SiteStack
    from stacks.vault_stack import VaultDrStack
    from stacks.vsp_stack import VspStack

    OntapStack(app, "ontap")
    VspStack(app, "vsp")
    VaultDrStack(app, "vault-dr")
    SiteStack(app, "site")
    return app


if __name__ == "__main__":
    try:
        synth(build(App()))
    except KeyformConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
