"""Messages of the vault (store, keys, keyring, data folder): key -> (Dutch, English).
`<key>.advice` is what to do next. See messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "vault.error": (
        "Er ging iets mis met de beveiligde opslag.",
        "Something went wrong with the secure storage."),
    "vault.error.advice": (
        "Probeer het opnieuw. Lukt het niet, neem dan contact op met de servicedesk.",
        "Please try again. If that does not work, contact the service desk."),
    "vault.wrong_passphrase": (
        "De wachtwoordzin klopt niet.",
        "The passphrase is not correct."),
    "vault.wrong_passphrase.advice": (
        "Let op hoofdletters en de Caps Lock-toets, en probeer het opnieuw.",
        "Watch out for capital letters and the Caps Lock key, and try again."),
    "vault.unlock_delayed": (
        "Je hebt te vaak een verkeerde wachtwoordzin getypt.",
        "You have typed a wrong passphrase too often."),
    "vault.unlock_delayed.advice": (
        "Wacht nog {n} seconden en probeer het dan opnieuw.",
        "Wait another {n} seconds and then try again."),
    "vault.unlock_delayed.advice#1": (
        "Wacht nog 1 seconde en probeer het dan opnieuw.",
        "Wait another second and then try again."),
    "vault.keyring_unavailable": (
        "Er is geen sleutelbos (keyring) van het besturingssysteem beschikbaar.",
        "No keyring of the operating system is available."),
    "vault.keyring_unavailable.advice": (
        "Het programma bewaart een deel van de sleutel in de sleutelbos van Windows, macOS of "
        "Linux en werkt niet zonder. Neem contact op met de servicedesk.",
        "The program keeps part of the key in the keyring of Windows, macOS or Linux and does "
        "not work without it. Contact the service desk."),
    "vault.keyring_locked": (
        "De sleutelbos (keyring) van het besturingssysteem is vergrendeld.",
        "The keyring of the operating system is locked."),
    "vault.keyring_locked.advice": (
        "Ontgrendel de sleutelbos (meestal door opnieuw in te loggen) en probeer het opnieuw.",
        "Unlock the keyring (usually by logging in again) and try again."),
    "vault.device_secret_missing": (
        "Het apparaatgeheim van dit profiel staat niet in de sleutelbos van deze computer.",
        "The device secret of this profile is not in the keyring of this computer."),
    "vault.device_secret_missing.advice": (
        "Zonder dit geheim kan niemand de gegevens openen, ook jij niet. Is dit een andere "
        "computer of is de sleutelbos gewist? Neem contact op met de servicedesk. Er is niets "
        "gewist.",
        "Without this secret nobody can open the data, not even you. Is this a different "
        "computer, or has the keyring been cleared? Contact the service desk. Nothing has been "
        "deleted."),
    "vault.store_missing": (
        "Het gegevensbestand van dit profiel ontbreekt.",
        "The data file of this profile is missing."),
    "vault.store_missing.advice": (
        "Er is geen nieuw bestand gemaakt, zodat er niets overschreven wordt. Neem contact op "
        "met de servicedesk.",
        "No new file has been created, so nothing gets overwritten. Contact the service "
        "desk."),
    "vault.store_corrupt": (
        "Het gegevensbestand is beschadigd of onvolledig.",
        "The data file is damaged or incomplete."),
    "vault.store_corrupt.advice": (
        "Het bestand is niet gewijzigd. Neem contact op met de servicedesk; maak geen nieuw "
        "profiel aan over dit profiel heen.",
        "The file has not been changed. Contact the service desk; do not create a new profile "
        "over this profile."),
    "vault.foreign_store": (
        "Het gegevensbestand is geen versleuteld bestand van Wijkteam Intake.",
        "The data file is not an encrypted Wijkteam Intake file."),
    "vault.foreign_store.advice": (
        "Het is bijvoorbeeld een gewoon, onversleuteld SQLite-bestand of een ander bestand. Het "
        "programma opent het niet en wijzigt het niet. Neem contact op met de servicedesk.",
        "It is, for example, a plain unencrypted SQLite file or some other file. The program "
        "does not open it and does not change it. Contact the service desk."),
    "vault.header_damaged": (
        "De profielgegevens (profiel.json) zijn beschadigd.",
        "The profile details (profiel.json) are damaged."),
    # In the profile list: a store whose header and reserve copy are both gone.
    "vault.headers_missing": (
        "Dit profiel kan niet worden geopend: de profielgegevens (profiel.json) en de "
        "reservekopie ervan zijn allebei weg. Zonder die gegevens kan niemand je gegevens "
        "openen, ook niet met de juiste wachtwoordzin. Verwijder niets uit de map van dit "
        "profiel en bel de IT-beheerder van de gemeente: misschien kan die de twee bestanden "
        "terugzetten uit een back-up.",
        "This profile cannot be opened: the profile details (profiel.json) and its reserve "
        "copy are both gone. Without them nobody can open your data, not even with the right "
        "passphrase. Do not delete anything from this profile's folder and call the municipal "
        "IT administrator: they may be able to restore the two files from a backup."),
    "vault.header_damaged.advice": (
        "Het gegevensbestand zelf is niet gewijzigd. Neem contact op met de servicedesk.",
        "The data file itself has not been changed. Contact the service desk."),
    "vault.not_encrypted": (
        "De versleuteling (SQLCipher) ontbreekt in deze installatie.",
        "Encryption (SQLCipher) is missing in this installation."),
    "vault.not_encrypted.advice": (
        "Het programma weigert te starten zonder versleuteling. Laat de installatie herstellen "
        "door de servicedesk.",
        "The program refuses to start without encryption. Have the service desk repair the "
        "installation."),
    "vault.profile_in_use": (
        "Dit profiel is al geopend in een ander venster van Wijkteam Intake.",
        "This profile is already open in another Wijkteam Intake window."),
    "vault.profile_in_use.advice": (
        "Ga naar het andere venster. Twee vensters tegelijk zouden gegevens kunnen kwijtraken.",
        "Go to the other window. Two windows at the same time could lose data."),
    "vault.disk_full": (
        "De schijf is vol. De laatste wijziging is nog niet opgeslagen.",
        "The disk is full. The last change has not been saved yet."),
    "vault.disk_full.advice": (
        "Maak ruimte vrij op de schijf. Je tekst blijft staan; het programma probeert het "
        "opnieuw.",
        "Free up space on the disk. Your text stays where it is; the program tries again."),
    "vault.folder_not_writable": (
        "De map voor de gegevens is niet beschrijfbaar.",
        "The folder for the data cannot be written to."),
    "vault.folder_not_writable.advice": (
        "Controleer de rechten van de map of kies een andere map (servicedesk).",
        "Check the permissions of the folder or choose another folder (service desk)."),
    # A damaged store (services/salvage.py): the banner, the dialog and the export.
    "vault.damaged": (
        "Het gegevensbestand van je profiel is beschadigd. Het programma schrijft er niets "
        "meer in: wat je nu verandert, wordt niet opgeslagen. Kijk wat je nog kunt lezen en "
        "bel de functioneel beheerder.",
        "The data file of your profile is damaged. The program no longer writes to it: what "
        "you change now is not saved. See what can still be read and call the application "
        "administrator."),
    "vault.damaged.explain": (
        "Een deel van het gegevensbestand kan niet meer worden gelezen, bijvoorbeeld door een "
        "fout op de schijf. Het programma schrijft er niets meer in, zodat er niets verder "
        "beschadigt. Er is niets verwijderd.",
        "Part of the data file can no longer be read, for example because of a disk error. "
        "The program no longer writes to it, so nothing else gets damaged. Nothing has been "
        "deleted."),
    "vault.damaged.readable": (
        "Deze {n} intakes kun je nog lezen:",
        "You can still read these {n} intakes:"),
    "vault.damaged.readable#1": (
        "Deze intake kun je nog lezen:",
        "You can still read this intake:"),
    "vault.damaged.none_readable": (
        "Er is geen intake meer helemaal te lezen.",
        "No intake can be read completely any more."),
    "vault.damaged.unreadable": (
        "{n} intakes kun je niet meer lezen. Ze staan nog in het bestand; misschien kan de "
        "beheerder ze herstellen.",
        "{n} intakes can no longer be read. They are still in the file; the administrator may "
        "be able to repair them."),
    "vault.damaged.unreadable#1": (
        "1 intake kun je niet meer lezen. Die staat nog in het bestand; misschien kan de "
        "beheerder hem herstellen.",
        "1 intake can no longer be read. It is still in the file; the administrator may be "
        "able to repair it."),
    "vault.damaged.unreadable_item": (
        "{id} (naam niet te lezen)",
        "{id} (name cannot be read)"),
    "vault.damaged.export_hint": (
        "Zet de verslagen van de leesbare intakes in een map en draag ze over naar het "
        "dossier. Het programma kan deze bestanden niet bijhouden: verwijder ze zelf na de "
        "overdracht.",
        "Save the reports of the readable intakes in a folder and transfer them to the case "
        "file. The program cannot keep track of these files: delete them yourself after the "
        "transfer."),
    "vault.damaged.call": (
        "Bel de functioneel beheerder of de ICT-beheerder van de gemeente. Verwijder niets en "
        "maak geen nieuw profiel aan: de beheerder kan het bestand misschien herstellen of "
        "terugzetten uit een reservekopie.",
        "Call the application administrator or the municipality's IT administrator. Do not "
        "delete anything and do not create a new profile: the administrator may be able to "
        "repair the file or restore it from a backup."),
    "vault.damaged.exported": (
        "{n} verslagen opgeslagen in {folder}. Verwijder ze na de overdracht.",
        "{n} reports saved in {folder}. Delete them after the transfer."),
    "vault.damaged.exported#1": (
        "1 verslag opgeslagen in {folder}. Verwijder het na de overdracht.",
        "1 report saved in {folder}. Delete it after the transfer."),
    "vault.damaged.export_failed": (
        "Van deze intakes kon geen verslag worden gemaakt: {names}.",
        "No report could be made of these intakes: {names}."),
    "vault.store_too_new": (
        "Dit gegevensbestand is gemaakt met een nieuwere versie van Wijkteam Intake.",
        "This data file was made with a newer version of Wijkteam Intake."),
    "vault.store_too_new.advice": (
        "Installeer de nieuwste versie. Het bestand is niet gewijzigd.",
        "Install the latest version. The file has not been changed."),
    "vault.passphrase_rejected": (
        "Deze wachtwoordzin is niet sterk genoeg.",
        "This passphrase is not strong enough."),
    "vault.profile_exists": (
        "Er bestaat al een profiel met deze naam op deze computer.",
        "A profile with this name already exists on this computer."),
    "vault.profile_exists.advice": (
        "Kies het bestaande profiel in de lijst, of kies een andere naam.",
        "Choose the existing profile in the list, or choose another name."),
    # Told after unlocking (the caseload shows them).
    "vault.notice.disk_full": (
        "De schijf is vol. Je kunt je gegevens lezen, maar wijzigingen worden pas opgeslagen als "
        "er weer ruimte is. Maak ruimte vrij op de schijf.",
        "The disk is full. You can read your data, but changes are only saved once there is "
        "space again. Free up space on the disk."),
    "vault.notice.header_restored": (
        "Het hoofdbestand van je profielgegevens (profiel.json) was beschadigd. Je profiel is "
        "geopend met de reservekopie en het hoofdbestand is daaruit hersteld. Er is niets "
        "verloren gegaan.",
        "The main file of your profile details (profiel.json) was damaged. Your profile was "
        "opened with the reserve copy and the main file has been repaired from it. Nothing was "
        "lost."),
    "vault.notice.failed_unlocks": (
        "Sinds de vorige keer is {n} keer een verkeerde wachtwoordzin getypt.",
        "Since last time, a wrong passphrase was typed {n} times."),
    "vault.notice.failed_unlocks#1": (
        "Sinds de vorige keer is 1 keer een verkeerde wachtwoordzin getypt.",
        "Since last time, a wrong passphrase was typed once."),
    "vault.notice.rekey_rolled_back": (
        "Een onderbroken sleutelwijziging is teruggedraaid. Er is niets verloren gegaan.",
        "An interrupted key change has been rolled back. Nothing has been lost."),
    "vault.notice.rekey_finished": (
        "Een onderbroken sleutelwijziging is afgerond. Er is niets verloren gegaan.",
        "An interrupted key change has been completed. Nothing has been lost."),
}
