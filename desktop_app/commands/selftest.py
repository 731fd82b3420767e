"""`wijkteam-intake selftest`: a scripted start of the whole program, for the built bundle.

What a worker's first session needs, in one run and without a person at the keyboard:
start Qt with our style, create a throwaway profile (Argon2id, device secret in the OS keyring,
SQLCipher store, migrations, audit log) in a temporary data folder, read every shipped form
file, start an intake and show it in the main window, build a toestemmingsverklaring PDF in
memory with reportlab and the embedded font, open it with QtPdf (document + view) and render a
page. Afterwards the profile's keyring entry and the temporary folder are removed again.

It exists for the frozen bundle: PyInstaller leaves out what it cannot see being imported
(keyring backends found through entry points, Qt plugins, data files), and only running the
real code paths inside the bundle shows that nothing is missing. CI runs it on the Linux bundle;
IT can run it on a laptop after installing.

All data is fictional. Qt runs offscreen unless QT_QPA_PLATFORM says otherwise, so it also
works over SSH or in a service session. Exit code 0 means every step passed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop_app.domain.consent import ConsentStatement, ConsentTemplate
    from desktop_app.services.session import Session

# Fictional people only (CONVENTIONS: synthetic data, clearly fictional).
_WORKER = "Zelftest Medewerker"
_RESIDENT = "Fictieve Inwoner Zelftest"
# Non-ASCII on purpose: the PDF must embed our font, not fall back to a standard PDF font.
_CONSENT_RESIDENT = "Zoë Ğüneş (fictief)"


class SelftestFailed(Exception):
    """A step did not give the expected result; the message is Dutch and says which."""


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for the duration of the self-test and put them back after,
    so a caller in the same process (tests) sees no difference."""
    old = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _process_events(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def _check_keyring_backend() -> str:
    from desktop_app.vault import secrets as device_secrets
    from desktop_app.vault.errors import VaultError

    try:
        return device_secrets.backend().describe()
    except VaultError as err:
        raise SelftestFailed(f"geen bruikbare sleutelbos ({err.detail}): {err.message}") from None


def _check_form_files() -> str:
    """Every shipped YAML file is there and parses (the loaders validate the contents)."""
    from desktop_app.domain.consent import load_consent_template
    from desktop_app.domain.organisations import load_catalogue
    from desktop_app.domain.yaml_source import load_yaml_file
    from desktop_app.resources import forms_dir

    folder = forms_dir()
    files = sorted(folder.rglob("*.yaml"))
    if not files:
        raise SelftestFailed(f"geen formulieren gevonden in {folder}")
    for path in files:
        load_yaml_file(path)
    load_consent_template(folder / "toestemmingsverklaring.yaml")
    load_catalogue(folder / "organisaties.yaml")
    return f"{len(files)} bestanden in {folder}"


def _create_profile(root: Path) -> Session:
    from desktop_app.services.session import ProfileService

    # Random and long: passes the passphrase rules (which refuse parts of the worker's name).
    passphrase = f"{secrets.token_urlsafe(12)}-{secrets.token_urlsafe(12)}"
    return ProfileService(root).create(_WORKER, passphrase, passphrase)


def _show_main_window(app: QApplication, session: Session) -> str:
    from desktop_app.gui.shell.main_window import MainWindow

    window = MainWindow(session)
    try:
        window.show()
        _process_events(app)
        intake_id = window.intakes.start_intake(_RESIDENT, dt.date(1980, 1, 1))
        window.open_intake(intake_id)
        _process_events(app)
        if window.intake_view is None or not window.intake_view.isVisible():
            raise SelftestFailed("het gespreksformulier wordt niet getoond")
        sections = window.intake_view.section_list.count()
        if sections < 1:
            raise SelftestFailed("het gespreksformulier heeft geen onderdelen")
        window.show_caseload()
        rows = window.caseload.model.rowCount()
        if rows != 1:
            raise SelftestFailed(f"het overzicht toont {rows} inwoners in plaats van 1")
        return f"intake gestart en getoond ({sections} onderdelen), overzicht toont 1 inwoner"
    finally:
        window.clear_views()
        window.close()
        window.deleteLater()
        _process_events(app)


def _consent_statement(template: ConsentTemplate, worker: str) -> ConsentStatement:
    from desktop_app.domain.consent import (
        ConsentItem,
        ConsentResident,
        ConsentStatement,
        Controller,
        format_document_number,
    )
    from desktop_app.domain.signers import CustodyHolder, MinorSituation, who_signs
    from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime

    signing = dt.date(2026, 11, 24)
    birth = dt.date(2012, 5, 3)
    return ConsentStatement(
        document_number=format_document_number("TV", 2026, 1),
        statement_version=1,
        template_id=template.id,
        template_version=template.version,
        template_hash=template.content_hash(),
        controller=Controller(
            "Gemeente Voorbeeldstad (fictief)", "Sociaal wijkteam Zelftest", worker,
            "wijkteammedewerker", team_phone="0000 000 000",
            team_email="zelftest@example.org", team_address="Postbus 1, 9999 ZZ Voorbeeldstad",
            dpo_email="fg@example.org", privacy_statement="www.example.org/privacy",
            retention_data="15 jaar na het einde van de hulp",
            retention_statement="zolang het dossier bestaat",
        ),
        resident=ConsentResident(_CONSENT_RESIDENT, birth),
        items=(
            ConsentItem(
                "Wij willen weten welke hulp er al is, zodat wij de juiste hulp regelen.",
                ("Klachten die met de hulpvraag te maken hebben",),
                "Huisarts", Direction.REQUEST_FROM, Basis.VERDIEPING, SecrecyRegime.BIG,
                organisation_named="Huisartsenpraktijk Zelftest (fictief)",
            ),
        ),
        valid_until=dt.date(2027, 5, 24),
        composed_on=signing,
        signers=who_signs(
            resident_name=_CONSENT_RESIDENT, birth_date=birth, signing_date=signing,
            minor=MinorSituation(custody_holders=(CustodyHolder("Ayşe Yılmaz (fictief)"),),
                                 custody_checked=True),
        ),
    )


def _png_logo(side: int = 16) -> bytes:
    """A small RGBA PNG made in memory: a logo as a municipality sets one. reportlab reads PNG
    through Pillow, which the bundle ships without most of its codecs: this shows the PNG one is
    still there."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\0" + bytes((0, 90, 160, 255) * (side // 2) + (0, 0, 0, 0) * (side - side // 2))
    header = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * side)) + chunk(b"IEND", b""))


def _build_consent_pdf(worker: str) -> bytes:
    from desktop_app.documents.consent_pdf import build_toestemmingsverklaring_pdf
    from desktop_app.domain.consent import load_consent_template
    from desktop_app.resources import forms_dir

    template = load_consent_template(forms_dir() / "toestemmingsverklaring.yaml")
    pdf = build_toestemmingsverklaring_pdf(_consent_statement(template, worker), template,
                                           _png_logo())
    if not pdf.startswith(b"%PDF-"):
        raise SelftestFailed("de toestemmingsverklaring is geen PDF")
    if b"/FontFile2" not in pdf:
        raise SelftestFailed("het lettertype is niet in de PDF opgenomen")
    if b"/Subtype /Image" not in pdf:
        raise SelftestFailed("het logo (PNG) staat niet in de PDF")
    return pdf


def _preview_pdf(app: QApplication, pdf: bytes) -> str:
    """Open the PDF in the program's own preview dialog (QBuffer → QPdfDocument → QPdfView,
    no temp file), then render the first page and check that it shows ink."""
    from PySide6.QtGui import QColor

    from desktop_app.gui.shared.pdf_preview import PdfPreviewDialog, page_image

    dialog = PdfPreviewDialog(pdf, "Toestemmingsverklaring (zelftest)")
    try:
        dialog.show()
        _process_events(app)
        pages = dialog.page_count()
        if pages < 1:
            raise SelftestFailed("QtPdf kan de PDF niet openen of ziet geen pagina's")
        if not dialog.view.isVisible() or dialog.view.document() is not dialog.document:
            raise SelftestFailed("het voorbeeldvenster toont het document niet")
        page = page_image(dialog.document, 0, 50)
        white = QColor("white").rgb()
        inked = sum(
            1
            for y in range(0, page.height(), 3)
            for x in range(0, page.width(), 3)
            if page.pixel(x, y) != white
        )
        if inked < 100:
            raise SelftestFailed("de eerste pagina van de PDF is leeg weergegeven")
    finally:
        dialog.close()
        dialog.deleteLater()
        _process_events(app)
    return f"{pages} pagina's, {len(pdf) // 1024} kB, eerste pagina weergegeven"


def _remove_profile(session: Session) -> None:
    """Lock the session and delete the throwaway device secret from the keyring."""
    from desktop_app.vault import secrets as device_secrets

    entry = session.profile.header.current.secret_entry
    session.lock()
    device_secrets.delete_secret(entry)
    if device_secrets.secret_exists(entry):
        raise SelftestFailed("de sleutel van het testprofiel is niet uit de sleutelbos gewist")


def run_selftest(out: Callable[[str], None] = print) -> int:
    """Run every step; print one line per step (`OK  ` / `FOUT`). 0 when all pass."""
    from desktop_app import __version__

    out(f"Wijkteam Intake {__version__} zelftest"
        + (" (gebundeld programma)" if getattr(sys, "frozen", False) else ""))
    scratch = Path(tempfile.mkdtemp(prefix="wijkteam-zelftest-"))
    env = {
        "WIJKTEAM_INTAKE_HOME": str(scratch / "data"),
        # Our own keyring service name: the self-test never sees a worker's real entries.
        "WIJKTEAM_INTAKE_KEYRING_SERVICE": f"Wijkteam Intake zelftest {secrets.token_hex(4)}",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM") or "offscreen",
    }
    session: Session | None = None
    failed = False
    try:
        with _environment(**env):

            def step(name: str, action: Callable[[], str]) -> None:
                start = time.perf_counter()
                detail = action()
                ms = (time.perf_counter() - start) * 1000
                out(f"OK   {name}: {detail} ({ms:.0f} ms)")

            current = "Sleutelbos"
            try:
                step(current, _check_keyring_backend)

                from desktop_app.gui.shell.app import create_application

                current = "Qt"
                app: QApplication | None = None

                def start_qt() -> str:
                    nonlocal app
                    app = create_application([sys.argv[0] if sys.argv else "wijkteam-intake"])
                    return f"platform '{app.platformName()}'"

                step(current, start_qt)
                assert app is not None
                qt = app

                current = "Formulieren"
                step(current, _check_form_files)

                current = "Profiel aanmaken"

                def create() -> str:
                    nonlocal session
                    session = _create_profile(Path(env["WIJKTEAM_INTAKE_HOME"]))
                    return "versleutelde opslag en sleutel in de sleutelbos aangemaakt"

                step(current, create)
                assert session is not None
                opened = session

                current = "Hoofdvenster"
                step(current, lambda: _show_main_window(qt, opened))

                current = "Toestemmingsverklaring"
                pdf = b""

                def build() -> str:
                    nonlocal pdf
                    pdf = _build_consent_pdf(_WORKER)
                    return "PDF met logo (PNG) in het geheugen gemaakt"

                step(current, build)

                current = "Voorbeeld (QtPdf)"
                step(current, lambda: _preview_pdf(qt, pdf))

                current = "Opruimen"

                def cleanup() -> str:
                    nonlocal session
                    _remove_profile(opened)
                    session = None
                    return "profiel vergrendeld, sleutel gewist"

                step(current, cleanup)
            except Exception as err:  # report every kind of failure as one line, then exit 1
                failed = True
                # Only fictional data exists in this run, so the exception text may be shown;
                # it is what IT needs to see which part of the bundle is missing.
                reason = str(err) if isinstance(err, SelftestFailed) else (
                    f"{type(err).__name__}: {err}"[:300])
                message = getattr(err, "message", "")  # VaultError: Dutch message
                extra = f" ({message})" if message and message not in reason else ""
                out(f"FOUT {current}: {reason}{extra}")
            finally:
                if session is not None:
                    with contextlib.suppress(Exception):
                        _remove_profile(session)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if failed:
        out("Zelftest mislukt.")
        return 1
    out("Zelftest geslaagd.")
    return 0
