"""The records are grouped by area; ``gridnote.models`` finds each one and imports only its area."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import subprocess
import sys

import gridnote.models as models


def test_every_record_is_listed_under_the_area_that_defines_it() -> None:
    for area, names in models.AREAS.items():
        module = importlib.import_module(f"gridnote.models.{area}")
        defined = {
            name
            for name, value in vars(module).items()
            if dataclasses.is_dataclass(value) and value.__module__ == module.__name__
        }
        assert defined == set(names), area
        for name in names:
            assert getattr(models, name) is getattr(module, name)


def test_asking_for_one_record_imports_only_its_area() -> None:
    code = (
        "import sys; from gridnote.models import Task, Resident; "
        "print(sorted(m for m in sys.modules if m.startswith('gridnote.models.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    areas = {name.removeprefix("gridnote.models.") for name in ast.literal_eval(done.stdout)}
    assert {"residents", "tasks"} <= areas and not areas & {"issues", "report", "visits", "agenda"}


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        models.Nothing  # noqa: B018
    except AttributeError as exc:
        assert "Nothing" in str(exc)
    else:
        raise AssertionError("no error")
