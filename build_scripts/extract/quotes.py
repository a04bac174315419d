"""Quotes: words in quotation marks and reported speech ("X a declarat că …"), each with its speaker.

Quotations are found per paragraph, so one over several sentences is one quote; nested quotations and
names or titles in quotation marks ("„Prof. Dr. Ion Chiricuță”") are not quotes. The speaker comes from
the verb of saying linked to the quotation - right after it ("…”, a spus Grossi"), before it ("Grossi a
declarat: „…”"), or above it in the parse ("a spus că aceștia au transformat „…”") - and is resolved by
`speakers.py`. Failing that: "potrivit X" in the same sentence, or, for a paragraph that is only a
quotation, the speaker of the paragraph before when nobody else was named in between.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lang as lang_mod
from ..lang import Lang, key
from ..segment import opens_with_quotation, quoted_ranges, stamp_end, unclosed_opening
from .spans import settle
from .speakers import Memory, Speakers, in_genitive, is_quote_mark, verb_start

TITLE_WORDS = 5      # at most so many words in quotation marks after a work's noun and a comma are its title
MIN_WORDS = 3        # fewer words in quotation marks are a term or a title, not a statement...
ADDRESS_WORDS = 3    # at most so many words of a name after a word of address ("Domnule Tătaru, …")
TERM_WORDS = 4       # at most this many words without a verb and no verb of saying in the sentence: a term
FRAGMENT_WORDS = 2   # ...unless they complete a verb of saying's clause: "nu va accepta „blocaje artificiale”"
AFTER_WINDOW = 6     # tokens between a closing mark and its verb ("”, a mai adăugat acesta")
BEFORE_WINDOW = 10   # tokens between a verb and the opening mark ("a declarat joi, pentru Digi24: „")
ROLE_BEFORE_ORG = 4  # words back from an organization to the role that names it ("purtătorul de cuvânt al")


@Language.factory("explainer_quotes", default_config={"lang_code": "ro"})
def make_quotes(nlp, name, lang_code: str):
    return QuoteFinder(lang_mod.load(lang_code))


# Clauses that are a part of another (its object, complement or adverbial), not a statement of their own.
SUBORDINATE_DEPS = ("ccomp", "xcomp", "csubj", "obj", "advcl", "acl")


class QuoteFinder:
    """Adds doc.spans["quotes"] with `speaker`, `speaker_via` and `direct` on each span, and
    doc.spans["answers"]: each interview answer whole, from its label to the paragraph's end (the
    interviewee's words, even past a quotation they repeat: "Un primar mi-a spus: „…”. Îl înțeleg."), and
    doc.spans["inner_quotes"]: quotations inside a kept quote that someone named there says."""

    def __init__(self, lang: Lang):
        self.lang = lang
        self.speakers = Speakers(lang)
        self.that = lang.keys_of("that")
        self.according = lang.keys_of("according_to")
        self.according_phrases = sorted({tuple(k.split()) for k in self.according}, key=len, reverse=True)
        self.relative = lang.keys_of("relative_words")
        self.interview_words = {key(w) for w in lang["interview"]["title_words"]}
        self.title_nouns = lang.keys_of("title_before_quote")
        self.question_labels = {key(w) for w in lang["interview"]["question_labels"]}
        self.opinion_verbs = lang.keys_of("opinion_verbs")
        self.two_sense_verbs = lang.keys_of("two_sense_verbs")
        self.not_that_after = lang.keys_of("not_that_after")
        self.and_words = lang.keys_of("and_words")
        self.address_words = lang.keys_of("address_words")
        self.diacritic_letters = [w.lower() for w in lang["diacritic_letters"]]
        self.request_verbs = {key(w) for w in lang["requests"]["verbs"]}
        self.statement_nouns = lang.keys_of("statement_nouns")
        self.owner_verbs = lang.keys_of("owner_verbs")
        self.backward_cues = [key(w).split() for w in lang["backward_cues"]]
        self.backward_adverbs = lang.keys_of("backward_adverbs")
        self.possessive = lang.keys_of("possessive_articles")

    def __call__(self, doc: Doc) -> Doc:
        layout = doc.user_data.get("layout")
        names = _names(doc)
        people = {s._.canonical: s._.role for s in doc.spans.get("entities", []) if s.label_ == "person" and s._.canonical}
        memory = Memory()
        found: list[Span] = []
        inner_found: list[Span] = []  # quotations inside quotations, a layer of their own (`_nested`)
        previous: Optional[str] = None  # the speaker the last paragraph ended on
        paragraphs = _paragraphs(doc, layout, self.lang)
        doc.user_data["paragraph_of"] = {s.start: p for p, sentences in paragraphs for s in sentences}
        continued = self._continued(doc, paragraphs)
        for paragraph, sentences in paragraphs:
            start, end = sentences[0].start_char, sentences[-1].end_char
            quotations = self._quotations(doc, start, end) + continued.get(paragraph, [])
            spoken: Optional[str] = None
            last_quoted: Optional[tuple[int, str]] = None  # (sentence, speaker) of a quotation that ended it
            quoted = [q[0] for q in quotations]
            nested_quotations = self._quotations(doc, start, end, depth=1)
            for number, sentence in sentences_numbered(layout, sentences):
                here: list[Span] = []
                reported = self._reported_words(sentence)
                for token in sentence:
                    span = names.get(token.i)
                    # (a person named inside a quotation is spoken of: no role or pronoun after it means them)
                    if span is not None and span.start == token.i and span.label_ == "person" and span._.canonical \
                            and not any(inner.start <= token.i < inner.end for inner in quoted):
                        memory.mention(span._.canonical, number, token.i, self.speakers.gender(span._.canonical, people.get(span._.canonical)),
                                       reported=token.i in reported)
                self._unnamed_speaker(sentence, memory, number, paragraph, names, quoted)
                for inner, close in quotations:
                    if not sentence.start <= inner.start < sentence.end:
                        continue
                    if len([t for t in inner if not t.is_punct]) < MIN_WORDS and (
                            self._verb_above(inner, sentence) is None or not inner[0].is_lower) \
                            and not (inner.start - 1 == sentence.start and self._verb_after(doc, close, sentence) is not None):
                        # two words: a fragment of reported speech, or a term in quotation marks; not a
                        # reply that opens its sentence and a verb of saying follows („Respinsă greșit”, a
                        # replicat Stoian)
                        continue
                    if self._term(inner, sentence):
                        continue
                    speaker, via = self._direct_speaker(doc, inner, close, sentence, memory, number, names)
                    elided = self._elided_speaker(doc, inner, memory, number, names)
                    if elided is not None:
                        speaker, via = elided  # "…, iar Stoica, că aceeași explicație … „…”": Stoica's
                    if speaker is None and self._only_quote(doc, inner, start, end) and previous:
                        speaker, via = previous, "previous"
                    if speaker is None and via is None and here == [] and last_quoted is not None \
                            and last_quoted[0] == number - 1 and self._only_quote(doc, inner, sentence.start_char, sentence.end_char):
                        # "„…”, a declarat ministrul. „…”": a quotation that is a whole sentence right after
                        # an attributed one in the same paragraph goes on with the same speaker.
                        speaker, via = last_quoted[1], "previous"
                    if speaker is None and via is None and close is None and here == [] and spoken \
                            and inner.start - 1 == sentence.start and any(inner is c[0] for c in continued.get(paragraph, [])):
                        # "Sorin Velicu a vorbit 40 de minute. „Am condus …" (the quotation goes on in the
                        # next paragraph): the one the sentence before showed speaking.
                        speaker, via = spoken, "previous"
                    if speaker is not None and self._addressed(inner, speaker):
                        speaker, via = None, None  # "„Domnule Tătaru, dobânzile …”": said to him, not by him
                    here.append(_quote(inner, speaker, via, direct=True))
                for clause, speaker, via in self._reported(doc, sentence, quoted, here, memory, number, names):
                    here.append(_quote(clause, speaker, via, direct=False))
                owner = self._statement_owner(sentence, names)
                if owner is not None:
                    # "„…” Declarația îi aparține deputatului X.": the quotation just before is X's.
                    unclaimed = [q for q in found if q._.direct and q._.speaker is None and q.start >= sentences[0].start
                                 and all(t.is_punct or t.is_space for t in doc[q.end: sentence.start])]
                    for q in unclaimed:
                        q._.speaker, q._.speaker_via = owner, "name"
                        if owner in people:
                            memory.note(owner, self.speakers.gender(owner, people[owner]), number, paragraph, spoke=True)
                nested = self._nested(doc, sentence, quoted, nested_quotations, memory, number, names)
                last = here[-1] if here else None
                # (also a statement reported of someone named: "X a explicat că …. „…”" goes on with X)
                last_quoted = (number, last._.speaker) if last is not None and last._.speaker \
                    and (last._.direct or last._.speaker_via == "name") \
                    and not self._named_after(sentence, last, names) else None
                said = next((q._.speaker for q in reversed(here) if q._.speaker), None)
                spoken = said or self._speaking(doc, sentence, memory, number, names) or (spoken if not here else None)
                self._remember(sentence, memory, number, paragraph, names, people, here)
                found += here
                inner_found += nested
            # A later paragraph that is only a quotation continues this speaker only if this paragraph
            # ended with them and named nobody else after.
            # (a paragraph that ends in a colon introduces the next: "X, alături de Y, a declarat:")
            ends_with_colon = any(t.text == ":" for t in doc[max(sentences[-1].end - 2, sentences[-1].start): sentences[-1].end])
            named = self._people_named(sentences, names)
            previous = spoken if spoken and (ends_with_colon or (named[-1] if named else None) in (None, spoken)) else None
            if previous and not ends_with_colon and not any(q._.speaker == previous for q in found if q.start >= sentences[0].start) \
                    and set(named) - {previous}:
                # The paragraph only shows them speaking ("…, iar cancelarul Merz a criticat blocajul"),
                # beside someone else: the next quotation may be either's.
                previous = None
        self._one_speaker_across_paragraphs(found, continued, paragraphs)
        self._speaker_named_next(doc, found, paragraphs, names)
        self._pointed_back(doc, found, paragraphs, names)
        answers = self._interview_answers(doc, paragraphs, names, people, found)
        found += [quote for quote, _ in answers if quote is not None]
        doc.spans["answers"] = [whole for _, whole in answers]
        kept = settle(doc, "quotes", found)
        doc.spans["inner_quotes"] = [q for q in inner_found if any(k.start <= q.start and q.end <= k.end for k in kept)]
        return doc

    # -- interviews -------------------------------------------------------------------------------

    def _interview_answers(self, doc: Doc, paragraphs, names: dict[int, Span], people: dict,
                           found: list[Span]) -> list[tuple[Optional[Span], Span]]:
        """The answers of an interview laid out as questions and answers: the paragraph right after each
        question is the interviewee's; its quotation runs up to its first quotation mark (None when it
        overlaps one already found). Nothing unless the article has at least two questions; no speaker
        unless a label or the title names exactly one person. Each with the whole answer after its label."""
        spans = [doc[sentences[0].start: sentences[-1].end] for _, sentences in paragraphs]
        questions = [self._is_question(span) for span in spans]
        if sum(questions) < 2:
            return []
        title = key(doc.user_data.get("title") or "")
        in_title = {p for p in people if key(p) in title}
        interviewee = in_title.pop() if len(in_title) == 1 else None
        if interviewee is None and not in_title and self._interview_title(title):
            # An interview whose title names nobody: the one person the lead names in full, before the
            # first question ("Ștefan Roșca, 36 de ani, cercetător … Spotmedia a stat de vorbă cu el").
            lead = {s._.canonical for span in spans[:questions.index(True)] for s in names.values()
                    if s.label_ == "person" and s._.canonical and len(s._.canonical.split()) >= 2
                    and span.start <= s.start < span.end}
            interviewee = lead.pop() if len(lead) == 1 else None
        taken = {i for q in found for i in range(q.start, q.end)}
        out = []
        speaker: Optional[str] = None
        for i in range(1, len(spans)):
            if questions[i]:
                continue
            if questions[i - 1]:
                answer, speaker, start = self._answer(spans[i], names, interviewee)
                via = "interview"
            elif out and out[-1][1].end == spans[i - 1].end and self._label(spans[i]) is None \
                    and any(questions[i + 1:]):
                # A paragraph without a label between an answer and the next question goes on with the
                # answer (the last answer's next paragraphs may be the article's again: left alone).
                answer, _, start = self._answer(spans[i], names, None)
                via = "previous"
            else:
                continue
            if answer is not None:
                # Up to the words of someone else it reports, found before ("Vecinii îmi spun că …").
                answer = _words_before(doc, answer.start, next((t.i for t in answer if t.i in taken), answer.end))
            quote = None if answer is None else _quote(answer, speaker, via, direct=True)
            out.append((quote, doc[start: spans[i].end]))
        return out

    def _is_question(self, span: Span) -> bool:
        text = span.text.strip()
        label = self._label(span)
        asker = key(label.text.rstrip("*_: .")) if label is not None else None
        # A turn labelled as the interviewer's, or as the outlet that publishes ("Europa FM: V-ați
        # așteptat la premiu?"), is a question even when it ends in a full stop ("**Libertatea:** În
        # finală ați jucat cu …").
        if asker is not None and (asker in self.question_labels or asker == key(span.doc.user_data.get("source") or "-")):
            return True
        if not text.rstrip("*_ ").endswith("?"):
            return False
        if text.startswith(("**", "__")):
            return True
        return self._interview_title(key(doc_title(span))) and len(list(span.sents)) == 1

    def _interview_title(self, title: str) -> bool:
        """The title (a key) says the article is an interview ("INTERVIU …", "Interviu.")."""
        return any(w in title.split() or w + "." in title.split() for w in self.interview_words)

    @staticmethod
    def _label(span: Span) -> Optional[Span]:
        """ "Reporter:", "Ilinca Mușat:", "I.M.:" opening a paragraph (a colon within its first words), also
        in bold ("**Libertatea:**": the label without its marks)."""
        start = _past_marks(span.doc, span.start, span.end)
        for token in span.doc[start: min(span.end, start + 6)]:
            if token.text.strip("*_") == ":":
                return span.doc[start: token.i + 1] if token.i > start else None
            if token.is_quote or token.pos_ == "VERB":
                return None
        return None

    def _answer(self, span: Span, names: dict[int, Span], interviewee: Optional[str]) -> tuple[Optional[Span], Optional[str], int]:
        """(its quotation, its speaker, where the answer starts after its label)."""
        label = self._label(span)
        start = _past_marks(span.doc, label.end if label is not None else span.start, span.end)  # (closing bold)
        speaker = interviewee
        if label is not None:
            named = names.get(label.start)
            short = _initials(label.text, letters_only=True)
            if short:
                # "A.S.:" after "Alina Stan:": the one person of the article with those initials
                people = {p for p in span.doc.user_data.get("people", ()) if len(p.split()) > 1 and _initials(p) == short}
                speaker = people.pop() if len(people) == 1 else None
            elif named is not None and named.label_ == "person" and named._.canonical:
                speaker = named._.canonical
            elif len(label) <= 3 and self.speakers.is_role(span.doc[label.start]):
                # "Ministrul: …" in a transcript: the one person the article gave that role
                speaker = self.speakers.role_holder(span.doc, span.doc[label.start])
            elif not (interviewee and _initials(label.text) and _initials(label.text) == _initials(interviewee)):
                speaker = None  # a label that names someone else, or nobody we know
        # Up to its first quotation mark: what follows is someone else's words, repeated.
        end = next((t.i for t in span.doc[start: span.end] if is_quote_mark(t)), span.end)
        answer = _words_before(span.doc, start, end)
        return answer, speaker if answer is not None else None, start

    # -- quotations -------------------------------------------------------------------------------

    def _continued(self, doc: Doc, paragraphs) -> dict[int, list[tuple[Span, None]]]:
        """Quotations that run on into the next paragraph, by paragraph: a mark left open at a paragraph's
        end, when the next paragraph opens with a quotation mark (the press's way of quoting over several
        paragraphs: each opens, only the last closes). The inner span runs to the paragraph's end."""
        out: dict[int, list[tuple[Span, None]]] = {}
        for (paragraph, sentences), (_, following) in zip(paragraphs, paragraphs[1:]):
            start, end = sentences[0].start_char, sentences[-1].end_char
            found = unclosed_opening(doc.text[start:end], self.lang)
            if found is None or not opens_with_quotation(doc.text[following[0].start_char:following[-1].end_char], self.lang):
                continue
            inner = doc.char_span(start + found[0] + found[1], end, alignment_mode="contract")
            if inner is not None and len(inner) > 1:
                out[paragraph] = [(inner, None)]
        return out

    def _speaker_named_next(self, doc: Doc, found: list[Span], paragraphs, names: dict[int, Span]) -> None:
        """A paragraph that is only a quotation, followed by one whose first sentence shows someone else
        speaking without a quotation of its own: pointing back ("Cu aceste cuvinte i-a răspuns Irina
        Moldovan", "Așa a anunțat …"), the words are theirs; otherwise the quotation does not go on with the speaker before
        (either may have said it)."""
        for (_, sentences), (_, following) in zip(paragraphs, paragraphs[1:]):
            quotes = _quotes_filling(found, doc[sentences[0].start: sentences[-1].end])
            if not quotes or any(q._.speaker_via not in ("previous", None) for q in quotes):
                continue
            first = following[0]
            if any(first.start <= q.start < first.end for q in found):
                continue
            speaker = self._person_speaking(first, names)
            if speaker is None:
                continue
            words = [key(t.text) for t in first[:6]]
            # (or an adverb that points back, with no comma after it: "Așa și-a anunțat duminică cântăreața
            # Irisa amânarea …"; "Astfel, …" links to what comes next)
            backward = any(words[:len(cue)] == cue for cue in self.backward_cues) or (
                len(words) > 1 and words[0] in self.backward_adverbs and words[1] != ",")
            for q in quotes:
                if backward:
                    q._.speaker, q._.speaker_via = speaker, "name"
                elif q._.speaker != speaker:
                    q._.speaker, q._.speaker_via = None, None

    def _pointed_back(self, doc: Doc, found: list[Span], paragraphs, names: dict[int, Span]) -> None:
        """A sentence that is only a quotation nobody was given, followed in its paragraph by one whose
        named speaker points back at it with an adverb right after the verb ("„…” Victor Plămădeală,
        fondatorul firmei, a explicat astfel de ce …"): the words are theirs."""
        for _, sentences in paragraphs:
            for sentence, after in zip(sentences, sentences[1:]):
                quotes = _quotes_filling(found, sentence)
                if not quotes or any(q._.speaker is not None for q in quotes):
                    continue
                speaker = self._person_speaking(after, names, lambda v: v.i + 1 < after.end
                                                and key(doc[v.i + 1].text) in self.backward_adverbs)
                if speaker is None:
                    continue
                for q in quotes:
                    q._.speaker, q._.speaker_via = speaker, "name"

    def _person_speaking(self, sentence: Span, names: dict[int, Span],
                         verb_ok: Callable[[Token], bool] = lambda verb: True) -> Optional[str]:
        """The named person who is the subject of the first verb of saying of `sentence` that `verb_ok`
        accepts, or None."""
        return next((names[s.i]._.canonical for v in sentence if self.speakers.is_speech_verb(v) and verb_ok(v)
                     for s in [self.speakers.subject_of(v)] if s is not None and s.i in names
                     and names[s.i].label_ == "person" and names[s.i]._.canonical), None)

    @staticmethod
    def _one_speaker_across_paragraphs(found: list[Span], continued: dict, paragraphs) -> None:
        """A quotation that runs on into the next paragraph has one speaker: the part without one takes
        the other part's (its next part is the quotation that opens the next paragraph)."""
        following = {paragraph: sentences for (paragraph, _), (_, sentences) in zip(paragraphs, paragraphs[1:])}
        for paragraph, parts in continued.items():
            first = next((q for q in found if q.start == parts[0][0].start), None)
            head = following[paragraph][0]
            rest = next((q for q in found if q._.direct and head.start <= q.start <= head.start + 1), None)
            if first is None or rest is None:
                continue
            if first._.speaker is None and rest._.speaker:
                first._.speaker, first._.speaker_via = rest._.speaker, "previous"
            elif rest._.speaker is None and first._.speaker:
                rest._.speaker, rest._.speaker_via = first._.speaker, "previous"

    def _quotations(self, doc: Doc, start: int, end: int, depth: int = 0) -> list[tuple[Span, Token]]:
        """(inner span, first token after the closing mark) for each top-level quotation (`depth` 0), or
        each quotation inside one (1)."""
        out = []
        for q in quoted_ranges(doc.text[start:end], self.lang):
            if q.depth != depth:
                continue
            inner = doc.char_span(start + q.inner_start, start + q.inner_end, alignment_mode="contract")
            if inner is None or len(inner) == 0:
                continue
            words = [t for t in inner if not t.is_punct]
            content = [t for t in words if len(t.text) > 3]
            if len(words) < FRAGMENT_WORDS or all(t.text[:1].isupper() or t.text[:1].isdigit() for t in content):
                continue  # a name or title in quotation marks ("„Sabia de Fier”"), not a statement
            opening = doc.char_span(start + q.open, start + q.inner_start, alignment_mode="expand")
            before = doc[opening.start - 1] if opening is not None and len(opening) and opening.start > 0 else None
            if before is not None and before.text == "," and before.i > 0 and before.nbor(-1).pos_ == "NOUN" \
                    and len(words) <= TITLE_WORDS and not any(t.text in ".!?" for t in inner):
                before = before.nbor(-1)  # "al cincilea album, „27 de ierni”, care …": a title in apposition
            if before is not None and (key(before.lemma_) in self.title_nouns or key(before.text) in self.title_nouns):
                continue  # "romanul „Gardă de noapte”", "moțiunea intitulată „…”": a title, not a statement
            after = doc.char_span(start + q.close, end, alignment_mode="expand")
            out.append((inner, after[0] if after is not None and len(after) else None))
        return out

    def _medium_own(self, inner: Span, verb: Token, sentence: Span) -> bool:
        """ "«Bruxellesul a trecut de la avertismente la fapte», scrie agenția Reuters": a quotation that
        opens its sentence, with no other verb of saying outside it, is the medium's own words."""
        if any(not t.is_punct for t in sentence[: max(0, inner.start - sentence.start)]):
            return False
        return not any(self.speakers.is_speech_verb(t) and t.i != verb.i and not inner.start <= t.i < inner.end
                       for t in sentence)

    def _term(self, inner: Span, sentence: Span) -> bool:
        """ "au deschis 120 de „puncte de invincibilitate”": a few words without a verb, in a sentence with
        no verb of saying around them, name a thing; they are nobody's statement."""
        words = [t for t in inner if not t.is_punct]
        if len(words) > TERM_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
            return False
        # (the verbs the attribution looks for, after, before or above the quotation, are in the sentence)
        return not any(self.speakers.is_speech_verb(t) for t in sentence)

    def _direct_speaker(self, doc: Doc, inner: Span, after: Optional[Token], sentence: Span, memory: Memory,
                        number: int, names: dict[int, Span]) -> tuple[Optional[str], Optional[str]]:
        # A quotation over several sentences is attributed after its last one ("„… . …”, se arată …").
        closing = after.sent if after is not None and after.sent.start > sentence.start else sentence
        verb = self._verb_after(doc, after, closing)
        if verb is not None and self.speakers.is_medium(doc, verb, names) and not self._medium_own(inner, verb, closing):
            verb = None  # "X a afirmat că «…», relatează agenția TASS": who said it is elsewhere
        before = self._verb_before(doc, inner, sentence)
        if verb is not None and verb.sent.start >= inner.end and before is not None:
            # "X a declarat: „…” Ea a cerut …": the verb before says whose; the next sentence is one of its
            # own, which tells only when the words before name no one
            speaker, via = self._speaker_of(doc, inner, before, sentence, memory, number, names)
            return (speaker, via) if speaker is not None else \
                self._speaker_of(doc, inner, verb, sentence, memory, number, names)
        # After a colon the words are the clause before it's: no verb further up (the parse may hang the
        # quotation from the sentence's first verb: "X i-a cerut lui Y să plece, dar acesta a refuzat: „…”").
        verb = verb or before or (None if self._after_colon(doc, inner, sentence) else self._verb_above(inner, sentence))
        if verb is not None:
            return self._speaker_of(doc, inner, verb, sentence, memory, number, names)
        introduced, how = self._introduced_by_colon(doc, inner, sentence, memory, number, names)
        if introduced is not None:
            return introduced, how
        message = self._message_of(doc, after, sentence, names)
        if message is not None:
            return message, "name"
        return self._according_to(doc, sentence, inner, names)

    def _speaker_of(self, doc: Doc, inner: Span, verb: Token, sentence: Span, memory: Memory, number: int,
                    names: dict[int, Span]) -> tuple[Optional[str], Optional[str]]:
        """(speaker, how) of a quotation from its verb of saying, or from the verb of the reported speech
        the quotation is inside."""
        while True:
            subject = self.speakers.subject_of(verb)
            if subject is not None and inner.start <= subject.i < inner.end:
                # "„… decizie …”, a declarat șeful statului": a second subject outside the quotation.
                subject = next((c for c in verb.rights if c.dep_ in ("nsubj", "nsubj:pass")
                                and not inner.start <= c.i < inner.end), subject)
            if subject is not None and inner.start <= subject.i < inner.end and subject.head.i == verb.i \
                    and verb.i >= inner.end:
                # "„Este o decizie …”, a reacționat primarul X": the parser took a word of the quotation for
                # the subject and the speaker after the verb for its object.
                after = self.speakers.subject_after(verb)
                if after is not None and not inner.start <= after.i < inner.end:
                    subject = after
            if subject is not None and inner.start <= subject.i < inner.end:
                if subject.head.i == verb.i:
                    author = self.speakers.document_author(doc, verb, names)
                    # the parser found the subject inside the quotation: no evidence, unless a document
                    # says it ("„… . …”, se arată într-un comunicat al X")
                    return (author, "document") if author else (None, None)
                subject = None  # "„…”, a mai precizat.": the verb hangs from the quotation's; its own is dropped
            speaker, via = self.speakers.resolve(doc, subject, verb, memory, number, names)
            # (not after a colon: "Ea a povestit că administratoarea i-a răspuns: «…»" are the administrator's)
            outer = self._outer_speech_verb(verb, sentence) if self._after_colon(doc, inner, sentence) is None else None
            if outer is not None and (speaker is None and subject is not None or not self.speakers.utters(verb)):
                # "Kim a menționat că aceștia au scris „…”": words in quotation marks inside reported
                # speech are the reporting speaker's own.
                verb = outer
                continue
            said = _date_of(verb, inner)
            if said is not None:
                doc.user_data.setdefault("said_on", {})[inner.start] = said
            return speaker, via

    def _reported_words(self, sentence: Span) -> set[int]:
        """The tokens of what a verb of saying reports ("El a precizat că Ntšekhe plănuia …": the clause
        after "că")."""
        out: set[int] = set()
        for verb in sentence:
            if not self.speakers.is_speech_verb(verb):
                continue
            for clause in verb.children:
                if clause.dep_ == "ccomp" and self.speakers.marked_that(clause):
                    out.update(t.i for t in clause.subtree)
        return out

    def _nested(self, doc: Doc, sentence: Span, quoted: list[Span], nested: list[tuple[Span, Token]], memory: Memory,
                number: int, names: dict[int, Span]) -> list[Span]:
        """Quotations inside a quotation of this sentence that someone named inside it says ("Iftode a
        povestit: „Dobrotă ne-a spus: «Fără indexare nu semnăm.»”"): their own quotes. Only a speaker
        named there, by name: a pronoun or a role inside a quotation is the outer speaker's to resolve."""
        out = []
        for inner, _ in nested:
            if not sentence.start <= inner.start < sentence.end or self._term(inner, sentence):
                continue
            outer = next((q for q in quoted if q.start <= inner.start and inner.end <= q.end), None)
            if outer is None:
                continue
            within = doc[max(sentence.start, outer.start): min(sentence.end, outer.end)]
            speaker, via = self._direct_speaker(doc, inner, None, within, memory, number, names)
            if speaker is not None and via == "name":
                out.append(_quote(inner, speaker, via, direct=True))
        return out

    def _message_of(self, doc: Doc, after: Optional[Token], sentence: Span, names: dict[int, Span]) -> Optional[str]:
        """ "„…”, este mesajul transmis de premierul X" / "„…”, a fost reacția lui X": a word for a message
        right after the quotation, and the one person or organization it belongs to."""
        if after is None:
            return None
        for token in doc[after.i: min(after.i + AFTER_WINDOW, sentence.end)]:
            if token.is_punct or token.pos_ == "AUX":
                continue
            if token.pos_ != "NOUN" or key(token.lemma_) not in self.speakers.documents:
                return None
            owners = set()
            for t in token.subtree:
                span = names.get(t.i)
                if t.i <= token.i or span is None or span.start != t.i or span.label_ not in ("person", "organization") \
                        or not span._.canonical:
                    continue
                # The author: the agent ("transmis de X") or a genitive ("mesajul lui X", "reacția
                # Ministerului"), never a name after a preposition ("transmis pentru Digi24": the medium).
                if t.dep_ == "obl:agent" or t.dep_ in ("nmod", "nmod:poss") and not any(c.dep_ == "case" for c in t.children):
                    owners.add(span._.canonical)
            return owners.pop() if len(owners) == 1 else None
        return None

    def _introduced_by_colon(self, doc: Doc, inner: Span, sentence: Span, memory: Memory, number: int,
                             names: dict[int, Span]) -> tuple[Optional[str], Optional[str]]:
        """ "Premierul Ilie Bolojan a fost categoric: „…”": a clause ending in a colon right before the
        quotation, whose subject is named (or a pronoun for the one person it can mean: "el a refuzat să
        dea detalii: „…”"), introduces that person's words (no verb of saying needed); so does a person's
        name alone before the colon ("Ilie Bolojan: „…”"). (speaker, how it was found)."""
        i = self._after_colon(doc, inner, sentence)
        if i is None:
            return None, None
        label = names.get(i - 1)
        if label is not None and label.label_ == "person" and label._.canonical and label.end == i:
            start = max([t.i + 1 for t in doc[sentence.start: label.start] if t.text == "|"], default=sentence.start)
            if all(t.is_punct or self.speakers.is_role(t) or self.speakers.is_role(t.head) for t in doc[start: label.start]):
                return label._.canonical, "name"  # "Ora 14:20 | Ilie Bolojan: „…”", "Ministrul Sănătății, X: „…”"
        aside = self._verbless_label(doc, sentence, i, names)
        if aside is not None:
            return aside, "name"
        # The clause that ends at the colon: the nearest head above the last word before it that has a
        # subject ("X i-a cerut lui Y să plece, dar acesta a refuzat: „…”" is the second clause's).
        # A clause that is the object of another ("a explicat ce urmăresc aliații: „…”") is that one's.
        clause = doc[i - 1]
        while not any(c.dep_.startswith("nsubj") and c.i < i for c in clause.children) \
                or clause.dep_.split(":")[0] in SUBORDINATE_DEPS:
            if clause.head.i == clause.i or not sentence.start <= clause.head.i < i:
                break
            clause = clause.head
        subjects = [c for c in clause.children if c.dep_.startswith("nsubj") and c.i < i]
        # (a verb of saying, or a clause that names a statement: "a deschis conferința cu o recunoaștere: „…”")
        spoken = self.speakers.is_speech_verb(clause) or any(
            c.dep_ == "obl" and c.i < i and key(c.lemma_) in self.statement_nouns for c in clause.children)
        if len(subjects) != 1 or not spoken and any(c.dep_ in ("obj", "iobj") and c.i < i for c in clause.children):
            return None, None  # ("X a găsit un bilet: „…”": the words are the note's, not X's)
        speaker, via = self.speakers.resolve(doc, subjects[0], subjects[0].head, memory, number, names)
        # A role ("Procurorul l-a întrerupt: „…”") only before a verb of saying, as after a quotation.
        found = (via in ("name", "pronoun") or via == "role" and spoken) and speaker in doc.user_data.get("people", ())
        return (speaker, via) if found else (None, None)

    def _verbless_label(self, doc: Doc, sentence: Span, colon: int, names: dict[int, Span]) -> Optional[str]:
        """ "Ministrul Apărării, Ionuț Moșteanu, prezent la Cincu: „…”": no verb before the colon and one
        person named there, as its subject would be (not after a preposition: "Întrebare pentru X:")."""
        before = doc[sentence.start: colon]
        if any(t.pos_ in ("VERB", "AUX") for t in before):
            return None
        # (a role the one named holds is no other person: "Antrenorul lui Dinamo, Gheorghe Bârsan, la Digi
        # Sport: „…”")
        people = {names[t.i] for t in before if t.i in names and names[t.i].label_ == "person"
                  and (names[t.i]._.canonical or not self.speakers.person_in_apposition(t, names))}
        if len(people) != 1:
            return None
        person = people.pop()
        first = doc[person.start]
        if not person._.canonical or person.start > sentence.start and (
                doc[person.start - 1].pos_ == "ADP" or key(doc[person.start - 1].text) in self.possessive
                and first.head.pos_ != "NOUN"):
            return None
        return person._.canonical

    @staticmethod
    def _after_colon(doc: Doc, inner: Span, sentence: Span) -> Optional[int]:
        """The colon right before the opening mark, if the quotation follows one."""
        i = inner.start - 1
        while i > sentence.start and is_quote_mark(doc[i]):
            i -= 1
        return i if i > sentence.start and doc[i].text == ":" else None

    def _outer_speech_verb(self, verb: Token, sentence: Span) -> Optional[Token]:
        """The verb of saying whose reported clause holds `verb`, in the same sentence."""
        child = verb
        for head in verb.ancestors:
            if not sentence.start <= head.i < sentence.end:
                return None
            if child.dep_.startswith("ccomp") and self.speakers.is_speech_verb(head):
                return head
            child = head
        return None

    def _verb_after(self, doc: Doc, after: Optional[Token], sentence: Span) -> Optional[Token]:
        """ "…”, a spus Grossi": the first verb after the closing mark, past commas, dashes, auxiliaries
        and clitics."""
        if after is None:
            return None
        for token in doc[after.i: min(after.i + AFTER_WINDOW, sentence.end)]:
            if token.is_sent_start and token.is_title and key(token.text) not in self.backward_adverbs \
                    and key(token.text) not in self.speakers.pronoun_gender:
                # ("„… deschisă.” Întrebat apoi despre …": a new sentence, not the attribution; "„….” Așa a
                # justificat decizia X", "„….” Ea a precizat că …" are)
                return None
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux") \
                    or token.pos_ == "NOUN" and self.speakers.is_speech_verb(token):  # ("povesteste": a noun to the tagger)
                return token if self.speakers.is_speech_verb(token) else None
            if not (token.is_punct or token.pos_ in ("AUX", "PART", "ADV", "PRON")):
                return None  # ("„…” și a avertizat că …": a verb after "și" opens a clause of its own)
        return None

    def _verb_before(self, doc: Doc, inner: Span, sentence: Span) -> Optional[Token]:
        """ "Grossi a declarat: „…”": a verb of saying shortly before the opening mark; after "că" right
        before the mark, as far back as the sentence goes ("El i-a răspuns avocatei, în ultimul cuvânt al
        acuzării, că „…”"), while no other verb comes first."""
        opening = inner.start - 1
        that = opening > sentence.start and key(doc[opening - 1].text) in self.that
        for token in reversed(doc[sentence.start if that else max(sentence.start, inner.start - BEFORE_WINDOW): inner.start]):
            if self.speakers.is_speech_verb(token):
                if self._said_above(token, sentence) is not None:
                    return None  # "Ea a spus că USR nu va susține „…”": the verb above says it (`_verb_above`)
                return token
            if token.pos_ == "VERB" and self.speakers.is_finite(token) and token.dep_ != "aux":
                return None  # another clause's verb comes first: "…, iar inspectorii au găsit „…”"
        return None

    def _verb_above(self, inner: Span, sentence: Span) -> Optional[Token]:
        """ "Kim a spus că aceștia au transformat „…”": the nearest verb of saying among the quotation's
        heads outside it, in the same sentence; past a verb that also means something else, whose object
        the quotation is ("susține": support or claim), when a verb of saying stands above it."""
        for head in inner.root.ancestors:
            if not (inner.start <= head.i < inner.end) and sentence.start <= head.i < sentence.end:
                if self.speakers.is_speech_verb(head):
                    # "Ea a spus că USR nu va susține „…”": support, or say? the verb above says
                    return (self._said_above(head, sentence) if inner.root.head.i == head.i else None) or head
        return None

    def _said_above(self, verb: Token, sentence: Span) -> Optional[Token]:
        """For a verb of saying that also means something else (`two_sense_verbs`: "susține" is support
        or claim), the nearest verb of saying above it in the sentence, if any."""
        if key(verb.lemma_) not in self.two_sense_verbs:
            return None
        return next((a for a in verb.ancestors if sentence.start <= a.i < sentence.end and self.speakers.is_speech_verb(a)),
                    None)

    def _according_to(self, doc: Doc, sentence: Span, inner: Span,
                      names: dict[int, Span]) -> tuple[Optional[str], Optional[str]]:
        """ "…”, potrivit lui X": a person or organization named right after "potrivit"."""
        tokens = [t for t in sentence if not (inner.start <= t.i < inner.end)]
        words = [key(t.text) for t in tokens]
        for i in range(len(tokens)):
            n = next((len(p) for p in self.according_phrases if tuple(words[i: i + len(p)]) == p), 0)
            if not n:
                continue  # "potrivit", "în opinia", "după cum a declarat"
            for follower in tokens[i + n: i + n + 3]:
                named = names.get(follower.i)
                if named is not None and named._.canonical and named.label_ in ("person", "organization"):
                    if self.speakers.is_media_name(doc, named):
                        return None, None  # "potrivit Reuters": who reported it, not who said it
                    return named._.canonical, "according"
        return None, None

    def _named_after(self, sentence: Span, quote: Span, names: dict[int, Span]) -> bool:
        """Someone other than the speaker named after the quotation ("…”, a spus X despre Y"); not an
        organization after the speaker's own name, in their role ("…”, avertizează Sorin Vâlcu, profesor
        la ASE"), nor one before it that their role names or that they spoke to ("…”, a explicat pentru
        News.ro meteorologul ANM Răzvan Dincă")."""
        doc = sentence.doc
        named = [(i, names[i]) for i in range(quote.end, sentence.end)
                 if i in names and names[i].label_ in ("person", "organization") and names[i]._.canonical]
        own = next((i for i, span in named if span._.canonical == quote._.speaker and span.label_ == "person"), None)

        def counts(i: int, span: Span) -> bool:
            if span.label_ == "person" or own is None:
                return True
            if i > own:
                return False
            # (a role within a few words before it: "purtătorul de cuvânt al ASF, Dragoș Nicoară")
            return not (any(self.speakers.is_role(t) for t in doc[max(quote.end, span.start - ROLE_BEFORE_ORG): span.start])
                        or self.speakers.is_media_name(doc, span))

        # (nor that organization again before the name: its acronym in parentheses, "liderul Federației
        # Feroviarilor Uniți (FFU), Dănuț Oprișan")
        described = {span._.canonical for i, span in named if not counts(i, span)}
        return bool({span._.canonical for i, span in named if counts(i, span)
                     and (span.label_ == "person" or span._.canonical not in described)} - {quote._.speaker})

    @staticmethod
    def _only_quote(doc: Doc, inner: Span, start: int, end: int) -> bool:
        """The paragraph holds nothing but this quotation (and punctuation)."""
        para = doc.char_span(start, end, alignment_mode="expand")
        return para is not None and all(t.is_punct or inner.start <= t.i < inner.end for t in para)

    # -- reported speech --------------------------------------------------------------------------

    def _reported(self, doc: Doc, sentence: Span, quoted: list[Span], direct: list[Span], memory: Memory,
                  number: int, names: dict[int, Span]) -> Iterable[tuple[Span, Optional[str], Optional[str]]]:
        """ "X a declarat că A (și că B)": each clause after "că" is a quote of the verb's subject;
        "A, a anunțat X.": the statement before the comma is X's. A clause holding a quotation is left
        to the quotation, and the clauses after it go with its speaker (`direct`: the sentence's
        quotations as attributed)."""
        inside = {i for q in quoted for i in range(q.start, q.end)}
        claimed: set[int] = set()  # clauses already reported: a verb of saying inside one ("că a observat
        # … și că …") does not report its coordinated clause again, without a subject
        for verb in sentence:
            if verb.i in inside or not self.speakers.is_speech_verb(verb):
                continue  # (nor "primarul, acuzat că a primit mită": a participle reports nobody's words)
            if key(verb.lemma_) in self.opinion_verbs:
                continue  # "analiștii estimează că …": a view or a forecast, not a statement
            if verb.morph.get("Person") == ["1"] and not any(c.dep_.startswith("nsubj") for c in verb.children):
                continue  # "Reamintim că …": the newsroom's own words, outside any quotation
            author = None
            if any(c.dep_ in ("expl:pass", "expl:impers") for c in verb.children) and \
                    not any(c.dep_.startswith("nsubj") for c in verb.children):
                # "s-a estimat că …": said by nobody, an estimate rather than a statement; unless a
                # document says it ("…, se arată într-un comunicat al Primăriei Brașov").
                author = self.speakers.document_author(doc, verb, names)
                if author is None:
                    continue
            # The reported clause: "că …" (the parser sometimes calls it an adverbial clause).
            clauses = [c for c in verb.children if c.dep_.startswith(("ccomp", "advcl")) and self._has_that(c)]
            if not clauses:
                clauses = self._that_clause_misattached(doc, sentence, verb)
            if not clauses and self.speakers.utters(verb):
                bare = self._bare_that_clause(doc, sentence, verb, inside)
                if bare is not None:
                    speaker, via = self.speakers.resolve(doc, self.speakers.subject_of(verb), verb, memory, number, names)
                    if via != "role":  # (a role read on a parse this broken is left alone)
                        yield bare, speaker, via
                    continue
            joined, elided, after_quotation = self._coordinated(verb, clauses, inside)
            clauses += joined
            if not clauses and key(verb.lemma_) in self.request_verbs:
                request = self._request(doc, verb, inside)
                if request is not None:
                    speaker, via = self.speakers.resolve(doc, self.speakers.subject_of(verb), verb, memory, number, names)
                    if via == "name":
                        yield request, speaker, via
                continue
            if not clauses:
                statement = self._statement_before(doc, sentence, verb, inside)
                if statement is not None and author is None:
                    author = self.speakers.document_author(doc, verb, names)  # "…, se arată într-un comunicat al X"
                if statement is not None and author is not None:
                    yield self._first_person_before(doc, statement, inside), author, "document"
                elif statement is not None and not self.speakers.is_medium(doc, verb, names):
                    subject = self.speakers.subject_of(verb)
                    if subject is not None and statement.start <= subject.i < statement.end and subject.dep_.startswith("nsubj") \
                            and (subject.i in names or self.speakers.is_role(subject)):
                        continue  # "Ministrul Sănătății, Alexandru Rogobete, a reacționat: „…”": the subject, not a statement
                    if subject is not None and subject.i < verb.i:
                        # "Bugetul a fost aprobat …, a anunțat primarul X": the parser took a word of the
                        # statement for the subject; the speaker stands after the verb.
                        subject = self.speakers.subject_after(verb)
                    if subject is not None and subject.i > verb.i:
                        speaker, via = self.speakers.resolve(doc, subject, verb, memory, number, names)
                        yield self._first_person_before(doc, statement, inside), speaker, via
                continue
            subject = self.speakers.subject_of(verb)
            if subject is None and verb.dep_ == "conj" and verb.head.i in inside:
                # "X a acuzat Primăria că „…” și a avertizat că …": the parser coordinated the verb with
                # one inside the quotation; it goes with the verb of saying that reports the quotation.
                outer = next((h for h in verb.head.ancestors if h.i not in inside and self.speakers.is_speech_verb(h)), None)
                subject = self.speakers.subject_of(outer) if outer is not None else None
            if subject is not None and getattr(names.get(subject.i), "label_", None) == "place":
                continue  # "Coreea de Nord a confirmat că …": a state's position, reported as a fact
            speaker, via = self.speakers.resolve(doc, subject, verb, memory, number, names)
            # (only a quotation before the next clause: "…, și că echipa nu se aștepta: „…”" is another's)
            first = _said_in(direct, clauses[0].left_edge.i, min([c.left_edge.i for c in clauses[1:]]
                                                                 + [clauses[0].right_edge.i + 1]))
            if first is not None and first._.speaker is not None:
                # "X susține că licitația „…” și că …": the clauses after the quotation are its speaker's
                speaker, via = first._.speaker, first._.speaker_via
            others = {c.i for c in clauses + elided}
            for clause in clauses + elided:
                if clause.i in claimed or clause in after_quotation and speaker is None:
                    continue  # (a clause after a quotation nobody is known to have said: left out)
                claimed.add(clause.i)
                if clause in elided:
                    speaker, via = self.speakers.resolve(doc, self._elided_subject(clause), verb, memory, number, names)
                span = self._clause_span(doc, clause, others - {clause.i}, inside)
                if self._quotes_inside(clause, inside, others - {clause.i}) \
                        and not (speaker is not None and self._before_colon(doc, span, inside)):
                    continue  # "a spus că aceștia au transformat „…”": the quotation is the quote
                if span is None or any(i in inside for i in range(span.start, span.end)):
                    continue
                if len([t for t in span if not t.is_punct]) >= MIN_WORDS:
                    yield span, speaker, via

    def _coordinated(self, verb: Token, clauses: list[Token], inside: set[int]) \
            -> tuple[list[Token], list[Token], list[Token]]:
        """The "că" clauses coordinated with the verb's first ones: (those the verb's subject says, the
        statements of another subject whose verb of saying is left out, those that follow a quotation)."""
        joined = [c for first in clauses for c in first.children if c.dep_ == "conj" and self._has_that(c)]
        after_quotation: list[Token] = []
        if clauses:
            # "a spus că A, dar că B": the parser may coordinate B with the verb; its "că" makes it reported
            coordinated = [c for c in verb.children if c.dep_ == "conj" and c.i > clauses[0].i and c not in clauses
                           and self.speakers.marked_that(c) and not self.speakers.is_speech_verb(c)
                           and (not any(x.dep_.startswith("nsubj") for x in c.children) or self._subject_before_that(c))]
            if any(t.i in inside for t in clauses[0].subtree):
                after_quotation = coordinated
            joined += coordinated
        # ("…, și că B, iar ministrul, că C": C hangs on B)
        joined += [c for first in joined for c in first.children if c.dep_ == "conj" and self._has_that(c) and c not in joined]
        # "Premierul a spus că A, iar ministrul, că B": a subject before the "că" leaves out the verb of
        # saying of another speaker, whose statement B is
        elided = [c for c in joined if self._subject_before_that(c)]
        # ("…, iar Irimia, că va face …": the parser coordinated the noun with the verb, the clause on it)
        elided += [c for c in verb.subtree if c.i > verb.i and c not in joined and c.dep_ != "conj"
                   and self._elided_subject(c) is not None]
        return [c for c in joined if c not in elided], elided, after_quotation

    def _addressed(self, inner: Span, speaker: str) -> bool:
        """The quotation opens by addressing the speaker: a word of address (`address_words`), their
        name and a comma or an exclamation mark ("Domnule Tătaru, …")."""
        if len(inner) < 3 or key(inner[0].text) not in self.address_words:
            return False
        end = next((t.i for t in inner[1: ADDRESS_WORDS + 2] if t.text in (",", "!")), None)
        if end is None or end == inner[1].i or not all(t.text[:1].isupper() for t in inner.doc[inner[1].i: end]):
            return False
        return key(inner.doc[end - 1].text) == key(speaker).split()[-1]

    def _elided_speaker(self, doc: Doc, inner: Span, memory: Memory, number: int,
                        names: dict[int, Span]) -> Optional[tuple[Optional[str], Optional[str]]]:
        """A quotation inside a statement whose verb of saying is left out ("X a spus că A, iar Y, că B
        „…”"): (speaker, how) of that statement's subject, Y; None when the quotation is in no such one."""
        for clause in (inner.root, *inner.root.ancestors):
            subject = self._elided_subject(clause)
            if subject is None and any(c.i < inner.start and self._elided_subject(c) == clause for c in clause.children):
                subject = clause  # (the quotation hung on the subject itself, after its clause)
            if subject is not None:
                verb = next((h for h in clause.ancestors if self.speakers.is_speech_verb(h)), None)
                return self.speakers.resolve(doc, subject, verb, memory, number, names) if verb is not None else None
        return None

    def _that_mark(self, clause: Token) -> Optional[int]:
        """Where the clause's "că" stands, if it has one."""
        return next((c.i for c in clause.children if c.dep_ == "mark" and key(c.text) in self.that), None)

    def _subject_before_that(self, clause: Token) -> bool:
        """The clause's subject stands before its "că" ("…, iar ministrul, că …")."""
        mark = self._that_mark(clause)
        return mark is not None and any(c.dep_.startswith("nsubj") and c.i < mark for c in clause.children)

    def _elided_subject(self, clause: Token) -> Optional[Token]:
        """The subject of a statement whose verb of saying is left out ("X a spus că A, iar Y, că B"), if
        `clause` (B) is one: its subject before its "că", or the noun coordinated with the verb of saying
        that the clause hangs on."""
        if clause.dep_ == "conj" and self._has_that(clause) and self._subject_before_that(clause):
            return next(c for c in clause.children if c.dep_.startswith("nsubj"))
        # "…, iar Irimia, că va face …": the clause hung on the noun, the noun on the verb of saying (or on
        # a word the parser coordinated with it); "iar" or "și" before the noun, a comma before "că"
        noun = clause.head
        mark = self._that_mark(clause)
        if mark is None or noun.i >= mark - 1 or noun.pos_ not in ("NOUN", "PROPN") or _text_at(clause, mark - 1) != "," \
                or not any(key(_text_at(clause, i)) in self.and_words for i in range(noun.left_edge.i - 1, noun.i)):
            return None  # (the "iar" may hang on the noun, or stand just before its phrase)
        up = [noun.head, noun.head.head] if noun.dep_ in ("conj", "nsubj") else []
        return noun if any(h.i < noun.i and self.speakers.is_speech_verb(h) for h in up) else None

    def _has_diacritics(self, doc: Doc) -> bool:
        if "has_diacritics" not in doc.user_data:
            text = doc.text.lower()
            doc.user_data["has_diacritics"] = any(letter in text for letter in self.diacritic_letters)
        return doc.user_data["has_diacritics"]

    def _request(self, doc: Doc, verb: Token, inside: set[int]) -> Optional[Span]:
        """ "a cerut (din nou) medicilor de familie să-și sune pacienții": from the addressee after the verb
        (or the clause when none is named) to the end of the "să" clause it asks for."""
        clause = next((c for c in verb.children if c.i > verb.i and c.dep_.startswith(("ccomp", "xcomp", "advcl"))
                       and any(m.dep_ == "mark" and key(m.text) in self.speakers.subjunctive_marks for m in c.children)), None)
        if clause is None:
            return None
        # The addressee ("Guvernului", "aliaților occidentali"), else the clause: not "din nou", "în paralel".
        start = min(t.i for c in verb.children if c.i > verb.i and (c == clause or c.dep_ in ("iobj", "obj"))
                    for t in c.subtree)
        end = max(t.i for t in clause.subtree) + 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if any(i in inside for i in range(start, end)) or any(
                t.i >= start and self.speakers.is_speech_verb(t) and t.i != verb.i for t in clause.subtree):
            return None  # a quotation or another verb of saying inside: not one request
        span = doc[start:end]
        return span if len([t for t in span if not t.is_punct]) >= MIN_WORDS else None

    def _statement_before(self, doc: Doc, sentence: Span, verb: Token, inside: set[int]) -> Optional[Span]:
        """ "Peste 600.000 de consumatori au rămas fără curent, a precizat operatorul Ukrenergo": the
        words from the start of the sentence (after a dateline) to the comma before the verb."""
        first = max(verb_start(verb), sentence.start)
        if any(key(t.text) in self.relative for t in doc[first: verb.i]):
            return None  # "…, cât estimează ministerul": a comparison, not an attribution
        if first - 1 <= sentence.start or doc[first - 1].text != ",":
            return None
        start = sentence.start
        for token in doc[sentence.start: min(first - 1, sentence.start + 12)]:
            if token.text in ("-", "–", "—") and token.i > sentence.start and doc[token.i - 1].text == ")":
                start = token.i + 1  # "KIEV, 22 nov (Agerpres) - ..."
        span = doc[start: first - 1]
        if any(i in inside for i in range(span.start, span.end)):
            return None  # (quotation marks around a name or a title, "exercițiul „Scutul Dunării 26”", may stay)
        if any(self.speakers.is_speech_verb(t) and self.speakers.is_finite(t) and (
                self.speakers.subject_after(t) is not None or any(self._has_that(c) for c in t.children)) for t in span):
            return None  # "…, a spus Kim …, a raportat KCNA": the statement is the first verb's ("a admis
            # obiecția, a anunțat instituția" is a statement: "admis" attributes nothing)
        if key(span[0].text) in self.according if len(span) else True:
            return None
        return span if len([t for t in span if not t.is_punct]) >= MIN_WORDS else None

    def _trimmed_end(self, doc: Doc, start: int, end: int) -> int:
        """A statement's end without the punctuation or the "și"/"iar" that close it."""
        while end > start and (doc[end - 1].is_punct or key(doc[end - 1].text) in self.and_words):
            end -= 1
        return end

    @staticmethod
    def _before_colon(doc: Doc, span: Optional[Span], inside: set[int]) -> bool:
        """The statement ends at a colon that opens a quotation ("a spus că doi pacienți au fost operați în
        timpul nopții: „Avem …”"): what comes before is a statement of its own."""
        if span is None:
            return False
        i = span.end
        while i < len(doc) and doc[i].is_punct and doc[i].text != ":" and i not in inside:
            i += 1
        return i + 1 < len(doc) and doc[i].text == ":" and (i + 1 in inside or doc[i + 1].is_quote and i + 2 in inside)

    def _bare_that_clause(self, doc: Doc, sentence: Span, verb: Token, inside: set[int]) -> Optional[Span]:
        """Text without diacritics, where the parse of "ca" (for "că") is too broken to give a clause ("Ea a
        explicat ca adaosul … este de doar 8%"): right after the verb, "ca" and a word that does not make
        it "as" or "in order to" (`not_that_after`) open the statement, which runs to the end of the
        sentence, a quotation mark or a semicolon."""
        if self._has_diacritics(doc):
            return None
        i = verb.i + 1
        if i + 1 >= sentence.end or key(doc[i].text) not in self.that or key(doc[i + 1].text) in self.not_that_after:
            return None
        end = i + 1
        while end < sentence.end and not doc[end].is_quote and doc[end].text != ";" and end not in inside:
            end += 1
        end = self._trimmed_end(doc, i + 1, end)
        span = doc[i + 1: end]
        return span if len([t for t in span if not t.is_punct]) >= MIN_WORDS and end == sentence.end - 1 else None

    def _that_clause_misattached(self, doc: Doc, sentence: Span, verb: Token) -> list[Token]:
        """ "a avertizat într-o intervenție publică că …", "i-a spus lui Barbu, la aceeași întâlnire, că …":
        the parser hung the "că" clause on a noun between, or coordinated it with the verb. The first "că"
        after the verb is its reported clause when no other verb stands between them and the clause
        hangs below the verb."""
        after = doc[verb.i + 1] if verb.i + 1 < sentence.end else None
        if after is not None and after.dep_ == "case" and key(after.text) in self.that and after.head.head.i == verb.i:
            # Text without diacritics: "a transmis ca circulatia … va fi inchisa": the parser made "ca" a
            # preposition of the clause's subject and hung that noun on the verb, the clause's verb beside it.
            end = after.head.right_edge.i
            return [c for c in verb.children if c.dep_.startswith("ccomp") and c.left_edge.i == end + 1
                    and (c.pos_ in ("VERB", "AUX") or any(x.dep_.startswith("aux") for x in c.children))][:1]
        for token in doc[verb.i + 1: sentence.end]:
            if token.pos_ in ("VERB", "AUX") and not (token.head.i == verb.i and not self.speakers.is_finite(token)) \
                    or token.is_quote:
                return []  # (a participle on the verb does not end it: "a spus joi, întrebat de jurnaliști, că")
            if token.dep_ == "mark" and key(token.text) in self.that:
                clause = token.head
                return [clause] if clause.i != verb.i and verb in clause.ancestors else []
        return []

    def _quotes_inside(self, clause: Token, inside: set[int], other_clauses: set[int] = frozenset()) -> bool:
        """A quotation in the clause itself, not under another verb of saying within it nor in a
        coordinated "și că …" clause (which is a statement of its own)."""
        nested = {t.i for c in clause.children if c.i in other_clauses for t in c.subtree}
        # "că PSD nu va vota moțiunea, deși „…”": a quotation in a subordinate clause after the statement
        # is cut off by _clause_span; the statement before it stands.
        nested |= {t.i for c in clause.children if c.dep_ == "advcl" and c.i > clause.i
                   and min(x.i for x in c.subtree) > clause.i for t in c.subtree}
        for verb in clause.subtree:
            if verb.i != clause.i and self.speakers.is_speech_verb(verb):
                nested |= {t.i for t in verb.subtree}
        return any(t.i in inside and t.i not in nested for t in clause.subtree)

    def _first_person_before(self, doc: Doc, statement: Span, inside: set[int]) -> Span:
        """A statement that opens its sentence takes in the sentences before it in the paragraph that
        also speak in the first person ("Inima mea doare… Nu știu cum…, a declarat Kim")."""
        start = statement.start
        if not statement[0].is_sent_start:
            return statement
        while start > 0:
            previous = doc[start - 1].sent
            if doc.user_data.get("paragraph_of", {}).get(previous.start) != doc.user_data.get("paragraph_of", {}).get(statement.start):
                break
            if any(i in inside for i in range(previous.start, previous.end)):
                break
            if not self._first_person(previous):
                break
            start = previous.start
        return doc[start: statement.end]

    def _first_person(self, sentence: Span) -> bool:
        """The sentence speaks in the first person: a first-person pronoun or possessive ("eu", "ne",
        "inima mea"), or verb, except a subjunctive the tagger may misread ("să îi condamne")."""
        for t in sentence:
            if "1" not in t.morph.get("Person"):
                continue
            if t.pos_ in ("PRON", "DET"):
                return True
            verb = t if t.pos_ == "VERB" else t.head
            if not any(c.dep_ == "mark" and key(c.text) in self.speakers.subjunctive_marks for c in verb.children):
                return True
        return False

    def _has_that(self, clause: Token) -> bool:
        if self.speakers.marked_that(clause):
            return True
        # Text without diacritics: the parser reads "ca" (for "că") as a preposition of the clause's
        # first noun ("a spus ca o parte din bani va merge …"); the clause still opens with it and has a
        # tensed verb with its auxiliary or subject.
        first = min(clause.subtree, key=lambda t: t.i)
        return (first.i < clause.i and first.text in self.that and clause.pos_ in ("VERB", "AUX")
                and "Ger" not in clause.morph.get("VerbForm")
                and any(c.dep_ in ("aux", "nsubj", "nsubj:pass") for c in clause.children))

    def _clause_span(self, doc: Doc, clause: Token, other_clauses: set[int], inside: set[int]) -> Optional[Span]:
        """The clause from after its "că" to its last word, without a coordinated "și că …" clause and
        ending before a part that holds a quotation ("…, susținând că „…”")."""
        excluded = {t.i for c in clause.children if c.i in other_clauses or c.dep_ == "conj" and self._has_that(c)
                    and self._subject_before_that(c) for t in c.subtree}
        excluded |= {t.i for c in clause.children if any(x.i in inside for x in c.subtree) for t in c.subtree}
        for verb in clause.subtree:
            # "…, în timp ce Ianis Hagi a spus că …": another speaker's statement ends this one.
            if verb.i != clause.i and self.speakers.is_speech_verb(verb) and self.speakers.subject_of(verb) is not None:
                first = min(t.i for t in verb.subtree)
                excluded |= set(range(first, max(t.i for t in verb.subtree) + 1))
        mark = self._that_mark(clause)
        tokens = sorted(t.i for t in clause.subtree)
        start = (mark + 1) if mark is not None else tokens[0]
        if mark is None:
            # "a transmis ca circulatia … va fi inchisa": the clause's subject, hung on the verb with "ca"
            # (text without diacritics), opens the clause.
            subject = next((c for c in clause.head.children if c.i < clause.i and c.right_edge.i == start - 1
                            and c.left_edge.i > 0 and c.left_edge.dep_ == "case" and key(c.left_edge.text) in self.that), None)
            if subject is not None:
                start = subject.left_edge.i + 1
        end = start
        for i in range(start, tokens[-1] + 1):
            if i in excluded or i in inside:
                break
            end = i + 1
        end = self._trimmed_end(doc, start, end)
        while start < end and doc[start].is_punct and not doc[start].is_quote:
            start += 1  # "a precizat că, după accident, …": no comma opens the statement
        return doc[start:end] if end > start else None

    def _statement_owner(self, sentence: Span, names: dict[int, Span]) -> Optional[str]:
        """The person or organization a sentence says the words before were ("Declarația îi aparține
        deputatului PSD Costel Anghelache", "Este reacția lui Bogdan Lazăr"): the one named in the
        complement of a statement noun's verb of belonging, or of the statement noun after a copula."""
        root = sentence.root
        if key(root.lemma_) in self.owner_verbs and any(
                c.dep_ == "nsubj" and key(c.lemma_) in self.statement_nouns for c in root.children):
            owners = [c for c in root.children if c.dep_ in ("iobj", "obl", "obj")]
        elif key(root.lemma_) in self.statement_nouns and any(c.dep_ == "cop" for c in root.children):
            owners = [c for c in root.children if c.dep_ == "nmod"]
        else:
            return None
        named = [names[t.i] for owner in owners for t in owner.subtree if t.i in names and names[t.i]._.canonical]
        # (the person before the party or institution that describes them: "deputatului PNL … Ion Crăciun")
        return next((s._.canonical for kind in ("person", "organization") for s in named if s.label_ == kind), None)

    # -- salience ---------------------------------------------------------------------------------

    def _unnamed_speaker(self, sentence: Span, memory: Memory, number: int, paragraph: int,
                         names: dict[int, Span], quoted: list[Span]) -> None:
        """ "O asistentă din secție … a declarat că …": someone unnamed speaks in this sentence, or a role
        nobody was tied to is what it speaks of ("Liderul social-democraților a fost și mai direct."); a
        pronoun from here on may mean them, so it means nobody (`Memory.unnamed`)."""
        subject = _main_subject(sentence)
        verb = sentence.root
        if subject is None or any(q.start <= subject.i < q.end for q in quoted) or subject.text[:1].isdigit():
            # "„Nimeni nu a vrut …”, a spus un membru al comisiei": who says it, when someone new (an
            # indefinite noun, which the parser may make the object of the verb that closes the quotation);
            # a definite one may be the person just named ("…”, spune femeia de 64 de ani). (No subject, or
            # the hour that opens a live text's entry, which the parser may take for one: the same.)
            verb = next((t for t in sentence if self.speakers.is_speech_verb(t)
                         and not any(q.start <= t.i < q.end for q in quoted)), None)
            subject = self.speakers.subject_of(verb) if verb is not None else None
            if subject is None and verb is not None and self.speakers.attributes(verb):
                subject = next((c for c in verb.rights if c.dep_ == "obj"), None)
            if subject is not None and not self.speakers.is_indefinite(subject) \
                    and not (self.speakers.is_role(subject) and _of_someone(subject)):
                return  # (but "…”, a spus căpitanul echipei": whose role it is says it is someone new)
        if subject is None or not self.speakers.unnamed_person(subject):
            return
        named = names.get(subject.i)
        names_someone = any(names[t.i].label_ == "person" and names[t.i]._.canonical for t in sentence if t.i in names)
        role = self.speakers.is_role(subject)
        holder = self.speakers.role_holder(sentence.doc, subject) if role else None  # (asked once, used twice)
        if self.speakers.is_speech_verb(verb):
            # (a reference the entity layer kept without a name: a role may be the one just named,
            # "Oficialul a mai spus"; a relative in a sentence that names nobody is not, "Bunica mea mi-a povestit";
            # nor is an office of a named institution the article tied to nobody, "Ministrul Transporturilor a spus")
            if named is not None and (named._.canonical or names_someone
                                      or role and not self.speakers.is_kin(subject)
                                      and not (holder is None and _of_someone(subject))) \
                    or any(getattr(names.get(t.i), "label_", None) == "person" for t in subject.subtree if t.i != subject.i):
                return
        elif not role or self.speakers.is_indefinite(subject) or names_someone:
            return  # (a role as the subject of a sentence that names nobody)
        if self.speakers.person_in_apposition(subject, names) or holder:
            return
        memory.unnamed(self.speakers.noun_gender(subject), number, paragraph)

    def _remember(self, sentence: Span, memory: Memory, number: int, paragraph: int, names: dict[int, Span],
                  people: dict[str, Optional[str]], quotes: list[Span]) -> None:
        """The people this sentence makes salient: its main subject, then its speakers."""
        subject = _main_subject(sentence)
        named = names.get(subject.i) if subject is not None else None
        person = named._.canonical if named is not None and named.label_ == "person" else None
        if subject is not None and person is None:
            # "Prefectul județului, Dorin Bălășescu, a cerut …": the person named beside the role.
            person = self.speakers.person_in_apposition(subject, names)
        if subject is not None and person is None and named is None and self.speakers.is_role(subject) \
                and subject.morph.get("Number") != ["Plur"]:
            # "Directorul AIEA urmează să se întoarcă …": the person the article tied the role to.
            person = self.speakers.role_holder(sentence.doc, subject)
        if subject is not None and person is None and self.speakers.unknown_name(sentence.doc, subject, names):
            # "Marcel, un viticultor …, spune că …" with no name kept for Marcel: a pronoun from here on may
            # mean him, so it means nobody, not someone named before him.
            memory.unnamed(self.speakers.gender(subject.text), number, paragraph)
        if subject is not None and person is None and named is None and subject.pos_ == "NOUN" \
                and not self.speakers.is_role(subject):
            # "Cel mai tensionat moment a venit când avocatul, Mihnea Stoian, a contestat …": with a thing
            # as the main subject, the person who acts in the clause of time or cause is the salient one.
            subject = next((c for clause in sentence.root.children if clause.dep_ == "advcl"
                            for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            named = names.get(subject.i) if subject is not None else None
            person = named._.canonical if named is not None and named.label_ == "person" else None
            if subject is not None and person is None:
                person = self.speakers.person_in_apposition(subject, names)
        if person:
            spoke = self.speakers.is_speech_verb(sentence.root)  # "Rafila a anunțat noi măsuri."
            memory.note(person, self.speakers.gender(person, people.get(person)), number, paragraph, spoke=spoke)
            for conj in subject.conjuncts if subject is not None else ():
                other = names.get(conj.i)
                if other is not None and other.label_ == "person" and other._.canonical:
                    # "Maria Popescu și Elena Ionescu au …": two subjects, so "ea" next is ambiguous.
                    memory.note(other._.canonical, self.speakers.gender(other._.canonical, other._.role), number, paragraph)
                elif other is None and (apposed := self.speakers.person_in_apposition(conj, names)):
                    # "Radu Ciobotaru și purtătoarea de cuvânt a PMB, Irina Mocanu, au prezentat …": a role
                    # with its holder's name beside it is the other subject.
                    memory.note(apposed, self.speakers.gender(apposed, people.get(apposed)), number, paragraph)
        for token in sentence:
            span = names.get(token.i)
            if span is not None and span.start == token.i and span.label_ == "person" and span._.canonical:
                if self._after_according(token):
                    # "Potrivit dr. X, …": X speaks for the sentence.
                    memory.note(span._.canonical, self.speakers.gender(span._.canonical, span._.role), number, paragraph)
        for quote in quotes:
            if quote._.speaker and quote._.speaker not in people and quote._.speaker_via in ("name", "document"):
                memory.organization_spoke(quote._.speaker, number)
            if quote._.speaker in people:
                memory.note(quote._.speaker, self.speakers.gender(quote._.speaker, people[quote._.speaker]),
                            number, paragraph, spoke=True)

    def _speaking(self, doc: Doc, sentence: Span, memory: Memory, number: int, names: dict[int, Span]) -> Optional[str]:
        """The person a sentence shows speaking without a quote ("Ministrul, Ionuț Moșteanu, a vorbit")."""
        for verb in sentence:
            if self.speakers.is_speech_verb(verb):
                subject = self.speakers.subject_of(verb)
                if subject is not None:
                    speaker, via = self.speakers.resolve(doc, subject, verb, memory, number, names)
                    if via == "name":
                        return speaker
        return None

    def _after_according(self, token: Token) -> bool:
        """ "Potrivit dr. X": an attribution phrase before the name, past titles."""
        for back in range(1, 4):
            if token.i - back < 0:
                return False
            before = token.doc[token.i - back]
            if key(before.text) in self.according:
                return True
            if not (before.is_punct and before.text == "." or key(before.text) in self.speakers.titles or before.pos_ == "DET"):
                return False
        return False

    @staticmethod
    def _people_named(sentences: list[Span], names: dict[int, Span]) -> list[str]:
        """The people named in these sentences, in reading order (a name once per token)."""
        return [names[t.i]._.canonical for s in sentences for t in s
                if t.i in names and names[t.i].label_ == "person" and names[t.i]._.canonical]


def doc_title(span: Span) -> str:
    return span.doc.user_data.get("title") or ""


def _initials(text: str, letters_only: bool = False) -> str:
    """ "I.M.:" and "Ilinca Mușat" -> "im" (with `letters_only`, only "I.M.:" gives them)."""
    words = [w for w in re.split(r"[\s.:*_]+", text) if w]
    letters = all(len(w) == 1 for w in words)
    return "".join(key(w)[:1] for w in words) if letters or len(words) > 1 and not letters_only else ""


def _of_someone(role: Token) -> bool:
    """A role of a named institution ("Ministrul Transporturilor", "directorul Spitalului Județean") or of a
    group named by a noun in the genitive ("căpitanul echipei", "antrenorul dinamoviștilor")."""
    return any(c.dep_ == "nmod" and not c.is_sent_start and (c.text[:1].isupper() and c.ent_type_ != "PERSON"
                                                             or c.pos_ == "NOUN" and in_genitive(c))
               for c in role.children)  # (not the holder's name: "actrița Elena Suciu")


def _main_subject(sentence: Span) -> Optional[Token]:
    """The subject of the sentence's main verb."""
    return next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)


def _text_at(token: Token, i: int) -> str:
    """The text of token `i` of `token`'s document ("" out of it)."""
    return token.doc[i].text if 0 <= i < len(token.doc) else ""


def _said_in(quotes: list[Span], start: int, end: int) -> Optional[Span]:
    """The first of `quotes` that overlaps the tokens from `start` to `end`, if any."""
    return next((q for q in quotes if q.start < end and start < q.end), None)


def _quotes_filling(found: list[Span], span: Span) -> list[Span]:
    """The quotations found in `span` when they are direct and all of it but its punctuation, else []."""
    quotes = [q for q in found if span.start <= q.start < span.end]
    if all(q._.direct for q in quotes) and all(t.is_punct or any(q.start <= t.i < q.end for q in quotes) for t in span):
        return quotes
    return []


def _past_marks(doc: Doc, start: int, end: int) -> int:
    """The first token from `start` (before `end`) that is not only bold or italic marks ("**") nor the
    dash that opens a turn of dialogue ("— Lucrările încep în septembrie")."""
    while start < end and doc[start].text.strip("*_—–-") == "":
        start += 1
    return start


def _words_before(doc: Doc, start: int, end: int) -> Optional[Span]:
    """The words from `start` up to `end`, without the punctuation before `end`; None when fewer than
    MIN_WORDS are left."""
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if len([t for t in doc[start:end] if not t.is_punct]) < MIN_WORDS:
        return None
    return doc[start:end]


def _quote(span: Span, speaker: Optional[str], via: Optional[str], direct: bool) -> Span:
    out = Span(span.doc, span.start, span.end, label="quote")
    out._.speaker = speaker
    out._.speaker_via = via if speaker else None
    out._.direct = direct
    return out


def _date_of(verb: Token, inner: Span) -> Optional[int]:
    """A word of time attached to the verb of saying, outside the quotation ("a declarat marți")."""
    for child in verb.children:
        if inner.start <= child.i < inner.end:
            continue
        if child.ent_type_ in ("DATETIME", "PERIOD") and child.dep_ not in ("ccomp", "parataxis", "conj"):
            return child.i
    return None


def _names(doc: Doc) -> dict[int, Span]:
    """Token index -> the entity span it belongs to."""
    out: dict[int, Span] = {}
    for span in doc.spans.get("entities", []):
        for i in range(span.start, span.end):
            out[i] = span
    return out


def _paragraphs(doc: Doc, layout, lang: Lang) -> list[tuple[int, list[Span]]]:
    """(paragraph number, sentence spans) in reading order, without page furniture (a "Citește și" line
    names people who do not speak in this article) nor a live text's time stamp ("19:10 | Premierul a
    ajuns …": the sentence is its entry, whose subject is the one a pronoun after it may mean)."""
    by_paragraph: dict[int, list[Span]] = {}
    for start, sentence in zip(layout.starts, layout.sentences):
        if sentence.furniture:
            continue
        entry = stamp_end(sentence.text, lang)
        span = doc.char_span(start + entry, start + len(sentence.text), alignment_mode="expand")
        if span is not None and len(span):
            by_paragraph.setdefault(sentence.paragraph, []).append(span)
    return sorted(by_paragraph.items())


def sentences_numbered(layout, sentences: list[Span]) -> list[tuple[int, Span]]:
    """Each sentence span with its index in the article (for how far back a pronoun may reach)."""
    # (the sentence a span starts in: a live text's entry starts after its stamp)
    return [(max(0, layout.index_at(s.start_char)), s) for s in sentences]
