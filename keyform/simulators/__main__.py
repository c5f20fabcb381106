"""Run simulators: ``python -m keyform.simulators {ontap,vsp,vault,all} [options]``.

``all`` starts the embedded default on loopback: ONTAP, VSP One Object and two Vault
clusters (``vault-a``, ``vault-b``) for the per-system example stacks, plus a second VSP One
Object system (``site-vsp``) and DR pair (``vault-c``, ``vault-d``) for the site stack; prints where
each listens and its credentials, optionally writes the same as JSON (``--endpoints-file``), and serves until
interrupted. ``all --port BASE`` puts them on BASE, BASE+1, ... in that order (``--port 0``: free ports);
``--svm NAME`` (repeatable) names the SVMs of a new ONTAP cluster instead of svm1 and svm2.
``all`` also serves three real KMIP servers (PyKMIP, mutual TLS, certificates from the run's CA; see
:mod:`keyform.simulators.kmip.embedded`) on 5696-5698, or on the three ports after the simulators' with ``--port``.

HTTPS by default, with certificates from the run's CA (``ca.pem``: in ``--state-dir`` for ``all``, beside the
``--state`` file for one system, else in a fresh temporary directory; printed, and ``ca_cert_file`` in each
endpoints-file entry); ``--http`` serves plain HTTP (debugging).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import signal
import sys
from urllib.parse import urlsplit

from keyform.simulators.common import Faults, RunningServer, Settings, activity, serve
from keyform.simulators.common.run_ca import RunCa
from keyform.simulators.common.tls import process_ca, temporary_ca_directory
from keyform.simulators.kmip import embedded as kmip
from keyform.simulators.kmip.server import RunningKmipServer

SYSTEMS = {"ontap": "keyform.simulators.ontap", "vsp": "keyform.simulators.vsp", "vault": "keyform.simulators.vault"}

# Ports of the embedded default: the example stacks' environment defaults point here.
DEFAULT_PORTS = {"ontap": 8601, "vsp": 8602, "vault-a": 8603, "vault-b": 8604, "site-vsp": 8605, "vault-c": 8606,
                 "vault-d": 8607}
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
ORPHAN_CHECK_SECONDS = 1.0
ALL = [("ontap", "ontap"), ("vsp", "vsp"), ("vault", "vault-a"), ("vault", "vault-b"), ("vsp", "site-vsp"),
       ("vault", "vault-c"), ("vault", "vault-d")]


def _system_module(kind: str):
    return importlib.import_module(SYSTEMS[kind])


def build_settings(kind: str, name: str, port: int, state_path: str | None, faults: Faults) -> Settings:
    """Settings for one instance; credentials come from the system's defaults or ``KEYFORM_SIM_<NAME>_*``."""
    defaults = dict(_system_module(kind).DEFAULT_CREDENTIALS)
    prefix = "KEYFORM_SIM_" + name.upper().replace("-", "_") + "_"
    for key in ("username", "password", "token"):
        defaults[key] = os.environ.get(prefix + key.upper(), defaults.get(key, ""))
    if kind == "vault" and not os.environ.get(prefix + "TOKEN"):
        defaults["token"] = f"{defaults['token']}-{name}"
    return Settings(name=name, port=port, state_path=state_path, faults=faults, **defaults)


def start(kind: str, settings: Settings) -> RunningServer:
    return serve(_system_module(kind).create_app, settings)


def describe(kind: str, running: RunningServer) -> dict:
    """The endpoints-file entry of one simulator; a Vault cluster's also carries its unseal key
    shares (``unseal_keys``, base64) and ``unseal_threshold`` (main() prints neither). A Vault
    cluster is configured with its own root token (``token-<name>``, or ``KEYFORM_SIM_<NAME>_TOKEN``):
    what ``vault operator init`` gave it, in its token store while the state is new. Enabling it as a
    DR secondary wipes it, so main() answers as its ``token`` one it accepts now: its own, else the
    root token of the run's cluster it holds from its DR set (the set's first primary's)."""
    s = running.settings
    module = _system_module(kind)
    entry = {"system": kind, "url": s.url + module.BASE_PATH}
    entry.update({k: getattr(s, k) for k in ("username", "password", "token") if getattr(s, k)})
    if s.ca_cert_file:
        entry["ca_cert_file"] = s.ca_cert_file
    if kind == "vault":
        key_set = module.unseal_keys(s)
        entry["unseal_keys"] = list(key_set["keys_base64"])
        entry["unseal_threshold"] = key_set["secret_threshold"]
    return entry


def _faults_from(args) -> Faults:
    return Faults(
        latency_ms=args.latency_ms,
        error_rate=args.error_rate,
        throttle_rate=args.throttle_rate,
        retry_after=args.retry_after,
        fail_jobs=args.fail_jobs,
    )


def _ontap_version(text: str) -> str:
    """A release the ONTAP simulator can answer as (``9.<major>.<minor>``)."""
    from keyform.simulators.ontap.profile import parse

    try:
        return parse(text).version
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m keyform.simulators", description=__doc__.splitlines()[0])
    parser.add_argument("system", choices=[*SYSTEMS, "all"])
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback by default)")
    parser.add_argument("--port", type=int,
                        help="port (single system; 0 picks a free one); with all: BASE, the first of consecutive ports "
                             "(in the order listed; 0 picks free ones)")
    parser.add_argument("--name", help="instance name (single system), e.g. vault-a")
    parser.add_argument("--state", help="keep objects in this JSON file (single system)")
    parser.add_argument("--state-dir", help="keep each system's objects in DIR/<name>.json (all)")
    parser.add_argument("--endpoints-file", help="write the endpoints and credentials as JSON here")
    parser.add_argument("--reuse-ports", metavar="FILE",
                        help="with all --port 0: listen again on the ports of this earlier endpoints file, where free")
    parser.add_argument("--latency-ms", type=int, default=0, help="fault: added latency per request")
    parser.add_argument("--error-rate", type=float, default=0.0, help="fault: share of 500/503 answers")
    parser.add_argument("--throttle-rate", type=float, default=0.0, help="fault: share of 429 answers")
    parser.add_argument("--retry-after", type=int, default=1, help="Retry-After seconds sent with 429")
    parser.add_argument("--fail-jobs", action="store_true", help="fault: asynchronous jobs fail (ONTAP)")
    parser.add_argument("--ontap-version", metavar="VERSION", type=_ontap_version,
                        help="ONTAP: the release to answer as, e.g. 9.14.1 (default 9.13.1, the seeds' shapes)")
    parser.add_argument("--svm", action="append", metavar="NAME",
                        help="ONTAP: an SVM of a new cluster (repeatable; default svm1 and svm2)")
    parser.add_argument("--stop-when-orphaned", type=float, metavar="SECONDS",
                        help="once the process that started this one is gone, stop after SECONDS without a request "
                             "(a killed main job: the Terraform it left applies to its end first)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    parser.add_argument("--http", action="store_true", help="serve plain HTTP instead of HTTPS (debugging)")
    return parser


def _earlier_ports(path: str | None) -> dict:
    """``{name: port}`` of an earlier endpoints file; ``{}`` when there is none (or it is unreadable)."""
    if not path or not os.path.exists(path):
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            entries = json.load(handle)
        return {name: urlsplit(entry["url"]).port for name, entry in entries.items() if urlsplit(entry["url"]).port}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _argument_problem(args: argparse.Namespace) -> str:
    """What is wrong with ``--svm`` / ``--port`` (empty when nothing is)."""
    names = args.svm or []
    if any(not name.strip() or "/" in name or name != name.strip() for name in names):
        return "--svm needs a name without '/' or surrounding spaces"
    if len(set(names)) != len(names):
        return "--svm names an SVM twice"
    if names and args.system not in ("ontap", "all"):
        return "--svm applies to ontap (and all)"
    if args.port is not None:
        last = args.port + (len(ALL) + len(kmip.DEFAULT_PORTS) - 1 if args.system == "all" and args.port else 0)
        if args.port < 0 or last > 65535:
            return f"--port {args.port}: the ports must lie in 0-65535"
    return ""


def _all_port(base: int | None, index: int, earlier: int, default: int) -> int:
    """The port of the ``index``-th simulator of ``all``: its default without ``--port``, a free one (or the one of
    ``--reuse-ports``) with ``--port 0``, else BASE + index."""
    if base is None:
        return default
    return earlier if base == 0 else base + index


def run_ca(args: argparse.Namespace) -> RunCa | None:
    """The CA of this run (None with ``--http``): kept in ``--state-dir`` (all) or beside ``--state`` (one
    system), so a restart keeps what clients trust; else made in a fresh temporary directory."""
    if args.http:
        return None
    kept = args.state_dir if args.system == "all" else (os.path.dirname(os.path.abspath(args.state))
                                                          if args.state else None)
    return RunCa.load_or_create(kept or temporary_ca_directory())


def main(argv: list[str] | None = None) -> int:
    parent = os.getppid()  # at once: the process that started this one may be gone by the time the servers are up
    args = _parser().parse_args(argv)
    # Held from the start (the servers' threads inherit the mask) and taken by sigwait at the end, so a
    # signal that comes at any moment stops the servers. (A handler calling Event.set() deadlocks when the
    # signal lands while the main thread holds the event's lock inside Event.wait().)
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO, format="%(asctime)s %(name)s %(message)s"
    )
    problem = _argument_problem(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.system == "all":
        plan = ALL
    else:
        plan = [(args.system, args.name or args.system)]

    # Kept state names the ports it was made with (a Vault secondary stores its primary's address),
    # so free ports picked once are picked again.
    earlier = _earlier_ports(args.reuse_ports) if args.system == "all" and args.port == 0 else {}
    running: list[tuple[str, RunningServer]] = []
    kmip_servers: list[RunningKmipServer] = []
    ca = run_ca(args)
    kmip_ca = ca or process_ca()  # with --http the KMIP servers still speak TLS: ONTAP and VSP must trust them
    try:
        for index, (kind, name) in enumerate(plan):
            if args.system == "all":
                port = _all_port(args.port, index, earlier.get(name, 0), DEFAULT_PORTS[name])
                state = os.path.join(args.state_dir, f"{name}.json") if args.state_dir else None
            else:
                port = args.port if args.port is not None else DEFAULT_PORTS.get(name, 0)
                state = args.state
            settings = build_settings(kind, name, port, state, _faults_from(args))
            settings.host = args.host
            settings.tls, settings.ca = ca is not None, kmip_ca
            if kind == "ontap" and args.svm:
                settings.extra["svms"] = list(args.svm)
            if kind == "ontap":
                settings.ontap_version = args.ontap_version
            try:
                running.append((kind, start(kind, settings)))
            except OSError:
                if name not in earlier:
                    raise
                settings.port = 0  # the earlier port is taken now: any free one
                running.append((kind, start(kind, settings)))
        for index, name in enumerate(kmip.DEFAULT_PORTS if args.system == "all" else ()):
            port = _all_port(args.port, len(ALL) + index, earlier.get(name, 0), kmip.DEFAULT_PORTS[name])
            try:
                kmip_servers.append(kmip.start(name, kmip_ca, args.host, port, args.state_dir))
            except OSError:
                if name not in earlier:
                    raise
                kmip_servers.append(kmip.start(name, kmip_ca, args.host, 0, args.state_dir))
    except OSError as exc:
        for _, server in running:
            server.stop()
        for kmip_server in kmip_servers:
            kmip_server.stop()
        print(f"error: cannot listen: {exc}. Is another simulator running? Pick free ports with --port 0.",
              file=sys.stderr)
        return 2

    endpoints = {server.settings.name: describe(kind, server) for kind, server in running}
    vault_tokens = [server.settings.token for kind, server in running if kind == "vault"]
    for kind, server in running:  # a DR secondary's own root token was wiped: a token of its set instead
        if kind == "vault":
            token = _system_module(kind).accepted_token(server.settings, [server.settings.token, *vault_tokens])
            endpoints[server.settings.name]["token"] = token or server.settings.token
    endpoints.update({server.name: kmip.describe(server) for server in kmip_servers})
    for name, entry in endpoints.items():
        if entry["system"] == "kmip":
            creds = kmip.SHOWN
        elif args.endpoints_file:  # run by a program: credentials go to the private file, not to its logs
            creds = f"credentials in {args.endpoints_file}"
        else:
            creds = ", ".join(f"{k} {entry[k]}" for k in ("username", "password", "token") if k in entry)
        print(f"{name:8} {entry['url']:40} {creds}", flush=True)
    if args.endpoints_file:
        tmp = args.endpoints_file + ".tmp"
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(endpoints, handle, indent=2)
        os.replace(tmp, args.endpoints_file)
    if ca is not None:
        print(f"CA certificate: {ca.certificate_path} (clients trust the simulators' HTTPS by it: ca_cert_file)",
              flush=True)
    print("ready", flush=True)

    _wait_for_stop(parent, args.stop_when_orphaned)
    for _, server in running:
        server.stop()
    for kmip_server in kmip_servers:
        kmip_server.stop()
    return 0


def _wait_for_stop(parent: int, orphaned_linger: float | None) -> None:
    """Until SIGINT or SIGTERM, or, with ``orphaned_linger``, until ``parent`` (the process that started this one)
    is gone and no request has been under way for that many seconds."""
    if orphaned_linger is None:
        signal.sigwait(STOP_SIGNALS)
        return
    while signal.sigtimedwait(STOP_SIGNALS, ORPHAN_CHECK_SECONDS) is None:
        if os.getppid() != parent and activity.idle_seconds() >= orphaned_linger:
            print(f"the process that started the simulators is gone and nothing asked them for "
                  f"{orphaned_linger:g} s: stopping", flush=True)
            return


if __name__ == "__main__":
    sys.exit(main())
