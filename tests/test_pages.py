"""The reader's pages, page kind by page kind: what each shows, checked on the rendered Markdown turned
into HTML with the site's own extensions (the seeds, the ten-article story, and small made-up stories
for what only large stories do: a chronology split by year, a paginated entities table)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import posixpath
import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from hypothesis import given, settings, strategies as st

from build_scripts import pipeline
from build_scripts.model import (Article, ArticleFacts, Conflict, ConflictVersion, Correction, Entity, Event,
                                 EventSource, Mention, NumberMention, Quote, Repeat, ReviewItem, Sentence,
                                 Story, StoryEntity, StoryInfo)
from build_scripts.render import (CHRONOLOGY, ENTITIES, HOME, METHOD, QUOTES, REVIEW, article_page,
                                  render_site)
from build_scripts.render import chronology as chronology_mod
from build_scripts.render import entities as entities_mod
from build_scripts.render import feed as feed_mod
from build_scripts import render as render_mod
from build_scripts.render import home as home_mod
from build_scripts.render import paging as paging_mod
from build_scripts.render import quotes as quotes_mod
from build_scripts.render.markup import md, relpath
from conftest import ROOT
from sites import story_seeds

EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]
CORRECTIONS = """\
updated: 2026-05-20
roles:
  Cornel Drăgulescu: procurorul-șef al Parchetului de pe lângă Tribunalul Teleorman
speakers:
  "Situația este sub control, dar": Dorin Bălășescu
kinds:
  Agrochim Dunărea: organization
hide:
  - "Nimic din toate acestea nu apare"
"""


# -- helpers ------------------------------------------------------------------------------------------

def html(page: str) -> str:
    """A generated page (front matter dropped) as the HTML MkDocs would make of it."""
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS)


def text_of(fragment: str) -> str:
    """The visible text of an HTML fragment, whitespace folded."""
    parser = _Text()
    parser.feed(fragment)
    return " ".join("".join(parser.parts).split())


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def front(page: str) -> dict:
    return yaml.safe_load(page.split("---\n", 2)[1])


def section(page_html: str, heading: str) -> str:
    """The HTML from an h2 with this text to the next h2."""
    match = re.search(rf"<h2[^>]*>{re.escape(heading)}</h2>(.*?)(?=<h2|\Z)", page_html, re.S)
    assert match, f"no section {heading!r}"
    return match.group(1)


@pytest.fixture(scope="module")
def ten(tmp_path_factory, lang):
    """The ten-article story and its files."""
    story = pipeline.run(story_seeds(tmp_path_factory.mktemp("story") / "seeds"), lang)
    return story, render_site(story)


@pytest.fixture(scope="module")
def corrected(tmp_path_factory, lang):
    """The ten-article story with an editor's corrections file."""
    story = pipeline.run(story_seeds(tmp_path_factory.mktemp("edited") / "seeds", CORRECTIONS), lang)
    return story, render_site(story)


# -- escaping -----------------------------------------------------------------------------------------

def test_md_escapes_each_character_once():
    out = md("''provocare pe scară largă'' & <b> #1 [x](y) O'Neill")
    assert "&#x27;" not in out and "&amp;#" not in out
    rendered = markdown.markdown(str(out))
    assert text_of(rendered) == "''provocare pe scară largă'' & <b> #1 [x](y) O'Neill"
    assert "<b>" not in rendered and "<a " not in rendered


_PART = st.sampled_from(["a", "b", "ab", "cronologie", "2024", "index.md", "x.md"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PART, max_size=4), st.lists(_PART, max_size=4))
def test_relpath_between_pages_is_the_standard_one(path, start):
    assert relpath("/".join(path), "/".join(start)) == posixpath.relpath("/".join(path) or ".", "/".join(start) or ".")


def test_md_keeps_a_number_at_the_start_from_becoming_a_list():
    for text in ("1986. Anul acordului", "- nu o listă"):
        rendered = markdown.markdown(str(md(text)))
        assert "<ol>" not in rendered and "<ul>" not in rendered and text_of(rendered) == text


# -- home ---------------------------------------------------------------------------------------------

def test_home_opens_with_the_story_title_and_the_editors_summary(ten):
    story, files = ten
    page = html(files[HOME])
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page).group(1)
    assert text_of(h1) == story.info.title
    first = re.search(r"</h1>\s*<p[^>]*>(.*?)</p>", page, re.S).group(1)
    assert text_of(first).startswith(" ".join(story.info.summary.split())[:60])
    assert "titlu formulat din articole" not in text_of(page).lower()
    opening = text_of(_opening(page))  # the editor's summary, no article's lead
    assert not any(f.article.sentences[0].text[:50] in opening for f in story.articles)


def test_home_without_summary_gives_the_newest_lead_and_a_line_per_article(ten):
    story, _ = ten
    bare = dataclasses.replace(story, info=StoryInfo(title="Povestea", title_derived=True))
    page = html(render_site(bare)[HOME])
    assert "Titlu formulat din articole" in text_of(page)
    opening = _opening(page)
    newest = max(story.articles, key=lambda f: (f.article.published, f.article.id))
    assert newest.article.sentences[0].text[:60] in text_of(opening)
    others = [f for f in story.articles if f is not newest]
    assert not any(f.article.sentences[0].text in text_of(opening) for f in others)  # one lead only
    lines = re.findall(r"<li>(.*?)</li>", opening, re.S)
    assert len(lines) == len(others) and all(article_page(f) in opening for f in others)


def _opening(page: str) -> str:
    """The home page between its title and the "Pe scurt" box."""
    return page.split("</h1>", 1)[1].split('<div class="admonition abstract">', 1)[0]


def test_home_knows_disputes_and_unknowns(ten):
    story, files = ten
    text = text_of(html(files[HOME]))
    for item in story.info.known + story.info.disputed + story.info.unknown:
        assert " ".join(item.split()) in text
    for title in ("Ce știm", "Ce e disputat", "Ce nu știm"):
        assert title in text


def test_key_figures_are_deduplicated_with_every_source(ten):
    story, files = ten
    figures = section(html(files[HOME]), "Cifre-cheie")
    items = re.findall(r"<li>(.*?)</li>", figures, re.S)
    assert 3 <= len(items) <= 8
    heads = [text_of(re.search(r"<strong>(.*?)</strong>", i).group(1)) for i in items]
    assert len(heads) == len(set(heads))
    injured = next(i for i in items if "17 persoane" in text_of(i))
    # reported by several articles: each source once, with its outlet and day
    assert text_of(injured).count("Agerpres, 6 mai") == 1 and "Digi24, 6 mai" in text_of(injured)
    for item in items:
        assert re.search(r"\d{1,2} (ian\.|feb\.|mar\.|apr\.|mai|iun\.|iul\.|aug\.|sept\.|oct\.|nov\.|dec\.)",
                         text_of(item)), item


def test_disputed_figures_show_every_version_with_its_source(ten):
    story, files = ten
    conflicts = [c for c in story.conflicts if c.kind == "figure"]
    if not conflicts:
        pytest.skip("the story has no figure conflict")
    text = text_of(html(files[HOME]))
    for c in conflicts:
        assert "Disputat" in text
        for v in c.versions:
            assert v.text in text


def test_when_spans_the_storys_events_not_background_years(ten):
    story, files = ten
    when = re.search(r"<dt>Când</dt>\s*<dd>(.*?)</dd>", html(files[HOME]), re.S).group(1)
    context_years = {e.date[:4] for e in story.timeline if e.context}
    assert context_years and not any(y in text_of(when) for y in context_years)
    assert "2026" in text_of(when)


def test_home_has_latest_events_people_articles_and_a_small_timeline(ten):
    story, files = ten
    page = html(files[HOME])
    assert 'class="tlv tlv-compact"' in page
    hrefs = re.findall(r'class="tlv-hit[^"]*" href="([^"]+)"', page)
    assert hrefs and all(h.startswith("cronologie/#ev-") for h in hrefs)
    latest = section(page, "Ultimele evenimente")
    assert 3 <= latest.count("<li>") <= 10 and "cronologie.md#ev-" in latest
    people = section(page, "Cine sunt oamenii poveștii")
    top = max((e for e in story.entities if e.kind == "person"), key=lambda e: len(e.mentions) + e.quotes)
    assert f'href="entitati/{top.slug}.md"' in people and top.role in text_of(people)
    articles = section(page, "Articolele")
    assert all(article_page(f) in articles for f in story.articles)


# -- article pages ------------------------------------------------------------------------------------

def test_fact_box_is_one_row_per_kind(ten):
    story, files = ten
    f = story.articles[0]
    page = html(files[article_page(f)])
    box = re.search(r'<div class="admonition info">(.*?)</div>', page, re.S).group(1)
    kinds = re.findall(r"<dt>(.*?)</dt>", box)
    assert kinds[:2] == ["Date", "Cifre"] and "Persoane" in kinds and "Citate" in kinds
    assert box.count("<dd>") == len(kinds)
    assert "→" in re.search(r"<dt>Date</dt>\s*<dd>(.*?)</dd>", box, re.S).group(1)


def test_publication_and_source_are_separate_lines(ten):
    story, files = ten
    page = html(files[article_page(story.articles[0])])
    published = re.search(r"<p[^>]*>Publicat:(.*?)</p>", page, re.S)
    source = re.search(r"<p[^>]*>Sursa:(.*?)</p>", page, re.S)
    assert published and source and "Sursa" not in published.group(1)


def test_quotes_in_the_fact_box_name_their_speaker_as_text(ten):
    story, files = ten
    for f in story.articles:
        page = html(files[article_page(f)])
        if not f.quotes:
            continue
        quotes = re.search(r"<dt>Citate</dt>\s*<dd>(.*?)</dd>", page, re.S).group(1)
        items = re.findall(r"<li>(.*?)</li>", quotes, re.S)
        assert len(items) == len(f.quotes)
        for q, item in zip(f.quotes, items):
            text = text_of(item)
            if q.speaker is None:
                assert text.startswith("vorbitor neidentificat")
            else:
                assert text.startswith(q.speaker)
                assert ("(dedus)" in text) == (q.speaker_via in ("pronoun", "role", "previous", "prodrop"))
        assert "title=" not in quotes and "revizuire" not in page


def test_a_repeated_paragraph_is_shown_once_and_marked(ten):
    story, files = ten
    for r in story.repeats:
        facts = next(f for f in story.articles if f.article.id == r.article)
        page = html(files[article_page(facts)])
        assert "paragraf repetat" in page
        if r.of_article == r.article:
            assert page.count(r.text[:60]) == 1  # shown once
        else:
            other = next(f for f in story.articles if f.article.id == r.of_article)
            assert f"apare și în" in text_of(page) and other.article.slug in page


def test_page_furniture_is_set_apart(ten):
    story, files = ten
    facts = next(f for f in story.articles if any(s.furniture == "social" for s in f.article.sentences))
    assert 'class="furniture furniture-social"' in files[article_page(facts)]


# -- chronology ---------------------------------------------------------------------------------------

def test_chronology_has_one_entry_per_event_with_its_clause(ten):
    story, files = ten
    page = html(files[CHRONOLOGY])
    ids = re.findall(r'<div class="ev[^"]*" id="([^"]+)"', page)
    assert ids == [e.id for e in sorted(story.timeline, key=lambda e: not e.context)]
    for e in story.timeline:
        entry = re.search(rf'id="{re.escape(e.id)}">(.*?)</div>', page, re.S).group(1)
        text = text_of(entry)
        assert " ".join(e.clause.split()) in text
        if e.clause.strip("…") != e.text:
            assert e.text not in text
        for s in e.sources:
            facts = next(f for f in story.articles if f.article.id == s.article)
            assert f"{article_page(facts).split('/')[-1]}#{s.sentence}" in entry
        for other in e.others:
            assert other in text
        if e.disputed:
            assert "Articolele dau date diferite" in text and "disputat" in text.lower()
            assert text.count(" (") >= len(e.disputed.versions)


def test_context_events_have_their_own_group(ten):
    story, files = ten
    page = html(files[CHRONOLOGY])
    context = section(page, "Context")
    assert all(f'id="{e.id}"' in context for e in story.timeline if e.context)
    assert not any(f'id="{e.id}"' in context for e in story.timeline if not e.context)


def test_visual_timeline_on_the_chronology_links_to_its_entries(ten):
    story, files = ten
    page = files[CHRONOLOGY]
    hrefs = re.findall(r'<a class="tlv-row" href="([^"]+)"', page)
    assert sorted(hrefs) == sorted(f"#{e.id}" for e in story.timeline)


def _event_story(n: int) -> Story:
    """A made-up story of `n` day events over three years, with two background years."""
    sentences, events = [], []
    for i in range(n):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=i * 1000 // n)
        sid = f"p{i + 1}-s1"
        sentences.append(Sentence(sid, f"Evenimentul {i} a avut loc.", i + 1, 0, 10))
        events.append(Event(date=day.isoformat(), mod=None, text=f"Evenimentul {i} a avut loc.",
                            sources=[EventSource("a", sid, "x", "ieri")], clause=f"Evenimentul {i}",
                            id=f"ev-{day.isoformat()}-1"))
    for year in ("1986", "1999"):
        events.insert(0, Event(date=year, mod=None, text="Fundal.", sources=[EventSource("a", "p1-s1", "x", year)],
                               clause="Fundal.", context=True, id=f"ev-{year}-1"))
    article = Article(id="a", path="a.txt", title="Articolul", title_derived=False, published=dt.date(2025, 9, 1),
                      published_inferred=False, source="Sursa", paragraphs=["x"] * n, sentences=sentences, slug="articolul")
    return Story(articles=[ArticleFacts(article=article)], timeline=events, info=StoryInfo(title="Lungă"))


def test_a_long_chronology_is_split_by_year_with_the_nav_fixed():
    story = _event_story(chronology_mod.SPLIT_AT + 50)
    files = render_site(story)
    years = sorted(p for p in files if p.startswith("cronologie/"))
    assert years == ["cronologie/2023.md", "cronologie/2024.md", "cronologie/2025.md", "cronologie/context.md"]
    index = html(files[CHRONOLOGY])
    for path in years:
        assert path.split("/", 1)[1] in index  # the index links every part
    # every event is on exactly one page, under its stable id
    found = [i for p in years for i in re.findall(r'<div class="ev[^"]*" id="([^"]+)"', html(files[p]))]
    assert sorted(found) == sorted(e.id for e in story.timeline)
    # the timeline of the index links into the year pages; the home page too
    assert re.search(r'href="2024/#ev-2024-', files[CHRONOLOGY])
    assert "cronologie/2025.md#ev-2025-" in files[HOME]
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0].replace("!ENV", ""))
    assert "/cronologie/*.md" in config["not_in_nav"]
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[1]
    assert "cronologie/" not in nav.replace("cronologie.md", "")


def test_a_very_long_chronology_is_split_by_month_and_no_part_is_over_the_limit():
    n = chronology_mod.SPLIT_AT * 12
    story = _event_story(n)  # about 4 events a day over three years: every year is busy
    files = render_site(story)
    parts = sorted(p for p in files if p.startswith("cronologie/"))
    assert "cronologie/2024-05.md" in parts and "cronologie/2024.md" not in parts
    found = [i for p in parts for i in re.findall(r'<div class="ev[^"]*" id="([^"]+)"', html(files[p]))]
    assert sorted(found) == sorted(e.id for e in story.timeline)
    assert max(len(re.findall(r'<div class="ev[^"]*" id=', html(files[p]))) for p in parts) <= chronology_mod.SPLIT_AT
    # the index lists the parts and draws no timeline of thousands of rows; each part draws its own
    assert 'class="tlv-row"' not in files[CHRONOLOGY]
    assert all('class="tlv-row"' in files[p] for p in parts)
    pages = chronology_mod.event_pages(story.timeline)
    assert "cronologie/2024-05.md" in set(pages.values())


def test_a_month_over_the_limit_is_cut_into_numbered_pages():
    story = _event_story(chronology_mod.SPLIT_AT * 40)
    parts = [p.path for p in chronology_mod.pages(story)]
    assert any(p.endswith("-2.md") for p in parts)
    assert len(parts) == len(set(parts))
    assert max(sum(len(g.events) + sum(len(es) for _, es in g.months) for g in p.groups)
               for p in chronology_mod.pages(story)) <= chronology_mod.SPLIT_AT


def test_a_short_chronology_stays_on_one_page(ten):
    _, files = ten
    assert not any(p.startswith("cronologie/") for p in files)


# -- entities -----------------------------------------------------------------------------------------

def test_entities_index_is_a_compact_table_and_places_by_country(ten):
    story, files = ten
    page = html(files[ENTITIES])
    rows = re.findall(r"<tr>\s*<td>(.*?)</tr>", page, re.S)
    expected = [e for e in story.entities if e.kind in ("person", "organization")]
    assert len(rows) == len(expected)
    header = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    assert [text_of(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", header)] == ["Nume", "Tip", "Funcție",
                                                                                 "Articole", "Citate"]
    places = section(page, "Locuri")
    assert "Bulgaria:" in text_of(places)
    bulgaria = re.search(r"<strong>Bulgaria:</strong>(.*?)</p>", places, re.S).group(1)
    for e in story.entities:
        if e.kind == "place" and e.country == "Bulgaria":
            assert e.name in text_of(bulgaria)
    for f in story.articles:  # no wall of article titles
        assert f.article.title not in text_of(page)


def test_entities_table_is_paginated_past_a_few_hundred_rows():
    article = Article(id="a", path="a.txt", title="A", title_derived=False, published=dt.date(2025, 1, 1),
                      published_inferred=False, sentences=[Sentence("p1-s1", "x", 1, 0, 1)], slug="a")
    n = entities_mod.PAGE_ROWS + 20
    entities = [StoryEntity(name=f"Persoana {i:03d}", kind="person", mentions=[("a", "p1-s1")], articles=["a"])
                for i in range(n)]
    story = Story(articles=[ArticleFacts(article=article)], timeline=[], entities=entities)
    files = render_site(story)
    assert "entitati/lista-2.md" in files
    first, second = html(files[ENTITIES]), html(files["entitati/lista-2.md"])
    assert first.count("<tr>") - 1 == entities_mod.PAGE_ROWS and second.count("<tr>") - 1 == 20
    assert 'href="entitati/lista-2.md"' in first and 'href="../entitati.md"' in second


def test_a_person_with_a_page_has_quotes_events_and_articles(ten):
    story, files = ten
    person = max((e for e in story.entities if e.kind == "person" and e.slug), key=lambda e: e.quotes)
    page = html(files[f"entitati/{person.slug}.md"])
    assert text_of(re.search(r"<h1[^>]*>(.*?)</h1>", page).group(1)) == person.name
    assert person.role.lower() in text_of(page).lower()
    said = section(page, "Ce a spus")
    assert said.count("<li>") == person.quotes
    assert re.search(r"<strong>\d{1,2} \w+ \d{4}</strong>", said)
    assert "cronologie.md#ev-" in section(page, "În cronologie")
    assert section(page, "Articolele în care apare").count("<li>") == len(person.articles)


def test_only_people_and_organizations_with_a_slug_get_a_page(ten):
    story, files = ten
    pages = {p for p in files if p.startswith("entitati/") and not p.startswith("entitati/lista-")}
    assert pages == {f"entitati/{e.slug}.md" for e in story.entities if e.slug and e.kind != "place"}


# -- quotes -------------------------------------------------------------------------------------------

def test_quotes_are_grouped_by_speaker_with_the_unattributed_last(ten):
    story, files = ten
    page = html(files[QUOTES])
    headings = [text_of(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page)]
    speakers = {q.speaker for f in story.articles for q in f.quotes}
    assert set(headings) == {s or "Vorbitor neidentificat" for s in speakers}
    assert headings[-1] == "Vorbitor neidentificat"
    total = sum(len(f.quotes) for f in story.articles)
    assert page.count("<li>") == total
    unknown = section(page, "Vorbitor neidentificat")
    assert "nu a găsit cine vorbește" in text_of(unknown)
    for item in re.findall(r"<li>(.*?)</li>", page, re.S):
        assert re.match(r"<strong>(\d{1,2} \w+ \d{4}|\w+ \d{4}|\d{4}|[^<]*\d{4}[^<]*)</strong>", item), item


# -- method and review --------------------------------------------------------------------------------

def _counts(page: str) -> dict[str, int]:
    return {text_of(a): int(b) for a, b in re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td[^>]*>(\d+)</td>", page)}


def test_method_counts_are_the_lengths_of_what_the_pages_show(ten):
    story, files = ten
    counts = _counts(html(files[METHOD]))
    entities = html(files[ENTITIES])
    kinds = [text_of(t) for t in re.findall(r"<tr>\s*<td>.*?</td>\s*<td>(.*?)</td>", entities, re.S)]
    assert counts["persoane"] == kinds.count("persoană")
    assert counts["organizații"] == kinds.count("organizație")
    assert counts["citate"] == html(files[QUOTES]).count("<li>")
    assert counts["evenimente în cronologie"] == len(re.findall(r'<div class="ev[ "]', html(files[CHRONOLOGY])))
    assert counts["din care context (ani de fundal)"] == section(html(files[CHRONOLOGY]), "Context").count('<div class="ev')
    assert counts["din care fără vorbitor identificat"] == section(html(files[QUOTES]), "Vorbitor neidentificat").count("<li>")
    assert counts["paragrafe repetate"] == section(html(files[METHOD]), "Paragrafe repetate").count("<li>")
    assert counts["articole"] == len(story.articles)


def test_method_lists_every_correction_in_force(corrected):
    story, files = corrected
    page = html(files[METHOD])
    assert story.corrections
    table = re.search(r'<div class="corrections">(.*?)</div>', page, re.S).group(1)
    rows = re.findall(r"<tr>\s*<td>(.*?)</tr>", table, re.S)
    assert len(rows) == len(story.corrections) == _counts(page)["corecturi ale redacției în vigoare"]
    for c, row in zip(story.corrections, rows):
        text = text_of(row)
        assert c.target in text and "20 mai 2026" in text
        assert {"organization": "organizație"}.get(c.after, c.after or "(ascuns)") in text
        assert ("nu se aplică" in text) == (c.applied == 0)
    text = text_of(page)
    for part in (story.info.byline, story.info.contact, story.info.corrections_policy.split("\n")[0]):
        assert part in text


def test_editor_corrected_facts_carry_a_mark(corrected):
    story, files = corrected
    quote = next((f, q) for f in story.articles for q in f.quotes if q.speaker_via == "editor")
    page = html(files[article_page(quote[0])])
    item = next(i for i in re.findall(r"<li>(.*?)</li>", page, re.S) if quote[1].text[:30] in text_of(i)
                or quote[1].text[:30][:20] in text_of(i))
    assert "corectat" in text_of(item)


def test_review_page_groups_items_with_lines_to_paste(ten):
    story, files = ten
    page = files[REVIEW]
    assert front(page)["search"] == {"exclude": True}
    body = html(page)
    codes = [c for c in re.findall(r"<pre><code>(.*?)</code></pre>", body, re.S)]
    kinds = list(dict.fromkeys(i.kind for i in story.review))  # grouped by kind, in order of appearance
    with_lines = [i for k in kinds for i in story.review if i.kind == k and i.suggestion]
    assert len(codes) == len(with_lines)
    for item, code in zip(with_lines, codes):
        assert text_of(code).strip() == " ".join(item.suggestion.split())
        assert code.rstrip("\n") == __import__("html").escape(item.suggestion, quote=False)
    assert len(re.findall(r"<h2", body)) == len({i.kind for i in story.review})
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "/revizuire.md" in nav.split("not_in_nav:")[1].split("\n\n")[0]
    for path, text in files.items():  # readers never get a link to it
        if path.endswith(".md") and path != REVIEW:
            assert "revizuire" not in text, path


# -- data ---------------------------------------------------------------------------------------------

def test_facts_json_marks_corrected_values_and_speakers(corrected):
    story, files = corrected
    data = json.loads(files["data/facts.json"])
    assert data["schema_version"] == 2
    article = data["articles"][0]
    assert all("corrected" in d for d in article["dates"]) and all("corrected" in n for n in article["numbers"])
    assert all("corrected" in e for kind in ("people", "places", "organizations") for e in article[kind])
    assert all("speaker_via" in q for a in data["articles"] for q in a["quotes"])
    assert any(q["speaker_via"] == "editor" for a in data["articles"] for q in a["quotes"])
    assert any(e["corrected"] for a in data["articles"] for e in a["people"] + a["organizations"])
    assert all({"id", "clause", "context", "disputed", "corrected"} <= set(e) for e in data["timeline"])


def test_the_feed_carries_the_story_title(ten):
    story, files = ten
    assert f"<title>{story.info.title}</title>" in files[feed_mod.FEED].split("<entry>")[0]


# -- bounded pages ------------------------------------------------------------------------------------

def _crowded_story(articles: int, quotes_each: int) -> Story:
    """Many articles, each quoting the same person many times, each with review items and repeats."""
    facts_list, review, repeats = [], [], []
    for a in range(articles):
        sentences = [Sentence(f"p{i + 1}-s1", f"„Citatul {i}”, a spus Ion Popescu.", i + 1, 0, 30)
                     for i in range(quotes_each)]
        article = Article(id=f"a{a:04d}", path=f"a{a:04d}.txt", title=f"Articolul {a}", title_derived=False,
                          published=dt.date(2025, 1, 1) + dt.timedelta(days=a), published_inferred=False,
                          source="Sursa", paragraphs=[s.text for s in sentences], sentences=sentences,
                          slug=f"articolul-{a}")
        quotes = [Quote(f"Citatul {i}", "Ion Popescu", s.id, 1, 10) for i, s in enumerate(sentences)]
        facts_list.append(ArticleFacts(article=article, quotes=quotes))
        review += [ReviewItem("no_speaker", "citat fără vorbitor", article.id, s.id, s.text) for s in sentences]
        repeats.append(Repeat(article.id, 1, "a0000", 1, sentences[0].text))
    person = StoryEntity("Ion Popescu", "person", role="ministrul", slug="ion-popescu",
                         mentions=[(f.article.id, s.id) for f in facts_list for s in f.article.sentences],
                         articles=[f.article.id for f in facts_list], quotes=articles * quotes_each)
    return Story(articles=facts_list, timeline=[], review=review, repeats=repeats[1:], entities=[person],
                 info=StoryInfo(title="Aglomerată"))


def _parts(files: dict[str, str], first: str, folder: str) -> list[str]:
    """The pages of a paginated list, in order."""
    return [first] + sorted((p for p in files if p.startswith(folder)), key=lambda p: int(re.findall(r"\d+", p)[-1]))


def _about(per_page: list[int], size: int) -> None:
    """Pages of a list cut by its items hold half to twice the page size, but the last."""
    assert len(per_page) >= 2
    assert all(size // 2 <= n <= 2 * size for n in per_page[:-1]), per_page
    assert 0 < per_page[-1] <= 2 * size


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=6), min_size=0, max_size=400), st.integers(4, 40), st.data())
def test_stable_cuts_bound_every_page_and_an_edit_moves_only_the_cuts_near_it(keys, size, data):
    keys = list(dict.fromkeys(keys))  # items are named by distinct keys
    starts = paging_mod.stable_cuts(keys, size)
    sizes = [b - a for a, b in zip(starts, starts[1:] + [len(keys)])]
    assert starts[0] == 0 and sum(sizes) == len(keys)
    assert len(keys) > size or starts == [0]
    assert all(n <= 2 * size for n in sizes) and all(n >= size // 2 for n in sizes[:-1])
    if len(keys) - 1 <= size:
        return  # one item less, the list fits on one page
    gone = data.draw(st.integers(0, len(keys) - 1))
    after = paging_mod.stable_cuts(keys[:gone] + keys[gone + 1:], size)
    # every page that ends before the removed item is the same page (it may now be the last one: with the
    # item after it gone, the last page's end is the list's)
    before_pages = [(a, b) for a, b in zip(starts, starts[1:]) if b <= gone]
    after_pages = list(zip(after, after[1:] + [len(keys) - 1]))
    assert [(a, b) for a, b in after_pages if b <= gone][:len(before_pages)] == before_pages


def test_one_quote_more_or_less_changes_the_pages_it_is_on_not_the_pages_after_it():
    story = _crowded_story(articles=600, quotes_each=3)
    before = render_site(story)
    middle = story.articles[250]
    middle.quotes.pop(1)  # a quote and its review item gone from the middle of both lists
    story.review = [r for r in story.review if (r.article, r.sentence) != (middle.article.id, "p2-s1")]
    after = render_site(story)
    for first, folder in ((QUOTES, "citate/"), (REVIEW, "revizuire/")):
        pages = _parts(before, first, folder)
        assert pages == _parts(after, first, folder)
        changed = [p for p in pages if before[p] != after[p]]
        assert len(changed) <= 2 and first in changed, changed  # the first page says how many there are


def test_long_lists_continue_on_numbered_pages_and_every_item_is_shown_once():
    story = _crowded_story(articles=600, quotes_each=3)  # 1,800 quotes and review items, 600 articles
    files = render_site(story)
    quote_pages = _parts(files, QUOTES, "citate/")
    per_page = [len(re.findall(r"„Citatul \d+”", html(files[p]))) for p in quote_pages]
    assert sum(per_page) == 1800 and "citate/pagina-2.md" in files
    _about(per_page, quotes_mod.PAGE_QUOTES)
    review_pages = _parts(files, REVIEW, "revizuire/")
    per_page = [html(files[p]).count('class="review-item"') for p in review_pages]
    assert sum(per_page) == 1800
    _about(per_page, render_mod.REVIEW_PAGE)
    assert '<a href="revizuire/pagina-2.md">2</a>' in html(files[REVIEW])  # the first page links the others
    assert '<a href="../citate.md">1</a>' in html(files["citate/pagina-2.md"])
    article_lists = [p for p in files if p == "articole/index.md" or p.startswith("articole/pagina-")]
    assert len(article_lists) == 2
    # lists shown in passing are cut, and say how many more there are
    home = text_of(html(files[HOME]))
    assert "Toate cele 600 de articole" in home
    method = text_of(html(files[METHOD]))
    assert "și încă 499" in method  # 599 repeats, 100 listed
    person = text_of(html(files["entitati/ion-popescu.md"]))
    assert "1800 de citate" in person and "celelalte 1650" in person and "și încă 450 de articole" in person
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "/citate/*.md" in config and "/revizuire/*.md" in config


def test_a_fact_disputed_by_many_articles_shows_a_few_versions_and_counts_the_rest():
    story = _crowded_story(articles=40, quotes_each=1)
    versions = [ConflictVersion(f"{100 + i}", f"{100 + i} de soldați", f.article.id, "p1-s1")
                for i, f in enumerate(story.articles)]
    story.conflicts = [Conflict("figure", "soldați trimiși", versions)]
    files = render_site(story)
    for path in (HOME, METHOD):
        text = text_of(html(files[path]))
        assert "100 de soldați" in text and "139 de soldați" not in text, path
        assert "și încă 28 de versiuni" in text, path


def test_the_home_strip_keeps_the_events_around_the_newest_article():
    story = _event_story(1000)
    newest = story.articles[0].article.published
    strip = home_mod.recent_run(story.timeline, newest)
    assert 0 < len(strip) <= home_mod.STRIP_MAX
    days = [home_mod._span(e)[0] for e in strip]
    assert min(abs((d - newest).days) for d in days) <= 2
