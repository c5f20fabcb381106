"""Vault's ACL policy language: parsing the HCL (or JSON) text and evaluating capabilities.

Parsed: ``path "<glob>" { capabilities = ["read", "update", ...] }`` blocks (any number),
comments (``#``, ``//``, ``/* */``), the legacy ``policy = "read"|"write"|"sudo"|"deny"``
shorthand, the parameter constraints and wrapping TTLs (``allowed_parameters``,
``denied_parameters``, ``required_parameters``, ``min_wrapping_ttl``, ``max_wrapping_ttl``:
accepted and not enforced), and the same document written as JSON
(``{"path": {"<glob>": {"capabilities": [...]}}}``). Anything else is refused as
``failed to parse policy: ...``.

Globs, as in Vault: a trailing ``*`` is a prefix match, a ``+`` segment matches one
path segment (``secret/+/teamb``); a ``*`` anywhere else is literal. Evaluating a
path: the rules of all the token's policies are merged per glob (capabilities
unioned, ``deny`` wins), an exact rule wins over any glob, and among matching globs
the most specific wins, by Vault's priority rules (first wildcard later, no trailing
``*``, fewer ``+``, longer, lexically greater). The ``root`` policy grants everything.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable

CAPABILITIES = frozenset({"create", "read", "update", "patch", "delete", "list", "sudo", "deny", "subscribe",
                          "recover"})
GRANTING = frozenset(CAPABILITIES - {"deny"})
LEGACY = {
    "deny": {"deny"},
    "read": {"read", "list"},
    "write": {"create", "read", "update", "delete", "list"},
    "sudo": {"create", "read", "update", "delete", "list", "sudo"},
}
ACCEPTED_KEYS = {"capabilities", "policy", "allowed_parameters", "denied_parameters", "required_parameters",
                 "min_wrapping_ttl", "max_wrapping_ttl"}

DEFAULT_POLICY = """\
# Allow tokens to look up their own properties
path "auth/token/lookup-self" {
    capabilities = ["read"]
}

# Allow tokens to renew themselves
path "auth/token/renew-self" {
    capabilities = ["update"]
}

# Allow tokens to revoke themselves
path "auth/token/revoke-self" {
    capabilities = ["update"]
}

# Allow a token to look up its own capabilities on a path
path "sys/capabilities-self" {
    capabilities = ["update"]
}

# Allow a token to look up its own entity by id or name
path "identity/entity/id/{{identity.entity.id}}" {
  capabilities = ["read"]
}
path "identity/entity/name/{{identity.entity.name}}" {
  capabilities = ["read"]
}

# Allow a token to manage its own cubbyhole
path "cubbyhole/*" {
    capabilities = ["create", "read", "update", "delete", "list"]
}

# Allow a token to wrap arbitrary values in a response-wrapping token
path "sys/wrapping/wrap" {
    capabilities = ["update"]
}

# Allow a token to look up the creation time and TTL of a given
# response-wrapping token
path "sys/wrapping/lookup" {
    capabilities = ["update"]
}

# Allow a token to unwrap a response-wrapping token
path "sys/wrapping/unwrap" {
    capabilities = ["update"]
}
"""


class PolicyError(ValueError):
    """Policy text that does not parse; the message is Vault's detail (without the prefix)."""


@dataclass(frozen=True)
class Rule:
    glob: str
    capabilities: frozenset


@dataclass(frozen=True)
class Policy:
    name: str
    rules: tuple = ()
    root: bool = False


ROOT = Policy("root", (), root=True)


# -- parsing ------------------------------------------------------------------------------

_TOKEN = re.compile(
    r'(?P<ws>[ \t\r\n]+)|(?P<comment>(?:#|//)[^\n]*|/\*.*?\*/)|(?P<string>"(?:[^"\\\n]|\\.)*")'
    r'|(?P<number>-?\d+(?:\.\d+)?)|(?P<ident>[A-Za-z_][A-Za-z0-9_.\-]*)|(?P<punct>[{}\[\]=,:])',
    re.S,
)


def _q(value) -> str:
    """Quoted like Go's ``%q``, as Vault's messages are."""
    return json.dumps(value)


def _tokens(text: str) -> list[tuple[str, object, int]]:
    out, pos, line = [], 0, 1
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            raise PolicyError(f"line {line}: unexpected character {_q(text[pos])}")
        kind, raw = match.lastgroup, match.group()
        if kind == "string":
            try:
                out.append(("string", json.loads(raw), line))
            except ValueError:
                raise PolicyError(f"line {line}: invalid string {raw}") from None
        elif kind == "number":
            out.append(("number", float(raw) if "." in raw else int(raw), line))
        elif kind == "ident":
            out.append(("bool", raw == "true", line) if raw in ("true", "false") else ("ident", raw, line))
        elif kind == "punct":
            out.append((raw, raw, line))
        line += raw.count("\n")
        pos = match.end()
    out.append(("eof", None, line))
    return out


class _Object(list):
    """An HCL object as parsed: its ``(key, labels, value, line)`` items (a list value is a plain list)."""


class _Parser:
    """HCL's object syntax: ``key [labels] { ... }``, ``key = value``; values are strings,
    numbers, booleans, lists and objects (``:`` may stand for ``=``, as in JSON)."""

    def __init__(self, text: str):
        self.tokens = _tokens(text)
        self.at = 0

    def peek(self) -> tuple[str, object, int]:
        return self.tokens[self.at]

    def take(self, *kinds: str) -> tuple[str, object, int]:
        token = self.peek()
        if token[0] not in kinds:
            found = "end of input" if token[0] == "eof" else _q(token[1])
            raise PolicyError(f"line {token[2]}: expected {' or '.join(kinds)}, found {found}")
        self.at += 1
        return token

    def items(self, end: str) -> list[tuple[str, list, object, int]]:
        """``(key, labels, value, line)`` until ``end`` (``eof`` or ``}``)."""
        items = []
        while self.peek()[0] != end:
            if self.peek()[0] == "eof":
                raise PolicyError(f"line {self.peek()[2]}: expected }}, found end of input")
            _, key, line = self.take("ident", "string")
            labels = []
            while self.peek()[0] == "string":
                labels.append(self.take("string")[1])
            if self.peek()[0] in ("=", ":"):
                self.at += 1
                value = self.value()
            else:
                value = self.object()
            items.append((key, labels, value, line))
            if self.peek()[0] == ",":
                self.at += 1
        return items

    def object(self) -> _Object:
        self.take("{")
        items = _Object(self.items("}"))
        self.take("}")
        return items

    def value(self):
        kind = self.peek()[0]
        if kind == "{":
            return self.object()
        if kind == "[":
            self.take("[")
            values = []
            while self.peek()[0] != "]":
                values.append(self.value())
                if self.peek()[0] != ",":
                    break
                self.take(",")
            self.take("]")
            return values
        return self.take("string", "number", "bool")[1]


def _as_dict(items) -> dict:
    """An HCL object (item list) as a plain dict, recursively; lists stay lists."""
    if isinstance(items, _Object):
        result = {}
        for key, labels, value, _ in items:
            target = result
            for label in [key, *labels[:-1]] if labels else []:
                target = target.setdefault(label, {})
            target[labels[-1] if labels else key] = _as_dict(value)
        return result
    if isinstance(items, list):
        return [_as_dict(v) for v in items]
    return items


def _rule(glob: str, body, line: int) -> Rule:
    where = f"path {_q(glob)}" + (f" (line {line})" if line else "")
    if not isinstance(body, dict):
        raise PolicyError(f"{where}: expected an object")
    unknown = sorted(set(body) - ACCEPTED_KEYS)
    if unknown:
        raise PolicyError(f"{where}: invalid key {_q(unknown[0])}")
    capabilities = set()
    given = body.get("capabilities", [])
    if not isinstance(given, list) or not all(isinstance(c, str) for c in given):
        raise PolicyError(f"{where}: capabilities must be a list of strings")
    for capability in given:
        capability = capability.strip().lower()
        if capability not in CAPABILITIES:
            raise PolicyError(f"{where}: invalid capability {_q(capability)}")
        capabilities.add(capability)
    legacy = body.get("policy")
    if legacy is not None:
        if legacy not in LEGACY:
            raise PolicyError(f"{where}: invalid policy {_q(legacy)}")
        capabilities |= LEGACY[legacy]
    if "deny" in capabilities:
        capabilities = {"deny"}
    return Rule(glob.lstrip("/"), frozenset(capabilities))


def parse(name: str, text: str) -> Policy:
    """A :class:`Policy` from its HCL or JSON text; :class:`PolicyError` when it does not parse."""
    if name == "root":
        return ROOT
    rules = []
    if text.lstrip().startswith("{"):
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise PolicyError(f"invalid JSON: {exc}") from None
        if not isinstance(document, dict):
            raise PolicyError("expected a JSON object")
        entries = [(k, [], v, 0) for k, v in document.items()]
    else:
        entries = _Parser(text).items("eof")
    for key, labels, value, line in entries:
        if key == "name":
            continue
        if key != "path":
            raise PolicyError(f"line {line}: invalid key {_q(key)}" if line else f"invalid key {_q(key)}")
        value = _as_dict(value)
        if len(labels) == 1:
            rules.append(_rule(labels[0], value, line))
        elif not labels and isinstance(value, dict):
            rules.extend(_rule(glob, body, line) for glob, body in value.items())
        else:
            raise PolicyError(f"line {line}: a path block takes exactly one path")
    return Policy(name, tuple(rules))


# -- evaluation ---------------------------------------------------------------------------

def _is_glob(glob: str) -> bool:
    return glob.endswith("*") or "+" in glob.split("/")


def _matches(glob: str, path: str) -> bool:
    prefix = glob.endswith("*")
    segments = (glob[:-1] if prefix else glob).split("/")
    pattern = "/".join("[^/]*" if s == "+" else re.escape(s) for s in segments)
    return re.fullmatch(pattern + (".*" if prefix else ""), path, re.S) is not None


def _priority(glob: str) -> tuple:
    """Higher is more specific (Vault's rules for overlapping globs)."""
    positions = [i for i, c in enumerate(glob) if c == "*" and i == len(glob) - 1]
    offset = 0
    for segment in glob.split("/"):
        if segment == "+":
            positions.append(offset)
        offset += len(segment) + 1
    first = min(positions) if positions else len(glob)
    return first, not glob.endswith("*"), -glob.split("/").count("+"), len(glob), glob


def merged_rules(policies: Iterable[Policy]) -> dict[str, frozenset]:
    rules: dict[str, set] = {}
    for policy in policies:
        for rule in policy.rules:
            rules.setdefault(rule.glob, set()).update(rule.capabilities)
    return {glob: frozenset({"deny"} if "deny" in caps else caps) for glob, caps in rules.items()}


def capabilities(policies: Iterable[Policy], path: str) -> set[str]:
    """What the policies allow on ``path`` (no leading ``/``); ``{"deny"}`` when nothing does,
    as Vault's ``sys/capabilities`` answers."""
    policies = list(policies)
    if any(p.root for p in policies):
        return set(GRANTING)
    path = path.lstrip("/")
    rules = merged_rules(policies)
    exact = rules.get(path)
    if exact is not None and not _is_glob(path):
        chosen = exact
    else:
        matching = [g for g in rules if _is_glob(g) and _matches(g, path)]
        if not matching:
            return {"deny"}
        chosen = rules[max(matching, key=_priority)]
    return set(chosen) if chosen else {"deny"}


def allows(policies: Iterable[Policy], path: str, wanted: Iterable[str]) -> bool:
    """Whether any of ``wanted`` is granted on ``path`` (``deny`` wins)."""
    granted = capabilities(policies, path)
    return "deny" not in granted and bool(granted & set(wanted))
