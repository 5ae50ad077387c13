"""Quotes and their attribution: every quotation in the story against the record, and who the story says
said it.

The speaker is found by structure first: the speech verb that governs the quotation ('"...," Trump said',
'said Trump', 'Trump, who ..., said:', 'He replied:') belongs to its subject, and a pronoun stands for the
last person spoken of as a subject before it (reported as ambiguous when two were). Only when no verb
governs the quote is the nearest name in its sentence or paragraph taken.

An ellipsis or a pair of square brackets may shorten or clarify a quote, never change it: an ellipsis that
drops a negation, a modal, a condition or a qualifier, or brackets that add more than a clarifying name or
a word for a pronoun, make a misquote, shown against the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from game.grading.assertions import key_of_word
from game.grading.matching import MISQUOTE_RATIO, Match, Pieces, closest, exact_matches, piece_places, split, word_diff
from game.grading.reading import Desk, Mention, Notes, called, lower_first, pronoun_in
from game.grading.record import ON_SCREEN_PREFIX, ON_SCREEN_SPEAKER, Said
from game.grading.speech import CUE_AFTER, PRONOUN_SPEECH, SPEECH, SPEECH_NOUNS
from game.grading.text import WORD, Quotation, Span, words
from game.model import Person

SHORT_QUOTE = 3
"""Quotations shorter than this many words may be scare quotes or terms, not someone's words."""
NEGATIONS = frozenset(("not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "without", "cannot"))
"""Words that turn a statement round."""
MEANING_WORDS = NEGATIONS | frozenset((
    "would", "could", "should", "might", "may", "can", "will", "must", "shall",
    "if", "unless", "whether", "until", "only", "perhaps", "maybe", "probably", "possibly", "almost",
    "nearly", "partly", "hardly", "barely", "likely", "unlikely", "sometimes"))
"""Words an ellipsis may not drop and brackets may not add: they turn a statement round or hedge it."""
BRACKET_MOST = 3
"""The most words a pair of brackets may hold: a name, or a word or two standing for a pronoun."""


@dataclass(frozen=True)
class QuoteVerdict:
    """What the editor made of one quotation."""

    span: Span
    quotation: Quotation
    size: int
    match: Match | None
    """The quote on the record it is (exact) or nearly is (a misquote); None when in no record."""
    speaker: Mention | None
    """Who the story says said it."""
    changed: str | None = None
    """For a quote whose words are all on the record: "ellipsis" or "brackets" when they change its meaning."""
    ambiguous: bool = False
    """The speaker is a pronoun that could stand for more than one person."""
    guessed: bool = False
    """No speech verb governs the quote: its speaker is only the best-placed name near it."""

    @property
    def faithful(self) -> bool:
        return self.match is not None and self.match.exact and self.changed is None

    @property
    def near(self) -> bool:
        """On the record, exactly or nearly (a misquote rather than an invention)."""
        return self.match is not None and (self.match.exact or self.match.ratio >= MISQUOTE_RATIO)


# --- who said it ------------------------------------------------------------------------------------

_VERB_BEFORE = re.compile(r"\b(?i:" + SPEECH + r")\b(?:\s+(?i:reporters|journalists|the\s+press|[a-z]+ly|"
                          r"that|this|simply|only|again))*\s*[:,]?\s*$")
_PRONOUN_AFTER = re.compile(r"[\s,.!?\-]*(?:(?i:he|she|they)\s+(?:\w+ly\s+)?(?i:" + SPEECH + r")\b|"
                            r"(?i:" + SPEECH + r")\s+(?i:he|she|they)\b)")
_IT_SAID = re.compile(r"[\s,]*(?i:it|the\s+statement)\s+(?i:said|says|added|read|reads|stated)\b")
_PRONOUN_BEFORE = re.compile(r"\b(?i:he|she|they)\s+(?:\w+\s+){0,3}?(?i:" + SPEECH + r")\b[^\"]{0,40}$")


def speaker_of(desk: Desk, quotation: Quotation,
               earlier: dict[int, tuple[Mention | None, bool]] | None = None,
               guessed: list[str] | None = None) -> tuple[Mention | None, bool]:
    """Who the story says spoke a quotation, and whether that is ambiguous (see the module's docstring).
    When no verb governs the quote and its speaker is only the best-placed name, "nearest" is put in
    `guessed` (and "earlier" when it goes on from the sentence before)."""
    def guess(mention: Mention | None) -> tuple[Mention | None, bool]:
        if guessed is not None:
            guessed.append("nearest")
        return mention, False

    reading, text = desk.reading, desk.reading.text
    if not reading.sentences:
        return None, False
    first = reading.sentence_at(quotation.start)
    last = reading.sentence_at(max(quotation.end - 1, quotation.start))
    s_start, s_end = reading.sentences[first][0], reading.sentences[last][1]
    later = [q.start for q in reading.quotations_within(quotation.end, s_end) if q.start >= quotation.end]
    after_end = min([s_end, *later])
    before_start = s_start
    here = desk.mentions_in(first, last)
    # 'Mr Brandt, who had asked for the recount because "every vote deserves a second look", ...': a quote in
    # a relative clause is its name's.
    ahead = [m for m in here if s_start <= m.start < quotation.start and not m.listener]
    if ahead and _WHO_CLAUSE.match(text, ahead[-1].end, quotation.start) and not re.search(
            r"[\"\u201c\u201d]", text[ahead[-1].end:quotation.start]):
        return ahead[-1], False
    # '"...," Trump said' / '"...," said Trump': a speaker just after the closing mark.
    for mention in here:
        if quotation.end <= mention.start < after_end and mention.cue and not mention.listener:
            gap = text[quotation.end:mention.start]
            if len(gap) <= 40 and '"' not in gap and not re.search(r"[.;!?]", gap.strip(" ,.\n")) and not (
                    _NEW_CLAUSE.search(gap)):
                return mention, False
    pronoun_after = _PRONOUN_AFTER.match(text, quotation.end, after_end)
    if pronoun_after:
        return pronoun_subject(desk, first, quotation.start, earlier, pronoun_in(pronoun_after.group()))
    # 'Trump said:' / 'Gideon Pask of The Sentinel said: "..."' / 'He replied:': a verb just before.
    before = text[before_start:quotation.start]
    verb = _VERB_BEFORE.search(before)
    if verb:
        # 'When Trump then spoke, Kim turned to him and said:': the name in the speech verb's own clause.
        clause = before_start + max(before.rfind(",", 0, verb.start()), before.rfind(";", 0, verb.start()), 0)
        own = [m for m in here if clause <= m.start < before_start + verb.start() and not m.listener]
        if own:
            return own[0], False
        pronoun_before = _PRONOUN_BEFORE.search(before)
        cues = [m for m in here if before_start <= m.start < quotation.start and m.cue and not m.listener]
        if cues and pronoun_before and _OWN_PRONOUN.match(text, clause, before_start + verb.start()):
            # The pronoun speaks; a source cited in an aside ("one reporter's account") is not whom it means.
            cited = [m for m in cues if text.startswith(("'s", "\u2019s"), m.end)]
            if len(cited) == len(cues):
                return pronoun_subject(desk, first, before_start, earlier, pronoun_in(pronoun_before.group()))
        if cues:
            return _governing(desk, cues), False
        if pronoun_before:
            if _REPLY.search(before):
                answered = _the_one_asked(desk, first)
                if answered is not None:
                    return answered, False
            return pronoun_subject(desk, first, quotation.start, earlier,
                                   pronoun_in(pronoun_before.group()))
        # 'He said Kim had wanted ..., adding: "..."': the sentence's own speaker goes on.
        pronoun = PRONOUN_SPEECH.search(before)
        if pronoun:
            return _pronoun_speaker(desk, first, before_start, pronoun, earlier)
        subjects = [m for m in here if before_start <= m.start < quotation.start and not m.listener
                    and not _owner_only(desk, m)]
        if subjects:
            return subjects[0], False
    if before.rstrip().endswith(":"):
        subjects = [m for m in here if before_start <= m.start < quotation.start and not m.listener
                    and not _owner_only(desk, m)]
        cues = [m for m in subjects if m.cue]
        clause = before_start + max(before.rfind(","), 0)
        in_clause = [m for m in subjects if m.start >= clause]
        pronoun = PRONOUN_SPEECH.search(before)
        if not cues and not in_clause and pronoun:
            # 'He said Kim had wanted ..., adding: "..."': the sentence's own speaker goes on.
            return _pronoun_speaker(desk, first, before_start, pronoun, earlier)
        if cues or subjects:
            return (_governing(desk, cues) if cues else in_clause[0] if in_clause else subjects[0]), False
        subject = _PRONOUN_SUBJECT.search(before)
        if subject and not pronoun:
            # 'On denuclearisation he was, for him, forthcoming: "..."': the pronoun is who the colon gives.
            return pronoun_subject(desk, first, before_start + subject.start(), earlier, pronoun_in(subject.group()))
        if (first > 0 and earlier is not None and (first - 1) in earlier and earlier[first - 1][0] is not None
                and _PARTICIPLE_LEAD.match(before)
                and _paragraph_start(desk, reading.sentences[first - 1][0]) == _paragraph_start(desk, quotation.start)):
            # 'Asked about denuclearization: "..."': no subject, so the last sentence's speaker goes on.
            if guessed is not None:
                guessed.append("earlier")
            return earlier[first - 1]
    # 'Trump said Kim wanted sanctions "lifted in their entirety"': a speaker earlier in the sentence; the
    # speech verb nearest the quote governs it ('At her request, Brandt's camp asked ...; she declared ...').
    cues = [m for m in here if before_start <= m.start < quotation.start and m.cue and not m.listener]
    pronoun = _last_match(PRONOUN_SPEECH, before)
    if cues and not (pronoun and before_start + pronoun.start() > _verb_end(desk, cues[-1])):
        return cues[-1], False
    if not cues and not pronoun and _ING_SPEECH.search(before):
        # 'Trump was generous about his counterpart, calling Kim "quite a guy"': the -ing clause's speaker is
        # the subject of the sentence.
        leading = [m for m in here if before_start <= m.start < quotation.start and not m.listener
                   and _starts_sentence(desk, m) and not _owner_only(desk, m)]
        if leading:
            return leading[0], False
    if pronoun:
        return _pronoun_speaker(desk, first, before_start, pronoun, earlier)
    cues = [m for m in here if quotation.end <= m.start and m.cue and not m.listener
            and not _NEW_CLAUSE.search(text, quotation.end, m.start)]
    if cues:
        return cues[0], False
    it_before = _IT_SAID_BEFORE.search(before)
    if _IT_SAID.match(text, quotation.end, after_end) or it_before:
        # Names after "It said" are what the statement spoke of ("It said Trump and Kim had ..."), not it.
        until = before_start + it_before.start() if it_before else quotation.start
        named = [m for m in here if m.start < until and not m.listener]
        if named:
            return named[-1], False
        # 'The White House statement, issued before the president spoke, ... The leaders had "...," it said.':
        # "it" is the statement, post or account a sentence before names as someone's.
        owner = _statement_owner(desk, first)
        if owner is not None:
            return owner, False
    # '"... lives." Mayor Ana Ruiz said after the vote.': the speaker opens the next sentence.
    alone = not WORD.search(text, s_start, quotation.start) and not WORD.search(text, quotation.end, s_end)
    if alone and last + 1 < len(reading.sentences):
        for mention in desk.mentions_in(last + 1, last + 1):
            gap = text[quotation.end:mention.start]
            if (mention.cue and not mention.listener and len(gap) <= 40 and '"' not in gap and "\n" not in gap
                    and not re.search(r"[.;!?,]", gap.strip(" \n")) and len(gap.split()) <= 3
                    and _only_attribution(desk, mention)):
                return mention, False
    # A quote standing alone goes on from the sentence before: the same speaker, or who spoke there.
    outside = len(WORD.findall(text, s_start, quotation.start)) + len(WORD.findall(text, quotation.end, s_end))
    if outside > 2:
        return guess(_nearest_named(desk, quotation, first, last))
    # '"...". Those were Kim's words.': a next sentence that refers back names the speaker.
    if last + 1 < len(reading.sentences):
        n_start, n_end = reading.sentences[last + 1]
        if _REFERS_BACK.match(text, n_start, n_end):
            named = [m for m in desk.mentions_in(last + 1, last + 1) if not m.listener]
            cues = [m for m in named if m.cue]
            # "That was how the president summed it up": the one that sentence names is who said it.
            people = {person for m in named for person in m.people}
            if cues or len(people) == 1:
                return (cues or named)[0], False
        # '"...". Brandt gave that explanation as he left.': the subject of a next sentence that points back.
        if "\n" not in text[quotation.end:n_start] and _BACK_NOUN.search(text, n_start, n_end):
            named = [m for m in desk.mentions_in(last + 1, last + 1) if not m.listener]
            if named and _starts_sentence(desk, named[0]):
                return named[0], False
    if first > 0 and not _goes_on(desk, quotation, first):
        # A paragraph's words, not a quote carrying on from the paragraph before ("**Signing 'still on'?**").
        return guess(_nearest_named(desk, quotation, first, last))
    if first > 0 and earlier is not None and (first - 1) in earlier and earlier[first - 1][0] is not None:
        if guessed is not None:
            guessed.append("earlier")
        return earlier[first - 1]
    if first > 0:
        p_start, p_end = reading.sentences[first - 1]
        cues = [m for m in desk.mentions_in(first - 1, first - 1) if m.cue and not m.listener]
        if cues:
            return cues[-1], False
        previous = PRONOUN_SPEECH.search(text, p_start, p_end)
        if previous:
            return pronoun_subject(desk, first - 1, p_end, earlier, pronoun_in(previous.group()))
        # "The mayor did not hesitate. '...'": the one person the sentence before is about, as its subject.
        subjects = [m for m in desk.mentions_in(first - 1, first - 1) if not m.listener]
        people = {person for mention in subjects for person in mention.people}
        if subjects and len(people) == 1 and _starts_sentence(desk, subjects[0]) and _next_paragraph(
                desk, subjects[0].start, quotation.start):
            return subjects[0], False
        # '"...," Trump said. No future summit is planned. "It might be soon ..."': with no one named in
        # between, the paragraph's last speaker goes on (a guess: never called wrong).
        if not desk.mentions_in(first - 1, first - 1) and first > 1 and _paragraph_start(
                desk, reading.sentences[first - 2][0]) == _paragraph_start(desk, quotation.start):
            spoke = [m for m in desk.mentions_in(first - 2, first - 2) if m.cue and not m.listener]
            if spoke:
                return guess(spoke[-1])
            if earlier is not None and (first - 2) in earlier and earlier[first - 2][0] is not None:
                return guess(earlier[first - 2][0])
    return guess(_nearest_named(desk, quotation, first, last))


def _goes_on(desk: Desk, quotation: Quotation, sentence: int) -> bool:
    """Whether a quote may go on from the sentence before it: the two are in one paragraph, or the quote
    opens its own paragraph (a speaker's words running on into a new paragraph), or the paragraph before
    ends with a colon that introduces it."""
    text = desk.reading.text
    paragraph = _paragraph_start(desk, quotation.start)
    if _paragraph_start(desk, desk.reading.sentences[sentence - 1][0]) == paragraph:
        return True
    return not WORD.search(text, paragraph, quotation.start) or text[:paragraph].rstrip().endswith(":")


_ING_SPEECH = re.compile(r",\s*(?:(?:and|then|also)\s+)?(?i:saying|adding|insisting|arguing|warning|explaining|"
                         r"noting|claiming|calling|describing|dubbing|labelling|labeling|praising)\b[^\"\u201c.;]{0,60}$")
"""A speech verb opening an -ing clause just before the quote (", calling Kim", ", adding that")."""


_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s*|\b(?i:then|and|but|so|yet)\s+|^\s*(?:[\w\-]+\s+){1,4}?)(?i:he|she|they)"
                              r"\s+(?:\w+ly\s+)?(?i:was|is|were|are|had|has|went|turned|came|grew|sounded|got|"
                              r"became|seemed|stayed|remained)\b")
"""A pronoun as its clause's subject, before a colon that gives its words ("he was, for him, forthcoming:")."""
_PARTICIPLE_LEAD = re.compile(r"\s*(?i:asked|pressed|questioned|quizzed|challenged|speaking|turning|on|of|about)\b")
"""A lead with no subject of its own ("Asked about denuclearization:", "On the sanctions:")."""


_WHO_CLAUSE = re.compile(r",\s*(?i:who|whose)\b[^,;:.!?]{0,120}$")
"""A relative clause opened after a name and still open at the quote ("Mr Brandt, who had asked ... because")."""


_IT_SAID_BEFORE = re.compile(r"\b(?i:it|the\s+(?:statement|post|tweet|message))\s+(?i:said|says|added|read|reads|"
                             r"stated|went\s+on)\b")


def _statement_owner(desk: Desk, sentence: int) -> Mention | None:
    """Whose statement, post or account "it" is: the last name marked as owning words ("The White House
    statement", "Sanders's statement", "a post by Trump") in the two sentences before, in the same paragraph."""
    paragraph = _paragraph_start(desk, desk.reading.sentences[sentence][0])
    for index in range(sentence - 1, max(-1, sentence - 3), -1):
        if _paragraph_start(desk, desk.reading.sentences[index][0]) != paragraph:
            break
        owners = [m for m in desk.mentions_in(index, index) if not m.listener and _owns_words(desk, m)]
        if owners:
            return owners[-1]
    return None


def _owns_words(desk: Desk, mention: Mention) -> bool:
    found = CUE_AFTER.match(desk.reading.text, mention.end)
    return found is not None and bool(re.fullmatch(SPEECH_NOUNS, found.group(1), re.IGNORECASE))


_JUST_WHEN = re.compile(r"\s*(?:[,.;!?]|$|(?i:at|in|on|after|before|when|as|later|earlier|afterwards|yesterday|today|"
                        r"with|during|from|outside|inside|while|to|by|moments|minutes|hours|shortly|then|again|"
                        r"reporters|journalists)\b)")
"""How a sentence that only attributes goes on after its speech verb: where, when, to whom, or nothing."""


def _only_attribution(desk: Desk, mention: Mention) -> bool:
    """Whether a sentence after a quote only says who spoke it ('Mayor Ana Ruiz said after the vote.'), not
    something of its own ("Trump and Pompeo said Kim had offered ..."): only then is its name the speaker."""
    cue = CUE_AFTER.match(desk.reading.text, mention.end)
    if cue is None:
        return True
    rest = desk.reading.text[cue.end():desk.reading.sentences[mention.sentence][1]]
    back = _SAID_THIS.match(rest)
    if back and (_JUST_WHEN.match(rest, back.end()) or len(WORD.findall(rest, back.end())) <= 1):
        return True  # 'Brandt said this as he left': "this" is the words just quoted
    return len(WORD.findall(rest)) <= 1 or bool(_JUST_WHEN.match(rest))


_SAID_THIS = re.compile(r"\s*(?i:this|that|so|it|those\s+words|these\s+words)\b")
"""After the speech verb of a sentence that follows a quote, a word standing for the quote itself ("said this",
"said so"); "said that" only when no clause follows it ("said that the count was fair" says something new)."""


_NEW_CLAUSE = re.compile(r"\b(?i:but|and|while|whereas|though|although|yet|because|when|after|before|as|so)\b")
"""A word that opens a new clause: '"...", but Trump said' makes Trump the subject of what follows, not the
speaker of the quote before."""


_OWN_PRONOUN = re.compile(r"[,;\s]*(?i:he|she|they)\s+(?:\w+ly\s+)?$")
"""A speech verb's own clause whose subject is a pronoun ("Asked, by one reporter's account, whether he was
confident, he said:"): the pronoun speaks, not a name marked as speaking in an aside before it."""


def _owner_only(desk: Desk, mention: Mention) -> bool:
    """A name that only owns what follows it ("Mr Brandt's agent, Lena Fischer, ...", "the mayor's fans"),
    not marked as speaking: the subject is what it owns, not the name."""
    return not mention.cue and bool(_OWNS.match(desk.reading.text, mention.end))


_OWNS = re.compile(r"['\u2019]s\s+(?!(?:\w+\s+)?(?:reaction|verdict|assessment|retort|take|view|judge?ment|line|"
                   r"reply|answer|response|words|comments?|remarks|message|statement|account|version|explanation|argument|"
                   r"defen[cs]e|case|reasoning|announcement|point|promise|warning|telling|reading|argument|line)\b)\w")
"""After a name, what it owns, unless that is its words or a reaction ("Trump's reaction came at once:")."""


def _pronoun_speaker(desk: Desk, sentence: int, offset: int, pronoun: re.Match[str],
                     earlier: dict[int, tuple[Mention | None, bool]] | None) -> tuple[Mention | None, bool]:
    """Whom a pronoun speaking before a quote stands for (`pronoun` found in the text from `offset`). A
    possessive in an aside ('The returning officer, Priya Natarajan, put turnout at 58 per cent - in her
    words, "..."') stands for the subject of its own sentence; otherwise the last subject before it."""
    at = offset + pronoun.start()
    gender = pronoun_in(pronoun.group())
    if _POSSESSIVE.search(pronoun.group()):
        subject = [m for m in desk.mentions_in(sentence, sentence) if m.start < at and not m.listener
                   and _starts_sentence(desk, m) and desk.agrees(m, gender)]
        if subject:
            return subject[0], False
    return pronoun_subject(desk, sentence, at, earlier, gender)


def _verb_end(desk: Desk, mention: Mention) -> int:
    """Where the speech verb after a name marked as speaking ends (the name's end when none follows it)."""
    found = CUE_AFTER.match(desk.reading.text, mention.end)
    return found.end() if found else mention.end


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = list(pattern.finditer(text))
    return found[-1] if found else None


def _governing(desk: Desk, cues: list[Mention]) -> Mention:
    """Of the names marked as speaking before a quote, the one whose speech verb comes last, nearest the
    quote: 'Sanders, in a statement issued before the president spoke, explained ...:' is Sanders's."""
    def verb_end(mention: Mention) -> int:
        found = CUE_AFTER.match(desk.reading.text, mention.end)
        return found.end() if found else mention.end
    return max(cues, key=lambda mention: (verb_end(mention), mention.start))


def _next_paragraph(desk: Desk, earlier: int, later: int) -> bool:
    """Whether `later` is in the same paragraph as `earlier`, or the one straight after it."""
    starts = [start for start, _ in desk.reading.paragraphs]
    first, second = _paragraph_start(desk, earlier), _paragraph_start(desk, later)
    if first == second:
        return True
    return first in starts and second in starts and starts.index(second) == starts.index(first) + 1


def pronoun_subject(desk: Desk, sentence: int, before: int,
                     earlier: dict[int, tuple[Mention | None, bool]] | None = None,
                     pronoun: str | None = None) -> tuple[Mention | None, bool]:
    """The last person spoken of as a subject before a pronoun: a speaker named earlier in its own
    sentence, or the subject or speaker of the sentences before; ambiguous when that sentence has two.

    A gendered pronoun (`pronoun`: "he" or "she") stands only for someone it agrees with (Desk.genders):
    when that reading gives someone it cannot stand for, "she" passes over Mr Brandt to the last subject
    she can be, or to the one person of her gender an earlier sentence names ("The recount left Mrs Osei in
    front. '...,' she said")."""
    found = _subject_before(desk, sentence, before, earlier, None)
    if pronoun is None or found[0] is None or desk.agrees(found[0], pronoun):
        return found
    return _subject_before(desk, sentence, before, earlier, pronoun)


def _subject_before(desk: Desk, sentence: int, before: int, earlier: dict[int, tuple[Mention | None, bool]] | None,
                    pronoun: str | None) -> tuple[Mention | None, bool]:
    def agreeing(found: tuple[Mention | None, bool]) -> bool:
        return found[0] is not None and desk.agrees(found[0], pronoun)

    passed = False
    """Whether the scan went back past a sentence whose subject is someone the story does not name ("Its
    leader had spoken in the morning"): the pronoun may stand for them, so what lies further back is unsure."""
    for index in range(sentence, max(-1, sentence - PRONOUN_REACH - 1), -1):
        named = [m for m in desk.mentions_in(index, index) if m.start < before and not m.listener
                 and not _owner_only(desk, m)]
        found = [m for m in named if desk.agrees(m, pronoun)
                 and (m.cue or (index < sentence and (_starts_sentence(desk, m) or _subject_like(desk, m))))]
        if found:
            # "Trump praised Kim's answer": words owned in the object do not make their owner the subject.
            subjects = [m for m in found if _starts_sentence(desk, m)] if index < sentence else []
            cues = [m for m in found if m.cue and not (subjects and m not in subjects and _OWNED_WORDS.match(
                desk.reading.text, m.end))]
            if (not cues and earlier and index < sentence and index in earlier
                    and agreeing(earlier[index])):
                return earlier[index][0], earlier[index][1] or passed
            starts = [m for m in found if _starts_sentence(desk, m)]
            chosen = cues[-1] if cues else starts[0] if starts else found[-1]
            people = {person for m in (cues or found) for person in m.people}
            return chosen, (len(people) > 1 and not cues) or passed
        if earlier and index < sentence and index in earlier and agreeing(earlier[index]):
            return earlier[index][0], earlier[index][1] or passed
        if index < sentence and not named and _UNNAMED_SUBJECT.match(
                desk.reading.text, desk.reading.sentences[index][0]):
            passed = True
        if index < sentence:
            # "We asked the mayor what she would do. ... 'I will serve,' she said.": the one asked answers.
            s_start = desk.reading.sentences[index][0]
            asked = [m for m in desk.mentions_in(index, index) if m.start < before and m.listener
                     and desk.agrees(m, pronoun)
                     and _ASKED.search(desk.reading.text[max(s_start, m.start - 60):m.start])]
            if asked:
                return asked[-1], False
        of_gender = [m for m in named if desk.known_gender(m, pronoun)]
        if index < sentence and of_gender and len({person for m in of_gender for person in m.people}) == 1:
            return of_gender[-1], False
    return None, False


_UNNAMED_SUBJECT = re.compile(
    r"\s*(?:(?:but|and|then|yet|so)\s+)?(?i:the|its|his|her|their|a|an|one|another|[A-Z][\w\-]*['\u2019]s)\s+"
    r"(?:[\w\-]+(?:['\u2019]s)?\s+){0,4}?(?i:leader|president|chairman|official|spokesman|spokeswoman|spokesperson|minister|"
    r"secretary|envoy|diplomat|reporter|journalist|correspondent|aide|adviser|advisor|negotiator|candidate|"
    r"mayor|agent|officer|challenger|incumbent|host|guest|man|woman)\s+(?:\w+ly\s+)?"
    r"(?:had|has|was|is|would|will|did|\w+ed|\w+s)\b")
"""A sentence whose subject is a person the story describes but does not name ("Its leader had spoken"):
a pronoun after it may stand for them."""


_VERB_AFTER = re.compile(r"(?:'s\s+\w+)?\s+(?:\w+ed|\w+s|was|is|had|has|took|gave|made|came|went|spoke|did|would|"
                         r"could|will|began|sat|stood|met|told|left|knew|held|kept|seemed)\b")


_PRONOUN_SAYS = re.compile(r"\b(?i:he|she|they)\s+(?:\w+\s+)?(?i:" + SPEECH + r")\b|\b(?i:" + SPEECH
                           + r")\s+(?i:he|she|they)\b")
"""A pronoun with its speech verb ("they said"): an aside that reports someone else's words."""


_ASIDE_AFTER = re.compile(r",[^,.;:!?\"\u201c\u201d\n]{1,120},")
"""An aside after a name ("Kim, in what is believed to be his first answer to a foreign journalist, ...")."""


def _subject_like(desk: Desk, mention: Mention) -> bool:
    """A name a verb follows ("when Kim took questions", "Kim was asked"), or follows once an aside is
    closed ("Mr Kim, who had never answered a foreign journalist, took two"): the subject of its clause."""
    text = desk.reading.text
    if _VERB_AFTER.match(text, mention.end):
        return True
    lead = text[desk.reading.sentences[mention.sentence][0]:mention.start]
    if text.startswith(",", mention.end) and lead.rstrip().endswith(",") and not re.search(r"\band\b", lead):
        # "his agent, Lena Fischer, told us ...": a name set in apposition, then its clause's verb (not one of
        # two subjects: "He and his secretary of state, Mike Pompeo, went").
        return bool(_VERB_AFTER.match(text, mention.end + 1))
    aside = _ASIDE_AFTER.match(text, mention.end)
    if aside is None or _PRONOUN_SAYS.search(aside.group()):
        return False  # "Kim, they said, had been willing": Kim is only the subject of what they said
    return bool(_VERB_AFTER.match(" " + text[aside.end():aside.end() + 40].lstrip()))


_REFERS_BACK = re.compile(r"\s*(?:(?:those|these|that|this|such)\s+(?:were|was|are|is)\b|so\s+(?:said|says)\b|"
                          r"(?:the|those|these)\s+(?:words|remarks|comments?)\s+(?:were|are|came)\b)",
                          re.IGNORECASE)
"""How a sentence that names the speaker of the quote before it begins ("Those were Kim's words")."""
_BACK_NOUN = re.compile(r"\b(?:(?:that|this|those|these)|(?:made|gave|delivered|offered|issued|read\s+out)\s+"
                        r"(?:the|an?|her|his|their))\s+(?:\w+\s+)?(?:explanation|answer|reply|words|remarks?|"
                        r"comments?|point|line|verdict|assessment|message|announcement|promise|pledge|warning|"
                        r"statement|thought|view)\b", re.IGNORECASE)
"""A phrase pointing back at words just quoted ("that explanation", "those few words"), or the act of saying
them ("made the announcement", "gave her answer")."""
_REPLY = re.compile(r"\b(?i:replied|replies|answered|answers|responded|responds)\b")
_ASKED = re.compile(r"\b(?i:asked|asks|pressed|questioned|put\s+(?:it|this|that|the\s+\w+)\s+to)\s+"
                    r"(?:(?:the|a|an|[A-Z][\w.'\-]*)\s+){0,3}$")


def _the_one_asked(desk: Desk, sentence: int) -> Mention | None:
    """For "He replied:": the person asked in the sentence before ("a reporter asked Kim whether...")."""
    if sentence == 0:
        return None
    start = desk.reading.sentences[sentence - 1][0]
    asked = [m for m in desk.mentions_in(sentence - 1, sentence - 1)
             if _ASKED.search(desk.reading.text[max(start, m.start - 60):m.start])]
    return asked[-1] if asked else None


PRONOUN_REACH = 4
"""How many sentences back a pronoun may find its person (across paragraphs, as news writing runs on)."""


def _starts_sentence(desk: Desk, mention: Mention) -> bool:
    start = desk.reading.sentences[mention.sentence][0]
    lead = desk.reading.text[start:mention.start].strip()
    return lead.lower() in ("", "the", "but", "and", "president", "mr", "mr.", "ms", "ms.", "leader") or (
        len(lead.split()) <= 2 and all(word[:1].isupper() for word in lead.split())) or bool(
        _TITLE_BEFORE.fullmatch(lead))


_OWNED_WORDS = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])\s")
"""A name marked as speaking only by owning words ("Kim's answer"), not by a verb of its own."""


_POSSESSIVE = re.compile(r"\b(?i:his|her|their)\b")


_TITLE_BEFORE = re.compile(r"(?:(?:but|and)\s+)?(?:(?i:the|a|an|its|his|her|their)|(?:[A-Z][\w.\-]*\s+)*"
                           r"[A-Z][\w\-]*['\u2019]s)\s+(?:[\w\-]+\s+){0,3}[\w\-]+,")
"""A title set before a name as the sentence's subject ("The returning officer, Priya Natarajan, put ...")."""


def _paragraph_start(desk: Desk, offset: int) -> int:
    for start, end in desk.reading.paragraphs:
        if start <= offset <= end:
            return start
    return 0


def _nearest_named(desk: Desk, quotation: Quotation, first: int, last: int) -> Mention | None:
    """No verb governs the quote: the best-placed name in its sentence or its paragraph's neighbours.

    A speech cue counts most; being spoken to or asking counts against; the sentence before beats the one
    after; a name in another paragraph never counts. The nearest wins a tie.
    """
    paragraph = _paragraph_start(desk, quotation.start)
    best: tuple[tuple[float, int], Mention] | None = None
    for mention in desk.mentions_in(first - 1, last + 1):
        same = first <= mention.sentence <= last
        before = mention.end <= quotation.start
        if not same and not before and _paragraph_start(desk, mention.start) != paragraph:
            continue
        score = (3.0 if same else 1.0) + (3.0 if mention.cue else 0.0) - (2.0 if mention.listener else 0.0)
        if not same:
            score += 0.5 if before else 0.0
        distance = quotation.start - mention.end if before else mention.start - quotation.end
        rank = (-score, abs(distance))
        if best is None or rank < best[0]:
            best = (rank, mention)
    return best[1] if best else None


# --- what was said --------------------------------------------------------------------------------

def _judge_quotation(desk: Desk, quotation: Quotation, speaker: Mention | None, ambiguous: bool,
                     said: tuple[Said, ...]) -> list[QuoteVerdict]:
    text = desk.reading.text
    content = " ".join(text[start:end] for start, end in quotation.parts)
    units: list[tuple[Span, str]] = [(quotation.span, content)]
    whole = split(content)
    matches = exact_matches(whole, said)
    if not matches and len(quotation.parts) > 1:
        units = [((start, end), text[start:end]) for start, end in quotation.parts]
    verdicts = []
    for span, unit in units:
        pieces = split(unit) if len(units) > 1 else whole
        found = matches if len(units) == 1 else exact_matches(pieces, said)
        changed: str | None = None
        match: Match | None
        if found:
            lead = tuple(words(text[desk.reading.sentences[desk.reading.sentence_at(span[0])][0]:span[0]]))
            judged = [(_meaning_change(pieces, match, _names_keys(desk), lead), match) for match in found]
            faithful = [match for change, match in judged if change is None]
            match = _choose(desk, faithful or found, speaker)
            changed = None if faithful else next(change for change, m in judged if m is match)
        else:
            match = closest(pieces, said)
        verdicts.append(QuoteVerdict(span, quotation, len(pieces.own_words), match, speaker, changed, ambiguous))
    return verdicts


def _context_keys(said: Said, names: frozenset[str]) -> frozenset[str]:
    """What a bracket may name: words of the quote, of its context, and people's names (by stem)."""
    return frozenset(key_of_word(word) for word in words(said.quote.text + " " + said.quote.context)) | names


def _meaning_change(pieces: Pieces, match: Match, names: frozenset[str], lead: tuple[str, ...] = ()) -> str | None:
    """"ellipsis" or "brackets" when a quotation's gaps change what the original says, else None.

    `lead` is the story's own words before the quotation in its sentence, which may carry what a partial
    quote leaves out ('Kim said he would not say he was "pessimistic"').
    """
    places = piece_places(pieces.pieces, match.said.words, match.region)
    if places is None:
        return None
    original = match.said.words
    known = _context_keys(match.said, names)
    for index, (gap, _found, _brackets) in enumerate(pieces.pieces):
        added = pieces.bracketed[index]
        dropped = original[places[index - 1][1]:places[index][0]] if index else ()
        if gap == "any" and any(_meaningful(word) for word in dropped):
            return "ellipsis"
        if added and tuple(dropped[-len(added):]) == tuple(added):
            continue  # the original's own words there, in brackets as the record has them ("[Kim] tells me")
        if added and not _clarifies(added, dropped, known):
            return "brackets"
    if pieces.open_end and any(_meaningful(word) for word in
                               original[places[-1][1]:_sentence_of(match.said, places[-1][1])[1]]):
        return "ellipsis"  # "I will serve the half that ..." cut before "didn't vote for me"
    if _cut_before(pieces, original[_sentence_of(match.said, places[0][0])[0]:places[0][0]], lead):
        return "ellipsis"  # "... agreement was reached" cut after "No"
    trailing = pieces.bracketed[len(pieces.pieces)] if len(pieces.bracketed) > len(pieces.pieces) else ()
    if trailing and not _clarifies(trailing, (), known):
        return "brackets"
    return None


def _cut_before(pieces: Pieces, dropped: tuple[str, ...], lead: tuple[str, ...]) -> bool:
    """Whether a quotation that begins mid-sentence leaves out words before it that turn what it says: after
    a leading ellipsis, any word that negates, hedges or conditions; with no ellipsis (a partial quote), a
    negation among the three words just before. Not when the story's own words before the quotation carry
    such a word themselves."""
    if pieces.open_start:
        turning = [word for word in dropped if _meaningful(word)]
    else:
        turning = [word for word in dropped[-3:] if word in NEGATIONS or word.endswith("n't")]
    if not turning:
        return False
    return not any(_meaningful(word) for word in lead[-8:])


def _sentence_of(said: Said, index: int) -> tuple[int, int]:
    """The first word of the original's sentence that word `index` falls in, and past its last (past the
    end when `index` is)."""
    start = 0
    for sentence in re.split(r"(?<=[.!?])\s+", said.quote.text):
        end = start + len(words(sentence))
        if end > index or end >= len(said.words):
            return start, min(end, len(said.words))
        start = end
    return start, len(said.words)


def _meaningful(word: str) -> bool:
    return word in MEANING_WORDS or word.endswith("n't")


_ARTICLES = frozenset(("the", "a", "an", "of", "and", "to", "mr", "ms", "mrs"))
_PRONOUNS = frozenset(("he", "she", "it", "they", "him", "her", "them", "we", "us", "i", "you", "this",
                       "that", "there", "here", "his", "its", "their", "our"))


def _clarifies(added: tuple[str, ...], dropped: tuple[str, ...], known: frozenset[str]) -> bool:
    """Brackets that only clarify: a few words with nothing that turns the meaning, naming only what the
    quote's own words, its context or the people in the story name, standing for a pronoun or a word or
    two (or, with nothing dropped, a name or an article)."""
    if len(added) > BRACKET_MOST or any(_meaningful(word) for word in added):
        return False
    if any(key_of_word(word) not in known for word in added if word not in _PRONOUNS and word not in _ARTICLES):
        return False
    if len(dropped) > 3:
        return False
    return not (len(dropped) > 1 and not any(word in _PRONOUNS for word in dropped))


def _names_keys(desk: Desk) -> frozenset[str]:
    return frozenset(key_of_word(word) for person in desk.record.people.values()
                     for name in [person.name, *person.names] for word in words(name))


def _choose(desk: Desk, found: list[Match], speaker: Mention | None) -> Match:
    """Of several originals a quotation matches, the one the named speaker said, gathered, longest."""
    def rank(match: Match) -> tuple[int, int, int]:
        by_speaker = 0 if speaker and match.said.speaker.id in speaker.people else 1
        gathered = 0 if desk.gathered is None or match.said.quote.id in desk.gathered else 1
        return (by_speaker, gathered, -(match.region[1] - match.region[0]))
    return min(found, key=rank)


def judge_all(desk: Desk) -> list[QuoteVerdict]:
    """A verdict on every quotation, against the record and the words characters speak on screen."""
    said = desk.record.said + desk.record.on_screen
    verdicts = []
    speakers: dict[int, tuple[Mention | None, bool]] = {}
    unsure: set[int] = set()
    for quotation in desk.reading.quotations:
        trace: list[str] = []
        speaker, ambiguous = speaker_of(desk, quotation, speakers, trace)
        sentence = desk.reading.sentence_at(max(quotation.end - 1, quotation.start))
        guessed = "nearest" in trace or ("earlier" in trace and desk.reading.sentence_at(quotation.start) - 1 in unsure)
        if guessed:
            unsure.add(sentence)
        speakers[sentence] = (speaker, ambiguous)
        verdicts += [replace(verdict, guessed=guessed)
                     for verdict in _judge_quotation(desk, quotation, speaker, ambiguous, said)]
    return verdicts


def check_quotes(desk: Desk, notes: Notes) -> tuple[list[QuoteVerdict], bool]:
    """quotes and attribution: every quotation against the record. Returns the verdicts and whether any
    quotation was invented."""
    verdicts = judge_all(desk)
    invented = False
    for quotation in desk.reading.quotations:
        if not quotation.closed:
            notes.add("quotes.unclosed", "A quotation mark is opened here and never closed: where do the "
                      "quoted words end?", (quotation.start, quotation.start + 1))
    real_quotes = 0
    for verdict in verdicts:
        match, speaker, span = verdict.match, verdict.speaker, verdict.span
        if verdict.size == 0:
            continue
        named = desk.people_named([speaker]) if speaker else None
        if not verdict.near:
            if verdict.size < SHORT_QUOTE:
                if speaker and speaker.cue and _same_sentence(desk, speaker, verdict.quotation):
                    notes.add("quotes.short-unknown", f"The record has no such words from {named}. Even a "
                              "word or two in quotation marks must be what was said.", span)
                continue
            if speaker is None:
                notes.add("quotes.unsourced-words", "Quoted words that are in no record, and no one is named "
                          "as saying them. If they are someone's words, whose? If not, drop the marks.", span)
                continue
            invented = True
            notes.add("quotes.invented", f"Invented quote: {named} never said this. No record has these "
                      "words, and a quotation must be what was said, word for word.", span,
                      _closest_detail(match))
            continue
        assert match is not None
        real_quotes += 1
        said = match.said
        original = said.words[match.region[0]:match.region[1]]
        quoted = split(_unit_text(desk, verdict)).own_words
        if verdict.faithful:
            whole = match.region == (0, len(said.words))
            notes.add("quotes.verbatim" if whole else "quotes.partial",
                      ("Word for word" if whole else "A faithful partial quote,")
                      + f" from the record: {called(said.speaker)}, {lower_first(said.quote.context)}.", span)
        elif verdict.changed == "ellipsis":
            notes.add("quotes.ellipsis-changes-meaning", f"Misquote: the ellipsis leaves out words that change "
                      f"what {called(said.speaker)} said.", span, f"record: \u201c{said.quote.text}\u201d")
        elif verdict.changed == "brackets":
            notes.add("quotes.bracket-changes-meaning", f"Misquote: the words in brackets change what "
                      f"{called(said.speaker)} said; brackets may only clarify, e.g. a name for a pronoun.",
                      span, f"record: \u201c{said.quote.text}\u201d")
        else:
            changed = _changed_words(quoted, original)
            notes.add("quotes.misquote", f"Misquote: the record has it otherwise from {called(said.speaker)} "
                      f"({changed} word{'s' * (changed != 1)} differ{'s' * (changed == 1)} from the record).",
                      span, f"record: \u201c{said.quote.text}\u201d\nchanges: " + word_diff(quoted, original))
        on_screen = said.quote.id.startswith(ON_SCREEN_PREFIX)
        if desk.gathered is not None and not on_screen and said.quote.id not in desk.gathered:
            notes.add("quotes.not-gathered", f"These are real words from {called(said.speaker)}, but they are "
                      "not in your notebook: quote only what you heard or read yourself.", span)
        _check_speaker(desk, notes, verdict, said.speaker)
    if not verdicts:
        notes.add("quotes.none", "No direct quotation from the record: a quote lets the people in the story "
                  "speak.")
    elif not real_quotes and not invented:
        notes.add("quotes.none-from-record", "No direct quotation from the record: a quote lets the people in "
                  "the story speak.")
    return verdicts, invented


def _same_sentence(desk: Desk, mention: Mention, quotation: Quotation) -> bool:
    first = desk.reading.sentence_at(quotation.start)
    return first <= mention.sentence <= desk.reading.sentence_at(max(quotation.end - 1, quotation.start))


def _named_near(desk: Desk, quotation: Quotation, person: str) -> bool:
    first = desk.reading.sentence_at(quotation.start) - 1
    last = desk.reading.sentence_at(max(quotation.end - 1, quotation.start)) + 1
    return any(person in m.people for m in desk.mentions_in(first, last))


def _unit_text(desk: Desk, verdict: QuoteVerdict) -> str:
    if verdict.span == verdict.quotation.span:
        return " ".join(desk.reading.text[s:e] for s, e in verdict.quotation.parts)
    return desk.reading.text[verdict.span[0]:verdict.span[1]]


def _changed_words(quoted: tuple[str, ...], original: tuple[str, ...]) -> int:
    """How many words differ: the larger side of each change, summed."""
    matcher = SequenceMatcher(None, original, quoted, autojunk=False)
    return max(1, sum(max(a2 - a1, b2 - b1) for tag, a1, a2, b1, b2 in matcher.get_opcodes() if tag != "equal"))


def _closest_detail(match: Match | None) -> str | None:
    if match is None:
        return None
    return f"closest on the record ({called(match.said.speaker)}): \u201c{match.said.quote.text}\u201d"


def _check_speaker(desk: Desk, notes: Notes, verdict: QuoteVerdict, speaker: Person) -> None:
    span, named, who = verdict.span, verdict.speaker, called(speaker)
    if named is None and span[0] < desk.reading.headline[1]:
        notes.add("attribution.cannot-tell", f"A quote in the headline names no one: the story under it must "
                  f"say whose words they are (the record has them from {who}).", span)
    elif named is None:
        notes.add("attribution.no-speaker", f"Whose words? No one is named near this quote (the record has "
                  f"them from {who}).", span)
    elif speaker.id in named.people or (speaker.id == ON_SCREEN_SPEAKER.id and not _any_real(desk, named)):
        quote = verdict.match.said.quote if verdict.match else None
        if verdict.ambiguous:
            notes.add("attribution.ambiguous-speaker", f"I could not tell who is speaking: the pronoun could "
                      f"mean more than one person (the record has these words from {who}).", span)
        elif quote and quote.kind == "second_hand" and quote.heard_from and not _named_near(
                desk, verdict.quotation, quote.heard_from):
            notes.add("attribution.second-hand", f"Second hand: you had these words from "
                      f"{desk.name(quote.heard_from)}, not from {who}; say how you know.", span)
        elif verdict.faithful and verdict.guessed:
            notes.add("attribution.cannot-tell", f"I could not tell for certain who the story says is "
                      f"speaking: no \u201csaid\u201d or colon ties these words to {who}. Make it plain.", span)
        elif verdict.faithful:
            notes.add("attribution.right-speaker", f"Rightly attributed to {who}.", span)
    elif speaker.id == ON_SCREEN_SPEAKER.id:
        notes.add("attribution.wrong-speaker", f"Wrong speaker: these words were spoken on screen by someone "
                  f"in the scene, not by {desk.people_named([named])}.", span)
    elif verdict.ambiguous:
        notes.add("attribution.ambiguous-speaker", f"I could not tell who is speaking: the pronoun could "
                  f"mean more than one person (the record has these words from {who}). Name the speaker.", span)
    elif _unnamed(desk, speaker) and all(_unnamed(desk, desk.record.people[p]) for p in named.people
                                         if p in desk.record.people) and _indefinite(desk, named):
        # "another reporter" for "a foreign reporter": neither has a name, so nothing tells them apart.
        notes.add("attribution.cannot-tell", f"I could not tell for certain which unnamed person the story "
                  f"means: the record has these words from {who}.", span)
    elif _soft(desk, verdict) and _antecedent(desk, verdict.quotation, speaker.id):
        notes.add("attribution.ambiguous-speaker", f"I could not tell who is speaking: the words could be "
                  f"read as {desk.people_named([named])}'s, though the record has them from {who}, named just "
                  "before. Name the speaker with the quote.", span)
    elif verdict.guessed and not (named.cue and _same_sentence(desk, named, verdict.quotation)):
        # No verb ties the words to anyone: the nearest name is a guess (even one that spoke in another
        # sentence), so say so rather than call it wrong.
        notes.add("attribution.ambiguous-speaker", f"I could not tell who is speaking: no \u201csaid\u201d or colon "
                  f"ties these words to anyone, and the nearest name is {desk.people_named([named])}, though the "
                  f"record has them from {who}. Name the speaker with the quote.", span)
    else:
        notes.add("attribution.wrong-speaker", f"Wrong speaker: the record has these words from {who}, but "
                  f"the story gives them to {desk.people_named([named])}.", span)


_INDEFINITE = re.compile(r"(?i:a|an|another|one|some|the\s+other)\s+[a-z]")
"""How a description of someone with no name begins: "a reporter", "another reporter", "one official"."""


def _unnamed(desk: Desk, person: Person) -> bool:
    """Someone the record does not name: every name it gives them is a description ("a foreign reporter")."""
    return all(_INDEFINITE.match(name) for name in [person.name, *person.names])


def _indefinite(desk: Desk, mention: Mention) -> bool:
    """A mention that describes someone without naming them ("Another reporter shared the clip")."""
    return bool(_INDEFINITE.match(desk.reading.text, mention.start))


def _soft(desk: Desk, verdict: QuoteVerdict) -> bool:
    """Whether the story's speaker was only inferred (a pronoun, a title, the nearest name, the sentence
    before) rather than named with the quote in its own sentence."""
    named = verdict.speaker
    if named is None:
        return False
    first = desk.reading.sentence_at(verdict.quotation.start)
    return verdict.guessed or named.sentence < first


def _antecedent(desk: Desk, quotation: Quotation, person: str) -> bool:
    """Whether `person` is named, not as a listener, in the quote's paragraph, in its sentence or the few
    before it: a reading of its pronoun or title that fits the record, so the editor may not call it wrong."""
    last = desk.reading.sentence_at(max(quotation.end - 1, quotation.start))
    first = max(0, desk.reading.sentence_at(quotation.start) - PRONOUN_REACH)
    paragraph = _paragraph_start(desk, quotation.start)
    return any(person in m.people and not m.listener and m.start < quotation.end
               and _paragraph_start(desk, m.start) == paragraph for m in desk.mentions_in(first, last))


def _any_real(desk: Desk, mention: Mention) -> bool:
    return any(desk.record.people[p].real for p in mention.people if p in desk.record.people)


def unsure_speaker(desk: Desk, verdict: QuoteVerdict) -> bool:
    """Whether the editor could not tell who the story says spoke a quote on the record that it gives to
    someone else: a pronoun that could mean more than one person, only the nearest name, a pronoun or title
    that could stand for the one who said it, or two people with no name. Such a quote is never an error,
    and the one who said it is not unheard."""
    if verdict.match is None or not verdict.near or verdict.speaker is None:
        return False
    said, named = verdict.match.said.speaker, verdict.speaker
    if said.id in named.people:
        return verdict.ambiguous or verdict.guessed
    if verdict.ambiguous:
        return True
    if _soft(desk, verdict) and _antecedent(desk, verdict.quotation, said.id):
        return True
    if verdict.guessed and not (named.cue and _same_sentence(desk, named, verdict.quotation)):
        return True
    return _unnamed(desk, said) and _indefinite(desk, named) and all(
        _unnamed(desk, desk.record.people[p]) for p in named.people if p in desk.record.people)


def rightly_quoted(verdicts: list[QuoteVerdict]) -> frozenset[str]:
    """The people whose words the story quotes faithfully and gives to them."""
    return frozenset(verdict.match.said.speaker.id for verdict in verdicts
                     if verdict.faithful and verdict.match is not None and verdict.speaker is not None
                     and verdict.match.said.speaker.id in verdict.speaker.people)

