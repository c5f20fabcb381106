"""Run the cdktf CLI non-interactively, with progress on the terminal and the output kept for checks."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Optional, Sequence

from keyform import toolchain

# Lines of cdktf's live view worth showing while it works.
PROGRESS = re.compile(r"(Apply complete|Destroy complete|Plan:|No changes|Error|error|Warning)")
# The CLI names the stack on the first line of each chunk of a stack's output ("ontap  Plan: ..."); stacks
# deploying at once interleave chunks. cdktf indents a chunk's other lines by the name's width, CDK Terrain
# (cdktn) does not indent them. Where a chunk breaks depends on how Terraform's output was read, so a line
# such as "Apply complete!" comes first in its chunk in one run and inside it in the next.
STACK_LINE = re.compile(r"^(\S+)  \S")
APPLIED = re.compile(r"^(\S+)  Apply complete!")


def run(args: Sequence[str], cwd: Path, env: dict, show: Optional[Callable[[str], None]] = None,
        timeout: float = 900) -> toolchain.Run:
    """``cdktf <args>`` (or ``cdktn <args>``: the CDK CLI the checkout is set up with,
    :func:`keyform.toolchain.cdk_cli`) in ``cwd`` with ``env``, a complete environment
    (:func:`keyform.toolchain.environment`); lines matching :data:`PROGRESS` go to ``show`` as they come.
    The CLI stays in this process's group, so that a Ctrl-C on the terminal reaches Terraform too; the CLI is
    then read to its end (Terraform finishes what is under way), and only a second Ctrl-C kills it. Should this
    process be killed, the CLI and its Terraform run to their end (their output goes to a file, not a pipe)."""
    progress = Progress.of_cli()

    def on_line(line: str) -> None:
        shown = progress.worth_showing(line.rstrip())
        if show and shown:
            show(shown)

    return toolchain.run([toolchain.cdk_cli(), *args], cwd, env, timeout=timeout, on_line=on_line, own_group=False,
                         outlive_us=True)


class Progress:
    """Picks the lines of the CLI's output worth showing, each once, each naming its stack.
    ``indents_chunks``: the CLI indents a chunk's other lines (cdktf), so an unindented line after a chunk is
    the CLI's own; without it (CDK Terrain) every line up to the next named one is the last-named stack's."""

    def __init__(self, indents_chunks: bool = True):
        self.indents_chunks = indents_chunks
        self.stack: Optional[str] = None
        self.seen: set[str] = set()

    @classmethod
    def of_cli(cls) -> "Progress":
        """For the output of the CDK CLI the checkout is set up with."""
        return cls(indents_chunks=toolchain.cdk_name() == "cdktf")

    def worth_showing(self, line: str) -> Optional[str]:
        first = STACK_LINE.match(line)
        if first:
            self.stack = first.group(1)
        elif self.stack and line.strip() and self.continues_chunk(line, self.stack):
            line = f"{self.stack}  {line.strip()}"
        key = line.strip()
        if not key or not PROGRESS.search(line) or key in self.seen:
            return None
        self.seen.add(key)
        return line

    def continues_chunk(self, line: str, stack: str) -> bool:
        return not self.indents_chunks or line.startswith(" " * (len(stack) + 2))


def applied(deploy_output: str) -> set[str]:
    """The stacks whose apply completed, by the deploy's output (read as :func:`run` reads it)."""
    progress = Progress.of_cli()
    shown = filter(None, map(progress.worth_showing, deploy_output.splitlines()))
    return {found.group(1) for found in map(APPLIED.match, shown) if found}


def no_changes(output: str) -> bool:
    return "No changes" in output and "Plan:" not in output
