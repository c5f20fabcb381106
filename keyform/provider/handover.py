"""A launch's side of the warm provider (:mod:`keyform.provider.warm`): hand this launch over, then wait for it.

The launch connects to the warm provider's socket and sends, length first, the version and code digest its
launcher pins and its arguments, NUL-separated. The warm provider reads the rest of the launch in ``/proc``
(its stdin, stdout and stderr, working directory, umask and environment: the connection's peer process,
named by the kernel), and answers :data:`STARTED` once a child runs it, then :data:`EXITED` and the child's
exit code; or :data:`REFUSED` and why, when nothing of it runs there.

Where there is a perl, the launcher runs ``handover.pl`` (the same protocol in perl's built-ins: ~3 ms of
CPU a launch). Else it runs this file's text itself (``python -S -c <text> PYTHON ARGS...``, see
:func:`launched_by_launcher`): without ``site`` a launch costs ~7 ms less CPU, and nothing of keyform is needed
to hand over. This runs before anything else is loaded, so it imports only what a bare interpreter has at hand:
the C modules ``_socket`` and ``_signal`` stand in for ``socket`` and ``signal``, whose ``enum`` and
``selectors`` cost a launch ~17 ms of CPU (measured).
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # signal's C module: typeshed has no stub
import _socket
import os
import sys

ENV = "KEYFORM_PROVIDER_WARM"
"""The warm provider's socket, set for a run's commands."""

STARTED, EXITED, REFUSED = b"S", b"E", b"R"
"""The warm provider's answers: a child runs this launch / the child's exit code follows / not served here."""
STDIO = (0, 1, 2)
"""The descriptors a launch's child takes over (from ``/proc/<launch>/fd``)."""
LENGTH_BYTES = 4
PARENT_CHECK_SECONDS = 1.0
"""How often a waiting launch looks whether Terraform is still its parent."""
TIMINGS = "KEYFORM_PROVIDER_TIMINGS"
PROCESS, FORKED = "process", "forked"
"""The benchmark's line of a process's cost (:mod:`keyform.provider.timings`): ``process <CPU ms> <peak KiB>
[forked]``."""


def request(digest: str, version: str, args: list[str]) -> bytes:
    """What the warm provider cannot read of this process in ``/proc``, length first."""
    body = "\0".join([digest, version, *args]).encode("utf-8", "surrogateescape")
    return len(body).to_bytes(LENGTH_BYTES, "big") + body


def hand_over(socket_path: str, digest: str, version: str, args: list[str]) -> int | None:
    """Run this launch (with ``args``) in a child of the warm provider at ``socket_path``: its exit code, or None
    when nothing was started there (the caller then starts cold)."""
    connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        try:
            connection.connect(socket_path)
            connection.sendall(request(digest, version, args))
            first = connection.recv(1)
        except OSError:
            return None
        if first != STARTED:  # refused, or the warm provider died before forking: nothing of this launch runs
            return None
        # Terraform interrupts its whole process group on Ctrl-C; the provider ends when Terraform tells it to.
        _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
        # A Terraform killed (not ending its plugins) leaves this launch to init: it leaves then, as a cold launch
        # does, and closing the connection ends the child (its launch-watch).
        parent = os.getppid()
        connection.settimeout(PARENT_CHECK_SECONDS)
        answer = b""
        while True:
            try:
                chunk = connection.recv(2)
            except TimeoutError:
                if os.getppid() != parent:
                    break
                continue
            except OSError:
                break
            if not chunk:
                break
            answer += chunk
    finally:
        connection.close()
    return answer[1] if len(answer) >= 2 and answer[:1] == EXITED else 1


def process_line(forked: bool = False) -> str:
    """This process's :data:`PROCESS` line, as it ends: its CPU time (user + system) and peak resident memory."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (f"{PROCESS} {(usage.ru_utime + usage.ru_stime) * 1000:.1f} {usage.ru_maxrss}"
            f"{' ' + FORKED if forked else ''}\n")


def launched_by_launcher() -> None:
    """The launcher's warm path: ``python -S -c <this file> PYTHON ARGS...`` with the version and digest it pins in
    the environment. Served: exits with the child's code (its cost logged for the benchmark). Not served: becomes
    a cold launch, ``PYTHON -m keyform.provider ARGS...`` in this same process, which then does not try again."""
    python = sys.argv[1]
    sys.argv = [sys.argv[0], *sys.argv[2:]]
    code = hand_over(os.environ[ENV], os.environ["KEYFORM_LAUNCHER_DIGEST"], os.environ["KEYFORM_LAUNCHER_VERSION"],
                     sys.argv[1:])
    if code is None:
        cold = {name: value for name, value in os.environ.items() if name != ENV}
        os.execve(python, [python, "-m", "keyform.provider", *sys.argv[1:]], cold)
    timings = os.environ.get(TIMINGS)
    if timings:
        with open(timings, "a", encoding="ascii") as handle:
            handle.write(process_line())
    sys.exit(code)


if __name__ == "__main__":
    launched_by_launcher()
