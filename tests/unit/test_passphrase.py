from __future__ import annotations

import pytest

from desktop_app.domain.passphrase import MIN_LENGTH, assess_passphrase


@pytest.mark.parametrize(
    ("passphrase", "problem_fragment"),
    [
        ("kort", "minstens 12"),
        ("elf-tekens!", "minstens 12"),
        ("aaaaaaaaaaaaaaaa", "hetzelfde teken"),
        ("Wachtwoord2026!", "voor de hand"),
        ("Welkom123456789", "voor de hand"),
        ("WIJKTEAM-2026-!!", "voor de hand"),
        ("123456789012", "alleen cijfers"),
        ("abcdefghijklmnop", "voor de hand"),
        ("qwertyuiopasdf", "voor de hand"),
        ("jansen-fietst-altijd", "eigen naam"),
    ],
)
def test_obvious_passphrases_are_refused(passphrase: str, problem_fragment: str) -> None:
    result = assess_passphrase(passphrase, worker_name="Piet Jansen")
    assert not result.acceptable
    assert any(problem_fragment in str(p) for p in result.problems), result.problems
    assert result.strength <= 1


@pytest.mark.parametrize(
    "passphrase",
    ["paarse-olifant-fietst-naar-zee", "Ik drink 3 koppen thee per dag", "żółw pływa w Wiśle nocą"],
)
def test_good_passphrases_are_accepted(passphrase: str) -> None:
    result = assess_passphrase(passphrase, worker_name="Piet Jansen")
    assert result.acceptable, result.problems
    assert result.strength >= 3
    assert str(result.strength_label) in ("Sterk", "Zeer sterk")


def test_minimum_length_is_twelve() -> None:
    assert MIN_LENGTH == 12
    assert not assess_passphrase("x7-Qp!z2#Lm").acceptable  # 11
    assert assess_passphrase("x7-Qp!z2#Lmw").acceptable  # 12
