"""Form version 4 on screen (issue 19): the new sections render at 1366x768, the kindcheck
appears for a parent with a child in the household, and a birth-date cell of a person list is
disabled, with the reason in its tooltip, for a row that is not a child. Real store, real
form, offscreen Qt; the screenshots are looked at by a person (artifacts/screenshots)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from desktop_app.gui.intake.fields import PersonListEditor
from desktop_app.gui.shell.main_window import MainWindow
from tests.gui.test_intake_flow import window

__all__ = ["window"]  # the main-window fixture, shared with the intake flow tests

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "form-v4"

ANSWERS = {
    "bezoek_datum": "2026-11-18",
    "melding_datum": "2026-11-02",
    "identiteit_vastgesteld": "document",
    "identiteit_document": "identiteitskaart",
    "hulpvraag": "Ik red het niet meer met de kinderen en het huishouden (fictief).",
    "hulpvraag_wet": ["wmo", "jeugdwet"],
    "spoed": False,
    "huishouden_leden": [
        {"naam": "Sem de Boer (fictief)", "relatie": "kind", "geboortedatum": "2015-06-01"},
        {"naam": "Rik de Boer (fictief)", "relatie": "partner"},
    ],
    "zorgen_veiligheid": True,
    "veiligheid_toelichting": "Harde ruzies gehoord tijdens het gesprek (fictief).",
    "meldcode_overleg": "aandachtsfunctionaris",
    "kindcheck_zorgen": True,
    "clientondersteuning_verteld": True,
    "betrokken_hulpverleners": [
        {"organisatie": "Huisartsenpraktijk De Linde (fictief)", "wat": "Medicatie",
         "contact": "Dokter Jansen"},
    ],
    "doelen_lijst": [
        {"doel": "Rust in huis na schooltijd", "resultaat": "Minder ruzie",
         "evaluatie": "2027-01-15", "wie": "Moeder en het wijkteam"},
    ],
}


def _show(window: MainWindow, section_id: str) -> None:
    view = window.intake_view
    assert view is not None
    rows = [view.section_list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(view.section_list.count())]
    view.section_list.setCurrentRow(rows.index(section_id))
    QApplication.processEvents()


def test_the_new_sections_render_and_the_kindcheck_is_asked(qtbot, window: MainWindow) -> None:
    intake_id = window.intakes.start_intake("Fictief: Mila de Boer", None)
    window.intakes.save_answers(intake_id, {"inwoner_geboortedatum": "1988-02-10", **ANSWERS})
    window.resize(1366, 768)
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    shown = {view.section_list.item(r).data(Qt.ItemDataRole.UserRole)
             for r in range(view.section_list.count()) if not view.section_list.isRowHidden(r)}
    assert {"veiligheid", "jeugd", "wmo_onderzoek", "betrokkenen", "doelen"} <= shown
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for section_id in ("veiligheid", "jeugd", "wmo_onderzoek", "betrokkenen", "doelen",
                       "huishouden"):
        _show(window, section_id)
        window.grab().save(str(SCREENSHOTS / f"{section_id}.png"))
    # The kindcheck: shown for this parent, with its explanation after a "ja".
    _show(window, "veiligheid")
    for field_id in ("kindcheck_zorgen", "kindcheck_toelichting", "meldcode_overleg_datum"):
        assert view.editors[field_id].isVisibleTo(view), field_id
    for field_id, name in (("afweging_acuut", "veiligheid-afweging"),
                           ("kindcheck_toelichting", "veiligheid-kindcheck"),
                           ("doelen_lijst", "doelen-lijst")):
        _show(window, view.form.section_of(field_id).id)
        editor = view.editors[field_id]
        scroll = editor.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        assert scroll is not None
        scroll.ensureWidgetVisible(editor, 0, 200)
        QApplication.processEvents()
        window.grab().save(str(SCREENSHOTS / f"{name}.png"))
    # Fields needed only at the transfer say so, instead of the asterisk.
    assert view.labels["meldcode_besluit"].text().endswith("(nodig voor overdracht)")
    assert view.labels["afweging_acuut"].text().endswith(" *")


def test_a_birth_date_cell_is_disabled_for_an_adult_row(qtbot, window: MainWindow) -> None:
    intake_id = window.intakes.start_intake("Fictief: Mila de Boer", None)
    window.intakes.save_answers(intake_id, {"inwoner_geboortedatum": "1988-02-10", **ANSWERS})
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    _show(window, "huishouden")
    editor = view.editors["huishouden_leden"]
    assert isinstance(editor, PersonListEditor)
    table = editor.table
    birth = [c.id for c in editor.columns].index("geboortedatum")
    child, partner = table.item(0, birth), table.item(1, birth)
    assert child.flags() & Qt.ItemFlag.ItemIsEditable and child.toolTip() == ""
    assert not partner.flags() & Qt.ItemFlag.ItemIsEditable
    assert not partner.flags() & Qt.ItemFlag.ItemIsEnabled
    assert partner.toolTip() == ("Vul dit alleen in bij: Kind, Pleegkind, Broer of zus "
                                 "(kolom 'Relatie tot de inwoner').")
    # The disabled cell cannot become the current cell, so the keyboard cannot edit it.
    table.setFocus()
    table.setCurrentCell(1, birth)
    assert (table.currentRow(), table.currentColumn()) != (1, birth)
    # The partner turns out to be a foster child: the cell opens at once.
    relation = [c.id for c in editor.columns].index("relatie")
    item = table.item(1, relation)
    item.setData(Qt.ItemDataRole.UserRole, "pleegkind")
    assert table.item(1, birth).flags() & Qt.ItemFlag.ItemIsEditable
    assert table.item(1, birth).toolTip() == ""
    assert view.answers["huishouden_leden"][1]["relatie"] == "pleegkind"
    # A new row has no relation yet: its birth-date cell waits for one.
    editor._add_row()
    assert not table.item(2, birth).flags() & Qt.ItemFlag.ItemIsEditable
