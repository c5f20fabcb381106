"""What an HTTP header field may carry as it is sent (RFC 9110 5.1, 5.5): a token for its name; for its value,
Latin-1 text without control characters but the tab. A value with a line break would end the field early (and
start another). The provider's settings (:mod:`keyform.provider.client_config`) and ``keyform import``'s Vault
token are checked with it before anything is sent; the quick GETs (:mod:`.plain_get`) send only what passes it and
leave the rest to the usual path, which refuses it with requests' error (redacted, escaped forms included)."""

from __future__ import annotations

import re
from typing import Optional

NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
VALUE = re.compile(r"[^\x00-\x08\x0a-\x1f\x7f]*")


def name_problem(name: str) -> Optional[str]:
    """Why ``name`` cannot be a header's name (None when it can)."""
    return None if NAME.fullmatch(name) else "is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)"


def value_problem(value: str) -> Optional[str]:
    """Why ``value`` cannot be sent as a header's value (None when it can); never quotes the value."""
    if not VALUE.fullmatch(value):
        return "holds a line break or control character"
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return "holds a character HTTP headers cannot carry (beyond Latin-1)"
    return None
