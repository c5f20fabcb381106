"""Host names and addresses as the appliances accept them, checked at synth.

A host is an IPv4 or IPv6 literal, or a DNS name: ASCII letters, digits and hyphens in labels of
1–63 characters (no label starts or ends with a hyphen), at most 253 characters in all. Anything
else — ``?``, ``#``, ``/``, ``..``, spaces, non-ASCII (write internationalized names in their
``xn--`` form), 300 characters — is refused before it can reach a URL or an appliance.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Optional

MAX_NAME = 253
MAX_LABEL = 63
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")


def host_problem(host: str) -> Optional[str]:
    """Why ``host`` is not a DNS name or IP literal, or None when it is one."""
    if not host:
        return "it is empty"
    if not host.isascii():
        return "it has non-ASCII characters (write an internationalized name in its xn-- form)"
    if _is_ip(host):
        return None
    if len(host) > MAX_NAME:
        return f"it is {len(host)} characters long; a DNS name has at most {MAX_NAME}"
    if ".." in host or host.startswith("."):
        return "it has an empty label ('..')"
    if host.endswith("."):
        return "it ends with a dot"
    labels = host.split(".")
    for label in labels:
        if not label:
            return "it has an empty label ('..')"
        if len(label) > MAX_LABEL:
            return f"its label '{label[:20]}...' is {len(label)} characters long; at most {MAX_LABEL} are allowed"
        if not _LABEL.match(label):
            bad = next((c for c in label if not (c.isalnum() or c == "-")), None)
            return f"the character '{bad}' is not allowed" if bad else f"the label '{label}' starts or ends with '-'"
    if all(label.isdigit() for label in labels):
        return "it looks like an IPv4 address but is not one"
    return None


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
