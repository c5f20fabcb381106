"""A warm provider: one process that has done the provider's imports and forks a child for each launch.

Terraform starts the provider 3-5 times per command, and each launch starts Python and imports the provider
(a plan of 500: provider CPU 1.22 s with cold launches, 0.80 s handed over; benchmark). A run of many commands
(the main job, ``keyform apply-plan``, ``keyform provider warm -- CMD``) starts one warm provider and names
its socket in ``KEYFORM_PROVIDER_WARM``; each launch Terraform makes then hands itself over:

- the launch (the launcher runs :mod:`keyform.provider.handover`'s protocol in perl where there is one, else in
  ``python -S``; ``python -m keyform.provider`` does the same) connects to the socket and sends its arguments
  and the version and code digest its launcher pins; its stdin, stdout and stderr, working directory, umask and
  environment are read in ``/proc/<pid>`` of the connection's peer (the kernel names it: ``SO_PEERCRED``);
- the warm provider refuses a launch of other code (version or digest differ) or of another user, else forks
  (so a launch served here runs the pinned code, and skips a cold launch's check of the code on disk); the
  child takes the launch's descriptors, directory and environment (credentials only ever live in the child,
  as in a cold launch) and serves exactly as a cold launch would, in a process of its own (nothing is shared
  between launches, aliases or concurrent Terraform processes: the fork copies a process that has only
  imported code);
- the launch waits for its child and exits with its code; when the launch dies (Terraform killed it), the
  child stops as a cold launch stops when its parent dies.

A launch that cannot hand over (no warm provider, refused, gone before the fork) starts cold, as without
``KEYFORM_PROVIDER_WARM``. The warm provider ends when whoever started it closes its stdin or sends SIGTERM.
"""

from __future__ import annotations

import os
import signal
import socket
import struct
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Optional

from keyform.provider.handover import ENV, EXITED, LENGTH_BYTES, REFUSED, STARTED, STDIO

_MAX_REQUEST = 1 << 20


# ----------------------------------------------------------------------------------- the warm provider
def serve_warm(socket_path: str, run_launch: Callable[[Callable[[], bool], Callable[[int], None]], int]) -> int:
    """Accept launches on ``socket_path`` until stdin closes or SIGTERM; ``run_launch(launcher_gone, exit)`` is
    what a child runs (after taking over the launch's descriptors and environment)."""
    import selectors

    from keyform.provider.code import code_digest

    digest = code_digest()
    preload()
    from keyform.provider.plugin_server import prepare_tls

    try:
        prepare_tls(os.path.dirname(socket_path))  # the socket's folder: this user's only (0700)
    except (OSError, ValueError):  # each launch's child then makes its own, as a cold launch does
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    os.chmod(socket_path, 0o600)
    listener.listen(64)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel; they report on their own
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the run's commands; the run stops it after them
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, "launch")
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, "stdin")
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    import gc

    gc.collect()
    gc.freeze()  # what the imports made stays in pages every child shares instead of copying
    while True:
        for key, _ in selector.select():
            if key.data == "stdin":
                if not os.read(sys.stdin.fileno(), 4096):  # whoever started it is gone
                    listener.close()
                    _remove(socket_path)
                    return 0
                continue
            connection, _ = listener.accept()
            try:
                _launch(connection, digest, run_launch, [selector, listener])
            finally:
                connection.close()


def _remove(socket_path: str) -> None:
    """The socket, and its folder (made for it alone by :func:`running`)."""
    for remove, path in ((os.unlink, socket_path), (os.rmdir, os.path.dirname(socket_path))):
        try:
            remove(path)
        except OSError:
            pass


def preload() -> None:
    """Import what a launch imports while it serves, so that no child imports it again."""
    import importlib
    import pkgutil

    import keyform.appliances
    import keyform.client
    import keyform.provider

    for package in (keyform.provider, keyform.client, keyform.appliances):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not module.name.endswith(("__main__", ".install", ".docs", ".imports", ".warm")):
                importlib.import_module(module.name)
    for name in ("requests", "urllib3", "msgpack", "json", "resource", "email.utils", "tf.schema",
                 "tf.gen.tfplugin_pb2", "google.protobuf.message_factory", "cryptography.x509",
                 "concurrent.futures.thread", "keyform.provider.__main__"):  # a pool's module, the launch's entry
        importlib.import_module(name)


def _launch(connection: socket.socket, digest: str,
            run_launch: Callable[[Callable[[], bool], Callable[[int], None]], int],
            server: list[Any]) -> None:
    connection.settimeout(5)  # a client that connects and says nothing holds no launch up for long
    try:
        request, fds = _receive(connection)
    except (OSError, ValueError):
        return
    try:
        refusal = _refusal(request, digest)
        if refusal:
            connection.sendall(REFUSED + refusal.encode())
            return
        sys.stdout.flush()
        sys.stderr.flush()
        if os.fork() == 0:
            try:
                for held in server:  # the warm provider's selector and socket are not the child's
                    held.close()
                _become(request, fds, connection)
                connection.settimeout(None)
                connection.sendall(STARTED)
                code = run_launch(_watch(connection), lambda code: _exit(connection, code))
            except BaseException:  # noqa: BLE001 - a child never returns into the warm provider's loop
                import traceback

                traceback.print_exc()
                code = 1
            _exit(connection, code)
    finally:
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass


def _receive(connection: socket.socket) -> tuple[dict[str, Any], list[int]]:
    """The launch's request (:func:`keyform.provider.handover.request`), from this user only, and what it runs
    with, read in ``/proc`` of the process at the connection's other end: its environment and umask, and
    descriptors of its stdin, stdout, stderr and working directory (the caller closes them)."""
    pid, uid, _ = struct.unpack("3i", connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))
    if uid != os.getuid():
        raise ValueError("another user's launch")
    try:
        length = int.from_bytes(_read(connection, LENGTH_BYTES), "big")
        if length > _MAX_REQUEST:
            raise ValueError("request too long")
        digest, version, *args = _read(connection, length).decode("utf-8", "surrogateescape").split("\0")
        with open(f"/proc/{pid}/environ", "rb") as handle:
            environ = handle.read()
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            umask = next(int(line.split()[1], 8) for line in handle if line.startswith("Umask:"))
    except (ValueError, UnicodeDecodeError, OSError, StopIteration):
        raise ValueError("not a launch") from None
    env = dict(entry.split(b"=", 1) for entry in environ.split(b"\0") if b"=" in entry)
    request = {"digest": digest, "version": version, "args": args, "umask": umask,
               "env": {os.fsdecode(name): os.fsdecode(value) for name, value in env.items()}}
    fds: list[int] = []
    try:
        for number in STDIO:
            fds.append(_reopened(pid, number))
        fds.append(os.open(f"/proc/{pid}/cwd", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC))
    except OSError:
        for fd in fds:
            os.close(fd)
        raise ValueError("not a launch") from None
    return request, fds


def _read(connection: socket.socket, length: int) -> bytes:
    data = b""
    while len(data) < length:
        chunk = connection.recv(length - len(data))
        if not chunk:
            raise ValueError("request cut short")
        data += chunk
    return data


def _reopened(pid: int, number: int) -> int:
    """The launch's descriptor ``number`` opened again here (``/proc/<pid>/fd``: a pipe, a file, a terminal), with
    its access mode and append flag. A stdin that cannot be (a socket) is /dev/null: a provider never reads it."""
    try:
        with open(f"/proc/{pid}/fdinfo/{number}", encoding="ascii") as handle:
            flags = next(int(line.split()[1], 8) for line in handle if line.startswith("flags:"))
        return os.open(f"/proc/{pid}/fd/{number}", flags & (os.O_ACCMODE | os.O_APPEND) | os.O_CLOEXEC)
    except (OSError, StopIteration):
        if number != 0:
            raise OSError(f"the launch's descriptor {number} cannot be opened here") from None
        return os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)


def _refusal(request: dict[str, Any], digest: str) -> str:
    from keyform import __version__

    if request.get("version") != __version__ or request.get("digest") != digest:
        return "a launch of other code"
    return ""


def _become(request: dict[str, Any], fds: list[int], connection: socket.socket) -> None:
    """Take the launch's place: its descriptors, directory, umask, environment and arguments."""
    for fd, target in zip(fds, STDIO):
        os.dup2(fd, target)
    os.fchdir(fds[len(STDIO)])
    for fd in fds:
        if fd not in STDIO:
            os.close(fd)
    os.umask(request["umask"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [sys.argv[0], *request["args"]]
    for number in (signal.SIGCHLD, signal.SIGTERM):  # SIGINT stays ignored, as a launch ignores it
        signal.signal(number, signal.SIG_DFL)
    from keyform.provider import timings

    timings.configure(forked=True)


def _watch(connection: socket.socket) -> Callable[[], bool]:
    """Whether the launch has gone (Terraform killed it): a thread waits for its end of the connection."""
    import threading

    gone = threading.Event()

    def wait() -> None:
        try:
            while connection.recv(64):
                pass
        except OSError:
            pass
        gone.set()

    threading.Thread(target=wait, name="launch-watch", daemon=True).start()
    return gone.is_set


def _exit(connection: socket.socket, code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    try:
        connection.sendall(EXITED + bytes([code & 0xFF]))
    except OSError:
        pass
    os._exit(code)


# ----------------------------------------------------------------------------------- a run's warm provider
@dataclass(frozen=True)
class Running:
    pid: int
    env: dict[str, str]
    """What the run's commands need in their environment: ``KEYFORM_PROVIDER_WARM``."""


@contextmanager
def running(python: Optional[str] = None, required: bool = True) -> Iterator[Running]:
    """A warm provider for the commands of one run. It is stopped, by process id, when the run ends; if this
    process dies first, its closed stdin ends it. One that does not start raises, or, unless ``required``, leaves
    the run's launches cold (an empty ``env``)."""
    import shutil
    import subprocess
    import tempfile

    folder = tempfile.mkdtemp(prefix="keyform-warm-")  # 0700: only this user reaches the socket
    socket_path = os.path.join(folder, "warm.sock")
    # A session of its own: a signal to the run's process group (a cancelled job) must not end the launches
    # serving a Terraform that is finishing its operations (keyform.ops.interrupts).
    process = subprocess.Popen([python or sys.executable, "-m", "keyform.provider.warm", socket_path],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True)
    try:
        assert process.stdout is not None
        ready = process.stdout.readline() == b"ready\n"
        if not ready and required:
            raise RuntimeError(f"the warm provider did not start (exit code {process.wait()})")
        yield Running(process.pid, {ENV: socket_path} if ready else {})
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
        shutil.rmtree(folder, ignore_errors=True)


def run_command(command: list[str]) -> int:
    """``keyform provider warm -- COMMAND``: COMMAND's exit code. Ctrl-C reaches COMMAND (Terraform stops
    gracefully on it) and the warm provider is stopped after COMMAND has ended, as it is on any other end."""
    import subprocess

    with running() as warm:
        try:
            process = subprocess.Popen(command, env={**os.environ, **warm.env})
        except OSError as exc:
            print(f"keyform provider warm: cannot run {command[0]}: {exc.strerror}", file=sys.stderr)
            return 127
        previous = signal.signal(signal.SIGINT, lambda *_: None)  # COMMAND's to handle; exec resets it there
        try:
            return process.wait()
        finally:
            signal.signal(signal.SIGINT, previous)


def _run_launch(launcher_gone: Callable[[], bool], leave: Callable[[int], None]) -> int:
    from keyform.provider.__main__ import provider
    from keyform.provider.plugin_server import serve

    return serve(provider, launcher_gone=launcher_gone, leave=leave)


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m keyform.provider.warm SOCKET``: what :func:`running` starts."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m keyform.provider.warm SOCKET", file=sys.stderr)
        return 2
    return serve_warm(args[0], _run_launch)


if __name__ == "__main__":
    sys.exit(main())
