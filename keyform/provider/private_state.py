"""Attributes a resource keeps in Terraform's private state instead of its schema.

Terraform stores a resource's private state with the object but never shows it: not in a plan,
not in ``terraform show -json``. ``rest_object`` keeps its write-only digest there, so the state
carries no sensitive path for Terraform to mark and marshal at each of an apply's state writes.
Its resource code sees such an attribute as one more key of the state dict; this module moves it
in from private state before a call and out to it after.

A state stored before the attribute moved has it among the attributes. The upgrade drops it
there, and an upgrade cannot write private state, so :class:`UpgradeStash` keeps it for the same
provider process's next call on that object: the refresh, or the plan when a plan does not
refresh. Where neither comes (the object not refreshed and not changed), the value is lost:
the resource must then plan as it does for a value it never had.
"""

from __future__ import annotations

import json
import threading
from typing import Any, Optional, Sequence, overload

from tf.types import Unknown

State = dict[str, Any]
StashKey = tuple[str, ...]


@overload
def merged(state: State, private: bytes, names: Sequence[str]) -> State: ...
@overload
def merged(state: None, private: bytes, names: Sequence[str]) -> None: ...
def merged(state: Optional[State], private: bytes, names: Sequence[str]) -> Optional[State]:
    """A stored ``state`` with the ``names`` its ``private`` state keeps (one it does not keep: null)."""
    if state is None or not names:
        return state
    kept = _decoded(private)
    return {**state, **{name: kept.get(name) for name in names}}


def split(state: Optional[State], names: Sequence[str]) -> tuple[Optional[State], bytes]:
    """A stored ``state`` without the ``names``, and the private state that keeps them (null ones left out)."""
    if state is None or not names:
        return state, b""
    return _without(state, names), _encoded({n: state[n] for n in names if state.get(n) is not None})


def planned_split(prior_private: bytes, planned: State, names: Sequence[str]) -> tuple[State, bytes]:
    """A planned state without the ``names``, and the planned private state: the prior values (the apply is not
    given the prior private state) and the planned ones, null kept and unknown left out."""
    if not names:
        return planned, prior_private
    values = {n: planned[n] for n in names if n in planned and planned[n] is not Unknown}
    return _without(planned, names), _encoded({_PRIOR: _decoded(prior_private), _PLANNED: values})


def planned_merged(prior: Optional[State], planned: Optional[State], planned_private: bytes,
                   names: Sequence[str]) -> tuple[Any, Any]:
    """The prior and planned states of an apply with the ``names`` its planned private state keeps (a planned
    value it does not keep is unknown: made at apply)."""
    if not names:
        return prior, planned
    kept = _decoded(planned_private)
    prior_values, planned_values = kept.get(_PRIOR) or {}, kept.get(_PLANNED) or {}
    if prior is not None:
        prior = {**prior, **{n: prior_values.get(n) for n in names}}
    if planned is not None:
        planned = {**planned, **{n: planned_values.get(n, Unknown) for n in names}}
    return prior, planned


_PRIOR, _PLANNED = "prior", "planned"


def _without(state: State, names: Sequence[str]) -> State:
    return {k: v for k, v in state.items() if k not in names}


def _encoded(values: State) -> bytes:
    return json.dumps(values, separators=(",", ":"), sort_keys=True).encode() if values else b""


def _decoded(private: bytes) -> State:
    if not private:
        return {}
    try:
        kept = json.loads(private)
    except ValueError:
        return {}
    return kept if isinstance(kept, dict) else {}


class UpgradeStash:
    """Values an upgrade took out of stored attributes, by object, for the same process's refresh or plan of that
    object to put in its private state (kept for the process's life: one Terraform command). Two objects that
    look alike (the same ``identity``) and held different values keep neither: their next plan treats the value
    as lost."""

    _CONFLICT = object()

    def __init__(self) -> None:
        self._kept: dict[StashKey, Any] = {}
        self._lock = threading.Lock()

    @staticmethod
    def key(type_name: str, state: State, identity: Sequence[str]) -> StashKey:
        return (type_name, *(json.dumps(state.get(name), sort_keys=True) for name in identity))

    def keep(self, key: StashKey, values: State) -> None:
        with self._lock:
            earlier = self._kept.get(key)
            self._kept[key] = values if earlier is None or earlier == values else self._CONFLICT

    def get(self, key: StashKey) -> Optional[State]:
        """What was kept for the object (not taken away: a refresh or plan tried on the loop's thread runs again,
        whole, on a pool thread when it must send a request)."""
        with self._lock:
            values = self._kept.get(key)
        return None if values is self._CONFLICT else values

    def __bool__(self) -> bool:
        """Whether any upgrade kept anything (nearly never: the stash is asked of every refresh and plan)."""
        return bool(self._kept)

    def private(self, key: StashKey, private: bytes) -> bytes:
        """``private`` when it holds anything, else what the stash kept for the object (encoded)."""
        if private:
            return private
        values = self.get(key)
        return _encoded(values) if values else b""
