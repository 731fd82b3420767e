"""Fixtures shared by the screen tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gui.a11y_screens import Ctx, screen_context


@pytest.fixture
def ctx(qtbot, profile, data_home: Path, clock, tmp_path: Path) -> Iterator[Ctx]:
    """A session on the test profile with the product's style (see `screen_context`)."""
    with screen_context(qtbot, profile, data_home, clock, tmp_path) as made:
        yield made
