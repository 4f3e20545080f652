"""French-like text for the fuzz targets, built from the fuzzer's bytes.

The text is a sequence of pieces of French news and fiction typography (every quotation
mark with the spaces French puts inside them, dialogue dashes, incises, names, speech
verbs, paragraph breaks) and of the characters hostile text brings (invisible characters,
escape sequences, decomposed accents, stray combining marks), with now and then any
character at all: so that the fuzzer spends its time where the scanner and the rules have
decisions to make, not in text they would skip.
"""

from __future__ import annotations

import atheris

PIECES = [
    # marks, with and without their spaces
    "«", "»", "« ", " »", "«\u00a0", "\u00a0»", "«\u202f", "\u202f»", "“", "”", "„", "‟",
    "‹", "›", "‘", "’", '"', "<<", ">>", "'",
    # punctuation, dashes, breaks
    ", ", ". ", " ! ", " ? ", "…", " : ", " ; ", "(", ")", " ", "\t", "—", "– ", "-- ",
    "\n", "\n\n", "\n— ", "\n« ", "\n» ", "\r\n", "\u2028",
    # incises and speech verbs
    ", dit-il, ", ", a-t-elle ajouté, ", ", a déclaré le ministre.", ", répondit Pécuchet.",
    ", s'écria-t-il", " a déclaré ", " a dit que ", " affirme avoir ", " selon ", " d'après ",
    " estime ", " a annoncé des mesures", " Pour lui, ", ", a-t-il souligné",
    # names, pronouns, descriptions
    "Marie Dupont", "Sergueï Lavrov", "M. Lavrov", "Mme Bush", "Jean-Luc Mélenchon",
    "le ministre russe des Affaires étrangères", "le porte-parole de la famille", "il",
    "elle", "ils", "Lavrov", "Bouvard",
    # words of a quote
    "Nous partons demain", "la coopération militaire", "aujourd’hui", "qu'il", "l’État",
    "sanctions illégales", "3'30\"65",
    # hostile characters: invisible, controls, escapes, bidirectional overrides
    "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00", "\x7f", "\x1b[31m",
    "\u202e", "\u2066", "\u0085",
    # decomposed accents, stray marks, characters NFC changes
    "de\u0301clare\u0301", "Se\u0301gole\u0300ne", "c\u0327a", "E\u0301tat", "\u0301",
    "a\u0308\u0301", "\u212b", "\u2126",
]


def french_text(data: bytes, lone_surrogates: bool = False) -> str:
    """A text made of :data:`PIECES` (and now and then of any character at all) chosen by
    ``data``; with ``lone_surrogates``, rarely one of those too."""
    fdp = atheris.FuzzedDataProvider(data)
    parts: list[str] = []
    while fdp.remaining_bytes():
        choice = fdp.ConsumeIntInRange(0, len(PIECES) + 7)
        if choice < len(PIECES):
            parts.append(PIECES[choice])
        elif lone_surrogates and choice == len(PIECES) + 7 and fdp.ConsumeBool():
            parts.append(chr(0xD800 + fdp.ConsumeIntInRange(0, 0x7FF)))
        else:
            parts.append(fdp.ConsumeUnicodeNoSurrogates(1))
    return "".join(parts)
