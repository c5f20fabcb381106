"""A small run of the benchmark (N=5, one repetition), so it cannot rot. Nothing here asserts speed."""

import json
import os
import tempfile

import pytest

from keyform.bench.__main__ import run
from keyform.bench.fit import linear_fit
from keyform.bench.workloads import TerraformFloor


def test_fit_recovers_fixed_and_per_object_cost():
    fit = linear_fit([(10, 1.5), (100, 6.0), (500, 26.0)])
    assert round(fit.fixed, 3) == 1.0 and round(fit.per_object, 4) == 0.05


def test_benchmark_runs_and_writes_its_table(tmp_path):
    result = run([5], 1, tmp_path, log=lambda *_: None)
    table = (tmp_path / "results.md").read_text()
    saved = json.loads((tmp_path / "results.json").read_text())
    for label in ("synth (App.synth)", "terraform plan, no changes", "terraform apply from empty",
                  "baseline: requests, N creates", "Provider launch (start → handshake)", "| budget | met |",
                  "| plan (no changes) of 5 / Terraform alone |", "| apply from empty of 5 / Terraform alone |",
                  "| provider CPU per plan of 5 |"):
        assert label in table
    for name in ("synth", "terraform_plan", "terraform_apply", "baseline_create", "baseline_read",
                 "baseline_create_latency", "terraform_apply_latency"):
        assert saved["series"][name]["min"]["5"] > 0
    assert saved["launch_s"]["min"] > 0 and saved["provider_peak_rss_mib"] > 10
    # Where a run went: Terraform's and the provider's CPU, the provider's calls.
    plan = saved["runs"]["plan N=5"]
    assert plan["terraform_cpu_s"] > 0 and plan["provider_cpu_s"] > 0 and plan["provider_processes"] >= 2
    assert plan["calls"]["ReadResource"]["calls"] == 5
    assert saved["runs"]["Terraform alone: plan N=5"]["provider_processes"] == 0
    assert "Where plan N=5 went" in table and "on " in table
    # With the API 20 ms away, five sequential creates take at least 5 × 20 ms.
    assert saved["series"]["baseline_create_latency"]["min"]["5"] >= 0.1
    assert "terraform apply from empty, API 20 ms away" in table
    assert result["machine"]["cpus"] >= 1
    # Issue 17's targets: the ratios to Terraform alone in this run, and the plan's provider CPU, each judged.
    plan_ratio, apply_ratio, cpu, warm_ratio, warm_cpu = saved["targets"]
    series = saved["series"]
    assert plan_ratio["value"] == round(series["terraform_plan"]["min"]["5"] / series["floor_plan"]["min"]["5"], 3)
    assert apply_ratio["value"] == round(series["terraform_apply"]["min"]["5"] / series["floor_apply"]["min"]["5"], 3)
    assert cpu["value"] == round(plan["provider_cpu_s"], 3) and cpu["limit"] == 0.5
    assert [t["met"] for t in saved["targets"]] == [t["value"] <= t["limit"] for t in saved["targets"]]
    # The same plan with a warm provider: every launch handed over (a waiting launch and a forked child each), the
    # warm provider's own CPU counted with the provider's, and Terraform's CPU without the children it did not start.
    warm = saved["runs"]["plan, warm provider N=5"]
    assert warm["provider_processes"] == 2 * plan["provider_processes"]
    assert warm["calls"]["ReadResource"]["calls"] == 5 and warm["terraform_cpu_s"] > 0
    assert warm_cpu["value"] == round(warm["provider_cpu_s"], 3)
    assert warm_ratio["value"] == round(series["terraform_plan_warm"]["min"]["5"] / series["floor_plan"]["min"]["5"], 3)
    assert saved["warm"]["start_cpu_s"] > 0 and saved["warm"]["launch_s"]["min"] > 0
    assert "Warm provider (keyform.provider.warm)" in table and "Where plan, warm provider N=5 went" in table


def test_a_workdir_whose_init_fails_leaves_no_directory(tmp_path, monkeypatch):
    failing = tmp_path / "bin" / "terraform"  # a Terraform whose init fails, as one without its plugins does
    failing.parent.mkdir()
    failing.write_text("#!/bin/sh\necho 'Error: Failed to query available provider packages' >&2\nexit 1\n")
    failing.chmod(0o755)
    monkeypatch.setenv("PATH", f"{failing.parent}{os.pathsep}{os.environ['PATH']}")
    made = tmp_path / "made"
    made.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(made))
    with pytest.raises(RuntimeError, match="Failed to query available provider packages"):
        TerraformFloor(3)
    assert list(made.iterdir()) == []
