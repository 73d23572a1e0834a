"""People named in articles, and one identity for each person across names and articles.

A *mention* is a run of capitalised words that names a person: with a title ("Mr. Paul",
"Sen. Jeanne Shaheen", "President Vladimir V. Putin"), as a first and last name ("Sergio
Gor"), or, once the surname is known to be a person's, the surname alone ("Paul").  Mentions
with the same surname (spelling variants such as Kosachyov / Kosachev included) and no clash
of first names are one person.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from reader.union_find import UnionFind

NAME_SIMILARITY = 80.0  # rapidfuzz ratio at which two surnames are one

TITLES = {  # a title before a name, and the gender it tells (when it does)
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": "", "dr": "", "sen": "", "senator": "",
    "rep": "", "representative": "", "gov": "", "governor": "", "president": "", "minister": "",
    "secretary": "", "gen": "", "general": "", "judge": "", "justice": "", "prof": "", "professor": "",
    "rev": "", "sir": "m", "dame": "f", "mayor": "", "ambassador": "", "chancellor": "", "chairman": "m",
    "chairwoman": "f", "lt": "", "col": "", "capt": "", "sgt": "", "adm": "", "king": "m", "queen": "f",
    "prince": "m", "princess": "f", "pope": "m", "lord": "m", "lady": "f", "premier": "", "speaker": "",
    "commissioner": "", "sheriff": "", "officer": "", "detective": "", "coach": "", "father": "m",
    "sister": "f", "brother": "m", "rabbi": "", "imam": "", "bishop": "", "cardinal": "",
}
ORG_WORDS = frozenset(  # a capitalised run ending in (or holding) one of these names no person
    """house council committee committees institute institution union states kingdom nations
    agency news times post journal beast pundit press association party parliament senate
    congress duma assembly federation kremlin government ministry department court university
    college school bank company corporation inc corp ltd group foundation center centre office
    army navy force forces police service services church city county state republic
    treaty act bill program programme organization organisation council administration
    network channel magazine radio television tv daily weekly review club league team airport
    station hospital museum street avenue road square bridge river mountain island ocean sea
    marathon syndrome war summit strategy media""".split()
)
NOT_NAMES = frozenset(  # capitalised words that open sentences or name no one
    """the a an and but or if in on at of for to from by with as when while after before this that
    these those his her its their our my your there here then now so yet still also however
    much many most some any all both each every no not former late then-president russian
    american british french german chinese ukrainian israeli soviet european western eastern
    northern southern democrat democrats republican republicans monday tuesday wednesday thursday
    friday saturday sunday january february march september october november december
    i we you he she they it god eight""".split()
)
NAME_WORD = r"[A-Z][\w’'\-]*[a-z][\w’'\-]*|[A-Z]\."  # "Kosachyov", "O'Brien", an initial "V."
GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"  # between the words of a name: spaces, one line break at most
MENTION = re.compile(
    r"(?<![\w’'.])(?:(?P<title>" + "|".join(sorted((t.capitalize() for t in TITLES), key=len, reverse=True))
    + r")\.?" + GAP + r")?(?P<name>(?:" + NAME_WORD + r")(?:" + GAP + r"(?:" + NAME_WORD + r")){0,3})(?![\w’'])"
)


@dataclass(frozen=True)
class Mention:
    """One naming of a person in an article's text (display offsets)."""

    start: int
    end: int
    title: str  # lower-case, without the dot; "" when none
    first: tuple[str, ...]  # first names and initials
    surname: str
    written: str = ""  # as the text has it: "Sen. Rand Paul"

    @property
    def key(self) -> str:
        return fold(self.surname)

    @property
    def form(self) -> str:
        """The name as a person would write it without the title: "Rand Paul"."""
        return " ".join((*self.first, self.surname))


@dataclass
class Person:
    """One person, under every name the articles give them."""

    name: str  # the fullest form: "Rand Paul"
    forms: list[str] = field(default_factory=list)  # every way it was written, titles included
    titles: set[str] = field(default_factory=set)

    @property
    def gender(self) -> str:
        genders = {TITLES[t] for t in self.titles if TITLES.get(t)}
        return genders.pop() if len(genders) == 1 else ""


def fold(word: str) -> str:
    """Lower case without accents or possessive: "Kosachyov’s" -> "kosachyov"."""
    word = re.sub(r"[’']s$", "", word)
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def candidate_mentions(text: str) -> list[Mention]:
    """Capitalised runs of ``text`` that look like names, before ``People`` tells people from
    places and things."""
    return [x for x in map(_mention, MENTION.finditer(text)) if x is not None]


def _mention(m: re.Match) -> Mention | None:
    words = [(w.group(), m.start("name") + w.start(), m.start("name") + w.end())
             for w in re.finditer(r"\S+", m.group("name"))]
    title, start = (m.group("title") or "").lower(), m.start()
    for k, (w, _, _) in enumerate(words):  # "President Trump's Russia policy": a possessive ends the name
        if re.search(r"[’']s$", w):
            words = words[: k + 1]
            break
    while words and (words[0][0].lower().rstrip(".") in TITLES or words[0][0].lower() in NOT_NAMES):
        head, at, _ = words.pop(0)  # "former Russian President Vladimir Putin"
        if head.lower().rstrip(".") in TITLES:
            title, start = head.lower().rstrip("."), at
        elif not title:
            start = words[0][1] if words else at
    if not words or any(fold(w) in ORG_WORDS or w.lower() in NOT_NAMES for w, _, _ in words):
        return None
    surname = re.sub(r"[’']s$", "", words[-1][0])
    if surname.endswith(".") or len(surname) < 2:
        return None
    end = words[-1][2]
    return Mention(start, end, title, tuple(w for w, _, _ in words[:-1]), surname, m.string[start:end])


class People:
    """Every person named in a set of texts, and who each mention is."""

    def __init__(self, mentions: list[Mention]) -> None:
        named = [m for m in mentions if m.title or m.first]
        self._canonical = _surname_sets({m.key for m in named})
        self._firsts: dict[str, set[str]] = {}
        for m in named:
            if _first(m):
                self._firsts.setdefault(self._canonical[m.key], set()).add(_first(m))
        self._people: list[Person] = []
        self._of: dict[tuple[str, str], int] = {}  # (surname, first name or "") -> person
        for m in mentions:
            if self.is_person(m):
                self._add(m)

    def is_person(self, m: Mention) -> bool:
        """Named with a title or a first name, or by a surname someone was named with so."""
        return bool(m.title or m.first) or self._surname(m.key) is not None

    def who(self, m: Mention) -> int | None:
        """The person a mention names, or None when it names no one."""
        key = self._surname(m.key)
        if key is None:
            return None
        found = self._of.get((key, self._first_key(key, m)))
        return found if found is not None else self._of.get((key, ""))

    def person(self, k: int) -> Person:
        return self._people[k]

    def all(self) -> list[Person]:
        return list(self._people)

    def _add(self, m: Mention) -> None:
        key = self._surname(m.key)
        slot = (key, self._first_key(key, m))
        if slot not in self._of:
            self._of[slot] = len(self._people)
            self._people.append(Person(m.form))
        person = self._people[self._of[slot]]
        written = re.sub(r"[’']s$", "", m.written)
        if written not in person.forms:
            person.forms.append(written)
        if m.title:
            person.titles.add(m.title)
        if len(m.first) > len(person.name.split()) - 1:
            person.name = m.form  # the fullest form names the person

    def _first_key(self, key: str, m: Mention) -> str:
        """The first name that tells people of one surname apart, "" when one person has it."""
        return _first(m) if len(self._firsts.get(key, ())) > 1 else ""

    def _surname(self, key: str) -> str | None:
        """The canonical form of a surname someone was named with, spelling variants included."""
        if key not in self._canonical:
            self._canonical[key] = next((c for k, c in list(self._canonical.items()) if _alike(k, key)), None)
        return self._canonical[key]


def _first(m: Mention) -> str:
    return fold(m.first[0]) if m.first and not m.first[0].endswith(".") else ""


def _alike(a: str, b: str) -> bool:
    """Spelling variants of one surname: "kosachyov" / "kosachev"."""
    from rapidfuzz import fuzz

    return min(len(a), len(b)) >= 5 and a[:2] == b[:2] and fuzz.ratio(a, b) >= NAME_SIMILARITY


def _surname_sets(keys: set[str]) -> dict[str, str | None]:
    """Each surname mapped to one canonical spelling of its variants."""
    ordered = sorted(keys)
    sets = UnionFind(ordered)
    for x, a in enumerate(ordered):
        for b in ordered[x + 1 :]:
            if _alike(a, b):
                sets.union(a, b)
    return {k: sets.find(k) for k in ordered}
