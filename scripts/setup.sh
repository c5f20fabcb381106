#!/usr/bin/env bash
# Set up everything keyform needs, idempotently; fast when nothing changed.
#   - checks Terraform (a prerequisite) and Python 3.11
#   - .venv with the pinned Python dependencies (re-installed when pyproject.toml or requirements.lock change)
#   - node_modules with the pinned cdktf CLI (re-installed when package-lock.json changes), or with
#     KEYFORM_CDK=cdktn the CDK Terrain CLI and Node 22 in .keyform/cdktn (toolchain/cdktn's lock);
#     the choice is remembered in .keyform/cdk, so a plain `make setup` keeps it
#   - the 'rest' provider in local filesystem mirrors, and .keyform/env.sh for your shell
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

command -v terraform >/dev/null 2>&1 || die "terraform is not on PATH. keyform needs Terraform >= 1.11 \
(write-only attributes). Install it (https://developer.hashicorp.com/terraform/install), then run this again."
tf_version=$(terraform version 2>/dev/null | sed -n 's/^Terraform v\([0-9.]*\).*/\1/p' | head -1)
case "$tf_version" in
  1.1[1-9].*|1.[2-9][0-9].*|[2-9].*) ;;
  *) die "Terraform $tf_version found; keyform needs >= 1.11 (write-only attributes). Upgrade terraform." ;;
esac
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || die "node and npm are needed for the cdktf CLI (Node 20)."

# Which CDK: CDK for Terraform (cdktf 0.21, the default) or CDK Terrain (cdktn 0.24); see README "CDK Terrain".
cdk=${KEYFORM_CDK:-$(cat .keyform/cdk 2>/dev/null || echo cdktf)}
case "$cdk" in
  cdktf|cdktn) ;;
  *) die "KEYFORM_CDK=$cdk: choose cdktf (CDK for Terraform 0.21) or cdktn (CDK Terrain 0.24)." ;;
esac
mkdir -p .keyform
echo "$cdk" > .keyform/cdk

python=${KEYFORM_PYTHON:-}
if [ -z "$python" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      python=$candidate; break
    fi
  done
fi
[ -n "$python" ] || die "Python 3.11 is needed (python3.11 on PATH, or KEYFORM_PYTHON=/path/to/python3.11)."

# PostgreSQL for the shared-state tests (tests/postgres.py runs its own server): Debian's package, when missing.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing PostgreSQL (Debian's postgresql package) for the shared-state tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  else
    say "warning: PostgreSQL is missing (/usr/lib/postgresql/<version>/bin/initdb); the shared-state tests need \
it: sudo apt-get install postgresql"
  fi
fi

stamp() { sha256sum "$@" | sha256sum | cut -c1-16; }

if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$python" -m venv .venv
fi
pip_install() { .venv/bin/python -m pip install --quiet --disable-pip-version-check "$@"; }
want="$cdk $(stamp pyproject.toml requirements.lock requirements-cdktn.lock)"
if [ "$(cat .venv/.keyform-stamp 2>/dev/null)" != "$want" ]; then
  say "installing Python dependencies for $cdk (pinned in pyproject.toml)"
  # compat mode: a plain path entry instead of an import-hook finder, 20 ms less at every
  # Python start — and Terraform starts the provider 3-5 times per command.
  # requirements.lock pins every transitive dependency too (regenerate: pip freeze --exclude-editable).
  if [ "$cdk" = cdktf ]; then
    .venv/bin/python -m pip uninstall --quiet --yes cdktn >/dev/null 2>&1 || true
    pip_install -c requirements.lock -e '.[test,simulators]' --config-settings editable_mode=compat
  else
    # keyform's metadata pins cdktf; CDK Terrain replaces it (and wants constructs < 10.8): keyform without
    # its dependencies, then requirements-cdktn.lock (requirements.lock with cdktn 0.24.0, constructs 10.7.2).
    # (keyform out first: pip would report its cdktf pin as a conflict while the lock replaces cdktf)
    .venv/bin/python -m pip uninstall --quiet --yes keyform cdktf >/dev/null 2>&1 || true
    pip_install -r requirements-cdktn.lock
    pip_install --no-deps -e . --config-settings editable_mode=compat
  fi
  echo "$want" > .venv/.keyform-stamp
fi

if [ "$cdk" = cdktf ]; then
  want=$(stamp package.json package-lock.json)
  if [ ! -x node_modules/.bin/cdktf ] || [ "$(cat node_modules/.keyform-stamp 2>/dev/null)" != "$want" ]; then
    say "installing the cdktf CLI (pinned in package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error >&2
    echo "$want" > node_modules/.keyform-stamp
  fi
  cdk_bin=$root/node_modules/.bin
else
  # The cdktn CLI needs Node >= 22.19: npm's `node` package (pinned with it) brings Node 22, first on PATH.
  want=$(stamp toolchain/cdktn/package.json toolchain/cdktn/package-lock.json)
  cdk_dir=.keyform/cdktn
  if [ ! -x $cdk_dir/node_modules/.bin/cdktn ] || [ "$(cat $cdk_dir/node_modules/.keyform-stamp 2>/dev/null)" != "$want" ]; then
    say "installing the CDK Terrain CLI and Node 22 into $cdk_dir (pinned in toolchain/cdktn/package-lock.json)"
    mkdir -p $cdk_dir
    cp toolchain/cdktn/package.json toolchain/cdktn/package-lock.json $cdk_dir/
    (cd $cdk_dir && npm ci --no-audit --no-fund --loglevel=error >&2)
    echo "$want" > $cdk_dir/node_modules/.keyform-stamp
  fi
  cdk_bin=$root/$cdk_dir/node_modules/.bin
fi

.venv/bin/python -m keyform.provider.install >/dev/null

cat > .keyform/env.sh <<ENV
# Source this to use keyform's tools from your shell: . .keyform/env.sh
export TF_CLI_CONFIG_FILE="$root/.keyform/terraformrc"
export KEYFORM_PROVIDER_PYTHON="$root/.venv/bin/python"
export KEYFORM_CDK=$cdk
export PATH="$root/.venv/bin:$cdk_bin:\$PATH"
export CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=1
# cdktf's shared plugin cache would link the provider from whichever mirror installed it last.
export CDKTF_DISABLE_PLUGIN_CACHE_ENV=1
# jsii names the Node major versions whose end-of-life notice it should not print.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=$(PATH="$cdk_bin:$PATH" node -p 'process.versions.node.split(".")[0]') JSII_SILENCE_SUPPORT_WARNING=1
ENV
