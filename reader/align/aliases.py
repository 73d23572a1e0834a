"""Words that say the same thing: US / U.S. / United States / America, 90% / 90 percent,
1,000 / 1000, two / 2.

``word_key`` gives a word's comparable key as it is read (the copy finder compares these);
``merged`` rewrites a sentence's keys so that aliases become one term before stemming.
"""
from __future__ import annotations

US = "u.s."
# aliases of one place or body, and number words, as keys
ALIASES = {
    "usa": US, "u.s.a.": US, "america": US, "american": US, "americans": US,
    "britain": "u.k.", "pct": "percent",
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "jan": "january", "feb": "february", "aug": "august", "sept": "september", "sep": "september",
    "oct": "october", "nov": "november", "dec": "december",
}
# irregular verb forms the stemmer leaves apart ("met" / "meeting")
IRREGULAR = {
    form: base for base, forms in {
        "meet": "met", "hold": "held", "take": "took taken", "leave": "left", "win": "won",
        "lead": "led", "bring": "brought", "send": "sent", "pay": "paid", "make": "made",
        "give": "gave given", "find": "found", "go": "went gone", "come": "came", "see": "saw seen",
        "think": "thought", "speak": "spoke spoken", "write": "wrote written", "run": "ran",
        "fall": "fell fallen", "strike": "struck", "shoot": "shot", "flee": "fled", "sell": "sold",
        "buy": "bought", "keep": "kept", "begin": "began begun", "choose": "chose chosen",
        "catch": "caught", "drive": "drove driven", "fly": "flew flown", "rise": "rose risen",
        "stand": "stood", "lose": "lost", "fight": "fought", "seek": "sought", "build": "built",
        "spend": "spent", "feel": "felt", "hear": "heard", "know": "knew known", "grow": "grew grown",
        "throw": "threw thrown", "break": "broke broken", "steal": "stole stolen", "get": "got gotten",
        "die": "dead", "sit": "sat", "hang": "hung", "bear": "bore born", "swear": "swore sworn",
        "wear": "wore worn", "hide": "hid hidden", "shake": "shook shaken", "draw": "drew drawn",
        "eat": "ate eaten", "forget": "forgot forgotten", "freeze": "froze frozen", "ride": "rode ridden",
    }.items() for form in forms.split()
}
PHRASES = {  # two keys that name one thing
    ("united", "states"): US, ("united", "kingdom"): "u.k.", ("great", "britain"): "u.k.",
    ("united", "nations"): "u.n.", ("european", "union"): "e.u.",
    ("per", "cent"): "percent",
}
CAPITALS = {"US": US, "USA": US, "UK": "u.k.", "UN": "u.n.", "EU": "e.u."}  # only in capitals
UNCHANGED = frozenset(ALIASES.values()) | frozenset(PHRASES.values())  # keys never stemmed
REPLACED = {**IRREGULAR, **ALIASES}  # one look-up per key (an alias wins over a verb form)
PHRASE_STARTS = frozenset(first for first, _ in PHRASES)


def word_key(word: str, shouting: bool = False) -> str:
    """The comparable key of one word as found in the text: lower case, "US" (not "us") read
    as the country unless the whole sentence is in capitals, thousands separators dropped."""
    if not shouting and word in CAPITALS:
        return CAPITALS[word]
    key = word.lower().replace("’", "'")
    if key[:1].isdigit() and "," in key:
        key = key.replace(",", "")
    return key


def merged(keys: list[str]) -> list[str]:
    """The keys with two-word names joined ("united states" -> "u.s.") and aliases replaced."""
    if PHRASE_STARTS.isdisjoint(keys):
        get = REPLACED.get
        return [get(k, k) for k in keys]
    out: list[str] = []
    k = 0
    while k < len(keys):
        phrase = PHRASES.get((keys[k], keys[k + 1])) if k + 1 < len(keys) else None
        if phrase:
            out.append(phrase)
            k += 2
            continue
        key = keys[k]
        out.append(REPLACED.get(key, key))
        k += 1
    return out
