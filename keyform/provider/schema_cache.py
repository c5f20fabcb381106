"""The provider's schema answer, kept on disk for the code that gave it.

Terraform starts the provider once per command only to ask for its schema (``GetProviderSchema``). The answer
depends on nothing but the provider's code and the protocol's generated messages (``tf``), so the first launch
of a code keeps its serialized answer in the user's cache and later launches of that code answer from it
without loading the provider (~0.1 s of CPU of ~0.2 s per such launch, measured).

The key is the code digest the launcher passes (checked at every launch, see ``keyform.provider.__main__``:
against the code on disk by a cold launch, against the code it loaded by the warm provider a launch is handed
to) with the size and time of ``tf``'s generated protocol module; a launch without
the launcher (``python -m keyform.provider`` by hand, the tests) keeps nothing. The file is written whole
(mode 0600, renamed into place), so a reader never sees half of one; it starts with the SHA-256 of the answer,
so an answer damaged on disk is not handed to Terraform (the launch builds the schema and keeps it again).
Kept answers of other code not written for :data:`PRUNE_AFTER_DAYS` days are removed when one is kept.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from typing import Optional

_PROTOCOL_MODULE = os.path.join("tf", "gen", "tfplugin_pb2.py")
_PREFIX, _SUFFIX = "provider-schema-", ".bin"
_CHECKSUM_BYTES = 32
PRUNE_AFTER_DAYS = 30


def _key() -> Optional[str]:
    digest = os.environ.get("KEYFORM_LAUNCHER_DIGEST")
    if not digest:
        return None
    for folder in sys.path:
        try:
            found = os.stat(os.path.join(folder or ".", _PROTOCOL_MODULE))
        except OSError:
            continue
        protocol = f"{folder}\0{found.st_size}\0{found.st_mtime_ns}"
        return hashlib.sha256(f"{digest}\0{protocol}".encode()).hexdigest()[:32]
    return None


def _path(key: str) -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "keyform", f"{_PREFIX}{key}{_SUFFIX}")


def load() -> Optional[bytes]:
    """The kept answer for this launch's code, or None (no launcher, nothing kept yet, unreadable, damaged)."""
    key = _key()
    if key is None:
        return None
    try:
        with open(_path(key), "rb") as handle:
            kept = handle.read()
    except OSError:
        return None
    checksum, answer = kept[:_CHECKSUM_BYTES], kept[_CHECKSUM_BYTES:]
    return answer if answer and hashlib.sha256(answer).digest() == checksum else None


def store(answer: bytes) -> None:
    """Keep ``answer`` for this launch's code (best effort: a cache that cannot be written is no error)."""
    key = _key()
    if key is None or not answer:
        return
    path = _path(key)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(answer).digest() + answer)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    _prune(os.path.dirname(path))


def _prune(folder: str) -> None:
    """Remove the kept answers (and left-over temporary files) not written for :data:`PRUNE_AFTER_DAYS` days."""
    oldest = time.time() - PRUNE_AFTER_DAYS * 86400
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not name.startswith(_PREFIX):
            continue
        found = os.path.join(folder, name)
        try:
            if os.stat(found).st_mtime < oldest:
                os.unlink(found)
        except OSError:
            continue
