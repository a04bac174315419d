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
import collections
import contextlib
import functools
import gc
import pickle
import time
import warnings
import weakref
from dataclasses import dataclass
from typing import Iterator, Optional

from . import lang as lang_mod
from .model import Article, ArticleFacts, Sentence
from .segment import split_sentences, stamp_end

MODEL = "ro_legal_fl"
MODEL_VERSION = "3.6.1"
CHUNK_CHARS = 20_000  # the model parses a long paragraph in pieces of whole sentences
BATCH_CHARS = 6_000   # paragraphs given to the model together (faster than one by one)
# An en or em dash between two letters separates two words ("linia Bălți–Suceava"): the model's
# tokenizer would keep "Bălți–Suceava" as one token, so neither place could be a span of its own.
DASH_INFIX = r"(?<=[^\W\d_])[–—](?=[^\W\d_])"
# A full stop after an acronym written in mixed case ("potrivit datelor MApN.") ends the sentence: the
# model's tokenizer splits it only after two capitals or a lowercase letter, so "MApN." stayed one token.
MIXED_ACRONYM_STOP = r"(?<=[a-zăâîșț][A-ZĂÂÎȘȚ])\."
KEPT_TOKENS = 200_000  # tokens of parsed paragraphs a process keeps for the next analysis (`Parsed`)


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
    with _collector_kept():
        nlp = spacy.load(MODEL)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, DASH_INFIX]).finditer
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex([*nlp.Defaults.suffixes, MIXED_ACRONYM_STOP]).search
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

    def index_at(self, char: int) -> int:
        """The index of the sentence holding doc character `char` (-1 before the first)."""
        return bisect.bisect_right(self.starts, char) - 1

    def sentence_at(self, char: int) -> Optional[tuple[Sentence, int]]:
        """The sentence holding doc character `char`, and the offset of that character in it."""
        i = self.index_at(char)
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
    docs: list[Doc] = []
    pieces: list[list[Sentence]] = []  # the sentences of each doc, which starts at its first sentence
    chunks = _article_chunks(article)
    model = [(name, proc) for name, proc in nlp.pipeline if name not in ours]
    parsed = _parsed(nlp)
    keys = [_chunk_key(article.body, chunk) for chunk in chunks]
    key_of = {id(chunk): k for chunk, k in zip(chunks, keys)}
    found = {k: parsed.get(k) for k in keys}
    for batch in _batches([chunk for chunk, k in zip(chunks, keys) if found[k] is None]):
        # The model runs on a few paragraphs at a time (its matrices work best on batches); the time
        # budget is checked between batches.
        if deadline is not None and time.monotonic() > deadline:
            break
        batch_keys = [key_of[id(chunk)] for chunk in batch]
        batch_docs = []
        for text, starts in batch_keys:
            doc = nlp.make_doc(text)
            _set_sentence_starts(doc, list(starts))
            batch_docs.append(doc)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name, proc in model:
                batch_docs = list(proc.pipe(batch_docs)) if hasattr(proc, "pipe") else [proc(d) for d in batch_docs]
        for k, pdoc in zip(batch_keys, batch_docs):
            found[k] = parsed.put(k, pdoc)
    for chunk, k in zip(chunks, keys):
        if found[k] is None:  # not reached before the deadline: the article ends here
            break
        docs.append(found[k])
        pieces.append(chunk)
    doc = Doc.from_docs(docs, ensure_whitespace=True, exclude=["tensor"]) if docs else nlp.make_doc("")
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


def _article_chunks(article: Article) -> list[list[Sentence]]:
    """The pieces the model parses: each paragraph's sentences, in chunks (`_chunks`)."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in article.sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    return [chunk for index in range(1, len(article.paragraphs) + 1) for chunk in _chunks(by_paragraph.get(index, []))]


def parses_of(article: Article, nlp=None) -> Optional[bytes]:
    """The model's parses of the article's paragraphs that this process keeps (after `analyze`), as
    bytes for the cache (`keep_parses` takes them back), or None when none is kept."""
    from spacy.tokens import DocBin

    parsed = _parsed(nlp or load())
    keys, docs = [], []
    for k in dict.fromkeys(_chunk_key(article.body, chunk) for chunk in _article_chunks(article)):
        doc = parsed.get(k)
        if doc is not None:
            keys.append(k)
            docs.append(doc)
    if not docs:
        return None
    return pickle.dumps((keys, DocBin(docs=docs, store_user_data=False).to_bytes()), protocol=pickle.HIGHEST_PROTOCOL)


def keep_parses(data: bytes, nlp=None) -> None:
    """Keep the parses `parses_of` gave (of an earlier version of an article): analysing the article
    again parses only the paragraphs that changed. Unreadable bytes are ignored."""
    from spacy.tokens import DocBin

    nlp = nlp or load()
    try:
        with _collector_kept():
            keys, packed = pickle.loads(data)
            docs = list(DocBin().from_bytes(packed).get_docs(nlp.vocab))
    except Exception:  # noqa: BLE001 - a damaged cache file (pickle, zlib, msgpack errors) only costs the parse
        return
    parsed = _parsed(nlp)
    for k, doc in zip(keys, docs):
        if isinstance(k, tuple) and len(k) == 2 and doc.text == k[0]:
            parsed.put(k, doc)


@contextlib.contextmanager
def _collector_kept() -> Iterator[None]:
    """The cycle collector left as it was: spaCy reads its files with `srsly.msgpack_loads`, which
    turns the collector on whatever it was, and a build pauses it (`session.no_gc`); left on, it walks
    the whole build's records in the middle of the build (0.7 s at 1000 articles)."""
    enabled = gc.isenabled()
    try:
        yield
    finally:
        if not enabled:
            gc.disable()


def _chunk_key(body: str, chunk: list[Sentence]) -> tuple[str, tuple[int, ...]]:
    """What the model parses of a chunk: its text and where its sentences start in it (and where the
    entry of a live text starts after its time stamp: the model reads it as a sentence of its own)."""
    lang, base = lang_mod.load(), chunk[0].start
    starts = []
    for s in chunk:
        starts.append(s.start - base)
        entry = stamp_end(s.text, lang)
        if entry:
            starts.append(s.start - base + entry)
    return body[base: chunk[-1].end], tuple(starts)


class Parsed:
    """The model's parses of the paragraphs (chunks) a process analysed last, by text and sentence
    starts, up to KEPT_TOKENS tokens (the least recently used go first). A parse does not depend on the
    other paragraphs nor on the batch it was parsed in, so a kept one is the parse the model would give;
    our components run on the article's joined Doc, a copy, so a kept parse is never changed."""

    def __init__(self, limit: int = KEPT_TOKENS):
        self.limit = limit
        self.tokens = 0
        self._docs: "collections.OrderedDict[tuple, object]" = collections.OrderedDict()

    def get(self, key: tuple):
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
        return doc

    def put(self, key: tuple, doc):
        """Keep `doc` (without its tensor: our components do not read it) and return it."""
        import numpy

        doc.tensor = numpy.zeros((0,), dtype="float32")
        if key not in self._docs and len(doc) <= self.limit:
            self._docs[key] = doc
            self.tokens += len(doc)
            while self.tokens > self.limit:
                _, old = self._docs.popitem(last=False)
                self.tokens -= len(old)
        return doc


_PARSED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _parsed(nlp) -> Parsed:
    """The kept parses of a pipeline (one store per loaded pipeline)."""
    found = _PARSED.get(nlp)
    if found is None:
        found = _PARSED[nlp] = Parsed()
    return found


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


def analyze_text(text: str, published=None, nlp=None, title: str = "", source: Optional[str] = None):
    """A Doc of free text with every layer (tests, examples, evaluation on single sentences); paragraphs
    are separated by a blank line; `source`: the publication."""
    nlp = nlp or load()
    article = Article(id="text", path="text", title=title, title_derived=not title, published=published,
                      published_inferred=False, paragraphs=[p for p in text.split("\n\n") if p.strip()],
                      source=source)
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
