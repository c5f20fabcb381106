"""Install keyform's provider for a project, where Terraform finds it with no network.

``keyform provider install [DIR]``.

Layout (Terraform's "unpacked" filesystem-mirror layout)::

    <mirror>/keyform.local/keyform/rest/<version>/linux_amd64/terraform-provider-rest_v<version>

The executable is a small launcher. Its bytes are the same on every machine for one build of keyform (the
lock file's hash does not depend on where a project lives) and change with keyform's version and with the
provider's code (it names the version and a digest of the code Terraform will run), so a lock file pins the
code, not only the launcher. It runs ``python -m keyform.provider`` with the Python of the project Terraform
runs in: the nearest ``.keyform/python`` above the working directory (written here, per project: it runs the
Python keyform was installed into), else ``$KEYFORM_PROVIDER_PYTHON``. Two projects with different keyform
installs never run each other's code.
While a warm provider is named (``KEYFORM_PROVIDER_WARM``), it hands the launch over instead, with texts it
carries: ``handover.pl`` with perl where there is one (~3 ms of CPU a launch), else
:mod:`keyform.provider.handover` with ``python -S`` (~20 ms): a launch handed over needs nothing of keyform on
the path.

Two mirrors are written: the project's (``.keyform/plugins``, with the CLI config ``.keyform/terraformrc``
naming it) and the user's implied mirror (``~/.terraform.d/plugins``), which plain ``terraform``/``cdktf``
find when no CLI config, or one without a ``provider_installation`` block, is in use.
"""

from __future__ import annotations

import base64
import hashlib
import os
import platform
import re
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Optional

from keyform import PROVIDER_SOURCE as SOURCE
from keyform import __version__ as VERSION
from keyform.provider import code
from keyform.provider.code import CODE_PACKAGES  # noqa: F401 - what the launcher pins, named here for its readers

if TYPE_CHECKING:
    import argparse  # only the CLI needs argparse

PROJECT_PYTHON = Path(".keyform") / "python"
"""Per project: runs the Python this keyform is installed into (the app in cdktf.json and the provider)."""

_LAUNCHER = """#!/bin/sh
# keyform {version} 'rest' Terraform provider launcher (written by `keyform provider install`).
# keyform code digest: {digest}
# Runs the keyform installed for the project Terraform runs in: the nearest .keyform/python above the
# working directory, else $KEYFORM_PROVIDER_PYTHON.
py=""
dir="$PWD"
while :; do  # up to the root, by cutting the last component ("" is the root): no dirname process per level
  if [ -x "$dir/.keyform/python" ]; then py="$dir/.keyform/python"; break; fi
  case "$dir" in ""|/) break ;; esac
  dir="${{dir%/*}}"
done
[ -z "$py" ] && py="${{KEYFORM_PROVIDER_PYTHON:-}}"
if [ -z "$py" ] || [ ! -x "$py" ]; then
  echo "keyform rest provider: no Python found for this project: run \\`keyform provider install\\` in it" >&2
  exit 1
fi
export KEYFORM_LAUNCHER_VERSION={version} KEYFORM_LAUNCHER_DIGEST={digest}
if [ -n "${{KEYFORM_PROVIDER_WARM:-}}" ]; then
  # A warm provider is up: hand this launch over to it (keyform/provider/handover.pl's text where there is a perl,
  # else handover.py's, run without site); a launch it does not serve goes on as "$py" -m keyform.provider, in
  # the same process.
  command -v perl >/dev/null 2>&1 && exec perl -e {perl_handover} -- "$py" "$@"
  exec "$py" -S -c {handover} "$py" "$@"
fi
exec "$py" -m keyform.provider "$@"
"""


def code_digest() -> str:
    """The digest of the provider's code beside this module (:func:`keyform.provider.code.code_digest`)."""
    return code.code_digest(str(Path(__file__).resolve().parents[1]))


def launcher() -> str:
    here = Path(__file__).parent
    handover, perl_handover = ((here / name).read_text(encoding="utf-8") for name in ("handover.py", "handover.pl"))
    return _LAUNCHER.format(version=VERSION, digest=code_digest(), handover=shlex.quote(handover),
                            perl_handover=shlex.quote(perl_handover))


def executable_name() -> str:
    return f"terraform-provider-{SOURCE.split('/')[2]}_v{VERSION}"


def package_hash(text: Optional[str] = None) -> str:
    """The ``h1:`` hash Terraform records in a lock file for the installed package (a directory holding only
    the launcher): golang.org/x/mod/sumdb/dirhash's Hash1."""
    data = (text if text is not None else launcher()).encode()
    summary = f"{hashlib.sha256(data).hexdigest()}  {executable_name()}\n"
    return "h1:" + base64.b64encode(hashlib.sha256(summary.encode()).digest()).decode()


def target_platform() -> str:
    machine = {"x86_64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(platform.machine(), platform.machine())
    return f"{sys.platform}_{machine}"


def install_into(mirror: Path) -> Path:
    host, namespace, name = SOURCE.split("/")
    folder = mirror / host / namespace / name / VERSION / target_platform()
    folder.mkdir(parents=True, exist_ok=True)
    executable = folder / executable_name()
    _write_executable(executable, launcher())
    return executable


def cli_config(mirror: Path) -> str:
    return (
        "# Written by `keyform provider install`: keyform's provider comes from the local mirror,\n"
        "# every other provider from its registry as usual.\n"
        + installation_block(mirror)
    )


def installation_block(mirror: Path) -> str:
    """A ``provider_installation`` block: keyform's provider from ``mirror``, everything else direct. Users
    with a CLI config of their own add its ``filesystem_mirror`` (and the ``exclude``) to theirs."""
    host = SOURCE.split("/")[0]
    return (
        "provider_installation {\n"
        f'  filesystem_mirror {{\n    path    = "{mirror}"\n    include = ["{host}/*/*"]\n  }}\n'
        f'  direct {{\n    exclude = ["{host}/*/*"]\n  }}\n'
        "}\n"
    )


def install(project: Path, home: Optional[Path] = None) -> list[Path]:
    """Install for ``project``: its mirror and CLI config, the user's implied mirror, and ``.keyform/python``
    (this Python: the keyform the project's app and provider run)."""
    state_dir = project / ".keyform"
    mirror = state_dir / "plugins"
    home = home or Path.home()
    installed = [install_into(mirror), install_into(home / ".terraform.d" / "plugins")]
    code.compile_code()
    (state_dir / "terraformrc").write_text(cli_config(mirror))
    _write_executable(project / PROJECT_PYTHON, project_python(sys.executable))
    return installed


def project_python(executable: str) -> str:
    return (f"#!/bin/sh\n# The Python of this project's keyform (written by `keyform provider install`).\n"
            f"exec {shlex.quote(executable)} \"$@\"\n")


def _write_executable(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text() == text:
        return
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text)
    tmp.chmod(0o755)
    os.replace(tmp, path)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``keyform provider install [DIR]``."""
    provider = subparsers.add_parser("provider", help="keyform's Terraform provider",
                                     description="keyform's Terraform provider (keyform.local/keyform/rest)")
    actions = provider.add_subparsers(dest="action", metavar="ACTION", required=True)
    installing = actions.add_parser("install", help="install the provider for the project in DIR (default: here)",
                                    description=(__doc__ or "").split("\n\n")[0])
    installing.add_argument("directory", nargs="?", type=Path, default=Path("."))
    installing.set_defaults(handler=lambda args: main([str(args.directory)]))
    warming = actions.add_parser(
        "warm", help="run COMMAND with a warm provider: its Terraform launches skip Python's start-up and imports",
        description="Run COMMAND (e.g. `npx cdktf deploy --auto-approve '*'`) with a warm provider that has done "
                    "the provider's imports and forks a process for each launch Terraform makes; stopped when "
                    "COMMAND ends. Exits with COMMAND's code.")
    warming.add_argument("command", nargs="...", metavar="-- COMMAND ...")
    warming.set_defaults(handler=lambda args: _run_warm(args.command))


def _run_warm(command: list[str]) -> int:
    from keyform.provider.warm import run_command

    if command[:1] == ["--"]:
        command = command[1:]
    if not command:
        print("keyform provider warm: name the command to run, e.g. "
              "`keyform provider warm -- npx cdktf deploy --auto-approve '*'`", file=sys.stderr)
        return 2
    return run_command(command)


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m keyform.provider.install [DIR]`` (the repository's set-up; users run ``keyform provider
    install``)."""
    args = sys.argv[1:] if argv is None else argv
    project = Path(args[0]) if args else Path.cwd()
    for path in install(project.resolve()):
        print(f"installed {SOURCE} {VERSION} -> {path}")
    print(f"CLI config: {project.resolve() / '.keyform' / 'terraformrc'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


# ------------------------------------------------------------------------------ is it installed?
def implied_mirrors(home: Path) -> list[Path]:
    """Where Terraform looks for providers when no CLI config names a ``provider_installation`` (Linux)."""
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    data_dirs = [Path(d) for d in (os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":") if d]
    return [home / ".terraform.d" / "plugins", data_home / "terraform" / "plugins",
            *(d / "terraform" / "plugins" for d in data_dirs)]


def cli_config_file(environ: Optional[Mapping[str, str]] = None, home: Optional[Path] = None) -> Optional[Path]:
    environ = dict(os.environ) if environ is None else environ
    named = environ.get("TF_CLI_CONFIG_FILE")
    candidate = Path(named) if named else (home or Path.home()) / ".terraformrc"
    return candidate if candidate.is_file() else None


def installation_problem(environ: Optional[Mapping[str, str]] = None,
                         home: Optional[Path] = None) -> Optional[tuple[str, str]]:
    """Why Terraform would not run this keyform's provider, and the fix (None when it would): not installed where
    Terraform looks, installed by other code (a stale launcher), or hidden by a CLI config's
    ``provider_installation``."""
    home = home or Path.home()
    config = cli_config_file(environ, home)
    text = config.read_text(errors="replace") if config else ""
    if re.search(r"^\s*provider_installation\s*\{", text, re.M):
        mirrors = [Path(p) for p in re.findall(r'filesystem_mirror\s*\{[^}]*?path\s*=\s*"([^"]+)"', text, re.S)]
        where = f"the filesystem mirrors of your Terraform CLI config {config}"
    else:
        mirrors, where = implied_mirrors(home), f"{home / '.terraform.d' / 'plugins'}"
    host, namespace, name = SOURCE.split("/")
    found = [m / host / namespace / name / VERSION / target_platform() / executable_name() for m in mirrors]
    installed = [path for path in found if path.is_file()]
    if not installed:
        fix = "run `keyform provider install` in this project"
        if config and "provider_installation" in text:
            fix += (f", then add keyform's filesystem_mirror to the provider_installation block of {config} "
                    "(with one, Terraform searches no other place; .keyform/terraformrc has the block to copy)")
        return f"keyform {VERSION}'s provider is not installed in {where}", fix
    if installed[0].read_text(errors="replace") != launcher():
        return (f"the provider at {installed[0]} was installed by another build of keyform {VERSION} (the code "
                "has changed since)", "run `keyform provider install` in this project again")
    return None
