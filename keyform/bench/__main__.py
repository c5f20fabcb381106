"""``python -m keyform.bench [--sizes 10,100,500] [--repeat 3] [--out bench/]``.

Times synth, terraform plan (nothing to change) and apply (from empty) of N objects against
the ONTAP simulator, and the same N requests made directly with ``requests``; fits each
series to fixed + N × per-object; times the provider's launch; reports peak provider memory.
Writes ``<out>/results.md`` and ``<out>/results.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from keyform.bench import launch, workloads
from keyform.bench.fit import Series
from keyform.bench.memory import ProviderMemory
from keyform.bench.report import build, markdown


def run(sizes: list[int], repeat: int, out: Path, log=print) -> dict:
    from keyform.simulators.__main__ import build_settings, start
    from keyform.simulators.common import Faults

    settings = build_settings("ontap", "ontap-bench", 0, None, Faults())
    settings.extra = {"svms": workloads.svm_names(max(sizes))}
    server = start("ontap", settings)
    series = {name: Series(name, {}) for name in
              ("synth", "terraform_plan", "terraform_apply", "baseline_create", "baseline_read",
               "floor_plan", "floor_apply")}
    peak = 0
    profile: dict[str, dict[str, list[float]]] = {}
    # Launches first, before the terraform workloads leave the machine busy.
    launches = [launch.launch_once()[0] for _ in range(max(5, repeat * 5))]
    try:
        target = workloads.OntapTarget(server.url + "/api", settings.password)
        target.create_managers(max(sizes))
        for n in sizes:
            workdir, floor = workloads.TerraformWorkdir(target, n), workloads.TerraformFloor(n)
            try:
                for rep in range(repeat):
                    log(f"N={n} repetition {rep + 1}/{repeat}")
                    series["synth"].samples.setdefault(n, []).append(workloads.time_synth(n))
                    created, read = target.baseline(n)
                    series["baseline_create"].samples.setdefault(n, []).append(created)
                    series["baseline_read"].samples.setdefault(n, []).append(read)
                    series["floor_apply"].samples.setdefault(n, []).append(floor.apply_from_empty())
                    series["floor_plan"].samples.setdefault(n, []).append(floor.plan_no_changes())
                    workdir.provider_times()
                    with ProviderMemory() as memory:
                        series["terraform_apply"].samples.setdefault(n, []).append(workdir.apply_from_empty())
                        profile[f"apply N={n}"] = workdir.provider_times()
                        series["terraform_plan"].samples.setdefault(n, []).append(workdir.plan_no_changes())
                        profile[f"plan N={n}"] = workdir.provider_times()
                    peak = max(peak, memory.peak_kib)
            finally:
                target.clear_key_servers()
                workdir.remove()
                floor.remove()
    finally:
        server.stop()
    result = build(series, launches, peak, sizes, profile)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    (out / "results.md").write_text(markdown(result))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m keyform.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,500", help="comma-separated N (default 10,100,500)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per size (min and median reported)")
    parser.add_argument("--out", type=Path, default=Path("bench"), help="where results.md/results.json go")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    result = run(sizes, args.repeat, args.out)
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
