"""``python -m keyform.bench [--sizes 10,100,500] [--repeat 3] [--latency-ms 20] [--review-repeat 1] [--out bench/]``.

Times synth, terraform plan (nothing to change) and apply (from empty) of N objects against
the ONTAP simulator, and the same N requests made directly with ``requests``; again the apply
and the creates with the simulator answering ``--latency-ms`` late (an appliance across a
network, where Terraform's parallel calls pay off); fits each series to fixed + N × per-object;
times Terraform alone's apply again with two sensitive attributes per object, as ``rest_object``'s schema
has (informational: what those marks cost Terraform itself); times the provider's launch; plans again
with a warm provider (the main job's way, its launches forked from one process that has done the imports:
:mod:`keyform.provider.warm`); splits each terraform run's CPU time between Terraform, the provider and the
simulator; reports peak provider memory; times the main job's step 4 (``cdktf diff`` of the four example
stacks) one by one and concurrently (``--review-repeat 0`` skips it).
Writes ``<out>/results.md`` and ``<out>/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from statistics import median

from keyform.bench import launch, workloads
from keyform.bench.fit import Series
from keyform.bench.report import build, markdown, run_name
from keyform.provider import warm


def run(sizes: list[int], repeat: int, out: Path, log=print, latency_ms: int = 20, review_repeat: int = 0) -> dict:
    from keyform.simulators.__main__ import build_settings, start
    from keyform.simulators.common import Faults
    from keyform.simulators.kmip.server import start_kmip_server

    settings = build_settings("ontap", "ontap-bench", 0, None, Faults())
    settings.extra = {"svms": workloads.svm_names(max(sizes))}
    server = start("ontap", settings)
    assert settings.ca is not None  # the HTTPS CA: its seeded "kmip-ca" too, so it trusts these KMIP servers
    kmip = [start_kmip_server(settings.ca) for _ in range(workloads.PER_MANAGER)]
    series = {name: Series(name, {}) for name in
              ("synth", "terraform_plan", "terraform_apply", "baseline_create", "baseline_read",
               "floor_plan", "floor_apply", "baseline_create_latency", "terraform_apply_latency",
               "plan_provider_cpu", "terraform_plan_warm", "plan_provider_cpu_warm")}
    peak = 0
    profile: dict[str, dict] = {}  # where the last repetition's terraform runs went, by run
    # Launches first, before the terraform workloads leave the machine busy.
    launches = [launch.launch_once() for _ in range(max(5, repeat * 5))]
    stopping = ExitStack()
    try:
        # the main job's way: one warm provider per run, every launch forked from it
        warmed = stopping.enter_context(warm.running(os.environ.get("KEYFORM_PROVIDER_PYTHON") or None))
        warm_start_cpu_s = workloads.process_cpu_s(warmed.pid)
        warm_launches = [launch.launch_once(warmed.env) for _ in range(max(5, repeat * 5))]
        target = workloads.OntapTarget(server.url + "/api", settings.password, server.ca_cert_file,
                                       [k.address for k in kmip])
        target.create_managers(max(sizes))
        for n in sizes:
            with ExitStack() as made:  # what was made is removed, also when a later one's init fails
                made.callback(target.clear_key_servers)
                workdir = workloads.TerraformWorkdir(target, n)
                made.callback(workdir.remove)
                floor = workloads.TerraformFloor(n)
                made.callback(floor.remove)
                for rep in range(repeat):
                    log(f"N={n} repetition {rep + 1}/{repeat}")
                    series["synth"].samples.setdefault(n, []).append(workloads.time_synth(n))
                    created, read = target.baseline(n)
                    series["baseline_create"].samples.setdefault(n, []).append(created)
                    series["baseline_read"].samples.setdefault(n, []).append(read)
                    for where, workload, key in (
                            (floor, floor.apply_from_empty, "floor_apply"),
                            (floor, floor.plan_no_changes, "floor_plan"),
                            (workdir, workdir.apply_from_empty, "terraform_apply"),
                            (workdir, workdir.plan_no_changes, "terraform_plan")):
                        series[key].samples.setdefault(n, []).append(workload())
                        profile[run_name(key, n, latency_ms)] = where.last.summary()
                        peak = max(peak, where.last.provider_peak_rss_kib)
                    series["plan_provider_cpu"].samples.setdefault(n, []).append(workdir.last.provider_cpu_s)
                    workdir.warm = warmed  # the same plan, its launches handed over to the warm provider
                    series["terraform_plan_warm"].samples.setdefault(n, []).append(workdir.plan_no_changes())
                    series["plan_provider_cpu_warm"].samples.setdefault(n, []).append(workdir.last.provider_cpu_s)
                    profile[run_name("terraform_plan_warm", n, latency_ms)] = workdir.last.summary()
                    workdir.warm = None
                    # The same creates against an appliance across a network: what concurrency buys.
                    target.clear_key_servers()
                    with workloads.api_latency(settings.faults, latency_ms):
                        series["baseline_create_latency"].samples.setdefault(n, []).append(target.time_creates(n))
                    workdir.make_empty()
                    with workloads.api_latency(settings.faults, latency_ms):
                        series["terraform_apply_latency"].samples.setdefault(n, []).append(workdir.apply())
                    profile[run_name("terraform_apply_latency", n, latency_ms)] = workdir.last.summary()
    finally:
        stopping.close()
        server.stop()
        for kmip_server in kmip:
            kmip_server.stop()
    result = build(series, launches, peak, sizes, profile, latency_ms)
    result["warm"] = {"start_cpu_s": round(warm_start_cpu_s, 3), "launch_s": {"min": min(warm_launches),
                                                                              "median": median(warm_launches)}}
    if review_repeat:  # the main job's step 4, after the terraform workloads (it starts simulators of its own)
        from keyform.bench.review import time_review

        result["review_s"] = time_review(review_repeat, log)
        result["review_repeat"] = review_repeat
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    (out / "results.md").write_text(markdown(result))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m keyform.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,500", help="comma-separated N (default 10,100,500)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per size (min and median reported)")
    parser.add_argument("--out", type=Path, default=Path("bench"), help="where results.md/results.json go")
    parser.add_argument("--latency-ms", type=int, default=20,
                        help="API latency of the second apply/baseline pair (default 20: an appliance on a LAN)")
    parser.add_argument("--review-repeat", type=int, default=1,
                        help="repetitions of the main job's step 4 timing (cdktf diff of the four example stacks, "
                             "~3 min for 1); 0 skips it")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    result = run(sizes, args.repeat, args.out, latency_ms=args.latency_ms, review_repeat=args.review_repeat)
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
