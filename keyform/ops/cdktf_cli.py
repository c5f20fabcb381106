"""Run the cdktf CLI non-interactively, with progress on the terminal and the output kept for checks."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
QUIET_ENV = {
    "CHECKPOINT_DISABLE": "1",
    "DISABLE_VERSION_CHECK": "1",
    "JSII_SILENCE_SUPPORT_WARNING": "1",
    "CI": "1",
    "FORCE_COLOR": "0",
    "NO_COLOR": "1",
    # cdktf would point Terraform at a shared plugin cache whose entries link into whichever
    # mirror installed the provider last (possibly a deleted temporary one).
    "CDKTF_DISABLE_PLUGIN_CACHE_ENV": "1",
}
# Lines of cdktf's live view worth showing while it works.
PROGRESS = re.compile(r"(Apply complete|Destroy complete|Plan:|No changes|Error|error|Warning)")


@dataclass
class Result:
    returncode: int
    output: str


def run(args: Sequence[str], cwd: Path, env: dict, show: Optional[Callable[[str], None]] = None,
        timeout: float = 900) -> Result:
    """``cdktf <args>`` in ``cwd``; lines matching :data:`PROGRESS` go to ``show`` as they come."""
    binary = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "cdktf"
    command = [str(binary) if binary.exists() else "cdktf", *args]
    full_env = {**os.environ, **QUIET_ENV, **env}
    lines: list[str] = []
    seen: set[str] = set()
    with subprocess.Popen(command, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL, text=True, bufsize=1) as process:
        try:
            for raw in process.stdout:
                line = ANSI.sub("", raw).rstrip()
                lines.append(line)
                key = line.strip()
                if show and key and PROGRESS.search(line) and key not in seen:
                    seen.add(key)
                    show(line)
            process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
    return Result(process.returncode, "\n".join(lines))


def no_changes(output: str) -> bool:
    return "No changes" in output and "Plan:" not in output
