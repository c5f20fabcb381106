"""Python source laid out as the project writes it: a call that does not fit in 110 columns opens its
parenthesis, packs its simple arguments on indented lines, gives each nested call lines of its own and
closes on a line of its own (with trailing commas). Only what :mod:`.render` needs: calls, lists, tuples,
literals, names, comments and a docstring."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any, Union

WIDTH = 110
INDENT = 4


@dataclass(frozen=True)
class Raw:
    """A name or expression written as is."""

    text: str


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple = ()
    kwargs: tuple = ()  # ((name, value), ...) in the order written

    def __init__(self, func: str, *args: Any, **kwargs: Any):
        object.__setattr__(self, "func", func)
        object.__setattr__(self, "args", tuple(node(a) for a in args))
        object.__setattr__(self, "kwargs", tuple((k, node(v)) for k, v in kwargs.items()))


@dataclass(frozen=True)
class Seq:
    items: tuple
    tuple_: bool = False


Node = Union[Raw, Call, Seq]


def node(value: Any) -> Node:
    """A Python value as a node: str, int, bool and None as literals, lists and tuples as sequences."""
    if isinstance(value, (Raw, Call, Seq)):
        return value
    if isinstance(value, (list, tuple)):
        return Seq(tuple(node(v) for v in value), isinstance(value, tuple))
    return Raw(literal(value))


def literal(value: Any) -> str:
    if isinstance(value, str):
        return string(value)
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    raise TypeError(f"no literal for {type(value).__name__}")


def printable(text: str) -> str:
    """``text`` with every character that is not printable escaped (a comment stays one line)."""
    return "".join(c if c.isprintable() else string(c)[1:-1] for c in text)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def string(text: str) -> str:
    """A double-quoted string literal; characters that are not printable are escaped."""
    out = []
    for c in text:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif c.isprintable():
            out.append(c)
        elif ord(c) < 0x100:
            out.append(f"\\x{ord(c):02x}")
        elif ord(c) < 0x10000:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(f"\\U{ord(c):08x}")
    return '"' + "".join(out) + '"'


def flat(n: Node) -> str:
    if isinstance(n, Raw):
        return n.text
    if isinstance(n, Call):
        return f"{n.func}({', '.join(p + flat(v) for p, v in _items(n))})"
    inner = ", ".join(flat(v) for v in n.items)
    if n.tuple_:
        return f"({inner},)" if len(n.items) == 1 else f"({inner})"
    return f"[{inner}]"


def statement(n: Node, indent: int, target: str = "") -> list[str]:
    """``target = n`` (or the bare expression) at ``indent`` columns."""
    return _layout(n, indent, f"{target} = " if target else "", "")


def comment(text: str, indent: int) -> list[str]:
    pad = " " * indent
    return [pad + "# " + line for line in _wrap(printable(text), WIDTH - indent - 2)]


def docstring(paragraphs: list[str], indent: int = 0) -> list[str]:
    """A docstring of paragraphs; a line of a paragraph that starts with "- " is a list item (hanging indent)."""
    pad = " " * indent
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append("")
        for item in paragraph.split("\n"):
            text = printable(item).replace("\\", "\\\\").replace('"', '\\"')
            lines.extend(_wrap(text, WIDTH - indent, '"""' if not lines else "", "  " if item.startswith("- ") else ""))
    if len(lines) == 1 and len(lines[0]) + 3 + indent <= WIDTH:
        return [pad + lines[0] + '"""']
    return [pad + line if line else "" for line in lines] + [pad + '"""']


def _wrap(text: str, width: int, first: str = "", hang: str = "") -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=hang, break_long_words=False,
                         break_on_hyphens=False) or [first]


def _items(n: Node) -> list[tuple[str, Node]]:
    if isinstance(n, Call):
        return [("", a) for a in n.args] + [(f"{k}=", v) for k, v in n.kwargs]
    if isinstance(n, Seq):
        return [("", v) for v in n.items]
    return []


def _brackets(n: Node) -> tuple[str, str]:
    if isinstance(n, Call):
        return f"{n.func}(", ")"
    return ("(", ")") if n.tuple_ else ("[", "]")


def _nested(n: Node) -> bool:
    """A call, or a sequence holding one: it gets lines of its own."""
    return isinstance(n, Call) or (isinstance(n, Seq) and any(_nested(v) for v in n.items))


def _layout(n: Node, indent: int, prefix: str, suffix: str) -> list[str]:
    pad = " " * indent
    text = prefix + flat(n) + suffix
    items = _items(n)
    if indent + len(text) <= WIDTH or not items:
        return [pad + text]
    opening, closing = _brackets(n)
    inner = indent + INDENT
    lines = [pad + prefix + opening]
    packed = ""
    for item_prefix, item in items:
        piece = item_prefix + flat(item)
        if not _nested(item) and packed and inner + len(packed) + len(piece) + 3 <= WIDTH:
            packed += ", " + piece
            continue
        if packed:
            lines.append(" " * inner + packed + ",")
            packed = ""
        if _nested(item) or inner + len(piece) + 1 > WIDTH:
            lines.extend(_layout(item, inner, item_prefix, ","))
        else:
            packed = piece
    if packed:
        lines.append(" " * inner + packed + ",")
    lines.append(pad + closing + suffix)
    return lines
