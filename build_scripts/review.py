"""The review list: every item an editor should confirm, with its sentence and the line to paste into
`seeds/editorial.yml` to confirm or fix it.

`python -m build_scripts review` prints it, `--json` gives it to tools, and a page left out of the
navigation (`revizuire.md`) shows it on the site.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Optional

from .model import ENTITY_LISTS, ArticleFacts, Repeat, ReviewItem, Story

FAR_DAYS = 60   # a relative date resolved this far from publication is worth a look
SPEAKER_VIA = {"pronoun": "printr-un pronume", "role": "printr-o funcție", "previous": "din paragraful anterior",
               "prodrop": "după subiectul subînțeles", "according": "după „potrivit”",
               "document": "după documentul citat", "interview": "ca intervievat (după titlu sau etichetă)"}


def items(story: Story, reuse=None) -> list[ReviewItem]:
    """Everything an editor should confirm, article by article, then the story's conflicts and repeats.
    `reuse` (a `session.Reuse`) gives an article the items of the last build when its records are the
    same and so is what the story says of its names (which of them it names once)."""
    out: list[ReviewItem] = []
    seen: dict[tuple[str, str], int] = {}  # mentions of each entity in the whole story
    for facts in story.articles:
        for attr in ENTITY_LISTS.values():
            for e in getattr(facts, attr):
                seen[(attr, e.name)] = seen.get((attr, e.name), 0) + len(e.mentions)
    for facts in story.articles:
        if reuse is None:
            out += _article(facts, seen)
            continue
        a = facts.article
        entities = [e for attr in ENTITY_LISTS.values() for e in getattr(facts, attr)]
        once = tuple(seen.get((attr, e.name)) == 1 for attr in ENTITY_LISTS.values() for e in getattr(facts, attr))
        out += reuse.get((a.sentences, *facts.quotes, *entities, *facts.numbers, *facts.dates),
                         (a.id, a.title, a.published, a.published_inferred, once,
                          *map(len, (facts.quotes, facts.people, facts.places, facts.organizations, facts.numbers))),
                         lambda: _article(facts, seen))
    for repeat in story.repeats:
        if reuse is None:
            out.append(_repeated(repeat))
        else:  # the same repeat (records never change) gives the same item
            out.append(reuse.get((repeat,), (), lambda: _repeated(repeat)))
    if reuse is not None:
        reuse.done()
    for conflict in story.conflicts:
        versions = "; ".join(f"{v.label} ({v.article})" for v in conflict.versions)
        first = conflict.versions[0]
        suggestion = (_line("dates", f'"{first.article}/{first.sentence}": {conflict.versions[1].label}')
                      if conflict.kind == "date" else _line("hide", f'- "{first.text}"'))
        out.append(ReviewItem(kind=f"conflict_{conflict.kind}", article=first.article, sentence=first.sentence,
                              text=conflict.subject, message=f"articolele nu se potrivesc: {versions}",
                              suggestion=suggestion))
    return out


def _repeated(repeat: Repeat) -> ReviewItem:
    """The item of a repeated paragraph."""
    return ReviewItem(kind="repeated_paragraph", article=repeat.article, sentence=f"p{repeat.paragraph}-s1",
                      text=repeat.text[:300],
                      message=f"paragraf repetat (apare și în {repeat.of_article}, paragraful {repeat.of_paragraph}); "
                              "e afișat o singură dată în fapte",
                      suggestion="")


def _sentence(facts: ArticleFacts, sentence_id: str) -> str:
    return next((s.text for s in facts.article.sentences if s.id == sentence_id), "")


def _article(facts: ArticleFacts, seen: dict[tuple[str, str], int]) -> list[ReviewItem]:
    a = facts.article
    out: list[ReviewItem] = []

    def add(kind: str, message: str, sentence: Optional[str], suggestion: str, text: Optional[str] = None) -> None:
        out.append(ReviewItem(kind=kind, message=message, article=a.id, sentence=sentence,
                              text=text if text is not None else _sentence(facts, sentence or ""),
                              suggestion=suggestion))

    if a.published_inferred and a.published:
        add("inferred_date", f"data publicării {a.published.isoformat()} e dedusă din text", None,
            _line("articles", f"{a.id}: {{date: {a.published.isoformat()}}}"), text=a.title)
    for q in facts.quotes:
        first = _first_words(q.text)
        if q.speaker is None:
            add("no_speaker", "citat fără vorbitor identificat", q.sentence, _line("speakers", f'"{first}": Nume Prenume'))
        elif q.speaker_via in SPEAKER_VIA:
            add(f"speaker_{q.speaker_via}", f"vorbitorul „{q.speaker}” a fost găsit {SPEAKER_VIA[q.speaker_via]}",
                q.sentence, _line("speakers", f'"{first}": {q.speaker}   # sau null'))
    for kind, attr in ENTITY_LISTS.items():
        for e in getattr(facts, attr):
            if e.corrected:
                continue
            if not e.confirmed:
                add("entity_kind", f"„{e.name}” pare {_kind_ro(kind)}, dar tipul e nesigur", e.mentions[0].sentence,
                    _line("kinds", f"{e.name}: {kind}   # person / place / organization"))
            elif seen.get((attr, e.name), len(e.mentions)) == 1:
                add("entity_once", f"„{e.name}” ({_kind_ro(kind)}) apare o singură dată", e.mentions[0].sentence,
                    _line("kinds", f"{e.name}: {kind}   # sau, sub hide: - \"{e.name}\""))
    for n in facts.numbers:
        if not n.unit and not n.corrected:
            add("figure_no_unit", f"cifra „{n.text}” nu are unitate", n.sentence, _line("hide", f'- "{n.text}"'))
    for d in facts.dates:
        if d.corrected or not d.value:
            continue
        if "/" in d.value:
            add("date_range", f"interval „{d.text}” → {d.value}", d.sentence,
                _line("dates", f'"{a.id}/{d.sentence}": {d.value}'))
        if "story_day" in d.flags:
            add("date_story_day", f"„{d.text}” nu are zi în frază: ziua {d.value[:10]} e luată din articol",
                d.sentence, _line("dates", f'"{a.id}/{d.sentence}": {d.value}'))
        far = _days_from(d.value, a.published)
        if far is not None and far > FAR_DAYS and _relative(d.text):
            add("date_far", f"data relativă „{d.text}” → {d.value}, la {far} de zile de data publicării",
                d.sentence, _line("dates", f'"{a.id}/{d.sentence}": {d.value}'))
    return out


def _line(section: str, entry: str) -> str:
    """What to paste into editorial.yml: the entry, under its section."""
    return f"{section}:\n  {entry}"


def _first_words(text: str, n: int = 5) -> str:
    words = text.replace('"', "").split()
    return " ".join(words[:n])


def _kind_ro(kind: str) -> str:
    return {"person": "o persoană", "place": "un loc", "organization": "o organizație"}[kind]


def _relative(text: str) -> bool:
    """A date given without a year or a number: a weekday, "ieri", "luna trecută", a bare month."""
    return not re.search(r"\d{4}", text) and not re.search(r"\d", text[:2])


def _days_from(value: str, published: Optional[dt.date]) -> Optional[int]:
    if published is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return None
    try:
        return abs((dt.date.fromisoformat(value[:10]) - published).days)
    except ValueError:
        return None


def as_text(review: list[ReviewItem]) -> str:
    """The review list for a terminal."""
    if not review:
        return "nothing to review"
    lines = []
    for item in review:
        where = f"{item.article}/{item.sentence}" if item.sentence else (item.article or "")
        lines.append(f"[{item.kind}] {where}: {item.message}")
        if item.text:
            lines.append(f"    « {item.text[:200]} »")
        if item.suggestion:
            lines.append("    editorial.yml:")
            lines += [f"      {line}" for line in item.suggestion.splitlines()]
    return "\n".join(lines)


def as_json(review: list[ReviewItem]) -> str:
    return json.dumps([item.__dict__ for item in review], ensure_ascii=False, indent=2) + "\n"
