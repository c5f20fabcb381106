"""Where the code goes: one module (``--out FILE``), or a whole cdktf app in an empty directory
(``--app DIR``: the module, ``main.py`` and ``cdktf.json``). Nothing is overwritten without ``force``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Optional

from keyform.importer.errors import UsageError

STACK = "adopted"
MODULE = "adopted"

MAIN = '''"""The cdktf app of the adopted appliances (app: `python main.py`): `cdktf synth`, `cdktf deploy {stack}`."""

import sys

from keyform.constructs import KeyformConfigError, synth  # first: it quiets jsii's Node banner before cdktf loads
from keyform.cdk import App


def build(app: App) -> App:
    from {module} import {class_name}

    {class_name}(app, "{stack}")
    return app


if __name__ == "__main__":
    try:
        synth(build(App()))
    except KeyformConfigError as exc:
        print(f"error: {{exc}}", file=sys.stderr)
        sys.exit(1)
'''


def cdktf_json() -> str:
    """The same cdktf.json as ``keyform init`` writes: the app run with the directory's ``.keyform/python``,
    which ``keyform provider install`` writes there."""
    from keyform.scaffold import cdktf_json as scaffolded

    return scaffolded()


def check_target(out: Optional[Path], app: Optional[Path], force: bool) -> None:
    """Refuse, before anything is read, an output that is in the way."""
    if out is not None:
        if out.is_dir():
            raise UsageError(f"--out {out} is a directory: name a file (e.g. {out / (MODULE + '.py')})")
        if out.exists() and not force:
            raise UsageError(f"{out} exists: give --force to overwrite it")
    if app is not None:
        if app.exists() and not app.is_dir():
            raise UsageError(f"--app {app} is not a directory")
        if app.is_dir() and any(app.iterdir()) and not force:
            raise UsageError(f"{app} is not empty: name an empty or new directory, or give --force to write "
                             f"{MODULE}.py, main.py and cdktf.json into it")


def write_module(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, text)
    return path


def write_app(directory: Path, text: str, class_name: str) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    files = {f"{MODULE}.py": text, "main.py": MAIN.format(module=MODULE, class_name=class_name, stack=STACK),
             "cdktf.json": cdktf_json()}
    for name, content in files.items():
        _write(directory / name, content)
    return [directory / name for name in files]


def _write(path: Path, text: str) -> None:
    """Write ``text`` whole or not at all (a temporary file renamed over the target)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
