"""The naive baseline of the quality benchmark: one case-insensitive keyword regex per rule, as a user would grep."""

from __future__ import annotations

import re

NAIVE_PATTERNS: dict[str, str] = {
    "KL001": r"\b(wat was|hoe heette|waar woonde)\b",
    "KL002": r"\b(helaas|het spijt me|jammer genoeg|sorry, maar)\b",
    "KL003": r"\bnee\b",
    "KL004": r"\b(e-?mail|mailen|mailtje|mail)\b",
    "KL005": r"\b(momentje|ogenblikje|moment geduld|even hangen|in de wacht)\b",
    "KL006": r"\b(ophangen|hang \w+ ?\w* ?op|verbinding verbreken|verbreek de verbinding)\b",
    "KL007": r"\b(ticket|escaleren|escaleer\w*|backoffice|sla|crm|retour|case|first line|tweede lijn)\b",
    "KL008": r"\b(eigen schuld|had u .* moeten|zoals ik al zei|verkeerd gedaan)\b",
    "KL009": r"\b(al gebeld|keer dat u belt|voor de \w+ keer|belt u nu al)\b",
    "KL010": r"\b(ga ik niet over|mijn afdeling niet|later nog eens|weet ik niet)\b",
    "KL011": r"\b(ik begrijp|ik hoor u zeggen|wat ik u hoor zeggen)\b",
    "KL012": r"\bwaarom\b",
    "KL013": r"\b(concurrent|andere aanbieders|die partij)\b",
    "KL014": r"\b(u|uw)\b.*\b(je|jij|jouw)\b|\b(je|jij|jouw)\b.*\b(u|uw)\b",
    "KL015": r"\b(wordt|worden|werd|werden|is|zijn) \w+(d|t)\b",
    "KL016": r"(\S+\s+){20}\S+",
    "KL017": r"\bgeen probleem\b",
    "KL018": r"\b(u moet|je moet|moet u|moet je)\b",
}
COMPILED = {code: re.compile(pattern, re.IGNORECASE) for code, pattern in NAIVE_PATTERNS.items()}


def naive_codes(text: str) -> set[str]:
    return {code for code, pattern in COMPILED.items() if pattern.search(text)}
