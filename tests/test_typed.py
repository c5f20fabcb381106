"""keyform ships its type information (PEP 561): the ``py.typed`` marker sits in the package directory."""

from pathlib import Path

import keyform


def test_py_typed_marker_is_in_the_package():
    marker = Path(keyform.__file__).parent / "py.typed"
    assert marker.is_file(), f"{marker} is missing: type checkers would ignore keyform's annotations"
