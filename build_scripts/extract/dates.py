"""The dates component: temporal expressions with their TIMEX3 values -> doc.spans["dates"].

Values come from the rule normalizers in `timex.py` (they beat every library we measured, see the
README), run sentence by sentence against the article's publication date. Around them:
- an age is neither a duration nor a date ("un bărbat de 45 de ani", "persoanele sub 40 de ani"): it goes
  to doc.spans["ages"], which the figures component also leaves alone;
- "ieri", "azi", "mâine" inside a quotation count from the day it was said when the text gives that day
  ("„Ieri am…”, a declarat marți X" -> the Monday before that Tuesday), not from publication; when it
  does not, they are left out (a quote may be a day old: counted from publication, the day may be wrong);
- a date inside a direct quotation, over however many sentences it runs, or anywhere in an interview's
  answer, is flagged "quoted" (the speaker's to place, not an event of the chronology);
- a date that is a point of comparison ("față de aceeași perioadă a anului trecut", "decât în 2025") or the
  start of a record ("cea mai gravă secetă din 2007") is flagged "reference": a fact, not an event;
- a date of a negated statement ("nu s-a prezentat la niciun termen în 2022") is flagged "negated";
- a date that names a thing ("bugetul pe 2026") is flagged "names": no chronology entry of its own;
- a date in a question about the present or the future ("Cum arată recolta din acest an?") is flagged
  "asked": nothing is reported.
"""
from __future__ import annotations

import datetime as dt
import re
from itertools import islice
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lang as lang_mod
from ..lang import Lang, key
from ..model import Sentence
from ..names import noun_stems
from .spans import settle
from .timex import (DAY_PART_VALUE, DAY_VALUE, MONTH_VALUE, NIGHT_ENDS, OFFSET_FLAG, YEAR_VALUE, ParseMarks,
                    clause_tense, extract_dates, on_day, shift_value)


@Language.factory("explainer_dates", default_config={"lang_code": "ro"})
def make_dates(nlp, name, lang_code: str):
    return DateFinder(lang_mod.load(lang_code))


class DateFinder:
    """Adds doc.spans["dates"] (with `timex`, `timex_type`, `timex_mod`, `timex_flags`) and doc.spans["ages"]."""

    def __init__(self, lang: Lang):
        self.lang = lang
        self.age_nouns = lang.keys_of("age_nouns") | lang.keys_of("person_roles")  # "un inginer de 44 de ani"
        self.age_prepositions = lang.keys_of("age_prepositions")
        self.age_before = [key(w).split() for w in lang["age_before"]]
        self.age_at = lang.keys_of("age_at")
        self.age_not_before = lang.keys_of("age_not_before")
        self.tenure_before = lang.keys_of("tenure_before")
        self.age_qualifiers = sorted([key(w).split() for w in lang["approximations"]]
                                     + [[key(w)] for w in lang["range_words"]["between"]], key=len, reverse=True)
        self.and_words = {key(w) for w in lang["range_words"]["and"]}
        self.relative_days = lang.keys_of("relative_days")
        markers = lang["reference_markers"]
        self.comparison = [key(w).split() for w in markers["comparison"]]
        self.valuation = [key(w).split() for w in markers["valuation"]]
        self.valuation_of = [key(w).split() for w in markers["valuation_of"]]
        self.record_since = [key(w).split() for w in markers["record_since"]]
        self.count_since = [key(w).split() for w in markers["count_since"]]
        self.count_within = [key(w).split() for w in markers["count_within"]]
        self.current_words = {key(w) for w in (*lang["this_prefix"], *lang["relative_modifiers"][0])}
        self.superlative_articles = {key(w) for w in markers["superlative_articles"]}
        self.superlative_adverbs = {key(w) for w in markers["superlative_adverbs"]}
        self.since_after = {key(w) for w in markers["since_after"]}
        self.naming_before = [key(w).split() for w in markers["naming_before"]]
        self.naming_nouns = {key(w) for w in markers["naming_nouns"]}
        self.period_verbs = {key(w) for w in markers["period_verbs"]}
        self.described_of = {key(w) for w in markers["described_of"]}
        self.described_articles = {key(w) for w in markers["described_articles"]}
        self.described_nouns = {key(w) for w in markers["described_nouns"]}
        self.change_from = [key(w).split() for w in markers["change_from"]]
        self.change_at = [key(w).split() for w in markers["change_at"]]
        self.question_marks = set(lang["question_marks"])
        self.past_auxiliaries = {key(w) for w in lang["past_auxiliaries"]}
        self.document_of = {key(w) for w in markers["document_of"]}
        self.record_clause = [key(w).split() for w in markers["record_clause"]]
        self.instance_before = {key(w) for w in markers["instance_before"]}
        self.instance_words = {key(w) for w in markers["instance_words"]}
        self.instance_of = [key(w).split() for w in markers["instance_of"]]
        self.instance_then = {key(w) for w in markers["instance_then"]}
        self.until = [key(w).split() for w in markers["until"]]
        self.negation = {key(w) for w in markers["negation"]}
        self.in_force = {key(w) for w in markers["in_force"]}
        self.not_negated_after = [key(w).split() for w in markers["not_negated_after"]]
        self.participle_endings = tuple(key(w) for w in lang["past_participle_endings"])
        self.negation_carriers = {key(w) for w in markers["negation_carriers"]}
        self.negated_bounds = [key(w).split() for w in markers["negated_bounds"]]
        self.noun_endings = lang.noun_endings()
        self.stamp_separators = set(lang["entry_stamps"]["separators"])
        self.reporting_verbs = {key(w) for w in lang["source_verbs"]}
        self.statement_nouns = {key(w) for w in (*lang["document_nouns"], *lang["statement_nouns"])}
        self.feminine_endings = [key(w) for w in lang["feminine_endings"]]
        self.weekdays = {key(w): int(n) for n, names in lang["weekdays"].items() for w in names}
        self.article_adjectives = lang.keys_of("article_duration_adjectives")
        self.article_not_after = lang.keys_of("article_duration_not_after")
        self.forward_participles = lang.keys_of("forward_participles")
        self.future_words = {w for w in lang.keys_of("future_markers") if " " not in w}  # "va", "vor"
        self.subjunctive_marks = lang.keys_of("subjunctive_marks")

    def _noun_forms(self, noun: Token) -> set[str]:
        """The lemma and the word without its article ("Persoanele" -> "persoane", "copiii" -> "copii"),
        and a feminine's nominative ("Hotărârii" -> "hotărâre", "Legii" -> "lege"): the lemmatizer leaves a
        capitalized word as it is."""
        text = key(noun.text)
        stems = noun_stems(text, self.noun_endings, 3)
        return {key(noun.lemma_), text, *stems, *(stem + end for stem in stems for end in self.feminine_endings)}

    def __call__(self, doc: Doc) -> Doc:
        layout = doc.user_data["layout"]
        published = doc.user_data.get("published")
        quotes = [q for q in doc.spans.get("quotes", []) if q._.direct]
        speech = quotes + list(doc.spans.get("answers", []))
        found, ages = [], []
        untensed: dict[int, bool] = {}  # a weekday alone: whether its clause has no tense
        for start, sentence in zip(layout.starts, layout.sentences):
            marks = self._parse_marks(doc, start, sentence)
            for mention in extract_dates(sentence, published, self.lang, marks):
                span = doc.char_span(start + mention.start, start + mention.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                if mention.type == "DURATION" and self._is_age(doc, span):
                    ages.append(Span(doc, span.start, span.end, label="age"))
                    continue
                if "article_unit" in mention.flags and not self._article_duration(span):
                    continue  # "de un an greu", "pentru un an în care …": no duration
                value = mention.value
                quote = self._quote_of_relative_day(span, quotes)
                anchor = self._said_on(doc, quote, sentence, start, published) if quote is not None else None
                if anchor is not None:
                    value = self._relative_to(sentence, mention, anchor) or value
                elif quote is not None:
                    # "„Mâine ne apucăm de pregătire”, a spus antrenorul": the day of saying is not given, and
                    # counted from publication the day may be wrong (a quote may be a day old): left out.
                    continue
                out = Span(doc, span.start, span.end, label=mention.type)
                out._.timex, out._.timex_type, out._.timex_mod = value, mention.type, mention.mod
                # A record ("nu au mai văzut … din 2007") is a reference, not also a negated statement.
                reference = self._is_reference(doc, span)
                out._.timex_flags = tuple(f for f in mention.flags if f != "article_unit") \
                    + (("said",) if anchor is not None else ()) \
                    + (("reference",) if reference else ()) \
                    + (("negated",) if not reference and self._is_negated(doc, span) else ()) \
                    + (("quoted",) if any(q.start <= span.start < q.end for q in speech) else ()) \
                    + (("names",) if self._names_a_thing(doc, span, value) else ()) \
                    + (("asked",) if self._asked(doc, span) else ())
                found.append(out)
                if key(out.text) in self.weekdays:
                    untensed[out.start] = clause_tense(sentence.text, mention.start, mention.end, self.lang, marks) == "present"
        doc.spans["ages"] = ages
        found = self._offsets_counted(found)
        self._weekdays_as_dated(found, published, untensed)
        placed = [self._on_day_ahead(self._on_story_day(span, found, published), found, published, layout)
                  for span in found]
        settle(doc, "dates", [span for span in placed if span is not None])
        return doc

    PARTICIPLE_OF_NOUN = ("acl", "amod")  # a participle describing a noun ("restricțiile impuse în martie")
    GOVERNED = ("obl", "obl:tmod", "nmod", "nmod:tmod", "advmod", "advmod:tmod")

    def _parse_marks(self, doc: Doc, start: int, sentence: Sentence) -> ParseMarks:
        """What the parse says of `sentence`'s tenses, in offsets of its text: its verbs in the pluperfect, and
        the words (with their numbers) governed by a participle that describes a noun, with no auxiliary of
        its own and not one that looks ahead ("programat"), in a clause stated as fact (`_stated`): the noun
        of a wish or a plan may be described by what is still to be done ("cere să primească un ajutor,
        plătit în martie")."""
        words = doc.char_span(start, start + len(sentence.text), alignment_mode="expand")
        if words is None:
            return ParseMarks()
        anterior, described = set(), set()
        for token in words:
            if "Pqp" in token.morph.get("Tense") and "Fin" in token.morph.get("VerbForm"):
                anterior.add(token.idx - start)
            head = token.head
            if token.dep_ in self.GOVERNED and head is not token and head.dep_ in self.PARTICIPLE_OF_NOUN \
                    and "Part" in head.morph.get("VerbForm") and key(head.text) not in self.forward_participles \
                    and not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in head.children) \
                    and self._stated(head):
                described.add(token.idx - start)
                described.update(c.idx - start for c in token.children if c.dep_ == "nummod")
        return ParseMarks(anterior=frozenset(anterior), described=frozenset(described))

    def _stated(self, participle: Token) -> bool:
        """The clause holding the noun `participle` describes is stated as fact, in the indicative: its verb (the
        first above with a tense of its own) is no subjunctive, no future and no modal that looks ahead
        ("trebuie aprobată de Consiliul Local, convocat joi"); a line with no verb states nothing. A noun's
        clause may be a copula's ("Este reacția lui Bogdan Lazăr, fost director …, înlocuit în ianuarie"):
        its verb is the copula, whose marks hang on the noun."""
        clause = verb = None
        for head in participle.ancestors:
            tensed = any(c.dep_.startswith("aux") for c in head.children)
            if head.pos_ in ("VERB", "AUX") and ("Fin" in head.morph.get("VerbForm") or tensed):
                clause = verb = head
                break
            copula = next((c for c in head.children if c.dep_ == "cop"), None)
            if copula is not None and ("Fin" in copula.morph.get("VerbForm") or tensed):
                clause, verb = head, copula  # ("fost director": a participle copula with no tense, a title)
                break
        if verb is None or "Sub" in verb.morph.get("Mood") or key(verb.lemma_) in self.negation_carriers:
            return False
        return not any(key(c.text) in self.future_words or key(c.text) in self.subjunctive_marks
                       for c in clause.children if c.dep_.startswith("aux") or c.dep_ == "mark")

    def _article_duration(self, span: Span) -> bool:
        """ "un an", "o lună" after a word that makes it a duration ("timp de o lună"): one, unless the
        unit has an adjective but "întreg" ("de un an greu"), a relative clause ("pentru un an în care
        cerem sacrificii") or "la" before it ("de la o săptămână la alta")."""
        unit = next((t for t in reversed(span) if t.pos_ == "NOUN"), span[-1])
        return not any(c.dep_.startswith("acl") or c.dep_ == "amod" and key(c.text) not in self.article_adjectives
                       or c.dep_ == "case" and key(c.text) in self.article_not_after for c in unit.children)

    UNIT_VALUE = {"Y": YEAR_VALUE, "M": MONTH_VALUE, "W": re.compile(r"\d{4}-W\d{2}"), "D": DAY_VALUE}

    def _offsets_counted(self, found: list[Span]) -> list[Span]:
        """ "Un an mai târziu", "un an mai devreme", "anul precedent": counted from the last date the article
        gave before it (a calendar date: not a duration, not another offset left uncounted, not a
        dispatch's dateline, not a point of comparison: "cea mai mare din 2008 încoace"). With none, or one
        too coarse for the unit, the value the words give alone ("anul precedent": the year before
        publication), or none."""
        out: list[Span] = []
        for span in found:
            offset = next((f for f in span._.timex_flags if f.startswith(OFFSET_FLAG + ":")), None)
            if offset is None:
                out.append(span)
                continue
            _, direction, duration = offset.split(":")
            before = [d._.timex for d in reversed(out) if d.start < span.start and d._.timex_type == "DATE"
                      and d._.timex and d._.timex[:1].isdigit()
                      and not {"dateline", "reference"} & set(d._.timex_flags)]
            # "anul precedent", "luna anterioară": of the period in focus, a date of that unit ("în februarie
            # la 6,8%, potrivit datelor publicate vineri … Față de luna anterioară": January)
            same_unit = self.UNIT_VALUE[duration[-1]] if direction == "previous" else None
            anchor = next((v for v in before if same_unit and same_unit.fullmatch(v)), before[0] if before else None)
            value = (shift_value(anchor, duration, direction) if anchor else None) or span._.timex
            if value is not None:
                span._.timex = value
                span._.timex_flags = tuple(f for f in span._.timex_flags if f != offset)
                out.append(span)
        return out

    WEEKDAY_DOUBT = 3  # days from publication from which the nearest such weekday is barely nearer than the other

    def _weekdays_as_dated(self, found: list[Span], published: Optional[dt.date], untensed: dict[int, bool]) -> None:
        """A weekday named alone in a clause with no tense, read as the nearest such day though the other is
        barely farther ("Lucrările încep luni" on a Thursday: three days back, four ahead), is the day the
        article dates that weekday elsewhere ("Luni, 9 martie, circulația va fi oprită"), when that day is
        within a week of publication."""
        if published is None:
            return
        dated: dict[int, set[str]] = {}
        for span in found:
            words = span.text.replace(",", " ").split()
            value = span._.timex or ""
            if len(words) > 1 and key(words[0]) in self.weekdays and DAY_VALUE.fullmatch(value[:10]) \
                    and abs((dt.date.fromisoformat(value[:10]) - published).days) < 7:
                dated.setdefault(self.weekdays[key(words[0])], set()).add(value[:10])
        for span in found:
            day = self.weekdays.get(key(span.text))
            if day is not None and len(dated.get(day, ())) == 1 and DAY_VALUE.fullmatch(span._.timex or "") \
                    and not span._.timex_flags and untensed.get(span.start) \
                    and abs((dt.date.fromisoformat(span._.timex) - published).days) >= self.WEEKDAY_DOUBT:
                span._.timex = next(iter(dated[day]))

    # The hours each part of a day holds (TIMEX codes; an evening's hour is not the morning's day); the
    # small hours after an evening or a night are on the next day.
    PARTS_OF_DAY = {"MO": range(5, 12), "MI": range(11, 14), "AF": range(12, 19), "EV": range(17, 24), "NI": range(0, 24)}
    SMALL_HOURS = range(0, 6)

    def _on_story_day(self, span: Span, found: list[Span], published: Optional[dt.date]) -> Span:
        """A time of a past clause with no day in its sentence, valued on the day of publication: on the
        last day the article named before it instead ("au decolat joi seara … au identificat la ora 19:32
        un grup de drone": Thursday), passing over a day whose part of the day cannot hold the hour (the
        "vineri dimineață" of the communiqué) and a day told as background (`_background`); the small hours
        after an evening or a night are on its next day. A day whose sentence names someone this one names
        again comes first ("Sâmbătă seara, concertul lui Fjellstad a fost întrerupt … [another concert,
        vineri seara] … Fjellstad a reluat concertul la ora 00:15": Sunday), then a day named with a part
        that holds the hour ("a învins duminică seara … Rapid, care a remizat sâmbătă … Partida a început la
        ora 20:30": Sunday)."""
        if "publication_day" not in span._.timex_flags or published is None or "/" in span._.timex:
            return span
        if span.start == span.sent.start and span.end < len(span.doc) and span.doc[span.end].text in self.stamp_separators:
            return span  # "ORA 16:05 | Bilanțul a urcat …": a live text's entry, stamped on its day
        hour = int(span._.timex[11:13])
        days = []  # (day, sentence, with its part) of each day named before that can hold the hour, nearest first
        for before in reversed([d for d in found if d.end <= span.start]):
            value = before._.timex or ""
            if not _names_a_day(before) or self._reporting_day(before) or _background(before):
                continue
            day, part = dt.date.fromisoformat(value[:10]), value[11:]
            if part == "NI" and hour < self.PARTS_OF_DAY["EV"].start or part == "EV" and hour in self.SMALL_HOURS:
                # the small hours after an evening or a night are the next day's, and so are the day's hours
                # after a night ("Până la ora 12:00, alimentarea fusese reluată", after "în noaptea de luni
                # spre marți"), which no part of that day names
                day += dt.timedelta(days=1)
                part = "" if part == "NI" and hour >= NIGHT_ENDS else part
            elif part and hour not in self.PARTS_OF_DAY.get(part, range(24)):
                continue
            if day <= published:
                days.append((day, before.sent, bool(part)))
        if not days:
            return span
        named = _named_in(span.sent)
        day = next((d for d, sentence, _ in days if named & _named_in(sentence)),
                   next((d for d, _, with_part in days if with_part), days[0][0]))
        return _on_its_day(span, on_day(day, span._.timex[10:]), "publication_day")

    def _on_day_ahead(self, span: Span, found: list[Span], published: Optional[dt.date], layout) -> Optional[Span]:
        """A time of a future clause with no day in its sentence ("Acesta va participa la sesiune, iar la ora
        17:30 va susține o conferință de presă"), on the last day named before it in its paragraph, when that
        day is not before publication ("se reunesc joi, 2 iulie"): None (left out) when there is none."""
        if "day_ahead" not in span._.timex_flags:
            return span
        hour = int(span._.timex[1:3])
        paragraph = _paragraph(layout, span)
        for before in reversed([d for d in found if d.end <= span.start]):
            value = before._.timex or ""
            if paragraph is None or _paragraph(layout, before) != paragraph:
                return None
            if not _names_a_day(before):
                continue
            part = value[11:]
            if part and hour not in self.PARTS_OF_DAY.get(part, range(24)):
                continue
            day = dt.date.fromisoformat(value[:10])
            if published is None or day < published:
                return None
            return _on_its_day(span, on_day(day, span._.timex), "day_ahead")
        return None

    def _reporting_day(self, span: Span) -> bool:
        """The day something was reported, not a day of the story it tells: the date's verb is one of
        reporting ("IPJ a anunțat marți"), or a participle of a statement ("comunicatul transmis marți").
        (The day someone spoke may be the story's: "a spus acesta marți … Până la ora 12:00 …")"""
        verb = next((t for t in islice(span.root.ancestors, self.VERB_WINDOW) if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return False
        return key(verb.lemma_) in self.reporting_verbs or "Part" in verb.morph.get("VerbForm") \
            and key(verb.head.lemma_) in self.statement_nouns

    REFERENCE_WINDOW = 10  # words between a comparison marker and its date
    RECORD_WINDOW = 7     # words between "nu … mai" / "cel mai" and the "din" of its date

    def _is_reference(self, doc: Doc, span: Span) -> bool:
        """A point of comparison or the start of a record: the words before the date, back to the
        clause's verb, a comma or the sentence start (at most REFERENCE_WINDOW), hold a comparison
        marker; or "din" right before the date names a legal act or document ("legea fondului funciar din
        1991"), starts a count ("din 2019 încoace") or closes a record ("nu au mai văzut o asemenea
        secetă din 2007"), not a phrase of its own ("cea mai gravă poluare de după accidentul de la Baia
        Mare din 2000": the accident happened in 2000)."""
        start = _clause_start(doc, span.start, self.REFERENCE_WINDOW, stop_at_verb=True)
        if start > 0 and doc[start - 1].lemma_ == "fi" and doc[start - 1].i > doc[start - 1].sent.start:
            # "mai presați decât erau în anii '90": a comparison's clause, whose verb is "a fi"
            start = _clause_start(doc, start - 1, self.REFERENCE_WINDOW, stop_at_verb=True)
        before = [key(t.text) for t in doc[start: span.start]]
        if any(_contains(before, marker) for marker in self.comparison):
            return True
        if any(before[-len(v):] == v for v in self.valuation_of) and any(_contains(before, m) for m in self.valuation):
            return True  # "la cursul BNR de luni": a rate of that day
        if any(before[-len(u):] == u for u in self.until) and self._negated_clause(doc, span):
            return True  # "nu comentase acordul până marți"
        if self._change_base(doc, span):
            return True  # "a scăzut de la aproximativ 300.000 în 2010 la sub 60.000"
        if self._picks_an_instance(doc, span):
            return True  # "cu 13% peste cel din anul trecut"
        # (the clause's words end with the preposition before the date: no verb or comma stands there)
        if any(before[-len(s):] == s for s in self.count_since) and self._ordinal_frame(doc, span):
            return True  # "Este al patrulea dezvoltator cercetat … de la începutul anului trecut"
        if any(before[-len(s):] == s for s in self.count_within) and self._current_period(span) \
                and self._ordinal_frame(doc, span, within=True):
            return True  # "Este cea mai mare sancțiune dată … în acest an"
        if not any(before[-len(s):] == s for s in self.record_since):
            return False
        if any(t.pos_ == "NOUN" and self._noun_forms(t) & self.document_of for t in islice(span.root.ancestors, 3)):
            return True  # "legea fondului funciar din 1991", "Hotărârii nr. 247 din 2 iulie 2009": the act's name
        if span.end < len(doc) and key(doc[span.end].text) in self.since_after:
            return True  # "din 2019 încoace"
        # Back from "din": the record's words close before it, not across a long phrase.
        first = _clause_start(doc, span.start - 1, self.RECORD_WINDOW)
        clause = [key(t.text) for t in doc[first: span.start]]
        return any(_in_order(clause, words) for words in self.record_clause)

    CHANGE_WINDOW = 4  # words of the figure between "de la" and the preposition of its date

    def _change_base(self, doc: Doc, span: Span) -> bool:
        """The date of the figure a change starts from: "de la" + a figure + "în"/"din" + the date ("a scăzut
        de la aproximativ 300.000 în 2010", "de la 38% în 2023")."""
        first = span.sent.start
        for at in self.change_at:
            end = span.start - len(at)
            if end <= first or not _words_before(doc, span.start, at, first):
                continue
            for start in range(end - 1, max(first, end - self.CHANGE_WINDOW) - 1, -1):
                figure = doc[start:end]
                if any(t.pos_ in ("VERB", "AUX") or t.is_punct and t.text != "%" for t in figure):
                    break
                if any(t.like_num or t.text[:1].isdigit() for t in figure) and any(
                        _words_before(doc, start, fr, first) for fr in self.change_from):
                    return True
        return False

    def _picks_an_instance(self, doc: Doc, span: Span) -> bool:
        """ "peste"/"sub" + a pronoun (or "nivelul") + "din" + the date: the date picks out which of a thing
        named before a figure is compared with ("cu 13% peste cel din anul trecut"), a point of comparison.
        Not when "când" after the date tells what happened then."""
        first = span.sent.start
        for words in self.instance_of:
            at = span.start - len(words) - 1
            if at - 1 < first or not _words_before(doc, span.start, words, first) \
                    or key(doc[at].text) not in self.instance_words or key(doc[at - 1].text) not in self.instance_before:
                continue
            after = span.end
            while after < span.sent.end and doc[after].is_punct:
                after += 1
            return not (after < span.sent.end and key(doc[after].text) in self.instance_then)
        return False

    def _asked(self, doc: Doc, span: Span) -> bool:
        """The date is in a question about the present or the future ("**Cum arată recolta din acest an?**",
        "Ce ar trebui să facă Guvernul în a doua jumătate a anului?"): asked, not reported. A question about
        the past presupposes its event ("Ce a însemnat … intrarea în vigoare a noilor coduri, în 2014?")."""
        sentence = span.sent
        last = next((t for t in reversed(sentence) if not (t.is_punct and t.text not in self.question_marks)), None)
        if last is None or last.text not in self.question_marks:
            return False
        verb = _verb_of(span)
        return not any(self._past(v) for v in (verb, sentence.root) if v is not None)

    def _past(self, verb: Token) -> bool:
        """A verb in a past tense, or a participle with a past auxiliary ("a însemnat")."""
        return bool(set(verb.morph.get("Tense")) & {"Past", "Pqp", "Imp"}) or "Part" in verb.morph.get("VerbForm") \
            and any(c.dep_ == "aux" and key(c.text) in self.past_auxiliaries for c in verb.children)

    NAMING_WINDOW = 3  # words between the noun a date names and the preposition before the date

    def _names_a_thing(self, doc: Doc, span: Span, value: Optional[str]) -> bool:
        """The date names a thing, not when something happened: "bugetul pe 2026", "proiectul bugetului de
        stat pe 2025" (a year; the noun within NAMING_WINDOW words before the preposition), a year right
        after a proper noun, with no preposition between ("Publitrans 2000", "Los Angeles 2028": part of
        a name), or a year a figure is for ("este în 2025 de 11,3 miliarde"). A day is when ("Guvernul a
        aprobat bugetul pe 7 martie"). A month names a thing after such a noun too ("salariile pe august",
        "plata facturilor pe noiembrie")."""
        if value and MONTH_VALUE.fullmatch(value):
            return self._after_naming_noun(doc, span)
        if not (value and len(value) == 4 and value.isdigit()):
            return False
        if len(span) == 1 and span.start > span.sent.start and doc[span.start - 1].pos_ == "PROPN" \
                and doc[span.start - 1].text[:1].isupper():
            return True  # "Publitrans 2000", "Los Angeles 2028": a year right after a name is part of it
        if span.end + 1 < len(doc) and doc[span.end].lower_ == "de" and doc[span.end + 1].like_num:
            return True  # "Bugetul este în 2025 de 11,3 miliarde de lei": the year the figure is for
        return self._after_naming_noun(doc, span) or self._describes_a_thing(doc, span) \
            or self._reported_period(doc, span)

    def _reported_period(self, doc: Doc, span: Span) -> bool:
        """A year results are reported for ("a raportat pentru 2023 o cifră de afaceri", "Pentru 2025,
        compania … a raportat un profit"): `naming_before` right before it, and its verb one of
        `period_verbs`."""
        verb = _verb_of(span)
        return verb is not None and key(verb.lemma_) in self.period_verbs \
            and any(_words_before(doc, span.start, words, span.sent.start) for words in self.naming_before)

    def _describes_a_thing(self, doc: Doc, span: Span) -> bool:
        """ "Drumex, o companie din 2007 cu sediul în Bacău", "o firmă de familie din 1997": the year, right
        after `described_of` and a noun's phrase, hangs on a business's noun with an indefinite article (or
        on a noun of its phrase); not "a promis un microbuz încă din 2023", where it is since when."""
        if span.start < 2 or key(doc[span.start - 1].text) not in self.described_of \
                or doc[span.start - 2].pos_ not in ("NOUN", "ADJ", "PROPN"):
            return False
        noun = span.root.head
        for _ in range(2):  # ("o firmă de familie din 1997": the year may hang on "familie")
            if noun.pos_ != "NOUN" or noun.i >= span.start:
                return False
            if any(c.dep_ == "det" and key(c.text) in self.described_articles for c in noun.children):
                return bool(self._noun_forms(noun) & self.described_nouns)
            if noun.dep_ != "nmod":
                return False
            noun = noun.head
        return False

    def _after_naming_noun(self, doc: Doc, span: Span) -> bool:
        """A naming noun ("bugetul", "salariile") up to NAMING_WINDOW words before the preposition right
        before the date ("pe", "pentru")."""
        for words in self.naming_before:
            start = span.start - len(words)
            if not _words_before(doc, span.start, words):
                continue
            if any(t.pos_ == "NOUN" and self._noun_forms(t) & self.naming_nouns
                   for t in doc[max(span.sent.start, start - self.NAMING_WINDOW): start]):
                return True
        return False

    def _ordinal_frame(self, doc: Doc, span: Span, within: bool = False) -> bool:
        """The sentence says what a thing is in a count before the date: an ordinal or a superlative whose
        noun (or itself) has a copula ("Este al patrulea …", "Este prima dată când …", "Este cea mai mare
        amendă …"), and the date's verb is no promise ("Este primul tren care va circula de la 1 martie":
        it starts then). With `within` ("în"), the date must belong to the counted thing or a participle of
        it ("dată … în acest an")."""
        verb = _verb_of(span)
        if verb is not None and any(key(c.text) in self.in_force for c in verb.children if c.dep_ in ("aux", "mark")):
            return False
        if verb is not None and within and (verb.morph.get("VerbForm") != ["Part"]
                                            or any(c.dep_ in ("aux", "aux:pass") for c in verb.children)):
            return False  # "…, după cel care a paralizat, în iunie 2024, …": a clause of its own
        return any((t.morph.get("NumType") == ["Ord"] or self._superlative(t))
                   and any(c.dep_ == "cop" for c in (*t.children, *t.head.children))
                   for t in doc[span.sent.start: span.start])

    def _current_period(self, span: Span) -> bool:
        """The date is the period we are in ("acest an", "luna aceasta"): the range a count runs over."""
        return any(key(t.text) in self.current_words for t in span)

    def _superlative(self, word: Token) -> bool:
        """An adjective in the superlative: "mai" and "cel"/"cea"/… on it ("cea mai mare")."""
        return word.pos_ == "ADJ" and any(key(c.text) in self.superlative_articles for c in word.children if c.i < word.i) \
            and any(key(c.text) in self.superlative_adverbs for c in word.children if c.i < word.i)

    VERB_WINDOW = 6  # heads walked up from a date to the verb it belongs to

    def _is_negated(self, doc: Doc, span: Span) -> bool:
        """The date belongs to a negated statement: the verb (or the predicate of a copula) the parse
        attaches it to has a negation ("Fostul primar nu s-a prezentat la niciun termen în 2022",
        "Dacă joi nu se ajunge la un acord"), or a modal verb above it ("nu va putea fi aplicată în
        acest an"). Not a date after "până" (`_is_reference` reads what had
        not happened by then; a promise stays in force until then) or "înainte de" ("nu … înainte de
        decembrie": then or later), nor a phrase that starts with "nu" ("nu numai", "nu mai târziu de")."""
        before = [key(t.text) for t in doc[max(0, span.start - 2): span.start]]
        if any(before[-len(u):] == u for u in (*self.until, *self.negated_bounds)):
            return False
        head = span.root
        for _ in range(self.VERB_WINDOW):
            if head.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in head.children):
                break
            if head.head.i == head.i:
                return False
            head = head.head
            if head.dep_ in self.PARTICIPLE_OF_NOUN and head.head.pos_ in ("NOUN", "PROPN") and head.pos_ == "ADJ" \
                    and any(key(head.text).endswith(e) for e in self.participle_endings):
                return False  # "Referendumul organizat duminică … nu a fost validat": it was held; what describes it is not negated
        else:
            return False
        if any(t.pos_ == "VERB" and t.dep_ == "conj" and t.head.i == head.i for t in doc[head.i + 1: span.start]):
            return False  # "nu era omologat și fusese cumpărat … în urmă cu doi ani": the date is the second verb's
        verbs = [head]
        if head.dep_ in ("ccomp", "xcomp") and key(head.head.lemma_) in self.negation_carriers:
            verbs.append(head.head)  # "nu va putea fi aplicată"
        for verb in verbs:
            for child in verb.children:
                if "Neg" in child.morph.get("Polarity") and child.i < verb.i:
                    after = [key(t.text) for t in doc[child.i + 1: child.i + 3]]
                    if not any(after[:len(p)] == p for p in self.not_negated_after):
                        return True
        return False

    def _negated_clause(self, doc: Doc, span: Span) -> bool:
        """A negation in the clause before the date (back to a comma or the sentence start) that states
        what had not happened, not a request or a promise ("să nu consume pește până la sfârșitul
        lunii", "nu vor exista majorări până la 1 aprilie": in force until then)."""
        words = {key(t.text) for t in doc[_clause_start(doc, span.start): span.start]}
        if words & self.in_force:
            return False  # a request or a promise: in force until that day
        return bool(words & self.negation)

    AGE_HEADS = 3  # nouns walked up from the years to the one they describe ("tineri din comuna X, de 19 …")

    def _is_age(self, doc: Doc, span: Span) -> bool:
        """ "în vârstă de 67 de ani", "un bărbat de 45 de ani", "copiii sub 14 ani", "Am 61 de ani"."""
        if not any(key(t.lemma_) in ("an",) or key(t.text).startswith("an") for t in span[-1:]):
            return False
        if span.end < len(doc) and key(doc[span.end].text) in self.age_not_before:
            return False  # "Mai avea mai puțin de doi ani până la termenul de liberare": time left
        first = span.start
        number = lambda i: doc[i].like_num or doc[i].pos_ == "NUM"  # noqa: E731
        if first >= 2 and key(doc[first - 1].text) in self.and_words and number(first - 2):
            first -= 2  # "persoanele între 50 și 74 de ani", "în vârstă de 34 și 41 de ani": the pair's first number
            while first >= 2 and doc[first - 1].text == "," and number(first - 2):
                first -= 2  # "trei frați, de 4, 6 și 9 ani": a list's
        # The cue may stand before a qualifier, "între" or an adverb: "cu vârsta de până la 2 ani", "au între
        # 7 și 14 ani", "avea atunci 41".
        cue_end = first
        for _ in range(2):
            words = [key(t.text) for t in doc[max(0, cue_end - 3): cue_end]]
            skip = next((len(q) for q in self.age_qualifiers if words[-len(q):] == q), 0)
            skip = skip or (1 if cue_end and doc[cue_end - 1].pos_ == "ADV" else 0)
            cue_end -= skip
        for end in {first, cue_end}:
            before = [key(t.text) for t in doc[max(0, end - 5): end]]
            if any(before[-len(phrase):] == phrase for phrase in self.age_before):
                return True  # ("cu vârste între 11 și 18 ani": a cue that ends with the range's word)
        if first >= 2:
            prep, noun = doc[first - 1], doc[first - 2]
            if key(noun.text) in ("de", ",") and first >= 3 and key(prep.text) != "de" \
                    or noun.text == "," and first >= 3 and key(prep.text) in self.age_prepositions:
                noun = doc[first - 3]  # "persoanele de peste 65 de ani", "trei frați, de 4, 6 și 9 ani"
            if key(prep.text) in self.age_prepositions and not self._as_trade(noun) and (
                    self._noun_forms(noun) & self.age_nouns or noun.pos_ == "PRON" and "3" in noun.morph.get("Person")):
                return True  # "un bărbat de 45 de ani", "cei mai mulți dintre ei sub cinci ani"
        if first >= 3 and key(doc[first - 1].text) == "de" and doc[first - 2].text == "," \
                and (doc[first - 3].pos_ == "PROPN" or _initial(doc[first - 3].text)):
            return True  # "Octavian Bârsan, de 52 de ani, …", "Ionuț P., de 27 de ani"
        after = doc[span.end].text if span.end < len(doc) else ""
        if first >= 2 and doc[first - 1].text == "," and doc[first - 2].ent_type_ == "PERSON" and after == ",":
            return True  # "Ioan Comșa, 58 de ani, din Jina"
        if first >= 2 and key(doc[first - 1].text) in self.age_at and doc[first - 2].text == "," and after == ",":
            return True  # "Vasile Stoenescu, care, la 67 de ani, a decis să se retragă"
        # The noun the years describe, in the parse: "un cetățean turc de 51 de ani" (an adjective between);
        # not "condamnat … la patru ani de închisoare".
        word = span[-1] if cue_end and key(doc[cue_end - 1].text) in self.age_prepositions else None
        for _ in range(self.AGE_HEADS if word is not None else 0):
            if word.dep_ not in ("nmod", "conj") or word.head.i >= first:
                break
            word = word.head
            if word.pos_ == "NOUN" and self._noun_forms(word) & self.age_nouns:
                return not self._as_trade(word)
        return False

    def _as_trade(self, noun: Token) -> bool:
        """The person noun, with no article, is what someone works as ("lucrează ca asistentă medicală de nouă
        ani"): the years after it are how long, not an age ("a cerut ca copiii sub 14 ani să …" are children)."""
        return noun.i > 0 and key(noun.doc[noun.i - 1].text) in self.tenure_before \
            and "Def" not in noun.morph.get("Definite")

    def _quote_of_relative_day(self, span: Span, quotes: list[Span]) -> Optional[Span]:
        """The direct quotation holding `span`, when `span` is a relative day ("ieri", "mâine"), else None."""
        if key(span.text).split()[0] not in self.relative_days:
            return None
        return next((q for q in quotes if q.start <= span.start < q.end), None)

    def _said_on(self, doc: Doc, quote: Span, sentence: Sentence, start: int,
                 published: Optional[dt.date]) -> Optional[dt.date]:
        """The day `quote` (holding a relative day) was said, when the verb of saying gives it."""
        said = doc.user_data.get("said_on", {}).get(quote.start)
        if said is None:
            return None
        for mention in extract_dates(sentence, published, self.lang):
            token = doc.char_span(start + mention.start, start + mention.end, alignment_mode="expand")
            if token is not None and said in range(token.start, token.end) and mention.value:
                try:
                    return dt.date.fromisoformat(mention.value[:10])
                except ValueError:
                    return None
        return None

    def _relative_to(self, sentence: Sentence, mention, anchor: dt.date) -> Optional[str]:
        for again in extract_dates(sentence, anchor, self.lang):
            if again.start == mention.start and again.end == mention.end:
                return again.value
        return None


def _contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(words[i: i + n] == phrase for i in range(len(words) - n + 1))



def _in_order(words: list[str], phrase: list[str]) -> bool:
    """The phrase's words appear in `words` in that order, maybe with others between ("nu au mai")."""
    it = iter(words)
    return all(any(w == p for w in it) for p in phrase)




CLAUSE_EDGES = (",", ";", ":")


def _initial(text: str) -> bool:
    """A name cut to its initial: "P.", "M." ("Ionuț P., de 27 de ani")."""
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _named_in(sentence: Span) -> set[str]:
    """The people and organizations a sentence names (their names in the story)."""
    return {e._.canonical for e in sentence.doc.spans.get("entities", [])
            if e.label_ in ("person", "organization") and e._.canonical and sentence.start <= e.start < sentence.end}


def _clause_start(doc: Doc, end: int, limit: Optional[int] = None, stop_at_verb: bool = False) -> int:
    """Where the clause holding the words before token `end` begins: back past no comma, semicolon or
    colon (nor a verb, when asked), not before the sentence start, at most `limit` tokens back."""
    start = end
    while start > 0 and not doc[start].is_sent_start and (limit is None or start > end - limit):
        before = doc[start - 1]
        if before.text in CLAUSE_EDGES or stop_at_verb and before.pos_ in ("VERB", "AUX") \
                and "Part" not in before.morph.get("VerbForm"):
            break  # (a participle describes a noun: "mai mare decât cea afectată în vara lui 2024")
        start -= 1
    return start


def _words_before(doc: Doc, end: int, words: list[str], first: int = 0) -> bool:
    """The keys of the tokens right before `end` (from `first` on) are `words` ("de la" before a figure)."""
    return end - len(words) >= first and [key(t.text) for t in doc[end - len(words): end]] == words


NOT_A_STORY_DAY = frozenset({"reference", "negated", "quoted", "dateline"})


def _names_a_day(span: Span) -> bool:
    """A date naming a day (perhaps with its part) that may be a time's day: not a comparison's, a negated
    statement's, a quotation's or the dateline's."""
    return span._.timex_type == "DATE" and bool(DAY_PART_VALUE.fullmatch(span._.timex or "")) \
        and not set(span._.timex_flags) & NOT_A_STORY_DAY


def _on_its_day(span: Span, value: str, flag: str) -> Span:
    """The time `span` with `value`, its day found in the story: `flag` ("publication_day", "day_ahead")
    gives way to "story_day"."""
    out = Span(span.doc, span.start, span.end, label=span.label_)
    out._.timex, out._.timex_type, out._.timex_mod = value, span._.timex_type, span._.timex_mod
    out._.timex_flags = tuple(f for f in span._.timex_flags if f != flag) + ("story_day",)
    return out


def _paragraph(layout, span: Span) -> Optional[int]:
    """The paragraph of the article that holds `span`."""
    at = layout.sentence_at(span.start_char)
    return at[0].paragraph if at is not None else None


def _background(span: Span) -> bool:
    """A day told as background to the story, not as a day of it: its verb is in the pluperfect ("Proiectul
    fusese avizat pe 5 martie")."""
    verb = _verb_of(span)
    if verb is None:
        return False
    return any("Pqp" in t.morph.get("Tense") for t in (verb, *(c for c in verb.children if c.dep_.startswith("aux"))))


def _verb_of(span: Span) -> Optional[Token]:
    """The nearest verb (or auxiliary) above the date in the parse."""
    return next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
