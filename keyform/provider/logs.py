"""The provider's log, through Terraform's own channel: hclog JSON lines on stderr.

Terraform (go-plugin) reads a provider's stderr line by line. A JSON line with ``@level``, ``@message`` and
``@timestamp`` (``2006-01-02T15:04:05.000000Z07:00``) is logged at its level under
``provider.terraform-provider-rest_v<version>``, its other keys shown as ``key=value``; any other line is
logged as is at DEBUG. Terraform shows them when ``TF_LOG_PROVIDER`` (else ``TF_LOG``) asks for that level,
in its output or in ``TF_LOG_PATH``.

The same variables decide here whether anything is written at all: unset or ``OFF``, the ``keyform``
loggers are off (no line, no cost), so a normal run has no stderr noise. Only keyform's own loggers are
written (never urllib3's, which logs whole request lines with their query strings), and every line goes
through the provider's redaction of its secrets, if a provider is configured.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Callable, Mapping, Optional, TextIO

LEVELS = {"TRACE": logging.DEBUG, "JSON": logging.DEBUG, "DEBUG": logging.DEBUG, "INFO": logging.INFO,
          "WARN": logging.WARNING, "ERROR": logging.ERROR}
"""Terraform's log levels (``TF_LOG=JSON`` is TRACE) and the Python level written for each. Terraform takes
any other value but ``OFF`` as TRACE."""

HCLOG_LEVELS = {logging.DEBUG: "debug", logging.INFO: "info", logging.WARNING: "warn", logging.ERROR: "error",
                logging.CRITICAL: "error"}

_redact: Optional[Callable[[str], str]] = None


def requested_level(environ: Mapping[str, str] = os.environ) -> Optional[int]:
    """The Python level Terraform asks the provider to log at, or None when it asks for no log."""
    value = (environ.get("TF_LOG_PROVIDER") or environ.get("TF_LOG") or "").strip().upper()
    if not value or value == "OFF":
        return None
    return LEVELS.get(value, logging.DEBUG)


class HclogFormatter(logging.Formatter):
    """One hclog JSON line per record (a traceback stays inside its ``@message``)."""

    def format(self, record: logging.LogRecord) -> str:
        import json  # only when a log is written: not at every provider start

        message = record.getMessage()
        if record.exc_info:
            message = f"{message}\n{self.formatException(record.exc_info)}"
        if _redact is not None:
            try:
                message = _redact(message)
            except Exception:  # noqa: BLE001 - a log line never fails a call
                pass
        seconds = int(record.created)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
        micros = int((record.created - seconds) * 1_000_000)
        return json.dumps({
            "@level": HCLOG_LEVELS.get(record.levelno, "error" if record.levelno > logging.ERROR else "debug"),
            "@message": message,
            "@module": record.name,
            "@timestamp": f"{stamp}.{micros:06d}Z",
        })


def configure(environ: Mapping[str, str] = os.environ, stream: Optional[TextIO] = None) -> Optional[int]:
    """Set up the provider process's logging as Terraform asks (see the module docstring); the level chosen."""
    import sys

    level = requested_level(environ)
    keyform = logging.getLogger("keyform")
    keyform.propagate = False
    for handler in list(keyform.handlers):
        keyform.removeHandler(handler)
    # No line from anyone else (other libraries' warnings included) unless written by the handler below.
    logging.getLogger().addHandler(logging.NullHandler())
    logging.captureWarnings(True)
    if level is None:
        keyform.setLevel(logging.CRITICAL + 1)
        return None
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(HclogFormatter())
    keyform.addHandler(handler)
    keyform.setLevel(level)
    warnings = logging.getLogger("py.warnings")
    warnings.addHandler(handler)
    warnings.propagate = False
    return level


def redact_with(redact: Optional[Callable[[str], str]]) -> None:
    """Every line written from now on passes through ``redact`` (the configured provider's secrets)."""
    global _redact
    _redact = redact
