"""How stories say who said what: speech verbs, attribution cues, hedges, denials and negations.

Plain regular expressions, shared by the record (which reads who makes a claim from its excerpt) and the
editor (which reads who says what in a story).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SPEECH_BASE = (
    r"said|says|say|told|tells|added|adds|replied|replies|wrote|writes|tweeted|tweets|posted|"
    r"explained|explains|insisted|insists|argued|argues|warned|warns|stated|declared|declares|asked|"
    r"asks|answered|answers|responded|responds|remarked|continued|claimed|claims|announced|announces|noted|"
    r"quipped|joked|recalled|acknowledged|admitted|conceded|confirmed|denied|denies|suggested|"
    r"called|calls|described|praised|promised|vowed|boasted|predicted|observed|maintained|"
    r"spoke|speaks|chimed\s+in|interjected|cut\s+in|went\s+on|shot\s+back|retorted|snapped|mused|insisted|"
    r"reflected|recounted|summed\s+up|put\s+it|conceded|cautioned|stressed|emphasised|emphasized|"
    r"statement|spokesman|spokeswoman|spokesperson|answer|reply|response|words|comments?|remarks|message|"
    r"tweet|post|account|version"
)
"""Words that mark someone as speaking or writing, after their name ("Trump said", "Kim's answer") or before
it ('..." said Kim').
"""
SPEECH = (
    SPEECH_BASE + "|"
    # the plain forms, after "to" or "did" ("prompting Trump to interject:", "Kim did not explain"):
    r"tell|add|explain|insist|argue|warn|state|declare|respond|remark|claim|announce|note|interject|retort|"
    r"quip|joke|concede|admit|confirm|deny|write|recall|stress|chime\s+in|cut\s+in|shoot\s+back|"
    # and as they go on in a clause ("Kim sounded hopeful, saying it was too early"):
    r"saying|adding|insisting|arguing|warning|explaining|noting|claiming|"
    r"describing|suggesting|stressing|admitting|conceding|acknowledging|promising|predicting|declaring|"
    r"writing|tweeting|posting|"
    r"view|verdict|assessment|explanation|reaction|reading|argument|telling"
)
"""SPEECH_BASE with the forms that mark a speaker only after their name ("Trump, telling reporters",
"Kim's view"), never before it ("calling Kim", "telling a reporter" name the one spoken to or of)."""
SPEECH_NOUNS = (r"statement|answer|reply|response|words|comments?|remarks|message|tweet|post|account|version|"
                r"view|verdict|assessment|explanation|reaction|reading|argument|line")
"""Of those, the nouns: after a possessive a word or two may stand between ("Kim's only public words")."""
CUE_AFTER = re.compile(
    r"(?:(?:['\u2019]s|(?<=s)['\u2019])\s+(?:(?:[a-z][\w\-]*)\s+){1,2}(?=(?:" + SPEECH_NOUNS + r")\b)|"
    r"(?:['\u2019]s|(?<=s)['\u2019])?\s*(?:(?:,[^,.\"\n]{1,120},|\s[\u2014\u2013][^.\"\n\u2014\u2013]{1,120}[\u2014\u2013]|"
    r"\s-\s[^.\"\n\u2014\u2013]{1,120}?\s-)\s*)?"
    r"(?:(?:in|at|on|from|outside|inside|near|with|beside)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?[\w'\-]+"
    r"(?:\s+[\w'\-]+)?\s+)?(?:(?:has|had|have|also|then|later|earlier|once|again|just|"
    r"simply|previously|would|will|did|both|all|each|repeatedly)\s+)*(?:\w+ly\s+)?)(" + SPEECH + r")\b",
    re.IGNORECASE)
"""After a name, marking its owner as the speaker: "Trump said", "Kim, asked about it, replied", "Trump's
statement". Group 1 is the verb (or noun)."""
QUESTIONS = frozenset(("asked", "asks", "ask"))
"""Speech verbs that mark who asked, not who answered."""
ADDRESSEE_BEFORE = re.compile(
    r"\b(?i:told|tell|tells|telling|asked|asking|ask|asks|to|"
    r"(?<!denied\s)(?<!confirmed\s)(?<!dismissed\s)(?<!rejected\s)(?<!announced\s)(?<!said\s)(?<!stated\s)"
    r"(?<!declared\s)(?<!written\s)(?<!posted\s)(?<!described\s)by|from|with|of|answering|answered|answers|questioned|"
    r"replying\s+to|interrupted|beside|next\s+to|"
    r"calling|called|describing|described|dubbing|dubbed|labelling|labelled|labeling|labeled|praising|praised|"
    r"rates|rated|reckons|deems|considers|branding|branded)\s+(?:(?:the|a|an|[A-Z][\w.'\-]*)\s+){0,3}$")
"""Before a name, marking its owner as the one spoken to or the one asking ("telling a foreign reporter"), or
the one spoken of ("calling Kim 'quite a guy'", "Trump still rates Kim ...")."""
PRONOUN_SPEECH = re.compile(
    r"\b(?:he|she|they)\s+(?:(?:\w+ly|still|also|then|later|again|once|had|has|have|would|only|just)\s+){0,2}"
    r"(?:" + SPEECH + r")\b|\b(?:" + SPEECH + r")\s+(?:he|she|they)\b"
    r"|\b(?:by|in)\s+(?:his|her|their)\s+(?:own\s+)?(?:account|words|telling|view)\b|\bas\s+(?:he|she|they)\s+put\s+it\b"
    r"|\b(?:his|her|their)\s+(?:own\s+)?(?:account|version|telling|explanation)\b(?:\s+[\w'\-]+){0,4}?\s+(?:is|was)\s+that\b"
    r"|\baccording\s+to\s+(?:him|her|them)\b"
    r"|\b(?:his|her|their)\s+(?:(?:own|first|second|next|last|only|short|whole|answer|later|earlier|\w+ly)\s+)?"
    r"(?:answer|reply|response|retort|verdict|words|remarks|comments?|statement|message|explanation)\b",
    re.IGNORECASE)
"""A pronoun as the speaker ("he said", "said she"): the speaker was named before, not in this sentence."""
CUE_BEFORE = re.compile(
    r"(?:(?:[\",'\u2019]\s*|^\s*)(?i:" + SPEECH_BASE + r"|from)\s+(?:(?:the|[A-Z][\w.'\-]*)\s+){0,3}"
    r"|\b(?i:according\s+to)\s+(?:(?:the|[A-Z][\w.'\-]*)\s+){0,3}"
    r"|\b(?i:denied|confirmed|dismissed|rejected|announced|said|stated|declared|written|posted|described)\s+by\s+"
    r"(?:(?:the|[A-Z][\w.'\-]*)\s+){0,3})$")
"""Before a name, marking its owner as the speaker: '..." said Kim', ', according to the White House'.
("Trump said Kim wanted..." is not: there the speaker is Trump.)"""
ATTRIBUTING = re.compile(
    r"\b(?:said|says|told|tells|added|adds|according\s+to|claimed|claims|insisted|insists|argued|argues|"
    r"maintained|maintains|stated|described|alleged|suggested|explained|wrote|tweeted|posted|in\s+the\s+view\s+of|"
    r"accused|blamed|replied|answered)\b|\b[Pp]er\s+(?=[A-Z])")
"""A sentence that reports speech (lower case: "States" is not "states"; "per" only before a name: "Per Trump,
Kim offered...", not "58 per cent")."""
CLAUSE_RUN = r"(?:\d+[.:]\d+|\b[ap]\.m\.|[^.;:!?\"\u201c]){{{}}}"
"""Up to so many characters inside one clause, with a time or a decimal ("at 9.25pm", "9:25 p.m.", "21:25")
not taken for the end of one."""
HEDGES = re.compile(
    r"\b(?:rumou?rs?|rumou?red|unconfirmed|unverified|uncorroborated|reportedly|reputedly|allegedly|alleged|"
    r"speculat\w*|whisper\w*|gossip\w*|supposedly|purported\w*|hearsay|could\s+not\s+(?:be\s+)?"
    r"(?:confirm|verif|independently)\w*|cannot\s+(?:be\s+)?(?:confirm|verif)\w*|not\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:confirmed|verified|corroborated)|no\s+(?:evidence|confirmation)|claims?\s+that|talk\s+of|word\s+that|"
    r"(?:word|talk|gossip|speculation)\s+(?:went|spread|was|swirled|grew)|went\s+round|circulat\w+|"
    r"it\s+is\s+said"
    # a source's report put as its report: "a post announced that...", "the account claimed that..."
    r"|(?:post|posts|account|tweet|message|report|blog|feed|page)\b" + CLAUSE_RUN.format("0,80")
    + r"\b(?:said|claimed|announced|posted|tweeted|wrote|published|shared|"
    r"reported|declared|stated|suggested|insisted|told\s+(?:its|his|her|their)\s+\w+)\b" + CLAUSE_RUN.format("0,60")
    + r"?\bthat)\b",
    re.IGNORECASE)
REFUTED_NEXT = re.compile(
    r"\s*(?:but\s+|in\s+fact,?\s+)?(?:(?:he|she|they|it|that|this)\s+(?:had|has|have|did|does|do|was|were|is|are)"
    r"(?:\s*n[o']t\b|\s+not\b)|(?:nothing|none|nobody|no\s+one)\s+(?:had|has|have|was|were|is)\b"
    # someone knocking it down: "Natarajan denied it", "The returning officer dismissed the claim"
    r"|(?:(?:the\s+)?[\w'\u2019\-]+\s+){1,4}?(?:\w+ly\s+)?(?:denied|dismissed|rejected|refuted|disputed|"
    r"contradicted|knocked\s+(?:it|that|this)\s+down|shot\s+(?:it|that|this)\s+down|knocked\s+down|shot\s+down|"
    r"quashed|scotched)\s+(?:it|this|that|them|the\s+(?:claim|claims|rumou?rs?|report|reports|story|post|talk|"
    r"idea|suggestion))\b)", re.IGNORECASE)
"""A next sentence that says the one before is not so: "He had not: the count was still running", "Nothing
had been declared", "Natarajan denied it"."""
CALLED_WRONG = re.compile(
    r"\b(?:it|that|this|which|the\s+(?:post|posts|report|reports|account|claim|claims|rumou?rs?|tweet|story|"
    r"figure|talk|message|update))\s+(?:\w+\s+)?(?:was|is|were|are|had\s+been|has\s+been|proved|turned\s+out)"
    r"\s+(?:(?:to\s+be|also|quite|simply|plainly|flatly|completely|entirely)\s+)*(?:wrong|false|untrue|mistaken|"
    r"incorrect|inaccurate|baseless|unfounded|not\s+true|not\s+the\s+case)\b", re.IGNORECASE)
"""A later sentence that calls what came before wrong, referring back to it: "The post was wrong", "it
proved false"."""
CALLED_WRONG_REACH = 2
"""How many sentences on such a back-reference may stand."""
DENIALS = re.compile(
    r"\b(?:false|falsely|untrue|not\s+true|baseless|unfounded|denied|denies|deny|dismissed|wrong|"
    r"mistaken|incorrect|inaccurate|erroneous|not\s+the\s+case|"
    r"proved\s+(?:false|wrong)|turned\s+out\s+(?:to\s+be\s+)?(?:false|wrong)|no\s+truth|off,\s+not)\b",
    re.IGNORECASE)
NEGATORS = frozenset((
    "no", "not", "never", "nor", "neither", "none", "nothing", "nobody", "without", "denied", "denies",
    "deny", "dismissed", "rejected", "false", "untrue", "cannot"))


def said_not_so_after(text: str, sentences: Sequence[tuple[int, int]], index: int) -> bool:
    """Whether the sentences after sentence `index` say it is not so: the next one refutes it ("He had not",
    "Nothing had been declared"), or one of the next CALLED_WRONG_REACH calls it wrong ("The post was
    wrong")."""
    following = sentences[index + 1:index + 1 + CALLED_WRONG_REACH]
    if following and REFUTED_NEXT.match(text, following[0][0], following[0][1]):
        return True
    return any(CALLED_WRONG.search(text, start, end) for start, end in following)
