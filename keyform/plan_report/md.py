"""Markdown snippets: values as code spans, text safe for a list item."""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

from keyform.plan_report.mask import HIDDEN
from keyform.plan_report.model import SENSITIVE, UNKNOWN

MAX_VALUE = 120


def plain(value: Any) -> str:
    if value is UNKNOWN:
        return "(known after apply)"
    if value is SENSITIVE:
        return HIDDEN
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def code(value: Any) -> str:
    """A value as a Markdown code span (one line, no backticks, shortened when long)."""
    if value is UNKNOWN or value is SENSITIVE or value is None:
        return "_" + plain(value) + "_"
    text = " ".join(plain(value).split())
    if len(text) > MAX_VALUE:
        text = text[: MAX_VALUE - 1] + "…"
    return "`" + text.replace("`", "'") + "`"


def codes(values: Iterable[Any]) -> str:
    return ", ".join(code(v) for v in values)


def inline(text: str) -> str:
    """Free text on one line, without characters that would start Markdown structure mid-report."""
    return re.sub(r"\s+", " ", str(text)).replace("<", "&lt;").replace(">", "&gt;").strip()
