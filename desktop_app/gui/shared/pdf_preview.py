"""Preview and print PDFs that exist only in memory (DESIGN.md "Documents").

Never a temp file: the bytes go into a QBuffer that QPdfDocument reads. Printing renders every
page to an image at (at most) the printer's resolution, on white, and draws it through QPainter
onto the QPrinter chosen in the Qt print dialog.

QtPdf and QtPrintSupport are imported inside the functions: the unlock window must appear fast
and most sessions never open a preview (DESIGN.md performance targets).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

# A4 at 300 dpi is 2480 x 3508 pixels (35 MB as ARGB): sharp enough for text and the QR code on
# any office printer, while 600 or 1200 dpi would need 4 to 16 times that memory per page.
MAX_PRINT_DPI = 300


@dataclass(frozen=True, slots=True)
class PrintResult:
    ok: bool
    message: str  # Dutch, for the worker; says what happened and what to do
    pages: int = 0
    cancelled: bool = False


class _Texts(QObject):
    """Holder for translatable texts of the module-level functions (self.tr needs a QObject)."""

    def not_loaded(self) -> str:
        return self.tr("Het document kan niet worden geopend. Maak het opnieuw en probeer het "
                       "nog eens.")

    def no_printer(self) -> str:
        return self.tr("Er is geen printer gevonden. Sluit een printer aan of kies een andere "
                       "printer, en probeer het opnieuw. Er is niets geprint.")

    def cannot_start(self, name: str) -> str:
        return self.tr("De printer '{0}' doet het niet: printen kon niet beginnen. Controleer "
                       "of de printer aan staat en papier heeft, en probeer het opnieuw. Er is "
                       "niets geprint.").format(name)

    def page_failed(self, page: int) -> str:
        return self.tr("Printen ging mis bij pagina {0}. Controleer de printer en print de hele "
                       "verklaring opnieuw.").format(page)

    def done(self, pages: int, name: str) -> str:
        return self.tr("{0} pagina('s) naar printer '{1}' gestuurd.").format(pages, name)

    def cancelled(self) -> str:
        return self.tr("Printen is afgebroken. Er is niets geprint.")


def load_pdf(pdf_bytes: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument reading from memory. The buffer is parented to the document so it lives
    exactly as long as the document does."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf_bytes))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def page_image(document: QPdfDocument, page: int, dpi: float) -> QImage:
    """Page `page` at `dpi`, painted on white (QPdfDocument.render leaves the background
    transparent, which prints or saves as black or checkerboard on some back ends)."""
    points = document.pagePointSize(page)
    size = QSize(max(1, round(points.width() * dpi / 72)),
                 max(1, round(points.height() * dpi / 72)))
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def render_pdf_pages(pdf_bytes: bytes, dpi: float = 80) -> list[QImage]:
    """Every page as an image on white (for screenshots and checks)."""
    document = load_pdf(pdf_bytes)
    try:
        return [page_image(document, page, dpi) for page in range(document.pageCount())]
    finally:
        document.close()
        document.deleteLater()


def print_pdf(pdf_bytes: bytes, printer: QPrinter) -> PrintResult:
    """Print every page of `pdf_bytes` on `printer`. Returns what happened; never raises for a
    printer problem, so the caller can keep the statement's status unchanged on failure."""
    texts = _Texts()
    # Without any print queue Qt still hands out a "valid" QPrinter without a name.
    if not printer.isValid() or not (printer.printerName() or printer.outputFileName()):
        return PrintResult(False, texts.no_printer())
    document = load_pdf(pdf_bytes)
    try:
        pages = document.pageCount()
        if pages <= 0:
            return PrintResult(False, texts.not_loaded())
        name = printer.printerName() or printer.outputFileName()
        painter = QPainter()
        if not painter.begin(printer):
            return PrintResult(False, texts.cannot_start(name))
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        try:
            for page in range(pages):
                if page > 0 and not printer.newPage():
                    painter.end()
                    return PrintResult(False, texts.page_failed(page + 1))
                image = page_image(document, page, dpi)
                # The full paper in device pixels; the PDF already has its own margins.
                paper = printer.paperRect(printer.Unit.DevicePixel).toRect()
                page_area = printer.pageRect(printer.Unit.DevicePixel).toRect()
                target = _fit(image.size(), QRect(0, 0, paper.width(), paper.height()))
                # Painter coordinates start at the printable area's corner, not the paper's.
                target.translate(-page_area.x(), -page_area.y())
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(target, image)
        except BaseException:
            painter.end()
            raise
        if not painter.end():
            return PrintResult(False, texts.page_failed(pages))
        return PrintResult(True, texts.done(pages, name), pages=pages)
    finally:
        document.close()
        document.deleteLater()


def _fit(size: QSize, area: QRect) -> QRect:
    """The largest rectangle with the aspect ratio of `size`, centred in `area`."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = area.x() + (area.width() - scaled.width()) // 2
    y = area.y() + (area.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())


def available_printers() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def ask_and_print(parent: QWidget | None, pdf_bytes: bytes, document_name: str) -> PrintResult:
    """The Qt print dialog, then `print_pdf`. No printer or a cancelled dialog: a result with
    the Dutch message and nothing printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    texts = _Texts()
    if not available_printers():
        return PrintResult(False, texts.no_printer())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document_name)  # the job title in the print queue: a number, no name
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("_Texts", "Printen"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return PrintResult(False, texts.cancelled(), cancelled=True)
    return print_pdf(pdf_bytes, printer)


class PdfPreviewDialog(QDialog):
    """A PDF from memory in a scrollable view, with an optional print button.

    `on_print` is called when the worker chooses to print; the dialog stays open so the worker
    sees the result message."""

    def __init__(self, pdf_bytes: bytes, title: str, parent: QWidget | None = None,
                 on_print: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPdfWidgets import QPdfView

        self.setWindowTitle(title)
        self.setObjectName("pdfPreview")
        # An A4 page's width, and as tall as the screen allows (the page fits the width; the
        # buttons stay on a 1366x768 screen).
        fit_to_screen(self, 820, 980, parent)
        self.document = load_pdf(pdf_bytes, self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Voorbeeld van het document"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        pages = self.document.pageCount()
        self.info = QLabel(self.tr("{0} pagina('s). Scroll met de pijltjes of Page Down.")
                           .format(pages))
        self.info.setObjectName("hint")
        self.message = wrapped_label(name="notice")
        self.message.hide()

        buttons = QDialogButtonBox()
        self.print_button: QPushButton | None = None
        if on_print is not None:
            self.print_button = QPushButton(self.tr("&Printen…"))
            self.print_button.setObjectName("primary")
            self.print_button.clicked.connect(on_print)
            buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("&Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # Methods, not lambdas as `activated=`: PySide kept those connections (and the
        # dialog with its PDF) after the dialog was deleted.
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self).activated.connect(
            self._zoom_in)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self).activated.connect(
            self._zoom_out)
        self.view.setFocus()

    def page_count(self) -> int:
        return self.document.pageCount()

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setObjectName("error" if error else "notice")
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def _zoom_in(self) -> None:
        self._zoom(1.25)

    def _zoom_out(self) -> None:
        self._zoom(0.8)

    def _zoom(self, factor: float) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))
