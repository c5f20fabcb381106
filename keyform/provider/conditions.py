"""Conditions on what an appliance shows: when a call runs, whether its effect holds, what must hold first.

Two notations, both checked against a JSON document read from the appliance:

- **condition maps** (``run_when``, ``destroy_when``): path → expected text, all must hold;
  ``a|b`` accepts either, ``!a`` anything but ``a`` (``!a|b`` neither);
- **predicates** (``effective_when``, ``preconditions``), JSON::

      {"path": "data/mode", "equals": "primary"}
      {"path": "data/mode", "in": ["primary", "secondary"]}      also "not_in"
      {"path": "data/known_secondaries", "contains": "vault-b"}
      {"path": "data/known_secondaries", "subset_of": ["vault-a", "vault-b"]}
      {"path": "data", "keys_subset_of": ["cubbyhole/", "identity/", "sys/"]}
      {"path": "data/secondaries", "some": {"path": "node_id", "equals": "vault-b"}}
      {"path": "data/primaries/0", "exists": false}
      {"supplied": "dr_operation_token"}      a provider secret or write-only key is non-empty
      {"all": [...]}  {"any": [...]}  {"not": {...}}

Values are compared as text the way a Terraform map holds them (null is "", a whole number is
written without a decimal point). A list or object test on a path that is missing does not hold:
nothing passes a check by default. :func:`parse` refuses a malformed predicate with a message naming the
attribute, so configuration errors surface at validation, before any call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Optional

from keyform.client import jsonpath
from keyform.provider import jsondata
from keyform.provider.common import as_text

LEAF_TESTS = ("equals", "in", "not_in", "contains", "subset_of", "keys_subset_of", "some", "exists")


class PredicateError(ValueError):
    """A malformed predicate; the message names the attribute and what is wrong."""


# ----------------------------------------------------------------------------- condition maps
def condition_holds(actual: str, expected: str) -> bool:
    """``a|b``: actual is one of them; ``!a``: actual is not ``a``."""
    if expected.startswith("!"):
        return actual not in expected[1:].split("|")
    return actual in expected.split("|")


def unmet(answer: Any, conditions: Mapping[str, str], name: str) -> Optional[str]:
    """Why ``conditions`` (a condition map) do not hold for ``answer``, or None when they do."""
    for path, expected in (conditions or {}).items():
        actual = _text(jsonpath.lookup(answer, path, None))
        if not condition_holds(actual, expected):
            return f"{path} is '{actual}', the {name} condition wants '{expected}'"
    return None


# ----------------------------------------------------------------------------- predicates
Supplied = Callable[[str], bool]


@dataclass(frozen=True)
class Predicate:
    tree: dict[str, Any]

    def holds(self, document: Any, supplied: Supplied = lambda name: False) -> bool:
        return _holds(self.tree, document, supplied)

    def describe(self) -> str:
        return json.dumps(self.tree, sort_keys=True, separators=(",", ":"))


def parse(value: Any, attribute: str) -> Optional[Predicate]:
    """A predicate from its JSON text (or already decoded), None for null."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise PredicateError(f"{attribute} is not valid JSON ({jsondata.decode_problem(exc)}); "
                                 "write it with jsonencode({...})") from None
    _check(value, attribute)
    return Predicate(value)


def _check(node: Any, where: str) -> None:
    if not isinstance(node, dict) or not node:
        raise PredicateError(f"{where}: a predicate is a JSON object such as "
                             '{"path": "data/mode", "equals": "primary"}')
    if "all" in node or "any" in node:
        key = "all" if "all" in node else "any"
        if set(node) != {key} or not isinstance(node[key], list) or not node[key]:
            raise PredicateError(f"{where}: '{key}' takes a non-empty list of predicates and nothing else")
        for index, item in enumerate(node[key]):
            _check(item, f"{where}.{key}[{index}]")
        return
    if "not" in node:
        if set(node) != {"not"}:
            raise PredicateError(f"{where}: 'not' takes one predicate and nothing else")
        _check(node["not"], f"{where}.not")
        return
    if "supplied" in node:
        if set(node) != {"supplied"} or not isinstance(node["supplied"], str) or not node["supplied"]:
            raise PredicateError(f"{where}: 'supplied' names one secret, e.g. {{\"supplied\": \"token\"}}")
        return
    tests = [k for k in node if k in LEAF_TESTS]
    if not isinstance(node.get("path"), str) or len(tests) != 1 or set(node) != {"path", tests[0]}:
        raise PredicateError(f"{where}: a test is {{\"path\": ..., <one of {', '.join(LEAF_TESTS)}>: ...}}; "
                             f"got keys {', '.join(sorted(node))}")
    test, operand = tests[0], node[tests[0]]
    if test in ("in", "not_in", "subset_of", "keys_subset_of") and not isinstance(operand, list):
        raise PredicateError(f"{where}: '{test}' takes a list")
    if test == "exists" and not isinstance(operand, bool):
        raise PredicateError(f"{where}: 'exists' takes true or false")
    if test == "some":
        _check(operand, f"{where}.some")


def _holds(node: dict[str, Any], document: Any, supplied: Supplied) -> bool:
    if "all" in node:
        return all(_holds(item, document, supplied) for item in node["all"])
    if "any" in node:
        return any(_holds(item, document, supplied) for item in node["any"])
    if "not" in node:
        return not _holds(node["not"], document, supplied)
    if "supplied" in node:
        return supplied(node["supplied"])
    missing = object()
    value = jsonpath.lookup(document, node["path"], missing)
    if "exists" in node:
        wanted: bool = node["exists"]  # a bool: _check made sure
        return (value is not missing) == wanted
    value = None if value is missing else value
    if "equals" in node:
        return _text(value) == _text(node["equals"])
    if "in" in node:
        return _text(value) in {_text(v) for v in node["in"]}
    if "not_in" in node:
        return _text(value) not in {_text(v) for v in node["not_in"]}
    items = value if isinstance(value, list) else None
    if "contains" in node:
        return items is not None and _text(node["contains"]) in {_text(v) for v in items}
    if "subset_of" in node:
        return items is not None and {_text(v) for v in items} <= {_text(v) for v in node["subset_of"]}
    if "keys_subset_of" in node:
        return isinstance(value, dict) and set(value) <= {str(v) for v in node["keys_subset_of"]}
    return items is not None and any(_holds(node["some"], item, supplied) for item in items)


def _text(value: Any) -> str:
    """A value as Terraform writes it in a map: 1.0 and 1 are both "1"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return as_text(value)
