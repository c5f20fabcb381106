"""keyform in a user's own repository, as a user gets it: the sdist built from this checkout, the wheel built from
that, installed into a fresh virtualenv outside it (nothing of the checkout on ``sys.path``), ``keyform init``,
``keyform provider install``, then the cdktf CLI from a plain shell — no file sourced, no
``--skip-provider-lock`` — against running simulators, with an environment that holds only their endpoints and
credentials.

The first repository gets its cdktf CLI as its README says (``npm install``: the package.json ``keyform init``
wrote), runs on the machine's Node (20) and again on Node 22 (npm's ``node`` package); the other tests use this
checkout's CLI, the same pinned package."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from keyform import __version__
from tests.conftest import CA_CERT_FILE
from tests.e2e.harness import Ontap, Vault, Vsp, unique

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
CDKTF = REPO / "node_modules" / ".bin" / "cdktf"


def run(args, cwd: Path, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def ok(result: subprocess.CompletedProcess) -> str:
    """The output of a command that succeeded, without terminal colours."""
    assert result.returncode == 0, f"{result.args} exited {result.returncode}:\n{result.stdout[-4000:]}\n" \
                                   f"{result.stderr[-4000:]}"
    return re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)


@pytest.fixture(scope="module")
def user(tmp_path_factory):
    """The wheel, built as pip builds it from the sdist, and a virtualenv outside the checkout with it (and its
    pinned dependencies) installed."""
    root = tmp_path_factory.mktemp("user")
    build_sdist = "import sys; from setuptools import build_meta; build_meta.build_sdist(sys.argv[1])"
    ok(run([sys.executable, "-c", build_sdist, root / "sdist"], REPO))
    [sdist] = (root / "sdist").glob("keyform-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(root / "unpacked", filter="data")
    dist = root / "dist"
    ok(run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", dist,
            root / "unpacked" / f"keyform-{__version__}"], root))
    [wheel] = dist.glob("keyform-*.whl")
    venv = root / "venv"
    ok(run([sys._base_executable, "-m", "venv", venv], root))
    ok(run([venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check",
            "-c", REPO / "requirements.lock", wheel], root, timeout=600))
    return root, wheel, venv


def plain_shell(root: Path, *, tools: tuple[Path, ...] = (CDKTF.parent,), **settings: str) -> dict:
    """What a user's shell holds: a PATH with terraform and the cdktf CLI (not the virtualenv; ``tools`` come
    first), a home of its own (with a CLI config that does not exist, as here), and the appliances' settings."""
    home = root / "home"
    home.mkdir(exist_ok=True)
    terraform = shutil.which("terraform")
    node = shutil.which("node")
    assert terraform and node, "terraform and node must be on PATH"
    path = os.pathsep.join([*map(str, tools), str(Path(terraform).parent), str(Path(node).parent),
                            "/usr/local/bin", "/usr/bin", "/bin"])
    return {"PATH": path, "HOME": str(home), "TF_CLI_CONFIG_FILE": str(home / ".terraformrc"), "LANG": "C.UTF-8",
            "TMPDIR": str(root), **settings}


def npm_shell(root: Path) -> dict:
    """A plain shell for npm: with the registry, proxy and CA settings of this machine's environment (a user's
    shell has its own) and its npm cache, so packages come as fast as they can."""
    passed = {k: v for k, v in os.environ.items()
              if k.lower().startswith("npm_config_") or k in ("NODE_EXTRA_CA_CERTS", "HTTPS_PROXY", "HTTP_PROXY",
                                                              "NO_PROXY", "https_proxy", "http_proxy", "no_proxy")}
    return {**plain_shell(root), "npm_config_cache": str(Path.home() / ".npm"), **passed}


def test_the_sdist_holds_keyform_with_its_bindings_and_the_project_files_not_the_tests(user):
    root, _, _ = user
    [sdist] = (root / "sdist").glob("keyform-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {"pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE", "keyform/bindings/rest/__init__.py",
            "keyform/provider/__main__.py"} <= names
    assert not any(n.startswith(("tests/", "generated/", "stacks/")) for n in names)


def test_the_wheel_holds_keyform_alone_with_its_bindings_and_provider(user):
    _, wheel, _ = user
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"keyform", f"keyform-{__version__}.dist-info"}
    bindings = {n[len("keyform/bindings/"):]: n for n in names if n.startswith("keyform/bindings/")}
    generated = {p.relative_to(REPO / "generated").as_posix() for p in (REPO / "generated").rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
    assert set(bindings) == generated  # the example app's `cdktf get` output, shipped as keyform.bindings
    with zipfile.ZipFile(wheel) as archive:
        for relative, name in bindings.items():
            assert archive.read(name) == (REPO / "generated" / relative).read_bytes(), relative
    assert "keyform/provider/__init__.py" in names and "keyform/provider/__main__.py" in names
    metadata = zipfile.ZipFile(wheel).read(f"keyform-{__version__}.dist-info/METADATA").decode()
    assert "Requires-Python: >=3.11\n" in metadata


def test_installed_keyform_runs_without_the_checkout(user):
    root, _, venv = user
    outside = root / "elsewhere"
    outside.mkdir(exist_ok=True)
    env = plain_shell(root)
    assert ok(run([venv / "bin" / "keyform", "--version"], outside, env)).strip() == (
        f"keyform {__version__} (provider keyform.local/keyform/rest {__version__}, Terraform plugin protocol 6)")
    probe = ("import json, sys, importlib.util, keyform, keyform.constructs, keyform.provider.servicer\n"
             "print(json.dumps({'keyform': keyform.__file__, 'path': sys.path,\n"
             "  'top': {n: importlib.util.find_spec(n) is not None\n"
             "          for n in ('generated', 'stacks', 'main', 'tests')}}))")
    seen = json.loads(ok(run([venv / "bin" / "python", "-c", probe], outside, env)).strip().splitlines()[-1])
    assert seen["keyform"].startswith(str(venv)), seen
    assert not any(p.startswith(str(REPO)) for p in seen["path"]), seen["path"]
    assert seen["top"] == {"generated": False, "stacks": False, "main": False, "tests": False}
    # the simulators are a development tool: not installed with keyform, and the command says how to get them
    simulators = run([venv / "bin" / "keyform", "simulators", "all"], outside, env)
    assert simulators.returncode == 2 and "pip install 'keyform[simulators]" in simulators.stderr, simulators.stderr


def point_at_kmip_servers(repo: Path, servers) -> None:
    """What a user does with the scaffold: put their KMIP servers in the stacks (here real ones, which ONTAP
    connects to when adding a key server and VSP when promoting one)."""
    ontap, vsp = repo / "stacks" / "ontap.py", repo / "stacks" / "vsp.py"
    assert '"kms1.example.com"' in ontap.read_text() and "host, 5696)" in vsp.read_text()
    ontap.write_text(ontap.read_text().replace('"kms1.example.com"', f'"{servers[0].address}"'))
    vsp.write_text(vsp.read_text().replace("host, 5696)", f"host, {servers[0].port})")
                   .replace("host, 5697)", f"host, {servers[1].port})"))


def trusting(ca_cert_file: str, *names: str) -> dict:
    """Each appliance's CA, the way a user gives it: ``KEYFORM_<NAME>_CA_CERT_FILE``, read by the provider."""
    return {f"KEYFORM_{name}_CA_CERT_FILE": ca_cert_file for name in names}


def test_init_provider_install_and_cdktf_from_a_plain_shell(user, simulator, kmip_servers):
    root, _, venv = user
    sims = {"ontap": simulator("ontap", password=unique("ontap")), "vsp": simulator("vsp", password=unique("vsp")),
            "vault-a": simulator("vault", name="vault-a", token=unique("root-a")),
            "vault-b": simulator("vault", name="vault-b", token=unique("root-b"))}
    repo = root / "infrastructure"
    said = ok(run([venv / "bin" / "keyform", "init", repo], root, plain_shell(root)))
    assert "keyform provider install" in said
    assert (repo / "requirements.txt").read_text() == f"keyform=={__version__}\n"
    refused = run([venv / "bin" / "keyform", "init", repo], root, plain_shell(root))
    assert refused.returncode == 2 and "pass --force" in refused.stderr
    ok(run([venv / "bin" / "keyform", "provider", "install"], repo, plain_shell(root)))
    assert (repo / ".keyform" / "python").is_file()
    ok(run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], repo, npm_shell(root), timeout=600))
    cdktf = repo / "node_modules" / ".bin" / "cdktf"
    point_at_kmip_servers(repo, kmip_servers(2))

    settings = {
        **trusting(CA_CERT_FILE, "ONTAP", "VSP", "VAULT_A", "VAULT_B"),
        "KEYFORM_ONTAP_BASE_URL": sims["ontap"].url + "/api", "KEYFORM_ONTAP_PASSWORD": sims["ontap"].settings.password,
        "KEYFORM_VSP_BASE_URL": sims["vsp"].url + "/mapi", "KEYFORM_VSP_PASSWORD": sims["vsp"].settings.password,
        "KEYFORM_KMIP_HOST": "127.0.0.1",
        "KEYFORM_VAULT_A_BASE_URL": sims["vault-a"].url + "/v1",
        "KEYFORM_VAULT_A_TOKEN": sims["vault-a"].settings.token,
        "KEYFORM_VAULT_B_BASE_URL": sims["vault-b"].url + "/v1",
        "KEYFORM_VAULT_B_TOKEN": sims["vault-b"].settings.token,
    }
    env = plain_shell(root, tools=(cdktf.parent,), **settings)
    missing = run([cdktf, "synth"], repo, {k: v for k, v in env.items() if k != "KEYFORM_VSP_BASE_URL"})
    assert missing.returncode != 0 and "KEYFORM_VSP_BASE_URL" in missing.stdout + missing.stderr

    ok(run([cdktf, "synth"], repo, env))
    no_password = run([cdktf, "diff", "ontap"], repo, {k: v for k, v in env.items() if k != "KEYFORM_ONTAP_PASSWORD"})
    said = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", no_password.stdout + no_password.stderr).split())
    assert no_password.returncode != 0 and "KEYFORM_ONTAP_PASSWORD is not set" in said, said[-3000:]
    deployed = ok(run([cdktf, "deploy", "ontap", "vsp", "vault-dr", "--auto-approve"], repo, env, timeout=600))
    assert deployed.count("Apply complete!") == 3, deployed[-3000:]
    for stack in ("ontap", "vsp", "vault-dr"):
        diff = ok(run([cdktf, "diff", stack], repo, env))
        assert "No changes." in diff and "Plan:" not in diff, diff[-3000:]
        lock = (repo / "cdktf.out" / "stacks" / stack / ".terraform.lock.hcl").read_text()
        assert f'version     = "{__version__}"' in lock
    report = run([venv / "bin" / "keyform", "plan-report"], repo, env)
    assert report.returncode == 0 and "ontap" in report.stdout, report.stdout + report.stderr

    # the same repository on Node 22: no banner, nothing to change
    node22 = root / "node22"
    ok(run(["npm", "install", "--prefix", node22, "--no-audit", "--no-fund", "--loglevel=error", "node@22"], root,
           npm_shell(root), timeout=600))
    on_node22 = plain_shell(root, tools=(node22 / "node_modules" / ".bin", cdktf.parent), **settings)
    assert ok(run(["node", "--version"], repo, on_node22)).startswith("v22.")
    for command in (["synth"], ["diff", "vault-dr"]):
        said = ok(run([cdktf, *command], repo, on_node22))
        assert "end-of-life" not in said and "!!!!" not in said and "Error" not in said, said[-3000:]
    assert "No changes." in said, said[-3000:]

    # what the appliances hold now
    manager = [m for m in Ontap(sims["ontap"]).key_managers() if (m.get("svm") or {}).get("name") == "svm1"]
    assert len(manager) == 1
    assert Vsp(sims["vsp"]).primary() == "kms-a"
    assert Vault(sims["vault-b"]).status()["mode"] == "secondary"
    # no secret in what the project keeps
    kept = [p.read_text(errors="replace") for p in repo.rglob("*") if p.is_file() and ".terraform" not in p.parts
            and "node_modules" not in p.parts]
    for secret in (settings["KEYFORM_ONTAP_PASSWORD"], settings["KEYFORM_VSP_PASSWORD"],
                   settings["KEYFORM_VAULT_A_TOKEN"], settings["KEYFORM_VAULT_B_TOKEN"]):
        assert not any(secret in text for text in kept + [deployed])


def test_two_repositories_with_different_keyform_versions_each_run_their_own_provider(user, simulator, tmp_path):
    root, _, venv = user
    # keyform 0.0.1-test: this checkout with another version, built and installed as a user would
    source = tmp_path / "source"
    shutil.copytree(REPO / "keyform", source / "keyform", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "generated", source / "generated")
    shutil.copy(REPO / "pyproject.toml", source / "pyproject.toml")
    other = "0.0.1"
    init = source / "keyform" / "__init__.py"
    init.write_text(init.read_text().replace(f'__version__ = "{__version__}"', f'__version__ = "{other}"'))
    ok(run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp_path / "dist",
            source], tmp_path))
    venv2 = tmp_path / "venv"
    ok(run([sys._base_executable, "-m", "venv", venv2], tmp_path))
    ok(run([venv2 / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check",
            "-c", REPO / "requirements.lock", next((tmp_path / "dist").glob("keyform-*.whl"))], tmp_path, timeout=600))

    ontap = simulator("ontap", password=unique("ontap"))
    env = plain_shell(root, KEYFORM_ONTAP_BASE_URL=ontap.url + "/api", KEYFORM_ONTAP_PASSWORD=ontap.settings.password,
                      **trusting(CA_CERT_FILE, "ONTAP"))
    repos = {__version__: (root / "repo-current", venv), other: (root / "repo-other", venv2)}
    for repo, python_env in repos.values():
        ok(run([python_env / "bin" / "keyform", "init", repo], root, env))
        ok(run([python_env / "bin" / "keyform", "provider", "install"], repo, env))
        (repo / "main.py").write_text((repo / "main.py").read_text().replace('    VspStack(app, "vsp")\n', "").replace(
            '    VaultDrStack(app, "vault-dr")\n', ""))
    for version, (repo, _) in repos.items():
        diff = ok(run([CDKTF, "diff", "ontap"], repo, env))
        assert "Plan: 2 to add" in diff, diff[-3000:]
        selected = ok(run(["terraform", "version"], repo / "cdktf.out" / "stacks" / "ontap", env))
        # Terraform ran the provider of this version, and that launcher runs only a keyform of the same version
        assert f"provider keyform.local/keyform/rest v{version}" in selected, selected

    # a provider launched for one keyform but finding another (a stale install) refuses to serve, and says so
    mirror = repos[other][0] / ".keyform" / "plugins"
    [launcher] = mirror.rglob(f"terraform-provider-rest_v{other}")
    stale = run([launcher], root, {**env, "TF_PLUGIN_MAGIC_COOKIE": "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb"
                                   "4d6991ca9872b2", "KEYFORM_PROVIDER_PYTHON": str(venv / "bin" / "python")})
    assert stale.returncode == 1
    assert f"the provider Terraform installed is keyform {other}, but this project runs keyform {__version__}" in \
        stale.stderr and "keyform provider install" in stale.stderr, stale.stderr

    # a launcher left by another build of the same version is found at synth, before terraform says anything
    repo, _ = repos[__version__]
    for installed in [*(repo / ".keyform" / "plugins").rglob(f"terraform-provider-rest_v{__version__}"),
                      *(root / "home" / ".terraform.d").rglob(f"terraform-provider-rest_v{__version__}")]:
        installed.write_text(installed.read_text().replace("code digest: ", "code digest: 0"))
    refused = run([CDKTF, "synth"], repo, env)
    said = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", refused.stdout + refused.stderr).split())
    assert refused.returncode != 0 and "was installed by another build of keyform" in said and \
        "run `keyform provider install` in this project again" in said, said[-3000:]
    ok(run([venv / "bin" / "keyform", "provider", "install"], repo, env))
    ok(run([CDKTF, "synth"], repo, env))

    # a CLI config of the user's own with a provider_installation block: refused at synth with the fix, and
    # working once keyform's filesystem_mirror is in it (as the scaffolded README says)
    config = root / "home" / "user.tfrc"
    config.write_text('provider_installation {\n  direct {}\n}\n')
    own = {**env, "TF_CLI_CONFIG_FILE": str(config)}
    hidden = run([CDKTF, "synth"], repo, own)
    said = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", hidden.stdout + hidden.stderr).split())
    assert hidden.returncode != 0, said[-3000:]
    assert f"add keyform's filesystem_mirror to the provider_installation block of {config}" in said, said[-3000:]
    block = (repo / ".keyform" / "terraformrc").read_text()
    config.write_text(block[block.index("provider_installation"):])
    diff = ok(run([CDKTF, "diff", "ontap"], repo, own))
    assert "Plan: 2 to add" in diff or "No changes." in diff, diff[-3000:]
