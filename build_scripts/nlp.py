"""The Romanian spaCy pipeline, loaded once per process, with our extractors after the model's components.

The model (`ro_legal_fl`: tokenizer, tagger, morphologizer, parser, lemmatizer, NER) runs per paragraph,
so a quotation over several sentences stays inside one parse and one paragraph's cost never depends on
another's. The paragraphs are then joined into one `Doc` for the article, and our components (listed in
`extract/__init__.py`) run over it in order, so a pronoun can point back to a person of an earlier
paragraph. Sentence boundaries are the ones `segment.py` gave (the anchors of the pages); the parser keeps
them.
"""
from __future__ import annotations

import bisect
import functools
import time
import warnings
from dataclasses import dataclass
from typing import Optional

from .model import Article, ArticleFacts, Sentence

MODEL = "ro_legal_fl"
MODEL_VERSION = "3.6.1"
CHUNK_CHARS = 20_000  # the model parses a long paragraph in pieces of whole sentences
BATCH_CHARS = 6_000   # paragraphs given to the model together (faster than one by one)
# An en or em dash between two letters separates two words ("linia Bălți–Suceava"): the model's
# tokenizer would keep "Bălți–Suceava" as one token, so neither place could be a span of its own.
DASH_INFIX = r"(?<=[^\W\d_])[–—](?=[^\W\d_])"


@functools.lru_cache(maxsize=1)
def load():
    """The pipeline with our components appended (loaded once per process)."""
    import spacy

    from . import extract
    from .extract.spans import register_extensions

    # The model's attribute_ruler ships without patterns and warns about it on every document.
    warnings.filterwarnings("ignore", message=r".*\[W036\].*")
    register_extensions()
    extract.register()
    nlp = spacy.load(MODEL)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, DASH_INFIX]).finditer
    for name, _ in extract.COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def model_version() -> str:
    """Name and version of the statistical model (part of the extraction cache key)."""
    import importlib.metadata

    try:
        return f"{MODEL}=={importlib.metadata.version('ro-legal-fl')}"
    except importlib.metadata.PackageNotFoundError:
        return f"{MODEL}=={MODEL_VERSION}"


def _ours(nlp) -> list[str]:
    from . import extract

    return [name for name, _ in extract.COMPONENTS if name in nlp.pipe_names]


@dataclass
class Layout:
    """Where each sentence of the article sits in the article's Doc (character offsets)."""

    starts: list[int]            # doc character offset of each parsed sentence, ascending
    sentences: list[Sentence]    # the sentences, in the same order (fewer than the article's when time ran out)
    total: int                   # the article's sentences

    def sentence_at(self, char: int) -> Optional[tuple[Sentence, int]]:
        """The sentence holding doc character `char`, and the offset of that character in it."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0:
            return None
        return self.sentences[i], char - self.starts[i]


def analyze(article: Article, published=None, deadline: Optional[float] = None, nlp=None):
    """The article's Doc with every layer filled; `deadline` (time.monotonic()) stops the model early.

    Returns (doc, layout). Paragraphs not reached before the deadline are left out: the article is built
    from the facts found so far and the caller reports it.
    """
    from spacy.tokens import Doc

    nlp = nlp or load()
    ours = _ours(nlp)
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in article.sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    offsets, start = [], 0
    for text in article.paragraphs:
        offsets.append(start)
        start += len(text) + 2  # paragraphs are joined by a blank line in Article.body
    docs: list[Doc] = []
    pieces: list[list[Sentence]] = []  # the sentences of each doc, which starts at its first sentence
    chunks = [chunk for index in range(1, len(article.paragraphs) + 1) for chunk in _chunks(by_paragraph.get(index, []))]
    model = [(name, proc) for name, proc in nlp.pipeline if name not in ours]
    for batch in _batches(chunks):
        # The model runs on a few paragraphs at a time (its matrices work best on batches); the time
        # budget is checked between batches.
        if deadline is not None and time.monotonic() > deadline:
            break
        batch_docs = []
        for chunk in batch:
            base = chunk[0].start
            doc = nlp.make_doc(article.body[base: chunk[-1].end])
            _set_sentence_starts(doc, [s.start - base for s in chunk])
            batch_docs.append(doc)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name, proc in model:
                batch_docs = list(proc.pipe(batch_docs)) if hasattr(proc, "pipe") else [proc(d) for d in batch_docs]
        docs += batch_docs
        pieces += batch
    doc = Doc.from_docs(docs, ensure_whitespace=True) if docs else nlp.make_doc("")
    # Sentence offsets in the joined Doc: each piece is followed by one space.
    layout_starts, layout_sentences, at = [], [], 0
    for pdoc, chunk in zip(docs, pieces):
        for s in chunk:
            layout_starts.append(at + s.start - chunk[0].start)
            layout_sentences.append(s)
        at += len(pdoc.text) + (0 if pdoc.text.endswith(" ") else 1)
    layout = Layout(layout_starts, layout_sentences, len(article.sentences))
    doc.user_data["published"] = published if published is not None else article.published
    doc.user_data["layout"] = layout
    doc.user_data["source"] = article.source  # the publication: an organization when named
    doc.user_data["title"] = article.title     # an interview's title names the interviewee
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc, layout


def _batches(chunks: list[list[Sentence]]) -> list[list[list[Sentence]]]:
    """Consecutive chunks in batches of at most BATCH_CHARS characters (one chunk may exceed it alone)."""
    out: list[list[list[Sentence]]] = []
    size = 0
    for chunk in chunks:
        length = chunk[-1].end - chunk[0].start
        if out and size + length <= BATCH_CHARS:
            out[-1].append(chunk)
            size += length
        else:
            out.append([chunk])
            size = length
    return out


def _chunks(sentences: list[Sentence]) -> list[list[Sentence]]:
    """A paragraph's sentences in pieces of at most CHUNK_CHARS (a sentence is never split), so the
    time budget is checked often even in one huge paragraph; a quotation stays within its sentence."""
    out: list[list[Sentence]] = []
    for s in sentences:
        if out and out[-1][-1].end - out[-1][0].start + len(s.text) <= CHUNK_CHARS:
            out[-1].append(s)
        else:
            out.append([s])
    return out


def analyze_text(text: str, published=None, nlp=None, title: str = ""):
    """A Doc of free text with every layer (tests, examples, evaluation on single sentences); paragraphs
    are separated by a blank line."""
    from . import lang as lang_mod
    from .segment import split_sentences

    nlp = nlp or load()
    article = Article(id="text", path="text", title=title, title_derived=not title, published=published,
                      published_inferred=False, paragraphs=[p for p in text.split("\n\n") if p.strip()])
    article.sentences = split_sentences(article, lang_mod.load())
    return analyze(article, published=published, nlp=nlp)


def _set_sentence_starts(doc, starts: list[int]) -> None:
    """Mark exactly the given sentence starts (character offsets) so the parser keeps them.

    Set in one array: assigning `token.is_sent_start` token by token checks the whole Doc each time.
    """
    import numpy
    from spacy.attrs import SENT_START

    wanted = sorted(set(starts))
    values = numpy.full((len(doc), 1), -1, dtype="int64")
    if len(doc):
        values[0, 0] = 1
    token_starts = [t.idx for t in doc]
    for char in wanted:
        # The token holding the character (a start that fell inside a run cut without a space).
        i = bisect.bisect_right(token_starts, char) - 1
        if 0 <= i < len(doc):
            values[i, 0] = 1
    doc.from_array([SENT_START], values.astype("uint64"))  # spaCy reads -1 back from its two's complement


def extract_article(article: Article, budget: Optional[float] = None) -> ArticleFacts:
    """All facts of `article` (already split into sentences, publication date settled).

    `budget` (seconds) bounds the statistical model: paragraphs it did not reach in time are left out,
    and `article.warnings` says so.
    """
    from .extract.records import facts_from_doc

    started = time.monotonic()
    deadline = started + budget if budget else None
    doc, layout = analyze(article, deadline=deadline)
    if len(layout.sentences) < layout.total:
        article.warnings.append(
            f"extraction stopped after {budget:g} s: facts come from the first {len(layout.sentences)} of "
            f"{layout.total} sentences only")
    return facts_from_doc(article, doc, layout)
