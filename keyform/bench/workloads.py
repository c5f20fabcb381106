"""The timed workloads: synth of N key servers, terraform plan/apply of N rest_objects, the requests baseline.

The terraform workloads use N ONTAP key servers as ``rest_object``s, spread four per key
manager (ONTAP's limit) over SVMs the simulator is seeded with; the key managers are made
beforehand over HTTP, so a run times exactly N objects. Each manager's four key servers are the same four
real KMIP servers (the simulator connects to every key server it adds, as ONTAP does).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import requests

from keyform import toolchain
from keyform.provider.install import cli_config
from keyform.provider.provider import SOURCE
from keyform.provider.timings import CALLS, FORKED, PROCESS
from keyform.provider.warm import Running

PROJECT = Path(__file__).resolve().parents[2]
PER_MANAGER = 4
TIMEOUT = 1800  # seconds for one terraform command; an apply of 500 objects takes ~20 s


def svm_names(n: int) -> list[str]:
    return [f"bench{i}" for i in range((n + PER_MANAGER - 1) // PER_MANAGER)]


def key_servers(n: int, kmip: Sequence[str] = ()) -> list[tuple[int, str]]:
    """(manager index, server address) for N key servers: names only, or, with ``kmip`` (``PER_MANAGER`` real KMIP
    servers' addresses, which the ONTAP simulator connects to when it adds a key server), one of them each."""
    if kmip:
        return [(i // PER_MANAGER, kmip[i % PER_MANAGER]) for i in range(n)]
    return [(i // PER_MANAGER, f"kms{i}.bench.example:5696") for i in range(n)]


# ----------------------------------------------------------------------- synth
def time_synth(n: int) -> float:
    """Seconds for the construct library's ``App.synth`` of N key servers (no CLI)."""
    # keyform.constructs first: it keeps jsii's Node end-of-life banner away, which cdktf's import would print
    from keyform.constructs import KeyServer, OntapKeyManager, ontap_provider  # isort: skip
    from keyform.cdk import App, TerraformStack  # isort: skip

    outdir = tempfile.mkdtemp(prefix="keyform-bench-synth-")
    try:
        started = time.perf_counter()
        app = App(outdir=outdir)
        stack = TerraformStack(app, "bench")
        provider = ontap_provider(stack, "ontap", "http://127.0.0.1:1/api")
        servers = key_servers(n)
        for manager, svm in enumerate(svm_names(n)):
            OntapKeyManager(stack, f"km{manager}", provider=provider, svm=svm, client_certificate="kmip-client",
                            server_ca_certificates=["kmip-ca"],
                            key_servers=[KeyServer(address) for m, address in servers if m == manager])
        app.synth()
        return time.perf_counter() - started
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


# ------------------------------------------------------------------- appliance
class OntapTarget:
    """The ONTAP simulator the terraform workloads and the baseline talk to (over HTTPS when ``ca_cert_file``, its
    run CA, is given: the baseline and the provider verify it alike)."""

    def __init__(self, url: str, password: str, ca_cert_file: Optional[str] = None, kmip: Sequence[str] = ()):
        self.url, self.password, self.ca_cert_file = url, password, ca_cert_file
        self.kmip = list(kmip)
        """The KMIP servers the key servers are (:func:`key_servers`)."""
        self.session = requests.Session()
        self.session.auth = ("admin", password)
        self.session.verify = ca_cert_file or True
        self.session.trust_env = False  # as keyform's client: no CA bundle from the environment over ``verify``
        self.managers: list[str] = []

    def create_managers(self, n: int) -> None:
        for svm in svm_names(n)[len(self.managers):]:
            response = self.session.post(f"{self.url}/security/key-managers?return_records=true", json={
                "svm": {"name": svm}, "external": {"client_certificate": {"name": "kmip-client"},
                                                   "server_ca_certificates": [{"name": "kmip-ca"}]}})
            response.raise_for_status()
            self.managers.append(response.json()["records"][0]["uuid"])

    def clear_key_servers(self) -> None:
        for uuid in self.managers:
            records = self.session.get(f"{self.url}/security/key-managers/{uuid}/key-servers").json()["records"]
            for record in records:
                self.session.delete(f"{self.url}/security/key-managers/{uuid}/key-servers/{record['server']}")

    def baseline(self, n: int) -> tuple[float, float]:
        """Seconds for N creates and for N reads, sequential, one session: the hand-written lower bound."""
        self.clear_key_servers()
        created, read = self.time_creates(n), self.time_reads(n)
        self.clear_key_servers()
        return created, read

    def time_creates(self, n: int) -> float:
        started = time.perf_counter()
        for manager, address in key_servers(n, self.kmip):
            self.session.post(f"{self.url}/security/key-managers/{self.managers[manager]}/key-servers",
                              json={"server": address, "secondary_key_servers": []}).raise_for_status()
        return time.perf_counter() - started

    def time_reads(self, n: int) -> float:
        started = time.perf_counter()
        for manager, address in key_servers(n, self.kmip):
            self.session.get(f"{self.url}/security/key-managers/{self.managers[manager]}/key-servers/{address}").raise_for_status()
        return time.perf_counter() - started


@contextmanager
def api_latency(faults, milliseconds: int):
    """The simulator answers every request ``milliseconds`` late, as an appliance across a network would."""
    faults.update({"latency_ms": milliseconds})
    try:
        yield
    finally:
        faults.update({"latency_ms": 0})


# ------------------------------------------------------------------- terraform
class TerraformWorkdir:
    """A directory with N ``rest_object``s and a CLI config naming the provider mirror."""

    def __init__(self, target: OntapTarget, n: int):
        self.target, self.n = target, n
        self.path = Path(tempfile.mkdtemp(prefix=f"keyform-bench-tf{n}-"))
        mirror = PROJECT / ".keyform" / "plugins"
        (self.path / "terraformrc").write_text(cli_config(mirror))
        # the caller's environment (nothing dropped), this directory's CLI config, the provider's Python as set
        self.env = toolchain.environment(
            config=self.path / "terraformrc", provider_python=os.environ.get("KEYFORM_PROVIDER_PYTHON") or None,
            KEYFORM_REST_PASSWORD=target.password, TF_IN_AUTOMATION="1",
            KEYFORM_PROVIDER_TIMINGS=str(self.path / "provider-times.txt"))
        resources = {
            f"ks{i}": {
                "path": f"/security/key-managers/{target.managers[manager]}/key-servers",
                "data": json.dumps({"server": address, "secondary_key_servers": []}, separators=(",", ":")),
                "api": json.dumps({"id_template": "{data.server}"}, separators=(",", ":")),
            }
            for i, (manager, address) in enumerate(key_servers(n, target.kmip))
        }
        config = {
            "terraform": {"required_providers": {"rest": {"source": SOURCE}}},
            "provider": {"rest": {"base_url": target.url, "username": "admin", "collection_query": "fields=*",
                                   **({"ca_cert_file": target.ca_cert_file} if target.ca_cert_file else {})}},
            "resource": {"rest_object": resources},
        }
        (self.path / "main.tf.json").write_text(json.dumps(config))
        self._initialize()

    warm: Optional[Running] = None
    """A warm provider the commands' launches hand over to (:mod:`keyform.provider.warm`); None: cold launches."""

    def terraform(self, *args: str) -> float:
        """Seconds for one terraform command, which must exit 0 (a plan: with nothing to change).
        What the run cost, process by process, is left in :attr:`last`."""
        env, warm_pid = ({**self.env, **self.warm.env}, self.warm.pid) if self.warm else (self.env, None)
        before = _Counters.now(warm_pid)
        result = toolchain.run([toolchain.terraform(), *args, "-no-color"], self.path, env, timeout=TIMEOUT)
        self.last = _Counters.now(warm_pid).cost_since(before, self._provider_log())
        if result.returncode != 0:
            raise RuntimeError(f"terraform {' '.join(args)} exited {result.returncode}:\n{result.output[-2000:]}")
        return self.last.wall_s

    def apply_from_empty(self) -> float:
        self.make_empty()
        return self.apply()

    def make_empty(self) -> None:
        """No key server on the simulator and no state."""
        self.target.clear_key_servers()
        self._forget_state()

    def _forget_state(self) -> None:
        for name in ("terraform.tfstate", "terraform.tfstate.backup"):
            (self.path / name).unlink(missing_ok=True)

    def apply(self) -> float:
        return self.terraform("apply", "-auto-approve", "-input=false")

    def plan_no_changes(self) -> float:
        return self.terraform("plan", "-input=false", "-detailed-exitcode")

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def _initialize(self) -> None:
        """``terraform init``; when it fails the directory is removed (the caller never got it to remove)."""
        try:
            self.terraform("init", "-input=false")
        except BaseException:
            self.remove()
            raise

    def _provider_log(self) -> list[str]:
        """The lines the provider processes of the last command wrote (keyform.provider.timings)."""
        log = self.env.get("KEYFORM_PROVIDER_TIMINGS")  # unset for Terraform alone
        if not log or not os.path.exists(log):
            return []
        with open(log, encoding="ascii") as handle:
            lines = handle.read().splitlines()
        os.unlink(log)
        return lines


@dataclass
class RunCost:
    """Where one terraform command's time went: wall time, CPU seconds by process, the machine's steal."""

    wall_s: float
    terraform_cpu_s: float
    provider_cpu_s: float
    provider_processes: int
    provider_peak_rss_kib: int
    simulator_cpu_s: float  # the simulator serves from threads of this (the benchmark's) process
    steal_s: float  # CPU time the hypervisor gave to other guests meanwhile, all cores
    calls: dict[str, tuple[int, float]] = field(default_factory=dict)  # gRPC calls by method: count, total ms

    def summary(self) -> dict:
        data = {k: round(v, 3) if isinstance(v, float) else v for k, v in self.__dict__.items() if k != "calls"}
        data["calls"] = {method: {"calls": count, "total_s": round(total_ms / 1000, 3),
                                  "ms_per_call": round(total_ms / count, 2)}
                         for method, (count, total_ms) in sorted(self.calls.items()) if count}
        return data


@dataclass
class _Counters:
    wall: float
    children_cpu: float  # terraform and the provider processes it started and waited for
    own_cpu: float
    steal: float
    warm_cpu: float = 0.0  # the warm provider's own (accepting launches, forking), when one serves the command

    @classmethod
    def now(cls, warm_pid: Optional[int] = None) -> "_Counters":
        children, own = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
        with open("/proc/stat", encoding="ascii") as handle:
            steal_ticks = int(handle.readline().split()[8])
        return cls(time.perf_counter(), children.ru_utime + children.ru_stime, own.ru_utime + own.ru_stime,
                   steal_ticks / os.sysconf("SC_CLK_TCK"), process_cpu_s(warm_pid) if warm_pid else 0.0)

    def cost_since(self, before: "_Counters", provider_log: list[str]) -> RunCost:
        calls: dict[str, tuple[int, float]] = {}
        launched_cpu, forked_cpu, processes, peak = 0.0, 0.0, 0, 0  # launched: Terraform's children
        for line in provider_log:
            name, *values = line.split()
            if name == PROCESS:
                if values[-1] == FORKED:  # a warm provider's child
                    forked_cpu += float(values[0]) / 1000
                else:
                    launched_cpu += float(values[0]) / 1000
                processes += 1
                peak = max(peak, int(values[1]))
            elif name == CALLS:
                method, count, total_ms = values
                before_count, before_ms = calls.get(method, (0, 0.0))
                calls[method] = (before_count + int(count), before_ms + float(total_ms))
        provider_cpu = launched_cpu + forked_cpu + self.warm_cpu - before.warm_cpu
        return RunCost(
            wall_s=self.wall - before.wall,
            terraform_cpu_s=max(0.0, self.children_cpu - before.children_cpu - launched_cpu),
            provider_cpu_s=provider_cpu, provider_processes=processes, provider_peak_rss_kib=peak,
            simulator_cpu_s=self.own_cpu - before.own_cpu, steal_s=self.steal - before.steal, calls=calls)


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process that is not this one's child (``/proc/<pid>/stat``)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TerraformFloor(TerraformWorkdir):
    """The same N objects as built-in ``terraform_data`` resources: what Terraform costs with no provider."""

    def __init__(self, n: int):
        self.n = n
        self.path = Path(tempfile.mkdtemp(prefix=f"keyform-bench-floor{n}-"))
        self.env = toolchain.environment(TF_IN_AUTOMATION="1")
        del self.env["TF_CLI_CONFIG_FILE"]  # Terraform's defaults: no provider mirror, no provider
        config = {"resource": {"terraform_data": {
            f"ks{i}": {"input": {"server": address}} for i, (_, address) in enumerate(key_servers(n))}}}
        (self.path / "main.tf.json").write_text(json.dumps(config))
        self._initialize()

    def make_empty(self) -> None:
        self._forget_state()

