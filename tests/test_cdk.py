"""keyform.cdk: the CDK set-up installed (cdktf, or CDK Terrain's cdktn) and its own bindings; a wrong or missing
choice named with its fix. Each case imports keyform.cdk in a fresh Python (the choice is made at import)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

from tests.e2e.harness import REPO

INSTALLED = [name for name in ("cdktf", "cdktn") if importlib.util.find_spec(name)]
BINDINGS = {"cdktf": "keyform.bindings", "cdktn": "keyform.bindings_cdktn"}


def import_cdk(code: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "KEYFORM_CDK"}
    return subprocess.run([sys.executable, "-c", f"import keyform.cdk as cdk; {code}"], cwd=REPO,
                          env={**base, **env}, capture_output=True, text=True, timeout=120)


def test_set_up_installs_exactly_one_cdk():
    assert len(INSTALLED) == 1, f"make setup installs one CDK, found {INSTALLED}"


def test_the_installed_cdk_and_its_bindings_are_taken():
    [name] = INSTALLED
    shown = import_cdk("print(cdk.NAME, cdk.TerraformStack.__module__, cdk.RestProvider.__module__)")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == [name, name, f"{BINDINGS[name]}.rest.provider"]


def test_a_cdk_not_installed_is_refused_naming_the_set_up():
    [name] = INSTALLED
    other = "cdktn" if name == "cdktf" else "cdktf"
    refused = import_cdk("", KEYFORM_CDK=other)
    assert refused.returncode != 0
    assert (f"keyform.cdk.CdkNotInstalled: {other} is not installed in this Python; run `make setup` "
            "(`KEYFORM_CDK=cdktn make setup` for CDK Terrain)") in refused.stderr


def test_an_unknown_cdk_is_refused_naming_the_choices():
    refused = import_cdk("", KEYFORM_CDK="terraform-cdk")
    assert refused.returncode != 0
    assert ("KEYFORM_CDK='terraform-cdk' is not a CDK keyform knows; set it to cdktf or cdktn "
            "(or unset it to use the one installed)") in refused.stderr
