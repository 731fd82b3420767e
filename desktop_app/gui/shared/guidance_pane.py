"""The guidance pane beside the intake and the weighing wizard: help for what the worker is
doing right now, and below it the ten rules of thumb (ZU-V1..V10) always in view, or, in a
weighing with a protocol that brings its own points (Zwolle's factsheet), those points instead
(issue 15: each protocol shows its own guidance)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QScrollArea, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.domain.guidance import Guidance, Place
from desktop_app.domain.protocols import GuidancePoint
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.i18n import current_language
from desktop_app.services.forms import guidance as shipped_guidance


class GuidancePane(QWidget):
    def __init__(self, place: Place, lang: str | None = None,
                 guidance: Guidance | None = None, *,
                 points: tuple[GuidancePoint, ...] | None = None,
                 points_title: str = "") -> None:
        """`points`: a protocol's own guidance, shown under `points_title` instead of the rules
        of thumb; None shows the rules of thumb."""
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__()
        self.setObjectName("guidancePane")
        self.lang = lang
        self.help_title = wrapped_label(name="sectionTitle")
        self.help_text = QLabel()
        self.help_text.setWordWrap(True)
        self.help_text.setAccessibleName(self.tr("Uitleg"))
        rules = QTextBrowser()
        rules.setOpenLinks(False)
        if points is None:
            rules.setAccessibleName(self.tr("Vuistregels"))
            rules.setHtml(self._rules_html(guidance or shipped_guidance(), place))
        else:
            rules.setAccessibleName(points_title)
            rules.setHtml(self._points_html(points, points_title))
        rules.setMinimumHeight(260)
        self.rules = rules
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.help_title)
        layout.addWidget(self.help_text)
        layout.addSpacing(8)
        layout.addWidget(rules, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.set_help("", "")

    def _rules_html(self, guidance: Guidance, place: Place) -> str:
        del place  # kept in the signature: a municipality may later want per-place rules
        heading = html.escape(self.tr("De 10 vuistregels"))
        parts = [f"<h3 style='margin:0'>{heading}</h3>"]
        # All ten everywhere (issue: ZU-V1..V10 always in view); `place` orders nothing away.
        for group, rules in guidance.by_group(None):
            parts.append(f"<p style='margin-top:8px'><b>{html.escape(group.title.get(self.lang))}"
                         "</b></p><ul style='margin-left:-20px'>")
            for rule in rules:
                parts.append(f"<li>{html.escape(rule.text.get(self.lang))} "
                             f"<span style='color:#4a4f57'>({rule.id})</span></li>")
            parts.append("</ul>")
        return "".join(parts)

    def _points_html(self, points: tuple[GuidancePoint, ...], title: str) -> str:
        parts = [f"<h3 style='margin:0'>{html.escape(title)}</h3>",
                 "<ul style='margin-left:-20px'>"]
        for point in points:
            rules = (f" <span style='color:#4a4f57'>({html.escape(', '.join(point.rules))})"
                     "</span>" if point.rules else "")
            parts.append(f"<li style='margin-top:6px'>{html.escape(point.text.get(self.lang))}"
                         f"{rules}</li>")
        parts.append("</ul>")
        return "".join(parts)

    def set_help(self, title: str, text: str) -> None:
        self.help_title.setText(title)
        self.help_title.setVisible(bool(title))
        self.help_text.setText(text)
        self.help_text.setVisible(bool(text))
