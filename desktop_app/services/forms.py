"""The form definitions in use: the current files in forms/, and the exact versions drafts were
started with (kept in the store, so a changed file never rewrites a draft)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.resources import forms_dir

if TYPE_CHECKING:
    from desktop_app.domain.forms import FormDefinition
    from desktop_app.domain.guidance import Guidance
    from desktop_app.vault.store import Store

# The form code (and PyYAML) is loaded when a form is first needed (an intake is opened or
# started), not for the caseload where the program idles: about 1.7 MB less all day.

GESPREKSFORMULIER = "gespreksformulier"


class FormRegistry:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or forms_dir()
        self._current: dict[str, FormDefinition] = {}
        self._by_hash: dict[str, FormDefinition] = {}

    def current(self, form_id: str = GESPREKSFORMULIER) -> FormDefinition:
        """The newest definition on disk. A broken file raises DefinitionError (file + line)."""
        if form_id not in self._current:
            from desktop_app.domain.forms import load_form_definition

            form = load_form_definition(self.folder / f"{form_id}.yaml")
            self._current[form_id] = form
            self._by_hash[form.content_hash] = form
        return self._current[form_id]

    def source_text(self, form: FormDefinition) -> str:
        # Bytes decoded as-is (no newline translation), so the stored text hashes the same.
        return (self.folder / f"{form.id}.yaml").read_bytes().decode("utf-8")

    def remember(self, store: Store, form: FormDefinition, source_text: str) -> None:
        """Keep the exact definition in the store (inside the caller's transaction)."""
        store.execute(
            "INSERT OR IGNORE INTO form_definitions(content_hash, kind, form_id, version,"
            " source_name, source_text) VALUES (?, 'formulier', ?, ?, ?, ?)",
            (form.content_hash, form.id, form.version, Path(form.source).name, source_text),
        )

    def by_hash(self, store: Store, content_hash: str) -> FormDefinition:
        if content_hash not in self._by_hash:
            row = store.query(
                "SELECT source_name, source_text FROM form_definitions WHERE content_hash = ?",
                (content_hash,),
            )
            if not row:
                raise KeyError(content_hash)
            name, text = row[0]
            from desktop_app.domain.forms import parse_form_definition

            self._by_hash[content_hash] = parse_form_definition(text, name)
        return self._by_hash[content_hash]


_guidance: dict[Path, Guidance] = {}


def guidance(folder: Path | None = None) -> Guidance:
    """The rules of thumb (forms/vuistregels.yaml) for the guidance pane, read once. A broken
    file raises DefinitionError (file + line)."""
    path = (folder or forms_dir()) / "vuistregels.yaml"
    if path not in _guidance:
        from desktop_app.domain.guidance import load_vuistregels

        _guidance[path] = load_vuistregels(path)
    return _guidance[path]
