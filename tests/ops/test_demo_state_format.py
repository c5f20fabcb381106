"""``make run`` on simulator state kept by an earlier keyform: refused with the way out, nothing started or deleted."""

from __future__ import annotations

from pathlib import Path

from keyform import main_job


def _kept_state(run_dir: Path, marker: str | None) -> Path:
    state = run_dir / "sim-state"
    state.mkdir(parents=True)
    (state / "vault-b.json").write_text('{"primary_api_addr": "http://127.0.0.1:8603"}', encoding="utf-8")
    if marker is not None:
        (state / "FORMAT").write_text(marker + "\n", encoding="utf-8")
    return state


def test_state_of_an_earlier_keyform_is_refused_naming_fresh(tmp_path, capsys):
    state = _kept_state(tmp_path / "run", None)
    assert main_job.run(tmp_path, tmp_path / "run", free_ports=True, fresh=False) == 2
    error = capsys.readouterr().err
    assert "made by an earlier keyform (format 1" in error and "python -m keyform.main_job --fresh" in error
    assert (state / "vault-b.json").exists()  # nothing deleted without being asked


def test_state_of_this_format_and_no_state_are_used(tmp_path):
    assert main_job.earlier_demo_state(tmp_path / "none") == ""
    assert main_job.earlier_demo_state(_kept_state(tmp_path / "run", main_job.DEMO_FORMAT).parent) == ""
    assert "format 7" in main_job.earlier_demo_state(_kept_state(tmp_path / "other", "7").parent)
