"""Messages of the forms area: key -> (Dutch, English). See messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # A definition file in forms/ (form, protocol, catalogue, consent text) that is wrong:
    # said with the file and the line, for the municipal editor who must fix it.
    "definition.error_at_line": (
        "Er staat een fout in {file}, regel {line}: {problem}",
        "There is a mistake in {file}, line {line}: {problem}"),
    "definition.error": (
        "Er staat een fout in {file}: {problem}",
        "There is a mistake in {file}: {problem}"),
    "definition.error.advice": (
        "Er is niets veranderd. Laat de beheerder van de formulieren het bestand herstellen.",
        "Nothing has been changed. Ask the administrator of the forms to repair the file."),
    "definition.key_not_text": (
        "de sleutel {key} moet tekst zijn",
        "the key {key} must be text"),
    "definition.key_twice": (
        "de sleutel '{key}' staat er twee keer",
        "the key '{key}' is there twice"),
    "definition.yaml_invalid": (
        "de YAML klopt niet ({detail})",
        "the YAML is not valid ({detail})"),
    "definition.not_utf8": (
        "het bestand is geen UTF-8-tekst",
        "the file is not UTF-8 text"),
    "definition.unreadable": (
        "het bestand kan niet worden gelezen ({reason})",
        "the file cannot be read ({reason})"),
    # An answer that does not fit its field (domain/forms_answers.py), shown under the field.
    "field.required": (
        "Dit is verplicht. Vul het in.",
        "This is required. Please fill it in."),
    "field.custom": ("{text}", "{text}"),  # the form's own message, in both languages
    "field.wrong_shape": (
        "Dit antwoord heeft niet de goede vorm (verwacht: {expected}). Vul het opnieuw in.",
        "This answer does not have the right form (expected: {expected}). Please fill it in "
        "again."),
    "field.expected.text": ("tekst", "text"),
    "field.expected.date": ("datum", "date"),
    "field.expected.choice": ("een keuze", "a choice"),
    "field.expected.choices": ("een lijst van keuzes", "a list of choices"),
    "field.expected.yes_no": ("ja/nee", "yes/no"),
    "field.expected.bsn": ("BSN", "BSN"),
    "field.expected.people": ("een lijst van personen", "a list of people"),
    "field.hard_limit": (
        "Deze tekst is te lang ({count} tekens). Het kan hoogstens {limit} tekens zijn. Zet "
        "alleen de belangrijke delen erin.",
        "This text is too long ({count} characters). At most {limit} characters are allowed. "
        "Keep only the important parts."),
    "field.max_length": (
        "Gebruik hoogstens {limit} tekens. Nu zijn het er {count}.",
        "Use at most {limit} characters. There are {count} now."),
    "field.min_length": (
        "Gebruik minstens {limit} tekens. Nu zijn het er {count}.",
        "Use at least {limit} characters. There are {count} now."),
    "field.pattern": (
        "Dit heeft niet de goede vorm. Controleer wat je typte.",
        "This does not have the right form. Please check what you typed."),
    "field.pattern_too_long": (
        "Dit is te lang voor dit veld (hoogstens {limit} tekens).",
        "This is too long for this field (at most {limit} characters)."),
    "field.not_a_date": (
        "Dit is geen datum. Schrijf de datum als dd-mm-jjjj.",
        "This is not a date. Write the date as dd-mm-yyyy."),
    "field.impossible_date": (
        "Deze datum bestaat niet. Controleer dag en maand.",
        "This date does not exist. Please check the day and month."),
    "field.not_in_future": (
        "Deze datum ligt in de toekomst. Dat kan hier niet.",
        "This date is in the future. That is not possible here."),
    "field.not_before": (
        "De datum mag niet vóór {limit} liggen.",
        "The date must not be before {limit}."),
    "field.not_after": (
        "De datum mag niet na {limit} liggen.",
        "The date must not be after {limit}."),
    "field.not_a_choice": (
        "Kies een van de mogelijkheden uit de lijst.",
        "Please pick one of the options in the list."),
    "field.duplicate_choice": (
        "Een keuze staat er twee keer in.",
        "An option was picked twice."),
    "field.min_items": (
        "Kies of vul minstens {limit} in.",
        "Pick or fill in at least {limit}."),
    "field.max_items": (
        "Kies of vul hoogstens {limit} in.",
        "Pick or fill in at most {limit}."),
    "field.not_a_number": ("Vul een getal in.", "Please enter a number."),
    "field.integer": (
        "Vul een heel getal in, zonder komma.",
        "Please enter a whole number."),
    "field.min": (
        "Het getal mag niet kleiner zijn dan {limit}.",
        "The number must be {limit} or more."),
    "field.max": (
        "Het getal mag niet groter zijn dan {limit}.",
        "The number must be {limit} or less."),
    # A list may hold people, organisations or goals: a row is called a row ("regel").
    "field.row_empty": (
        "Regel {row} is leeg. Vul iets in, of haal de regel weg.",
        "Row {row} is empty. Fill something in, or remove the row."),
    "field.row_problem": (
        "Regel {row}, {column}: {problem}",
        "Row {row}, {column}: {problem}"),
    "field.only_when": (
        "Vul dit alleen in bij: {values} (kolom '{column}'). Maak dit vakje leeg.",
        "Only fill this in for: {values} (column '{column}'). Clear this cell."),
    "field.row_unknown_column": (
        "Regel {row} heeft gegevens die niet bij deze lijst horen.",
        "Row {row} has data that do not belong to this list."),
    # The kinds of field, by their plain names (domain/forms_model.py FieldType.label).
    "field.type.text": ("korte tekst", "short text"),
    "field.type.long_text": ("lange tekst", "long text"),
    "field.type.date": ("datum", "date"),
    "field.type.choice": ("keuze", "choice"),
    "field.type.multi_choice": ("meerkeuze", "multiple choice"),
    "field.type.yes_no": ("ja/nee", "yes/no"),
    "field.type.number": ("getal", "number"),
    "field.type.bsn": ("BSN", "BSN"),
    "field.type.person_list": ("personenlijst", "list of people"),
    # What changes when a draft moves to a newer form definition (domain/forms_answers.py
    # compare_definitions); the values are the form's own texts, in both languages.
    "form.change.other_form": (
        "Dit is een ander formulier ({old} → {new}). Antwoorden komen alleen mee bij velden "
        "met dezelfde id.",
        "This is a different form ({old} → {new}). Answers only move to fields with the same "
        "id."),
    "form.change.section_added": (
        "Nieuw onderdeel: '{section}'.",
        "New section: '{section}'."),
    "form.change.section_renamed": (
        "Onderdeel '{old}' heet nu '{new}'.",
        "Section '{old}' is now called '{new}'."),
    "form.change.section_removed": (
        "Onderdeel '{section}' is vervallen.",
        "Section '{section}' has been removed."),
    "form.change.field_added": (
        "Nieuw veld: '{field}' (onderdeel '{section}').",
        "New field: '{field}' (section '{section}')."),
    "form.change.field_moved": (
        "Veld '{field}' staat nu in onderdeel '{section}'.",
        "Field '{field}' is now in section '{section}'."),
    "form.change.field_removed": (
        "Veld '{field}' is vervallen.",
        "Field '{field}' has been removed."),
    "form.change.field_renamed": (
        "Veld '{old}' heet nu '{new}'.",
        "Field '{old}' is now called '{new}'."),
    "form.change.field_type": (
        "Veld '{field}' is veranderd van {old} naar {new}.",
        "Field '{field}' has changed from {old} to {new}."),
    "form.change.now_required": (
        "Veld '{field}' is nu verplicht.",
        "Field '{field}' is now required."),
    "form.change.no_longer_required": (
        "Veld '{field}' is niet meer verplicht.",
        "Field '{field}' is no longer required."),
    "form.change.required_at_transfer": (
        "Veld '{field}' hoeft pas ingevuld te zijn als je de intake klaarzet voor overdracht.",
        "Field '{field}' only needs an answer when you mark the intake ready for transfer."),
    "form.change.required_at_conversation": (
        "Veld '{field}' is nu al tijdens het gesprek verplicht, niet pas bij de overdracht.",
        "Field '{field}' is now required during the conversation, not only at transfer."),
    "form.change.choices_added": (
        "Bij '{field}' zijn keuzes bijgekomen: {choices}.",
        "New choices for '{field}': {choices}."),
    "form.change.choices_removed": (
        "Bij '{field}' zijn keuzes vervallen: {choices}.",
        "Choices removed from '{field}': {choices}."),
    "form.change.choice_renamed": (
        "Bij '{field}': '{old}' heet nu '{new}'.",
        "In '{field}': '{old}' is now called '{new}'."),
    "form.change.columns": (
        "De kolommen van '{field}' zijn veranderd.",
        "The columns of '{field}' have changed."),
    "form.change.rules": (
        "De regels voor '{field}' zijn veranderd.",
        "The rules for '{field}' have changed."),
    "form.change.relevance": (
        "Veld '{field}' verschijnt nu in andere gevallen dan eerst.",
        "Field '{field}' now appears in different cases than before."),
    "form.change.with_notes": ("{change} {notes}", "{change} {notes}"),
    "form.change.note.filled": (
        "Je had dit al ingevuld.",
        "You had already filled this in."),
    "form.change.note.required": ("Het is verplicht.", "It is required."),
    "form.change.note.required_at_transfer": (
        "Het is verplicht voor de overdracht.",
        "It is required before the transfer."),
    "form.change.note.lost": (
        "Dat antwoord staat niet op het nieuwe formulier.",
        "That answer is not on the new form."),
    # A broken form definition (domain/forms_loader.py): what is wrong, said to the municipal
    # editor after "file, line N: ". Names from the YAML (keys, types, ids) stay as written.
    "definition.form.not_utf8": (
        "het bestand is geen UTF-8-tekst. Sla het op als UTF-8.",
        "the file is not UTF-8 text. Save it as UTF-8."),
    "definition.form.with_hint": ("{problem} {hint}", "{problem} {hint}"),
    "definition.form.bool_hint": (
        "Let op: YAML leest ja/nee-woorden zoals yes, no, on en off zonder aanhalingstekens als "
        'true/false; zet zulke tekst tussen aanhalingstekens, bijvoorbeeld "No".',
        "Note: YAML reads yes/no words such as yes, no, on and off without quotation marks as "
        'true/false; put such text between quotation marks, for example "No".'),
    "definition.form.in_brackets": ("({value})", "({value})"),
    "definition.form.none": ("geen", "none"),
    "definition.form.no_rule": ("geen enkele regel", "no rule at all"),
    # ... how a value in the file looks ("but it is the text 'een'")
    "definition.form.value.nothing": ("niets (een lege waarde)", "nothing (an empty value)"),
    "definition.form.value.yes_no": ("de ja/nee-waarde {value}", "the yes/no value {value}"),
    "definition.form.value.number": ("het getal {value}", "the number {value}"),
    "definition.form.value.text": ("de tekst '{text}'", "the text '{text}'"),
    "definition.form.value.date": ("de datum {date}", "the date {date}"),
    "definition.form.value.list": ("een lijst", "a list"),
    "definition.form.value.block": ("een blok met sleutels", "a block of keys"),
    "definition.form.value.unknown": ("een onbekende waarde", "an unknown value"),
    # ... which part of the file
    "definition.form.what.form": ("het formulier", "the form"),
    "definition.form.what.a_section": ("een sectie", "a section"),
    "definition.form.what.section": ("sectie '{id}'", "section '{id}'"),
    "definition.form.what.a_field": ("een veld in sectie '{section}'",
                                     "a field in section '{section}'"),
    "definition.form.what.field": ("veld '{id}'", "field '{id}'"),
    "definition.form.what.key": ("'{key}' bij {what}", "'{key}' of {what}"),
    "definition.form.what.languages": ("{what} (talen)", "{what} (languages)"),
    "definition.form.what.a_choice": ("een keuze bij {what}", "a choice of {what}"),
    "definition.form.what.choice": ("keuze '{value}' bij {what}", "choice '{value}' of {what}"),
    "definition.form.what.a_column": ("een kolom bij {what}", "a column of {what}"),
    "definition.form.what.column": ("kolom '{id}' bij {what}", "column '{id}' of {what}"),
    "definition.form.what.rule": ("regel '{key}' bij {what}", "rule '{key}' of {what}"),
    "definition.form.what.condition": ("een voorwaarde (relevance)", "a condition (relevance)"),
    # ... what a rule's value should have been
    "definition.form.expected.count_from_0": ("een heel getal van 0 of hoger",
                                              "a whole number of 0 or more"),
    "definition.form.expected.count_from_1": ("een heel getal van 1 of hoger",
                                              "a whole number of 1 or more"),
    "definition.form.expected.number": ("een getal", "a number"),
    "definition.form.expected.true_or_false": ("true of false", "true or false"),
    "definition.form.expected.regex": ("een reguliere expressie (tekst)",
                                       "a regular expression (text)"),
    "definition.form.expected.date_without_time": ("een datum zonder tijd (jjjj-mm-dd)",
                                                   "a date without a time (yyyy-mm-dd)"),
    "definition.form.expected.existing_date": ("een bestaande datum als jjjj-mm-dd",
                                               "an existing date as yyyy-mm-dd"),
    "definition.form.expected.date": ("een datum als jjjj-mm-dd", "a date as yyyy-mm-dd"),
    # ... the problems
    "definition.form.empty_file": (
        "het bestand is leeg. Een formulier begint met id, version, title en sections.",
        "the file is empty. A form starts with id, version, title and sections."),
    "definition.form.not_a_block": (
        "{what} moet een blok met sleutels zijn, maar er staat {value}.",
        "{what} must be a block of keys, but it is {value}."),
    "definition.form.unknown_key": (
        "onbekende sleutel '{key}' bij {what}. Toegestaan zijn: {allowed}.",
        "unknown key '{key}' in {what}. Allowed are: {allowed}."),
    "definition.form.unknown_key.close": (
        "onbekende sleutel '{key}' bij {what}. Bedoel je '{close}'? Toegestaan zijn: "
        "{allowed}.",
        "unknown key '{key}' in {what}. Did you mean '{close}'? Allowed are: {allowed}."),
    "definition.form.missing_key": (
        "bij {what} ontbreekt '{key}'. Vul '{key}:' in.",
        "'{key}' is missing in {what}. Fill in '{key}:'."),
    "definition.form.bad_id": (
        "'id' van {what} is {value}. Een id bestaat uit kleine letters (a-z), cijfers en _, "
        "begint met een letter en is hoogstens 64 tekens.",
        "the 'id' of {what} is {value}. An id consists of lowercase letters (a-z), digits and "
        "_, starts with a letter and is at most 64 characters."),
    "definition.form.not_true_or_false": (
        "'{key}' bij {what} moet true of false zijn, maar er staat {value}.",
        "'{key}' of {what} must be true or false, but it is {value}."),
    "definition.form.text_empty": (
        "{what} is leeg. Schrijf een tekst.",
        "{what} is empty. Write a text."),
    "definition.form.text_one_language": (
        "{what} staat in één taal, maar dit formulier belooft de talen {languages}. Schrijf "
        "het als {example}.",
        "{what} is in one language, but this form promises the languages {languages}. Write "
        "it as {example}."),
    "definition.form.text_in_language_not_text": (
        "{what} in taal '{lang}' moet tekst zijn, maar er staat {value}.",
        "{what} in language '{lang}' must be text, but it is {value}."),
    "definition.form.text_in_language_empty": (
        "{what} in taal '{lang}' is leeg. Schrijf een tekst.",
        "{what} in language '{lang}' is empty. Write a text."),
    "definition.form.text_language_missing": (
        "{what} mist de taal '{lang}'. Dit formulier belooft de talen {languages}: schrijf "
        "{example}.",
        "{what} lacks the language '{lang}'. This form promises the languages {languages}: "
        "write {example}."),
    "definition.form.not_text": (
        "{what} moet tekst zijn, of een blok met {example}; er staat {value}.",
        "{what} must be text, or a block with {example}; it is {value}."),
    "definition.form.not_a_list": (
        "'{key}' bij {what} moet een lijst zijn (regels die met '- ' beginnen), maar er staat "
        "{value}.",
        "'{key}' of {what} must be a list (lines that start with '- '), but it is {value}."),
    "definition.form.bad_version": (
        "'version' moet een heel getal van 1 of hoger zijn, maar er staat {value}. Verhoog het "
        "bij elke wijziging.",
        "'version' must be a whole number of 1 or more, but it is {value}. Raise it with every "
        "change."),
    "definition.form.no_sections": (
        "'sections' is leeg. Voeg minstens één sectie toe.",
        "'sections' is empty. Add at least one section."),
    "definition.form.duplicate_section": (
        "sectie-id '{id}' bestaat al (regel {line}). Geef elke sectie een eigen id.",
        "section id '{id}' already exists (line {line}). Give every section its own id."),
    "definition.form.languages_not_a_list": (
        "'languages' moet een lijst van talen zijn, zoals {example}. Toegestaan zijn: "
        "{allowed}; nl is altijd nodig.",
        "'languages' must be a list of languages, such as {example}. Allowed are: {allowed}; "
        "nl is always needed."),
    "definition.form.languages_wrong": (
        "'languages' klopt niet: {value}. Toegestaan zijn: {allowed}; nl is altijd nodig.",
        "'languages' is not right: {value}. Allowed are: {allowed}; nl is always needed."),
    "definition.form.no_fields": (
        "{what} heeft geen velden. Voeg onder 'fields:' minstens één veld toe, of haal de "
        "sectie weg.",
        "{what} has no fields. Add at least one field under 'fields:', or remove the "
        "section."),
    "definition.form.duplicate_field": (
        "veld-id '{id}' bestaat al (regel {line}, sectie '{section}'). Elk veld in het "
        "formulier moet een eigen id hebben.",
        "field id '{id}' already exists (line {line}, section '{section}'). Every field in "
        "the form must have its own id."),
    "definition.form.required_message_not_required": (
        "{what} heeft een 'required_message', maar is niet verplicht. Zet 'required: true' "
        "erbij, of haal de 'required_message' weg.",
        "{what} has a 'required_message', but is not required. Add 'required: true', or "
        "remove the 'required_message'."),
    "definition.form.required_wrong": (
        "'required' bij {what} moet true, false of overdracht zijn, maar er staat {value}. "
        "Met overdracht is het veld pas verplicht als de intake klaar is voor overdracht.",
        "'required' of {what} must be true, false or overdracht, but it is {value}. With "
        "overdracht the field is only required when the intake is ready for transfer."),
    "definition.form.reference_date_wrong": (
        "'reference_date' moet de id zijn van een datumveld (geen geboortedatum) waarop "
        "leeftijden worden berekend, zoals bezoek_datum; er staat {value}.",
        "'reference_date' must be the id of a date field (not a birth date) on which ages are "
        "computed, such as bezoek_datum; it is {value}."),
    "definition.form.placeholder_wrong_type": (
        "'placeholder' past niet bij {what} van type {type}. Het kan bij: {allowed}.",
        "'placeholder' does not suit {what} of type {type}. It can be used with: {allowed}."),
    "definition.form.unknown_signal": (
        "{what}: het signaal '{signal}' bestaat niet. Kies uit: {allowed}.",
        "{what}: the signal '{signal}' does not exist. Choose from: {allowed}."),
    "definition.form.signal_not_yes_no": (
        "{what}: 'signal' hoort alleen bij een ja/nee-vraag, niet bij '{type}'.",
        "{what}: 'signal' only belongs to a yes/no question, not to '{type}'."),
    "definition.form.birth_date_not_date": (
        "'birth_date' kan alleen bij een veld van type date; {what} is {type}.",
        "'birth_date' can only be used with a field of type date; {what} is {type}."),
    "definition.form.unknown_type": (
        "onbekend type {type} bij {what}. Kies uit: {allowed}.",
        "unknown type {type} in {what}. Choose from: {allowed}."),
    "definition.form.unknown_type.close": (
        "onbekend type {type} bij {what}. Bedoel je '{close}'? Kies uit: {allowed}.",
        "unknown type {type} in {what}. Did you mean '{close}'? Choose from: {allowed}."),
    "definition.form.choices_missing": (
        "{what} is van type {type} maar heeft geen 'choices'. Voeg een lijst toe met per "
        "keuze 'value' en 'label'.",
        "{what} is of type {type} but has no 'choices'. Add a list with a 'value' and a "
        "'label' for each choice."),
    "definition.form.choices_not_allowed": (
        "'choices' hoort alleen bij type choice of multi_choice; {what} is {type}. Haal "
        "'choices' weg of kies een ander type.",
        "'choices' only belongs with type choice or multi_choice; {what} is {type}. Remove "
        "'choices' or choose another type."),
    "definition.form.choices_empty": (
        "'choices' bij {what} is leeg. Geef minstens één keuze met 'value' en 'label'.",
        "'choices' of {what} is empty. Give at least one choice with 'value' and 'label'."),
    "definition.form.duplicate_choice": (
        "keuze '{value}' staat twee keer bij {what} (ook op regel {line}). Elke keuze heeft "
        "een eigen 'value'.",
        "choice '{value}' appears twice in {what} (also on line {line}). Every choice has its "
        "own 'value'."),
    "definition.form.bad_choice_value": (
        "de 'value' van een keuze bij {what} is {value}. Een value bestaat uit kleine letters, "
        "cijfers, - en _ (hoogstens 64 tekens).",
        "the 'value' of a choice of {what} is {value}. A value consists of lowercase letters, "
        "digits, - and _ (at most 64 characters)."),
    "definition.form.columns_missing": (
        "{what} is een personenlijst maar heeft geen 'columns'. Geef de kolommen, bijvoorbeeld "
        "naam, relatie en geboortedatum.",
        "{what} is a list of people but has no 'columns'. Give the columns, for example name, "
        "relation and date of birth."),
    "definition.form.columns_not_allowed": (
        "'columns' hoort alleen bij type person_list; {what} is {type}.",
        "'columns' only belongs with type person_list; {what} is {type}."),
    "definition.form.columns_empty": (
        "'columns' bij {what} is leeg. Geef kolommen.",
        "'columns' of {what} is empty. Give columns."),
    "definition.form.duplicate_column": (
        "kolom '{id}' staat twee keer bij {what} (ook op regel {line}).",
        "column '{id}' appears twice in {what} (also on line {line})."),
    "definition.form.column_birth_date_not_date": (
        "'birth_date' kan alleen bij een kolom van type date ({what}).",
        "'birth_date' can only be used with a column of type date ({what})."),
    "definition.form.unknown_rule": (
        "onbekende regel '{key}' bij {what}. Bij type {type} kan: {allowed}.",
        "unknown rule '{key}' in {what}. With type {type} you can use: {allowed}."),
    "definition.form.unknown_rule.close": (
        "onbekende regel '{key}' bij {what}. Bedoel je '{close}'? Bij type {type} kan: "
        "{allowed}.",
        "unknown rule '{key}' in {what}. Did you mean '{close}'? With type {type} you can "
        "use: {allowed}."),
    "definition.form.rule_wrong_type": (
        "de regel '{key}' past niet bij {what} van type {type}. Bij dit type kan: {allowed}.",
        "the rule '{key}' does not suit {what} of type {type}. With this type you can use: "
        "{allowed}."),
    "definition.form.rule_wrong_value": (
        "'{key}' bij {what} moet {expected} zijn, maar er staat {value}.",
        "'{key}' of {what} must be {expected}, but it is {value}."),
    "definition.form.bad_regex": (
        "het patroon bij {what} is geen geldige reguliere expressie ({error}, positie "
        "{position}). Zet het patroon tussen enkele aanhalingstekens en controleer haakjes en "
        "\\-tekens.",
        "the pattern of {what} is not a valid regular expression ({error}, position "
        "{position}). Put the pattern between single quotation marks and check brackets and "
        "\\ characters."),
    "definition.form.limits_crossed": (
        "bij {what} is '{low}' ({low_value}) groter dan '{high}' ({high_value}). Dan kan geen "
        "enkel antwoord goed zijn; maak de ondergrens kleiner of de bovengrens groter.",
        "in {what}, '{low}' ({low_value}) is greater than '{high}' ({high_value}). Then no "
        "answer can be right; make the lower limit smaller or the upper limit greater."),
    "definition.form.condition_not_a_block": (
        "een voorwaarde (relevance) moet een blok zijn zoals {{field: ..., equals: ...}}, "
        "{{all: [...]}}, {{any: [...]}} of {{not: {{...}}}}; er staat {value}.",
        "a condition (relevance) must be a block such as {{field: ..., equals: ...}}, "
        "{{all: [...]}}, {{any: [...]}} or {{not: {{...}}}}; it is {value}."),
    "definition.form.combinator_not_alone": (
        "'{key}' staat in een voorwaarde altijd alleen. Zet de andere sleutels ({others}) in "
        "een eigen voorwaarde in de lijst.",
        "'{key}' always stands alone in a condition. Put the other keys ({others}) in a "
        "condition of their own in the list."),
    "definition.form.combinator_needs_list": (
        "'{key}' heeft een lijst van voorwaarden nodig, met minstens één voorwaarde.",
        "'{key}' needs a list of conditions, with at least one condition."),
    "definition.form.condition_needs_one_test": (
        "een voorwaarde heeft precies één toets nodig; er staat {found}. Kies één van: "
        "{allowed}. Combineer met 'all' of 'any'.",
        "a condition needs exactly one test; it has {found}. Choose one of: {allowed}. "
        "Combine with 'all' or 'any'."),
    "definition.form.unknown_field": (
        "de voorwaarde verwijst naar veld {field}, maar dat veld bestaat niet in dit "
        "formulier. Gebruik de 'id' van een bestaand veld.",
        "the condition refers to field {field}, but that field does not exist in this form. "
        "Use the 'id' of an existing field."),
    "definition.form.unknown_field.close": (
        "de voorwaarde verwijst naar veld {field}, maar dat veld bestaat niet in dit "
        "formulier. Bedoel je '{close}'? Gebruik de 'id' van een bestaand veld.",
        "the condition refers to field {field}, but that field does not exist in this form. "
        "Did you mean '{close}'? Use the 'id' of an existing field."),
    "definition.form.test_wrong_type": (
        "de toets '{test}' werkt niet op veld '{field}' van type {type}. Bij dit type kan: "
        "{allowed}.",
        "the test '{test}' does not work on field '{field}' of type {type}. With this type "
        "you can use: {allowed}."),
    "definition.form.not_a_choice_of": (
        "{value} is geen keuze van veld '{field}'. Mogelijke keuzes: {choices}.",
        "{value} is not a choice of field '{field}'. Possible choices: {choices}."),
    "definition.form.answered_not_true_or_false": (
        "'answered' moet true of false zijn; er staat {value}.",
        "'answered' must be true or false; it is {value}."),
    "definition.form.in_needs_list": (
        "'in' heeft een lijst van keuzes nodig, zoals [a, b].",
        "'in' needs a list of choices, such as [a, b]."),
    "definition.form.equals_yes_no": (
        "veld '{field}' is ja/nee: 'equals' moet true of false zijn; er staat {value}.",
        "field '{field}' is yes/no: 'equals' must be true or false; it is {value}."),
    "definition.form.test_not_a_number": (
        "'{test}' moet een getal zijn; er staat {value}.",
        "'{test}' must be a number; it is {value}."),
    "definition.form.age_needs_birth_date": (
        "'{test}' werkt alleen op een geboortedatum; zet 'birth_date: true' bij veld "
        "'{field}', of verwijs naar een ander veld.",
        "'{test}' only works on a birth date; add 'birth_date: true' to field '{field}', or "
        "refer to another field."),
    "definition.form.age_not_years": (
        "'{test}' moet een leeftijd in hele jaren zijn, van 0 tot en met {limit}; er staat "
        "{value}.",
        "'{test}' must be an age in whole years, from 0 up to {limit}; it is {value}."),
    "definition.form.row_test_shape": (
        "'{key}' bij {what} moet één kolom met een lijst van keuzes zijn, zoals "
        "{{relatie: [kind, pleegkind]}}; er staat {value}.",
        "'{key}' of {what} must be one column with a list of choices, such as "
        "{{relatie: [kind, pleegkind]}}; it is {value}."),
    "definition.form.row_test_column": (
        "'{key}' bij {what} noemt kolom '{column}', maar die lijst heeft geen andere "
        "keuzekolom met die id. Keuzekolommen: {allowed}.",
        "'{key}' of {what} names column '{column}', but that list has no other choice column "
        "with that id. Choice columns: {allowed}."),
    "definition.form.test_counts": (
        "'{test}' telt het aantal; gebruik een heel getal van 0 of hoger.",
        "'{test}' counts the number; use a whole number of 0 or more."),
    "definition.form.depends_on_itself": (
        "veld '{field}' hangt in zijn eigen voorwaarde (relevance) van zichzelf af. Dan kan "
        "het nooit verschijnen; verwijs naar een ander veld.",
        "field '{field}' depends on itself in its own condition (relevance). Then it can "
        "never appear; refer to another field."),
    "definition.form.section_depends_on_own_field": (
        "sectie '{section}' hangt af van veld '{field}', maar dat veld staat in dezelfde "
        "sectie: zolang de sectie verborgen is, kan het niet worden ingevuld. Verwijs naar een "
        "veld in een andere sectie.",
        "section '{section}' depends on field '{field}', but that field is in the same "
        "section: as long as the section is hidden, it cannot be filled in. Refer to a field "
        "in another section."),
    "definition.form.cycle": (
        "de voorwaarden (relevance) draaien in een kring: {cycle}. Een veld kan niet via "
        "andere velden van zichzelf afhangen; laat één van deze voorwaarden naar een ander "
        "veld verwijzen.",
        "the conditions (relevance) go round in a circle: {cycle}. A field cannot depend on "
        "itself through other fields; let one of these conditions refer to another field."),
    # A broken file of rules of thumb (domain/guidance.py, forms/vuistregels.yaml).
    "definition.guidance.empty_file": ("het bestand is leeg", "the file is empty"),
    "definition.guidance.bad_version": (
        "'version' moet een heel getal van 1 of hoger zijn.",
        "'version' must be a whole number of 1 or more."),
    "definition.guidance.duplicate_group": (
        "de groep '{id}' staat er twee keer.",
        "the group '{id}' appears twice."),
    "definition.guidance.no_rules": (
        "er staan geen vuistregels in.",
        "there are no rules of thumb in it."),
    "definition.guidance.bad_rule_id": (
        "'{id}' is geen vuistregel-id zoals 'ZU-V1'.",
        "'{id}' is not a rule-of-thumb id such as 'ZU-V1'."),
    "definition.guidance.duplicate_rule": (
        "vuistregel '{id}' staat er twee keer.",
        "rule of thumb '{id}' appears twice."),
    "definition.guidance.unknown_group": (
        "vuistregel '{id}': de groep '{group}' bestaat niet.",
        "rule of thumb '{id}': the group '{group}' does not exist."),
    "definition.guidance.unknown_place": (
        "vuistregel '{id}': onbekende plek '{place}'. Kies uit: {allowed}.",
        "rule of thumb '{id}': unknown place '{place}'. Choose from: {allowed}."),
    "definition.guidance.show_in_empty": (
        "vuistregel '{id}': 'show_in' is leeg; de regel is dan nergens te zien.",
        "rule of thumb '{id}': 'show_in' is empty; the rule is then shown nowhere."),
    "definition.guidance.what.file": ("de vuistregels", "the rules of thumb"),
    "definition.guidance.what.a_group": ("een groep", "a group"),
    "definition.guidance.what.group": ("groep", "group"),
    "definition.guidance.what.group_title": ("'title' van groep '{id}'",
                                             "'title' of group '{id}'"),
    "definition.guidance.what.a_rule": ("een vuistregel", "a rule of thumb"),
    "definition.guidance.what.rule_key": ("'{key}' van vuistregel '{id}'",
                                          "'{key}' of rule of thumb '{id}'"),
}
