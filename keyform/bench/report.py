"""The benchmark's Markdown table and JSON document."""

from __future__ import annotations

import os
import platform
import subprocess
from statistics import median

from keyform.bench.fit import Series, fit_series

BUDGETS = {
    "launch_s": 0.15,
    "synth_500_s": 3.0,
}
TARGETS = {  # issue 17: against Terraform alone in the same run, min of the repetitions
    "plan_ratio": 3.0,  # plan with nothing to change / Terraform alone's plan of as many terraform_data
    "apply_ratio": 2.0,  # apply from empty / Terraform alone's apply
    "plan_provider_cpu_s": 0.5,  # CPU of all provider processes of one plan
}


def machine() -> dict:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    terraform = subprocess.run(["terraform", "version"], capture_output=True, text=True).stdout.splitlines()[:1]
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "terraform": terraform[0] if terraform else "?", "system": platform.platform()}


def build(series: dict[str, Series], launch: list[float], peak_kib: int, sizes: list[int],
          profile: dict | None = None, latency_ms: int = 20) -> dict:
    fits = {name: fit_series(s) for name, s in series.items()}
    result = {
        "machine": machine(),
        "sizes": sizes,
        "latency_ms": latency_ms,
        "series": {
            name: {"min": {n: min(v) for n, v in s.samples.items()},
                   "median": {n: median(v) for n, v in s.samples.items()},
                   "fixed_s": fits[name].fixed, "per_object_ms": fits[name].per_object * 1000}
            for name, s in series.items()
        },
        "launch_s": {"min": min(launch), "median": median(launch)},
        "provider_peak_rss_mib": round(peak_kib / 1024, 1),
        # Where the last repetition of each terraform run went: wall, CPU by process, steal, provider calls.
        "runs": profile or {},
    }
    result["apply_per_object_ratio_to_baseline"] = _ratio(fits["terraform_apply"], fits["baseline_create"])
    result["apply_per_object_ratio_to_baseline_with_latency"] = _ratio(
        fits["terraform_apply_latency"], fits["baseline_create_latency"])
    largest = max(sizes)
    result["targets"] = targets(series, largest)
    result["budgets"] = {
        "launch ≤ 0.15 s": min(launch) <= BUDGETS["launch_s"],
        f"synth of {largest} ≤ 3 s": series["synth"].minimum(largest) <= BUDGETS["synth_500_s"],
    }
    return result


def targets(series: dict[str, Series], n: int) -> list[dict]:
    """Issue 17's three targets at N=``n``: each value (min of the repetitions), its limit, whether it is met."""
    plan = series["terraform_plan"].minimum(n) / series["floor_plan"].minimum(n)
    apply = series["terraform_apply"].minimum(n) / series["floor_apply"].minimum(n)
    cpu = series["plan_provider_cpu"].minimum(n)
    rows = [(f"plan (no changes) of {n} / Terraform alone", plan, TARGETS["plan_ratio"], "×"),
            (f"apply from empty of {n} / Terraform alone", apply, TARGETS["apply_ratio"], "×"),
            (f"provider CPU per plan of {n}", cpu, TARGETS["plan_provider_cpu_s"], " s")]
    if series.get("terraform_plan_warm") and series["terraform_plan_warm"].samples:  # the main job's way
        rows += [(f"plan (no changes) of {n}, warm provider / Terraform alone",
                  series["terraform_plan_warm"].minimum(n) / series["floor_plan"].minimum(n),
                  TARGETS["plan_ratio"], "×"),
                 (f"provider CPU per plan of {n}, warm provider", series["plan_provider_cpu_warm"].minimum(n),
                  TARGETS["plan_provider_cpu_s"], " s")]
    return [{"name": name, "value": round(value, 3), "limit": limit, "unit": unit, "met": value <= limit}
            for name, value, limit, unit in rows]


def _ratio(measured, baseline) -> float | None:
    return measured.per_object / baseline.per_object if baseline.per_object > 0 else None


def markdown(result: dict) -> str:
    """The tables and the "where it went" lines of ``result`` (:func:`build`)."""
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
             "terraform_plan_warm": "terraform plan, no changes, warm provider",
             "floor_plan": "Terraform alone (terraform_data): plan",
             "floor_apply": "Terraform alone (terraform_data): apply",
             "baseline_create_latency": f"baseline: requests, N creates, API {result['latency_ms']} ms away",
             "terraform_apply_latency": f"terraform apply from empty, API {result['latency_ms']} ms away"}
    for key, label in names.items():
        if key not in result["series"]:
            continue
        s = result["series"][key]
        cells = [f"{s['min'][n]:.2f} / {s['median'][n]:.2f}" for n in sizes]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {s['fixed_s']:.2f} | {s['per_object_ms']:.1f} |")
    ratio = result["apply_per_object_ratio_to_baseline"]
    ratio_latency = result["apply_per_object_ratio_to_baseline_with_latency"]
    lines += [
        "",
        f"Provider launch (start → handshake): min {result['launch_s']['min']:.3f} s, "
        f"median {result['launch_s']['median']:.3f} s. Provider peak RSS: {result['provider_peak_rss_mib']} MiB.",
        warm_line(result["warm"]) if result.get("warm") else "",
        f"Apply per-object cost / baseline per-object cost: {ratio:.2f}× with the simulator on this machine, "
        f"{ratio_latency:.2f}× with the API {result['latency_ms']} ms away." if ratio and ratio_latency else "",
        "",
        "| target (issue 17, min of the repetitions) | value | limit | met |",
        "|---|---|---|---|",
        *[f"| {t['name']} | {t['value']:.2f}{t['unit']} | {t['limit']:g}{t['unit']} | "
          f"{'yes' if t['met'] else '**no**'} |" for t in result["targets"]],
        "",
        "| budget | met |",
        "|---|---|",
        *[f"| {name} | {'yes' if ok else '**no**'} |" for name, ok in result["budgets"].items()],
    ]
    if result.get("review_s"):
        lines += ["", review_line(result["review_s"], result.get("review_repeat", 1))]
    largest = max(sizes)
    cores = m["cpus"] or 1
    for key in WHERE_IT_WENT:
        run = run_name(key, largest, result["latency_ms"])
        cost = result["runs"].get(run)
        if cost:
            lines += ["", where_it_went(run, cost, cores, largest)]
    return "\n".join(lines).rstrip() + "\n"


WHERE_IT_WENT = ("terraform_apply", "terraform_apply_latency", "floor_apply", "terraform_plan", "terraform_plan_warm",
                 "floor_plan")
"""The series whose last terraform run at the largest N gets a "where it went" line, in the report's order."""


def run_name(series_key: str, n: int, latency_ms: int) -> str:
    """The name a terraform run of a series has in the result's "runs" (and its "where it went" line)."""
    label = {"terraform_apply": "apply", "terraform_apply_latency": f"apply with {latency_ms} ms API latency",
             "floor_apply": "Terraform alone: apply", "terraform_plan": "plan",
             "terraform_plan_warm": "plan, warm provider", "floor_plan": "Terraform alone: plan"}[series_key]
    return f"{label} N={n}"


def warm_line(warm: dict) -> str:
    return (f"Warm provider (keyform.provider.warm): {warm['start_cpu_s']:.2f} s of CPU to start, once per run; "
            f"a launch it serves, start → handshake: min {warm['launch_s']['min']:.3f} s, "
            f"median {warm['launch_s']['median']:.3f} s.")


def review_line(seconds: dict[str, float], repeat: int) -> str:
    """The main job's step 4 (review of the four example stacks), by mode."""
    modes = "; ".join(f"{mode}: {value:.1f} s" for mode, value in seconds.items())
    return (f"The main job's review (cdktf diff of ontap, vsp, vault-dr, site; min of {repeat} "
            f"repetition{'s' if repeat > 1 else ''}): {modes}.")


def where_it_went(run: str, cost: dict, cores: int, n: int) -> str:
    """One run's wall time against the CPU its processes used: CPU / cores is the least wall time
    any overlap of the processes could reach on this machine."""
    cpu = cost["terraform_cpu_s"] + cost["provider_cpu_s"] + cost["simulator_cpu_s"]
    parts = [f"Terraform {cost['terraform_cpu_s']:.2f} s"]
    if cost["provider_processes"]:
        parts.append(f"provider {cost['provider_cpu_s']:.2f} s in {cost['provider_processes']} processes")
    if cost["simulator_cpu_s"] >= 0.01:
        parts.append(f"simulator {cost['simulator_cpu_s']:.2f} s")
    text = (f"Where {run} went (last repetition): {cost['wall_s']:.2f} s of wall; CPU {' + '.join(parts)} "
            f"= {cpu:.2f} s, at least {cpu / cores:.2f} s on {cores} cores; steal {cost['steal_s']:.2f} s.")
    busy = ", ".join(f"{method} {c['calls']}× {c['ms_per_call']:.1f} ms" for method, c in cost["calls"].items()
                     if c["calls"] >= n)
    if busy:
        text += f" Provider calls (up to 10 at once): {busy}."
    return text
