"""Errors of the vault. Each carries a plain-Dutch message for the worker (`.message`) and
what to do next (`.advice`). They never contain personal data or secrets."""

from __future__ import annotations


class VaultError(Exception):
    message = "Er ging iets mis met de beveiligde opslag."
    advice = "Probeer het opnieuw. Lukt het niet, neem dan contact op met de servicedesk."

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail  # technical, for support; never personal data
        super().__init__(self.message if detail is None else f"{self.message} ({detail})")

    @property
    def user_text(self) -> str:
        return f"{self.message}\n{self.advice}"


class WrongPassphrase(VaultError):
    message = "De wachtwoordzin klopt niet."
    advice = "Let op hoofdletters en de Caps Lock-toets, en probeer het opnieuw."


class UnlockDelayed(VaultError):
    message = "U heeft te vaak een verkeerde wachtwoordzin getypt."

    def __init__(self, seconds_left: float) -> None:
        self.seconds_left = seconds_left
        super().__init__(None)

    @property
    def advice(self) -> str:  # type: ignore[override]
        return f"Wacht nog {max(1, round(self.seconds_left))} seconden en probeer het dan opnieuw."


class KeyringUnavailable(VaultError):
    message = "Er is geen sleutelbos (keyring) van het besturingssysteem beschikbaar."
    advice = (
        "Het programma bewaart een deel van de sleutel in de sleutelbos van Windows, macOS of "
        "Linux en werkt niet zonder. Neem contact op met de servicedesk."
    )


class KeyringLocked(VaultError):
    message = "De sleutelbos (keyring) van het besturingssysteem is vergrendeld."
    advice = "Ontgrendel de sleutelbos (meestal door opnieuw in te loggen) en probeer het opnieuw."


class DeviceSecretMissing(VaultError):
    message = "Het apparaatgeheim van dit profiel staat niet in de sleutelbos van deze computer."
    advice = (
        "Zonder dit geheim kan niemand de gegevens openen, ook u niet. Is dit een andere computer "
        "of is de sleutelbos gewist? Neem contact op met de servicedesk. Er is niets gewist."
    )


class StoreMissing(VaultError):
    message = "Het gegevensbestand van dit profiel ontbreekt."
    advice = (
        "Er is geen nieuw bestand gemaakt, zodat er niets overschreven wordt. "
        "Neem contact op met de servicedesk."
    )


class StoreCorrupt(VaultError):
    message = "Het gegevensbestand is beschadigd of onvolledig."
    advice = (
        "Het bestand is niet gewijzigd. Neem contact op met de servicedesk; "
        "maak geen nieuw profiel aan over dit profiel heen."
    )


class ForeignStore(VaultError):
    message = "Het gegevensbestand is geen versleuteld bestand van Wijkteam Intake."
    advice = (
        "Het is bijvoorbeeld een gewoon, onversleuteld SQLite-bestand of een ander bestand. "
        "Het programma opent het niet en wijzigt het niet. Neem contact op met de servicedesk."
    )


class HeaderDamaged(VaultError):
    message = "De profielgegevens (profiel.json) zijn beschadigd."
    advice = (
        "Het gegevensbestand zelf is niet gewijzigd. Neem contact op met de servicedesk."
    )


class NotEncrypted(VaultError):
    message = "De versleuteling (SQLCipher) ontbreekt in deze installatie."
    advice = (
        "Het programma weigert te starten zonder versleuteling. "
        "Laat de installatie herstellen door de servicedesk."
    )


class ProfileInUse(VaultError):
    message = "Dit profiel is al geopend in een ander venster van Wijkteam Intake."
    advice = "Ga naar het andere venster. Twee vensters tegelijk zouden gegevens kunnen kwijtraken."


class DiskFull(VaultError):
    message = "De schijf is vol. De laatste wijziging is nog niet opgeslagen."
    advice = (
        "Maak ruimte vrij op de schijf. Uw tekst blijft staan; het programma probeert het opnieuw."
    )


class DataFolderNotWritable(VaultError):
    message = "De map voor de gegevens is niet beschrijfbaar."
    advice = "Controleer de rechten van de map of kies een andere map (servicedesk)."


class PassphraseRejected(VaultError):
    message = "Deze wachtwoordzin is niet sterk genoeg."

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__(None)

    @property
    def advice(self) -> str:  # type: ignore[override]
        return " ".join(self.reasons)


class ProfileExists(VaultError):
    message = "Er bestaat al een profiel met deze naam op deze computer."
    advice = "Kies het bestaande profiel in de lijst, of kies een andere naam."
