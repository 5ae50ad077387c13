"""Facts: accuracy, verification and the attribution of claims — how the story states each fact it touches.

A fact is found by its phrases (`wording`, `contradictions`) and by its propositions (`asserts`, `opposes`,
read by lemma in game.grading.assertions); each place says whether the story asserts it in its own voice.
A confirmed fact's opposite asserted is an accuracy error; a claim asserted without its owner named is an
attribution error (each place counts: a claim attributed once and stated as fact elsewhere is still an
error); a rumour asserted is a verification error. What the record fixes (`fixes`: where, how long) may
not be contradicted in the story's own voice, nor in a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from game.grading.assertions import (
    CLAUSE_WORDS,
    COMMON,
    FUTURE,
    MODAL,
    NEGATING,
    UNCERTAIN,
    WINDOW,
    Token,
    Tokens,
    clause_break,
    happened_keys,
    in_range,
    key_of_word,
    matches,
    sense_keys,
    spoken_of,
)
from game.grading.quotes import pronoun_subject
from game.grading.reading import Desk, Mention, Notes, Occurrence, lower_first, pronoun_in, tone_of
from game.grading.record import Phrase, key_of
from game.grading.speech import ATTRIBUTING, PRONOUN_SPEECH
from game.grading.text import WORD
from game.model import CoreValue, Fact

_PRONOUN_START = re.compile(r"\s*(?:he|she|they)\b", re.IGNORECASE)
_JOINED_AFTER = re.compile(r"(?:,\s*|\s)(?:and|but|yet|whereas)\s+(?:the\s+)?(?:[A-Z][\w.'\-]*\s+){0,2}$")
"""Between a claim and a name after it, a clause of the name's own ("Kim wanted every sanction gone, and Trump
said no"): what the name says there is not the claim before it."""
_PRONOUN_JOINED = re.compile(r"\s*(?:he|she)\s+and\s+", re.IGNORECASE)
"""A sentence whose subject is a pronoun joined to a name ("He and Mike Pompeo said ...")."""
_REFERRING_START = re.compile(r"\s*(?:that|this|so|such|those|these|the\s+(?:claim|account|figure|version)s?|"
                              r"it)\b", re.IGNORECASE)
Once = Callable[[Fact, str], bool]
_NOT_SPEECH_AFTER = re.compile(r"\s+(?:on|upon)\b", re.IGNORECASE)


_OWNED = re.compile(r"\b(?:(?:account|version|telling|view|words|explanation)\s+(?:[a-z]+\s+){0,2}(?:by|of|from)|"
                    r"(?:reads?|saw|sees?|casts?|framed|frames?|portray\w*|paint\w*)\b[^.;:!?]{0,60}\bas\b|"
                    r"interpret\w*|calls?|called|calling|hails?|hailed|credits?|credited|"
                    r"(?:set|sets|laid|lays?)\s+(?:it\s+|them\s+)?out|outlin\w+|mention\w*|spoke|speaks?|"
                    r"recount(?:s|ed)|detail(?:s|ed)|echo\w*|puts?\s+it|"
                    r"blames?|blamed|blaming|describ\w+|accus\w+|cites?|cited|citing|points?\s+to|pointed\s+to|"
                    r"according\s+to|by\s+\w+\s+(?:own\s+)?(?:account|telling)|in\s+\w+['\u2019]s?\s+(?:own\s+)?"
                    r"(?:account|telling|view|version|words)|(?:[\w\-]+['\u2019]s?|his|her|their)\s+(?:own\s+)?"
                    r"(?:account|telling|version|view|explanation|case|argument|claim|claims|assertion|belief|"
                    r"position|charge|reading|story|side|words)|per|says?|saying|told|tells|telling|"
                    r"heard|hears?|hearing|learned|learnt|understood|believes?|believed|thinks?|thought)\b",
                    re.IGNORECASE)


@lru_cache(maxsize=4096)
def _speaks(sentence: str) -> bool:
    """Whether a sentence puts what it says as someone's: a speech verb, an account named as someone's, a
    blame laid ("Trump blames the sanctions demand")."""
    return _attributing(sentence) or bool(_OWNED.search(sentence) or PRONOUN_SPEECH.search(sentence))


def _attributing(text: str) -> bool:
    """Whether a sentence reports speech: a speech verb that is not one the claim is made of ("North Korea
    insisted on full sanctions relief" is a demand, not a report of what someone said)."""
    return any(not _NOT_SPEECH_AFTER.match(text, found.end()) for found in ATTRIBUTING.finditer(text))
_LATER_CLAUSE = re.compile(r",\s*(?:which|and|but|so|because|while|whereas)\b", re.IGNORECASE)
_ASIDE_SPEECH = re.compile(r"\s*(?:said|says|added|argued|insisted|claimed|told\s+\w+)\s*,(?=(?:\s*[\w'\-]+){3})",
                           re.IGNORECASE)


_ANSWERS = re.compile(r"\s+(?:says?|said|saying)\s+(?:no|yes|not)\b", re.IGNORECASE)
"""After a name, a clause of its own: "Kim offers Yongbyon, Trump says no" (a refusal, not the claim's source)."""
_PAIR = re.compile(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?(?:[A-Z][\w.'\-]*\s+){0,4}")


def _paired(text: str, mentions: list[Mention], mention: Mention) -> bool:
    """Whether a name is joined by "and" to a name just before it ("Trump and Secretary of State Mike Pompeo
    said"): the two are one subject, not a clause of the second's own."""
    return any(other.end <= mention.start and _PAIR.fullmatch(text, other.end, mention.start) for other in mentions)


def _aside_in_later_clause(text: str, claim_end: int, name_start: int, name_end: int, sentence_end: int) -> bool:
    """Whether a name after a claim speaks only in a later clause of its sentence: a clause opens between them
    (", which", ", and", ", but") and the name's "X said" is an aside inside it, with that clause going on after
    it ("..., which is why, Trump said, the US could not accept it"). Then what he said is that clause, not the
    claim before it; a "..., Trump said." at the sentence's end covers the whole sentence."""
    return bool(_LATER_CLAUSE.search(text, claim_end, name_start)) and bool(
        _ASIDE_SPEECH.match(text[:sentence_end], name_end))


def proposition_occurrences(desk_tokens: Tokens, desk: Desk) -> list[Occurrence]:
    """Where the story matches a fact's propositions, as occurrences like a phrase's."""
    reading = desk.reading
    found = []
    for fact in desk.record.scenario.facts:
        for kind, propositions in (("wording", fact.asserts), ("contradiction", fact.opposes)):
            for proposition in propositions:
                for place in matches(desk_tokens, reading, proposition):
                    quoted = reading.quotation_at(place.start, place.end) is not None or _in_quote(desk, place.start)
                    negated = place.negated != proposition.negative
                    which = kind
                    if negated and fact.status == "confirmed":
                        # "The signing was not cancelled" asserts the opposite; "no deal was signed", the fact.
                        which, negated = ("contradiction" if kind == "wording" else "wording"), False
                    found.append(Occurrence(Phrase(fact, which), place.start, place.end, place.sentence, quoted,
                                            negated, place.hedged, place.denied, place.modal,
                                            place.uncertain))
    return found


def _in_quote(desk: Desk, offset: int) -> bool:
    quote = desk.reading.quotation_at(offset, offset + 1)
    return quote is not None


def claimant_named(desk: Desk, occurrence: Occurrence, claimants: frozenset[str]) -> bool | None:
    """True when one of the claim's owners is named as its source: in its sentence, in the one before when
    this one says "he said", "according to"..., or in the next when that one refers back ("That is Trump's
    account", "..., Trump said."); False when someone else is named as saying it; None when no one is."""
    here = list(desk.mentions_in(occurrence.sentence, occurrence.sentence))
    sentence = desk.sentence_text(occurrence.sentence)
    own = [m for m in here if m.start >= occurrence.end and not _paired(desk.reading.text, here, m)
           and (_JOINED_AFTER.search(desk.reading.text, occurrence.end, m.start)
                or _ANSWERS.match(desk.reading.text, m.end)
                or _aside_in_later_clause(desk.reading.text, occurrence.end, m.start, m.end,
                                          desk.reading.sentences[occurrence.sentence][1]))]
    if own:
        # "..., and Trump said no": that clause and what it says are the name's own, not the claim's source.
        here = [m for m in here if m.start < own[0].start]
        sentence = desk.reading.text[desk.reading.sentences[occurrence.sentence][0]:own[0].start]
    if any(claimants & m.people and (m.cue or _speaks(sentence)) for m in here):
        return True  # not a bare mention: "Kim wanted sanctions gone, so Trump walked" puts the claim as fact
    if occurrence.sentence > 0 and (_attributing(sentence) or _PRONOUN_START.match(sentence)):
        before = desk.mentions_in(occurrence.sentence - 1, occurrence.sentence - 1)
        if any(claimants & m.people for m in before):
            return True
    start = desk.reading.sentences[occurrence.sentence][0]
    pronoun = PRONOUN_SPEECH.search(sentence)
    if pronoun is not None:
        # "Kim, he said, wanted...", "By his account, ...": the pronoun's person is the source.
        person, _ = pronoun_subject(desk, occurrence.sentence, start + pronoun.start(),
                                    pronoun=pronoun_in(pronoun.group()))
        if person is not None and claimants & person.people:
            return True
    joined = _PRONOUN_JOINED.match(sentence)
    if joined is not None and _attributing(sentence):
        # "He and Pompeo said Kim had offered ...": the pronoun's person is one of those who say it.
        person, _ = pronoun_subject(desk, occurrence.sentence, start, pronoun=pronoun_in(joined.group()))
        if person is not None and claimants & person.people:
            return True
    following = occurrence.sentence + 1
    if following < len(desk.reading.sentences):
        text = desk.sentence_text(following)
        after = desk.mentions_in(following, following)
        if _REFERRING_START.match(text) and _attributing(text) and any(
                claimants & m.people and m.cue for m in after):
            return True
    if any(m.cue for m in here):
        return False
    return None


def check_facts(desk: Desk, notes: Notes) -> None:
    """accuracy, verification and the attribution of claims: how the story states each fact it touches."""
    done: set[tuple[str, str]] = set()

    def once(fact: Fact, what: str) -> bool:
        """True the first time: a fact repeated through a long story is noted once."""
        if (fact.id, what) in done:
            return False
        done.add((fact.id, what))
        return True

    stated = [o for o in desk.occurrences if not o.quoted]
    claims = [o for o in stated if o.phrase.kind == "wording" and o.phrase.fact.status == "claim"]
    _claims(desk, notes, claims, once)
    for occurrence in stated:
        if occurrence.phrase.kind == "wording" and occurrence.phrase.fact.status == "rumour":
            _rumour(desk, notes, occurrence, once)
    # A phrase that both asserts a false rumour and contradicts a fact is one error, not two.
    inaccurate = [item.finding.span for item in notes.items if item.finding.dimension == "accuracy"
                  and item.finding.span]
    for occurrence in stated:
        if occurrence.phrase.kind == "contradiction" and not any(
                span[0] <= occurrence.end and occurrence.start <= span[1] for span in inaccurate if span):
            _contradiction(desk, notes, occurrence, once)
    check_core_values(desk, notes)
    for fact in desk.record.scenario.facts:
        if fact.status == "claim" and not notes.has("attribution"):
            unread = _unread_mention(desk, fact, own_voice=True)
            if unread is not None:
                notes.add("attribution.claim-unread", f"I could not tell whether the story states this claim as "
                          f"fact: {lower_first(fact.statement)}. This sentence speaks of it in the story's own voice "
                          "in words I cannot read against the record; if it says the claim is so, say whose claim "
                          "it is.", unread, fact.statement, about=(fact.id,))
                break
    kept = []
    for fact_id in sorted(desk.known):
        rumour = desk.record.facts.get(fact_id)
        if (rumour and rumour.status == "rumour" and rumour.accurate is False
                and not any(o.phrase.fact.id == fact_id for o in desk.occurrences)):
            unread = _unread_mention(desk, rumour)
            if unread is None:
                kept.append(rumour)
            else:
                notes.add("verification.could-not-tell", f"I could not tell whether the story keeps this rumour "
                          f"out: {lower_first(rumour.statement)}. This sentence speaks of it in the story's own "
                          "voice in words I cannot read against the record; if it says the rumour is so, that is "
                          "an error.", unread, rumour.check, about=(rumour.id,))
    if len(kept) == len([f for f in desk.known if _false_rumour(desk, f)]):
        for rumour in kept:  # praise only when no rumour is in doubt: then the story's checking is certain
            notes.add("verification.kept-out", f"You kept a false rumour out of the story: "
                      f"{lower_first(rumour.statement)}.", None, about=(rumour.id,))


def _clause_of(desk: Desk, first: int, last: int) -> tuple[int, int]:
    """The character span of the clause tokens first..last stand in: out to a comma, semicolon, colon or dash,
    or a word that opens a clause ("after", "while", "when")."""
    items, text = desk.tokens.tokens, desk.reading.text
    sentence = items[first].sentence
    while first > 0 and items[first - 1].sentence == sentence and items[first].key not in CLAUSE_WORDS and not (
            clause_break(text[items[first - 1].end:items[first].start])):
        first -= 1
    while last + 1 < len(items) and items[last + 1].sentence == sentence and items[last + 1].key not in (
            CLAUSE_WORDS) and not clause_break(text[items[last].end:items[last + 1].start]):
        last += 1
    return items[first].start, items[last].end


def _reports_speech(desk: Desk, sentence: int) -> bool:
    """Whether a sentence reports someone's speech ("said", "according to", "he said"), so is not the story's
    own voice alone."""
    text = desk.sentence_text(sentence)
    return bool(_attributing(text) or PRONOUN_SPEECH.search(text) or _SPEECH_BEFORE.search(text)
                or desk.mentions_in(sentence, sentence) and any(m.cue for m in desk.mentions_in(sentence, sentence)))


def _put_as_plan(desk: Desk, sentence: int, words: frozenset[str]) -> bool:
    """Whether a sentence puts something as a plan, hope or possibility ("had been expected to sign", "could"):
    background, not a statement of what happened. For a claim, only the words that leave it open count (a
    claim is told with "wanted")."""
    return any(token.key in words for token in desk.tokens.tokens if token.sentence == sentence)


def _false_rumour(desk: Desk, fact_id: str) -> bool:
    fact = desk.record.facts.get(fact_id)
    return fact is not None and fact.status == "rumour" and fact.accurate is False and not any(
        o.phrase.fact.id == fact_id for o in desk.occurrences)


def _unread_mention(desk: Desk, rumour: Fact, own_voice: bool = False) -> tuple[int, int] | None:
    """A sentence that speaks, in the story's own voice, of what a false rumour is about (its proposition's
    `about` sense) where nothing the editor reads accounts for that word: no fact's proposition or phrase
    asserted there takes it in, and the sentence neither denies or negates it nor puts it as a plan or hope.
    Such a sentence may be the rumour in other words, so "you kept it out" would not be certain. The span of
    the first, or None."""
    covered = [(o.start, o.end) for o in desk.occurrences if o.phrase.kind == "wording" and not o.negated]
    items = desk.tokens.tokens
    for proposition in rumour.asserts:
        things = [sense for sense in proposition.about if key_of(sense) not in desk.record.name_owners]
        if not things:
            continue  # a rumour about a person: every sentence naming them would be in doubt
        for first, last in spoken_of(desk.tokens, proposition.model_copy(update={"about": things})):
            start, end = items[first].start, items[last].end
            if desk.reading.quotation_at(start, end) is not None or _in_quote(desk, start):
                continue
            c_start, c_end = _clause_of(desk, first, last)
            if any(a < c_end and c_start < b for a, b in covered):
                continue  # a fact the editor reads is said in the same clause: that is what it says of it
            if own_voice and _reports_speech(desk, items[first].sentence):
                continue
            hedged, denied = tone_of(desk.reading, items[first].sentence)
            if hedged or denied or _negated_before(desk, first) or _put_as_plan(
                    desk, items[first].sentence, UNCERTAIN if own_voice else MODAL):
                continue
            return desk.reading.sentences[items[first].sentence]
    return None


def _contradiction(desk: Desk, notes: Notes, occurrence: Occurrence, once: Once) -> None:
    fact, span = occurrence.phrase.fact, (occurrence.start, occurrence.end)
    if fact.accurate is False:
        # The opposite of a false rumour or claim is the truth.
        if occurrence.asserted and fact.id in desk.verified and once(fact, "truth"):
            notes.add("verification.truth-reported", "You checked, and reported what is true.", span,
                      about=(fact.id,))
        return
    if not occurrence.asserted or (fact.status == "claim" and fact.accurate is None):
        return
    if _attributed_to_anyone(desk, occurrence):
        return
    if once(fact, "contradiction"):
        notes.add("accuracy.contradiction", f"This contradicts the record: {lower_first(fact.statement)}.", span,
                  f"record: \u201c{fact.excerpt}\u201d" if fact.excerpt else None, about=(fact.id,))
    if fact.status == "confirmed":
        _rumour_in_denial(desk, notes, occurrence, once)


def _rumour_in_denial(desk: Desk, notes: Notes, occurrence: Occurrence, once: Once) -> None:
    """A confirmed fact denied in the story's own voice, a negation in its words ("the ceremony has not been
    scrapped"), asserts a false
    rumour about the same thing (the rumour's `about` sense is what the denial is about): that rumour,
    whatever its own words, is reported as fact."""
    said = {token.key for token in in_range(desk.tokens, occurrence.start, occurrence.end)}
    if not said & NEGATING:
        return  # "a deal was reached" is put positively: it opposes the record, not by denying a fact
    for rumour in desk.record.scenario.facts:
        if rumour.status != "rumour" or rumour.accurate is not False:
            continue
        about = {key for proposition in rumour.asserts for keys in happened_keys(tuple(proposition.about))
                 for key in keys} - COMMON
        if about & said and once(rumour, "asserted"):
            notes.add("verification.rumour-as-fact", "A rumour reported as fact, and it is false: denying "
                      f"what the record confirms here says {lower_first(rumour.statement)}.",
                      (occurrence.start, occurrence.end), rumour.check or rumour.statement, about=(rumour.id,))


def _attributed_to_anyone(desk: Desk, occurrence: Occurrence) -> bool:
    """Someone is named as saying it: a speaker before it in its sentence ("Trump said ..."), or after it
    at the sentence's end ("..., Trump said."). Then it is their claim, not the story's voice."""
    return _governed(desk, occurrence.sentence, occurrence.start)


def _governed(desk: Desk, sentence: int, start: int) -> bool:
    end = desk.reading.sentences[sentence][1] if desk.reading.sentences else len(desk.reading.text)
    for mention in desk.mentions_in(sentence, sentence):
        if not mention.cue or mention.listener:
            continue
        if mention.end <= start:
            return True
        rest = desk.reading.text[mention.end:end]
        if len(WORD.findall(rest)) <= 4:
            return True
    return False


def _claims(desk: Desk, notes: Notes, occurrences: list[Occurrence], once: Once) -> None:
    """Every place a claim is put: each unattributed one is an error, and praise only when none is."""
    by_fact: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        if occurrence.negated or occurrence.denied:
            continue
        by_fact.setdefault(occurrence.phrase.fact.id, []).append(occurrence)
    for fact_id, places in by_fact.items():
        fact = desk.record.facts[fact_id]
        claimants = desk.record.claimants.get(fact.id, frozenset())
        owner = desk.name(fact.claimed_by)
        verdicts = [(place, claimant_named(desk, place, claimants)) for place in places]
        wrong = [place for place, named in verdicts if named is False]
        bare = [place for place, named in verdicts if named is None and not place.hedged and not place.uncertain
                and not _said_by_someone(desk, place)]
        talk = [place for place, named in verdicts if named is None and place.hedged]
        if bare:
            span = (bare[0].start, bare[0].end)
            notes.add("attribution.claim-as-fact", f"A one-sided claim stated as fact: say whose claim it is (it "
                      f"comes from {owner}).", span, fact.statement, about=(fact.id,))
            if fact.accurate is False:
                notes.add("accuracy.false-claim", "This claim is not true, and the story states it as fact.", span,
                          fact.check, about=(fact.id,))
        if wrong:
            notes.add("attribution.claim-to-wrong-person", f"The record has this claim from {owner}, but the "
                      "story puts it in someone else's mouth.", (wrong[0].start, wrong[0].end), fact.statement,
                      about=(fact.id,))
        if talk and not bare and not wrong:
            notes.add("attribution.claim-unowned", f"Whose claim is this? Say so: it comes from {owner}.",
                      (talk[0].start, talk[0].end), fact.statement, about=(fact.id,))
        named = [place for place, who in verdicts if who is True]
        if named and not bare and not wrong and not talk:
            notes.add("attribution.claim-attributed", f"A one-sided claim, rightly attributed to {owner}.",
                      (named[0].start, named[0].end), about=(fact.id,))


_SPEECH_BEFORE = re.compile(r"\b(?:said|says|say|told|tells|claimed|claims|claim|insisted|insists|argued|argue|"
                            r"argues|maintained|maintain|maintains|alleged|allege|alleges|contended|contend|"
                            r"contends|according\s+to|in\s+the\s+(?:view|account|telling|words)\s+of|"
                            r"by\s+(?:the\s+)?[\w'\-]+\s+(?:account|telling)|"
                            # someone's account put as theirs: "His account is that ...", "Trump's version was that"
                            r"(?:his|her|their|its|[\w\-]+['\u2019]s?)\s+(?:own\s+)?(?:account|version|view|telling|case|"
                            r"explanation|argument|position|story)(?:\s+[\w'\-]+){0,4}?\s+(?:is|was|being)\s+that)"
                            r"\b(?!\s+(?:on|upon|for)\b)",
                            re.IGNORECASE)
"""A speech verb before a claim ("US officials said"), not one the claim is made of ("insisted on")."""
# "..., officials said." at the sentence's end; not "..., and Trump said no", a clause of its own.
_SPEECH_END = re.compile(r",\s*(?!(?:and|but|yet|whereas)\s)(?:[\w'\-]+\s+){1,4}(?:said|says|say|told\s+\w+|claimed|"
                         r"claims|insisted|insists|argued|argue|maintained|maintain)\b[^.!?]{0,40}[.!?]?\s*$",
                         re.IGNORECASE)
_ACCOUNT_AFTER = re.compile(r"\s*(?:that|this|such|so|it)\b[^.!?]{0,60}\b(?:account|version|claim|telling|"
                            r"story|side|words|view|says|said|argument|position)\b", re.IGNORECASE)


def _said_by_someone(desk: Desk, occurrence: Occurrence) -> bool:
    """The claim is put as someone's, though no person is named as its owner: "US officials said ...",
    "..., the Americans say.", or a next sentence that calls it an account ("That is the American
    account."). Not the story's own voice, so not a claim stated as fact."""
    s_start, s_end = desk.reading.sentences[occurrence.sentence]
    text = desk.reading.text
    if _SPEECH_BEFORE.search(text[s_start:occurrence.start]):
        return True
    ending = _SPEECH_END.search(text[occurrence.end:s_end])
    if ending is not None and not (_LATER_CLAUSE.search(text, occurrence.end, occurrence.end + ending.start() + 1)
                                   and _ASIDE_SPEECH.search(ending.group())) and not _ANSWERS.search(ending.group()):
        return True
    following = occurrence.sentence + 1
    if following < len(desk.reading.sentences):
        n_start, n_end = desk.reading.sentences[following]
        return bool(_ACCOUNT_AFTER.match(text, n_start, n_end))
    return False


def _rumour(desk: Desk, notes: Notes, occurrence: Occurrence, once: Once) -> None:
    fact, span = occurrence.phrase.fact, (occurrence.start, occurrence.end)
    checked = fact.id in desk.verified
    if occurrence.negated or occurrence.denied:
        if fact.accurate is False and checked and once(fact, "denied"):
            notes.add("verification.checked-false", "You checked the rumour and report it as false.", span,
                      about=(fact.id,))
        return
    if occurrence.uncertain and not occurrence.hedged:
        return
    claimants = desk.record.claimants.get(fact.id, frozenset())
    if occurrence.hedged or (claimants and claimant_named(desk, occurrence, claimants) is True) or (
            fact.accurate is False and _attributed_to_anyone(desk, occurrence)):
        if fact.accurate is False and once(fact, "repeated"):
            notes.add("verification.repeated-false", ("You checked this and know it is false: say so, rather "
                      "than repeat it as talk." if checked else "Even put as a rumour, this repeats something "
                      "checking would show to be false."), span, fact.check, about=(fact.id,))
        elif fact.accurate is not False and once(fact, "hedged"):
            notes.add("verification.hedged", "Reported as a rumour, not as fact.", span, about=(fact.id,))
        return
    if _attributed_to_anyone(desk, occurrence) and fact.accurate is not False:
        return
    if not once(fact, "asserted"):
        return
    if fact.accurate is False:
        notes.add("verification.rumour-as-fact", "A rumour reported as fact, and it is false.", span,
                  fact.check or fact.statement, about=(fact.id,))
        notes.add("accuracy.false-rumour", f"Not true: {lower_first(fact.statement)}.", span, fact.check,
                  about=(fact.id,))
    elif checked:
        notes.add("verification.checked", "You checked this before reporting it.", span, about=(fact.id,))
    else:
        notes.add("verification.unverified-as-fact", "An unverified rumour reported as fact: check it, or say it "
                  "is unconfirmed.", span, fact.statement, about=(fact.id,))


# --- what the record fixes ---------------------------------------------------------------------------

_DATELINE = re.compile(r"\s*([A-Z][A-Z .'\-]{2,40}?)(?:,\s*[A-Za-z .]{2,30})?\s*(?:\([A-Za-z .]+\)\s*)?[-:]\s")


def check_core_values(desk: Desk, notes: Notes) -> None:
    """A wrong place, length or date in the story's own voice (or its dateline) is an accuracy error."""
    tokens = desk.tokens
    for fact in desk.record.scenario.facts:
        for value in fact.fixes:
            place = _dateline_wrong(desk, value) if value.dateline else None
            place = place or _wrong_value(desk, tokens, value)
            if place is not None:
                notes.add("accuracy.core-fact", f"Not what the record says: {lower_first(fact.statement)}.",
                          place, f"record: \u201c{fact.excerpt}\u201d" if fact.excerpt else None, about=(fact.id,))
                break


def _dateline_wrong(desk: Desk, value: CoreValue) -> tuple[int, int] | None:
    lede = desk.reading.lede
    if lede is None:
        return None
    found = _DATELINE.match(desk.reading.text, lede[0], lede[1])
    if found is None:
        return None
    city = found.group(1).strip().lower()
    if any(city == right.lower() or city in right.lower() or right.lower() in city for right in value.right):
        return None
    colon = desk.reading.text[found.end() - 2:found.end()].strip() == ":"
    # "ANCHOR:", "TRUMP:", "REPORTER:" are a script's speakers; a colon dateline counts only when it names
    # one of the wrong places outright ("SEOUL: ...").
    label = colon or city.split()[0] in SPEAKER_LABELS or city in desk.record.name_owners
    if label and not any(city == wrong.lower() for wrong in value.wrong):
        return None
    return found.span(1)


SPEAKER_LABELS = frozenset((
    "anchor", "reporter", "presenter", "host", "correspondent", "narrator", "voiceover", "vo", "sot", "intro",
    "outro", "caption", "graphic", "interviewer", "announcer", "newsreader", "live", "breaking", "update",
    "analysis", "comment", "exclusive", "editorial", "opinion", "news", "cue", "link", "pkg", "package"))
"""Words that open a script's or a page's label line, not a dateline."""


_LOCATIVE = frozenset(("in", "at", "inside", "within"))
_RELATIVE = frozenset(key_of_word(word) for word in (
    "which", "who", "that", "after", "before", "while", "when", "since", "whereas", "but", "then"))


def _sequence_at(items: tuple[Token, ...], first: int, keys: tuple[str, ...]) -> bool:
    return tuple(token.key for token in items[first:first + len(keys)]) == keys


def _wrong_value(desk: Desk, tokens: Tokens, value: CoreValue) -> tuple[int, int] | None:
    """A wrong value put as the value of its `about` in the story's own voice.

    The value must belong to its `about`: in the same clause (no relative clause or semicolon between:
    "the summit, which began on Wednesday, ..." is about the start), and for a place, as where it happened
    ("the summit in Seoul", "the Seoul summit", "held at Da Nang"; "flew home to Washington" is not). A
    sentence that also gives a right value is contrasting them, not erring ("opened Wednesday, ended
    Thursday")."""
    items = tokens.tokens
    text = desk.reading.text
    about = {key for sense in value.about for key in sense_keys(sense)}
    rights = [sense_keys(right) for right in value.right]
    for wrong in value.wrong:
        keys = sense_keys(wrong)
        if not keys:
            continue
        for first in tokens.where.get(keys[0], ()):
            last = first + len(keys) - 1
            if not _sequence_at(items, first, keys):
                continue
            sentence = items[first].sentence
            near = [i for i in range(max(0, first - WINDOW), min(len(items), last + WINDOW + 1))
                    if items[i].sentence == sentence and items[i].key in about
                    and not _split_by_clause(desk, items, min(i, first), max(i, last))
                    and desk.reading.quotation_at(items[i].start, items[i].end) is None]
            if keys[-1] in ORDINALS:
                near = [i for i in near if _ordinal_of(desk, items, first, last, i)]
            if not near:
                continue
            s_first = tokens.sentence_starts[sentence]
            s_last = (tokens.sentence_starts[sentence + 1] if sentence + 1 < len(tokens.sentence_starts)
                      else len(items))
            if any(_sequence_at(items, i, right) for right in rights if right
                   for i in range(s_first, s_last) if items[i].key == right[0]):
                continue
            if value.dateline and not _as_place_of(items, text, first, last, near):
                continue
            start, end = items[first].start, items[last].end
            if desk.reading.quotation_at(start, end) is not None or _governed(desk, sentence, start):
                continue
            if _negated_before(desk, first) or _reported_as_not_so(desk, sentence) or _unreal(desk, first):
                continue
            return (start, end)
    return None


ORDINALS = frozenset(key_of_word(word) for word in (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "first-ever",
    "maiden", "inaugural"))
"""Values that say which one of a series something is ("the third summit")."""
_ORDINAL_REACH = 3
_COPULA = frozenset(key_of_word(word) for word in ("is", "was", "be", "been", "being", "were", "are"))


def _ordinal_of(desk: Desk, items: tuple[Token, ...], first: int, last: int, about: int) -> bool:
    """Whether an ordinal qualifies its `about`: as an adjective before it with only names or compounds
    between ("the first summit", "the third Trump-Kim summit", "first-ever US-North Korea summit"), or as its
    complement ("the summit was their third"). "The first time Kim answered at the summit" is of "time"."""
    words = desk.tokens.words
    text = desk.reading.text
    if last < about <= last + _ORDINAL_REACH:
        return all(text[items[i].start].isupper() or "-" in words[i] or words[i] in ("ever", "us")
                   for i in range(last + 1, about)) and not any(clause_break(text[items[i].end:items[i + 1].start])
                                                 for i in range(last, about))
    if about < first <= about + 4:
        following = [items[i].key for i in range(about + 1, first)]
        return bool(following) and following[0] in _COPULA
    return False


_UNREAL_REACH = 8


def _unreal(desk: Desk, index: int) -> bool:
    """Whether the clause a value stands in puts it as a plan, hope or possibility: a modal or "will" before
    it in its clause ("there are no plans for a third summit", "a third summit could follow"). Then the value
    is not what the story says happened. (A negation is not enough: "ended without a deal on Wednesday".)"""
    items, text = desk.tokens.tokens, desk.reading.text
    sentence = items[index].sentence

    def unreal(place: int) -> bool:
        word = desk.tokens.words[place]
        return items[place].key in MODAL or word in FUTURE or word.endswith("'ll")

    for place in range(index - 1, max(-1, index - 1 - _UNREAL_REACH), -1):
        if items[place].sentence != sentence or clause_break(text[items[place].end:items[place + 1].start]):
            break
        if unreal(place):
            return True
        if items[place].key in CLAUSE_WORDS:
            break
    # ... or after it, as its verb's mood: "whether a third summit would happen".
    for place in range(index + 1, min(len(items), index + 1 + _UNREAL_REACH)):
        if items[place].sentence != sentence or clause_break(text[items[place - 1].end:items[place].start]) or (
                items[place].key in CLAUSE_WORDS):
            break
        if unreal(place):
            return True
    return False


def _reported_as_not_so(desk: Desk, sentence: int) -> bool:
    """The sentence puts its content as talk or a source's report ("a post announced that ..."), or says or
    is told by the next sentence that it is not so ("He had not"): not the story's own voice."""
    return bool(desk.reading.sentences) and any(tone_of(desk.reading, sentence))


_COLON = re.compile(r":(?!\d)")


def _split_by_clause(desk: Desk, items: tuple[Token, ...], a: int, b: int) -> bool:
    """A relative or new clause, or a semicolon, between tokens a and b."""
    text = desk.reading.text
    between = text[items[a].end:items[b].start]
    return any(items[i].key in _RELATIVE and text[items[i - 1].end:items[i].start].strip() in (",", "")
               and i > a for i in range(a + 1, b)) or ";" in between or bool(_COLON.search(between))


def _as_place_of(items: tuple[Token, ...], text: str, first: int, last: int, near: list[int]) -> bool:
    """A place put as where its `about` happened: "in/at PLACE" after it, or "PLACE summit"."""
    before = text[items[first - 1].start:items[first - 1].end].lower() if first > 0 else ""
    if before in _LOCATIVE and any(i < first and first - i <= 5 for i in near):
        return True
    if any(i > last and i - last <= 2 for i in near):
        return True  # "the Seoul summit", "Seoul talks"
    return before in _LOCATIVE and first >= 2 and text[items[first - 2].start:items[first - 2].end].lower() in (
        "held", "staged", "hosted", "convened", "took", "place")


_INDEFINITE = frozenset(key_of_word(word) for word in ("a", "an", "any"))
_NEGATION_OF_ONE = 8
"""How far back a negation reaches a value brought in as an indefinite one ("No date has been set for a third
meeting", "no talk of any second round"): a meeting that is not, not this one."""


def _negated_before(desk: Desk, index: int) -> bool:
    items = desk.tokens.tokens
    text = desk.reading.text
    reach = _NEGATION_OF_ONE if index > 0 and items[index - 1].key in _INDEFINITE else 3
    for i in range(index - 1, max(0, index - reach) - 1, -1):
        if items[i].sentence != items[index].sentence or clause_break(text[items[i].end:items[i + 1].start]):
            return False
        if items[i].key in ("not", "no", "never"):
            return True
    return False


def carried(desk: Desk) -> frozenset[str]:
    """The facts the story carries: stated (or reported as their owner's claim), not denied or quoted."""
    return frozenset(o.phrase.fact.id for o in desk.occurrences
                     if o.phrase.kind == "wording" and not o.quoted and not o.denied
                     and not (o.negated and o.phrase.fact.status != "confirmed"))


__all__ = ["carried", "check_facts", "claimant_named", "proposition_occurrences"]
