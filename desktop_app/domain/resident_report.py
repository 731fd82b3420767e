"""The verslag voor de inwoner: the written account of the onderzoek for the resident.

Wmo 2015 art. 2.3.2 lid 8: the college gives the resident (or the representative) a written
account of the outcome of the onderzoek ("een schriftelijke weergave van de uitkomsten van het
onderzoek"); municipal rules (the Wmo-verordening) usually let the resident add remarks to it.
The gespreksverslag (domain/report.py) is the worker's account for the dossier; this one is
written TO the resident: "u", B1 Dutch, short sentences, no rule codes, and in the resident's
own words where the form has them (the request, the goals).

What is left out, on purpose:
- the safety part (zorgen_veiligheid, the Meldcode steps, the afweging, the kindcheck): the
  paper lies on a kitchen table and may be read by the very person the worry is about; the
  worker discusses concerns in the conversation (Meldcode step 3), not through this paper;
- the BSN: the resident knows it, and a paper with name and BSN is what identity fraud needs
  (AVG art. 5 lid 1 onder c, and the BSN is used only where a task needs it: Wabb art. 10);
- the free note fields (bezoek_notities, inwoner_notities, huishouden_notities, ...,
  notities): the worker's working notes, not checked for the resident, and often about others;
- other people's details: no names of household members or of the mantelzorger, no notes
  about them; a data request shows its organisation and purpose only (AVG art. 15 lid 4: a
  copy must not harm the rights of others);
- the notes of the life domains "huiselijke relaties" and "justitie" (only that they were
  discussed): they are often about someone else in the house, or criminal data (AVG art. 10);
- the child's own words when the worker also spoke with the child alone (see below);
- every data request on a safety path: to or from Veilig Thuis, or weighed on an exception
  path (shared despite an objection or without telling first), also after the resident was
  told: the paper must not become a record, on the kitchen table, of a report about the
  household (services/resident_report.py decides which requests reach this report).

Plain Python: no Qt, no reportlab. `TEXTS` holds every fixed sentence in Dutch and English;
tests/unit/test_resident_report.py checks them for B1 (short sentences, no rule codes).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from desktop_app.domain.consent import (
    DocumentKind,
    canonical_json,
    document_number_problem,
    format_date_long,
    normalise_document_number,
    normalise_text_fields,
    parse_document_number,
    qr_payload,
    sha256_hex,
)
from desktop_app.domain.forms import FormDefinition, is_empty_answer, visible_fields
from desktop_app.domain.people import parse_date
from desktop_app.domain.signers import SignerRole
from desktop_app.domain.texts import Text
from desktop_app.domain.vocabulary import Direction
from desktop_app.messages import render

# Wmo 2015 art. 2.3.2 lid 1: the onderzoek is done within six weeks of the melding.
ONDERZOEK_DAYS = 42
MAX_REMARKS_CHARS = 4000

# Every fixed sentence of the report, Dutch (as printed) and English. Placeholders in braces.
TEXTS: dict[str, Text] = {
    "title": Text("Verslag van ons gesprek", "Report of our conversation"),
    "subtitle": Text("Voor {names}", "For {names}"),
    "greeting": Text("Beste {names},", "Dear {names},"),
    "intro": Text(
        "Wij hebben met u gepraat over uw situatie. In dit verslag staat wat we bespraken. "
        "U leest ook wat we samen hebben afgesproken. Klopt er iets niet? Laat het ons weten. "
        "Hoe dat gaat, staat aan het eind.",
        "We talked with you about your situation. This report says what we discussed. You can "
        "also read what we agreed together. Is something not right? Let us know. The end of "
        "this report says how."),
    "facts.date": Text("Datum van het gesprek", "Date of the conversation"),
    "facts.place": Text("Waar", "Where"),
    "facts.present": Text("Wie waren erbij", "Who was there"),
    "facts.worker": Text("Uw medewerker", "Your worker"),
    "facts.melding": Text("Datum van uw melding", "Date of your request"),
    # Who was there, as words in a sentence ("u zelf, uw partner en ..."), per choice of the
    # form's `aanwezig` (the form's labels are for the worker: "Partner", "De inwoner zelf").
    "present.inwoner": Text("u zelf", "you"),
    "present.partner": Text("uw partner", "your partner"),
    "present.kinderen": Text("uw kind of kinderen", "your child or children"),
    "present.ouders": Text("uw ouder of ouders", "your parent or parents"),
    "present.familie": Text("iemand uit uw familie", "someone from your family"),
    "present.mantelzorger": Text("uw mantelzorger", "your informal carer"),
    "present.tolk": Text("een tolk", "an interpreter"),
    "present.professional": Text("een andere hulpverlener", "another professional"),
    "present.anders": Text("iemand anders", "someone else"),
    "present.worker": Text("{worker} van het wijkteam", "{worker} of the neighbourhood team"),
    "place.thuis": Text("Bij u thuis", "At your home"),
    "place.other": Text("Ergens anders", "Somewhere else"),
    "place.kantoor": Text("Op kantoor van het wijkteam", "At the office of the team"),
    "question.title": Text("Uw vraag", "Your question"),
    "question.lead": Text("Dit is uw vraag, in uw eigen woorden:",
                          "This is your question, in your own words:"),
    "question.about": Text("Uw vraag gaat over: {laws}.", "Your question is about: {laws}."),
    "law.wmo": Text("hulp thuis en meedoen (Wmo)", "help at home and taking part (Wmo)"),
    "law.jeugdwet": Text("hulp voor kinderen en jongeren (Jeugdwet)",
                         "help for children and young people (Youth Act)"),
    "law.participatiewet": Text("werk en inkomen", "work and income"),
    "law.anders": Text("iets anders", "something else"),
    "urgent.lead": Text("U hebt nu al hulp nodig. Dit moet meteen gebeuren:",
                        "You need help right now. This must happen straight away:"),
    "child.title": Text("Wat het kind of de jongere zelf vertelde",
                        "What the child or young person said"),
    # Never led with a name: for a parent the name would put the child's words under the
    # parent's name.
    "child.lead": Text("Dit vertelde het kind zelf:", "This is what the child said:"),
    "child.lead_self": Text("Dit vertelde u zelf:", "This is what you said yourself:"),
    "domains.title": Text("Wat we bespraken", "What we discussed"),
    "domains.lead": Text("We praatten over deze delen van uw leven.",
                         "We talked about these parts of your life."),
    "domains.none": Text("We hebben geen aparte onderwerpen genoteerd.",
                         "We did not note separate topics."),
    "domain.help_yes": Text("U wilt hier hulp bij.", "You want help with this."),
    "domain.help_no": Text("U wilt hier nu geen hulp bij.", "You do not want help with this now."),
    "domain.discussed": Text("We hebben hierover gepraat.", "We talked about this."),
    "strength.title": Text("Wat u zelf kunt en wie u helpt",
                           "What you can do yourself and who helps you"),
    "strength.own": Text("Wat u zelf goed kunt", "What you are good at"),
    "strength.network": Text("Mensen om u heen", "People around you"),
    "strength.receives_care": Text(
        "Iemand uit uw omgeving helpt u. Dat heet mantelzorg.",
        "Someone close to you helps you. This is called informal care."),
    "strength.gives_care": Text(
        "U zorgt zelf ook voor iemand. U kunt daar steun bij krijgen.",
        "You also care for someone. You can get support with that."),
    "strength.usual_help": Text("Wat uw huisgenoten gewoon voor u doen",
                                "What the people you live with normally do for you"),
    "strength.provisions": Text("Hulp in de buurt die we bespraken",
                                "Help in the neighbourhood that we discussed"),
    "strength.involved": Text("Deze organisaties helpen u al",
                              "These organisations already help you"),
    "goals.title": Text("Uw doelen", "Your goals"),
    "goals.lead": Text("Dit wilt u bereiken. We kijken samen op de datum of het gelukt is.",
                       "This is what you want to achieve. On the date we check together how it "
                       "went."),
    "goals.goal": Text("Doel", "Goal"),
    "goals.result": Text("Wat is er anders als het lukt?", "What is different when it works?"),
    "goals.who": Text("Wie doet wat?", "Who does what?"),
    "goals.when": Text("Samen bekijken op", "Check together on"),
    "goals.disagree": Text("U bent het niet met alles eens. Dit ziet u anders:",
                           "You do not agree with everything. You see this differently:"),
    "agreements.title": Text("Wat we hebben afgesproken", "What we agreed"),
    "agreements.what": Text("Afspraken", "Agreements"),
    "agreements.who": Text("Wie doet wat, en wanneer", "Who does what, and when"),
    "agreements.next": Text("Onze volgende afspraak is op {date}.",
                            "Our next appointment is on {date}."),
    "agreements.next_what": Text("Onze volgende afspraak is op {date}: {what}.",
                                 "Our next appointment is on {date}: {what}."),
    "agreements.none": Text("We hebben nog geen afspraken gemaakt.",
                            "We have not made agreements yet."),
    "data.title": Text("Gegevens die we opvragen of doorgeven",
                       "Information we ask for or pass on"),
    "data.lead": Text(
        "Soms hebben we gegevens nodig van een andere organisatie. Of we geven gegevens door. "
        "We wegen dat eerst goed af. Hier staat wat we doen en waarom.",
        "Sometimes we need information from another organisation. Or we pass information on. "
        "We weigh that carefully first. Here you read what we do and why."),
    "data.none": Text("In dit verslag staan geen verzoeken om gegevens.",
                      "This report has no requests for information."),
    "data.request_from": Text("Wij vragen gegevens op bij {organisation}.",
                              "We ask {organisation} for information."),
    "data.give_to": Text("Wij geven gegevens aan {organisation}.",
                         "We give information to {organisation}."),
    "data.why": Text("Waarom", "Why"),
    "data.consent": Text("Uw toestemming", "Your consent"),
    "asked.informed": Text(
        "Hier is geen toestemming voor nodig. De gemeente heeft deze gegevens nodig voor haar "
        "taak. We hebben u verteld waarom.",
        "No consent is needed for this. The municipality needs this information for its task. "
        "We told you why."),
    "asked.oral_yes": Text("We vroegen het u. U zei ja.", "We asked you. You said yes."),
    "asked.oral_no": Text("We vroegen het u. U zei nee. Dan doen we het niet.",
                          "We asked you. You said no. Then we do not do it."),
    "asked.oral_part": Text("We vroegen het u. U zei ja voor een deel van de gegevens.",
                            "We asked you. You said yes to part of the information."),
    "asked.written_given": Text("U hebt op papier of op het scherm toestemming gegeven.",
                                "You gave your consent on paper or on the screen."),
    "asked.written_refused": Text("U hebt geen toestemming gegeven. Dan doen we het niet.",
                                  "You did not give consent. Then we do not do it."),
    "asked.written_pending": Text("U moet nog tekenen. Zonder uw handtekening doen we het niet.",
                                  "You still have to sign. Without your signature we do not do "
                                  "it."),
    "asked.written_withdrawn": Text("U hebt uw toestemming ingetrokken. We doen het niet meer.",
                                    "You withdrew your consent. We no longer do it."),
    "asked.not_yet": Text("We hebben het u nog niet gevraagd. Dat doen we eerst.",
                          "We have not asked you yet. We will do that first."),
    "asked.stopped": Text("Na het afwegen doen we het niet.",
                          "After weighing it, we do not do it."),
    "wmo.title": Text("Goed om te weten", "Good to know"),
    "wmo.support": Text(
        "U mag gratis hulp krijgen van een cliëntondersteuner. Die persoon is onafhankelijk. "
        "Hij of zij helpt u bij gesprekken met de gemeente. Ook uw mantelzorger mag die hulp "
        "krijgen.",
        "You may get free help from a client supporter. This person is independent. He or she "
        "helps you in talks with the municipality. Your informal carer may get this help too."),
    "wmo.support.wil_wel": Text("U wilt graag een cliëntondersteuner.",
                                "You would like a client supporter."),
    "wmo.support.wil_niet": Text("U wilt nu geen cliëntondersteuner.",
                                 "You do not want a client supporter now."),
    "wmo.support.denkt_na": Text("U denkt er nog over na.", "You are still thinking about it."),
    "wmo.plan": Text(
        "U mag zelf een plan schrijven. Daarin staat wat u nodig hebt. Dat heet een persoonlijk "
        "plan. U kunt het geven tot zeven dagen na uw melding.",
        "You may write a plan yourself. It says what you need. This is called a personal plan. "
        "You can hand it in until seven days after your request."),
    "wmo.plan.levert_in": Text("U geeft ons een eigen plan.", "You will give us your own plan."),
    "wmo.plan.wil_niet": Text("U wilt geen eigen plan maken.",
                              "You do not want to make your own plan."),
    "wmo.plan.denkt_na": Text("U denkt er nog over na.", "You are still thinking about it."),
    "wmo.form.natura": Text(
        "U wilt de hulp krijgen van een organisatie die de gemeente kiest.",
        "You want to get the help from an organisation the municipality chooses."),
    "wmo.form.pgb": Text(
        "U wilt de hulp liever zelf regelen en betalen met een persoonsgebonden budget (pgb).",
        "You prefer to arrange and pay for the help yourself with a personal budget (pgb)."),
    "wmo.form.weet_niet": Text(
        "U weet nog niet of u de hulp zelf wilt regelen met een pgb.",
        "You do not know yet whether you want to arrange the help yourself with a pgb."),
    "wmo.other_laws": Text(
        "Misschien krijgt u hulp via een andere regeling. Bijvoorbeeld wijkverpleging via uw "
        "zorgverzekering. We hebben dat besproken.",
        "You may get help through another scheme. For example district nursing through your "
        "health insurance. We discussed this."),
    "wmo.contribution": Text(
        "Voor veel hulp uit de Wmo betaalt u een eigen bijdrage. Dat is een vast bedrag per "
        "maand.",
        "For much of the help from the Wmo you pay a personal contribution. This is a fixed "
        "amount per month."),
    "youth.family_plan": Text(
        "U mag eerst zelf een plan maken, met familie en mensen om u heen. Dat heet een "
        "familiegroepsplan.",
        "You may first make a plan yourself, with family and people around you. This is called "
        "a family group plan."),
    "youth.family_plan.wil_maken": Text("U wilt zo'n plan maken.", "You want to make such a plan."),
    "youth.family_plan.wil_niet": Text("U wilt geen familiegroepsplan maken.",
                                       "You do not want to make a family group plan."),
    "youth.confidant": Text(
        "Hebt u vragen of klachten over de hulp? Dan kunt u gratis hulp vragen aan de "
        "vertrouwenspersoon van het AKJ, het Advies- en Klachtenbureau Jeugdzorg. Die persoon "
        "is onafhankelijk. Kijk op akj.nl.",
        "Do you have questions or complaints about the help? Then ask the confidential adviser "
        "of the AKJ, the Advice and Complaints Office for Youth Care, for free help. "
        "This person is independent. See akj.nl."),
    "next.title": Text("Zo gaat het verder", "What happens next"),
    "next.term": Text(
        "De gemeente moet het onderzoek binnen zes weken na uw melding afmaken. Uw melding was "
        "op {melding}. Het onderzoek is dus uiterlijk op {deadline} klaar.",
        "The municipality must finish the investigation within six weeks of your request. Your "
        "request was on {melding}. So the investigation is finished on {deadline} at the "
        "latest."),
    "next.apply": Text(
        "Wilt u hulp van de gemeente? Dan vraagt u die aan. Daarna krijgt u een brief met een "
        "besluit. Dat heet een beschikking.",
        "Do you want help from the municipality? Then you apply for it. After that you get a "
        "letter with a decision. This is called a beschikking."),
    "next.no_provision": Text(
        "U hebt nu geen hulp van de gemeente nodig. We gaan verder met de afspraken hierboven.",
        "You do not need help from the municipality now. We go on with the agreements above."),
    "react.title": Text("Reageren op dit verslag", "Reacting to this report"),
    "react.read": Text(
        "Lees dit verslag goed. Klopt er iets niet? Of mist er iets? Schrijf het hieronder bij "
        "'Uw opmerkingen'. Uw opmerkingen komen bij dit verslag in uw dossier.",
        "Read this report carefully. Is something not right? Or is something missing? Write it "
        "below at 'Your remarks'. Your remarks go into your file with this report."),
    "react.contact": Text("U kunt ook bellen of mailen met het wijkteam: {contact}.",
                          "You can also call or email the neighbourhood team: {contact}."),
    "react.no_decision": Text(
        "Dit verslag is nog geen besluit. U kunt er daarom geen bezwaar tegen maken.",
        "This report is not a decision yet. So you cannot object to it."),
    "react.objection": Text(
        "Over hulp van de gemeente krijgt u later een besluit. Bent u het daar niet mee eens? "
        "Dan kunt u bezwaar maken. In het besluit staat hoe dat gaat.",
        "You get a decision about help from the municipality later. Do you disagree with it? "
        "Then you can object. The decision says how to do that."),
    "remarks.title": Text("Uw opmerkingen", "Your remarks"),
    "remarks.empty": Text("Schrijf hier wat niet klopt of wat u wilt toevoegen.",
                          "Write here what is not right or what you want to add."),
    "signing.title": Text("Uw handtekening", "Your signature"),
    "signing.lead": Text(
        "Met uw handtekening laat u zien dat u dit verslag hebt gekregen. U hoeft het niet met "
        "alles eens te zijn. Schrijf dat dan bij uw opmerkingen.",
        "With your signature you show that you received this report. You do not have to agree "
        "with everything. Then write that in your remarks."),
    "signing.worker": Text("Medewerker van het wijkteam", "Worker of the neighbourhood team"),
    "signing.date": Text("Datum", "Date"),
    "signing.place": Text("Plaats", "Place"),
    "signing.time": Text("Tijd", "Time"),
    "signing.signature": Text("Handtekening", "Signature"),
    "signing.on_screen": Text("Dit verslag is op het scherm getekend op {date} om {time}.",
                              "This report was signed on the screen on {date} at {time}."),
    "signing.hash": Text("Controlegetal van de getoonde tekst:", "Check number of the text shown:"),
    "signing.not_on_screen": Text("niet op het scherm getekend", "not signed on the screen"),
    "document.label": Text("Verslag voor de inwoner", "Report for the resident"),
    "document.version": Text("Gesprek van {date}", "Conversation of {date}"),
    "and": Text("en", "and"),
}

# The life domains of the Zelfredzaamheid-Matrix in plain words, in form order (field prefix,
# name). The ZRM scores stay out: a number from 1 to 5 says little to the resident and reads
# like a judgement.
DOMAINS: tuple[tuple[str, Text], ...] = (
    ("financien", Text("Geld", "Money")),
    ("werk_opleiding", Text("Werk en school", "Work and school")),
    ("tijdsbesteding", Text("Hoe u uw dagen doorbrengt", "How you spend your days")),
    ("huisvesting", Text("Wonen", "Housing")),
    ("huiselijke_relaties", Text("Thuis en gezin", "Home and family")),
    ("geestelijke_gezondheid", Text("Hoe u zich voelt", "How you feel")),
    ("lichamelijke_gezondheid", Text("Uw lichaam en gezondheid", "Your body and health")),
    ("middelengebruik", Text("Alcohol, drugs en medicijnen", "Alcohol, drugs and medicines")),
    ("basale_adl", Text("Uzelf verzorgen", "Looking after yourself")),
    ("instrumentele_adl", Text("Het huishouden", "The household")),
    ("sociaal_netwerk", Text("Mensen om u heen", "People around you")),
    ("maatschappelijke_participatie", Text("Meedoen in de buurt", "Taking part in the community")),
    ("justitie", Text("Politie en justitie", "Police and justice")),
)

# Life domains whose notes stay off the paper: home and family (often about violence or
# conflict with someone in the house) and police and justice (criminal data, AVG art. 10). The
# paper lies on a kitchen table; it says only that the domain was discussed.
PRIVATE_DOMAINS = frozenset({"huiselijke_relaties", "justitie"})

_LAWS = ("wmo", "jeugdwet", "participatiewet", "anders")
_PLACES = {"thuis": "place.thuis", "kantoor": "place.kantoor"}


def text(key: str, lang: str = "nl", **values: Any) -> str:
    """A fixed sentence of the report, with its placeholders filled."""
    template = TEXTS[key].get(lang)
    return template.format(**values) if values else template


class ConsentAsked(StrEnum):
    """What happened with the resident's say about a data request, in the report's words."""

    INFORMED = "informed"  # statutory task: told, nothing to consent to
    ORAL_YES = "oral_yes"
    ORAL_NO = "oral_no"
    ORAL_PART = "oral_part"
    WRITTEN_GIVEN = "written_given"
    WRITTEN_REFUSED = "written_refused"
    WRITTEN_PENDING = "written_pending"
    WRITTEN_WITHDRAWN = "written_withdrawn"
    NOT_YET = "not_yet"
    STOPPED = "stopped"  # weighed not to share


@dataclass(frozen=True, slots=True)
class WeighedRequest:
    """A weighed data request as the resident reads it: the organisation and the purpose only,
    no other people's details."""

    organisation: str = field(repr=False)
    direction: Direction
    purpose: str = field(repr=False)
    asked: ConsentAsked

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class ReportSigner:
    """Who signs the report for seen (domain/signers.py decides who; this paper does not ask
    consent, but it follows the same people: a young person of 12 to 16 and the parents with
    custody both)."""

    name: str = field(repr=False)
    role: SignerRole

    def role_text(self, lang: str = "nl") -> str:
        word = render(self.role.word, lang)
        return word[:1].upper() + word[1:]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph with an optional heading, a quote (the resident's own words), or a list."""

    heading: str = ""
    text: str = field(default="", repr=False)
    quote: str = field(default="", repr=False)
    bullets: tuple[str, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class Goal:
    goal: str = field(repr=False)
    result: str = field(default="", repr=False)
    who: str = field(default="", repr=False)
    check_on: str = ""  # a long date, or "" when none

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class Part:
    title: str
    blocks: tuple[Block, ...] = field(default=(), repr=False)
    goals: tuple[Goal, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class ResidentReport:
    document_number: str
    lang: str
    municipality: str
    team: str
    created: dt.date
    worker: str = field(repr=False)
    resident_name: str = field(repr=False)
    addressed_to: tuple[str, ...] = field(repr=False)
    conversation_date: dt.date | None = field(repr=False)
    facts: tuple[tuple[str, str], ...] = field(repr=False)
    parts: tuple[Part, ...] = field(repr=False)
    signers: tuple[ReportSigner, ...] = field(repr=False)

    def __post_init__(self) -> None:
        problem = document_number_problem(self.document_number)
        if problem is not None:
            raise ValueError(render(problem, "nl"))
        if parse_document_number(self.document_number).kind is not DocumentKind.VERSLAG_INWONER:
            raise ValueError("Een verslag voor de inwoner heeft een nummer dat met VI begint.")

    def t(self, key: str, **values: Any) -> str:
        return text(key, self.lang, **values)

    @property
    def names(self) -> str:
        """'Zoë, Ayşe Yılmaz en François Cœur'."""
        return join_names(self.addressed_to, self.lang)

    def canonical_content(self) -> dict[str, Any]:
        """Everything printed (before signing), as plain JSON-able data: the hash of this is
        what the signers saw on the screen."""
        return {
            "schema": "WI-VI-1",
            "document_number": normalise_document_number(self.document_number),
            "lang": self.lang,
            "municipality": self.municipality,
            "team": self.team,
            "created": self.created,
            "worker": self.worker,
            "resident": self.resident_name,
            "addressed_to": list(self.addressed_to),
            "conversation_date": self.conversation_date,
            "facts": [list(f) for f in self.facts],
            "parts": [{"title": p.title,
                       "blocks": [[b.heading, b.text, b.quote, list(b.bullets)]
                                  for b in p.blocks],
                       "goals": [[g.goal, g.result, g.who, g.check_on] for g in p.goals]}
                      for p in self.parts],
            "signers": [[s.name, s.role.value] for s in self.signers],
        }

    def content_hash(self) -> str:
        return sha256_hex(canonical_json(self.canonical_content()))

    def qr_payload(self) -> str:
        return qr_payload(self.document_number, self.content_hash())

    def reading_parts(self) -> tuple[Part, ...]:
        """The parts as the resident reads them on the screen before signing: the same text
        as the paper, the goals written out as blocks."""
        out = [Part(self.t("title"), (Block(text=self.t("greeting", names=self.names)),
                                      Block(text=self.t("intro")),
                                      *(Block(label, value) for label, value in self.facts)))]
        for part in self.parts:
            blocks = list(part.blocks)
            for goal in part.goals:
                lines = [f"{self.t('goals.result')} {goal.result}" if goal.result else "",
                         f"{self.t('goals.who')} {goal.who}" if goal.who else "",
                         f"{self.t('goals.when')}: {goal.check_on}" if goal.check_on else ""]
                blocks.append(Block(f"{self.t('goals.goal')}: {goal.goal}",
                                    "\n".join(line for line in lines if line)))
            out.append(Part(part.title, tuple(blocks)))
        return tuple(out)


def join_names(names: Sequence[str], lang: str = "nl") -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {text('and', lang)} {names[-1]}"


# -- building from the answers --------------------------------------------------------------


class _Answers:
    """The answers that count: a field of the form that is hidden for these answers counts as
    unanswered (a hidden answer is kept in the draft but is not part of the onderzoek). A field
    the form does not have (an older form version) is simply absent."""

    def __init__(self, form: FormDefinition | None, answers: Mapping[str, Any]) -> None:
        self.form = form
        if form is None:
            self.values = dict(answers)
        else:
            shown = {f.id for f in visible_fields(form, answers)}
            self.values = {k: v for k, v in answers.items()
                           if k in shown or not form.has_field(k)}

    def get(self, field_id: str) -> Any:
        value = self.values.get(field_id)
        return None if is_empty_answer(value) else value

    def text(self, field_id: str) -> str:
        value = self.get(field_id)
        return value.strip() if isinstance(value, str) else ""

    def date(self, field_id: str) -> dt.date | None:
        value = self.get(field_id)
        if isinstance(value, str):
            try:
                return parse_date(value)
            except ValueError:
                return None
        return None

    def choices(self, field_id: str) -> list[str]:
        value = self.get(field_id)
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)] if value is not None else []

    def rows(self, field_id: str) -> list[Mapping[str, Any]]:
        value = self.get(field_id)
        return [row for row in value if isinstance(row, Mapping)] if isinstance(value, list) else []

    def choice_label(self, field_id: str, value: str, lang: str) -> str:
        if self.form is not None and self.form.has_field(field_id):
            for choice in self.form.field(field_id).choices:
                if str(choice.value) == value:
                    return choice.label.get(lang)
        return value


def wmo_applies(answers: Mapping[str, Any]) -> bool:
    """The Wmo part of the onderzoek applies (the form's `wmo_onderzoek` section)."""
    value = answers.get("hulpvraag_wet")
    return isinstance(value, list) and "wmo" in value


def youth_applies(answers: Mapping[str, Any], on: dt.date) -> bool:
    """The youth part applies (the form's `jeugd` section): under 18, a Jeugdwet request, or
    a request about a child."""
    value = answers.get("hulpvraag_wet")
    if isinstance(value, list) and "jeugdwet" in value:
        return True
    if answers.get("kind_betrokken") is True:
        return True
    return is_minor(answers, on)


def is_minor(answers: Mapping[str, Any], on: dt.date) -> bool:
    """The resident is under 18 on `on` (False when the birth date is unknown)."""
    birth = answers.get("inwoner_geboortedatum")
    if isinstance(birth, str):
        try:
            born = parse_date(birth)
        except ValueError:
            return False
        years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        return years < 18
    return False


@dataclass(frozen=True, slots=True)
class ReportFrame:
    """What the report needs besides the answers: who made it, for whom, and the contact."""

    document_number: str
    municipality: str
    team: str
    worker: str
    contact: str  # "0000 000 000, wijkteam@example.org" ('' when unknown)
    today: dt.date
    signers: tuple[ReportSigner, ...]


def build_resident_report(frame: ReportFrame, answers: Mapping[str, Any],
                          requests: Sequence[WeighedRequest], form: FormDefinition | None = None,
                          lang: str = "nl") -> ResidentReport:
    """The report from the intake's answers (only those shown for these answers) and the
    weighed data requests. See the module docstring for what is left out and why."""
    a = _Answers(form, answers)
    t = TEXTS

    def tx(key: str, **values: Any) -> str:
        return text(key, lang, **values)

    name = a.text("inwoner_naam")
    conversation = a.date("bezoek_datum")
    melding = a.date("melding_datum")

    facts: list[tuple[str, str]] = []
    if conversation is not None:
        facts.append((tx("facts.date"), long_date(conversation, lang)))
    place = a.text("bezoek_plaats")
    if place:
        key = _PLACES.get(place, "place.other")
        facts.append((tx("facts.place"), tx(key)))
    # Who was there: the kinds of people in words to the resident ("u zelf, uw partner en
    # ..."), never names typed at "aanwezig_wie" (other people's details).
    present = [tx(f"present.{v}") if f"present.{v}" in t else a.choice_label("aanwezig", v, lang)
               for v in a.choices("aanwezig")]
    present.append(tx("present.worker", worker=frame.worker))
    facts.append((tx("facts.present"), join_names(present, lang)))
    facts.append((tx("facts.worker"), f"{frame.worker}, {frame.team}"))
    if melding is not None:
        facts.append((tx("facts.melding"), long_date(melding, lang)))

    parts: list[Part] = []

    # Your question, in your own words.
    question: list[Block] = []
    if a.text("hulpvraag"):
        question.append(Block(text=tx("question.lead"), quote=a.text("hulpvraag")))
    laws = [tx(f"law.{v}") for v in _LAWS if v in a.choices("hulpvraag_wet")]
    if laws:
        question.append(Block(text=tx("question.about", laws=join_names(laws, lang))))
    if a.get("spoed") is True and a.text("spoed_wat"):
        question.append(Block(text=tx("urgent.lead"), quote=a.text("spoed_wat")))
    if question:
        parts.append(Part(tx("question.title"), tuple(question)))

    day = conversation or frame.today
    youth = youth_applies(a.values, day)
    # The child's own words, only as said with the parents there. When the worker also spoke
    # with the child alone, the words may come from that talk, and this paper goes to the
    # parents and is signed by them: it says nothing about it at all, not even that there was
    # such a talk (one sentence about it would make parents ask the child what was said). The
    # worker tells the child in person what happens with its words.
    if youth and a.text("kind_gesproken") == "met_ouders" and a.text("kind_eigen_woorden"):
        lead = "child.lead_self" if is_minor(a.values, day) else "child.lead"
        parts.append(Part(tx("child.title"), (Block(text=tx(lead),
                                                    quote=a.text("kind_eigen_woorden")),)))

    # What we discussed, per life domain, in plain words (no ZRM scores).
    chosen = set(a.choices("leefgebieden"))
    domains: list[Block] = []
    for prefix, title in DOMAINS:
        notes = a.text(f"{prefix}_toelichting")
        wants = a.get(f"{prefix}_hulp_gewenst")
        if prefix not in chosen and not notes and wants is None:
            continue
        if prefix in PRIVATE_DOMAINS:
            domains.append(Block(title.get(lang), tx("domain.discussed")))
            continue
        sentences = [notes] if notes else []
        if wants is True:
            sentences.append(tx("domain.help_yes"))
        elif wants is False:
            sentences.append(tx("domain.help_no"))
        if sentences:
            domains.append(Block(title.get(lang), "\n".join(sentences)))
    parts.append(Part(tx("domains.title"),
                      (Block(text=tx("domains.lead")), *domains) if domains
                      else (Block(text=tx("domains.none")),)))

    # Own strength and network.
    strength: list[Block] = []
    if a.text("eigen_kracht"):
        strength.append(Block(tx("strength.own"), a.text("eigen_kracht")))
    if a.text("netwerk"):
        strength.append(Block(tx("strength.network"), a.text("netwerk")))
    if a.get("mantelzorg_ontvangt") is True:
        # Not the mantelzorger's name, nor how heavy the care is for that person: about
        # someone else.
        strength.append(Block(text=tx("strength.receives_care")))
    if a.get("is_mantelzorger") is True:
        strength.append(Block(text=tx("strength.gives_care")))
    if a.text("gebruikelijke_hulp"):
        strength.append(Block(tx("strength.usual_help"), a.text("gebruikelijke_hulp")))
    provisions = [a.choice_label("voorzieningen_besproken", v, lang)
                  for v in a.choices("voorzieningen_besproken")]
    if provisions or a.text("voorzieningen_toelichting"):
        strength.append(Block(tx("strength.provisions"), a.text("voorzieningen_toelichting"),
                              bullets=tuple(provisions)))
    involved = [_involved(row) for row in a.rows("betrokken_hulpverleners")]
    involved = [line for line in involved if line]
    if involved:
        strength.append(Block(tx("strength.involved"), bullets=tuple(involved)))
    if strength:
        parts.append(Part(tx("strength.title"), tuple(strength)))

    # Goals: with the result and the day to check them together.
    goals = tuple(
        Goal(str(row.get("doel") or "").strip(), str(row.get("resultaat") or "").strip(),
             str(row.get("wie") or "").strip(), _long_date_of(row.get("evaluatie"), lang))
        for row in a.rows("doelen_lijst") if str(row.get("doel") or "").strip())
    goal_blocks: list[Block] = []
    if goals:
        goal_blocks.append(Block(text=tx("goals.lead")))
    if a.text("doelen"):
        goal_blocks.append(Block(quote=a.text("doelen")))
    if a.get("doelen_eens") is False and a.text("doelen_verschil"):
        goal_blocks.append(Block(text=tx("goals.disagree"), quote=a.text("doelen_verschil")))
    if goals or goal_blocks:
        parts.append(Part(tx("goals.title"), tuple(goal_blocks), goals))

    # Agreements: what, who does what and when, the next appointment.
    agreements: list[Block] = []
    if a.text("afspraken"):
        agreements.append(Block(tx("agreements.what"), a.text("afspraken")))
    if a.text("wie_doet_wat"):
        agreements.append(Block(tx("agreements.who"), a.text("wie_doet_wat")))
    next_day = a.date("volgende_afspraak")
    if next_day is not None:
        what = a.text("volgende_afspraak_wat")
        agreements.append(Block(text=tx("agreements.next_what", date=long_date(next_day, lang),
                                         what=what.rstrip(".")) if what
                                else tx("agreements.next", date=long_date(next_day, lang))))
    parts.append(Part(tx("agreements.title"),
                      tuple(agreements) or (Block(text=tx("agreements.none")),)))

    # Data requests: organisation and purpose, and what the resident chose.
    data: list[Block] = [Block(text=tx("data.lead"))] if requests else []
    for request in requests:
        key = ("data.request_from" if request.direction is Direction.REQUEST_FROM
               else "data.give_to")
        data.append(Block(request.organisation,
                          f"{tx(key, organisation=request.organisation)}\n"
                          f"{tx('data.why')}: {request.purpose}\n"
                          f"{tx('data.consent')}: {tx('asked.' + request.asked.value)}"))
    parts.append(Part(tx("data.title"), tuple(data) or (Block(text=tx("data.none")),)))

    # What the resident was told: the Wmo rights, the youth rights.
    told: list[Block] = []
    if wmo_applies(a.values):
        support = [tx("wmo.support")]
        answer = a.text("clientondersteuning_antwoord")
        if a.get("clientondersteuning_verteld") is True and f"wmo.support.{answer}" in t:
            support.append(tx(f"wmo.support.{answer}"))
        told.append(Block(text=" ".join(support)))
        plan = [tx("wmo.plan")]
        answer = a.text("persoonlijk_plan_antwoord")
        if a.get("persoonlijk_plan_verteld") is True and f"wmo.plan.{answer}" in t:
            plan.append(tx(f"wmo.plan.{answer}"))
        told.append(Block(text=" ".join(plan)))
        form_key = f"wmo.form.{a.text('voorkeur_vorm')}"
        if form_key in t:
            told.append(Block(text=tx(form_key)))
        if set(a.choices("andere_voorzieningen")) & {"zvw_wijkverpleging", "zvw_anders", "wlz"}:
            told.append(Block(text=tx("wmo.other_laws")))
        told.append(Block(text=tx("wmo.contribution")))
    if youth:
        family = [tx("youth.family_plan")]
        answer = a.text("familiegroepsplan")
        if f"youth.family_plan.{answer}" in t:
            family.append(tx(f"youth.family_plan.{answer}"))
        told.append(Block(text=" ".join(family)))
        told.append(Block(text=tx("youth.confidant")))
    if told:
        parts.append(Part(tx("wmo.title"), tuple(told)))

    # The next step and the six-week term (Wmo 2015 art. 2.3.2 lid 1).
    following: list[Block] = []
    if wmo_applies(a.values) and melding is not None:
        deadline = melding + dt.timedelta(days=ONDERZOEK_DAYS)
        following.append(Block(text=tx("next.term", melding=long_date(melding, lang),
                                       deadline=long_date(deadline, lang))))
    if a.text("maatwerk_nodig") == "nee":
        following.append(Block(text=tx("next.no_provision")))
    else:
        following.append(Block(text=tx("next.apply")))
    parts.append(Part(tx("next.title"), tuple(following)))

    # How to react or disagree: remarks now; bezwaar against the beschikking later (Awb art.
    # 7:1; this report itself is no decision, so there is nothing to object to yet).
    react = [Block(text=tx("react.read"))]
    if frame.contact:
        react.append(Block(text=tx("react.contact", contact=frame.contact)))
    react.append(Block(text=f"{tx('react.no_decision')} {tx('react.objection')}"))
    parts.append(Part(tx("react.title"), tuple(react)))

    addressed = _addressed(name, frame.signers)
    return ResidentReport(
        document_number=frame.document_number, lang=lang, municipality=frame.municipality,
        team=frame.team, created=frame.today, worker=frame.worker, resident_name=name,
        addressed_to=addressed, conversation_date=conversation, facts=tuple(facts),
        parts=tuple(parts), signers=frame.signers)


def _addressed(name: str, signers: Sequence[ReportSigner]) -> tuple[str, ...]:
    """The resident first, then everyone else who signs (the parents with custody of a
    minor): the report is written to all of them."""
    out = [name] if name else []
    for signer in signers:
        if signer.name and signer.name not in out:
            out.append(signer.name)
    return tuple(out)


def _involved(row: Mapping[str, Any]) -> str:
    """'Thuiszorg Noord: helpt bij het douchen'. The contact person column is left out: it
    names someone else."""
    organisation = str(row.get("organisatie") or "").strip()
    what = str(row.get("wat") or "").strip()
    if organisation and what:
        return f"{organisation}: {what}"
    return organisation


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def long_date(day: dt.date, lang: str = "nl") -> str:
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return format_date_long(day)


def _long_date_of(value: Any, lang: str) -> str:
    if isinstance(value, str) and value.strip():
        try:
            return long_date(parse_date(value), lang)
        except ValueError:
            return value.strip()
    return ""


_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")


def sentences(words: str) -> list[str]:
    """`words` split into sentences (for the B1 check)."""
    return [s for s in _SENTENCE_END.split(words.strip()) if s]
