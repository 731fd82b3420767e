<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AddOrganisationDialog</name>
    <message>
        <source>Organisatie toevoegen</source>
        <translation>Add organisation</translation>
    </message>
    <message>
        <source>Staat de organisatie niet in de lijst? Voeg haar hier toe. Kies ook of zij een beroepsgeheim heeft: dat bepaalt of er een getekende toestemmingsverklaring nodig is.</source>
        <translation>Is the organisation not in the list? Add it here. Also choose whether it has professional secrecy: that decides whether a signed consent statement is needed.</translation>
    </message>
    <message>
        <source>Naam van de organisatie</source>
        <translation>Name of the organisation</translation>
    </message>
    <message>
        <source>Beroepsgeheim van de organisatie</source>
        <translation>Professional secrecy of the organisation</translation>
    </message>
    <message>
        <source>Geen beroepsgeheim</source>
        <translation>No professional secrecy</translation>
    </message>
    <message>
        <source>Medisch beroepsgeheim (BIG-register)</source>
        <translation>Medical professional secrecy (BIG register)</translation>
    </message>
    <message>
        <source>Beroepscode jeugdprofessional (SKJ-register)</source>
        <translation>Professional code for youth professionals (SKJ register)</translation>
    </message>
    <message>
        <source>Andere beroepscode</source>
        <translation>Other professional code</translation>
    </message>
    <message>
        <source>Beroep in het BIG-register</source>
        <translation>Profession in the BIG register</translation>
    </message>
    <message>
        <source>&amp;Naam van de organisatie</source>
        <translation>&amp;Name of the organisation</translation>
    </message>
    <message>
        <source>&amp;Beroepsgeheim</source>
        <translation>&amp;Professional secrecy</translation>
    </message>
    <message>
        <source>B&amp;eroep (BIG-register)</source>
        <translation>P&amp;rofession (BIG register)</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Let op: {0}</source>
        <translation>Please note: {0}</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Vergrendeld omdat er 1 minuut niets gebeurde. Je gegevens zijn opgeslagen.</source>
        <translation>Locked because nothing happened for 1 minute. Your data has been saved.</translation>
    </message>
    <message>
        <source>Vergrendeld omdat er {n} minuten niets gebeurde. Je gegevens zijn opgeslagen.</source>
        <translation>Locked because nothing happened for {n} minutes. Your data has been saved.</translation>
    </message>
    <message>
        <source>Vergrendeld omdat het scherm van de computer op slot ging. Je gegevens zijn opgeslagen.</source>
        <translation>Locked because the computer screen was locked. Your data has been saved.</translation>
    </message>
    <message>
        <source>Vergrendeld omdat de computer in slaapstand ging. Je gegevens zijn opgeslagen.</source>
        <translation>Locked because the computer went to sleep. Your data has been saved.</translation>
    </message>
    <message>
        <source>Vergrendeld omdat er van gebruiker werd gewisseld. Je gegevens zijn opgeslagen.</source>
        <translation>Locked because another user took over the computer. Your data has been saved.</translation>
    </message>
    <message>
        <source>Vergrendeld. Je gegevens zijn opgeslagen.</source>
        <translation>Locked. Your data has been saved.</translation>
    </message>
</context>
<context>
    <name>CaptureStatus</name>
    <message>
        <source>vensters worden uitgesloten van schermopnamen</source>
        <translation>windows are left out of screen captures</translation>
    </message>
    <message>
        <source>vensters worden zwart in schermopnamen (oudere Windows)</source>
        <translation>windows turn black in screen captures (older Windows)</translation>
    </message>
    <message>
        <source>beschikbaar: {how}, tenzij uitgezet in Instellingen</source>
        <translation>available: {how}, unless switched off in Settings</translation>
    </message>
    <message>
        <source>actief: {how}</source>
        <translation>on: {how}</translation>
    </message>
    <message>
        <source>uitgezet in Instellingen</source>
        <translation>switched off in Settings</translation>
    </message>
    <message>
        <source>niet beschikbaar op macOS in deze versie (macOS 15 en nieuwer negeren de instelling van het venster)</source>
        <translation>not available on macOS in this version (macOS 15 and newer ignore the window setting)</translation>
    </message>
    <message>
        <source>niet beschikbaar op dit platform</source>
        <translation>not available on this platform</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Onderzoek klaar vóór</source>
        <translation>Assessment due</translation>
    </message>
    <message>
        <source>Concept sinds</source>
        <translation>Draft since</translation>
    </message>
    <message>
        <source>Laatst gewijzigd</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>1 dag</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>{n} dagen</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source> — te oud, zet over naar het dossier</source>
        <translation> — too old, transfer it to the case file</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Mijn &amp;inwoners</source>
        <translation>My &amp;residents</translation>
    </message>
    <message>
        <source>Zoek op naam…</source>
        <translation>Search by name…</translation>
    </message>
    <message>
        <source>Zoek op naam</source>
        <translation>Search by name</translation>
    </message>
    <message>
        <source>&amp;Zoeken:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>&amp;Nieuwe intake</source>
        <translation>&amp;New intake</translation>
    </message>
    <message>
        <source>Inwoners en hun intakes</source>
        <translation>Residents and their intakes</translation>
    </message>
    <message>
        <source>Je hebt nog geen intakes. Kies ‘Nieuwe intake’ om te beginnen.</source>
        <translation>You have no intakes yet. Choose ‘New intake’ to start.</translation>
    </message>
    <message>
        <source>Let op: </source>
        <translation>Please note: </translation>
    </message>
    <message>
        <source>{shown} van {total}</source>
        <translation>{shown} of {total}</translation>
    </message>
    <message>
        <source>Nieuwe intake</source>
        <translation>New intake</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <source>Nieuwe toestemmingsverklaring</source>
        <translation>New consent statement</translation>
    </message>
    <message>
        <source>Kies de gegevensverzoeken die op de verklaring komen (spatie zet een vinkje aan of uit). Verzoeken aan een hulpverlener met beroepsgeheim staan al aangevinkt. Bij toestemming kiest de inwoner vrij. Bij vrijgave ontheft de inwoner de hulpverlener van zijn beroepsgeheim. Informatie is voor de wettelijke taak: daar valt niets te kiezen.</source>
        <translation>Choose the data requests that go on the statement (Space ticks or unticks). Requests to a professional with professional secrecy are ticked already. For consent the resident chooses freely. For a release the resident frees the professional from professional secrecy. Information is for the statutory task: there is nothing to choose.</translation>
    </message>
    <message>
        <source>Deze intake heeft nog geen gegevensverzoeken. Maak die eerst in het tabblad &apos;Gegevensverzoeken&apos;.</source>
        <translation>This intake has no data requests yet. Make them first on the &apos;Data requests&apos; tab.</translation>
    </message>
    <message>
        <source>Wie moet tekenen</source>
        <translation>Who must sign</translation>
    </message>
    <message>
        <source>Gezag gecontroleerd</source>
        <translation>Authority checked</translation>
    </message>
    <message>
        <source>Naam van de curator</source>
        <translation>Name of the curator</translation>
    </message>
    <message>
        <source>Gezag</source>
        <translation>Authority</translation>
    </message>
    <message>
        <source>Verklaring &amp;maken</source>
        <translation>Create &amp;statement</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Verzoeken op de verklaring</source>
        <translation>Requests on the statement</translation>
    </message>
    <message>
        <source>Persoon met gezag &amp;toevoegen</source>
        <translation>&amp;Add a person with parental authority</translation>
    </message>
    <message>
        <source>Ik heb &amp;gecontroleerd wie het gezag heeft</source>
        <translation>I have c&amp;hecked who has parental authority</translation>
    </message>
    <message>
        <source>Iedere ouder met gezag of voogd tekent zelf en kiest zelf ja of nee. Na een scheiding houden ouders meestal allebei het gezag: controleer het in het gezagsregister of met een uittreksel of beschikking, vertrouw niet op het woord van één ouder. Bij een ondertoezichtstelling (OTS) houden de ouders het gezag en tekenen zij. Een gecertificeerde instelling tekent alleen bij voogdij; vul dan de instelling en de medewerker in die tekent.</source>
        <translation>Each parent with parental authority or guardian signs and chooses yes or no themselves. After a divorce both parents usually keep parental authority: check it in the register of parental authority or with an extract or court order; do not rely on one parent&apos;s word. Under a supervision order (OTS) the parents keep parental authority and sign. A certified institution signs only under guardianship; then fill in the institution and the employee who signs.</translation>
    </message>
    <message>
        <source>Uitzondering voor 12 tot 16 jaar</source>
        <translation>Exception for ages 12 to 16</translation>
    </message>
    <message>
        <source>De jongere beslist &amp;zonder de ouders</source>
        <translation>The young person decides with&amp;out the parents</translation>
    </message>
    <message>
        <source>Waarom de jongere zonder de ouders beslist</source>
        <translation>Why the young person decides without the parents</translation>
    </message>
    <message>
        <source>&amp;Waarom? Dit is verplicht en komt op de verklaring.</source>
        <translation>&amp;Why? This is required and is printed on the statement.</translation>
    </message>
    <message>
        <source>Normaal tekenen de jongere en iedere ouder met gezag. De wet maakt een uitzondering (WGBO art. 7:450 lid 2; bij jeugdhulp Jeugdwet art. 7.3.4 lid 2): de jongere beslist alleen als dat nodig is om ernstig nadeel voor de jongere te voorkomen, of als de jongere het na goed nadenken blijft willen. Schrijf op waarom, zodat de privacyfunctionaris het kan beoordelen.</source>
        <translation>Normally the young person and each parent with parental authority sign. The law makes an exception (WGBO art. 7:450(2); for youth care Jeugdwet art. 7.3.4(2)): the young person decides alone when that is needed to prevent serious harm to the young person, or when the young person keeps wishing it after careful thought. Write down why, so the privacy officer can judge it.</translation>
    </message>
    <message>
        <source>Wat vindt het kind ervan?</source>
        <translation>What does the child think?</translation>
    </message>
    <message>
        <source>Wat het kind ervan vindt</source>
        <translation>What the child thinks</translation>
    </message>
    <message>
        <source>Wat vindt het &amp;kind ervan? Dit wordt vastgelegd, niet geprint.</source>
        <translation>What does the chil&amp;d think? This is recorded, not printed.</translation>
    </message>
    <message>
        <source>Onder 12 jaar beslissen de ouders met gezag of de voogd. Praat ook met het kind en schrijf op wat het ervan vindt.</source>
        <translation>Under 12, the parents with parental authority or the guardian decide. Talk with the child too and write down what the child thinks.</translation>
    </message>
    <message>
        <source>Kan de inwoner dit zelf beslissen?</source>
        <translation>Can the resident decide this themselves?</translation>
    </message>
    <message>
        <source>&amp;Ja, de inwoner beslist zelf</source>
        <translation>&amp;Yes, the resident decides</translation>
    </message>
    <message>
        <source>&amp;Nee, de inwoner kan dit nu niet zelf beoordelen</source>
        <translation>&amp;No, the resident cannot judge this now</translation>
    </message>
    <message>
        <source>Vraag het bij iedere verklaring opnieuw: kan de inwoner begrijpen waar deze toestemming over gaat en wat ja of nee zeggen betekent (wilsbekwaam ter zake)? Een volwassene die dat kan, beslist zelf, ook als er een curator, mentor of bewindvoerder is (WGBO art. 7:465 lid 2).</source>
        <translation>Ask it again for every statement: can the resident understand what this consent is about and what saying yes or no means (capacity for this decision)? An adult who can decides alone, also when there is a curator, mentor or bewindvoerder (WGBO art. 7:465(2)).</translation>
    </message>
    <message>
        <source>Wie beslist voor de inwoner?</source>
        <translation>Who decides for the resident?</translation>
    </message>
    <message>
        <source>Naam van de mentor</source>
        <translation>Name of the mentor</translation>
    </message>
    <message>
        <source>Naam van de bewindvoerder</source>
        <translation>Name of the bewindvoerder (financial administrator)</translation>
    </message>
    <message>
        <source>Naam van de vertegenwoordiger (art. 7:465 lid 3)</source>
        <translation>Name of the representative (art. 7:465(3))</translation>
    </message>
    <message>
        <source>Relatie van de vertegenwoordiger</source>
        <translation>Relation of the representative</translation>
    </message>
    <message>
        <source>Kies…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Wat de inwoner ervan vindt</source>
        <translation>What the resident thinks</translation>
    </message>
    <message>
        <source>&amp;Curator:</source>
        <translation>C&amp;urator:</translation>
    </message>
    <message>
        <source>M&amp;entor:</source>
        <translation>M&amp;entor:</translation>
    </message>
    <message>
        <source>&amp;Bewindvoerder:</source>
        <translation>&amp;Bewindvoerder:</translation>
    </message>
    <message>
        <source>&amp;Vertegenwoordiger:</source>
        <translation>Re&amp;presentative:</translation>
    </message>
    <message>
        <source>&amp;Relatie:</source>
        <translation>&amp;Relation:</translation>
    </message>
    <message>
        <source>Wat vindt de &amp;inwoner ervan? Dit wordt vastgelegd, niet geprint.</source>
        <translation>What does the res&amp;ident think? This is recorded, not printed.</translation>
    </message>
    <message>
        <source>Is er een curator, dan beslist die over alles. Anders beslist de mentor over alles behalve geld, en de bewindvoerder alleen over geld. Is er geen mentor, dan beslist over wat geen geld is de persoon die de inwoner schriftelijk heeft gemachtigd, anders de partner, anders een ouder, kind, broer of zus (WGBO art. 7:465 lid 3). Laat leeg wat er niet is.</source>
        <translation>If there is a curator, the curator decides on everything. Otherwise the mentor decides on everything except money, and the bewindvoerder only on money. Without a mentor, on what is not money the person the resident authorised in writing decides, else the partner, else a parent, child, brother or sister (WGBO art. 7:465(3)). Leave empty what does not exist.</translation>
    </message>
    <message>
        <source>De inwoner beslist zelf en tekent alleen. Een curator, mentor of bewindvoerder tekent niet mee.</source>
        <translation>The resident decides and signs alone. A curator, mentor or bewindvoerder does not sign.</translation>
    </message>
    <message>
        <source>Wie tekent</source>
        <translation>Who signs</translation>
    </message>
    <message>
        <source>Wie beslist over welk onderdeel</source>
        <translation>Who decides on which item</translation>
    </message>
    <message>
        <source>Wat nog ontbreekt</source>
        <translation>What is still missing</translation>
    </message>
    <message>
        <source>Wie beslist</source>
        <translation>Who decides</translation>
    </message>
    <message>
        <source>niemand kiest, de inwoner wordt geïnformeerd</source>
        <translation>nobody chooses, the resident is informed</translation>
    </message>
    <message>
        <source>niemand mag hierover beslissen</source>
        <translation>nobody may decide on this</translation>
    </message>
    <message>
        <source>{0}, {1}: {2}</source>
        <translation>{0}, {1}: {2}</translation>
    </message>
    <message>
        <source>Nog niet bekend wie tekent: vul links aan wat ontbreekt.</source>
        <translation>Not yet known who signs: fill in what is missing on the left.</translation>
    </message>
    <message>
        <source>Nog niet klaar om te maken:</source>
        <translation>Not ready to create yet:</translation>
    </message>
</context>
<context>
    <name>ConsentDialogs</name>
    <message>
        <source>toestemming</source>
        <translation>consent</translation>
    </message>
    <message>
        <source>vrijgave van het beroepsgeheim</source>
        <translation>release from professional secrecy</translation>
    </message>
    <message>
        <source>alleen informatie</source>
        <translation>information only</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Documentnummer</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Organisaties</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Wie tekent</source>
        <translation>Who signs</translation>
    </message>
    <message>
        <source>Geldig tot</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Toestemmingsverklaring</source>
        <translation>Consent statement</translation>
    </message>
    <message>
        <source>Toestemmingsverklaringen van deze intake</source>
        <translation>Consent statements of this intake</translation>
    </message>
    <message>
        <source>Er is nog geen toestemmingsverklaring. Kies &apos;Nieuwe verklaring&apos; om er een te maken.</source>
        <translation>There is no consent statement yet. Choose &apos;New statement&apos; to create one.</translation>
    </message>
    <message>
        <source>Ge&amp;schiedenis van de gekozen verklaring</source>
        <translation>&amp;History of the selected statement</translation>
    </message>
    <message>
        <source>Geschiedenis van de gekozen verklaring</source>
        <translation>History of the selected statement</translation>
    </message>
    <message>
        <source>&amp;Nieuwe verklaring…</source>
        <translation>&amp;New statement…</translation>
    </message>
    <message>
        <source>&amp;Laten tekenen op het scherm…</source>
        <translation>Sign on the scr&amp;een…</translation>
    </message>
    <message>
        <source>Zonder printer: de inwoner leest de verklaring op het scherm, kiest ja of nee en tekent met muis, pen of vinger.</source>
        <translation>Without a printer: the resident reads the statement on the screen, chooses yes or no and signs with the mouse, a pen or a finger.</translation>
    </message>
    <message>
        <source>&amp;Printen…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Voorbeeld bekijken</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Voor gegevens van een hulpverlener met beroepsgeheim tekent de inwoner een toestemmingsverklaring. Maak de verklaring. Laat de inwoner daarna op het scherm tekenen, of print de verklaring (nu of later op kantoor) en leg vast wat er op het getekende papier staat. Een verzoek mag pas weg als iedereen die erover beslist, ja zei.</source>
        <translation>For data from a professional with professional secrecy, the resident signs a consent statement. Make the statement. Then have the resident sign it on the screen, or print it (now or later at the office) and record what the signed paper says. A request may only go when everyone who decides on it said yes.</translation>
    </message>
    <message>
        <source>Get&amp;ekend vastleggen…</source>
        <translation>Record &amp;signatures…</translation>
    </message>
    <message>
        <source>Ge&amp;weigerd…</source>
        <translation>&amp;Refused…</translation>
    </message>
    <message>
        <source>&amp;Ingetrokken…</source>
        <translation>&amp;Withdrawn…</translation>
    </message>
    <message>
        <source>Getekend &amp;papier invoeren (documentnummer of QR-code):</source>
        <translation>Signed paper (document n&amp;umber or QR code):</translation>
    </message>
    <message>
        <source>Documentnummer of QR-code van het getekende papier</source>
        <translation>Document number or QR code of the signed paper</translation>
    </message>
    <message>
        <source>bijvoorbeeld TV-2026-000123-K</source>
        <translation>for example TV-2026-000123-K</translation>
    </message>
    <message>
        <source>Zoeken en invoeren…</source>
        <translation>Find and record…</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Let op: </source>
        <translation>Please note: </translation>
    </message>
    <message>
        <source>De verklaring wordt gemaakt…</source>
        <translation>The statement is being made…</translation>
    </message>
    <message>
        <source>Even wachten: het programma is nog bezig met deze intake of met een sleutelwijziging.</source>
        <translation>Please wait: the program is still busy with this intake or with a key change.</translation>
    </message>
    <message>
        <source>Fout: </source>
        <translation>Error: </translation>
    </message>
    <message>
        <source>Toestemmingsverklaring {0}</source>
        <translation>Consent statement {0}</translation>
    </message>
    <message>
        <source>De verklaring wordt klaargemaakt om te printen…</source>
        <translation>The statement is being prepared for printing…</translation>
    </message>
    <message>
        <source>De verklaring was veranderd: er is een nieuwe versie {0} gemaakt en geprint. </source>
        <translation>The statement had changed: a new version {0} has been created and printed. </translation>
    </message>
    <message>
        <source>Laat de verklaring nu tekenen en leg dat vast met &apos;Getekend vastleggen&apos;.</source>
        <translation>Now have the statement signed and record it with &apos;Record signatures&apos;.</translation>
    </message>
    <message>
        <source>De verklaring wordt klaargemaakt…</source>
        <translation>Preparing the statement…</translation>
    </message>
    <message>
        <source>De verklaring was veranderd: er is een nieuwe versie {0} gemaakt. Die is nog niet getekend.</source>
        <translation>The statement had changed: a new version {0} was made. It has not been signed yet.</translation>
    </message>
    <message>
        <source>Getekend op het scherm, verklaring {0}:</source>
        <translation>Signed on the screen, statement {0}:</translation>
    </message>
    <message>
        <source>Typ het documentnummer van het papier, of scan de QR-code.</source>
        <translation>Type the document number of the paper, or scan the QR code.</translation>
    </message>
    <message>
        <source>Vastgelegd voor verklaring {0}:</source>
        <translation>Recorded for statement {0}:</translation>
    </message>
    <message>
        <source>Alleen een verzoek met &apos;toestemming gegeven&apos; mag weg.</source>
        <translation>Only a request with &apos;consent given&apos; may be sent.</translation>
    </message>
    <message>
        <source>Vastgelegd: ingetrokken op verklaring {0}.</source>
        <translation>Recorded: withdrawn on statement {0}.</translation>
    </message>
    <message>
        <source>Ook op {0} andere verklaring(en) voor hetzelfde verzoek.</source>
        <translation>Also on {0} other statement(s) for the same request.</translation>
    </message>
    <message>
        <source>De status blijft &apos;{0}&apos;.</source>
        <translation>The status stays &apos;{0}&apos;.</translation>
    </message>
    <message>
        <source>Verklaring {0} is gemaakt en staat klaar. Laat hem op het scherm tekenen, of print hem (nu of later op kantoor).</source>
        <translation>Statement {0} has been made and is ready. Have it signed on the screen, or print it (now or later at the office).</translation>
    </message>
    <message>
        <source>Toestemmingsverklaring {0}, getekend op het scherm</source>
        <translation>Consent statement {0}, signed on the screen</translation>
    </message>
    <message>
        <source>Toestemmingsverklaring {0} printen</source>
        <translation>Print consent statement {0}</translation>
    </message>
    <message>
        <source>Vastgelegd: de inwoner weigert verklaring {0}. De verzoeken op deze verklaring gaan niet weg.</source>
        <translation>Recorded: the resident refuses statement {0}. The requests on this statement will not be sent.</translation>
    </message>
</context>
<context>
    <name>ConsentSummary</name>
    <message>
        <source>Toestemming en beroepsgeheim, volgens de gegevensverzoeken</source>
        <translation>Consent and professional secrecy, according to the data requests</translation>
    </message>
    <message>
        <source>Dit volgt uit de gegevensverzoeken en de toestemmingsverklaringen. Je vult het hier niet in. Klopt er iets niet? Pas het verzoek aan.</source>
        <translation>This follows from the data requests and the consent statements. You do not fill it in here. Is something wrong? Change the request.</translation>
    </message>
    <message>
        <source>Naar de &amp;gegevensverzoeken</source>
        <translation>To the &amp;data requests</translation>
    </message>
    <message>
        <source>Naar de gegevensverzoeken</source>
        <translation>To the data requests</translation>
    </message>
    <message>
        <source>Er zijn nog geen gegevensverzoeken. Er is dus ook geen toestemming nodig.</source>
        <translation>There are no data requests yet. So no consent is needed either.</translation>
    </message>
    <message>
        <source>ja, {0}</source>
        <translation>yes, {0}</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Richting en grond</source>
        <translation>Direction and basis</translation>
    </message>
    <message>
        <source>Afweging</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Beroepsgeheim bij wie de gegevens heeft</source>
        <translation>Professional secrecy of whoever holds the data</translation>
    </message>
</context>
<context>
    <name>DamageBanner</name>
    <message>
        <source>&amp;Wat kan ik nog lezen?</source>
        <translation>&amp;What can I still read?</translation>
    </message>
    <message>
        <source>Gegevensbestand beschadigd</source>
        <translation>Data file damaged</translation>
    </message>
</context>
<context>
    <name>DamagedStoreDialog</name>
    <message>
        <source>Gegevensbestand beschadigd</source>
        <translation>Data file damaged</translation>
    </message>
    <message>
        <source>Het gegevensbestand is beschadigd</source>
        <translation>The data file is damaged</translation>
    </message>
    <message>
        <source>Intakes die je nog kunt lezen</source>
        <translation>Intakes you can still read</translation>
    </message>
    <message>
        <source>Intakes die je niet meer kunt lezen</source>
        <translation>Intakes you can no longer read</translation>
    </message>
    <message>
        <source>&amp;Verslagen opslaan in een map…</source>
        <translation>&amp;Save reports in a folder…</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Map voor de verslagen</source>
        <translation>Folder for the reports</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>DataRequestDialog</name>
    <message>
        <source>Gegevensverzoek wijzigen</source>
        <translation>Change data request</translation>
    </message>
    <message>
        <source>Nieuw gegevensverzoek</source>
        <translation>New data request</translation>
    </message>
    <message>
        <source>Bespreek met de inwoner welke gegevens nodig zijn, van wie en waarvoor. Vraag nooit meer dan strikt nodig is en wees open over het doel.</source>
        <translation>Discuss with the resident which data are needed, from whom and for what. Never ask for more than strictly necessary and be open about the purpose.</translation>
    </message>
    <message>
        <source>Gegevens &amp;opvragen bij de organisatie</source>
        <translation>&amp;Request data from the organisation</translation>
    </message>
    <message>
        <source>Gegevens ve&amp;rstrekken aan de organisatie</source>
        <translation>&amp;Provide data to the organisation</translation>
    </message>
    <message>
        <source>Wat wil je doen?</source>
        <translation>What do you want to do?</translation>
    </message>
    <message>
        <source>Typ om te zoeken, bijvoorbeeld huisarts</source>
        <translation>Type to search, for example GP</translation>
    </message>
    <message>
        <source>Zoek een organisatie</source>
        <translation>Search for an organisation</translation>
    </message>
    <message>
        <source>&amp;Zoek de organisatie</source>
        <translation>&amp;Search for the organisation</translation>
    </message>
    <message>
        <source>Gevonden organisaties</source>
        <translation>Organisations found</translation>
    </message>
    <message>
        <source>Gevonden org&amp;anisaties</source>
        <translation>Found org&amp;anisations</translation>
    </message>
    <message>
        <source>Gekozen organisatie</source>
        <translation>Chosen organisation</translation>
    </message>
    <message>
        <source>Organisatie &amp;toevoegen…</source>
        <translation>Add &amp;organisation…</translation>
    </message>
    <message>
        <source>Naam van de organisatie of persoon</source>
        <translation>Name of the organisation or person</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Huisartsenpraktijk De Linde</source>
        <translation>For example: De Linde GP practice</translation>
    </message>
    <message>
        <source>&amp;Naam van de organisatie of persoon</source>
        <translation>&amp;Name of the organisation or person</translation>
    </message>
    <message>
        <source>&amp;Doel: waarvoor zijn de gegevens nodig?</source>
        <translation>P&amp;urpose: what are the data needed for?</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Welke &amp;gegevens precies? Schrijf één gegeven per regel.</source>
        <translation>Which &amp;data exactly? Write one item per line.</translation>
    </message>
    <message>
        <source>Welke gegevens, één per regel</source>
        <translation>Which data, one per line</translation>
    </message>
    <message>
        <source>Toetsing aan &amp;criteria: nodig om te beslissen over een voorziening</source>
        <translation>Eligibility &amp;check against criteria: needed to decide on a service</translation>
    </message>
    <message>
        <source>&amp;Verdieping: om de inwoner beter te helpen of een vollediger beeld te krijgen</source>
        <translation>&amp;In depth: to help the resident better or to get a fuller picture</translation>
    </message>
    <message>
        <source>Waarom zijn de gegevens nodig?</source>
        <translation>Why are the data needed?</translation>
    </message>
    <message>
        <source>Er is een getekende toestemmingsverklaring nodig voordat het verzoek weg kan.</source>
        <translation>A signed consent statement is needed before the request can be sent.</translation>
    </message>
    <message>
        <source>Wat nee zeggen betekent</source>
        <translation>What saying no means</translation>
    </message>
    <message>
        <source>Op&amp;slaan</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Let op: verander je het verzoek, dan telt de afweging niet meer en maak je een nieuwe afweging. De oude blijft bewaard.</source>
        <translation>Please note: if you change the request, the assessment no longer counts and you make a new assessment. The old one is kept.</translation>
    </message>
    <message>
        <source>Niets gevonden. Kies &apos;Organisatie toevoegen&apos; om haar zelf toe te voegen.</source>
        <translation>Nothing found. Choose &apos;Add organisation&apos; to add it yourself.</translation>
    </message>
    <message>
        <source>Nog geen organisatie gekozen.</source>
        <translation>No organisation chosen yet.</translation>
    </message>
    <message>
        <source>Gekozen: {0}.</source>
        <translation>Chosen: {0}.</translation>
    </message>
    <message>
        <source>Wat betekent nee zeggen voor de inwoner? {0}</source>
        <translation>What does saying no mean for the resident? {0}</translation>
    </message>
    <message>
        <source>Verplicht. De inwoner geeft toestemming aan deze organisatie of persoon, niet aan een soort organisatie. Deze naam komt op de toestemmingsverklaring.</source>
        <translation>Required. The resident gives consent to this organisation or person, not to a kind of organisation. This name is printed on the consent statement.</translation>
    </message>
    <message>
        <source>Niet verplicht: over dit verzoek kiest de inwoner niets, hij wordt alleen geïnformeerd. Weet je de naam, vul hem dan toch in.</source>
        <translation>Not required: the resident chooses nothing about this request, they are only informed. If you know the name, fill it in anyway.</translation>
    </message>
    <message>
        <source>Kies eerst een organisatie, of voeg er een toe.</source>
        <translation>First choose an organisation, or add one.</translation>
    </message>
    <message>
        <source>Vul de naam van de organisatie of persoon in, bijvoorbeeld de praktijk of de school. De inwoner geeft toestemming aan hen, niet aan een soort organisatie.</source>
        <translation>Fill in the name of the organisation or person, for example the practice or the school. The resident gives consent to them, not to a kind of organisation.</translation>
    </message>
    <message>
        <source>Let op: {0}</source>
        <translation>Please note: {0}</translation>
    </message>
</context>
<context>
    <name>DataRequestsPanel</name>
    <message>
        <source> (zelf toegevoegd)</source>
        <translation> (added by you)</translation>
    </message>
    <message>
        <source>Gegevensverzoeken</source>
        <translation>Data requests</translation>
    </message>
    <message>
        <source>&amp;Nieuw verzoek</source>
        <translation>&amp;New request</translation>
    </message>
    <message>
        <source>Verzoek &amp;wijzigen</source>
        <translation>&amp;Change request</translation>
    </message>
    <message>
        <source>&amp;Afwegen</source>
        <translation>&amp;Assess</translation>
    </message>
    <message>
        <source>&amp;Mondelinge toestemming vastleggen</source>
        <translation>Record &amp;verbal consent</translation>
    </message>
    <message>
        <source>Markeren als &amp;verstuurd</source>
        <translation>Mark as s&amp;ent</translation>
    </message>
    <message>
        <source>&amp;Inwoner is achteraf geïnformeerd</source>
        <translation>Resident &amp;informed afterwards</translation>
    </message>
    <message>
        <source>Antwoo&amp;rd vastleggen…</source>
        <translation>Record ans&amp;wer…</translation>
    </message>
    <message>
        <source>Gegevensverzoeken van deze intake</source>
        <translation>Data requests of this intake</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Richting</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Nog geen gegevensverzoeken. Kies &apos;Nieuw verzoek&apos; om er een te maken.</source>
        <translation>No data requests yet. Choose &apos;New request&apos; to create one.</translation>
    </message>
    <message>
        <source>Details van het verzoek</source>
        <translation>Details of the request</translation>
    </message>
    <message>
        <source>Waarom het verzoek nog niet weg kan</source>
        <translation>Why the request cannot be sent yet</translation>
    </message>
    <message>
        <source>Herinnering</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Maak voor elk verzoek een afweging (protocol: {0}). Opvragen bij een organisatie met beroepsgeheim kan pas met een getekende toestemmingsverklaring, behalve bij een uitzondering.</source>
        <translation>Make an assessment for every request (protocol: {0}). Requesting from an organisation with professional secrecy needs a signed consent statement, except in an exception.</translation>
    </message>
    <message>
        <source>Herinnering: vertel de inwoner nu achteraf over het verzoek aan of van {0}. Kies het verzoek in de lijst.</source>
        <translation>Reminder: now tell the resident afterwards about the request to or from {0}. Choose the request in the list.</translation>
    </message>
    <message>
        <source>Opnieuw &amp;afwegen</source>
        <translation>&amp;Assess again</translation>
    </message>
    <message>
        <source>Infor&amp;meren vastleggen</source>
        <translation>Record infor&amp;ming</translation>
    </message>
    <message>
        <source>Nog niet versturen: {0}</source>
        <translation>Do not send yet: {0}</translation>
    </message>
    <message>
        <source>Vertel de inwoner achteraf dat je gegevens hebt opgevraagd bij {0}, gepland op {1}. Of kijk opnieuw of de reden om het niet te vertellen nog geldt.</source>
        <translation>Tell the resident afterwards that you requested data from {0}, planned for {1}. Or check again whether the reason not to tell still holds.</translation>
    </message>
    <message>
        <source>Vertel de inwoner achteraf dat je gegevens hebt gedeeld met {0}, gepland op {1}. Of kijk opnieuw of de reden om het niet te vertellen nog geldt.</source>
        <translation>Tell the resident afterwards that you shared data with {0}, planned for {1}. Or check again whether the reason not to tell still holds.</translation>
    </message>
    <message>
        <source>Verzoek</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Beroepsgeheim</source>
        <translation>Professional secrecy</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Gegevens</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Afwegingen</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Toestemmingsverklaring</source>
        <translation>Consent statement</translation>
    </message>
    <message>
        <source>nog niet ingevuld</source>
        <translation>not filled in yet</translation>
    </message>
    <message>
        <source>(geldt nu)</source>
        <translation>(current)</translation>
    </message>
    <message>
        <source>Versie {0}, {1}, protocol {2} versie {3}: {4}</source>
        <translation>Version {0}, {1}, protocol {2} version {3}: {4}</translation>
    </message>
    <message>
        <source>Let op: {0}</source>
        <translation>Please note: {0}</translation>
    </message>
    <message>
        <source>Markeren als verstuurd</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <source>Heb je het verzoek verstuurd of de gegevens gedeeld? Daarna kan het verzoek niet meer veranderen.</source>
        <translation>Have you sent the request or shared the data? After this the request can no longer change.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source> (nodig voor overdracht)</source>
        <translation> (needed for the transfer)</translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>— kies —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nee</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Toon BSN</source>
        <translation>Show BSN</translation>
    </message>
    <message>
        <source>Verberg BSN</source>
        <translation>Hide BSN</translation>
    </message>
    <message>
        <source>Regel toevoegen</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Gekozen regel verwijderen</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <source>Typ in een vakje of druk op F2 om het te wijzigen; datum als dd-mm-jjjj.</source>
        <translation>Type in a cell or press F2 to change it; dates as dd-mm-yyyy.</translation>
    </message>
    <message>
        <source>Typ in een vakje of druk op F2 om het te wijzigen.</source>
        <translation>Type in a cell or press F2 to change it.</translation>
    </message>
    <message>
        <source>Vul dit alleen in bij: {values} (kolom &apos;{column}&apos;).</source>
        <translation>Only fill this in for: {values} (column &apos;{column}&apos;).</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Kijk &amp;in:</source>
        <translation>Look &amp;in:</translation>
    </message>
    <message>
        <source>Bestands&amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>GuidancePane</name>
    <message>
        <source>Uitleg</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Vuistregels</source>
        <translation>Rules of thumb</translation>
    </message>
    <message>
        <source>De 10 vuistregels</source>
        <translation>The 10 rules of thumb</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <source>Overdracht voor afwezigheid</source>
        <translation>Handover for absence</translation>
    </message>
    <message>
        <source>Ga je met verlof of ben je langer afwezig? Draag dan eerst alles over aan het dossier of aan een collega, en vernietig daarna de gegevens op deze laptop. Hieronder staat wat nog op deze laptop staat.</source>
        <translation>Going on leave or away for a longer time? First hand everything over to the case file or to a colleague, then destroy the data on this laptop. Below is what is still on this laptop.</translation>
    </message>
    <message>
        <source>Klaar: er staan geen gegevens van inwoners meer op deze laptop.</source>
        <translation>Done: there is no resident data left on this laptop.</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Nog over te dragen of te vernietigen</source>
        <translation>Still to transfer or destroy</translation>
    </message>
    <message>
        <source>Inwoner</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Dossiercode</source>
        <translation>Case file code</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gegevensverzoeken</source>
        <translation>Data requests</translation>
    </message>
    <message>
        <source>Verklaringen</source>
        <translation>Statements</translation>
    </message>
    <message>
        <source>Bestanden buiten de opslag</source>
        <translation>Files outside the vault</translation>
    </message>
    <message>
        <source>← &amp;Terug naar overzicht</source>
        <translation>← &amp;Back to overview</translation>
    </message>
    <message>
        <source>Dossier &amp;openen</source>
        <translation>&amp;Open case file</translation>
    </message>
    <message>
        <source>Let op: nog {n} intake(s) op deze laptop.</source>
        <translation>Please note: {n} intake(s) still on this laptop.</translation>
    </message>
</context>
<context>
    <name>InformingDialog</name>
    <message>
        <source>Informeren vastleggen</source>
        <translation>Record informing</translation>
    </message>
    <message>
        <source>Mondelinge toestemming vastleggen</source>
        <translation>Record verbal consent</translation>
    </message>
    <message>
        <source>Op&amp;slaan</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Let op: {0}</source>
        <translation>Please note: {0}</translation>
    </message>
</context>
<context>
    <name>InformingForm</name>
    <message>
        <source>De inwoner informeren en toestemming vastleggen</source>
        <translation>Inform the resident and record consent</translation>
    </message>
    <message>
        <source>opvragen</source>
        <translation>request</translation>
    </message>
    <message>
        <source>De inwoner informeren</source>
        <translation>Informing the resident</translation>
    </message>
    <message>
        <source>delen</source>
        <translation>share</translation>
    </message>
    <message>
        <source>Vertel de inwoner welke gegevens je wilt {0} en waarom. {1} De inwoner mag wel bezwaar maken; schrijf dat dan op.</source>
        <translation>Tell the resident which data you want to {0} and why. {1} The resident may object; if so, write it down.</translation>
    </message>
    <message>
        <source>Vertel de inwoner wat je hebt afgewogen, welke gegevens je wilt {0} en hoe dat helpt bij de ondersteuning. Zeg ook wat nee betekent: {1}</source>
        <translation>Tell the resident what you assessed, which data you want to {0} and how that helps the support. Also say what no means: {1}</translation>
    </message>
    <message>
        <source>De inwoner is &amp;geïnformeerd over de afweging, de gegevens en het doel</source>
        <translation>The resident has been &amp;informed about the assessment, the data and the purpose</translation>
    </message>
    <message>
        <source>Wat zegt de inwoner?</source>
        <translation>What does the resident say?</translation>
    </message>
    <message>
        <source>Geïnfo&amp;rmeerd, de inwoner maakt geen bezwaar</source>
        <translation>Info&amp;rmed, the resident does not object</translation>
    </message>
    <message>
        <source>&amp;Nee, de inwoner maakt bezwaar</source>
        <translation>&amp;No, the resident objects</translation>
    </message>
    <message>
        <source>N&amp;og niet geïnformeerd</source>
        <translation>N&amp;ot informed yet</translation>
    </message>
    <message>
        <source>&amp;Ja, de inwoner stemt in</source>
        <translation>&amp;Yes, the resident agrees</translation>
    </message>
    <message>
        <source>&amp;Nee, de inwoner stemt niet in</source>
        <translation>&amp;No, the resident does not agree</translation>
    </message>
    <message>
        <source>&amp;Deels: de inwoner stemt alleen in met een deel van de gegevens</source>
        <translation>&amp;Partly: the resident agrees to only part of the data</translation>
    </message>
    <message>
        <source>N&amp;og niet gevraagd</source>
        <translation>N&amp;ot asked yet</translation>
    </message>
    <message>
        <source>&amp;Bezwaren van de inwoner (of: de inwoner noemt geen reden)</source>
        <translation>Ob&amp;jections of the resident (or: the resident gives no reason)</translation>
    </message>
    <message>
        <source>Bezwaren van de inwoner</source>
        <translation>Objections of the resident</translation>
    </message>
    <message>
        <source>Met welke gegevens stemt de inwoner wel in?</source>
        <translation>Which data does the resident agree to?</translation>
    </message>
    <message>
        <source>Ik deel &amp;toch, na afstemming (conflict van plichten of vitaal belang)</source>
        <translation>I share &amp;anyway, after consultation (conflict of duties or vital interest)</translation>
    </message>
    <message>
        <source>&amp;Waarom deel je toch?</source>
        <translation>&amp;Why do you share anyway?</translation>
    </message>
    <message>
        <source>Waarom je toch deelt</source>
        <translation>Why you share anyway</translation>
    </message>
    <message>
        <source>&amp;Met welke deskundige collega en welke leidinggevende heb je afgestemd?</source>
        <translation>With which e&amp;xpert colleague and which manager did you consult?</translation>
    </message>
    <message>
        <source>Met wie afgestemd</source>
        <translation>Consulted with</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Gegevensver&amp;zoeken</source>
        <translation>Data re&amp;quests</translation>
    </message>
    <message>
        <source>&amp;Toestemming</source>
        <translation>C&amp;onsent</translation>
    </message>
    <message>
        <source>Verslag &amp;inwoner</source>
        <translation>Report for the &amp;resident</translation>
    </message>
    <message>
        <source>&amp;Overdracht</source>
        <translation>&amp;Transfer</translation>
    </message>
    <message>
        <source>← &amp;Terug naar overzicht</source>
        <translation>← &amp;Back to overview</translation>
    </message>
    <message>
        <source>Inwoner</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Alles is opgeslagen</source>
        <translation>Everything is saved</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Saving</translation>
    </message>
    <message>
        <source>&amp;Klaar voor overdracht</source>
        <translation>&amp;Ready for transfer</translation>
    </message>
    <message>
        <source>Onderdelen van het gesprek</source>
        <translation>Parts of the conversation</translation>
    </message>
    <message>
        <source>Onderde&amp;len:</source>
        <translation>Sectio&amp;ns:</translation>
    </message>
    <message>
        <source>Onderdelen van de intake</source>
        <translation>Parts of the intake</translation>
    </message>
    <message>
        <source>&amp;Gesprek</source>
        <translation>&amp;Conversation</translation>
    </message>
    <message>
        <source>Zorgen over veiligheid: zo ga je verder</source>
        <translation>Concerns about safety: how to go on</translation>
    </message>
    <message>
        <source>Volg de Meldcode huiselijk geweld en kindermishandeling:
1. Breng de signalen in kaart en schrijf ze op.
2. Overleg met een collega of de aandachtsfunctionaris. Veilig Thuis kun je altijd om advies vragen, ook zonder namen.
3. Praat met de inwoner, tenzij dat de veiligheid in gevaar brengt.
4. Weeg af: is er acute of structurele onveiligheid? Dan meld je bij Veilig Thuis.
5. Beslis: hulp organiseren, of melden.
Zijn er kinderen in huis bij zorgen over psychische problemen, verslaving of schulden? Kijk dan ook of de kinderen veilig zijn (kindcheck).</source>
        <translation>Follow the reporting code for domestic violence and child abuse (Meldcode):
1. Map the signals and write them down.
2. Consult a colleague or the designated officer. You can always ask Veilig Thuis for advice, also without names.
3. Talk with the resident, unless that endangers safety.
4. Weigh: is there acute or structural unsafety? Then report to Veilig Thuis.
5. Decide: organise help, or report.
Are there children in the home when there are concerns about mental health problems, addiction or debts? Then also check whether the children are safe (child check).</translation>
    </message>
    <message>
        <source>Gegevens delen of opvragen zonder toestemming kan alleen na een afweging: bij een conflict van plichten, een vitaal belang of het meldrecht. De afweging legt de grond vast en wie je hebt geraadpleegd; een handtekening van de inwoner is dan niet nodig.</source>
        <translation>Sharing or requesting data without consent is only possible after a weighing: in a conflict of duties, a vital interest or under the right to report. The weighing records the ground and whom you consulted; the resident&apos;s signature is then not needed.</translation>
    </message>
    <message>
        <source>Gegevensverzoek aan Veilig Thuis maken…</source>
        <translation>Make a data request to Veilig Thuis…</translation>
    </message>
    <message>
        <source>Gegevensverzoek aan Veilig Thuis maken</source>
        <translation>Make a data request to Veilig Thuis</translation>
    </message>
    <message>
        <source>⚠ controleer de antwoorden</source>
        <translation>⚠ check the answers</translation>
    </message>
    <message>
        <source>ingevuld</source>
        <translation>filled in</translation>
    </message>
    <message>
        <source>✓ compleet</source>
        <translation>✓ complete</translation>
    </message>
    <message>
        <source>{answered} van {total} verplichte vragen</source>
        <translation>{answered} of {total} required questions</translation>
    </message>
    <message>
        <source>Terug naar &amp;concept</source>
        <translation>Back to &amp;draft</translation>
    </message>
    <message>
        <source>Let op: </source>
        <translation>Please note: </translation>
    </message>
    <message>
        <source>Wijzigingen worden opgeslagen…</source>
        <translation>Saving changes…</translation>
    </message>
    <message>
        <source>Opgeslagen om {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Niet opgeslagen — gegevensbestand beschadigd</source>
        <translation>Not saved — data file damaged</translation>
    </message>
    <message>
        <source>Niet opgeslagen — wordt opnieuw geprobeerd</source>
        <translation>Not saved — trying again</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Nog niet alles is opgeslagen. Probeer het zo opnieuw.</source>
        <translation>Not everything has been saved yet. Please try again in a moment.</translation>
    </message>
    <message>
        <source>Status niet gewijzigd</source>
        <translation>Status not changed</translation>
    </message>
</context>
<context>
    <name>LockWarning</name>
    <message>
        <source>Waarschuwing: het programma vergrendelt bijna</source>
        <translation>Warning: the program is about to lock</translation>
    </message>
    <message>
        <source>Het programma vergrendelt over 1 seconde. Beweeg de muis of druk op een toets om door te gaan.</source>
        <translation>The program locks in 1 second. Move the mouse or press a key to carry on.</translation>
    </message>
    <message>
        <source>Het programma vergrendelt over {n} seconden. Beweeg de muis of druk op een toets om door te gaan.</source>
        <translation>The program locks in {n} seconds. Move the mouse or press a key to carry on.</translation>
    </message>
</context>
<context>
    <name>LogbookView</name>
    <message>
        <source>Logboek</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Hier staat wie wat deed in dit programma, zonder inhoud, namen of BSN. Dossiers staan er met hun code (bijvoorbeeld intake-3f9a…).</source>
        <translation>This shows who did what in this program, without content, names or BSN. Case files appear by their code (for example intake-3f9a…).</translation>
    </message>
    <message>
        <source>Vanaf datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Tot en met datum</source>
        <translation>Up to and including date</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Dossiercode</source>
        <translation>Case file code</translation>
    </message>
    <message>
        <source>bijvoorbeeld intake-3f9a…</source>
        <translation>for example intake-3f9a…</translation>
    </message>
    <message>
        <source>&amp;Vanaf:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>T&amp;ot en met:</source>
        <translation>&amp;Until:</translation>
    </message>
    <message>
        <source>&amp;Actie:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>Doss&amp;ier:</source>
        <translation>Case f&amp;ile:</translation>
    </message>
    <message>
        <source>Regels van het logboek</source>
        <translation>Log entries</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Dossier of object</source>
        <translation>Case file or object</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Namens</source>
        <translation>On behalf of</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>← &amp;Terug naar overzicht</source>
        <translation>← &amp;Back to overview</translation>
    </message>
    <message>
        <source>&amp;Controleer keten</source>
        <translation>Check c&amp;hain</translation>
    </message>
    <message>
        <source>&amp;Exporteer CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>Alle acties</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>jij</source>
        <translation>you</translation>
    </message>
    <message>
        <source>{n} regel(s) in deze selectie</source>
        <translation>{n} entry(ies) in this selection</translation>
    </message>
    <message>
        <source>Logboek exporteren</source>
        <translation>Export log</translation>
    </message>
    <message>
        <source>CSV-bestand (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>{n} regel(s) opgeslagen in {file}. Het bestand bevat geen namen, BSN of inhoud.</source>
        <translation>{n} entry(ies) saved in {file}. The file contains no names, BSN or content.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ingelogd als {name} · gegevens versleuteld opgeslagen</source>
        <translation>Logged in as {name} · data stored encrypted</translation>
    </message>
    <message>
        <source>Gegevensbestand beschadigd: er wordt niets meer opgeslagen.</source>
        <translation>Data file damaged: nothing is saved any more.</translation>
    </message>
    <message>
        <source>Even wachten: de gegevens worden opnieuw versleuteld. Dat duurt hooguit een paar seconden.</source>
        <translation>Please wait: the data are being encrypted again. This takes a few seconds at most.</translation>
    </message>
    <message>
        <source>Let op: </source>
        <translation>Please note: </translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Nieuwe intake…</source>
        <translation>&amp;New intake…</translation>
    </message>
    <message>
        <source>&amp;Overzicht van inwoners</source>
        <translation>&amp;Overview of residents</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Sluit de gegevens af; ontgrendel met je wachtwoordzin</source>
        <translation>Closes off the data; unlock with your passphrase</translation>
    </message>
    <message>
        <source>Over&amp;dracht voor afwezigheid</source>
        <translation>Han&amp;dover for absence</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>E&amp;xtra</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Logboek</source>
        <translation>&amp;Log</translation>
    </message>
    <message>
        <source>&amp;Vernietigingsbewijzen</source>
        <translation>&amp;Destruction receipts</translation>
    </message>
    <message>
        <source>&amp;Instellingen</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin wijzigen…</source>
        <translation>&amp;Change passphrase…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Over {app}</source>
        <translation>&amp;About {app}</translation>
    </message>
    <message>
        <source>Deze intake wordt nu vernietigd en kan niet meer worden geopend.</source>
        <translation>This intake is being destroyed now and can no longer be opened.</translation>
    </message>
    <message>
        <source>• (geen)</source>
        <translation>• (none)</translation>
    </message>
    <message>
        <source>Nieuwe versie van het gespreksformulier</source>
        <translation>New version of the conversation form</translation>
    </message>
    <message>
        <source>Dit concept is begonnen met versie {old} van het formulier. Er is nu versie {new}. Wat je typte blijft bewaard.</source>
        <translation>This draft was started with version {old} of the form. There is now version {new}. What you typed is kept.</translation>
    </message>
    <message>
        <source>Als je overstapt, verandert dit:</source>
        <translation>If you switch, this changes:</translation>
    </message>
    <message>
        <source>Je wachtwoordzin is gewijzigd.</source>
        <translation>Your passphrase has been changed.</translation>
    </message>
    <message>
        <source>Let op: je hebt je wachtwoordzin al {days} dagen niet gewijzigd. Kies een nieuwe; zo blijft de kans klein dat iemand anders hem kent.</source>
        <translation>Please note: you have not changed your passphrase for {days} days. Choose a new one; that keeps the chance small that someone else knows it.</translation>
    </message>
    <message>
        <source>Doorgaan met versie {old}</source>
        <translation>Continue with version {old}</translation>
    </message>
    <message>
        <source>Overstappen op versie {new}</source>
        <translation>Switch to version {new}</translation>
    </message>
    <message>
        <source>Herinnering wachtwoordzin</source>
        <translation>Passphrase reminder</translation>
    </message>
    <message>
        <source>Wachtwoordzin &amp;nu wijzigen…</source>
        <translation>Change passphrase &amp;now…</translation>
    </message>
    <message>
        <source>Over {app}</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <source>Versleuteld notitieblok voor sociale wijkteams.</source>
        <translation>Encrypted notebook for social neighbourhood teams.</translation>
    </message>
</context>
<context>
    <name>NewIntakeDialog</name>
    <message>
        <source>Nieuwe intake</source>
        <translation>New intake</translation>
    </message>
    <message>
        <source>Naam van de inwoner</source>
        <translation>Name of the resident</translation>
    </message>
    <message>
        <source>dd-mm-jjjj (mag leeg)</source>
        <translation>dd-mm-yyyy (may be empty)</translation>
    </message>
    <message>
        <source>Geboortedatum van de inwoner</source>
        <translation>Date of birth of the resident</translation>
    </message>
    <message>
        <source>&amp;Naam van de inwoner:</source>
        <translation>&amp;Name of the resident:</translation>
    </message>
    <message>
        <source>&amp;Geboortedatum:</source>
        <translation>&amp;Date of birth:</translation>
    </message>
    <message>
        <source>Intake &amp;starten</source>
        <translation>&amp;Start intake</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Fout: {problem}</source>
        <translation>Error: {problem}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Wachtwoordzin wijzigen</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Kies een nieuwe wachtwoordzin die alleen jij kent: een paar woorden achter elkaar, minstens 12 tekens, en niet dezelfde als elders. Schrijf hem nergens op.</source>
        <translation>Choose a new passphrase that only you know: a few words in a row, at least 12 characters, and not the same as elsewhere. Do not write it down anywhere.</translation>
    </message>
    <message>
        <source>Huidige wachtwoordzin</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Herhaal nieuwe wachtwoordzin</source>
        <translation>Repeat new passphrase</translation>
    </message>
    <message>
        <source>Sterkte van de nieuwe wachtwoordzin</source>
        <translation>Strength of the new passphrase</translation>
    </message>
    <message>
        <source>Bezig: je gegevens worden opnieuw versleuteld met de nieuwe wachtwoordzin…</source>
        <translation>Working: your data are being encrypted again with the new passphrase…</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Huidige wachtwoordzin:</source>
        <translation>&amp;Current passphrase:</translation>
    </message>
    <message>
        <source>&amp;Nieuwe wachtwoordzin:</source>
        <translation>&amp;New passphrase:</translation>
    </message>
    <message>
        <source>Sterkte:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>He&amp;rhaal:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>&amp;Wijzigen</source>
        <translation>Chan&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Fout: {problem}</source>
        <translation>Error: {problem}</translation>
    </message>
    <message>
        <source>De nieuwe wachtwoordzin is gelijk aan de huidige. Kies een andere.</source>
        <translation>The new passphrase is the same as the current one. Choose another one.</translation>
    </message>
    <message>
        <source>Het programma is nog bezig met een vernietiging of een andere sleutelwijziging. Probeer het zo opnieuw.</source>
        <translation>The program is still busy with a destruction or another key change. Try again in a moment.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Voorbeeld van het document</source>
        <translation>Preview of the document</translation>
    </message>
    <message>
        <source>{0} pagina(&apos;s). Scroll met de pijltjes of Page Down.</source>
        <translation>{0} page(s). Scroll with the arrow keys or Page Down.</translation>
    </message>
    <message>
        <source>&amp;Printen…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>ReadinessDialog</name>
    <message>
        <source>Nog niet klaar voor overdracht</source>
        <translation>Not ready for transfer yet</translation>
    </message>
    <message>
        <source>Er ontbreekt nog iets ({0} punten). Vul dit eerst aan en kies daarna opnieuw Klaar voor overdracht. Klik op een punt om ernaar toe te gaan.</source>
        <translation>Something is still missing ({0} points). Complete it first, then choose Ready for transfer again. Click a point to go there.</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>ReceiptsView</name>
    <message>
        <source>&amp;Vernietigingsbewijzen</source>
        <translation>&amp;Destruction receipts</translation>
    </message>
    <message>
        <source>Hier staat elk concept dat je hebt vernietigd: wanneer, voor welk dossier en wat er is gewist. Er staan geen namen of inhoud in. Je kunt dit laten zien aan de privacyfunctionaris.</source>
        <translation>Here is every draft you destroyed: when, for which case file and what was wiped. There are no names or content in it. You can show this to the privacy officer.</translation>
    </message>
    <message>
        <source>Het concept is vernietigd. Er staat niets meer van op deze laptop; ook het klembord is gewist. Hieronder zie je het bewijs.</source>
        <translation>The draft has been destroyed. Nothing of it is left on this laptop; the clipboard has been cleared too. The receipt is below.</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Lijst van vernietigingsbewijzen</source>
        <translation>List of destruction receipts</translation>
    </message>
    <message>
        <source>Vernietigd op</source>
        <translation>Destroyed on</translation>
    </message>
    <message>
        <source>Dossiernummer</source>
        <translation>Case file number</translation>
    </message>
    <message>
        <source>Wat is vernietigd</source>
        <translation>What was destroyed</translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Je hebt nog geen concepten vernietigd.</source>
        <translation>You have not destroyed any drafts yet.</translation>
    </message>
    <message>
        <source>&amp;Gekozen bewijs</source>
        <translation>Selected &amp;receipt</translation>
    </message>
    <message>
        <source>Bewijs van vernietiging</source>
        <translation>Proof of destruction</translation>
    </message>
    <message>
        <source>← &amp;Terug naar overzicht</source>
        <translation>← &amp;Back to overview</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nog niet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Geen bewijs gekozen.</source>
        <translation>No receipt selected.</translation>
    </message>
</context>
<context>
    <name>RefusedDialog</name>
    <message>
        <source>Toestemming geweigerd</source>
        <translation>Consent refused</translation>
    </message>
    <message>
        <source>Datum van weigeren</source>
        <translation>Date of refusal</translation>
    </message>
    <message>
        <source>Waarom de inwoner weigert</source>
        <translation>Why the resident refuses</translation>
    </message>
    <message>
        <source>Of schrijf: geen reden gegeven</source>
        <translation>Or write: no reason given</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Waarom weigert de inwoner?</source>
        <translation>&amp;Why does the resident refuse?</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Fout: schrijf op waarom de inwoner weigert, of &apos;geen reden gegeven&apos;.</source>
        <translation>Error: write down why the resident refuses, or &apos;no reason given&apos;.</translation>
    </message>
</context>
<context>
    <name>ResidentReportPanel</name>
    <message>
        <source>Verslag voor de inwoner</source>
        <translation>Report for the resident</translation>
    </message>
    <message>
        <source>De inwoner krijgt een verslag van het onderzoek, in gewone woorden: de vraag, wat jullie bespraken, de doelen en de afspraken. Geef het op papier mee, of laat het op het scherm lezen en tekenen. Wat de inwoner erover zegt, leg je hieronder vast. Het gaat mee naar het dossier.</source>
        <translation>The resident gets a report of the investigation, in plain words: the question, what you discussed, the goals and the agreements. Hand it over on paper, or let it be read and signed on the screen. Record below what the resident says about it. It goes to the file.</translation>
    </message>
    <message>
        <source>&amp;Voorbeeld bekijken</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Printen…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Op het &amp;scherm laten tekenen…</source>
        <translation>Sign on the &amp;screen…</translation>
    </message>
    <message>
        <source>Schreef de inwoner opmerkingen op het papier, of zei de inwoner iets over het verslag? Typ het hier over, in de woorden van de inwoner.</source>
        <translation>Did the resident write remarks on the paper, or say something about the report? Type it here, in the resident&apos;s words.</translation>
    </message>
    <message>
        <source>Opmerkingen van de inwoner</source>
        <translation>The resident&apos;s remarks</translation>
    </message>
    <message>
        <source>Op&amp;merkingen van de inwoner</source>
        <translation>The resident&apos;s re&amp;marks</translation>
    </message>
    <message>
        <source>Opmerkingen be&amp;waren</source>
        <translation>S&amp;ave remarks</translation>
    </message>
    <message>
        <source>Verslag {0}.</source>
        <translation>Report {0}.</translation>
    </message>
    <message>
        <source>Tekenen: {0}.</source>
        <translation>Signing: {0}.</translation>
    </message>
    <message>
        <source>Getekend op het scherm op {0}.</source>
        <translation>Signed on the screen on {0}.</translation>
    </message>
    <message>
        <source>Let op: de intake is daarna veranderd. Laat het verslag zo nodig opnieuw tekenen.</source>
        <translation>Note: the intake changed after that. Have the report signed again if needed.</translation>
    </message>
    <message>
        <source>Nog niet op het scherm getekend.</source>
        <translation>Not signed on the screen yet.</translation>
    </message>
    <message>
        <source>Op het scherm tekenen kan nog niet: </source>
        <translation>Signing on the screen is not possible yet: </translation>
    </message>
    <message>
        <source>Even wachten: het programma is nog bezig met deze intake.</source>
        <translation>Please wait: the program is still busy with this intake.</translation>
    </message>
    <message>
        <source>Fout: </source>
        <translation>Error: </translation>
    </message>
    <message>
        <source>Verslag voor de inwoner, getekend op het scherm</source>
        <translation>Report for the resident, signed on the screen</translation>
    </message>
    <message>
        <source>Het verslag is getekend op het scherm en bewaard, met de opmerkingen. Zet het bij de overdracht als pdf in het dossier.</source>
        <translation>The report was signed on the screen and saved, with the remarks. At the transfer, put it in the file as a PDF.</translation>
    </message>
    <message>
        <source>De opmerkingen zijn te lang.</source>
        <translation>The remarks are too long.</translation>
    </message>
    <message>
        <source>De opmerkingen zijn bewaard. Het getekende verslag houdt de opmerkingen van het tekenen; deze gaan apart mee naar het dossier.</source>
        <translation>The remarks are saved. The signed report keeps the remarks made when signing; these go to the file separately.</translation>
    </message>
    <message>
        <source>De opmerkingen zijn bewaard.</source>
        <translation>The remarks are saved.</translation>
    </message>
</context>
<context>
    <name>ResidentSignDialog</name>
    <message>
        <source>Verslag {0} tekenen op het scherm</source>
        <translation>Sign report {0} on the screen</translation>
    </message>
    <message>
        <source>Geef de laptop aan de inwoner. Lees zo nodig samen. De inwoner kan opmerkingen typen en tekent daarna met muis, pen of vinger. Op de laatste pagina controleer je alles en sla je op.</source>
        <translation>Hand the laptop to the resident. Read together if needed. The resident can type remarks and then signs with mouse, pen or finger. On the last page you check everything and save.</translation>
    </message>
    <message>
        <source>Neem de laptop terug. Kijk of iedereen heeft getekend. Vul de plaats in als die leeg is. Na &apos;Opslaan&apos; maakt het programma het getekende verslag, met de opmerkingen.</source>
        <translation>Take the laptop back. Check that everyone has signed. Fill in the place if it is empty. After &apos;Save&apos; the program makes the signed report, with the remarks.</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <source>Antwoord van de organisatie</source>
        <translation>The organisation&apos;s answer</translation>
    </message>
    <message>
        <source>Wat heeft {0} geantwoord?</source>
        <translation>What did {0} answer?</translation>
    </message>
    <message>
        <source>Op&amp;slaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Toelichting (niet verplicht)</source>
        <translation>&amp;Note (optional)</translation>
    </message>
    <message>
        <source>Toelichting bij het antwoord</source>
        <translation>Note on the answer</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Let op: {0}</source>
        <translation>Please note: {0}</translation>
    </message>
    <message>
        <source>Kies wat de organisatie heeft gegeven.</source>
        <translation>Choose what the organisation gave.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Werkwijze</source>
        <translation>Way of working</translation>
    </message>
    <message>
        <source>Privacyprotocol</source>
        <translation>Privacy protocol</translation>
    </message>
    <message>
        <source>Zwolle: vier stappen</source>
        <translation>Zwolle: four steps</translation>
    </message>
    <message>
        <source>Zutphen: vier afwegingen</source>
        <translation>Zutphen: four assessments</translation>
    </message>
    <message>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Waarschuwing bij oud concept</source>
        <translation>Warning for old draft</translation>
    </message>
    <message>
        <source>&amp;Privacyprotocol:</source>
        <translation>&amp;Privacy protocol:</translation>
    </message>
    <message>
        <source>Waarschuw bij &amp;concept ouder dan:</source>
        <translation>Warn about dra&amp;fts older than:</translation>
    </message>
    <message>
        <source>Taal van het programma</source>
        <translation>Language of the program</translation>
    </message>
    <message>
        <source>Zoals de computer</source>
        <translation>Same as the computer</translation>
    </message>
    <message>
        <source>T&amp;aal:</source>
        <translation>L&amp;anguage:</translation>
    </message>
    <message>
        <source>Beveiliging</source>
        <translation>Security</translation>
    </message>
    <message>
        <source> minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen na</source>
        <translation>Lock automatically after</translation>
    </message>
    <message>
        <source> seconden</source>
        <translation> seconds</translation>
    </message>
    <message>
        <source>Klembord wissen na</source>
        <translation>Clear clipboard after</translation>
    </message>
    <message>
        <source>Herinnering nieuwe wachtwoordzin na</source>
        <translation>Reminder for a new passphrase after</translation>
    </message>
    <message>
        <source>Vensters met gegevens van inwoners buiten schermopnamen ho&amp;uden</source>
        <translation>Keep windows with residents&apos; data o&amp;ut of screen captures</translation>
    </message>
    <message>
        <source>Her&amp;innering wachtwoordzin na:</source>
        <translation>Passphrase rem&amp;inder after:</translation>
    </message>
    <message>
        <source>Ad&amp;res:</source>
        <translation>Add&amp;ress:</translation>
    </message>
    <message>
        <source>Schermopname blokkeren</source>
        <translation>Block screen capture</translation>
    </message>
    <message>
        <source>Deze instellingen gelden voor je profiel op deze computer en worden versleuteld bewaard. Grijze velden zijn door de gemeente vastgesteld.</source>
        <translation>These settings apply to your profile on this computer and are stored encrypted. Grey fields have been set by the municipality.</translation>
    </message>
    <message>
        <source> dag</source>
        <translation> day</translation>
    </message>
    <message>
        <source>Een andere taal gaat in als je vergrendelt (Ctrl+L) en weer ontgrendelt. Toestemmingsverklaringen blijven in het Nederlands.</source>
        <translation>Another language takes effect when you lock (Ctrl+L) and unlock again. Consent statements stay in Dutch.</translation>
    </message>
    <message>
        <source>Je functie</source>
        <translation>Your job title</translation>
    </message>
    <message>
        <source>&amp;Je functie:</source>
        <translation>Your &amp;job title:</translation>
    </message>
    <message>
        <source>Je beroepsregistratie</source>
        <translation>Your professional registration</translation>
    </message>
    <message>
        <source>Ben je &amp;zelf geregistreerd?</source>
        <translation>Professional re&amp;gistration:</translation>
    </message>
    <message>
        <source>Je registratienummer</source>
        <translation>Your registration number</translation>
    </message>
    <message>
        <source>Registratienummer (niet &amp;verplicht):</source>
        <translation>Registration &amp;number:</translation>
    </message>
    <message>
        <source>Plaats van ondertekening</source>
        <translation>Place of signing</translation>
    </message>
    <message>
        <source>Plaats van on&amp;dertekening:</source>
        <translation>Place of &amp;signing (on the screen):</translation>
    </message>
    <message>
        <source>Je functie komt op de toestemmingsverklaring. Ben je BIG- of SKJ-geregistreerd? Dan geldt je eigen beroepscode als je gegevens deelt; de afweging houdt daar rekening mee.</source>
        <translation>Your job title goes on the consent statement. Are you BIG- or SKJ-registered? Then your own professional code applies when you share data; the assessment takes that into account.</translation>
    </message>
    <message>
        <source> minuut</source>
        <translation> minute</translation>
    </message>
    <message>
        <source> seconde</source>
        <translation> second</translation>
    </message>
    <message>
        <source>Op deze computer: {status}.</source>
        <translation>On this computer: {status}.</translation>
    </message>
    <message>
        <source>Automatisch ver&amp;grendelen na:</source>
        <translation>Auto-&amp;lock after:</translation>
    </message>
    <message>
        <source>&amp;Klembord wissen na:</source>
        <translation>&amp;Clear clipboard after:</translation>
    </message>
    <message>
        <source>Gemeente en team</source>
        <translation>Municipality and team</translation>
    </message>
    <message>
        <source>Naam van de gemeente</source>
        <translation>Name of the municipality</translation>
    </message>
    <message>
        <source>Naam van het team</source>
        <translation>Name of the team</translation>
    </message>
    <message>
        <source>Telefoonnummer van het team</source>
        <translation>Phone number of the team</translation>
    </message>
    <message>
        <source>E-mailadres van het team</source>
        <translation>Email address of the team</translation>
    </message>
    <message>
        <source>Adres van het team</source>
        <translation>Address of the team</translation>
    </message>
    <message>
        <source>Voor documenten. Telefoon, e-mail en adres komen in de toestemmingsverklaring: daar staat hoe de inwoner zijn toestemming kan intrekken.</source>
        <translation>For documents. Phone, email and address go into the consent statement: it says how the resident can withdraw consent.</translation>
    </message>
    <message>
        <source>Geen logo gekozen</source>
        <translation>No logo chosen</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>&amp;Logo kiezen…</source>
        <translation>Choose l&amp;ogo…</translation>
    </message>
    <message>
        <source>Logo &amp;weghalen</source>
        <translation>Re&amp;move logo</translation>
    </message>
    <message>
        <source>Gemee&amp;nte:</source>
        <translation>M&amp;unicipality:</translation>
    </message>
    <message>
        <source>Tea&amp;m:</source>
        <translation>Tea&amp;m:</translation>
    </message>
    <message>
        <source>Tele&amp;foon:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>Privacy-informatie op de verklaring</source>
        <translation>Privacy information on the statement</translation>
    </message>
    <message>
        <source>Dit komt op de toestemmingsverklaring: wie de inwoner over privacy kan vragen, waar de privacyverklaring staat en hoe lang de gegevens en de verklaring worden bewaard (AVG art. 13). Zonder e-mail of telefoon van de FG, de privacyverklaring en beide bewaartermijnen kun je geen verklaring maken.</source>
        <translation>This is printed on the consent statement: whom the resident can ask about privacy, where the privacy statement is and how long the data and the statement are kept (GDPR art. 13). Without the FG&apos;s e-mail or phone, the privacy statement and both retention periods you cannot make a statement.</translation>
    </message>
    <message>
        <source>Vastgesteld door de gemeente</source>
        <translation>Set by the municipality</translation>
    </message>
    <message>
        <source>Toestemming geldig:</source>
        <translation>Consent valid:</translation>
    </message>
    <message>
        <source>BSN op de toestemmingsverklaring:</source>
        <translation>BSN on the consent statement:</translation>
    </message>
    <message>
        <source>BSN in het gespreksverslag:</source>
        <translation>BSN in the conversation report:</translation>
    </message>
    <message>
        <source>Concept vernietigen na overdracht:</source>
        <translation>Destroy the draft after the transfer:</translation>
    </message>
    <message>
        <source>Deze keuzes maakt de gemeente (de wettelijke grondslag voor het BSN, hoe lang toestemming geldt, wanneer concepten worden vernietigd).</source>
        <translation>The municipality makes these choices (the legal basis for the BSN, how long consent holds, when drafts are destroyed).</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>← &amp;Terug naar overzicht</source>
        <translation>← &amp;Back to overview</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken</source>
        <translation>Un&amp;do</translation>
    </message>
    <message>
        <source>Op&amp;slaan</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>1 maand na ondertekening</source>
        <translation>1 month after signing</translation>
    </message>
    <message>
        <source>{n} maanden na ondertekening</source>
        <translation>{n} months after signing</translation>
    </message>
    <message>
        <source>direct na het bevestigen van de overdracht</source>
        <translation>right after the transfer is confirmed</translation>
    </message>
    <message>
        <source>1 minuut na het bevestigen</source>
        <translation>1 minute after confirming</translation>
    </message>
    <message>
        <source>{n} minuten na het bevestigen</source>
        <translation>{n} minutes after confirming</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Let op: de gekozen waarde &apos;{0}&apos; bestaat niet meer. Kies er een uit de lijst en sla op.</source>
        <translation>Please note: the chosen value &apos;{0}&apos; no longer exists. Choose one from the list and save.</translation>
    </message>
    <message>
        <source>Niet opgeslagen. Verbeter dit eerst:</source>
        <translation>Not saved. Correct this first:</translation>
    </message>
    <message>
        <source>De instellingen zijn opgeslagen.</source>
        <translation>The settings have been saved.</translation>
    </message>
    <message>
        <source>Logo kiezen</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Afbeelding (*.png *.jpg *.jpeg)</source>
        <translation>Image (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>SignOnScreenDialog</name>
    <message>
        <source>Verklaring {0} tekenen op het scherm</source>
        <translation>Sign statement {0} on the screen</translation>
    </message>
    <message>
        <source>Geef de laptop aan de inwoner. Lees zo nodig samen. Ieder die tekent kiest op een eigen pagina ja of nee en tekent met muis, pen of vinger. Op de laatste pagina controleer je alles en sla je op.</source>
        <translation>Hand the laptop to the resident. Read together if needed. Everyone who signs chooses yes or no on a page of their own and signs with the mouse, a pen or a finger. On the last page you check everything and save.</translation>
    </message>
    <message>
        <source>&amp;Vorige</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Vol&amp;gende</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Op&amp;slaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Voor jou: controleer en sla op</source>
        <translation>For you: check and save</translation>
    </message>
    <message>
        <source>Neem de laptop terug. Kijk of iedereen heeft gekozen en getekend. Vul de plaats in als die leeg is. Na &apos;Opslaan&apos; maakt het programma de getekende verklaring; die kun je daarna bekijken met &apos;Voorbeeld bekijken&apos;.</source>
        <translation>Take the laptop back. Check that everyone has chosen and signed. Fill in the place if it is empty. After &apos;Save&apos; the program makes the signed statement; you can then look at it with &apos;View&apos;.</translation>
    </message>
    <message>
        <source>&amp;Plaats van ondertekening</source>
        <translation>&amp;Place of signing</translation>
    </message>
    <message>
        <source>Plaats van ondertekening</source>
        <translation>Place of signing</translation>
    </message>
    <message>
        <source>Pagina {0} van {1}</source>
        <translation>Page {0} of {1}</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>heeft getekend</source>
        <translation>has signed</translation>
    </message>
    <message>
        <source>heeft nog niet getekend</source>
        <translation>has not signed yet</translation>
    </message>
    <message>
        <source>Datum en tijd: {0}</source>
        <translation>Date and time: {0}</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Teken hier uw handtekening</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SignedDialog</name>
    <message>
        <source>Verklaring {0} getekend</source>
        <translation>Statement {0} signed</translation>
    </message>
    <message>
        <source>Wat staat er op het getekende papier?</source>
        <translation>What does the signed paper say?</translation>
    </message>
    <message>
        <source>Neem over wat op de verklaring staat: wie heeft getekend en op welke datum, en per onderdeel het vakje Ja of Nee van iedere ondertekenaar. Is een vakje leeg of niet te lezen, kies dan &apos;leeg&apos;. Een Nee telt: dat onderdeel mag niet weg. Tekent iemand later, leg dat dan later vast; wat al is vastgelegd, staat hier al.</source>
        <translation>Copy what the statement says: who signed and on which date, and per item the Yes or No box of each signer. If a box is empty or cannot be read, choose &apos;empty&apos;. A No counts: that item may not be sent. If someone signs later, record that later; what is already recorded is shown here.</translation>
    </message>
    <message>
        <source>Deze verklaring is gemaakt met het oude formulier: daarop staat één kolom Ja/Nee voor iedereen. Neem die keuzes over in de kolom &apos;Gezamenlijke keuze (oud formulier)&apos;.</source>
        <translation>This statement was made with the old form: it has one Yes/No column for everyone. Copy those choices into the column &apos;Shared choice (old form)&apos;.</translation>
    </message>
    <message>
        <source>Gezamenlijke keuze (oud formulier)</source>
        <translation>Shared choice (old form)</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Heeft getekend</source>
        <translation>Has signed</translation>
    </message>
    <message>
        <source>Datum van tekenen</source>
        <translation>Date of signing</translation>
    </message>
    <message>
        <source>heeft getekend</source>
        <translation>has signed</translation>
    </message>
    <message>
        <source>{0} heeft getekend</source>
        <translation>{0} has signed</translation>
    </message>
    <message>
        <source>Datum waarop {0} tekende</source>
        <translation>Date on which {0} signed</translation>
    </message>
    <message>
        <source>niet van toepassing</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <source>beslist hier niet over</source>
        <translation>does not decide on this</translation>
    </message>
    <message>
        <source>Alleen informatie (wettelijke taak), niets te kiezen:</source>
        <translation>Information only (statutory task), nothing to choose:</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Fout: </source>
        <translation>Error: </translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>Overdracht naar het dossier</source>
        <translation>Transfer to the case file</translation>
    </message>
    <message>
        <source>1. Verslag kopiëren</source>
        <translation>1. Copy report</translation>
    </message>
    <message>
        <source>Kopieer een onderdeel en plak het in het dossier. Het klembord wordt daarna vanzelf gewist.</source>
        <translation>Copy a part and paste it into the case file. The clipboard is then cleared automatically.</translation>
    </message>
    <message>
        <source>Klembord</source>
        <translation>Clipboard</translation>
    </message>
    <message>
        <source>Bewijs van vernietiging</source>
        <translation>Proof of destruction</translation>
    </message>
    <message>
        <source>Opgeslagen bestanden</source>
        <translation>Saved files</translation>
    </message>
    <message>
        <source>Dit bewijs staat ook in het logboek. Het bevat geen inhoud, alleen wat en hoeveel er is vernietigd.</source>
        <translation>This proof is also in the log. It contains no content, only what was destroyed and how much.</translation>
    </message>
    <message>
        <source>Let op: een pdf-bestand is niet versleuteld. Bewaar het alleen zolang nodig. Het programma onthoudt waar het staat en wist het bij het vernietigen van het concept.</source>
        <translation>Please note: a PDF file is not encrypted. Keep it only as long as needed. The program remembers where it is and wipes it when the draft is destroyed.</translation>
    </message>
    <message>
        <source>Verslag op&amp;slaan als pdf…</source>
        <translation>&amp;Save report as PDF…</translation>
    </message>
    <message>
        <source>Verslag opslaan als pdf</source>
        <translation>Save report as PDF</translation>
    </message>
    <message>
        <source>3. Controlelijst overdracht</source>
        <translation>3. Transfer checklist</translation>
    </message>
    <message>
        <source>&amp;Dossiernummer (verplicht)</source>
        <translation>Case file &amp;number (required)</translation>
    </message>
    <message>
        <source>Dossiernummer</source>
        <translation>Case file number</translation>
    </message>
    <message>
        <source>bijvoorbeeld TOP-2026-00417</source>
        <translation>for example TOP-2026-00417</translation>
    </message>
    <message>
        <source>Het nummer van het dossier in het dossiersysteem. Niet het BSN.</source>
        <translation>The number of the case file in the case management system. Not the BSN.</translation>
    </message>
    <message>
        <source>Het ve&amp;rslag staat in het dossier</source>
        <translation>The &amp;report is in the case file</translation>
    </message>
    <message>
        <source>Getekende &amp;toestemmingsverklaringen zijn gescand</source>
        <translation>Signed &amp;consent statements have been scanned</translation>
    </message>
    <message>
        <source>Mijn &amp;papieren aantekeningen zijn versnipperd</source>
        <translation>My &amp;paper notes have been shredded</translation>
    </message>
    <message>
        <source>Controlelijst</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Bevestig overdracht</source>
        <translation>Confirm transfer</translation>
    </message>
    <message>
        <source>Overdracht</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>4. Concept vernietigen</source>
        <translation>4. Destroy draft</translation>
    </message>
    <message>
        <source>Vernietigen wist alles van deze intake op deze laptop: antwoorden, aantekeningen, gegevensverzoeken, toestemmingsverklaringen en opgeslagen bestanden. Daarna wordt de sleutel van de opslag vervangen, zodat ook oude kopieën onleesbaar zijn. Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Destroying wipes everything of this intake on this laptop: answers, notes, data requests, consent statements and saved files. Then the key of the storage is replaced, so that old copies are unreadable too. This cannot be undone.</translation>
    </message>
    <message>
        <source>&amp;Vernietig concept…</source>
        <translation>&amp;Destroy draft…</translation>
    </message>
    <message>
        <source>Vernietig concept</source>
        <translation>Destroy draft</translation>
    </message>
    <message>
        <source>Voortgang vernietigen</source>
        <translation>Destruction progress</translation>
    </message>
    <message>
        <source>%v van %m stappen</source>
        <translation>%v of %m steps</translation>
    </message>
    <message>
        <source>Eerst klaar voor overdracht</source>
        <translation>First ready for transfer</translation>
    </message>
    <message>
        <source>Kies hieronder Klaar voor overdracht. Het programma kijkt dan of alles is ingevuld en laat zien wat nog ontbreekt.</source>
        <translation>Choose Ready for transfer below. The program then checks whether everything is filled in and shows what is still missing.</translation>
    </message>
    <message>
        <source>Klaar voor overdracht</source>
        <translation>Ready for transfer</translation>
    </message>
    <message>
        <source>Opgeslagen en bijgehouden:</source>
        <translation>Saved and tracked:</translation>
    </message>
    <message>
        <source>Nog geen pdf opgeslagen.</source>
        <translation>No PDF saved yet.</translation>
    </message>
    <message>
        <source>De {0} getekende &amp;toestemmingsverklaringen en het verslag voor de inwoner staan in het dossier (gescand of pdf)</source>
        <translation>The {0} signed &amp;consent statements and the report for the resident are in the case file (scanned or PDF)</translation>
    </message>
    <message>
        <source>De getekende &amp;toestemmingsverklaring staat als pdf in het dossier</source>
        <translation>The signed &amp;consent statement is in the case file as PDF</translation>
    </message>
    <message>
        <source>De {0} &amp;toestemmingsverklaringen staan in het dossier (gescand of pdf)</source>
        <translation>The {0} signed &amp;consent statements are in the case file (scanned or PDF)</translation>
    </message>
    <message>
        <source>Overgedragen naar dossier {0} op {1}.</source>
        <translation>Transferred to case file {0} on {1}.</translation>
    </message>
    <message>
        <source>Het verslag kon niet worden gemaakt. Controleer de antwoorden op het tabblad Gesprek.</source>
        <translation>The report could not be made. Check the answers on the Conversation tab.</translation>
    </message>
    <message>
        <source>Let op: </source>
        <translation>Please note: </translation>
    </message>
    <message>
        <source>Kopieer</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Kopieer onderdeel {0}</source>
        <translation>Copy part {0}</translation>
    </message>
    <message>
        <source>Gekopieerd: {0}. Plak het in het dossier. Het klembord wordt over {1} seconden gewist.</source>
        <translation>Copied: {0}. Paste it into the case file. The clipboard is cleared in {1} seconds.</translation>
    </message>
    <message>
        <source>Het klembord is gewist.</source>
        <translation>The clipboard has been cleared.</translation>
    </message>
    <message>
        <source>Het klembord bevat iets anders; dat is niet gewist.</source>
        <translation>The clipboard holds something else; that has not been cleared.</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Het concept wordt over {0} minuten vanzelf vernietigd. Je kunt het ook nu vernietigen.</source>
        <translation>The draft will be destroyed automatically in {0} minutes. You can also destroy it now.</translation>
    </message>
    <message>
        <source>Wil je het concept van deze intake nu vernietigen?</source>
        <translation>Do you want to destroy the draft of this intake now?</translation>
    </message>
    <message>
        <source>Opgeslagen: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Zet het verslag in het dossier: kopieer het per onderdeel of sla het op als pdf. Vink daarna de controlelijst af en bevestig de overdracht. Dan vernietig je het concept op deze laptop.</source>
        <translation>Put the report in the case file: copy it part by part or save it as a PDF. Then tick off the checklist and confirm the transfer. After that you destroy the draft on this laptop.</translation>
    </message>
    <message>
        <source>2. Verslag opslaan (als je dat nodig hebt)</source>
        <translation>2. Save report (if you need to)</translation>
    </message>
    <message>
        <source>Er is op het scherm getekend. Zet wat getekend is als pdf in het dossier: anders is er na het vernietigen geen bewijs meer.</source>
        <translation>Something was signed on the screen. Put what was signed into the case file as PDF: otherwise there is no proof left after destruction.</translation>
    </message>
    <message>
        <source>Op het scherm getekende stukken opslaan als pdf…</source>
        <translation>Save the documents signed on the screen as PDF…</translation>
    </message>
    <message>
        <source>Op het scherm getekende stukken opslaan als pdf</source>
        <translation>Save the documents signed on the screen as PDF</translation>
    </message>
    <message>
        <source>Be&amp;vestig overdracht</source>
        <translation>C&amp;onfirm transfer</translation>
    </message>
    <message>
        <source>Klaar voor overdracht…</source>
        <translation>Ready for transfer…</translation>
    </message>
    <message>
        <source>Het ge&amp;tekende verslag voor de inwoner staat als pdf in het dossier</source>
        <translation>The si&amp;gned report for the resident is in the case file as PDF</translation>
    </message>
    <message>
        <source>Geen getekende &amp;toestemmingsverklaringen: niets te scannen</source>
        <translation>No signed consent s&amp;tatements: nothing to scan</translation>
    </message>
    <message>
        <source>De getekende &amp;toestemmingsverklaring is gescand en in het dossier gezet</source>
        <translation>The signed consent s&amp;tatement has been scanned and put in the case file</translation>
    </message>
    <message>
        <source>De {0} getekende &amp;toestemmingsverklaringen zijn gescand en in het dossier gezet</source>
        <translation>The {0} signed consent s&amp;tatements have been scanned and put in the case file</translation>
    </message>
    <message>
        <source>Map voor de getekende stukken</source>
        <translation>Folder for the signed documents</translation>
    </message>
    <message>
        <source>Even wachten: het programma is nog bezig met deze intake of met een sleutelwijziging.</source>
        <translation>Please wait: the program is still busy with this intake or with a key change.</translation>
    </message>
    <message>
        <source>Concept vernietigen</source>
        <translation>Destroy draft</translation>
    </message>
    <message>
        <source>Alles van deze intake wordt van de laptop gewist, ook opgeslagen pdf-bestanden. Dit kan niet ongedaan worden gemaakt. Het dossier zelf verandert niet.</source>
        <translation>Everything of this intake is wiped from the laptop, including saved PDF files. This cannot be undone. The case file itself does not change.</translation>
    </message>
    <message>
        <source>&amp;Vernietigen</source>
        <translation>&amp;Destroy</translation>
    </message>
    <message>
        <source>&amp;Niet nu</source>
        <translation>&amp;Not now</translation>
    </message>
    <message>
        <source>Bezig met vernietigen…</source>
        <translation>Destroying…</translation>
    </message>
    <message>
        <source>Klaar.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Het concept is vernietigd. Er staat niets meer van op deze laptop; ook het klembord is gewist.</source>
        <translation>The draft has been destroyed. Nothing of it is left on this laptop; the clipboard has been cleared too.</translation>
    </message>
    <message>
        <source>Deze intake is vernietigd. Het bewijs staat in het logboek.</source>
        <translation>This intake has been destroyed. The proof is in the log.</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>{app} — ontgrendelen</source>
        <translation>{app} — unlock</translation>
    </message>
    <message>
        <source>Versleuteld notitieblok voor het keukentafelgesprek</source>
        <translation>Encrypted notebook for the kitchen-table conversation</translation>
    </message>
    <message>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Profiel</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Wachtwoordzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Ontgrendelen</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Nieuw profiel aanmaken</source>
        <translation>&amp;New profile</translation>
    </message>
    <message>
        <source>&amp;Profiel:</source>
        <translation>P&amp;rofile:</translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Nieuw profiel</source>
        <translation>New profile</translation>
    </message>
    <message>
        <source>Alles wat je in dit programma typt, wordt versleuteld bewaard. Kies een wachtwoordzin die alleen jij kent: een paar woorden achter elkaar, minstens 12 tekens. Deel hem met niemand. Vergeet je hem, dan kan niemand de gegevens meer openen.</source>
        <translation>Everything you type in this program is stored encrypted. Choose a passphrase that only you know: a few words in a row, at least 12 characters. Share it with nobody. If you forget it, nobody can open the data any more.</translation>
    </message>
    <message>
        <source>Je naam</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Je &amp;naam:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <source>Typ je wachtwoordzin.</source>
        <translation>Type your passphrase.</translation>
    </message>
    <message>
        <source>Herhaal wachtwoordzin</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>Sterkte van de wachtwoordzin</source>
        <translation>Strength of the passphrase</translation>
    </message>
    <message>
        <source>Sterkte</source>
        <translation>Strength</translation>
    </message>
    <message>
        <source>Profiel &amp;aanmaken</source>
        <translation>Create &amp;profile</translation>
    </message>
    <message>
        <source>&amp;Terug</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Sterkte:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>&amp;Herhaal:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>{name} (beschadigd)</source>
        <translation>{name} (damaged)</translation>
    </message>
    <message>
        <source>Wacht {n} s</source>
        <translation>Wait {n} s</translation>
    </message>
</context>
<context>
    <name>WeighingWizard</name>
    <message>
        <source>← &amp;Terug</source>
        <translation>← &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Volgende →</source>
        <translation>&amp;Next →</translation>
    </message>
    <message>
        <source>&amp;Afronden</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Informeren &amp;later vastleggen</source>
        <translation>Record informing &amp;later</translation>
    </message>
    <message>
        <source>T&amp;ot nu toe</source>
        <translation>S&amp;o far</translation>
    </message>
    <message>
        <source>Afweging: gegevens {0} {1}</source>
        <translation>Assessment: data — {0} {1}</translation>
    </message>
    <message>
        <source>{0}, versie {1}. Grondslag: {2}.</source>
        <translation>{0}, version {1}. Basis: {2}.</translation>
    </message>
    <message>
        <source>Dit wordt afweging {0}. De vorige afweging (versie {1}) blijft bewaard.</source>
        <translation>This will be assessment {0}. The previous assessment (version {1}) is kept.</translation>
    </message>
    <message>
        <source>{0}: de kern</source>
        <translation>{0}: the essentials</translation>
    </message>
    <message>
        <source>Uit je instellingen: {0} — {1}</source>
        <translation>From your settings: {0} — {1}</translation>
    </message>
    <message>
        <source>Uit het verzoek: {0} — {1}</source>
        <translation>From the request: {0} — {1}</translation>
    </message>
    <message>
        <source>Gegevens: {0}</source>
        <translation>Data: {0}</translation>
    </message>
    <message>
        <source>Kies het antwoord dat past en leg vast wat gevraagd wordt: de afweging komt in het dossier.</source>
        <translation>Choose the answer that fits and record what is asked: the assessment goes into the case file.</translation>
    </message>
    <message>
        <source>Gegevens in het verzoek</source>
        <translation>Data in the request</translation>
    </message>
    <message>
        <source>Gekozen antwoorden tot nu toe</source>
        <translation>Answers chosen so far</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Uitleg bij {0}</source>
        <translation>Explanation for {0}</translation>
    </message>
    <message>
        <source>Uitleg</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>de inwoner wordt niet vooraf geïnformeerd</source>
        <translation>the resident is not informed beforehand</translation>
    </message>
    <message>
        <source>de inwoner is geïnformeerd</source>
        <translation>the resident has been informed</translation>
    </message>
    <message>
        <source>de inwoner stemt in</source>
        <translation>the resident agrees</translation>
    </message>
    <message>
        <source>de inwoner stemt in met een deel</source>
        <translation>the resident agrees to a part</translation>
    </message>
    <message>
        <source>de inwoner heeft bezwaar, en je gaat toch door</source>
        <translation>the resident objects, and you go ahead anyway</translation>
    </message>
    <message>
        <source>de inwoner is nog niet gevraagd</source>
        <translation>the resident has not been asked yet</translation>
    </message>
    <message>
        <source>Uitkomst: {0}</source>
        <translation>Outcome: {0}</translation>
    </message>
    <message>
        <source>Ook van belang:</source>
        <translation>Also important:</translation>
    </message>
    <message>
        <source>Kies Afronden om de afweging vast te leggen (versie {0}). Er gaat niets weg. Wil je iets veranderen? Ga dan terug.</source>
        <translation>Choose Finish to record the assessment (version {0}). Nothing is sent. Want to change something? Then go back.</translation>
    </message>
    <message>
        <source>Kies Afronden om de afweging vast te leggen (versie {0}), met wat de inwoner zei: {1}. Wil je iets veranderen? Ga dan terug.</source>
        <translation>Choose Finish to record the assessment (version {0}), with what the resident said: {1}. Want to change something? Then go back.</translation>
    </message>
    <message>
        <source>Kies Afronden om de afweging vast te leggen (versie {0}). Daarna leg je vast wat de inwoner zegt. Wil je iets veranderen? Ga dan terug.</source>
        <translation>Choose Finish to record the assessment (version {0}). After that you record what the resident says. Want to change something? Then go back.</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Wat je hebt vastgelegd</source>
        <translation>What you recorded</translation>
    </message>
    <message>
        <source>De inwoner informeren</source>
        <translation>Informing the resident</translation>
    </message>
    <message>
        <source>De afweging is vastgelegd. Vertel de inwoner nu wat je hebt afgewogen en leg vast wat de inwoner zegt. Is de inwoner het niet eens? Ga het gesprek aan.</source>
        <translation>The assessment has been recorded. Now tell the resident what you assessed and record what the resident says. Does the resident disagree? Discuss it.</translation>
    </message>
    <message>
        <source>Let op: {0}</source>
        <translation>Please note: {0}</translation>
    </message>
    <message>
        <source>Kies eerst een antwoord.</source>
        <translation>Choose an answer first.</translation>
    </message>
    <message>
        <source>Afweging stoppen?</source>
        <translation>Stop the assessment?</translation>
    </message>
    <message>
        <source>De afweging is nog niet vastgelegd. Wat je hebt ingevuld, wordt niet bewaard. Wil je stoppen?</source>
        <translation>The assessment has not been recorded yet. What you filled in will not be kept. Do you want to stop?</translation>
    </message>
</context>
<context>
    <name>WithdrawnDialog</name>
    <message>
        <source>Toestemming ingetrokken</source>
        <translation>Consent withdrawn</translation>
    </message>
    <message>
        <source>Wat trekt de inwoner in?</source>
        <translation>What does the resident withdraw?</translation>
    </message>
    <message>
        <source>A&amp;lles op deze verklaring</source>
        <translation>A&amp;ll of this statement</translation>
    </message>
    <message>
        <source>{0} intrekken</source>
        <translation>Withdraw {0}</translation>
    </message>
    <message>
        <source>Datum van intrekken</source>
        <translation>Date of withdrawal</translation>
    </message>
    <message>
        <source>Hoe de inwoner de toestemming introk</source>
        <translation>How the resident withdrew consent</translation>
    </message>
    <message>
        <source>Telefonisch</source>
        <translation>By phone</translation>
    </message>
    <message>
        <source>Per e-mail</source>
        <translation>By email</translation>
    </message>
    <message>
        <source>Per brief</source>
        <translation>By letter</translation>
    </message>
    <message>
        <source>Mondeling bij de medewerker</source>
        <translation>In person to the worker</translation>
    </message>
    <message>
        <source>Toelichting bij het intrekken</source>
        <translation>Explanation of the withdrawal</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Hoe?</source>
        <translation>&amp;How?</translation>
    </message>
    <message>
        <source>&amp;Toelichting (niet verplicht):</source>
        <translation>&amp;Explanation (optional):</translation>
    </message>
    <message>
        <source>Intrekken geldt per verzoek: ook op andere getekende verklaringen voor hetzelfde verzoek. Die verzoeken mogen daarna niet meer weg. Wat al gedeeld is, blijft rechtmatig gedeeld (AVG art. 7 lid 3).</source>
        <translation>Withdrawal applies per request: also on other signed statements for the same request. Those requests may then no longer be sent. What was already shared stays lawfully shared (GDPR art. 7(3)).</translation>
    </message>
    <message>
        <source>Fout: vink aan wat de inwoner intrekt.</source>
        <translation>Error: tick what the resident withdraws.</translation>
    </message>
    <message>
        <source>Fout: </source>
        <translation>Error: </translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>YesNoRecord</name>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nee</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>_CandidateRow</name>
    <message>
        <source>Soort: {0}.</source>
        <translation>Kind: {0}.</translation>
    </message>
    <message>
        <source>Schriftelijke toestemming nodig.</source>
        <translation>Written consent needed.</translation>
    </message>
    <message>
        <source>Schriftelijke toestemming is niet verplicht.</source>
        <translation>Written consent is not required.</translation>
    </message>
    <message>
        <source>Staat al op verklaring {0}.</source>
        <translation>Already on statement {0}.</translation>
    </message>
    <message>
        <source>Let op: de echte naam ontbreekt (de praktijk, de school of de persoon). Vul die in bij het gegevensverzoek: toestemming geldt voor een bepaalde organisatie, niet voor een soort.</source>
        <translation>Please note: the real name is missing (the practice, the school or the person). Fill it in at the data request: consent is for a specific organisation, not for a kind.</translation>
    </message>
    <message>
        <source>gaat over geld (daar beslist de bewindvoerder over)</source>
        <translation>is about money (the bewindvoerder decides on that)</translation>
    </message>
    <message>
        <source>{0} gaat over geld</source>
        <translation>{0} is about money</translation>
    </message>
</context>
<context>
    <name>_ChoiceCell</name>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nee</source>
        <translation>No</translation>
    </message>
    <message>
        <source>leeg</source>
        <translation>empty</translation>
    </message>
</context>
<context>
    <name>_CustodyRow</name>
    <message>
        <source>Voornaam en achternaam</source>
        <translation>First name and surname</translation>
    </message>
    <message>
        <source>Weghalen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>als</source>
        <translation>as</translation>
    </message>
    <message>
        <source>Persoon {0}:</source>
        <translation>Person {0}:</translation>
    </message>
    <message>
        <source>Naam van persoon {0} met gezag</source>
        <translation>Name of person {0} with parental authority</translation>
    </message>
    <message>
        <source>Rol van persoon {0} met gezag</source>
        <translation>Role of person {0} with parental authority</translation>
    </message>
    <message>
        <source>Persoon {0} weghalen</source>
        <translation>Remove person {0}</translation>
    </message>
</context>
<context>
    <name>_MessageLabel</name>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Fout: {problem}</source>
        <translation>Error: {problem}</translation>
    </message>
</context>
<context>
    <name>_OutcomePage</name>
    <message>
        <source>Uitkomst van de afweging</source>
        <translation>Outcome of the assessment</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Wat de uitkomst betekent</source>
        <translation>What the outcome means</translation>
    </message>
    <message>
        <source>Ook van belang</source>
        <translation>Also important</translation>
    </message>
    <message>
        <source>Wat je hebt vastgelegd</source>
        <translation>What you recorded</translation>
    </message>
</context>
<context>
    <name>_QuestionPage</name>
    <message>
        <source>Leg vast bij dit antwoord</source>
        <translation>Record with this answer</translation>
    </message>
    <message>
        <source>{0} (verplicht)</source>
        <translation>{0} (required)</translation>
    </message>
    <message>
        <source>Haal weg wat niet nodig is, of maak het smaller.</source>
        <translation>Remove what is not needed, or make it narrower.</translation>
    </message>
</context>
<context>
    <name>_RemarksPage</name>
    <message>
        <source>Uw opmerkingen</source>
        <translation>Your remarks</translation>
    </message>
    <message>
        <source>Klopt er iets niet? Of wilt u iets toevoegen? Typ het hier. Uw opmerkingen komen bij het verslag in uw dossier. U mag dit ook leeg laten.</source>
        <translation>Is something not right? Or do you want to add something? Type it here. Your remarks go into your file with the report. You may also leave this empty.</translation>
    </message>
    <message>
        <source>&amp;Opmerkingen:</source>
        <translation>&amp;Remarks:</translation>
    </message>
</context>
<context>
    <name>_SignerPage</name>
    <message>
        <source>Nu kiest en tekent: {0}</source>
        <translation>Now choosing and signing: {0}</translation>
    </message>
    <message>
        <source>Kies bij elk onderdeel ja of nee. Zet daarna uw handtekening in het vak. Alleen {0} kiest en tekent op deze pagina.</source>
        <translation>Choose yes or no for each item. Then sign in the box. Only {0} chooses and signs on this page.</translation>
    </message>
    <message>
        <source>Handtekening van {0}</source>
        <translation>Signature of {0}</translation>
    </message>
    <message>
        <source>&amp;Opnieuw</source>
        <translation>&amp;Clear</translation>
    </message>
    <message>
        <source>Veeg de handtekening uit en teken opnieuw</source>
        <translation>Wipe the signature and sign again</translation>
    </message>
    <message>
        <source>Nu tekent: {0}</source>
        <translation>Now signing: {0}</translation>
    </message>
    <message>
        <source>U hoeft hier niets te kiezen. Zet uw handtekening in het vak. Alleen {0} tekent op deze pagina.</source>
        <translation>There is nothing to choose here. Put your signature in the box. Only {0} signs on this page.</translation>
    </message>
    <message>
        <source>Uw handtekening:</source>
        <translation>Your signature:</translation>
    </message>
    <message>
        <source>Datum en tijd: {0}. Plaats: {1}.</source>
        <translation>Date and time: {0}. Place: {1}.</translation>
    </message>
    <message>
        <source>nog niet ingevuld</source>
        <translation>not filled in yet</translation>
    </message>
    <message>
        <source>Kies bij elk onderdeel ja of nee.</source>
        <translation>Choose yes or no for each item.</translation>
    </message>
    <message>
        <source>Zet uw handtekening in het vak.</source>
        <translation>Sign in the box.</translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message>
        <source>Het document kan niet worden geopend. Maak het opnieuw en probeer het nog eens.</source>
        <translation>The document cannot be opened. Create it again and try once more.</translation>
    </message>
    <message>
        <source>Er is geen printer gevonden. Sluit een printer aan of kies een andere printer, en probeer het opnieuw. Er is niets geprint.</source>
        <translation>No printer was found. Connect a printer or choose another printer, and try again. Nothing has been printed.</translation>
    </message>
    <message>
        <source>De printer &apos;{0}&apos; doet het niet: printen kon niet beginnen. Controleer of de printer aan staat en papier heeft, en probeer het opnieuw. Er is niets geprint.</source>
        <translation>The printer &apos;{0}&apos; is not working: printing could not start. Check that the printer is on and has paper, and try again. Nothing has been printed.</translation>
    </message>
    <message>
        <source>Printen ging mis bij pagina {0}. Controleer de printer en print de hele verklaring opnieuw.</source>
        <translation>Printing went wrong at page {0}. Check the printer and print the whole statement again.</translation>
    </message>
    <message>
        <source>{0} pagina(&apos;s) naar printer &apos;{1}&apos; gestuurd.</source>
        <translation>{0} page(s) sent to printer &apos;{1}&apos;.</translation>
    </message>
    <message>
        <source>Printen is afgebroken. Er is niets geprint.</source>
        <translation>Printing was cancelled. Nothing has been printed.</translation>
    </message>
    <message>
        <source>Printen</source>
        <translation>Printing</translation>
    </message>
</context>
</TS>
