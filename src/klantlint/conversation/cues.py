"""Cue lists shared by the conversation rules, as regexes over normalised (lowercase) turn text.

Each cue is a list of alternatives; `compile_cues` bounds every alternative by word edges. Accents and
quote variants are folded by `text.normalise` ("één" is "een"), so patterns are written without them.
"""

from __future__ import annotations

from klantlint.conversation.text import compile_cues, gates_of

ADDRESSEE = r"(?:u|je|jou|jij|jullie)"

# -- opening ----------------------------------------------------------------------------------------------------

# A greeting at the start of a call: the time of day ("goedemorgen", "goeiemiddag"), or an informal "hallo",
# "hoi", "dag", "welkom". A company name alone is no greeting.
GREETING = compile_cues(
    r"goe(?:de|ie|den|ien)?(?:n)?(?:morgen|middag|avond|dag)",
    r"(?:goede\s+)?(?:morgen|middag|avond)(?=\s*[,.!]|\s+(?:met|u|je|meneer|mevrouw)\b)",
    r"dag|hallo|hoi|welkom|bonjour",
)
OFFER_OF_HELP = compile_cues(
    rf"(?:waarmee|waar\s+mee|waarvoor|waar\s+voor|wat|hoe|waar)\s+(?:kan|mag)\s+ik\s+(?:{ADDRESSEE}\s+)?(?:(?:vandaag|nu|mee|voor\s+{ADDRESSEE}|"
    r"verder|dan|even|eens|ermee)\s+)*(?:helpen|van\s+dienst\s+zijn|doen|betekenen|mee\s+helpen)",
    r"(?:zegt\s+u|zeg|zeg\s+jij|vertelt\s+u|vertel)\s+(?:het\s+)?maar",
    r"wat\s+(?:is|was)\s+(?:uw|je|jouw)\s+vraag",
    rf"(?:heeft|hebt|heb)\s+{ADDRESSEE}\s+een\s+vraag",
    rf"waar(?:voor)?\s+belt\s+{ADDRESSEE}(?:\s+voor)?",
    rf"wat\s+(?:kan|mag)\s+ik\s+voor\s+{ADDRESSEE}\s+(?:doen|betekenen|regelen|uitzoeken)",
    r"hoe\s+kan\s+ik\s+helpen|waarmee\s+kan\s+ik\s+helpen",
    rf"waarmee\s+(?:kan|mag)\s+ik\s+{ADDRESSEE}\s+van\s+dienst\s+zijn",
    # Flemish and shop counters: "zeg het eens", "wat is er van uw dienst?", "wat mag het zijn?"
    r"zeg\s+(?:het\s+)?(?:eens|maar\s+eens)|wat\s+is\s+er\s+van\s+(?:uw|je)\s+dienst|wat\s+mag\s+het\s+zijn",
)
# The agent's own name: "u spreekt met Kim", "mijn naam is Kim", "met Kim van ...", "ik ben Kim".
OWN_NAME_INTRO = compile_cues(
    rf"{ADDRESSEE}\s+spreekt\s+(?:nu\s+)?met",
    rf"{ADDRESSEE}\s+(?:bent|is)\s+(?:nu\s+)?(?:door)?verbonden\s+met",
    r"spreekt\s+u\s+met",
    r"mijn\s+naam\s+is|ik\s+heet|ik\s+ben|dit\s+is|hier\s+is",
    r"met",
)
# Words after "met" / "ik ben" that are not a name: "met de afdeling", "ik ben er", "met u".
NOT_A_NAME = frozenset(
    """
    de het een mijn uw u je jou jij jullie wie wat ons onze die dat dit deze hem haar hun elkaar iemand niemand
    alles niets niks iets er hier daar daarmee zo nu even eventjes nog al alweer ook wel niet geen graag blij
    bezig klant belt bel bellen uw zijn haar welke welk wiens waar hoe wat vriendelijke groet groeten excuses
    goedemorgen goedemiddag goedenavond goedendag morgen middag avond dag hallo hoi hai hey welkom eh ehm uh uhm
    ja nee hoor dus maar en of want omdat als dan toen ik we wij zij ze hij men mensen meneer mevrouw juffrouw
    klantenservice servicedesk helpdesk afdeling team gemeente bank de klantenservice vraag probleem klacht
    betrekking verband vanuit uit over voor van bij naar aan op in om tot door zonder tegen na sinds tijdens
    betreft zelf allemaal iedereen twee drie vier vijf zes een elke ieder spoed vreemd met is was ben bent
    heb hebt heeft had wil wilt wou kan kunt moet zou zal graag gebeld belde spreek spreekt praat bedankt dank
    sorry oke ok prima goed fijn klopt precies inderdaad helemaal alvast toch weer alleen eigenlijk gewoon
    waarmee wanneer waarom waarover hoelang ik'
    """.split()
)
TITLES = frozenset({"meneer", "mevrouw", "mevr", "mw", "dhr", "heer", "juffrouw", "dokter", "dr"})
NAME_PARTICLES = frozenset(
    {"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "la", "le", "el", "al", "op", "in", "von", "da", "di"}
)
# Organisation words, for when no organisation is configured: "welkom bij", "klantenservice van".
ORGANISATION_HINT = compile_cues(
    r"welkom\s+(?:bij|in|op)",
    r"klantenservice|klantenteam|klantcontact|servicedesk|helpdesk|servicecentrum|serviceteam|callcenter",
    r"afdeling\s+\w+|gemeente\s+\w+",
    r"namens\s+\w+",
    r"\w+\s+(?:bv|b\.v|nv|n\.v|verzekeringen|verzekering|energie|bank|telecom|webshop|zorg)",
    r"van\s+(?!u\b|je\b|jullie\b|uw\b|mij\b|ons\b|harte\b)(?:de\s+|het\s+)?\w+",
)
OUTBOUND_OPENING = compile_cues(
    rf"ik\s+bel\s+{ADDRESSEE}\s+(?:(?:even|eventjes|vandaag|nu|namens|over|omdat|in\s+verband|naar\s+aanleiding|"
    r"vanwege|voor|van|met|terug)\b)",
    r"ik\s+bel\s+(?:even\s+)?(?:namens|over|omdat|in\s+verband|naar\s+aanleiding|vanwege)",
    rf"(?:stoor|bel)\s+ik\s+(?:{ADDRESSEE}\s+)?(?:even\s+)?(?:gelegen|op\s+een\s+(?:goed|slecht)\s+moment)",
    r"komt\s+het\s+(?:nu\s+)?(?:goed\s+)?gelegen",
    rf"(?:heeft|hebt)\s+{ADDRESSEE}\s+(?:even\s+)?(?:een\s+)?(?:momentje|minuutje|tijd)\s+(?:voor\s+mij|om)",
    gate=("bel", "gelegen", "moment", "minuutje", "tijd"),
)

# -- names ------------------------------------------------------------------------------------------------------

# The caller introducing themself: "met Jansen", "u spreekt met Kim de Groot", "mijn naam is ...".
CALLER_NAME_INTRO = compile_cues(
    rf"{ADDRESSEE}\s+spreekt\s+(?:nu\s+)?met",
    r"mijn\s+(?:achter)?naam\s+is|ik\s+heet|ik\s+ben",
    r"met",
    r"(?:de\s+)?naam\s+is",
    r"dit\s+is",
    gate=("met", "naam", "heet", "ben", "dit", "spreekt"),
)
# The agent asking for the caller's name.
_YOUR = r"(?:uw|je|jouw)"
_NAME = r"(?:achter|voor|familie)?naam"
# Words that may stand between the question word and the name: "wat was ook alweer uw naam".
_ASIDE = r"(?:(?:ook|alweer|nou|nu|nog|even|eens|eigenlijk|dan|precies|weer)\s+)*"
NAME_QUESTION = compile_cues(
    rf"(?:wat|hoe)\s+(?:was|is|zei\s+{ADDRESSEE}\s+(?:\S+\s+){{0,2}}?dat)\s+{_ASIDE}(?:{_YOUR}|de)\s+"
    rf"(?:volledige\s+|hele\s+)?{_NAME}",
    rf"{_YOUR}\s+{_NAME}\s+(?:was|is)\s+(?:ook\s+alweer|nog\s+(?:eens|even)|ook)",
    rf"{_YOUR}\s+{_NAME}\s+(?:was|is)\s*(?:\.\.\.|…)?\s*\?",
    rf"{_YOUR}\s+{_NAME}\s+was\s*(?:\.\.\.|…)?\s*$",
    rf"{_NAME}\s+ook\s+alweer",
    r"(?:mag|kan|zou)\s+ik\s+(?:(?:nog|even|eens|nog\s+eens|nog\s+een\s+keer|dan|misschien|alvast)\s+)*"
    rf"{_YOUR}\s+(?:volledige\s+|hele\s+)?{_NAME}",
    rf"(?:kunt|kan|wilt|wil)\s+{ADDRESSEE}\s+(?:(?:nog|even|eens|nog\s+eens|nog\s+een\s+keer|mij)\s+)*"
    rf"{_YOUR}\s+(?:volledige\s+|hele\s+)?{_NAME}",
    r"met\s+wie\s+(?:spreek|praat|heb|had)\s+ik",
    r"wie\s+(?:spreek|heb|had)\s+ik\s+(?:(?:ook\s+alweer|nou|nu)\s+)?(?:aan\s+de\s+lijn|aan\s+de\s+telefoon)?",
    rf"hoe\s+(?:heet|heette|heten)\s+{ADDRESSEE}",
    rf"nog\s+(?:even|eens|een\s+keer)\s+{_YOUR}\s+(?:volledige\s+|hele\s+)?{_NAME}",
    rf"{_YOUR}\s+(?:achter)?naam\s+(?:graag|alstublieft|alsjeblieft|nog\s+(?:een\s+keer|eens|even))",
    rf"(?:onder|op)\s+welke\s+{_NAME}",
    rf"hoe\s+(?:schrijft|schrijf|spelt|spel)\s+(?:{ADDRESSEE}|ik)\s+(?:uw|je|jouw|de|die|dat)?\s*(?:achter)?naam",
    rf"(?:kunt|kan|wilt|wil)\s+{ADDRESSEE}\s+(?:(?:uw|je|de)\s+(?:achter)?naam\s+)?(?:even\s+|nog\s+eens\s+)?spellen",
    gate=("naam", "wie", "heet", "heten", "spel"),
)
# Saying why the name is asked again: the caller then hears it is not for lack of listening.
NAME_REASON = compile_cues(
    # certainty
    r"voor\s+de\s+zekerheid|zekerheidshalve|om\s+zeker\s+te\s+zijn|voor\s+de\s+(?:volledigheid|controle)",
    r"ter\s+(?:controle|verificatie|bevestiging)|om\s+te\s+(?:controleren|verifieren|checken)",
    r"ik\s+wil\s+(?:het\s+)?(?:zeker\s+weten|goed\s+hebben|het\s+goed\s+doen)",
    # not heard, a bad line
    r"niet\s+(?:goed\s+|helemaal\s+|duidelijk\s+|goed\s+kunnen\s+)?(?:verstaan|gehoord|meegekregen|opgevangen|"
    r"genoteerd|opgeschreven)",
    r"(?:verstond|hoorde|versta|hoor)\s+(?:ik\s+)?(?:het|u|dat|die|hem|uw\s+(?:achter)?naam)?\s*(?:niet|slecht)",
    r"(?:verbinding|lijn)\s+(?:is\s+|was\s+)?(?:\w+\s+)?(?:slecht|kraakt|kraakte|ruist|hapert|viel|valt|weg)",
    r"viel\s+(?:even\s+)?weg|wegviel|ruis|slecht\s+te\s+(?:verstaan|horen)|slecht\s+(?:verstaan|gehoord)",
    # an identity check
    r"identiteit|legitim\w*|verifi\w*|juiste\s+persoon|(?:controle|beveiligings)vra(?:ag|gen)",
    r"gegevens\s+(?:\S+\s+){0,2}?(?:controleren|checken|nalopen|nagaan|verifieren)",
    # a record or document that needs the name
    r"voor\s+(?:de|het|uw|je)\s+(?:bevestiging|administratie|registratie|aanvraag|melding|brief|bon|tegoedbon|polis|"
    r"pas|dossier|formulier|contract|factuur|ticket|reservering|boeking|afspraak|verzending|pakket|label|machtiging|"
    r"overschrijving|systeem|bestelling|aangifte|order|vergunning|claim)",
    r"(?:in|op|bij)\s+(?:het|de|uw|je)\s+(?:\S+\s+){0,2}?(?:dossier|systeem|formulier|aanvraag|polis|bon|tegoedbon|"
    r"brief|pas|label|ticket|bevestiging|contract|bestelling|reservering|boeking|melding|pakket|vergunning)\s+"
    r"(?:\S+\s+){0,3}?(?:zetten|zet|noteren|noteer|invullen|vastleggen|komen|komt|staan|staat|opnemen|vermelden|"
    r"vermeld|schrijven|printen|drukken|gedrukt)",
    r"(?:zet|zetten|noteer|noteren|schrijf|schrijven|leg|vastleggen|vul|invullen)\s+(?:\S+\s+){0,4}?(?:in|op)\s+"
    r"(?:het|de|uw|je)\s+(?:\S+\s+){0,2}?(?:dossier|systeem|formulier|aanvraag|polis|bon|tegoedbon|brief|pas|label|"
    r"ticket|bevestiging|contract|bestelling|reservering|boeking|melding|vergunning)",
    r"(?:controleren|checken|nagaan|verifieren)\s+(?:of|dat|wie)|(?:juiste|goede)\s+(?:persoon|klant|dossier|account|"
    r"gegevens|polis)",
    r"(?:goed|juist|correct|precies)\s+(?:\S+\s+){0,4}?(?:noteren|opschrijven|vastleggen|invullen|registreren|"
    r"schrijven|spellen|zetten|hebben)",
    r"om\s+(?:\S+\s+){0,4}?te\s+(?:noteren|registreren|vinden|zoeken|koppelen|controleren|versturen|sturen)",
    r"(?:naam|namen|gegevens)\s+(?:\S+\s+){0,4}?nodig|nodig\s+voor",
    r"(?:dossier|account|gegevens|klantgegevens|polis|contract|bestelling|boeking|reservering)\s+(?:te\s+)?"
    r"(?:vinden|zoeken|opzoeken|koppelen|controleren)",
    r"ik\s+zie\s+(?:twee|meerdere|verschillende)|(?:twee|meerdere)\s+(?:klanten|mensen|personen|dossiers|accounts)",
)
# A causal link in the asking sentence (or the one before it): "..., want die komt op de tegoedbon".
REASON_CONNECTIVE = compile_cues(r"omdat|zodat|want|aangezien|anders\s+kan\s+ik")

# -- holds ------------------------------------------------------------------------------------------------------

_LOOKUP_ASIDE = rf"(?:even|eventjes|efkes|effe|nu|snel|direct|meteen|voor\s+{ADDRESSEE})"
_SHORT_WAIT = (
    r"(?:een|twee|drie|vier|vijf|tien|twintig|dertig|veertig|vijftig|zestig|halve|anderhalve|paar|\d+)\s+"
    r"(?:seconden|secondjes|seconde|minuten|minuutjes|minuut|minuutje)"
)

# Between "kunt u" and "wachten": a short wait, with small words around it ("zolang even", "daar nog even op").
_WAIT_ASIDE = (
    r"(?:(?:nog|dan|daar|zo)\s+)*(?:even|eventjes|efkes|effe|heel\s+even|kort|zolang|zo\s+lang|solang)\s+"
    r"(?:(?:nog|even|daarop|op\s+mij|op\s+me)\s+)*(?:op\s+)?"
)
HOLD_ANNOUNCEMENT = compile_cues(
    r"in\s+de\s+wacht|wachtstand|wachtmuziek|on\s+hold",
    rf"wacht\s+(?:{ADDRESSEE}\s+)?(?:even|eventjes|efkes|effe|heel\s+even)\b",
    rf"(?:blijft|blijf)\s+{ADDRESSEE}\s+(?:(?:even|eventjes|efkes|effe|zo\s+lang|zolang|nog\s+even)\s+)?(?:aan\s+de\s+lijn|hangen)",
    r"momentje|moment(?:je)?\s+(?:alstublieft|alsjeblieft|graag)|een\s+moment(?:je)?|ogenblik(?:je)?",
    rf"(?:heeft|hebt)\s+{ADDRESSEE}\s+(?:(?:even|eventjes|efkes|effe|heel\s+even)\s+)?(?:een\s+)?(?:momentje|moment|ogenblikje|"
    r"minuutje|paar\s+minuten)",
    rf"(?:ik\s+ben|ben\s+ik|ik\s+kom)\s+(?:zo|zometeen|direct|meteen|straks|zo\s+snel\s+mogelijk)\s+(?:weer\s+)?"
    rf"(?:bij\s+{ADDRESSEE}\s+)?(?:terug|weer\s+bij)",
    rf"(?:ik\s+ben|ben\s+ik)\s+(?:zo|zometeen|direct)\s+weer\s+bij\s+{ADDRESSEE}",
    rf"(?:ik\s+ga|ik\s+zal|laat\s+ik|ik\s+moet|ik)\s+(?:dat|het|dit|uw\s+\w+|even|eventjes|efkes|effe|nu|snel|voor\s+{ADDRESSEE}|"
    r"\s)*"
    r"(?:navragen|nakijken|opzoeken|uitzoeken|checken|overleggen|natrekken|uitzoeken|opvragen|nagaan|"
    r"controleren|bekijken|doorrekenen|berekenen)",
    r"(?:ik\s+)?(?:overleg|vraag|kijk|zoek|check)\s+(?:dat|het|dit)?\s*(?:even|eventjes|efkes|effe|kort)\s+"
    r"(?:na|op|uit|mee|bij|met\s+(?:een|mijn)\s+(?:collega|leidinggevende|teamleider|afdeling))",
    rf"mag\s+ik\s+{ADDRESSEE}\s+{_WAIT_ASIDE}(?:laten\s+)?wachten",
    # "kunt u even wachten", "wilt u zolang even wachten", "wilt u daar nog even op wachten" (not "kunt u wachten
    # tot de brief er is": a short wait is named)
    rf"(?:wilt|kunt|wil|kan)\s+{ADDRESSEE}\s+{_WAIT_ASIDE}(?:blijven\s+)?wachten",
    r"aan\s+de\s+lijn\s+(?:blijven|te\s+blijven)|(?:nog\s+)?(?:heel\s+)?(?:even|eventjes|efkes|effe)\s+geduld",
    r"een\s+ogenblik(?:je)?\s+geduld",
    r"(?:dat|dit|het)\s+duurt\s+(?:ongeveer\s+|zo'?n\s+|maximaal\s+|hooguit\s+|nog\s+|heel\s+|even\s+|een\s+)*"
    r"(?:\d|een|twee|drie|vier|vijf|tien|anderhalve|halve|paar|minuut|minuutje|seconden|momentje|even|eventjes)",
    rf"(?:ik\s+)?(?:zoek|kijk|vraag|check|reken|bereken)\s+(?:het|dat|dit)\s+(?:(?:even|eventjes|efkes|effe|nu|voor\s+{ADDRESSEE}|"
    r"graag|snel)\s+)*(?:na|op|uit|door)\b",
    # looking something up while the caller waits: "ik zoek op wanneer de monteur komt", "ik ga even na of ...".
    rf"ik\s+(?:ga\s+)?(?:{_LOOKUP_ASIDE}\s+)*(?:kijk|kijken|zoek|zoeken|check|checken|bekijk|controleer|informeer|vraag|"
    rf"vragen|overleg)\s+(?:{_LOOKUP_ASIDE}\s+)*(?:waar|wat|of|hoe|wanneer|welke?|wie|waarom|hoeveel|hoelang|na|op|uit|"
    r"in|naar)",
    rf"(?:ik\s+ga|laat\s+me|laat\s+mij)\s+(?:{_LOOKUP_ASIDE}\s+)*(?:kijken|zoeken|navragen|checken|informeren|"
    r"overleggen|nakijken|opzoeken)",
    r"(?:^|[.!?]\s+)(?:(?:oke|goed|ja)[,\s]+)?even\s+(?:kijken|zoeken|checken)",
    # a short wait named on its own: "een secondje", "geeft u me twee minuten", "... dertig seconden."
    r"(?:een\s+)?(?:secondje|minuutje)(?:\s+(?:geduld|alstublieft|alsjeblieft|graag))?",
    rf"(?:geef|geeft)\s+(?:{ADDRESSEE}\s+)?(?:me|mij)\s+(?:(?:even|heel\s+even|nog)\s+)?(?:\S+\s+)?(?:momentje|moment|"
    r"ogenblik|seconde|secondje|seconden|minuut|minuutje|minuten|minuutjes)",
    rf"{_SHORT_WAIT}\s*(?:geduld\s*)?(?:alstublieft|alsjeblieft|graag)?\s*[.!]?\s*$",
    gate=(
        "wacht",
        "hold",
        "moment",
        "ogenblik",
        "blijf",
        "weer",
        "terug",
        "vra",
        "kijk",
        "zoek",
        "check",
        "overleg",
        "trek",
        "nagaan",
        "controle",
        "reken",
        "geduld",
        "duurt",
        "second",
        "minu",
        "lijn",
        "informe",
    ),
)
# Coming back during a hold without the answer yet: the hold goes on, but the caller is not forgotten.
HOLD_CHECK_IN = compile_cues(
    r"nog\s+(?:heel\s+)?(?:even|eventjes|efkes|effe|een\s+momentje|een\s+ogenblikje)\s+geduld",
    r"(?:ik\s+ben|ben\s+ik)\s+(?:er\s+)?nog\s+(?:even\s+)?(?:mee\s+)?bezig",
    r"(?:ik\s+ben|ben\s+ik)\s+er\s+nog",
    rf"(?:bent|ben)\s+{ADDRESSEE}\s+er\s+nog",
    rf"(?:hangt|hang)\s+{ADDRESSEE}\s+er\s+nog",
    r"het\s+duurt\s+(?:nog\s+)?(?:iets|wat|even|een\s+beetje|helaas\s+wat)?\s*langer",
    r"duurt\s+(?:iets|wat|even|helaas\s+wat)\s+langer",
    r"(?:sorry|excuses|excuus|het\s+spijt\s+me)\s+(?:dat\s+het\s+)?(?:zo\s+|even\s+|wat\s+)?lang\s+duurt",
    r"(?:ik\s+ben|ben\s+ik)\s+(?:er\s+)?(?:bijna|zo)\s+(?:klaar|zover|terug)|ik\s+ben\s+er\s+(?:bijna|zo)\b",
    r"nog\s+(?:heel\s+)?even\s+(?:wachten|volhouden)",
    r"nog\s+(?:een\s+)?(?:paar|enkele|twee|drie)\s+(?:minuutjes|minuten|minuutje)",
    rf"wilt\s+{ADDRESSEE}\s+(?:nog\s+)?(?:blijven\s+)?wachten\s+of",
    rf"(?:wilt|zal)\s+(?:{ADDRESSEE}|ik)\s+(?:liever\s+)?(?:dat\s+ik\s+{ADDRESSEE}\s+)?terug(?:bel|bellen)",
    gate=("nog", "duurt", "ben", "wachten", "terug"),
)
# Coming back from a hold with the answer: ends the hold.
HOLD_RETURN = compile_cues(
    r"(?:dank|bedankt)\s+(?:u|je|jullie)?\s*(?:wel\s+)?(?:voor\s+het|voor\s+uw|voor\s+je|dat\s+u|dat\s+je)\s+"
    r"(?:wachten|geduld|gewacht)",
    r"(?:daar|hier)\s+ben\s+ik\s+weer|ik\s+ben\s+(?:er\s+)?weer|ik\s+heb\s+(?:het|het\s+antwoord|uw\s+\w+)\s+gevonden",
)

# -- next steps, summaries, closings ----------------------------------------------------------------------------

# A concrete moment: "morgen", "vandaag voor vijf uur", "om tien uur", "binnen twee werkdagen", "donderdag".
_NUMBER_WORDS = r"\d|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|half|kwart|anderhalf"
TIME_EXPRESSION = (
    r"(?:(?:morgen|overmorgen|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
    r"(?:voormiddag|namiddag|ochtend|middag|avond|vroeg)|(?:deze|in\s+de)\s+(?:voormiddag|namiddag)|"
    r"vandaag|morgen|overmorgen|vanmiddag|vanavond|vanochtend|vanmorgen|straks|zo\s+meteen|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"(?:deze|volgende|komende)\s+week|(?:aan\s+het\s+)?(?:eind|einde)\s+van\s+de\s+(?:dag|middag|week|ochtend)|"
    rf"(?:voor|om|na|tussen|rond|uiterlijk|binnen|over|vanaf)\s+(?:{_NUMBER_WORDS})|"
    r"(?:voor|na)\s+(?:het|de)\s+(?:weekend|lunch|middag|avond|ochtend|einde?)|"
    r"\d{1,2}[:.]\d{2}|\d{1,2}\s+uur|binnen\s+\w+\s+(?:uur|dagen|werkdagen|week|weken|kwartier))"
)
_CALLER = rf"(?:{ADDRESSEE})"
# The organisation calls the customer: "ik bel u", "bel ik u", "mijn collega belt u", "belt mijn collega Fenna u",
# "u wordt teruggebeld", "nemen wij contact met u op". ("Belt u gerust terug" is the customer calling: not one.)
_NOT_THIS_CALL = (
    r"(?!\s+(?:(?:even|nu|eventjes)\s+)?(?:over|omdat|namens|vanwege|want|in\s+verband\s+met|ivm|i\.v\.m\.)\b)"
)
_ORGANISATION_CALLS = (
    # (not the reason for this call: "ik bel u over de storing die u vanochtend meldde", "ik bel u omdat ...")
    rf"(?:ik|wij|we)\s+(?:bel|bellen)\s+{_CALLER}\b{_NOT_THIS_CALL}",
    rf"(?:bel|bellen)\s+(?:ik|wij|we)\s+{_CALLER}\b{_NOT_THIS_CALL}",
    rf"(?:collega|hij|zij|ze|afdeling|\w+afdeling|\w*dienst|monteur|adviseur|specialist|iemand|teamleider|"
    rf"leidinggevende|planner|planning)\s+(?:\S+\s+){{0,3}}?(?:belt|bellen)\s+{_CALLER}\b",
    rf"(?:belt|bellen)\s+(?:mijn|een|onze|de|hij|zij|ze)\s+(?:\S+\s+){{0,5}}?{_CALLER}\b",
    rf"{_CALLER}\s+(?:wordt|word)\s+(?:\S+\s+){{0,6}}?(?:teruggebeld|gebeld)",
    rf"contact\s+met\s+{_CALLER}\s+op",
    rf"(?:contacteer|contacteren)\s+(?:ik|wij|we)\s+{_CALLER}\b|(?:ik|wij|we)\s+(?:contacteer|contacteren)\s+{_CALLER}\b",
    rf"(?:laat|laten)\s+(?:ik\s+|wij\s+|we\s+)?{_CALLER}\s+(?:\S+\s+){{0,6}}?(?:terug)?bellen",
    rf"{_CALLER}\s+hoort\s+(?:\S+\s+){{0,5}}?van\s+(?:mij|ons|mijn\s+collega|de\s+\w+)",
    r"terugbelafspraak|terugbelverzoek|belafspraak",
)
ORGANISATION_CALLS = compile_cues(*_ORGANISATION_CALLS, gate=("bel", "contact", "hoort"))
TIME = compile_cues(TIME_EXPRESSION)
# Through to a named department or person ("ik verbind u door", "dan verbind ik u nu door"): "met de afdeling
# klachten", "met mijn collega van facturen",
# "met mijn collega Sanne", "naar de technische dienst". ("Met een collega" names nobody.)
_NAMED_TARGET = (
    r"(?:(?:de|het|onze|mijn)\s+)?(?:afdeling\s+\w+|\w+afdeling|\w*dienst|\w*desk|backoffice|team\s+\w+|"
    r"\w+team|specialist\s+\w+|(?:(?:mijn|onze|een)\s+)?collega\s+(?:van\s+(?:de\s+|het\s+)?\w+|"
    r"(?!die\b|dat\b|de\b|het\b|een\b|en\b|voor\b|om\b|zodat\b|want\b|u\b)\w{3,})|technische\s+\w+|"
    r"(?:mevrouw|meneer)\s+\w+|(?!de\b|het\b|een\b|u\b|ons\b|iemand\b)\w{3,}\s+(?:van|op|bij)\s+(?:de\s+)?\w+)"
)
NEXT_STEP_TRANSFER = compile_cues(
    rf"(?:verbind|verbinden|zet|zetten|schakel|schakelen)\s+(?:(?:ik|we|wij)\s+)?(?:{ADDRESSEE}\s+)?"
    r"(?:(?:nu|meteen|direct|even|zo)\s+)*"
    rf"door\s+(?:met|naar)\s+{_NAMED_TARGET}",
    rf"door(?:verbinden|verbind|geschakeld|gezet)\s+(?:met|naar)\s+{_NAMED_TARGET}",
    gate=("door",),
)
NEXT_STEP_WRITTEN = compile_cues(
    r"(?:ik\s+stuur|wij\s+sturen|we\s+sturen|ik\s+mail|we\s+mailen|wij\s+mailen|u\s+ontvangt|je\s+ontvangt|"
    r"u\s+krijgt|je\s+krijgt|ik\s+bevestig|wij\s+bevestigen|we\s+bevestigen|stuur\s+ik|sturen\s+we|"
    r"sturen\s+wij|mail\s+ik)\s+(?:\S+\s+){0,8}?"
    r"(?:bevestiging|bevestigingsmail|brief|e-?mail|mail|mailtje|overzicht|schriftelijk|per\s+post|zwart\s+op\s+wit|"
    r"op\s+papier|sms)",
    r"(?:bevestiging|brief|overzicht)\s+(?:\S+\s+){0,4}?(?:per\s+(?:e-?mail|mail|post)|in\s+uw\s+(?:mailbox|brievenbus))",
    r"(?:krijgt|ontvangt)\s+(?:u|je)\s+(?:\S+\s+){0,6}?(?:bevestiging|brief|e-?mail|mail|overzicht|schriftelijk)",
    r"schriftelijk\s+(?:bevestigen|bevestigd|vastleggen|vastgelegd)",
    # what the organisation sends arrives in writing: "de bevestiging komt morgen per post", "volgt per post".
    r"(?:komt|komen|gaat|gaan|volgt|volgen)\s+(?:\S+\s+){0,4}?(?:per|via\s+de|in\s+uw)\s+(?:e-?mail|mail|post|brief|sms|"
    r"mailbox|brievenbus)",
    r"per\s+(?:e-?mail|mail|post|brief)\s+(?:\S+\s+){0,3}?(?:toegestuurd|opgestuurd|nagestuurd|verstuurd|bevestigd|"
    r"gestuurd)",
    gate=("bevestig", "brief", "mail", "overzicht", "schriftelijk", "post", "papier", "sms", "zwart", "brievenbus"),
)
APPOINTMENT = compile_cues(
    rf"(?:monteur|adviseur|collega|bezorger|technicus|medewerker|iemand)\s+(?:\S+\s+){{0,4}}?"
    rf"(?:komt|langs|langskomen)[^.?!]{{0,40}}?\b{TIME_EXPRESSION}",
    r"(?:afspraak|afspraken)\s+(?:\S+\s+){0,3}?(?:ingepland|gemaakt|staat|voor|op)\b",
    gate=("monteur", "adviseur", "collega", "bezorger", "technicus", "medewerker", "iemand", "afspra"),
)
# Something the agent did or will do for the caller: an agreement a closing summary should repeat.
_AGREE_VERBS = (
    r"zet|pas|regel|stort|stuur|verstuur|maak|verleng|verlaag|verhoog|plan|boek|annuleer|blokkeer|crediteer|verwerk|"
    r"wijzig|reserveer|stop|koppel|meld|voeg|bestel|registreer|activeer|verander|zeg\s+\S+\s+op|vraag\s+\S+\s+"
    r"(?:\S+\s+)?aan|dien\s+\S+\s+(?:\S+\s+)?in|geef\s+\S+\s+(?:\S+\s+)?door|leg\s+\S+\s+(?:\S+\s+)?vast|"
    r"zetten|passen|regelen|sturen|versturen|maken|plannen|boeken|annuleren|blokkeren|stoppen|koppelen|melden|"
    r"bestellen|storten|crediteren|verwerken|wijzigen"
)
# Not putting the caller on hold ("ik zet u even in de wacht"), nor connecting to look something up ("ik maak
# verbinding met uw thermostaat", "ik maak contact met het systeem"), nor a remote reset: none agrees anything.
_NOT_A_HOLD = (
    r"(?!\s+(?:u|je)\s+(?:(?:even|eventjes|efkes|effe|nu|heel|kort)\s+)*(?:in\s+de\s+wacht|on\s+hold))"
    r"(?!\s+(?:\S+\s+){0,3}?(?:verbinding|contact)\s+met\s+(?:uw|je|de|het|ons)\s+(?!collega|afdeling)\w+)"
    # nor a remote action tried while the caller waits: "ik stuur een reset naar het kastje"
    r"(?!\s+(?:\S+\s+){0,2}?(?:reset|resetsignaal|signaal|testsignaal|herstart|herstartsignaal|commando)\b)"
)
AGREEMENT = compile_cues(
    rf"(?:ik|wij|we)\s+(?:{_AGREE_VERBS})\b{_NOT_A_HOLD}",
    rf"(?:{_AGREE_VERBS})\s+(?:ik|wij|we)\b{_NOT_A_HOLD}",
    r"(?:heb|hebben|wordt|worden)\s+(?:\S+\s+){0,6}?(?:aangepast|geregeld|doorgevoerd|"
    r"aangevraagd|gewijzigd|verlaagd|verhoogd|teruggestort|gecrediteerd|opgezegd|stopgezet|gestopt|verwerkt|"
    r"vastgelegd|ingepland|aangemaakt|verlengd|geblokkeerd|gedeblokkeerd|omgezet|toegevoegd|ingediend|verstuurd|"
    r"gestuurd|hersteld|vrijgegeven|uitgesteld|verzet|klaargezet|gereserveerd|doorgegeven|doorgezet|gekoppeld|"
    r"aangezet|aangemeld|geannuleerd|geboekt|besteld|bezorgd|opgestuurd|geleverd|vervangen|opgehaald|gerepareerd|"
    r"terugbetaald|vergoed|gemaakt|ingezet|genoteerd)",
    r"(?:staat|staan)\s+(?:nu\s+|vanaf\s+\S+\s+)?(?:aan|erin|erop|klaar|ingepland|gepland)\b",
    # the customer's choice taken down: "Staat genoteerd.", "dan staat dat genoteerd", "Genoteerd, ..."
    r"(?:staat|staan)\s+(?:\S+\s+){0,3}?genoteerd|(?:^|[.!?]\s+)\W*genoteerd",
    r"(?:u|je)\s+(?:krijgt|ontvangt)\s+(?:\S+\s+){0,6}?(?:terug|binnen|toegestuurd|thuisgestuurd|vergoed|"
    r"bevestiging|mail|e-?mail|brief|pakket|pas|nieuwe|vervangende|korting|tegoed|euro)",
    r"(?:u|je)\s+hoort\s+(?:het\s+|nog\s+|dan\s+)*(?:van\s+ons|binnen|zodra|morgen|vandaag|uiterlijk)",
    r"(?:ik|wij|we)\s+(?:zorg|zorgen)\s+(?:ervoor\s+)?dat",
    rf"(?:komen|komt)\s+(?:ze|zij|hij|we|wij|de\s+\w+)\s+(?:\S+\s+){{0,3}}?{TIME_EXPRESSION}",
    r"(?:we\s+spreken|we\s+hebben|hebben\s+we|spreken\s+we)\s+(?:\S+\s+){0,2}?af",
    # "vanaf maandag komt er elke ochtend iemand", "morgen komt er een monteur"
    rf"{TIME_EXPRESSION}\s+(?:\S+\s+){{0,2}}?(?:komt|komen)\s+er\s+(?:\S+\s+){{0,4}}?(?:iemand|een\s+\w+)",
    r"afgesproken|afspraak",
    # Two in three agent turns have none of these (most common first: a turn that has one stops the test early).
    gate=(
        "kom",
        "heb",
        "stu",
        "zet",
        "genoteerd",
        "stort",
        "word",
        "pas",
        "regel",
        "leg",
        "sta",
        "maken",
        "afsp",
        "afgesproken",
        "dien",
        "maak",
        "krijgt",
        "ontvangt",
        "hoort",
        "zorg",
        "spreken",
        "plan",
        "boek",
        "stop",
        "meld",
        "zeg",
        "vraag",
        "geef",
        "wijzig",
        "verl",
        "verhoog",
        "annule",
        "blokke",
        "credite",
        "verwerk",
        "reserveer",
        "koppel",
        "voeg",
        "bestel",
        "registreer",
        "activeer",
        "verander",
    ),
)
# A recap of what was agreed: "Samengevat: ...", "Dan zet ik het op een rij", "Dus wat we afspreken is ...".
_DONE_TOGETHER = r"(?:afgesproken|gedaan|geregeld|besproken|aangepast|veranderd|gewijzigd|afgehandeld)"
SUMMARY = compile_cues(
    r"(?:kort\s+|even\s+|nog\s+(?:even\s+)?|dus\s+)?samengevat|samenvatting|samen\s*te\s*vatten|samenvatten",
    r"vat\s+(?:\w+\s+){0,3}samen",
    r"op\s+een\s+rij(?:tje)?|recapitul\w+|nog\s+(?:even\s+|een\s+keer\s+)?(?:alles\s+)?(?:herhalen|doorlopen|nalopen)",
    r"herhaal\s+(?:ik\s+)?(?:het|even|nog|eens|kort|de\s+afspraken?|wat)\b",
    # "mag ik het even herhalen?", "kort herhaald:", "heb ik alles goed genoteerd: ...", "even kijken of ik alles heb:"
    r"(?:mag|zal|kan)\s+ik\s+(?:het|dat|alles|de\s+afspraak|de\s+afspraken)\s+(?:nog\s+)?(?:(?:even|eventjes|efkes|"
    r"kort|eens)\s+)?herhalen|kort\s+herhaald",
    r"heb\s+ik\s+alles\s+(?:zo\s+)?(?:goed|juist|correct)\s+(?:genoteerd|staan|begrepen)|of\s+ik\s+alles\s+"
    r"(?:goed\s+|juist\s+)?(?:heb|genoteerd\s+heb)",
    r"samenvattend|(?:nog\s+even\s+)?de\s+afspraken\s*(?::|op\s+een\s+rij|nog\s+even|zijn)",
    r"(?:even\s+)?voor\s+de\s+duidelijkheid|voor\s+het\s+overzicht|kort\s+gezegd|"
    r"het\s+komt\s+erop\s+neer|alles\s+(?:nog\s+)?(?:even\s+)?bij\s+elkaar",
    r"(?:we|wij)\s+(?:hebben|spreken)\s+(?:dus\s+)?(?:\S+\s+){0,2}?af(?:gesproken)?",
    r"(?:dan\s+)?(?:spreken|hebben)\s+(?:we|wij)\s+(?:dus\s+)?(?:\S+\s+){0,2}?af(?:gesproken)?",
    # "wat we hebben afgesproken", "wat we zojuist gedaan hebben", "zoals we nu afspreken"
    rf"(?:wat|zoals)\s+(?:we|wij|ik)\s+(?:(?:nu|net|zojuist|dus|vandaag)\s+)?(?:(?:hebben|heb)\s+{_DONE_TOGETHER}|"
    rf"{_DONE_TOGETHER}\s+(?:hebben|heb)|afspreken)",
    r"(?:(?:ik|we)\s+(?:loop|lopen)|(?:loop|lopen)\s+(?:ik|we))\s+(?:het|alles|de\s+afspraken)\s+(?:nog\s+)?(?:even\s+)?"
    r"(?:met\s+u\s+)?(?:na|door)",
    r"(?:de\s+)?afspraak\s+is\s+(?:dus|dan)",
    # "dus afgesproken is ...", "wat er afgesproken is: ...", "dus afgesproken: ..."
    r"(?:dus|wat\s+(?:er\s+)?(?:nu\s+|dus\s+)?)\s*afgesproken\s+is|(?:dus|dan)\s+(?:nog\s+even\s+)?afgesproken\s*:",
    # a short lead-in with a colon, then the list: "Dus: ...", "Dan nog even alles: ..."
    r"(?:^|[.!?]\s+)(?:(?:oke|goed|nou|ja)[,\s]+)?(?:dus|dan)(?:[,\s]+(?:nog|even|eventjes|kort|alles|een|keer|"
    r"nogmaals|voor|de|duidelijkheid|het|overzicht))*\s*:",
    gate=(
        "samen",
        "rij",
        "recapitul",
        "herha",
        "afspra",
        "afgesproken",
        "duidelijk",
        "overzicht",
        "kort",
        "erop",
        "elkaar",
        "heb",
        "spreken",
        "lopen",
        "loop",
        ":",
    ),
)
# A closing greeting in the agent's last turn: "fijne dag (nog)", "prettige avond", "tot ziens", "dag mevrouw
# Jansen", "tot straks", "tot vanmiddag"; Flemish "nog een goeie dag (verder)", "nog een schone dag", "goeiendag".
# ("Graag gedaan" alone is none.)
CLOSING_GREETING = compile_cues(
    r"(?:fijne|prettige|goede|goeie|goei|schone|mooie|leuke|gezellige|aangename|fijn|prettig|goed)\s+"
    r"(?:\w+\s+|rest\s+van\s+(?:de|uw|je)\s+)?"
    r"(?:dag|middag|avond|ochtend|morgen|voormiddag|namiddag|weekend|week|vakantie|feestdagen|reis|zondag|zaterdag|"
    r"vrijdag|maandag|dinsdag|woensdag|donderdag|jaarwisseling|kerst|nacht|dienst)",
    r"tot\s+(?:ziens|horens|straks|zo|morgen|overmorgen|vanmiddag|vanavond|vanochtend|vanmorgen|vannamiddag|dan|gauw|"
    r"snel|binnenkort|de\s+volgende\s+keer|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"(?:volgende|komende)\s+week|later)",
    r"doei|daag",
    r"goe(?:de|ie)n?dag|(?:goedemiddag|goedenavond|goedemorgen|goeiemiddag|goeienavond|goeiemorgen)\s+(?:nog|verder)",
    r"(?:met\s+)?vriendelijke\s+groet(?:en)?|houdoe|het\s+beste|alle\s+goeds",
    # formal and Flemish telephone closings: "tot wederhoren", "het ga u goed", "nog een prettige voortzetting"
    rf"tot\s+wederhorens?|het\s+ga\s+{ADDRESSEE}\s+goed|(?:prettige|fijne|goede|goeie|verdere)\s+voortzetting",
    r"salut|bye|doeg|(?:veel\s+)?beterschap(?:\s+gewenst)?|nog\s+een\s+(?:goeie|goede|fijne|schone)\s*[.!]?\s*$",
    r"(?:^|[,.!]\s*|ja\s+|oke\s+|nou\s+)dag(?:\s+(?:meneer|mevrouw|hoor|dag)(?:\s+\w+)*)?\s*[.!]?\s*$",
    # unpunctuated speech-to-text: "... krijgt u een brief dag meneer de vries"
    r"\bdag\s+(?:meneer|mevrouw)(?:\s+[\w'-]+){0,3}\s*[.!]?\s*$",
)
# A recap put as a check, after the agreement: "Dus we zien u woensdag om half vier, met uw pasfoto, klopt dat?",
# "heb ik het goed dat u de offerte vanavond mailt en dat ...?" (a sentence-initial "dus" with at least six words
# before the check, or "heb ik het goed dat").
RECAP_CHECK = compile_cues(
    r"(?:^|[.!?]\s+)(?:(?:oke|oké|goed|ja|fijn|prima|perfect|allee|top)[,\s]+)?dus\s+(?:[\w'-]+[\s,]+){6,}?"
    r"(?:klopt\s+(?:dat|dit|het)|is\s+dat\s+(?:zo\s+)?(?:juist|correct|goed)|heb\s+ik\s+(?:dat|het)\s+(?:zo\s+)?goed|"
    r"toch\s*\?|correct\s*\?)",
    r"heb\s+ik\s+(?:het|dat)\s+(?:dan\s+|zo\s+)?goed\s+(?:begrepen\s+)?dat\s+(?:[\w'-]+[\s,]+){5,}",
    gate=("klopt", "juist", "correct", "goed", "toch"),
)
# The agent puts the customer through at the end of the call: "Dan verbind ik u nu door.", "ik zet u door".
TRANSFER_NOW = compile_cues(
    rf"(?:verbind|zet|schakel)\s+(?:ik\s+)?{ADDRESSEE}\s+(?:(?:nu|meteen|direct|even|zo|dan)\s+)*door\b",
    rf"(?:ik\s+)?(?:verbind|zet|schakel)\s+{ADDRESSEE}\s+(?:(?:nu|meteen|direct|even|zo|dan)\s+)*door\b",
    gate=("door",),
)
# "Dat kan niet" refuses only after a request ("Kunt u ...?"); after a question of fact it answers it.
# "helaas" and its Flemish and spoken variants, as an aside in a refusal.
_REGRET = r"(?:helaas|jammer\s+genoeg|spijtig\s+genoeg|eerlijk\s+gezegd)\s+"
REFUSAL_AFTER_REQUEST = compile_cues(
    rf"(?:dat|dit|het)\s+(?:kan|gaat|lukt|mag)\s+(?:{_REGRET}|echt\s+|gewoon\s+|dus\s+)*(?:niet|nie)",
    rf"(?:dat|dit|het)\s+is\s+(?:{_REGRET}|echt\s+|gewoon\s+|bij\s+ons\s+)*niet\s+(?:mogelijk|toegestaan|de\s+bedoeling)",
    gate=("nie",),
)
# The agent asking for something the customer answers in a few words: "mag ik het boekingsnummer", "wat is uw
# postcode?". Such an answer does not end the customer's request made before it.
AGENT_QUESTION = compile_cues(
    r"\?",
    r"(?:mag|kan|kun)\s+ik\s+(?:\S+\s+){0,2}?(?:uw|je|jouw|het|de|even)",
    r"(?:wat|hoe)\s+(?:is|was|zijn|luidt)\s+(?:uw|je|jouw|het|de)",
    rf"(?:heeft|hebt|weet|kent)\s+{ADDRESSEE}\s+(?:\S+\s+){{0,2}}?(?:uw|je|het|de|een)",
    r"(?:welk|welke|wanneer|waar|hoeveel|hoelang)",
    rf"(?:kunt|wilt|kan|wil)\s+{ADDRESSEE}\s+(?:\S+\s+){{0,4}}?(?:noemen|geven|spellen|doorgeven|opnoemen)",
)
# The customer asking for something (not asking whether something is so).
REQUEST = compile_cues(
    rf"(?:kunt|kan|kun|wilt|wil|zou|zoudt|kunnen|willen)\s+{ADDRESSEE}\b",
    r"(?:mag|kan|kun)\s+ik\b",
    r"(?:ik|we|wij)\s+(?:wil|wou|wilde|willen|wilden|zou\s+graag|zouden\s+graag|zou\s+willen|zouden\s+willen|"
    r"had\s+graag|hadden\s+graag)\b",
    # the object between: "ik zou hem willen ruilen", "we zouden de afspraak graag verzetten"
    r"(?:ik|we|wij)\s+(?:zou|zouden)\s+(?:\S+\s+){1,3}?(?:willen|graag)\b",
    r"graag|alsjeblieft|alstublieft",
    r"(?:is|zou)\s+(?:het|dat)\s+(?:niet\s+)?mogelijk",
    r"kan\s+(?:dat|die|hij|het|de\s+\w+|het\s+\w+)\s+(?:niet\s+)?(?!zijn\b)\w+",
    # "kan er (dan) iemand langskomen", "kan er een monteur komen"
    r"kan\s+er\s+(?:\S+\s+){0,3}?(?:iemand|een\s+\w+)\s+(?!zijn\b)\w+",
)
# A question of fact about what may be so, not a request: "Kan het zijn dat de meter verkeerd telt?", "Kan die schimmel
# gevaarlijk zijn?", "kan dat kloppen".
FACT_QUESTION = compile_cues(
    r"kan\s+(?:het|dat|dit|die|hij|ze|zij|(?:de|het|die|dat|dit|mijn|onze|zo'?n)\s+\w+)\s+(?:\S+\s+){0,4}?"
    r"(?:zijn|kloppen|klopt)",
    gate=("kan",),
)
NON_RESOLUTION = compile_cues(
    r"(?:kan|kunnen|mag|mogen)\s+(?:ik|wij|we)\s+(?:\S+\s+){0,3}?(?:helaas\s+)?niet\s+(?!alleen\b|meteen\b|"
    r"direct\b|nu\b|zomaar\b)\w+",
    r"(?:dat|dit)\s+(?:doen|kunnen|mogen)\s+(?:wij|we)\s+(?:helaas\s+|dus\s+)?(?:niet|nooit)",
    rf"(?:dat|dit)\s+(?:weet|weten)\s+(?:ik|wij|we)\s+(?:{_REGRET}|ook\s+|eigenlijk\s+|echt\s+)*(?:niet|niet\s+precies)",
    r"(?:daar|hier)\s+(?:heb|hebben)\s+(?:ik|wij|we)\s+(?:helaas\s+)?geen\s+(?:zicht|toegang)\s+(?:op|toe)\b",
    r"(?:ik|wij|we)\s+(?:weet|weten)\s+(?:het|dat)\s+(?:helaas\s+|ook\s+|eigenlijk\s+|echt\s+)*niet\b(?!\s+(?:of|hoe|wat|"
    r"waar|wanneer|precies\s+(?:of|hoe)))",
    r"weet\s+ik\s+veel",
    # the unknown fronted: "wanneer het klaar is, weet ik niet", "hoe lang dat duurt weet ik helaas niet"
    r"(?:wanneer|of|hoe|hoelang|waar|wat|welke?)\s+(?:\S+\s+){1,6}?weet\s+ik\s+(?:helaas\s+|ook\s+|echt\s+|nu\s+|nog\s+)*"
    r"niet\b(?!\s+(?:of|hoe|wat|waar|wanneer))",
    # sent elsewhere: "omruilen gaat niet via ons", "daar hebben wij geen invloed op"
    r"(?:gaat|loopt|kan)\s+(?:helaas\s+)?niet\s+via\s+(?:ons|mij)\b",
    r"(?:daar|hier|dat)\s+(?:hebben|heb)\s+(?:wij|we|ik)\s+(?:helaas\s+)?geen\s+(?:invloed|zeggenschap)\s+(?:op|over)",
    r"(?:dat|dit)\s+(?:gaan|ga)\s+(?:wij|we|ik)\s+(?:helaas\s+)?niet\s+(?:doen|vergoeden|terugbetalen|regelen|aanpassen|"
    r"veranderen|terugdraaien|crediteren)",
    r"(?:kan|kunnen|mag|mogen)\s+(?:ik|wij|we)\s+(?:\S+\s+){0,2}?(?:helaas\s+)?(?:niets|niks)\s+(?:aan|mee|voor)\b",
    r"(?:dat|dit)\s+is\s+(?:helaas\s+)?niet\s+aan\s+(?:ons|mij)",
    r"(?:geen|echt\s+geen)\s+(?:idee|flauw\s+idee)",
    r"(?:daar|dat)\s+(?:ga|gaan)\s+(?:ik|wij|we)\s+(?:helaas\s+)?niet\s+over",
    r"daar\s+weet\s+ik\s+(?:niks|niets)\s+van",
    rf"(?:ik|wij|we)\s+(?:kan|kunnen|mag|mogen)\s+(?:{ADDRESSEE}\s+)?(?:daar|hier|er|daarmee|hiermee)?\s*"
    rf"(?:helaas\s+|echt\s+|verder\s+)*(?:niet|niets|niks)\s+(?:mee\s+)?(?:helpen|doen|voor\s+{ADDRESSEE}\s+doen|"
    rf"aan\s+doen|regelen|betekenen|aan\s+veranderen)",
    r"helaas\s+(?:kan|kunnen|mag|mogen|is|gaat|lukt)\s+(?:ik|wij|we|dat|het|dit)\b",
    r"(?:ik|wij|we)\s+(?:kan|kunnen|mag|mogen)\s+(?:dat|dit|het)\s+(?:helaas\s+)?niet\s+\w+",
    r"(?:dat|dit)\s+(?:is|valt)\s+(?:niet\s+)?(?:mijn|onze)\s+(?:afdeling|taak|probleem|verantwoordelijkheid)"
    r"(?:\s+niet)?",
    r"niet\s+(?:ons|mijn)\s+(?:probleem|pakkie-an|afdeling)|buiten\s+(?:onze|mijn)\s+(?:macht|bevoegdheid)",
    r"daar\s+kan\s+ik\s+(?:niks|niets)\s+mee|daar\s+kan\s+ik\s+(?:niks|niets)\s+aan\s+doen",
    r"dat\s+(?:weet|kan)\s+ik\s+(?:u|je)\s+niet\s+(?:zeggen|vertellen)",
    r"(?:wordt|kan)\s+(?:helaas\s+)?niet\s+(?:vergoed|terugbetaald|gecrediteerd|teruggestort)",
    r"(?:vergoeden|betalen|crediteren|accepteren|leveren|doen)\s+(?:wij|we)\s+(?:\S+\s+){0,2}?(?:helaas\s+)?niet\b",
    r"(?:wij|we)\s+(?:vergoeden|betalen|crediteren|accepteren|leveren)\s+(?:\S+\s+){0,3}?(?:niet|geen)\b",
    r"(?:valt|vallen)\s+(?:helaas\s+)?niet\s+onder",
    r"(?:daar|dat)\s+(?:ben|zijn)\s+(?:ik|wij|we)\s+(?:helaas\s+)?niet\s+voor",
    r"(?:dat|dit|het)\s+zit\s+er\s+(?:helaas\s+|echt\s+)*niet\s+in|(?:dat|dit)\s+is\s+(?:helaas\s+)?geen\s+optie",
    # the object first, the refusal closing the clause: "gratis annuleren kan ik niet: ..."
    r"(?:kan|kunnen|mag|mogen)\s+(?:ik|wij|we)\s+(?:helaas\s+)?niet\s*(?:[.,:;!]|$)",
    gate=(
        "nie",
        "niks",
        "geen",
        "nooit",
        "veel",
        "helaas",
        "buiten",
        "afdeling",
        "taak",
        "probleem",
        "verantwoordelijk",
    ),
)
# "..., maar ik kan wel ...": an alternative in the same breath resolves the refusal.
ALTERNATIVE_AFTER = compile_cues(
    r"maar\s+(?:\S+\s+){0,6}?(?:wel|kan\s+ik|kunnen\s+we|kunnen\s+wij|ik\s+kan|we\s+kunnen|wat\s+(?:ik|we)\s+wel)",
    r"wel\s+(?:kan|kunnen|mogelijk|is)",
    r"wat\s+(?:wel|ik\s+wel|we\s+wel)\s+(?:kan|kunnen|mogelijk)",
    r"(?:in\s+plaats\s+daarvan|als\s+alternatief|alternatief\s+is|een\s+alternatief)",
)
# Sending the caller elsewhere is advice, not an alternative: "ik kan u wel doorverwijzen naar de gemeente".
_NOT_ELSEWHERE = r"(?!\s+(?:\S+\s+){0,4}?(?:doorverwijzen|verwijzen|aanraden|adviseren|het\s+nummer\s+van))"
# An alternative offered in a later turn: "Ik kan uw abonnement wel omzetten ...", "Wel kan ik het bedrag omzetten in
# een waardebon", "Wat ik wel kan doen, is ...". It resolves the refusal only when the customer takes it.
ALTERNATIVE_OFFER = compile_cues(
    rf"(?:ik|we|wij)\s+(?:kan|kunnen|mag|mogen)\s+(?:{ADDRESSEE}\s+)?(?:\S+\s+){{0,5}}?wel\b(?!\s*,?\s*ja\b){_NOT_ELSEWHERE}",
    rf"wel\s+(?:kan|kunnen|mag|mogen)\s+(?:ik|we|wij){_NOT_ELSEWHERE}",
    r"wat\s+(?:ik|we|wij)\s+wel\s+(?:kan|kunnen|mag|mogen|doen)|wat\s+wel\s+(?:kan|mogelijk\s+is)",
    rf"(?:ik|we|wij)\s+(?:kan|kunnen)\s+(?:{ADDRESSEE}\s+)?(?:\S+\s+){{0,6}}?aanbieden",
    r"als\s+alternatief|een\s+alternatief|in\s+plaats\s+daarvan|een\s+andere\s+mogelijkheid",
    gate=("wel", "aanbieden", "alternatief", "plaats", "mogelijkheid"),
)

# -- what the customer answers --------------------------------------------------------------------------------------

# Turning a proposal down or asking for something else instead: "Nee, laat maar.", "dinsdag ben ik er niet, kan het
# ook in het weekend", "dat komt me slecht uit".
CUSTOMER_DECLINES = compile_cues(
    r"laat\s+(?:\S+\s+)?maar|(?:dat|die|het)\s+hoeft\s+(?:\S+\s+)?niet|hoeft\s+niet",
    r"liever\s+niet|(?:dat|die|dit)\s+wil\s+ik\s+niet|geen\s+(?:interesse|behoefte)",
    r"(?:daar|dat)\s+heb\s+ik\s+(?:niks|niets)\s+aan",
    r"(?:dat|die|het)\s+(?:komt|past)\s+(?:me\s+|mij\s+|ons\s+)?(?:\S+\s+)?(?:slecht|niet)",
    r"dan\s+(?:ben|zijn)\s+(?:ik|we|wij)\s+(?:er\s+)?(?:niet|weg|aan\s+het\s+werk|op\s+(?:mijn|het)\s+werk|"
    r"op\s+vakantie)",
    r"kan\s+(?:het|dat|die|hij|ze)\s+(?:ook|niet|misschien|eventueel)\s+(?:\S+\s+)?(?:op|een|anders|later|eerder|"
    r"morgen|overmorgen|volgende|na|voor|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|in\s+het)",
)
# Taking it: "Doe dat maar.", "Wit is ook goed.", "Ja, graag.", "Dat is redelijk."
CUSTOMER_ACCEPTS = compile_cues(
    r"doe\s+(?:dat|het|die|maar)|graag|prima|akkoord|afgesproken|perfect|top|fijn|mooi|netjes|uitstekend",
    r"(?:dat|is|ook|helemaal|lijkt\s+me)\s+(?:\S+\s+)?(?:goed|prima|redelijk|beter|een\s+goed\s+idee)",
    r"(?:dat|die)\s+(?:wil|neem)\s+ik\s+(?:wel|graag)",
)

# The gates of all the cues above, tested in one pass over a turn (`ViewTurn.has`, `ViewTurn.may_have`).
GATES = gates_of(dict(globals()))
