"""Write the constructs reference (docs/constructs.md) from docstrings and type annotations:
``python -m keyform.constructs.reference``.

For every name ``keyform.constructs`` exports: its signature with types, its docstring, and what it exposes —
a dataclass's fields, the public attributes a construct sets in ``__init__`` (read from the source), public
methods and properties. A test regenerates it and fails when the committed file is stale, so the reference lives
in one place: the code.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any, Optional

from constructs import Construct

import keyform.constructs as package

DOC = Path(__file__).resolve().parents[2] / "docs" / "constructs.md"
COMMAND = "python -m keyform.constructs.reference"

# Modules in the order a reader meets them: the three appliances' constructs, then what they are built with.
# A module not listed here follows, in alphabetical order.
MODULE_ORDER = ("ontap", "ontap_certificate", "vsp", "vault", "providers", "inputs", "synth", "topology", "errors")
WIDTH = 100  # a signature longer than this is written one parameter a line

_ROLE = re.compile(r":(?:class|meth|func|mod|data|attr|exc):`~?\.?([^`]+)`")
_QUALIFIED = re.compile(r"\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_])")


def public_names() -> list[str]:
    return list(package.__all__)


def docstring(obj: Any) -> str:
    """The object's own docstring, cleaned; "" when it has none (not an inherited one, nor the signature
    ``dataclasses`` writes in place of a missing docstring)."""
    doc = obj.__dict__.get("__doc__") if inspect.isclass(obj) else getattr(obj, "__doc__", None)
    if not doc:
        return ""
    if inspect.isclass(obj) and dataclasses.is_dataclass(obj) and doc.startswith(f"{obj.__name__}("):
        return ""
    return _markdown(inspect.cleandoc(doc))


def _markdown(text: str) -> str:
    """reStructuredText roles as Markdown code (``:class:`Topology``` → ```Topology```)."""
    return _ROLE.sub(lambda m: f"`{m.group(1)}`", text)


def annotation(value: Any) -> str:
    """An annotation as written: the source text where annotations are strings (``from __future__ import
    annotations``), else its repr without module prefixes."""
    if value is inspect.Parameter.empty:
        return ""
    if isinstance(value, str):
        quoted = len(value) > 1 and value[0] == value[-1] and value[0] in "'\""
        return value[1:-1] if quoted else value  # a forward reference written as a string: "Endpoint"
    return _QUALIFIED.sub("", inspect.formatannotation(value))


def _default(value: Any) -> str:
    if value is dataclasses.MISSING:
        return ""
    return repr(value)


def _parameter(p: inspect.Parameter) -> str:
    stars = "*" if p.kind == p.VAR_POSITIONAL else "**" if p.kind == p.VAR_KEYWORD else ""
    text = stars + p.name
    if p.annotation is not p.empty:
        text += f": {annotation(p.annotation)}"
    if p.default is not p.empty:
        text += f" = {_default(p.default)}" if p.annotation is not p.empty else f"={_default(p.default)}"
    return text


def _factory_defaults(obj: Any) -> dict[str, str]:
    """A dataclass field's ``default_factory`` as the call that makes each instance's value (``list()``)."""
    if not dataclasses.is_dataclass(obj):
        return {}
    return {f.name: _factory(f) for f in dataclasses.fields(obj) if f.default_factory is not dataclasses.MISSING}


def _factory(f: dataclasses.Field[Any]) -> str:
    return f"{getattr(f.default_factory, '__name__', repr(f.default_factory))}()"


def signature(name: str, obj: Any) -> str:
    """``name(parameters) -> return``; for a class, the parameters of its constructor."""
    if inspect.isclass(obj):
        sig = inspect.signature(obj.__init__)
        return _format(name, list(sig.parameters.values())[1:], "", _factory_defaults(obj))
    sig = inspect.signature(obj)
    return _format(name, list(sig.parameters.values()), annotation(sig.return_annotation), {})


def _format(name: str, params: list[inspect.Parameter], returns: str, factories: dict[str, str]) -> str:
    parts: list[str] = []
    for i, p in enumerate(params):
        if p.kind == p.KEYWORD_ONLY and (i == 0 or params[i - 1].kind not in (p.KEYWORD_ONLY, p.VAR_POSITIONAL)):
            parts.append("*")
        if p.kind == p.POSITIONAL_ONLY and (i + 1 == len(params) or params[i + 1].kind != p.POSITIONAL_ONLY):
            parts.append(_parameter(p) + ", /")
            continue
        parts.append(f"{p.name}: {annotation(p.annotation)} = {factories[p.name]}" if p.name in factories
                     else _parameter(p))
    returns = f" -> {returns}" if returns else ""
    one_line = f"{name}({', '.join(parts)}){returns}"
    if len(one_line) <= WIDTH:
        return one_line
    return f"{name}(\n" + "".join(f"    {part},\n" for part in parts) + f"){returns}"


def kind(obj: Any) -> str:
    if inspect.isclass(obj):
        if issubclass(obj, Construct):
            return "construct"
        if issubclass(obj, BaseException):
            bases = ", ".join(f"`{b.__name__}`" for b in obj.__bases__)
            return f"exception ({bases})"
        if dataclasses.is_dataclass(obj):
            frozen = vars(obj)["__dataclass_params__"].frozen
            return "dataclass (frozen)" if frozen else "dataclass"
        return "class"
    return "function"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _summary(obj: Any) -> str:
    doc = docstring(obj)
    paragraph = doc.split("\n\n", 1)[0].replace("\n", " ")
    sentence = re.split(r"(?<=\.)(?<!e\.g\.)(?<!i\.e\.)\s", paragraph, maxsplit=1)[0]
    return _cell(sentence)


def fields(obj: Any) -> list[str]:
    """A dataclass's fields: name, type, default."""
    lines = ["| field | type | default |", "|---|---|---|"]
    for f in dataclasses.fields(obj):
        if f.default is not dataclasses.MISSING:
            default = f"`{f.default!r}`"
        elif f.default_factory is not dataclasses.MISSING:
            default = f"`{_factory(f)}`"
        else:
            default = "required"
        lines.append(f"| `{f.name}` | `{_cell(annotation(f.type))}` | {_cell(default)} |")
    return lines


def instance_attributes(cls: type) -> list[tuple[str, str]]:
    """The public attributes ``cls.__init__`` sets on ``self``, in order, with their type: the annotation when
    the assignment has one, the parameter's annotation when a parameter is stored as it is, the class when the
    value is made by calling one, else ""."""
    init = cls.__dict__.get("__init__")
    if init is None or dataclasses.is_dataclass(cls):
        return []
    try:
        source = textwrap.dedent(inspect.getsource(init))
    except (OSError, TypeError):
        return []
    parameters = {name: annotation(p.annotation) for name, p in inspect.signature(init).parameters.items()}
    found: dict[str, str] = {}

    def typed(value: Optional[ast.expr]) -> str:
        if isinstance(value, ast.Name) and value.id in parameters:
            return parameters[value.id]
        if isinstance(value, ast.Call):
            callee = ast.unparse(value.func)
            if callee.split(".")[-1][:1].isupper():
                return callee
        return ""

    def record(target: ast.expr, value: Optional[ast.expr], declared: str = "") -> None:
        if isinstance(target, ast.Tuple):
            values = value.elts if isinstance(value, ast.Tuple) and len(value.elts) == len(target.elts) else None
            for i, element in enumerate(target.elts):
                record(element, values[i] if values else None)
            return
        if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"
                and not target.attr.startswith("_") and target.attr not in found):
            found[target.attr] = declared or typed(value)

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                record(target, node.value)
        elif isinstance(node, ast.AnnAssign):
            record(node.target, node.value, ast.unparse(node.annotation))
    return list(found.items())


def members(cls: type) -> list[tuple[str, Any]]:
    """Public methods and properties defined by ``cls`` itself (not inherited, not generated by dataclasses)."""
    out: list[tuple[str, Any]] = []
    for name, member in cls.__dict__.items():
        if name.startswith("_"):
            continue
        if isinstance(member, (staticmethod, classmethod)):
            out.append((name, member.__func__))
        elif isinstance(member, property) or inspect.isfunction(member):
            out.append((name, member))
    return out


def _member(owner: str, name: str, member: Any) -> list[str]:
    if isinstance(member, property):
        assert member.fget is not None
        returns = annotation(inspect.signature(member.fget).return_annotation)
        head = f"{owner}.{name}" + (f": {returns}" if returns else "") + "  # property"
        doc = docstring(member.fget)
    else:
        sig = inspect.signature(member)
        params = list(sig.parameters.values())
        if params and params[0].name in ("self", "cls"):
            params = params[1:]
        head = _format(f"{owner}.{name}", params, annotation(sig.return_annotation), {})
        doc = docstring(member)
    return ["```python", head, "```", *([doc] if doc else []), ""]


def section(name: str, obj: Any) -> list[str]:
    lines = [f"### `{name}`", "", f"*{kind(obj)}*", "", "```python", signature(name, obj), "```", ""]
    doc = docstring(obj)
    if doc:
        lines += [doc, ""]
    if inspect.isclass(obj):
        if dataclasses.is_dataclass(obj):
            lines += ["Fields:", "", *fields(obj), ""]
        attributes = instance_attributes(obj)
        if attributes:
            lines += ["Attributes:", "", "| attribute | type |", "|---|---|",
                      *[f"| `{a}` | {f'`{_cell(t)}`' if t else ''} |" for a, t in attributes], ""]
        methods = members(obj)
        if methods:
            lines += ["Methods and properties:", ""]
            for member_name, member in methods:
                lines += _member(name, member_name, member)
    return lines


def _modules(names: list[str]) -> list[tuple[ModuleType, list[str]]]:
    by_module: dict[str, list[str]] = {}
    for name in names:
        by_module.setdefault(getattr(package, name).__module__, []).append(name)

    def rank(module: str) -> tuple[int, str]:
        short = module.rsplit(".", 1)[-1]
        return (MODULE_ORDER.index(short) if short in MODULE_ORDER else len(MODULE_ORDER), module)

    ordered = []
    for module_name in sorted(by_module, key=rank):
        module = sys.modules[module_name]
        in_source_order = sorted(by_module[module_name],
                                 key=lambda n: (inspect.getsourcelines(getattr(package, n))[1], n))
        ordered.append((module, in_source_order))
    return ordered


def render() -> str:
    names = public_names()
    modules = _modules(names)
    lines = [
        "# The constructs (`keyform.constructs`)",
        "",
        f"Generated by `{COMMAND}` from the docstrings and type annotations; do not edit by hand.",
        "",
        docstring(package),
        "",
        "| name | kind | module | summary |",
        "|---|---|---|---|",
    ]
    for module, module_names in modules:
        for name in module_names:
            obj = getattr(package, name)
            lines.append(f"| [`{name}`](#{name.lower()}) | {kind(obj)} | `{module.__name__}` | {_summary(obj)} |")
    for module, module_names in modules:
        lines += ["", f"## `{module.__name__}`", ""]
        module_doc = docstring(module)
        if module_doc:
            lines += [module_doc, ""]
        for name in module_names:
            lines += section(name, getattr(package, name))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip("\n") + "\n"


def main() -> int:
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
