"""Messages of the settings (domain/settings.py, services/settings.py): key -> (Dutch,
English). See messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # The names of the settings, as messages about them say them.
    "settings.label.protocol": ("Privacyprotocol", "Privacy protocol"),
    "settings.label.draft_age": ("Waarschuwing oud concept", "Warning for old draft"),
    "settings.label.language": ("Taal", "Language"),
    "settings.label.worker_role": ("Je functie", "Your job title"),
    "settings.label.registration": ("Je beroepsregistratie", "Your professional registration"),
    "settings.label.registration_number": ("Je registratienummer", "Your registration number"),
    "settings.label.signing_place": (
        "Plaats van ondertekening (tekenen op het scherm)",
        "Place of signing (signing on the screen)"),
    "settings.label.autolock": ("Automatisch vergrendelen", "Lock automatically"),
    "settings.label.clipboard": ("Klembord wissen na", "Clear clipboard after"),
    "settings.label.reminder": ("Herinnering wachtwoordzin", "Passphrase reminder"),
    "settings.label.capture": ("Schermopname blokkeren", "Block screen capture"),
    "settings.label.municipality": ("Naam van de gemeente", "Name of the municipality"),
    "settings.label.team": ("Naam van het team", "Name of the team"),
    "settings.label.phone": ("Telefoonnummer van het team", "Phone number of the team"),
    "settings.label.email": ("E-mailadres van het team", "Email address of the team"),
    "settings.label.address": ("Adres van het team", "Address of the team"),
    "settings.label.logo": ("Logo van de gemeente", "Logo of the municipality"),
    "settings.label.dpo_name": (
        "Naam van de functionaris gegevensbescherming (FG)",
        "Name of the data protection officer (FG)"),
    "settings.label.dpo_email": ("E-mailadres van de FG", "Email address of the FG"),
    "settings.label.dpo_phone": ("Telefoonnummer van de FG", "Phone number of the FG"),
    "settings.label.privacy_statement": (
        "Waar staat de privacyverklaring (webadres)",
        "Where the privacy statement is (web address)"),
    "settings.label.retention_file": (
        "Bewaartermijn van het dossier", "How long the file is kept"),
    "settings.label.retention_statement": (
        "Bewaartermijn van de getekende verklaring", "How long the signed statement is kept"),
    "settings.label.valid_months": ("Toestemming geldig", "Consent valid for"),
    "settings.label.bsn_on_statement": ("BSN op de toestemmingsverklaring",
                                        "BSN on the consent statement"),
    "settings.label.bsn_in_report": ("BSN in het gespreksverslag",
                                     "BSN in the conversation report"),
    "settings.label.destroy_after": ("Vernietigen na overdracht",
                                     "Destroy after the transfer"),
    "settings.label.custom_organisations": ("Eigen organisaties", "Own organisations"),
    "settings.label.window_layout": ("Vensterindeling", "Window layout"),
    # What is wrong with a value.
    "settings.whole_number": (
        "{label}: vul een heel getal in.",
        "{label}: fill in a whole number."),
    "settings.out_of_range": (
        "{label}: kies een getal van {low} tot en met {high}.",
        "{label}: choose a number from {low} up to and including {high}."),
    "settings.on_or_off": (
        "{label}: kies aan of uit.",
        "{label}: choose on or off."),
    "settings.choose_from_list": (
        "{label}: kies een waarde uit de lijst.",
        "{label}: choose a value from the list."),
    "settings.fill_in_text": (
        "{label}: vul tekst in.",
        "{label}: fill in text."),
    "settings.too_long": (
        "{label}: deze tekst is te lang, hoogstens {n} tekens.",
        "{label}: this text is too long, {n} characters at most."),
    "settings.email_wrong": (
        "Het e-mailadres van het team klopt niet. Vul een adres in zoals "
        "wijkteam@gemeente.nl.",
        "The team's email address is not right. Fill in an address like "
        "wijkteam@gemeente.nl."),
    "settings.phone_wrong": (
        "Het telefoonnummer van het team klopt niet. Gebruik alleen cijfers, spaties, + en -.",
        "The team's phone number is not right. Use only digits, spaces, + and -."),
    "settings.locked": (
        "{label} is door de gemeente vastgesteld en kan hier niet veranderen.",
        "{label} has been set by the municipality and cannot be changed here."),
    "settings.unknown": ("Onbekende instelling.", "Unknown setting."),
    "settings.logo_too_big": (
        "Het logo is te groot ({size} kB). Kies een bestand van hoogstens {max} kB.",
        "The logo is too large ({size} kB). Choose a file of at most {max} kB."),
    "settings.logo_odd_size": (
        "Het logo heeft een vreemde maat ({width} × {height} beeldpunten). Kies een logo van "
        "hoogstens {max} beeldpunten breed en hoog.",
        "The logo has an odd size ({width} × {height} pixels). Choose a logo of at most {max} "
        "pixels wide and high."),
    "settings.logo_unreadable": (
        "Het bestand kan niet worden gelezen ({reason}). Kies een ander bestand.",
        "The file cannot be read ({reason}). Choose another file."),
    "settings.logo_not_an_image": (
        "Dit bestand is geen PNG- of JPEG-afbeelding. Kies een logo in PNG- of JPEG-formaat.",
        "This file is not a PNG or JPEG image. Choose a logo in PNG or JPEG format."),
    "settings.logo_damaged": (
        "Het logo is beschadigd. Kies het opnieuw.",
        "The logo is damaged. Please choose it again."),
}
