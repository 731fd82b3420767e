"""Shared domain words used by data requests, weighings and the toestemmingsverklaring."""

from __future__ import annotations

from enum import StrEnum


class Direction(StrEnum):
    """Which way personal data go in a data request."""

    REQUEST_FROM = "opvragen_bij"  # the team asks the organisation for data
    GIVE_TO = "verstrekken_aan"  # the team gives data to the organisation

    @property
    def dutch(self) -> str:
        return {"opvragen_bij": "opvragen bij", "verstrekken_aan": "verstrekken aan"}[self.value]


class Basis(StrEnum):
    """ZW-2: why the data are needed, which decides what refusing means for the resident."""

    # Needed to decide on a provision: the resident cannot refuse except by withdrawing
    # the application.
    TOETSING = "toetsing"
    # Needed to help better or to get a fuller picture: the resident may refuse and ask the
    # team to stick to the specific request for help.
    VERDIEPING = "verdieping"

    @property
    def refusal_consequence(self) -> str:
        """Plain Dutch (B1) consequence of saying no, as shown to the resident."""
        if self is Basis.TOETSING:
            return (
                "Deze gegevens zijn nodig om te beslissen over uw aanvraag. Zegt u nee, dan "
                "kunnen wij niet beslissen. U kunt dan uw aanvraag intrekken."
            )
        return (
            "Deze gegevens helpen ons om u beter te helpen. U mag nee zeggen. Wij helpen u dan "
            "met uw vraag zonder deze gegevens."
        )


class SecrecyRegime(StrEnum):
    """Professional secrecy of an organisation or professional (ZW-4, ZU-A4C)."""

    NONE = "geen"
    BIG = "big"  # BIG-registered: medical professional secrecy (huisarts, psycholoog, ...)
    SKJ = "skj"  # SKJ-registered youth professionals: professional code
    PROFESSIONAL_CODE = "beroepscode"  # other professional code of conduct (e.g. social work)

    @property
    def needs_written_consent(self) -> bool:
        # ZW-4: requesting information from professionals with professional secrecy requires a
        # written toestemmingsverklaring; ZU-A4C: special rules for BIG and SKJ.
        return self in (SecrecyRegime.BIG, SecrecyRegime.SKJ)
