"""Install the provider where Terraform finds it with no network: ``python -m keyform.provider.install``.

Layout (Terraform's "unpacked" filesystem-mirror layout)::

    <mirror>/keyform.local/keyform/rest/<version>/linux_amd64/terraform-provider-rest_v<version>

The executable is a small launcher whose bytes are the same on every machine, so the
hash ``terraform init`` records in a lock file does not depend on where the checkout is.
It runs ``python -m keyform.provider`` with the interpreter named by
``$KEYFORM_PROVIDER_PYTHON``, else by the pointer file this command writes
(``~/.config/keyform/provider-python``): the virtualenv of the last set-up.

Two mirrors are written: the project's (``.keyform/plugins``, named by the CLI config
``.keyform/terraformrc`` that the project's commands use) and the user's implied
mirror (``~/.terraform.d/plugins``), which plain ``terraform``/``cdktf`` find when no
CLI config or one without a ``provider_installation`` block is in use.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

from keyform.provider.provider import SOURCE, VERSION

LAUNCHER = """#!/bin/sh
# keyform 'rest' Terraform provider launcher (written by python -m keyform.provider.install).
# The Python that runs the provider: $KEYFORM_PROVIDER_PYTHON, else the last set-up's virtualenv.
py="${KEYFORM_PROVIDER_PYTHON:-}"
if [ -z "$py" ]; then
  pointer="${XDG_CONFIG_HOME:-$HOME/.config}/keyform/provider-python"
  [ -r "$pointer" ] && py="$(cat "$pointer")"
fi
if [ -z "$py" ] || [ ! -x "$py" ]; then
  echo "keyform rest provider: no Python found; run the project's set-up (make setup) first" >&2
  exit 1
fi
exec "$py" -m keyform.provider "$@"
"""


def target_platform() -> str:
    machine = {"x86_64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(platform.machine(), platform.machine())
    return f"{sys.platform.replace('linux', 'linux')}_{machine}"


def install_into(mirror: Path) -> Path:
    host, namespace, name = SOURCE.split("/")
    folder = mirror / host / namespace / name / VERSION / target_platform()
    folder.mkdir(parents=True, exist_ok=True)
    executable = folder / f"terraform-provider-{name}_v{VERSION}"
    if not executable.exists() or executable.read_text() != LAUNCHER:
        tmp = executable.with_suffix(".tmp")
        tmp.write_text(LAUNCHER)
        tmp.chmod(0o755)
        os.replace(tmp, executable)
    return executable


def cli_config(mirror: Path) -> str:
    host = SOURCE.split("/")[0]
    return (
        "# Written by python -m keyform.provider.install: keyform's provider comes from the local mirror,\n"
        "# every other provider from its registry as usual.\n"
        "provider_installation {\n"
        f'  filesystem_mirror {{\n    path    = "{mirror}"\n    include = ["{host}/*/*"]\n  }}\n'
        f'  direct {{\n    exclude = ["{host}/*/*"]\n  }}\n'
        "}\n"
    )


def main() -> int:
    project = Path(__file__).resolve().parents[2]
    state_dir = project / ".keyform"
    mirror = state_dir / "plugins"
    installed = [install_into(mirror), install_into(Path.home() / ".terraform.d" / "plugins")]
    (state_dir / "terraformrc").write_text(cli_config(mirror))
    pointer = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "keyform" / "provider-python"
    pointer.parent.mkdir(parents=True, exist_ok=True)
    pointer.write_text(sys.executable)
    for path in installed:
        print(f"installed {SOURCE} {VERSION} -> {path}")
    print(f"CLI config: {state_dir / 'terraformrc'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
