"""Peak resident memory of every provider process seen while a command runs (sampled from /proc)."""

from __future__ import annotations

import os
import threading


class ProviderMemory:
    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "ProviderMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as handle:
                        if b"keyform.provider" not in handle.read():
                            continue
                    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
                        for line in handle:
                            if line.startswith("VmHWM:"):
                                self.peak_kib = max(self.peak_kib, int(line.split()[1]))
                except OSError:
                    continue
