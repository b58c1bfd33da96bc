"""Domain packages stay UI-free, and the batch command never imports the editor."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO


def modules_after_import(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True, text=True
    )
    return set(json.loads(out.stdout))


@pytest.mark.parametrize(
    "package", ["cleaners", "annotations", "cleaners.pipeline", "annotations.writers"]
)
def test_domain_packages_never_import_ui(package: str) -> None:
    loaded = modules_after_import(f"import {package}")
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich", "tui"}}


def test_batch_command_never_imports_the_editor() -> None:
    loaded = modules_after_import("from callscrub import cli, batch")
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "tui"}}
