"""``keyform init [DIR]``: the files of a user's infrastructure-as-code repository that declares its
appliances with keyform — a cdktf app run with the project's own Python (``.keyform/python``, written by
``keyform provider install``), one commented example stack per appliance, pinned keyform and cdktf CLI, an
example CI workflow and a README with the user's commands. :func:`files` is pure: the version decides."""

from __future__ import annotations

import json

from keyform import PROVIDER_SOURCE, __version__
from keyform.scaffold import templates

CDKTF_CLI_VERSION = "0.21.0"


def cdktf_json() -> str:
    """The app run with the project's own Python (``.keyform/python``, see ``keyform provider install``)."""
    cdktf = {
        "language": "python",
        "app": ".keyform/python main.py",
        "sendCrashReports": "false",
        "codeMakerOutput": "generated",
        "terraformProviders": [],  # keyform's `rest` provider needs no `cdktf get`: its bindings ship with keyform
        "terraformModules": [],
        "targetVersions": {"terraform": ">=1.11.0"},
        "context": {},
    }
    return json.dumps(cdktf, indent=2) + "\n"


def files(version: str = __version__) -> dict[str, str]:
    """Relative path → text of every file ``keyform init`` writes."""
    package = {"name": "keyform-infrastructure", "private": True,
               "description": "The cdktf CLI that deploys this repository's stacks, pinned",
               "devDependencies": {"cdktf-cli": CDKTF_CLI_VERSION}}
    return {
        "cdktf.json": cdktf_json(),
        "package.json": json.dumps(package, indent=2) + "\n",
        "requirements.txt": f"keyform=={version}\n",
        ".gitignore": templates.GITIGNORE,
        "main.py": templates.MAIN,
        "stacks/__init__.py": "",
        "stacks/settings.py": templates.SETTINGS,
        "stacks/ontap.py": templates.ONTAP,
        "stacks/vsp.py": templates.VSP,
        "stacks/vault_dr.py": templates.VAULT_DR,
        ".github/workflows/keyform.yml": templates.WORKFLOW.replace("{version}", version),
        "README.md": templates.README.replace("{version}", version).replace("{source}", PROVIDER_SOURCE),
    }
