"""klantlint's Dutch lexicon: the named word sets that rules share, each defined once.

A Dutch fix (a negation a rule missed, a hesitation heard in transcripts) is one edit here, and every rule that
uses the set follows. All sets are lowercase frozensets of words (or of punctuation marks, for the mark sets).
Where a rule needs a set a little wider or narrower than a shared one, the variant is built from the shared set
here, under a name that says how it differs, so the difference stays visible and deliberate.

YAML rule packs reference a set by its lowercase name with a `$` (`{LOWER: {IN: $negations}}`); `named_sets()`
lists what they can use.
"""

from __future__ import annotations

# --- Who is speaking, who is spoken to ---------------------------------------------------------------------------

FIRST_PERSON = frozenset({"ik", "we", "wij"})
# The customer as the subject of a sentence, singular ("u", "je", "jij").
ADDRESS_SUBJECTS = frozenset({"u", "je", "jij"})
# ... and plural: every form that addresses the customer as subject.
ADDRESS_PRONOUNS = ADDRESS_SUBJECTS | {"jullie"}
# ... and the object form "jou" ("ik bel jou terug").
ADDRESS_PRONOUNS_WITH_JOU = ADDRESS_PRONOUNS | {"jou"}
ADDRESS_POSSESSIVES = frozenset({"uw", "je", "jouw", "jullie"})
SINGULAR_ADDRESS_POSSESSIVES = ADDRESS_POSSESSIVES - {"jullie"}
# Forms that address the customer informally (je/jij/jou/jouw/jullie, not u/uw).
INFORMAL_ADDRESS = frozenset({"je", "jij", "jou", "jouw", "jullie"})
SINGULAR_INFORMAL_ADDRESS = INFORMAL_ADDRESS - {"jullie"}
# The speaker or the customer as subject.
FIRST_PERSON_OR_ADDRESS = FIRST_PERSON | ADDRESS_SUBJECTS
# Subject pronouns that always start a clause of their own: not "je", which is also an object or a possessive.
CLAUSE_OPENING_PRONOUNS = FIRST_PERSON | {"u", "jij"}
# Pronouns (personal and demonstrative) and "er" that can be the subject of a clause.
SUBJECT_PRONOUNS = FIRST_PERSON | ADDRESS_PRONOUNS | {"hij", "zij", "ze", "men", "het", "dat", "dit", "er", "die"}

# Pronouns that are the subject right after an inverted verb ("dan kijken ze"); "je" and "u" can be objects.
NOMINATIVE_PRONOUNS = frozenset({"ik", "jij", "hij", "zij", "ze", "wij", "we"})
# Fronted subjects that make a following "u" the object ("Ik moet u iets vragen", "Iemand belt u terug").
SUBJECTS_BEFORE_OBJECT_U = NOMINATIVE_PRONOUNS | {"men", "het", "iemand", "niemand"}
# People and organisations who act for the customer; as a subject they make "u" the object ("De monteur belt u").
AGENT_NOUNS = frozenset(
    """aannemer adviseur adviseurs afdeling afdelingen apotheek apotheker arts backoffice bank behandelaar bezorger
    chauffeur collega collega's consulent dokter expert gemeente helpdesk hersteller huisarts huisdokter installateur
    klantenservice koerier leidinggevende leverancier loodgieter manager medewerker medewerkers medewerkster monteur
    monteurs mutualiteit netbeheerder notaris planner planning postbode specialist tandarts team teamleider technicus
    technieker verhuurder verkoper verpleegkundige verzekeraar werkgever ziekenfonds zorgverzekeraar""".split()
)

# --- Negation ------------------------------------------------------------------------------------------------------

NEGATIONS = frozenset({"niet", "geen", "nooit", "niets", "niks", "nergens", "niemand", "geeneens"})

# --- Hesitations and fillers ---------------------------------------------------------------------------------------

# What a speaker says while thinking: "eh", "ehm", "uh", "uhm".
HESITATIONS = frozenset({"eh", "ehm", "uh", "uhm"})
HUMS = frozenset({"hm", "hmm"})
# Words that may open a spoken sentence before its first real word ("ehm, maar waarom ...", "nee, ...").
DISCOURSE_OPENERS = (
    HESITATIONS
    | HUMS
    | {"ja", "nee", "neen", "nou", "o", "oh", "ok", "oké", "goed", "sorry", "tja", "en", "maar", "dus", "want"}
)
# Words a speaker puts before the clause proper, address included; a rewrite leaves them where they are.
LEAD_WORDS = HESITATIONS | frozenset("ja nee nou oké ok okay tja goed en maar dus want of hoor mevrouw meneer".split())
# Words that open a turn or a clause without being part of its structure (clause splitting, `nlp/clauses.py`).
CLAUSE_FILLERS = DISCOURSE_OPENERS | frozenset(
    "jawel oke okay prima zo hoor he hè hé toch of dan daarna anders nu alleen gewoon kijk even eventjes".split()
)
# Interjections, hesitations and discourse particles that carry no content in a greeting or a request; dropped
# when a transcript turn is read as fluent text.
SPOKEN_FILLERS = (
    HESITATIONS
    | HUMS
    | frozenset("ehh euh um hè hé he nou ja jawel oké oke ok okay dus even eventjes hoor toch".split())
)

# --- Determiners ---------------------------------------------------------------------------------------------------

# Words that stand before a noun: articles, possessives, demonstratives, quantifiers.
DETERMINERS = frozenset(
    "de het een 'n uw je jouw jullie mijn onze ons zijn haar hun die deze dit dat welke elk elke ieder iedere geen "
    "zo'n".split()
)

# Determiners that never stand alone as a pronoun (unlike "het", "die", "dat": "is het verstuurd?").
NOUN_ONLY_DETERMINERS = frozenset("een de uw mijn onze ons jouw hun deze elk elke geen".split())

# --- Clauses and questions -----------------------------------------------------------------------------------------

# Conjunctions that open a subordinate clause.
SUBORDINATORS = frozenset(
    "dat of omdat zodat als wanneer terwijl zodra toen tenzij voordat nadat doordat hoewel".split()
)
QUESTION_WORDS = frozenset(
    "wat waar wie welk welke hoe wanneer waarom hoeveel hoelang waarheen waarvoor waarmee waarop waarin "
    "waaraan waarnaar waardoor".split()
)

# Words that start the subject of a new clause after a conjunction ("maar ik ...", "want de monteur ...").
CLAUSE_SUBJECTS = frozenset("ik u je jij we wij hij zij ze het dat die er de dan daar".split())

# --- Punctuation marks ---------------------------------------------------------------------------------------------

SENTENCE_END_MARKS = frozenset({".", "!", "?", "…"})
# Marks inside a sentence that end a clause or an aside.
CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "–", "—"})
CLAUSE_OR_SENTENCE_MARKS = CLAUSE_MARKS | SENTENCE_END_MARKS

# --- Verbs ---------------------------------------------------------------------------------------------------------

HEBBEN_FORMS = frozenset({"heb", "hebt", "heeft", "hebben", "had", "hadden"})
# Forms of the copulas zijn, worden, blijven, lijken, blijken.
COPULAS = frozenset("is was zijn waren wordt werd blijft bleef lijkt lijken blijkt blijken bleek bleken".split())
# Past-tense forms of frequent verbs, which the tagger may miss in lowercase transcripts.
PAST_FORMS = frozenset(
    """was waren had hadden werd werden kon konden wilde wilden wou wouden mocht mochten moest moesten hoefde
    hoefden bleef bleven ging gingen kwam kwamen liet lieten kreeg kregen belde belden stuurde stuurden mailde
    mailden zette wachtte wachtten wist wisten dacht deed stond vond zag zat zou""".split()
)
# Particles of separable verbs ("belt ... terug", "opzeggen", "vastloopt").
SEPARABLE_PARTICLES = frozenset(
    "aan achter af bij binnen dicht door goed in klaar kwijt langs los mee na neer om op open over recht rond "
    "samen stop tegen terug thuis toe uit vast voor vrij weg".split()
)


def named_sets() -> dict[str, frozenset[str]]:
    """Every set of this module by its lowercase name, as YAML packs reference them (`$negations`)."""
    return {name.lower(): value for name, value in globals().items() if name.isupper() and isinstance(value, frozenset)}
