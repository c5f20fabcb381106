"""The tools keyform drives — the CDK CLI (cdktf, or CDK Terrain's cdktn) and Terraform — where they are, the
environment they run with, and one way to run them (a time limit, the output captured, progress line by line).

Used by the main job (:mod:`keyform.ops.cdktf_cli`), the benchmark and the tests. The environment is
what ``scripts/setup.sh`` writes into ``.keyform/env.sh`` for a shell, built for a given project root:

- ``TF_CLI_CONFIG_FILE``: the project's ``.keyform/terraformrc`` (the provider from its filesystem
  mirror), or another CLI config (a test's private mirror);
- ``KEYFORM_PROVIDER_PYTHON``: the Python that runs the provider, whose directory goes first on ``PATH``,
  followed by the directory of the CDK CLI set up (:func:`cdk_bin`: the pinned cdktf CLI in ``node_modules/.bin``,
  or CDK Terrain's cdktn CLI and its Node 22 in ``.keyform/cdktn/node_modules/.bin``);
- ``KEYFORM_CDK``: which of the two (``make setup`` remembers it in ``.keyform/cdk``);
- no checkpoint or version calls, no shared plugin cache (cdktf would link the provider from whichever
  mirror installed it last), no colour, no prompts, no jsii banner for the Node versions keyform supports.

What callers differ in is a parameter: which inherited settings are dropped (``drop``), the CLI config,
the provider's Python, ``PYTHONPATH``, and their own variables (``extra``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence, Union

from keyform import followed_output

ROOT = Path(__file__).resolve().parents[1]  # the checkout (node_modules, .keyform, .venv), when keyform runs from one
# Settings of the stacks (KEYFORM_*, KEYFORM_STATE_BACKEND too), Terraform's, cdktf's and the pg state backend's
# (PG_CONN_STR, libpq's PG*), which a caller may drop from its shell's; kept otherwise, so they reach Terraform.
FOREIGN = ("KEYFORM_", "TF_", "CDKTF_", "PG")
# Node major versions keyform is set up with (setup.sh, README): jsii prints an end-of-life banner on
# every start for a Node past its support, unless its major is listed in this comma-separated variable.
SUPPORTED_NODE = ("20", "22")
NODE_END_OF_LIFE = "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
TIMEOUT = 300.0

PathLike = Union[str, Path]


# ----------------------------------------------------------------------- where the tools are
def cli_config(root: PathLike = ROOT) -> Path:
    """The project's Terraform CLI config (``make setup`` writes it): the provider's filesystem mirror."""
    return Path(root) / ".keyform" / "terraformrc"


def project_python(root: PathLike = ROOT) -> Path:
    """The project's virtualenv Python, or this Python when the project has none."""
    python = Path(root) / ".venv" / "bin" / "python"
    return python if python.exists() else Path(sys.executable)


CDKS = ("cdktf", "cdktn")
"""CDK for Terraform (0.21, the default) and its continuation CDK Terrain (0.24): the CLI of each is named so."""


def cdk_name(root: PathLike = ROOT) -> str:
    """The CDK the project at ``root`` is set up with: ``KEYFORM_CDK`` when set, else what ``make setup``
    remembered in ``.keyform/cdk``, else ``cdktf``. Another value is refused, naming the choices."""
    named = os.environ.get("KEYFORM_CDK", "").strip()
    if not named:
        remembered = Path(root) / ".keyform" / "cdk"
        named = remembered.read_text().strip() if remembered.exists() else "cdktf"
    if named not in CDKS:
        raise ValueError(f"KEYFORM_CDK={named!r}: choose cdktf (CDK for Terraform) or cdktn (CDK Terrain)")
    return named


def cdk_bin(root: PathLike = ROOT, name: Optional[str] = None) -> Path:
    """Where the project's pinned CLI of CDK ``name`` (default :func:`cdk_name`) is installed: ``node_modules/.bin``
    for cdktf; ``.keyform/cdktn/node_modules/.bin`` for cdktn, which holds the Node 22 it needs too."""
    if (name or cdk_name(root)) == "cdktn":
        return Path(root) / ".keyform" / "cdktn" / "node_modules" / ".bin"
    return Path(root) / "node_modules" / ".bin"


def cdk_cli(root: PathLike = ROOT) -> Path:
    """The CDK CLI (``cdktf`` or ``cdktn``, see :func:`cdk_name`): the project's pinned one; without it, the one
    on PATH (and the project's path when there is none, so that an error names what is missing)."""
    name = cdk_name(root)
    pinned = cdk_bin(root, name) / name
    if pinned.exists():
        return pinned
    found = shutil.which(name)
    return Path(found) if found else pinned


def cdktf(root: PathLike = ROOT) -> Path:
    """The CDK CLI, whichever is set up (the name kept for callers written for cdktf): :func:`cdk_cli`."""
    return cdk_cli(root)


def terraform() -> str:
    """Terraform on PATH (a prerequisite, not installed by keyform); ``terraform`` when there is none."""
    return shutil.which("terraform") or "terraform"


def missing(root: PathLike = ROOT, config: Optional[PathLike] = None) -> list[str]:
    """What of the toolchain is not there (empty when all is): the project's CDK CLI (cdktf or cdktn, see
    :func:`cdk_name`), its CLI config (or ``config``), terraform on PATH. ``make setup`` provides all but terraform."""
    found = []
    name = cdk_name(root)
    pinned = cdk_bin(root, name) / name
    if not pinned.exists():
        found.append(f"the {name} CLI ({pinned})")
    config = Path(config) if config else cli_config(root)
    if not config.exists():
        found.append(f"the provider's Terraform CLI config ({config})")
    if shutil.which("terraform") is None:
        found.append("terraform on PATH")
    return found


# ----------------------------------------------------------------------- their environment
def quiet_jsii(env: Mapping[str, str]) -> dict[str, str]:
    """The jsii settings that keep processes started with ``env`` (with ``os.environ``: this process's own
    jsii runtime, which copies it when cdktf is first imported) from printing a banner for a supported Node.

    The end-of-life list is comma-separated (jsii's runtime splits it): entries already in ``env`` are kept.
    A Node between its end of life and the end of jsii's support shows the "deprecated" banner instead,
    silenced by any value; values already set are kept."""
    listed = [v.strip() for v in env.get(NODE_END_OF_LIFE, "").split(",") if v.strip()]
    return {
        NODE_END_OF_LIFE: ",".join(listed + [v for v in SUPPORTED_NODE if v not in listed]),
        "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": env.get("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION") or "1",
        "JSII_SILENCE_SUPPORT_WARNING": env.get("JSII_SILENCE_SUPPORT_WARNING") or "1",  # older jsii runtimes' name
    }


def environment(root: PathLike = ROOT, *, config: Optional[PathLike] = None,
                provider_python: Optional[PathLike] = None, drop: Sequence[str] = (),
                pythonpath: Optional[PathLike] = None, base: Optional[Mapping[str, str]] = None,
                **extra: str) -> dict[str, str]:
    """The environment to run cdktf and Terraform with for the project at ``root``.

    ``base`` (default: this process's environment) without the variables whose names start with one of
    ``drop`` (e.g. :data:`FOREIGN`: nothing of the caller's shell reaches the run), plus what
    ``.keyform/env.sh`` sets: ``config`` as ``TF_CLI_CONFIG_FILE`` (default: the project's, see
    :func:`cli_config`), ``provider_python`` (default: this Python) as ``KEYFORM_PROVIDER_PYTHON`` with
    its directory and the project's CDK CLI directory (:func:`cdk_bin`) first on ``PATH``, the CDK as
    ``KEYFORM_CDK``; ``PYTHONPATH`` when ``pythonpath`` is given; then ``extra``."""
    source = os.environ if base is None else base
    env = {k: v for k, v in source.items() if not k.startswith(tuple(drop))}
    python = Path(provider_python) if provider_python else Path(sys.executable)
    cdk = cdk_name(root)
    env.update({
        "TF_CLI_CONFIG_FILE": str(Path(config) if config else cli_config(root)),
        "KEYFORM_PROVIDER_PYTHON": str(python),
        "KEYFORM_CDK": cdk,
        "PATH": os.pathsep.join([str(python.parent), str(cdk_bin(root, cdk)), env.get("PATH") or os.defpath]),
        "CHECKPOINT_DISABLE": "1",
        "DISABLE_VERSION_CHECK": "1",
        # cdktf points Terraform at the shared ~/.terraform.d/plugin-cache, whose entries link into whichever
        # mirror installed the provider last (another checkout's, a test's deleted one): not for these runs.
        "CDKTF_DISABLE_PLUGIN_CACHE_ENV": "1",
        "TF_PLUGIN_CACHE_DIR": "",
        # output for a pipe, not a terminal: no prompts, no colour
        "CI": "1",
        "FORCE_COLOR": "0",
        "NO_COLOR": "1",
    })
    env.update(quiet_jsii(env))
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    env.update(extra)
    return env


# ----------------------------------------------------------------------- running them
@dataclass
class Run:
    """A finished process: its command, exit code, output (stdout and stderr as they came, without
    terminal colour codes) and wall time."""

    command: list[str]
    returncode: int
    output: str
    seconds: float = 0.0
    errors: str = ""  # stderr, when the run kept it apart from ``output``

    @property
    def flat(self) -> str:
        """The output with every run of whitespace made one space (Terraform wraps its diagnostics)."""
        return " ".join(self.output.split())

    def tail(self, lines: int = 80) -> str:
        return "\n".join(self.output.splitlines()[-lines:])

    def describe(self) -> str:
        return (f"`{' '.join(self.command)}` exited {self.returncode} after {self.seconds:.1f} s; "
                f"its output ends:\n{self.tail()}")


class TimedOut(RuntimeError):
    """A run that did not end in time (and was killed); :attr:`run` holds what it wrote until then."""

    def __init__(self, run: Run, timeout: float):
        super().__init__(f"`{' '.join(run.command)}` did not end within {timeout:g} s:\n{run.output[-4000:]}")
        self.run = run
        self.timeout = timeout


def run(command: Sequence[PathLike], cwd: PathLike, env: Mapping[str, str], *, timeout: Optional[float] = TIMEOUT,
        on_line: Optional[Callable[[str], None]] = None, own_group: bool = True, separate_stderr: bool = False,
        on_start: Optional[Callable[[int], None]] = None, outlive_us: bool = False) -> Run:
    """Run ``command`` to its end with stdin closed, its stdout and stderr captured together (with
    ``separate_stderr``: stderr apart, in :attr:`Run.errors`, not given to ``on_line``).

    ``on_line`` gets each line (without colour codes and line end) as it comes. ``own_group``: the
    process leads a process group of its own, killed whole when ``timeout`` seconds pass or this process
    is interrupted; otherwise it stays in ours: a terminal's Ctrl-C reaches it too, so on Ctrl-C
    (KeyboardInterrupt) it is left to stop as it means to (Terraform finishes what is under way and saves
    the state) and read to its end, and only a second Ctrl-C kills it (it alone) before the
    KeyboardInterrupt goes on. On a time-out :class:`TimedOut` is raised. ``on_start`` gets the process id
    once it has started. ``outlive_us``: its output goes to an unnamed file this process follows, not to a
    pipe, so that if this process is killed the command is not killed by its next line of output but runs to
    its end (:mod:`keyform.followed_output`; Terraform saves the state of what it made)."""
    argv = [str(c) for c in command]
    started = time.monotonic()
    chunks: list[str] = []
    errors: list[str] = []
    expired = threading.Event()
    if outlive_us and separate_stderr:
        raise ValueError("outlive_us takes stdout and stderr together")
    output_file = followed_output.unnamed_file() if outlive_us else None
    follower = followed_output.Follower(output_file.fileno()) if output_file else None
    with output_file or contextlib.nullcontext(), subprocess.Popen(
            argv, cwd=cwd, env=dict(env), stdin=subprocess.DEVNULL, stdout=output_file or subprocess.PIPE,
            stderr=subprocess.PIPE if separate_stderr else subprocess.STDOUT, text=True, errors="replace",
            start_new_session=own_group) as process:
        if on_start:
            on_start(process.pid)
        stderr_reader = threading.Thread(target=lambda: errors.extend(process.stderr or ()), daemon=True)
        if separate_stderr:
            stderr_reader.start()

        def kill() -> None:
            try:
                if own_group:
                    os.killpg(process.pid, signal.SIGKILL)
                else:
                    process.kill()
            except (ProcessLookupError, PermissionError):
                pass  # already gone

        def time_up() -> None:
            expired.set()
            kill()

        timer = threading.Timer(timeout, time_up) if timeout else None
        if timer:
            timer.daemon = True
            timer.start()
        def take(line: str) -> None:
            chunks.append(line)
            if on_line:
                on_line(ANSI.sub("", line.rstrip("\r\n")))

        def read_to_end() -> None:
            if follower is not None:
                follower.follow(lambda: process.poll() is not None, take)
            else:
                assert process.stdout is not None
                for line in process.stdout:
                    take(line)
            process.wait()
            if separate_stderr:
                stderr_reader.join()

        try:
            try:
                read_to_end()
            except KeyboardInterrupt:
                if own_group:
                    raise
                read_to_end()  # it got the Ctrl-C too; a second one ends this wait and kills it
                raise
        except BaseException:
            kill()
            raise
        finally:
            if timer:
                timer.cancel()
    result = Run(argv, process.returncode, ANSI.sub("", "".join(chunks)), time.monotonic() - started,
                 ANSI.sub("", "".join(errors)))
    if expired.is_set():
        raise TimedOut(result, timeout or 0)
    return result
