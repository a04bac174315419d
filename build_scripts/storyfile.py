"""The editor's story file, `seeds/story.yml`: the story's title, summary, address and promises.

    title: "Explozia de la Zimnicea"           # site name, header, browser title, home, PDF, feed
    summary: |                                 # shown first on the home page
      …
    site_url: "https://explicatii.example.ro/zimnicea/"   # overrides SITE_URL
    byline: "Redacția"
    contact: "redactie@example.ro"
    known: ["…"]          # optional: what we know / what is disputed / what we don't know
    disputed: ["…"]
    unknown: ["…"]
    corrections_policy: |
      …

Without the file the title is made from the articles (their most common words) and a warning says so.
Errors name the file and the line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import yaml

from .model import Article, Problem, StoryInfo

FILE = "story.yml"
TEXT_KEYS = ("title", "summary", "site_url", "byline", "contact", "corrections_policy", "description")
LIST_KEYS = ("known", "disputed", "unknown")
TITLE_MAX = 90


class StoryFileError(ValueError):
    """The story file is malformed; `problem` names the file and line."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_yaml(path: Path, shown: str) -> tuple[Any, dict[str, int]]:
    """The YAML document of `path` and the line (1-based) of each top-level key; errors name the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise StoryFileError(Problem(shown, f"not UTF-8 text (byte {exc.start})")) from exc
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        reason = getattr(exc, "problem", None) or "not valid YAML"
        raise StoryFileError(Problem(shown, f"invalid YAML{where}: {reason}")) from exc
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            lines[str(k.value)] = k.start_mark.line + 1
            if isinstance(v, yaml.MappingNode):
                for k2, _ in v.value:
                    lines[f"{k.value}.{k2.value}"] = k2.start_mark.line + 1
            elif isinstance(v, yaml.SequenceNode):
                for i, item in enumerate(v.value):
                    lines[f"{k.value}[{i}]"] = item.start_mark.line + 1
    return data, lines


def load(seeds_dir: Path, articles: list[Article], shown: Optional[str] = None) -> tuple[StoryInfo, list[Problem]]:
    """The story file of `seeds_dir`, or a story made from the articles when there is none."""
    path = Path(seeds_dir) / FILE
    shown = shown or str(path)
    if not path.is_file():
        title = derived_title(articles)
        return StoryInfo(title=title, title_derived=True), [
            Problem(shown, f"no story file: the title is made from the articles (\"{title}\"); "
                           f"write {FILE} to set it", fatal=False)]
    data, lines = read_yaml(path, shown)
    if not isinstance(data, dict):
        raise StoryFileError(Problem(shown, "must be 'key: value' lines (line 1)"))
    problems = []
    unknown = sorted(k for k in data if k not in TEXT_KEYS + LIST_KEYS)
    for k in unknown:
        problems.append(Problem(shown, f"unknown key '{k}' ignored (line {lines.get(k, 1)})", fatal=False))
    for k in TEXT_KEYS:
        if k in data and data[k] is not None and not isinstance(data[k], (str, int, float)):
            raise StoryFileError(Problem(shown, f"'{k}' must be text (line {lines.get(k, 1)})"))
    for k in LIST_KEYS:
        value = data.get(k)
        if value is not None and not (isinstance(value, list) and all(isinstance(x, str) for x in value)):
            raise StoryFileError(Problem(shown, f"'{k}' must be a list of sentences (line {lines.get(k, 1)})"))
    title = _text(data.get("title"))
    if not title:
        raise StoryFileError(Problem(shown, f"'title' is missing or empty (line {lines.get('title', 1)})"))
    site_url = _text(data.get("site_url"))
    if site_url and not site_url.startswith(("http://", "https://")):
        raise StoryFileError(Problem(shown, f"'site_url' must start with http:// or https:// (line {lines['site_url']})"))
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    info = StoryInfo(title=title, summary=_text(data.get("summary")), site_url=site_url,
                     byline=_text(data.get("byline")), contact=_text(data.get("contact")),
                     known=list(data.get("known") or []), disputed=list(data.get("disputed") or []),
                     unknown=list(data.get("unknown") or []),
                     corrections_policy=_text(data.get("corrections_policy")),
                     description=_text(data.get("description")))
    return info, problems


def _text(value: Any) -> Optional[str]:
    if value is None:
        return None
    text = " ".join(str(value).split()) if "\n" not in str(value).strip() else str(value).strip()
    return text or None


def derived_title(articles: list[Article]) -> str:
    """A title for a story without a story file: the newest article's title, or a neutral one."""
    dated = sorted((a for a in articles if a.title), key=lambda a: (a.published is not None, a.published or 0))
    if not dated:
        return "Explicator"
    title = dated[-1].title
    return title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
