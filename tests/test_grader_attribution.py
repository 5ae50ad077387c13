"""Who said it, read by structure (issue 10): the speech verb that governs a quotation names its speaker, in
every style a newspaper writes in. Each case is a paragraph of our own, in one house style, built only on
real quotes from scenarios/hanoi-summit.yaml, put after a lede that carries the news, so attribution is the
only thing under test.

"right": the quote is rightly attributed (praise, never an error); "unsure": the editor says it could not
tell (a warning or a note, never an error); "wrong": the story gives the words to someone who did not say
them (an error) - these keep the rules honest, since a reader that never says "wrong" would pass the rest.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.grader import Report, Story, grade
from game.loader import load_scenario
from game.model import Scenario

ROOT = Path(__file__).resolve().parent.parent
HEADLINE = "Trump-Kim summit in Hanoi ends without a deal"
LEDE = ("HANOI, Vietnam — The second summit between President Donald Trump and North Korean leader Kim Jong Un "
        "ended without a deal on Thursday, after the talks were cut short and a planned lunch and signing "
        "ceremony were cancelled.")

RIGHT = {"attribution.right-speaker"}
UNSURE = {"attribution.ambiguous-speaker", "attribution.cannot-tell"}


@cache
def hanoi() -> Scenario:
    return load_scenario(ROOT / "scenarios" / "hanoi-summit.yaml")


def graded(body: str) -> tuple[Report, str]:
    scenario = hanoi()
    story = Story(HEADLINE, LEDE + "\n\n" + body)
    report = grade(scenario, story, gathered=None, known=[fact.id for fact in scenario.facts], verified=(),
                   filed_at=15 * 60 + 30)
    return report, story.text


def verdict_on(body: str, quote: str) -> set[str]:
    """The attribution findings on the quotation that begins with `quote`."""
    report, text = graded(body)
    found = {f.code or "" for f in report.findings if f.dimension == "attribution" and f.span is not None
             and text[f.span[0]:f.span[1]].lstrip("\"'\u201c\u2018 ").startswith(quote)}
    assert found, f"no attribution finding on {quote!r}: {[f.code for f in report.findings]}"
    return found


CASES: list[tuple[str, str, str, str]] = [
    # (style, paragraph, the quote's first words, expected)
    ("AP, said after", '"Sometimes you have to walk, and this was just one of those times," Trump said.',
     "Sometimes you have to walk", "right"),
    ("AP, said before name", '"We weren\'t willing to do that," said Trump, who spoke for nearly an hour.',
     "We weren't willing", "right"),
    ("told reporters colon", "Trump told reporters: \"We felt it wasn't a good thing to be signing anything.\"",
     "We felt it", "right"),
    ("X, who ..., said", "Kim, who had never before taken a question from a foreign journalist, said: "
     "\"It's too early to say. I would not say I'm pessimistic.\"", "It's too early", "right"),
    ("British single quotes", "'Sometimes you have to walk,' Mr Trump said, 'and this was just one of those "
     "times.'", "Sometimes you have to walk", "right"),
    ("broadcast capitals", 'TRUMP SAID: "SOMETIMES YOU HAVE TO WALK, AND THIS WAS JUST ONE OF THOSE TIMES."',
     "SOMETIMES YOU HAVE TO WALK", "right"),
    ("title for the name", 'The president was blunt. "We weren\'t willing to do that," the president said.',
     "We weren't willing", "right"),
    ("pronoun, last subject", "Kim sat beside Trump in the talks room and took a question on denuclearization. "
     "\"If I'm not willing to [denuclearize, I] wouldn't be here right now,\" he said.", "If I'm not willing",
     "right"),
    ("he added", '"Sometimes you have to walk," Trump said. "We felt it wasn\'t a good thing to be signing '
     'anything," he added.', "We felt it", "right"),
    ("she went on", 'Sarah Sanders, the White House press secretary, issued a statement. The leaders, she went '
     'on, "discussed various ways to advance denuclearization and economic driven concepts. No agreement was '
     'reached at this time, but their respective teams look forward to meeting in the future."',
     "discussed various ways", "right"),
    ("in a statement", 'In a statement, the White House said the two leaders "discussed various ways to advance '
     'denuclearization and economic driven concepts."', "discussed various ways", "right"),
    ("according to", 'The leaders "discussed various ways to advance denuclearization and economic driven '
     'concepts," according to Sarah Sanders.', "discussed various ways", "right"),
    ("possessive words", "Kim's answer was short: \"It's too early to say. I would not say I'm pessimistic.\"",
     "It's too early", "right"),
    ("possessive in an aside", "The North Korean leader, Kim Jong Un, sounded hopeful in the morning - in his "
     "words, \"It's too early to say. I would not say I'm pessimistic.\"", "It's too early", "right"),
    ("quote over two paragraphs", '"Those prisons are rough, they\'re rough places, and bad things happen," '
     'Trump said of Otto Warmbier\'s death.\n\n"I don\'t believe [Kim] knew about it. He felt badly about it, he '
     'knew the case very well, but he knew it later."', "I don't believe", "right"),
    ("live blog, named in paragraph before", "Trump has just finished his press conference.\n\n"
     "Asked when the two might meet again, he replied: \"It might be soon, it might not be for a long time.\"",
     "It might be soon", "right"),
    ("Q&A", "Q: Will you meet Kim again?\n\nTRUMP: \"It might be soon, it might not be for a long time.\"",
     "It might be soon", "right"),
    ("whose line, then colon", "The line of the day was Trump's: \"Sometimes you have to walk, and this was "
     "just one of those times.\"", "Sometimes you have to walk", "right"),
    ("speech verb nearest the quote governs", "Trump spoke after Kim had left; asked about the signing, the "
     "president said \"we felt it wasn't a good thing to be signing anything.\"", "we felt it", "right"),
    ("a reporter's post", 'A foreign reporter posted the clip: "Here\'s video. Possibly the first time ever Kim '
     'Jong Un has answered a question from a foreign reporter."', "Here's video", "right"),
    ("told CNN", "Trump told CNN before he left Hanoi: \"We weren't willing to do that.\"", "We weren't willing",
     "right"),
    ("aside before said", "Trump, speaking at a news conference at his hotel, said the talks had ended. \"We "
     "weren't willing to do that.\"", "We weren't willing", "right"),
    ("title told a news conference", '"We weren\'t willing to do that," the US president told a news conference.',
     "We weren't willing", "right"),
    ("said that, partial quote", 'Mr. Trump said at a press conference that "sometimes you have to walk, and this '
     'was just one of those times."', "sometimes you have to walk", "right"),
    ("split over sentences", '"It\'s too early to say," Kim said through an interpreter. "I would not say I\'m '
     'pessimistic."', "I would not say", "right"),
    ("inverted said", 'Said Trump: "Sometimes you have to walk, and this was just one of those times."',
     "Sometimes you have to walk", "right"),
    ("in X's words", "In Trump's words, \"Sometimes you have to walk, and this was just one of those times.\"",
     "Sometimes you have to walk", "right"),
    ("age after name", '"We weren\'t willing to do that," Mr Trump, 72, said.', "We weren't willing", "right"),
    ("as X put it", 'As Trump put it: "Sometimes you have to walk, and this was just one of those times."',
     "Sometimes you have to walk", "right"),
    ("asked by a reporter, X replied", "Asked by a reporter whether he was confident of a deal, Kim replied: "
     "\"It's too early to say. I would not say I'm pessimistic.\"", "It's too early", "right"),
    ("sitting beside the other", "Trump, sitting beside Kim, said: \"That might be the best answer you've ever "
     "heard.\"", "That might be the best", "right"),
    ("when a reporter asked X, he said", "When a reporter asked Kim whether he was ready to denuclearize, he said: "
     "\"If I'm not willing to [denuclearize, I] wouldn't be here right now.\"", "If I'm not willing", "right"),
    ("wrote on Twitter", 'On Twitter the night before, Trump had written: "Great meetings and dinner tonight in '
     'Vietnam with Kim Jong Un of North Korea. Very good dialogue. Resuming tomorrow!"', "Great meetings",
     "right"),
    ("named in the sentence after", '"Sometimes you have to walk, and this was just one of those times."\n\n'
     "That was how Trump explained it.", "Sometimes you have to walk", "right"),
    ("said of someone", '"I don\'t believe [Kim] knew about it," Trump said of Otto Warmbier\'s death.',
     "I don't believe", "right"),
    ("dashes aside", "Trump - who flew home hours later - said: \"We weren't willing to do that.\"",
     "We weren't willing", "right"),
    ("s-apostrophe statement", "Sanders' statement said the leaders \"discussed various ways to advance "
     "denuclearization and economic driven concepts.\"", "discussed various ways", "right"),
    ("according to the title", 'According to the president, "sometimes you have to walk, and this was just one '
     'of those times."', "sometimes you have to walk", "right"),
    ("he told, referring to the other", "Trump spoke for an hour. \"We weren't willing to do that,\" he told the "
     "press conference, referring to Kim.", "We weren't willing", "right"),
    ("interjected", "Kim answered a question on denuclearization. Trump, beside him, interjected: \"That might be "
     "the best answer you've ever heard.\"", "That might be the best", "right"),
    ("press secretary title first", "Press secretary Sarah Sanders said the leaders \"discussed various ways to "
     "advance denuclearization and economic driven concepts.\"", "discussed various ways", "right"),
    ("paraphrase then quote", "Trump said Kim had wanted sanctions lifted in full. \"We weren't willing to do "
     "that.\"", "We weren't willing", "right"),
    ("pronoun past an object", "Kim sat next to Trump in the talks room. 'It's too early to say,' he said. 'I "
     "would not say I'm pessimistic.'", "It's too early", "right"),
    ("pronoun past an owned name", "Trump praised Kim's answer. \"That might be the best answer you've ever "
     "heard,\" he said.", "That might be the best", "right"),
    ("the one asked replies", "A reporter asked Kim if he felt confident of a deal. \"It's too early to say,\" "
     "Kim replied.", "It's too early", "right"),
    ("live-blog time stamp", "14:05 - Trump: \"We weren't willing to do that.\"", "We weren't willing", "right"),
    ("X on Y colon", "Trump on Warmbier: \"Those prisons are rough, they're rough places, and bad things "
     "happen.\"", "Those prisons are rough", "right"),
    ("British, interpreter", "Mr Kim, through an interpreter, told reporters: 'If I'm not willing to "
     "[denuclearize, I] wouldn't be here right now.'", "If I'm not willing", "right"),
    ("words between dashes", "Kim's words - \"It's too early to say\" - were the most hopeful of the day.",
     "It's too early", "right"),
    ("broadcast, name in capitals after", '"IT MIGHT BE SOON, IT MIGHT NOT BE FOR A LONG TIME," TRUMP SAID.',
     "IT MIGHT BE SOON", "right"),
    ("pronoun to the last speaker", "Trump listened as Kim said he was hopeful. 'It's too early to say,' he "
     "said.", "It's too early", "right"),
    ("possessive answer after a colon", "A second question followed, on denuclearization. Kim's reply came "
     "at once. This time his answer was a conditional: \"If I'm not willing to [denuclearize, I] wouldn't be "
     "here right now.\"", "If I'm not willing", "right"),
    ("the one a question is put to", "We put the question to the president. His answer: \"It might be soon, it "
     "might not be for a long time.\"", "It might be soon", "right"),
    ("an aside with 'his first answer'", "That morning Mr Kim, in what is believed to be his first answer to a "
     "foreign journalist, had sounded hopeful. 'It's too early to say. I would not say I'm pessimistic,' he "
     "said.", "It's too early", "right"),
    ("a post quoting someone, nested marks", 'A reporter who put a question to Kim posted: "I asked Kim Jong Un '
     'if he felt confident he could get a deal with @realDonaldTrump. He replied: \u201cIt\u2019s too early to '
     'say. I would not say I\u2019m pessimistic.\u201d" Another reporter shared video of the exchange.',
     "I asked Kim Jong Un", "right"),
    ("said of the other, colon", "Trump said of Kim: \"That might be the best answer you've ever heard.\"",
     "That might be the best", "right"),
    ("asked whether, then said", "Asked whether Kim knew about Warmbier's treatment, Trump said: \"I don't "
     "believe [Kim] knew about it.\"", "I don't believe", "right"),
    ("title told reporters, other at his side", "'It's too early to say,' the North Korean leader told reporters, "
     "with Trump at his side.", "It's too early", "right"),
    ("name and colon, no verb", "Trump, at a news conference after the talks collapsed: \"Sometimes you have to "
     "walk, and this was just one of those times.\"", "Sometimes you have to walk", "right"),
    ("said inside a partial quote", 'It was, Trump said, "just one of those times."', "just one of those times",
     "right"),
    ("added after, with an aside", '"We weren\'t willing to do that," the president added, turning to Kim\'s '
     'offer.', "We weren't willing", "right"),
    ("subject of the paragraph before", "Trump did not hide his disappointment.\n\n\"Sometimes you have to walk, "
     "and this was just one of those times.\"", "Sometimes you have to walk", "right"),
    ("two subjects, then one speaks first", "Trump and Kim sat side by side. Kim spoke first. \"It's too early "
     "to say,\" he said.", "It's too early", "right"),
    ("when asked about the other", '"It might be soon, it might not be for a long time," Trump said when asked '
     'about meeting Kim again.', "It might be soon", "right"),
    ("said in a statement that", 'White House press secretary Sarah Sanders said in a statement that the two '
     'leaders "discussed various ways to advance denuclearization and economic driven concepts."',
     "discussed various ways", "right"),
    ("an institution for its spokeswoman", '"No agreement was reached at this time," the White House said.',
     "No agreement was reached", "right"),
    ("capitals, interpreter, colon", 'KIM, THROUGH AN INTERPRETER: "IT\'S TOO EARLY TO SAY. I WOULD NOT SAY I\'M '
     'PESSIMISTIC."', "IT'S TOO EARLY", "right"),
    ("said he had told the other", 'Trump said he had told Kim: "We weren\'t willing to do that."',
     "We weren't willing", "right"),
    ("referring to the other", "\u201cWe weren\u2019t willing to do that,\u201d Trump said, referring to "
     "Kim\u2019s demand that sanctions be lifted.", "We weren", "right"),
    ("asked about, paragraph, he said", "Trump was asked about Otto Warmbier.\n\n\"Those prisons are rough, "
     "they're rough places, and bad things happen,\" he said.", "Those prisons are rough", "right"),
    ("according to, partial", 'According to Trump, Kim "tells me he didn\'t know about it".', "tells me he",
     "right"),
    ("reporters asked, he said", "Reporters asked Kim whether he was confident. 'It's too early to say,' he said.",
     "It's too early", "right"),
    ("parenthetical speaker inside", 'Kim, Trump said, "tells me he didn\'t know about it and I will take him at '
     'his word."', "tells me he", "right"),
    ("second quote, to interject", "The North Korean leader was asked whether he was ready to denuclearize. "
     "\"If I'm not willing to [denuclearize, I] wouldn't be here right now,\" Kim said, prompting Trump to "
     "interject: \"That might be the best answer you've ever heard.\"", "That might be the best", "right"),
    ("first quote of two", "The North Korean leader was asked whether he was ready to denuclearize. "
     "\"If I'm not willing to [denuclearize, I] wouldn't be here right now,\" Kim said, prompting Trump to "
     "interject: \"That might be the best answer you've ever heard.\"", "If I'm not willing", "right"),
    ("praised, partial in dashes", 'Trump praised Kim - "quite a guy, quite a character" - but said the gap was '
     'too wide.', "quite a guy", "right"),
    ("blunter, colon", "Sanders said the leaders had discussed denuclearization. Trump was blunter: \"Sometimes "
     "you have to walk, and this was just one of those times.\"", "Sometimes you have to walk", "right"),
    ("did, colon", "Kim did not speak to reporters after the talks. Trump did: \"We weren't willing to do "
     "that.\"", "We weren't willing", "right"),
    ("telling someone, colon", "Kim had sounded hopeful that morning, telling a foreign reporter: \"It's too "
     "early to say. I would not say I'm pessimistic.\"", "It's too early", "right"),
    ("answering someone, he said", "Kim took questions in the morning. Answering a foreign reporter in the "
     "talks room, he said: \"If I'm not willing to [denuclearize, I] wouldn't be here right now.\"",
     "If I'm not willing", "right"),
    ("said to someone", "Kim said to a foreign reporter: \"It's too early to say. I would not say I'm "
     "pessimistic.\"", "It's too early", "right"),
    ("saying, partial", "Trump defended leaving, saying \"sometimes you have to walk.\"",
     "sometimes you have to walk", "right"),
    ("calling the other", "Trump was generous about his counterpart, calling Kim \"quite a guy, quite a "
     "character.\"", "quite a guy", "right"),
    ("rates the other", "Trump still rates Kim 'quite a guy, quite a character'.", "quite a guy", "cannot"),
    ("it said, statement named before", "The White House statement, issued before the president spoke, was "
     "careful. The leaders had \"discussed various ways to advance denuclearization and economic driven "
     "concepts,\" it said.", "discussed various ways", "right"),
    ("it said before, names after", "Sarah Sanders's statement came first. It said Trump and Kim had "
     "\"discussed various ways to advance denuclearization and economic driven concepts.\"",
     "discussed various ways", "right"),
    ("two sentences on, no one between", '"Sometimes you have to walk, and this was just one of those times," '
     'Trump said. No future summit is planned. "It might be soon, it might not be for a long time."',
     "It might be soon", "cannot"),
    ("dash aside before the verb", "A reporter asked him whether he was confident, and Mr Kim - in what is "
     "thought to be a first - replied. 'It's too early to say,' he said.", "It's too early", "right"),
    ("pronoun subject, colon", "Kim took two questions. On denuclearisation he was, for him, forthcoming: 'If "
     "I'm not willing to [denuclearize, I] wouldn't be here right now.'", "If I'm not willing", "right"),
    ("no subject, colon, speaker goes on", "Kim answered a reporter first. Asked whether he was confident of a "
     "deal, he said: \"It's too early to say. I would not say I'm pessimistic.\" Asked about denuclearization: "
     "\"If I'm not willing to [denuclearize, I] wouldn't be here right now.\"", "If I'm not willing", "right"),
    ("in X's telling, then he", "He and his secretary of state, Mike Pompeo, went into the detail. Not enough, "
     "in Trump's telling, because it would have left other parts intact.\n\n\"We felt it wasn't a good thing "
     "to be signing anything,\" he said.", "We felt it", "right"),
    # Cannot be told: never an error.
    ("unnamed subject between", "Trump spoke at length. Then the North Korean leader's aide stepped forward. "
     "\"It's too early to say. I would not say I'm pessimistic,\" he said.", "It's too early", "unsure"),
    ("two unnamed reporters", 'Another reporter shared the clip: "Here\'s video. Possibly the first time ever '
     'Kim Jong Un has answered a question from a foreign reporter."', "Here's video", "unsure"),
    # Wrong: the words are given to someone who did not say them.
    ("wrong, AP", '"It\'s too early to say. I would not say I\'m pessimistic," Trump said.', "It's too early",
     "wrong"),
    ("wrong, said before name", '"Sometimes you have to walk," said Kim.', "Sometimes you have to walk",
     "wrong"),
    ("wrong, colon", "Sarah Sanders told reporters: \"We weren't willing to do that.\"", "We weren't willing",
     "wrong"),
    ("wrong, capitals", 'KIM SAID: "WE FELT IT WASN\'T A GOOD THING TO BE SIGNING ANYTHING."', "WE FELT IT",
     "wrong"),
    ("wrong, inverted", 'Said Kim: "We weren\'t willing to do that."', "We weren't willing", "wrong"),
    ("wrong, British", "'It might be soon, it might not be for a long time,' Mr Kim said.", "It might be soon",
     "wrong"),
    ("wrong, according to", 'The leaders "discussed various ways to advance denuclearization and economic '
     'driven concepts," according to Mike Pompeo.', "discussed various ways", "wrong"),
    ("wrong, split sentences", '"It\'s too early to say," Trump said through an interpreter. "I would not say '
     'I\'m pessimistic."', "I would not say", "wrong"),
    ("wrong, pronoun", "Kim spoke first. \"We weren't willing to do that,\" he said.", "We weren't willing",
     "wrong"),
]


@pytest.mark.parametrize(("style", "paragraph", "quote", "expected"), CASES, ids=[case[0] for case in CASES])
def test_the_speech_verb_that_governs_a_quote_names_its_speaker(style: str, paragraph: str, quote: str,
                                                                 expected: str) -> None:
    found = verdict_on(paragraph, quote)
    if expected == "right":
        assert found <= RIGHT | {"attribution.cannot-tell"} and "attribution.right-speaker" in found, found
    elif expected == "cannot":
        assert found == {"attribution.cannot-tell"}, found
    elif expected == "unsure":
        assert found & UNSURE and "attribution.wrong-speaker" not in found, found
    else:
        assert "attribution.wrong-speaker" in found, found


def test_a_nested_quote_does_not_end_the_quote_around_it() -> None:
    """A curly pair inside a straight-quoted post is a quote within it: the words after the post are the
    reporter's own, never an invented quote."""
    body = ('A reporter who put a question to Kim posted: "I asked Kim Jong Un if he felt confident he could get '
            'a deal with @realDonaldTrump. He replied: \u201cIt\u2019s too early to say. I would not say '
            'I\u2019m pessimistic.\u201d" Another reporter shared video of the exchange, writing: "Here\'s video. '
            'Possibly the first time ever Kim Jong Un has answered a question from a foreign reporter."')
    report, _ = graded(body)
    found = {f.code for f in report.findings if f.dimension == "quotes"}
    assert "quotes.invented" not in found and "quotes.unclosed" not in found, found
    assert "quotes" not in report.error_dimensions


def test_a_bracket_the_record_has_itself_is_not_an_addition() -> None:
    body = ('On Warmbier, Trump said: "Got a lot of people, big country \u2026 [Kim] tells me he didn\'t know '
            'about it and I will take him at his word."')
    report, _ = graded(body)
    assert "quotes.bracket-changes-meaning" not in {f.code for f in report.findings}
    changed = ('On Warmbier, Trump said: "Got a lot of people, big country \u2026 [the guards] tell me he '
               'didn\'t know about it and I will take him at his word."')
    report, _ = graded(changed)
    assert "quotes" in report.error_dimensions


COUNT_LEDE = ("Margaret Osei was re-elected Mayor of Harrowby last night by 112 votes after a recount requested by "
              "her challenger, Daniel Brandt.")


def count_verdict(body: str, quote: str) -> set[str]:
    scenario = load_scenario(ROOT / "scenarios" / "count-night.yaml")
    story = Story("Osei re-elected by 112 votes", COUNT_LEDE + "\n\n" + body)
    report = grade(scenario, story, gathered=None, known=[fact.id for fact in scenario.facts], verified=(),
                   filed_at=0)
    text = story.text
    found = {f.code or "" for f in report.findings if f.dimension == "attribution" and f.span is not None
             and text[f.span[0]:f.span[1]].lstrip("\"'\u201c\u2018 ").startswith(quote)}
    assert found, f"no attribution finding on {quote!r}: {[f.code for f in report.findings]}"
    return found


COUNT_CASES: list[tuple[str, str, str, str]] = [
    ("she, the last subject of three women", "Priya Natarajan, the returning officer, read out the figures. "
     "\"I declare that Margaret Osei is duly elected Mayor of Harrowby,\" she said.", "I declare", "right"),
    ("she after he", "Mr Brandt asked for a recount. Ms Natarajan agreed. \"The margin is within the range where "
     "I will grant a recount, and I have granted one,\" she said.", "The margin is within", "right"),
    ("he among women", "Lena Fischer, his agent, had been confident all night. Mr Brandt was more careful. "
     "\"When it's this close, every vote deserves a second look. That isn't a complaint, it's the job,\" he said.",
     "When it's this close", "right"),
    ("title for the name", "The mayor spoke briefly. \"It was close, and I heard that,\" the mayor said.",
     "It was close", "right"),
    ("agent by her title", "\"We've won this. Our tallies are clear and the town has spoken,\" Brandt's agent "
     "said at 9pm.", "We've won this", "right"),
    ("British, said Mrs", "'I congratulate Margaret. We'll be back, and we'll be louder,' said Mr Brandt.",
     "I congratulate Margaret", "right"),
    ("live blog stamp, name colon", "23:25 - Natarajan: \"I declare that Margaret Osei is duly elected Mayor of "
     "Harrowby.\"", "I declare", "right"),
    ("the returning officer told us", "Asked about the Eastfield box, the returning officer told us: \"No box is "
     "missing. The Eastfield box came in late because the van was stuck behind an accident.\"", "No box is missing",
     "right"),
    ("appositive subject, then she", "Earlier in the night his agent, Lena Fischer, told us she was sure they "
     "had won. \"Our tallies are clear and the town has spoken,\" she said.", "Our tallies", "right"),
    ("the owner's title is not the agent's", "Mr Brandt's agent, Lena Fischer, told this paper her side was "
     "ahead. \"We've won this,\" she said.", "We've won this", "right"),
    ("denied by, then she", "A rumour that a ballot box was missing was denied by Ms Natarajan. \"No box is "
     "missing,\" she said.", "No box is missing", "right"),
    ("a quote in a who-clause", "Mr Brandt, who had asked for the recount because \"every vote deserves a second "
     "look\", congratulated her.", "every vote deserves", "right"),
    ("her own reading", "Ms Osei's own reading, given in a corridor before the result, was that turnout mattered "
     "most. \"Whatever the count says, this town turned out, and that matters more than who wins,\" she said.",
     "Whatever the count says", "right"),
    ("wrong: the mayor's words to the challenger", "\"It was close, and I heard that,\" Mr Brandt said.",
     "It was close", "wrong"),
    ("wrong: agent's words to the returning officer", "Ms Natarajan said: \"We've won this. Our tallies are clear "
     "and the town has spoken.\"", "We've won this", "wrong"),
]


@pytest.mark.parametrize(("style", "paragraph", "quote", "expected"), COUNT_CASES,
                         ids=[case[0] for case in COUNT_CASES])
def test_count_night_speakers_by_structure(style: str, paragraph: str, quote: str, expected: str) -> None:
    found = count_verdict(paragraph, quote)
    if expected == "right":
        assert found <= RIGHT | {"attribution.cannot-tell"} and "attribution.right-speaker" in found, found
    else:
        assert "attribution.wrong-speaker" in found, found


def test_a_quote_in_the_headline_names_no_one_and_is_not_unsourced() -> None:
    scenario = hanoi()
    story = Story("'Sometimes you have to walk': Hanoi summit ends without a deal", LEDE + "\n\n"
                  + '"Sometimes you have to walk, and this was just one of those times," Trump said.')
    report = grade(scenario, story, gathered=None, known=[fact.id for fact in scenario.facts], verified=(),
                   filed_at=15 * 60 + 30)
    head = [f for f in report.findings if f.dimension == "attribution" and f.span and f.span[0] < len(story.headline)]
    assert [f.code for f in head] == ["attribution.cannot-tell"]
    assert "attribution" not in report.error_dimensions
