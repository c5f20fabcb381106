"""Readable, unique names for the generated code: construct ids, Terraform variables, Python locals.

Every name comes from an appliance object (an SVM, a key server, a cluster) made into an id with
:func:`keyform.constructs.naming.slug`; two objects whose names differ only in punctuation get
``_2``, ``_3`` in the order they are rendered (which is sorted), never a hash.
"""

from __future__ import annotations

import keyword
from typing import Iterable

from keyform.constructs import naming


def slug(text: str) -> str:
    """:func:`keyform.constructs.naming.slug` (``kms1.example.com:5696`` → ``kms1_example_com_5696``), never empty."""
    return naming.slug(text) or "unnamed"


class Book:
    """Names handed out in one namespace; a name already taken gets a ``_2``, ``_3``... suffix."""

    def __init__(self, reserved: Iterable[str] = ()):
        self.used = set(reserved)

    def take(self, wanted: str) -> str:
        name, n = wanted, 2
        while name in self.used or keyword.iskeyword(name):
            name, n = f"{wanted}_{n}", n + 1
        self.used.add(name)
        return name
