"""Entry point Terraform runs (through the launcher ``keyform provider install`` writes):
``python -m keyform.provider``."""

from __future__ import annotations

import os
import sys
TYPE_CHECKING = False  # not `from typing import`: typing and re cost a launch ~9 ms (measured)

if TYPE_CHECKING:
    from keyform.provider.provider import RestProvider


def launched_by_another_install() -> str:
    """Why this keyform is not the one the launcher was installed for ("" when it is): the launcher names the
    version and code digest of the keyform that installed it, so a lock file pins code that really runs."""
    version, digest = os.environ.get("KEYFORM_LAUNCHER_VERSION"), os.environ.get("KEYFORM_LAUNCHER_DIGEST")
    if version is None:
        return ""
    from keyform import __version__ as VERSION
    from keyform.provider.code import code_digest

    if version != VERSION:
        return f"the provider Terraform installed is keyform {version}, but this project runs keyform {VERSION}"
    if digest != code_digest():
        return f"keyform {VERSION}'s code changed since its provider was installed"
    return ""


def main() -> int:
    warm = os.environ.get("KEYFORM_PROVIDER_WARM")  # keyform.provider.handover.ENV, not imported: launch time
    if warm:
        code = _hand_over(warm)
        if code is not None:
            return code
    stale = launched_by_another_install()
    if stale:
        print(f"keyform rest provider: {stale} ({sys.executable}). Run `keyform provider install` in the project, "
              "then `terraform init -upgrade` (cdktf: delete cdktf.out/stacks/*/.terraform.lock.hcl).",
              file=sys.stderr)
        return 1
    from keyform.provider.plugin_server import serve

    return serve(provider)


def provider() -> RestProvider:
    # Loaded on the first call, after the handshake: launch time is paid 3-5 times per command.
    from keyform.provider.provider import RestProvider

    return RestProvider()


def _hand_over(socket_path: str) -> int | None:
    """Serve this launch from the warm provider at ``socket_path`` (:mod:`keyform.provider.warm`): its exit code,
    or None to start cold. This process then only waits, and its CPU time is logged as a launch's.

    It sends the version and code digest its launcher pins, and the warm provider forks only for the ones of the
    code it has loaded: a launch served there runs the pinned code without digesting the code on disk. A refused
    launch starts cold, after that check."""
    from keyform.provider import timings
    from keyform.provider.handover import hand_over

    pinned = os.environ.get("KEYFORM_LAUNCHER_VERSION"), os.environ.get("KEYFORM_LAUNCHER_DIGEST")
    if pinned[0] is not None and pinned[1] is not None:
        version, digest = pinned[0], pinned[1]
    else:  # not started by a launcher: the code here is the one asked for
        from keyform import __version__ as version
        from keyform.provider.code import code_digest

        digest = code_digest()
    code = hand_over(socket_path, digest, version, sys.argv[1:])
    if code is not None:
        timings.record_exit()
    return code


if __name__ == "__main__":
    sys.exit(main())
