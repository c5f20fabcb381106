"""One version: ``keyform.__version__`` is the package's, the provider's, the one the stacks require and the one
this repository's cdktf.json names; ``keyform --version`` says it."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from keyform import PROVIDER_SOURCE, __version__
from keyform.provider import install
from keyform.provider.provider import SOURCE, VERSION

REPO = Path(__file__).resolve().parents[1]


def test_package_provider_and_cdktf_json_agree():
    assert version("keyform") == __version__ == VERSION and SOURCE == PROVIDER_SOURCE
    config = json.loads((REPO / "cdktf.json").read_text())
    assert config["terraformProviders"] == [f"{PROVIDER_SOURCE}@{__version__}"]
    assert f"# The `rest` provider (`{PROVIDER_SOURCE}` {__version__})" in (REPO / "docs" / "provider.md").read_text()


def test_the_launcher_names_the_version_and_changes_with_the_code(tmp_path, monkeypatch):
    text = install.launcher()
    assert f"# keyform {__version__} 'rest' Terraform provider launcher" in text
    assert f"KEYFORM_LAUNCHER_VERSION={__version__} KEYFORM_LAUNCHER_DIGEST={install.code_digest()}" in text
    # another provider code (here: one more module) is another launcher, so another lock-file hash
    package = tmp_path / "keyform"
    for name in install.CODE_PACKAGES:
        (package / name).mkdir(parents=True)
        (package / name / "a.py").write_text("x = 1\n")
    (package / "provider" / "install.py").write_text("")
    monkeypatch.setattr(install, "__file__", str(package / "provider" / "install.py"))
    first = install.code_digest()
    (package / "client" / "b.py").write_text("y = 2\n")
    assert install.code_digest() != first


def test_the_command_line_says_the_versions():
    said = subprocess.run([sys.executable, "-m", "keyform", "--version"], capture_output=True, text=True, check=True)
    assert said.stdout.strip() == (f"keyform {__version__} (provider {PROVIDER_SOURCE} {__version__}, "
                                   "Terraform plugin protocol 6)")


def test_a_stack_requires_the_provider_of_this_version(tmp_path):
    from keyform.cdk import Testing, TerraformStack

    from keyform.constructs import ontap_provider

    stack = TerraformStack(Testing.app(outdir=str(tmp_path)), "versioned")  # Testing.app() alone leaves one in /tmp
    ontap_provider(stack, "ontap", "https://cluster1.example.com/api")
    required = json.loads(Testing.synth(stack))["terraform"]["required_providers"]
    assert required == {"rest": {"source": PROVIDER_SOURCE, "version": __version__}}


def test_install_leaves_the_provider_code_compiled_so_a_launch_never_compiles_it(tmp_path, monkeypatch):
    # A launch under PYTHONDONTWRITEBYTECODE (set on CI machines, and here) reads bytecode but writes none: what
    # the installer compiles is what every launch is spared.
    import importlib.util

    from keyform.provider import code

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    install.install(tmp_path, home=tmp_path / "home")
    root = Path(code.KEYFORM_ROOT)
    sources = [root / relative for relative in code._python_files(str(root))]
    assert len(sources) > 30
    stale = [str(source) for source in sources
             if not Path(importlib.util.cache_from_source(str(source))).exists()
             or Path(importlib.util.cache_from_source(str(source))).stat().st_mtime < source.stat().st_mtime]
    assert stale == []
