"""Messages of the forms area: key -> (Dutch, English). See messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # A definition file in forms/ (form, protocol, catalogue, consent text) that is wrong:
    # said with the file and the line, for the municipal editor who must fix it.
    "definition.error_at_line": (
        "Er staat een fout in {file}, regel {line}: {problem}",
        "There is a mistake in {file}, line {line}: {problem}"),
    "definition.error": (
        "Er staat een fout in {file}: {problem}",
        "There is a mistake in {file}: {problem}"),
    "definition.error.advice": (
        "Er is niets veranderd. Laat de beheerder van de formulieren het bestand herstellen.",
        "Nothing has been changed. Ask the administrator of the forms to repair the file."),
    "definition.key_not_text": (
        "de sleutel {key} moet tekst zijn",
        "the key {key} must be text"),
    "definition.yaml_invalid": (
        "de YAML klopt niet ({detail})",
        "the YAML is not valid ({detail})"),
    "definition.not_utf8": (
        "het bestand is geen UTF-8-tekst",
        "the file is not UTF-8 text"),
    "definition.unreadable": (
        "het bestand kan niet worden gelezen ({reason})",
        "the file cannot be read ({reason})"),
}
