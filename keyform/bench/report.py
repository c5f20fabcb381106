"""The benchmark's Markdown table and JSON document."""

from __future__ import annotations

import os
import platform
import subprocess
from statistics import median

from keyform.bench.fit import Series, fit_series

BUDGETS = {
    "launch_s": 0.15,
    "apply_ratio": 2.0,
    "plan_500_s": 5.0,
    "synth_500_s": 3.0,
}


def machine() -> dict:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((l.split(":", 1)[1].strip() for l in handle if l.startswith("model name")), cpu)
    except OSError:
        pass
    terraform = subprocess.run(["terraform", "version"], capture_output=True, text=True).stdout.splitlines()[:1]
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "terraform": terraform[0] if terraform else "?", "system": platform.platform()}


def build(series: dict[str, Series], launch: list[float], peak_kib: int, sizes: list[int],
          profile: dict | None = None) -> dict:
    fits = {name: fit_series(s) for name, s in series.items()}
    baseline_create = fits["baseline_create"].per_object
    result = {
        "machine": machine(),
        "sizes": sizes,
        "series": {
            name: {"min": {n: min(v) for n, v in s.samples.items()},
                   "median": {n: median(v) for n, v in s.samples.items()},
                   "fixed_s": fits[name].fixed, "per_object_ms": fits[name].per_object * 1000}
            for name, s in series.items()
        },
        "launch_s": {"min": min(launch), "median": median(launch)},
        "provider_peak_rss_mib": round(peak_kib / 1024, 1),
        # Provider time by gRPC method in the last repetition of each run: calls, total s, ms per call.
        "provider_calls": {
            run: {method: {"calls": len(ms), "total_s": round(sum(ms) / 1000, 3), "ms_per_call": round(sum(ms) / len(ms), 2)}
                  for method, ms in sorted(calls.items())}
            for run, calls in (profile or {}).items()
        },
    }
    result["apply_per_object_ratio_to_baseline"] = (
        fits["terraform_apply"].per_object / baseline_create if baseline_create > 0 else None)
    largest = max(sizes)
    result["budgets"] = {
        "launch ≤ 0.15 s": min(launch) <= BUDGETS["launch_s"],
        "apply per-object ≤ 2× baseline": (result["apply_per_object_ratio_to_baseline"] or 99) <= BUDGETS["apply_ratio"],
        f"plan (no changes) of {largest} ≤ 5 s": series["terraform_plan"].minimum(largest) <= BUDGETS["plan_500_s"],
        f"synth of {largest} ≤ 3 s": series["synth"].minimum(largest) <= BUDGETS["synth_500_s"],
    }
    return result


def markdown(result: dict) -> str:
    sizes = result["sizes"]
    m = result["machine"]
    lines = [
        f"Machine: {m['cpus']} CPUs ({m['cpu']}), Python {m['python']}, {m['terraform']}.",
        "",
        "| workload | " + " | ".join(f"N={n} min / median (s)" for n in sizes) + " | fixed (s) | per object (ms) |",
        "|---|" + "---|" * len(sizes) + "---|---|",
    ]
    names = {"synth": "synth (App.synth)", "terraform_plan": "terraform plan, no changes",
             "terraform_apply": "terraform apply from empty", "baseline_create": "baseline: requests, N creates",
             "baseline_read": "baseline: requests, N reads",
             "floor_plan": "Terraform alone (terraform_data): plan", "floor_apply": "Terraform alone (terraform_data): apply"}
    for key, label in names.items():
        s = result["series"][key]
        cells = [f"{s['min'][n]:.2f} / {s['median'][n]:.2f}" for n in sizes]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {s['fixed_s']:.2f} | {s['per_object_ms']:.1f} |")
    ratio = result["apply_per_object_ratio_to_baseline"]
    lines += [
        "",
        f"Provider launch (start → handshake): min {result['launch_s']['min']:.3f} s, "
        f"median {result['launch_s']['median']:.3f} s. Provider peak RSS: {result['provider_peak_rss_mib']} MiB.",
        f"Apply per-object cost / baseline per-object cost: {ratio:.2f}×." if ratio else "",
        "",
        "| budget | met |",
        "|---|---|",
        *[f"| {name} | {'yes' if ok else '**no**'} |" for name, ok in result["budgets"].items()],
    ]
    largest = max(sizes)
    for run in (f"apply N={largest}", f"plan N={largest}"):
        calls = result["provider_calls"].get(run)
        if calls:
            busy = ", ".join(f"{m} {c['calls']}× {c['ms_per_call']:.1f} ms" for m, c in calls.items() if c["calls"] >= largest)
            lines.append(f"\nWhere {run} goes: provider calls (up to 10 at once) {busy}.")
    
    return "\n".join(lines).rstrip() + "\n"
