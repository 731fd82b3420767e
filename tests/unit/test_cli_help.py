"""`wijkteam-intake --help` reads as a worker or administrator would want: Dutch, only the
commands they use, no "==SUPPRESS==" (issue 16), while the internal commands still run."""

from __future__ import annotations

import pytest

from desktop_app.cli import _parser


def test_help_lists_the_public_commands_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        _parser().parse_args(["--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert "==SUPPRESS==" not in shown
    assert "_qt-probe" not in shown and "selftest" not in shown
    for command in ("gui", "doctor", "demo", "pending", "bench", "audit"):
        assert f"    {command} " in shown
    assert "toon deze hulp en stop" in shown and "show this help" not in shown


def test_the_internal_commands_still_parse() -> None:
    assert _parser().parse_args(["selftest"]).command == "selftest"
    assert _parser().parse_args(["_qt-probe"]).command == "_qt-probe"
