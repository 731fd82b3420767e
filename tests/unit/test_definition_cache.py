"""Parsed definitions are kept by content hash (issue 18: opening an intake parsed the form and
both protocols again each time). The same bytes give the same frozen object; changed bytes are
parsed anew; a broken file is never kept and still names its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.domain.forms import load_form_definition
from desktop_app.domain.protocols import load_protocols
from desktop_app.domain.yaml_source import DefinitionError, ParsedCache
from desktop_app.resources import forms_dir


def test_the_same_form_bytes_are_parsed_once(tmp_path: Path) -> None:
    path = tmp_path / "gespreksformulier.yaml"
    shutil.copy(forms_dir() / "gespreksformulier.yaml", path)
    first = load_form_definition(path)
    assert load_form_definition(path) is first
    # An edited file has another hash: parsed again, with the edit.
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n# bewerkt\n", encoding="utf-8")
    edited = load_form_definition(path)
    assert edited is not first and edited.content_hash != first.content_hash


def test_a_broken_file_is_not_kept_and_still_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gespreksformulier.yaml"
    path.write_text("id: gespreksformulier\nversion: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DefinitionError) as caught:
            load_form_definition(path)
        assert caught.value.source == str(path) and caught.value.line


def test_protocols_are_parsed_once_per_content(tmp_path: Path) -> None:
    folder = tmp_path / "protocols"
    shutil.copytree(forms_dir() / "protocols", folder)
    first = load_protocols(folder)
    again = load_protocols(folder)
    assert all(again[name] is graph for name, graph in first.items())


def test_the_cache_keeps_only_the_newest() -> None:
    cache: ParsedCache[int] = ParsedCache(size=2)
    calls: list[str] = []

    def parse(key: str) -> int:
        calls.append(key)
        return len(calls)

    for key in ("a", "b", "a", "c", "b"):
        cache.get(key, lambda key=key: parse(key))
    # "a" was used again before "c" came, so "b" went first and was parsed again.
    assert calls == ["a", "b", "c", "b"]
