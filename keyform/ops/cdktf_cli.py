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
# cdktf names the stack on the first line of each chunk of a stack's output ("ontap  Plan: ...")
# and indents the chunk's other lines by as much; stacks deploying at once interleave chunks.
STACK_LINE = re.compile(r"^(\S+)  \S")


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
    progress = Progress()
    with subprocess.Popen(command, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL, text=True, bufsize=1) as process:
        try:
            for raw in process.stdout:
                line = ANSI.sub("", raw).rstrip()
                lines.append(line)
                shown = progress.worth_showing(line)
                if show and shown:
                    show(shown)
            process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
    return Result(process.returncode, "\n".join(lines))


class Progress:
    """Picks the lines of cdktf's output worth showing, each once, each naming its stack."""

    def __init__(self):
        self.stack: Optional[str] = None
        self.seen: set[str] = set()

    def worth_showing(self, line: str) -> Optional[str]:
        first = STACK_LINE.match(line)
        if first:
            self.stack = first.group(1)
        elif self.stack and line.strip() and line.startswith(" " * (len(self.stack) + 2)):
            line = f"{self.stack}  {line.strip()}"
        key = line.strip()
        if not key or not PROGRESS.search(line) or key in self.seen:
            return None
        self.seen.add(key)
        return line


def no_changes(output: str) -> bool:
    return "No changes" in output and "Plan:" not in output
