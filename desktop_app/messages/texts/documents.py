"""Messages of the PDF documents (documents/): key -> (Dutch, English). See
messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "document.unprintable": (
        "Deze tekens kunnen niet worden geprint: {characters}.",
        "These characters cannot be printed: {characters}."),
    "document.unprintable.advice": (
        "Haal deze tekens weg of schrijf ze anders, bijvoorbeeld zoals in de Basisregistratie "
        "Personen.",
        "Remove these characters or write them differently, for example as in the Personal "
        "Records Database (BRP)."),
    "document.logo_not_an_image": (
        "Het logo in de instellingen is geen PNG- of JPEG-afbeelding.",
        "The logo in the settings is not a PNG or JPEG image."),
    "document.logo_damaged": (
        "Het logo in de instellingen is beschadigd en kan niet worden gelezen.",
        "The logo in the settings is damaged and cannot be read."),
    "document.logo.advice": (
        "Kies een ander logo bij Instellingen.",
        "Choose another logo in Settings."),
}
