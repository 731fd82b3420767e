"""Shared domain words used by data requests, weighings and the toestemmingsverklaring.

The words shown on screen are messages (`label`, `phrase`, `refusal`: keys in
messages/texts/data_requests.py); the Dutch documents render the same messages in Dutch
(`dutch`), so each word has one owner. What the paper says to the resident ("u") is in
forms/toestemmingsverklaring.yaml.
"""

from __future__ import annotations

from enum import StrEnum

from desktop_app.messages import Message, render


class Direction(StrEnum):
    """Which way personal data go in a data request."""

    REQUEST_FROM = "opvragen_bij"  # the team asks the organisation for data
    GIVE_TO = "verstrekken_aan"  # the team gives data to the organisation

    @property
    def label(self) -> Message:
        """"Opvragen bij" / "Request from": a column or a choice."""
        return Message(f"direction.{self.value}")

    @property
    def phrase(self) -> Message:
        """"opvragen bij" / "request from": inside a sentence."""
        return Message(f"direction.phrase.{self.value}")

    @property
    def dutch(self) -> str:
        """The phrase in Dutch, for the Dutch documents."""
        return render(self.phrase, "nl")


class Basis(StrEnum):
    """ZW-2: why the data are needed, which decides what refusing means for the resident."""

    # Needed to decide on a provision: the statutory task (AVG art. 6 lid 1 onder e); the
    # resident is informed, not asked; without the data the municipality decides on what it
    # knows.
    TOETSING = "toetsing"
    # Needed to help better or to get a fuller picture: the resident may refuse and ask the
    # team to stick to the specific request for help.
    VERDIEPING = "verdieping"

    @property
    def label(self) -> Message:
        """"Toetsing" / "Eligibility check"."""
        return Message(f"basis.{self.value}")

    @property
    def phrase(self) -> Message:
        """"toetsing aan criteria": inside a sentence."""
        return Message(f"basis.phrase.{self.value}")

    @property
    def refusal(self) -> Message:
        """What saying no means, told to the worker (the resident is "de inwoner")."""
        return Message(f"basis.refusal.{self.value}")


class SecrecyRegime(StrEnum):
    """Professional secrecy of an organisation or professional (ZW-4, ZU-A4C)."""

    NONE = "geen"
    BIG = "big"  # BIG-registered: medical professional secrecy (huisarts, psycholoog, ...)
    SKJ = "skj"  # SKJ-registered youth professionals: professional code
    PROFESSIONAL_CODE = "beroepscode"  # other professional code of conduct (e.g. social work)

    @property
    def label(self) -> Message:
        """"medisch beroepsgeheim (BIG)", "geen beroepsgeheim", … (no article)."""
        return Message(f"secrecy.{self.value}")

    @property
    def needs_written_consent(self) -> bool:
        # ZW-4: requesting information from professionals with professional secrecy requires a
        # written toestemmingsverklaring; ZU-A4C: special rules for BIG and SKJ.
        return self in (SecrecyRegime.BIG, SecrecyRegime.SKJ)


class Registration(StrEnum):
    """The worker's own professional registration (issue 15, ZU-A4C: the *sharer's* secrecy).
    A BIG- or SKJ-registered worker who gives data follows the own professional code."""

    NONE = "geen"
    BIG = "big"
    SKJ = "skj"

    @property
    def label(self) -> Message:
        return Message(f"registration.{self.value}")

    @property
    def has_secrecy(self) -> bool:
        return self is not Registration.NONE
