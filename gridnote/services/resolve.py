"""Finding a resident the way she types: number, name, alias, pinyin, initials, address.

``李奶奶``, ``linainai``, ``lnn``, ``8-2-301``, ``李 8-2`` and ``#12`` all work.
Every word must match; an exact match of a whole name, alias, pinyin or
initials beats a partial one, so ``lnn`` picks 李奶奶 even though ``lnn`` is
also inside longer initials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gridnote.errors import AmbiguousError, NotFoundError, SoundsLikeError, StateError
from gridnote.input.address import looks_like_address, parse_address
from gridnote.input.text import display_name, fold
from gridnote.messages import i18n
from gridnote.models import Resident
from gridnote.services.resident_fields import phone_spellings
from gridnote.services.residents import get_resident
from gridnote.store import residents as resident_rows
from gridnote.store.notebook import Notebook, contains

_ID = re.compile(r"^#?(\d+)$")
MAX_CANDIDATES = 8

EXACT, PREFIX, PARTIAL = 3, 2, 1


@dataclass(frozen=True)
class Match:
    resident: Resident
    score: int
    exact: bool


def _word_score(token: str, row: Any) -> int:
    names = [fold(v) for v in (row["name"], row["alias"]) if v]
    words = [*names, *row["pinyin"].split(), *row["initials"].split()]
    if token in words:
        return EXACT
    if any(w.startswith(token) for w in words):
        return PREFIX
    return PARTIAL


def find_residents(nb: Notebook, query: str, *, include_moved: bool = False) -> list[Match]:
    """Residents matching every word of ``query``, best first.

    Pinyin typed in syllables (``li nainai``) is first read joined
    (``linainai``), as stored; word by word only when that finds nobody.
    """
    tokens = fold(query).split()
    joined = _join_syllables(tokens)
    if joined != tokens:
        matches = _find(nb, joined, include_moved)
        if matches:
            return matches
    return _find(nb, tokens, include_moved)


def _join_syllables(tokens: list[str]) -> list[str]:
    """Runs of Latin-letter words joined into one: ``li nainai 8-2`` → ``linainai 8-2``."""
    out: list[str] = []
    latin = False
    for token in tokens:
        is_latin = token.isascii() and token.isalpha()
        if is_latin and latin:
            out[-1] += token
        else:
            out.append(token)
        latin = is_latin
    return out


def _find(nb: Notebook, tokens: list[str], include_moved: bool) -> list[Match]:
    if not tokens:
        return []
    addresses = [t for t in tokens if looks_like_address(t)]
    words = [t for t in tokens if t not in addresses]
    prefixes = []
    for token in addresses:
        address = parse_address(token)
        assert address is not None
        prefixes.append(address.canonical())
    # each word: its pattern, and its phone spellings (old +86-138-… rows too)
    likes = [(contains(token), [contains(spelling) for spelling in phone_spellings(token)]) for token in words]
    rows = resident_rows.matching_rows(nb, prefixes, likes, include_moved=include_moved)
    matches = []
    for row in rows:
        scores = [_word_score(token, row) for token in words] or [EXACT]
        matches.append(Match(resident_rows.resident_from_row(row), sum(scores), all(s == EXACT for s in scores)))
    matches.sort(key=lambda m: (-m.score, m.resident.address or "~", m.resident.id))
    return matches


def resolve_resident(nb: Notebook, query: str, *, current: bool = False) -> Resident:
    """Exactly one resident for ``query``, or an error that lists candidates or close names.

    Someone who moved out is found only when nobody current matches; with
    ``current=True`` (recording a visit, a task, a report) that is refused
    with how to bring them back, instead of writing to a moved-out record.
    """
    resident = _resolve(nb, query)
    if current and resident.moved_out:
        key = "resident.is_deceased" if resident.deceased else "resident.is_moved_out"
        raise StateError(key, name=resident.display_name, date=(resident.moved_out_at or "")[:10], query=query)
    return resident


def _resolve(nb: Notebook, query: str) -> Resident:
    text = fold(query)
    if not text:
        raise NotFoundError("resident.empty_query")
    id_match = _ID.match(text)
    if id_match and (text.startswith("#") or not looks_like_address(text) or "-" not in text):
        try:
            return get_resident(nb, int(id_match[1]))
        except NotFoundError:
            if text.startswith("#"):
                raise
    matches = find_residents(nb, query)
    if not matches:
        matches = find_residents(nb, query, include_moved=True)
    chosen = pick(matches)
    if chosen is not None:
        return chosen
    if not matches:
        sounds = same_sound(nb, query)
        if len(sounds) == 1:
            [(resident, spoken)] = sounds
            raise SoundsLikeError(
                "resident.sounds_like",
                candidate=resident,
                query=query,
                name=resident.display_name,
                address=resident.address or "-",
                example=spoken,
            )
        closest = closest_names(nb, query, first=[resident.display_name for resident, _ in sounds])
        if not closest:
            raise NotFoundError("resident.not_found_at_all", query=query)
        raise NotFoundError("resident.not_found", query=query, closest=closest)
    candidates = [m.resident for m in matches]
    key, example = _narrowing(query, candidates)
    raise AmbiguousError(
        key,
        candidates=candidates,
        query=query,
        count=len(matches),
        example=example,
        id=candidates[0].id,
        listing=format_candidates(candidates),
    )


def _narrowing(query: str, candidates: list[Resident]) -> tuple[str, str]:
    """The message key and an example query that would pick out one candidate.

    An address helps only when the candidates live apart, a name only when
    their names differ; namesakes in one flat differ by number alone.
    """
    from collections import Counter

    addresses = Counter(r.address for r in candidates)
    names = Counter(r.name for r in candidates)
    words = [w for w in query.split() if not looks_like_address(w)]
    for r in candidates:
        if r.address and addresses[r.address] == 1:
            return "resident.ambiguous_address", " ".join([*words, r.address])
        if names[r.name] == 1:
            return "resident.ambiguous_name", f"{query.strip()} {r.name}"
    return "resident.ambiguous_number", ""  # (no example: the number is the example)


def pick(matches: list[Match]) -> Resident | None:
    """The one resident these matches point to, if there is one."""
    if len(matches) == 1:
        return matches[0].resident
    exact = [m for m in matches if m.exact]
    if len(exact) == 1:
        return exact[0].resident
    return None


def format_candidates(residents: list[Resident]) -> str:
    shown = [f"#{r.id} {r.display_name} {r.address or '-'}" for r in residents[:MAX_CANDIDATES]]
    more = len(residents) - len(shown)
    return i18n.join_groups([*shown, *([f"… +{more}"] if more > 0 else [])])


def same_sound(nb: Notebook, query: str) -> list[tuple[Resident, str]]:
    """Residents whose name or alias sounds like what she typed (里奶奶: 李奶奶), with that name.

    An input method's slip keeps the sound and changes the character, so a
    Chinese query is compared by its toneless pinyin with every name and alias
    (pinyin is loaded only here, on the way to a "not found").
    """
    text = fold(query)
    if text.isascii():
        return []
    from gridnote.input.pinyin import pinyin_keys

    sound = pinyin_keys(text)[0]
    if not sound or " " in sound:
        return []
    found: list[tuple[Resident, str]] = []
    for row in resident_rows.current_names(nb):
        words = row["pinyin"].split()  # stored as written: the name's, then the alias's
        if sound in words:
            spoken = [n for n in (row["name"], row["alias"]) if n][min(words.index(sound), 1)]
            found.append((get_resident(nb, row["id"]), spoken))
    return found


def closest_names(nb: Notebook, query: str, limit: int = 3, *, first: list[str] | None = None) -> str:
    """A few names that look like what she typed (for "not found" messages); ``first``: those that sound alike."""
    import difflib

    text = fold(query)
    rows = resident_rows.current_names(nb)
    by_key: dict[str, str] = {}
    for row in rows:
        label = display_name(row["name"], row["alias"]) or row["name"]
        for key in (row["name"], row["alias"], *row["pinyin"].split(), *row["initials"].split()):
            if key:
                by_key.setdefault(fold(key), label)
    close = difflib.get_close_matches(text, list(by_key), n=limit * 3, cutoff=0.5)
    labels: list[str] = list(first or [])
    for key in close:
        if by_key[key] not in labels:
            labels.append(by_key[key])
    return i18n.join_list(labels[:limit])
