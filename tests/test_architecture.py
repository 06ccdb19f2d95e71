"""The shape of the package: files stay short, and every module has its place in the import
layers that `lint-imports` enforces (a new module outside them would escape the check)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import crosswire

pytestmark = pytest.mark.timeout(30)

PACKAGE = Path(crosswire.__file__).parent
PYPROJECT = PACKAGE.parent.parent / "pyproject.toml"


def test_no_source_file_is_over_500_lines():
    lengths = {
        str(p.relative_to(PACKAGE)): len(p.read_text("utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in lengths.items() if n > 500} == {}


def test_every_top_level_module_has_a_layer():
    config = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["id"] == "layers"]
    placed = {
        name.strip().removeprefix("crosswire.")
        for layer in layers["layers"]
        for name in layer.split("|")
    }
    present = {
        p.stem if p.is_file() else p.name
        for p in PACKAGE.iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    }
    assert present - placed == set(), "add these to [tool.importlinter] layers in pyproject"
    assert placed - present == set(), "these layers name modules that are gone"
