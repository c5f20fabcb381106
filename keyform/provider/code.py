"""The provider's code as the launcher pins it: which packages, their digest, their bytecode.

The provider process checks the digest at every cold launch (3-5 times per Terraform command), so this module
imports only ``os`` and ``hashlib``.
"""

from __future__ import annotations

import hashlib
import os

CODE_PACKAGES = ("provider", "client", "appliances")
"""What the provider process runs of keyform (besides its dependencies): digested into the launcher."""

KEYFORM_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def code_digest(root: str = KEYFORM_ROOT) -> str:
    """SHA-256 over the provider's code (path and bytes of each ``.py`` of :data:`CODE_PACKAGES` under ``root``,
    the ``keyform`` package's directory)."""
    digest = hashlib.sha256()
    for relative in _python_files(root):
        digest.update(f"{relative}\0".encode())
        with open(os.path.join(root, relative), "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:32]


def _python_files(root: str) -> list[str]:
    """The ``.py`` files of :data:`CODE_PACKAGES`, as sorted '/'-separated paths relative to ``root``."""
    found = []
    for package in CODE_PACKAGES:
        for folder, subfolders, files in os.walk(os.path.join(root, package)):
            subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            found += [os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                      for name in files if name.endswith(".py")]
    return sorted(found)


def compile_code(root: str = KEYFORM_ROOT) -> None:
    """Write the bytecode of the provider's code beside it (where it is writable), so that a launch never
    compiles it: Python reads ``__pycache__`` even where ``PYTHONDONTWRITEBYTECODE`` stops it writing there,
    which would otherwise leave every launch compiling ~40 modules (~70 ms of CPU, measured)."""
    import compileall

    for path in [os.path.join(root, "__init__.py"), *(os.path.join(root, package) for package in CODE_PACKAGES)]:
        compile_one = compileall.compile_file if path.endswith(".py") else compileall.compile_dir
        compile_one(path, quiet=2)
