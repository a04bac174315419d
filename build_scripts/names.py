"""Name keys and variants, shared by the entity extractor (one article) and the story merge (all articles).

No spaCy here: these are string functions over names. Two names are variants of one entity when they
share a key (case, diacritics, hyphens), when one is the other's surname or acronym, when they are the
same transliteration ("Zaporojie", "Zaporije", "Zaporizhzhia", "Zaporijia"), or when a typo one letter
away is the only candidate.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from .lang import ascii_fold, key

# Latin transliterations of Cyrillic and other spellings, folded to the Romanian way of writing them
# before consonants are compared. Longest first.
_TRANSLIT = (("shch", "st"), ("sch", "s"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("ts", "t"),
             ("tz", "t"), ("dj", "j"), ("dzh", "j"), ("gh", "g"), ("w", "v"), ("y", "i"), ("x", "cs"), ("q", "c"),
             ("k", "c"), ("ph", "f"))
_VOWELS = set("aeiou")
MIN_SKELETON = 4  # shorter consonant skeletons are too common to identify a name
MIN_TYPO_KEY = 6  # shorter names one letter apart are different names ("Ionel", "Ionela")
MIN_INNER_NAME = 5  # a shorter one-word organization is not joined to a longer name holding it ("Apa")
MIN_SURNAME_SKELETON = 4  # a surname's consonants that tell two spellings of one name ("mlnc": Melnychuk, Melnîciuk)


def skeleton(name: str) -> str:
    """The consonants of a name, transliterations folded and doubled letters collapsed ("zprj")."""
    text = ascii_fold(name).lower()
    for a, b in _TRANSLIT:
        text = text.replace(a, b)
    out = []
    for ch in text:
        if not ch.isalpha() or ch in _VOWELS:
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def uninflect(word: str, inflections: Iterable[tuple[str, str]], min_stem: int = 3) -> list[str]:
    """Candidate base forms of an inflected proper name ("Rusiei" -> ["Rusia", ...]), best first, each
    keeping at least `min_stem` letters of the word."""
    out = []
    for ending, base in inflections:
        if word.endswith(ending) and len(word) >= len(ending) + min_stem:
            candidate = word[: len(word) - len(ending)] + base
            if candidate not in out:
                out.append(candidate)
    return out


def noun_stems(word: str, endings: Iterable[str], min_stem: int) -> list[str]:
    """The word (a key) without its article or case ending, each candidate leaving at least `min_stem`
    letters, longest ending first ("spitalului" -> ["spital", "spitalu", …])."""
    return [word[: -len(e)] for e in endings if word.endswith(e) and len(word) - len(e) >= min_stem]


OPENING_MARKS = ("„", "«", "“")  # what opens a name in quotation marks inside an institution's name
CLOSING_MARKS = ("”", "»", "“", '"')


def _quoted_part(name: str) -> Optional[str]:
    """The words in quotation marks inside a name ("Dobrogea" of "Inspectoratul … „Dobrogea” …")."""
    start = next((i for i, ch in enumerate(name) if ch in OPENING_MARKS), None)
    if start is None or start == 0:
        return None
    end = next((i for i in range(start + 1, len(name)) if name[i] in CLOSING_MARKS), None)
    return name[start + 1:end] if end is not None and end > start + 1 else None


def initials(name: str, skip: set[str]) -> str:
    """The acronym of a name: first letters of its words that are not connectors ("AIEA")."""
    firsts = (next((ch for ch in w if ch.isalnum()), "") for w in name.replace("-", " ").split() if key(w) not in skip)
    return "".join(firsts).upper()  # ("„Alexandru" gives its A)


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def is_camel_case(word: str) -> bool:
    """A brand written with a capital inside ("SpaceX", "OpenAI", "eMAG"), which no common word is."""
    return word.isalpha() and any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def is_web_name(word: str, domains: Iterable[str]) -> bool:
    """A name written as a web address ("Deschide.md", "HotNews.ro", "Start-up.ro"): a capitalized word
    (hyphens allowed), a dot and a domain ending of `domains` (folded)."""
    name, dot, domain = word.rpartition(".")
    return bool(dot) and key(domain) in domains and name[:1].isupper() and name.replace("-", "").isalnum()


def _deletions(k: str) -> set[str]:
    """The key and every string made by deleting one of its letters: two keys one edit apart (a letter
    added, removed or replaced) always share one of these."""
    return {k} | {k[:i] + k[i + 1:] for i in range(len(k))}


def one_edit_apart(a: str, b: str) -> bool:
    """True when `a` and `b` differ by exactly one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


class Variants:
    """Groups names that are variants of one another; each group answers with one canonical name.

    Names are blocked by their key, their skeleton and their surname, so adding n names costs about n
    dictionary look-ups, never a comparison of every pair.
    """

    def __init__(self, connectors: set[str], legal_suffixes: Iterable[str] = (), given: Iterable[str] = (),
                 acronym_skips: Iterable[str] = ()):
        """`legal_suffixes` ("SRL", "SA"), `given` names and the words an acronym may also leave out
        (`acronym_skips`: "și") as comparison keys (`lang.key`)."""
        self.connectors = connectors
        self.acronym_connectors = set(connectors) | set(acronym_skips)
        self.and_words = set(acronym_skips)  # words that join two parts of one name ("și")
        self.given = given if isinstance(given, (set, frozenset)) else set(given)
        self.legal_suffixes = legal_suffixes if isinstance(legal_suffixes, (set, frozenset)) else set(legal_suffixes)
        self.parent: dict[str, str] = {}
        self.weight: dict[str, int] = {}
        self.by_key: dict[str, str] = {}
        self.by_skeleton: dict[str, set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.by_first: dict[str, set[str]] = {}
        self.by_tail: dict[str, set[str]] = {}  # the last two or more words of a longer name -> names
        self.by_acronym: dict[str, set[str]] = {}
        self.by_quoted_head: dict[str, set[str]] = {}  # acronym of the words before a quoted name -> names
        self.by_deletion: dict[str, set[str]] = {}  # key with one letter removed -> names (typo blocking)

    def find(self, name: str) -> str:
        root = name
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(name, name) != root:  # path compression
            self.parent[name], name = root, self.parent[name]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        # The fuller or more frequent name leads the group.
        if (len(rb.split()), self.weight.get(rb, 0), len(rb)) > (len(ra.split()), self.weight.get(ra, 0), len(ra)):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.weight[ra] = self.weight.get(ra, 0) + self.weight.get(rb, 0)

    def add(self, name: str, count: int = 1) -> None:
        """Register a name (a person, place or organization of one kind)."""
        k = key(name)
        if k in self.by_key:
            self.weight[self.find(self.by_key[k])] = self.weight.get(self.find(self.by_key[k]), 0) + count
            if self.by_key[k] != name:
                self.parent.setdefault(name, self.by_key[k])
            return
        self.by_key[k] = name
        self.parent[name] = name
        self.weight[name] = count
        words = k.split()
        if len(words) >= 2:
            self.by_surname.setdefault(words[-1], set()).add(name)
            self.by_first.setdefault(words[0], set()).add(name)
            for start in range(1, len(words) - 1):
                self.by_tail.setdefault(" ".join(words[start:]), set()).add(name)
            for acronym in {initials(name, self.connectors), initials(name, self.acronym_connectors)}:
                if len(acronym) >= 2:
                    self.by_acronym.setdefault(acronym, set()).add(name)
            quoted = _quoted_part(name)
            if quoted is not None:
                head = initials(name[:name.index(quoted) - 1], self.connectors)
                if len(head) >= 2:
                    self.by_quoted_head.setdefault(head, set()).add(name)
        sk = skeleton(name)
        if len(sk) >= MIN_SKELETON:
            self.by_skeleton.setdefault(sk, set()).add(name)
        if len(k) >= MIN_TYPO_KEY:
            for variant in _deletions(k):
                self.by_deletion.setdefault(variant, set()).add(name)

    def link(self, kind: str) -> None:
        """Join the registered names that are variants of each other (`kind` decides which rules apply)."""
        for names in self.by_skeleton.values():
            if kind == "place":
                first = {key(n)[:1] for n in names}
                if len(names) > 1 and len(first) == 1:
                    base = next(iter(names))
                    for other in names:
                        self.union(base, other)
        if kind == "person":
            # "Oksana Melnychuk" and "Oksana Melnîciuk": one given name, the surname's consonants the same
            # once transliterations are folded (`skeleton`), long enough to tell.
            by_sound: dict[tuple[str, str], str] = {}
            for n in self.by_key.values():
                words = key(n).split()
                if len(words) == 2 and words[0] in self.given and len(skeleton(words[1])) >= MIN_SURNAME_SKELETON:
                    sound = (words[0], skeleton(words[1]))
                    if sound in by_sound:
                        self.union(by_sound[sound], n)
                    by_sound.setdefault(sound, n)
            # "Stanciu Mihai" and "Mihai Stanciu": the same words in another order (official lists).
            by_words: dict[tuple[str, ...], str] = {}
            for n in self.by_key.values():
                words = tuple(sorted(key(n).split()))
                if len(words) >= 2:
                    if words in by_words:
                        self.union(by_words[words], n)
                        self._lead_given(n)
                    by_words.setdefault(words, n)
        if kind == "organization" and self.legal_suffixes:
            # "Agrochim Dunărea SA" and "Agrochim Dunărea": a company with and without its legal form
            # (first: "Railtec" alone then joins the one company both forms name).
            for name in list(self.by_key.values()):
                words = key(name).split()
                # (and "Electrocarpat" of "Electrocarpat Industries SA": a business word before the form)
                for cut in (1, 2):
                    if len(words) > cut and all(w in self.legal_suffixes for w in words[-cut:]):
                        short = self.by_key.get(" ".join(words[:-cut]))
                        if short is not None:
                            self.union(name, short)
                            break
        surnames_by_deletion: dict[str, set[str]] = {}  # a surname, and it with one letter removed -> surnames
        tails_by_deletion: dict[str, set[str]] = {}  # the same for a longer name's last words
        if kind == "person":
            for surname in self.by_surname:
                for v in _deletions(surname):
                    surnames_by_deletion.setdefault(v, set()).add(surname)
            for tail in self.by_tail:
                for v in _deletions(tail):
                    tails_by_deletion.setdefault(v, set()).add(tail)
        inner: dict[str, set[str]] = {}  # a word past an organization's first -> the names holding it
        if kind == "organization":
            for name in self.by_key.values():
                for word in set(key(name).split()[1:]) - {key(name).split()[0]}:
                    inner.setdefault(word, set()).add(name)
        for name in list(self.by_key.values()):
            k = key(name)
            words = k.split()
            if kind == "person" and len(words) == 1:
                # A surname alone ("Grossi"), or the family name that comes first ("Kim" of "Kim Jong
                # Un"): joined when exactly one full name of the article has it; else a surname one letter
                # away, of one full name only ("Gnatenko" of "Petro Hnatenko": two transliterations).
                full = self.by_surname.get(words[0], set()) | self.by_first.get(words[0], set())
                if not full and len(k) >= MIN_TYPO_KEY:
                    near = {s for v in _deletions(k) for s in surnames_by_deletion.get(v, ())
                            if one_edit_apart(k, s)}
                    full = {f for s in near for f in self.by_surname[s]}
                if len({self.find(f) for f in full}) == 1:
                    self.union(next(iter(full)), name)
            if kind == "person" and len(words) >= 2 and words[0] not in self.given:
                # A surname of several words alone ("Van den Broeck" of "Pieter Van den Broeck"): joined
                # when exactly one full name of the article ends with it, or with it one letter away
                # ("Al-Nuaymi" of "Khaled al-Nuaimi").
                full = self.by_tail.get(k, set()) or {f for v in _deletions(k) for tail in tails_by_deletion.get(v, ())
                                                      if one_edit_apart(k, tail) for f in self.by_tail[tail]}
                if len({self.find(f) for f in full}) == 1:
                    self.union(next(iter(full)), name)
            if kind == "organization" and len(words) == 1 and not is_acronym(name):
                # "Curtea" after "Curtea Constituțională": the institution named in full before; else the one
                # longer name that holds the word past its first ("Termoenergetica" of "Compania Municipală
                # Termoenergetica București"; never a word of a kind, which leads a name).
                full = self.by_first.get(words[0], set())
                if not full and len(k) >= MIN_INNER_NAME and name[:1].isupper():
                    full = inner.get(words[0], set())
                if len({self.find(f) for f in full}) == 1:
                    self.union(next(iter(full)), name)
            if kind == "organization" and is_acronym(name):
                full = self.by_acronym.get(name.replace(".", "").upper(), set())
                if len({self.find(f) for f in full}) == 1:
                    self.union(next(iter(full)), name)
            elif kind == "organization" and len(words) >= 2 and is_acronym(name.split()[0]):
                # "ISU Brașov" and "Inspectoratul pentru Situații de Urgență Brașov": an acronym, then the
                # words the full name ends with.
                first, rest = name.split(maxsplit=1)
                tail = " " + key(rest)
                full = {f for f in self.by_acronym.get(first.replace(".", "").upper() + initials(rest, self.connectors), ())
                        if f != name and key(f).endswith(tail)}
                # "ISU Dobrogea" and "Inspectoratul pentru Situații de Urgență „Dobrogea” al județului
                # Constanța": the words before the name in quotation marks, then that name or the end.
                full |= {f for f in self.by_quoted_head.get(first.replace(".", "").upper(), ())
                         if f != name and (key(_quoted_part(f)) == key(rest) or key(f).endswith(tail))}
                if len({self.find(f) for f in full}) == 1:
                    self.union(next(iter(full)), name)
            if len(k) >= MIN_TYPO_KEY:
                # A one-letter typo: the names sharing a one-deletion variant with it (a few dictionary
                # look-ups per name, never a scan of every name of that length).
                candidates = {o for v in _deletions(k) for o in self.by_deletion.get(v, ())}
                near = sorted(o for o in candidates if o != name and one_edit_apart(k, key(o))
                              and not self._two_given_names(k, key(o)))
                if len({self.find(o) for o in near}) == 1:
                    self.union(near[0], name)
        if kind == "organization" and self.and_words:
            # "Ministerul Muncii" and "Ministerul Muncii, Familiei și Solidarității Sociale": a name whose
            # next words are joined to it ("," or "și") by the one name that has them.
            cut_at: dict[str, set[str]] = {}
            for name in self.by_key.values():
                words = key(name).split()
                for cut in range(2, len(words)):
                    if words[cut - 1].endswith(","):
                        cut_at.setdefault(" ".join(words[:cut])[:-1], set()).add(name)
                    elif words[cut] in self.and_words:
                        cut_at.setdefault(" ".join(words[:cut]), set()).add(name)
            self._join_to_one_longer(cut_at, self.by_key.values())
        if kind == "person":
            # "Josep Borrell" and "Josep Borrell Fontelles": one name the other's first words.
            multi = sorted((n for n in self.by_key.values() if len(key(n).split()) >= 2), key=lambda n: len(key(n)))
            prefixes: dict[str, set[str]] = {}
            for n in multi:
                words = key(n).split()
                for cut in range(2, len(words)):
                    prefixes.setdefault(" ".join(words[:cut]), set()).add(n)
            self._join_to_one_longer(prefixes, multi)

    def _two_given_names(self, a: str, b: str) -> bool:
        """ "Sorin Matei" and "Dorin Matei": the word they differ in is a given name in both, so two
        people (brothers, say), not a typo."""
        words_a, words_b = a.split(), b.split()
        if len(words_a) != len(words_b):
            return False
        differ = [(x, y) for x, y in zip(words_a, words_b) if x != y]
        return len(differ) == 1 and differ[0][0] in self.given and differ[0][1] in self.given

    def join_seats(self, is_place: Callable[[str], bool]) -> None:
        """ "Apa Nova" and "Apa Nova București": a name of two words or more and the one name that goes on
        with a place (`is_place`, of the last word), the organization's seat, are one organization."""
        seated: dict[str, set[str]] = {}
        for name in self.by_key.values():
            words = name.split()
            if len(words) >= 3 and is_place(words[-1]):
                seated.setdefault(key(" ".join(words[:-1])), set()).add(name)
        self._join_to_one_longer(seated, [n for n in self.by_key.values() if key(n) in seated])

    def _join_to_one_longer(self, longer_by_key: dict[str, set[str]], names: Iterable[str]) -> None:
        """Each of `names` joins the longer name it begins (`longer_by_key`: key -> the names that go on
        from it) when those are all one entity."""
        for name in list(names):
            longer = longer_by_key.get(key(name), set())
            if len({self.find(x) for x in longer}) == 1:
                self.union(next(iter(longer)), name)

    def _lead_given(self, name: str) -> None:
        """Of two orders of one name, the one that starts with a given name leads its group."""
        root = self.find(name)
        if key(root).split()[0] not in self.given and key(name).split()[0] in self.given:
            self.parent[root] = name
            self.parent[name] = name
            self.weight[name] = self.weight.get(root, 0)

    def canonical(self, name: str) -> str:
        """The name that stands for `name`'s group."""
        k = key(name)
        return self.find(self.by_key[k]) if k in self.by_key else name

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name in self.by_key.values():
            out.setdefault(self.find(name), []).append(name)
        return out


def best_form(forms: Iterable[str]) -> Optional[str]:
    """The form to show for a group of names: the longest of the most frequent."""
    counts: dict[str, int] = {}
    for f in forms:
        counts[f] = counts.get(f, 0) + 1
    return max(counts, key=lambda f: (counts[f], len(f.split()), len(f))) if counts else None
