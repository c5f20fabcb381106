"""Release profiles: the simulator answers as one ONTAP release does (``--ontap-version``, ``Settings.ontap_version``).

- ``9.13.1`` (the default): the seeds' shapes. ``secondary_key_servers`` is an array; ``timeout`` is 1-60 s
  (-1 and 0 answer the simulator's validation error 262185); key servers have no ``connectivity``.
- ``9.14.1`` and later (NetApp REST reference 9.14.1): ``secondary_key_servers`` is answered as one
  comma-separated string (from 9.14) and taken as an array or such a string on input; ``timeout`` also takes -1
  (wait indefinitely) and 0 (do not wait); key servers have ``create_remove_timeout`` (-1 to 60, POST and PATCH of
  ``.../key-servers``; older releases refuse it as an unknown field, 262179) and the expensive ``connectivity``
  (``cluster_availability`` and per-node ``node_states``), shown only when named in ``fields=`` (or with
  ``fields=**``: ``fields=*`` gives the ordinary fields only, as ONTAP documents for expensive properties).

Any ``9.<minor>.<patch>`` is accepted; each difference applies from the release that brought it. ``GET
/api/cluster`` reports the version (``version.full``, ``generation``, ``major``, ``minor``).
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_VERSION = "9.13.1"
PROFILES = ("9.13.1", "9.14.1")
"""The profiles the tests exercise (any 9.x.y is accepted)."""


@dataclass(frozen=True)
class Profile:
    version: str
    generation: int
    major: int
    minor: int

    @property
    def release(self) -> tuple[int, int, int]:
        return self.generation, self.major, self.minor

    @property
    def string_secondaries(self) -> bool:
        """Answers ``secondary_key_servers`` as one comma-separated string and takes that string on input."""
        return self.release >= (9, 14, 0)

    @property
    def timeout_range(self) -> tuple[int, int]:
        """-1 (wait indefinitely) and 0 (do not wait) from 9.14.1."""
        return (-1, 60) if self.release >= (9, 14, 1) else (1, 60)

    @property
    def create_remove_timeout(self) -> bool:
        """Key servers have ``create_remove_timeout`` (NetApp REST reference 9.14.1)."""
        return self.release >= (9, 14, 1)

    @property
    def connectivity(self) -> bool:
        """Key servers show the expensive ``connectivity`` property."""
        return self.release >= (9, 14, 1)

    def cluster_version(self) -> dict:
        full = f"NetApp Release {self.version}: simulated by keyform"
        return {"full": full, "generation": self.generation, "major": self.major, "minor": self.minor}


def parse(version: str | None) -> Profile:
    """The profile of ``9.<major>.<minor>``; ValueError for anything else."""
    text = (version or DEFAULT_VERSION).strip()
    parts = text.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or int(parts[0]) != 9:
        raise ValueError(f"ONTAP version '{text}' is not like 9.14.1 (profiles: {', '.join(PROFILES)})")
    generation, major, minor = (int(p) for p in parts)
    return Profile(f"{generation}.{major}.{minor}", generation, major, minor)
