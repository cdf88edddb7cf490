"""``gridnote find``: one query over residents, issues, tasks and visit notes.

The index (migration ``m006_search``, in ``gridnote.store.search_schema``)
--------------------------------------------------------------------
Every searchable row is one *document*: a resident (name, alias, pinyin and
initials, phones, address, notes), a visit's note (undone entries are left
out), a task (text and note), an issue (text, outcome, referral contact and
every note of its timeline). Triggers on the source tables rewrite a
document whenever its row changes, so the index is never rebuilt by hand and
nothing outside SQL has to remember it. A document's ``rowid`` is
``id * 8 + kind`` (1 resident, 2 visit, 3 task, 4 issue): kind and id come
back from the index alone, and ``rowid`` order is the order rows were written.

Two FTS5 tables hold each document:

- ``search`` uses the **trigram** tokenizer (SQLite 3.34+): any substring of 3+ characters
  (``下水道``, ``linainai``, ``8-2-301``, ``1385711``) is an indexed look-up,
  case-insensitive, in Chinese, Latin or digits alike.
- Trigrams cannot find 1-2 characters (``李``, ``漏水``): FTS5 returns nothing
  for them, and ``LIKE`` falls back to a scan of every document. So
  ``search_han`` indexes the same text with the ``unicode61`` tokenizer after
  a space is put either side of each Han character: every Han character is a
  token, and ``漏水`` becomes the phrase ``"漏 水"`` — an indexed phrase query.
  Latin and digit runs stay words there, so a 1-2 letter query (``bp``) is a
  prefix query. The table is contentless (it keeps no second copy); the
  spaced text is made in plain SQL (``search_spaced``: a positions table and
  ``substr``), so any SQLite client can still write to the notebook — no
  application function is needed inside a trigger.

Measured with ``benchmarks/search_scale.py`` (the example grid plus 100,000
visits, 20,000 tasks and 3,000 issues with 9,000 timeline notes: 123,752
documents; SQLite 3.40, one core). A selective 2-character query (``煤气``,
651 documents) takes 0.3 ms on ``search_han`` against 26 ms for ``LIKE`` over
every document; a common one (``下水``, 13,000 documents) 8 ms against 32 ms;
a 1-character one (``曾``, 16,000 documents) 8-10 ms against 33 ms; the
trigram look-up of ``煤气味`` 0.3 ms. :func:`search` end to end: 1.3 ms for
``煤气``, 15 ms for ``李`` (16,000 matches to count and sort). The triggers
add 0.12 ms to each write; the indexes take 25 MB of that notebook's 62 MB
(its notes are short); upgrading a notebook of that size builds them in 4.5 s,
once.

Query and ranking
-----------------
The query is normalised (full-width digits and letters, ``textnorm``) and
split into words; a document must contain every word. Words of 3+
characters go to the trigram index, shorter ones to ``search_han``; a query
with both intersects the two (one SQL statement). Pinyin and initials
(``lnn``, ``linainai``) match the columns stored when a name was written —
``pypinyin`` is never loaded here.

Results come grouped by kind, in this order: residents (an exact name,
alias, pinyin or initials match first, then a name starting with the word,
then by address; moved-out residents last), issues (open ones first), tasks
(open first), visits; within a kind, the most recently written first. Each
group carries the count of all its matches and at most ``limit`` hits; one
query per kind fetches the rows of the hits shown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from gridnote.domain.vocab import Term, Vocabulary
from gridnote.errors import InputError
from gridnote.input.text import fold, normalize
from gridnote.models import SearchGroup, SearchHit, SearchResult
from gridnote.services.resident_fields import phone_spellings
from gridnote.store.search_schema import SEARCH_KIND_CODES

if TYPE_CHECKING:
    from gridnote.store.notebook import Notebook

KIND_CODES = SEARCH_KIND_CODES  # a document's rowid is id * 8 + its kind's code
ORDER = ("resident", "issue", "task", "visit")
DEFAULT_LIMIT = 10
SNIPPET_CHARS = 16  # context kept either side of a match shown out of its line

SEARCH_KINDS = Vocabulary(
    "search kind",
    (
        Term("resident", "residents", "居民", ("residents", "people", "person", "人", "居民信息")),
        Term("issue", "issues", "问题", ("issues", "诉求", "问题诉求")),
        Term("task", "tasks", "任务", ("tasks", "待办", "工作")),
        Term("visit", "visits", "走访", ("visits", "log", "记录", "走访记录")),
    ),
)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(rf"[{_HAN}]|[^\W_{_HAN}]+")  # what unicode61 sees once Han characters are spaced


def parse_kinds(texts: list[str]) -> list[str] | None:
    """``--kind`` values (``visit``, ``走访``, ``居民,问题``) as codes; None for every kind."""
    from gridnote.domain.vocab import split_list

    codes: list[str] = []
    for text in texts:
        for piece in split_list(text):
            code = SEARCH_KINDS.lookup(piece)
            if code is None:
                raise InputError("find.bad_kind", text=piece, choices=SEARCH_KINDS.choices())
            if code not in codes:
                codes.append(code)
    return codes or None


# -- the query ---------------------------------------------------------------------------
def terms_of(text: str) -> tuple[str, ...]:
    """The words of a query, normalised (``８－２`` → ``8-2``); duplicates dropped."""
    words: list[str] = []
    for word in normalize(text).split():
        if word.casefold() not in (w.casefold() for w in words):
            words.append(word)
    return tuple(words)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_queries(terms: tuple[str, ...]) -> tuple[str | None, str | None]:
    """MATCH expressions for the trigram index and the Han index (None: not needed)."""
    long_terms: list[str] = []
    short_terms: list[str] = []
    for term in terms:
        if len(term) >= 3:
            spellings = phone_spellings(term)  # 13800002222 also finds an old +86-138-0000-2222
            long_terms.append("(" + " OR ".join(map(_phrase, spellings)) + ")" if len(spellings) > 1 else _phrase(term))
            continue
        tokens = _TOKEN.findall(term)
        if not tokens:
            continue  # punctuation alone: nothing to look for
        prefix = "*" if not re.fullmatch(f"[{_HAN}]", tokens[-1]) else ""
        short_terms.append(_phrase(" ".join(tokens)) + prefix)
    return (" AND ".join(long_terms) or None, " AND ".join(short_terms) or None)


def search(nb: Notebook, text: str, *, kinds: list[str] | None = None, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """Residents, issues, tasks and visits matching every word of ``text``, best first."""
    terms = terms_of(text)
    if not any(_TOKEN.search(term) or len(term) >= 3 for term in terms):
        raise InputError("find.empty_query", text=text)
    wanted = {KIND_CODES[k] for k in (kinds or ORDER)}
    refs: dict[int, list[int]] = {code: [] for code in KIND_CODES.values()}
    from gridnote.store.search import matching_rowids

    for rowid in matching_rowids(nb, *fts_queries(terms)):
        code = rowid & 7
        if code in wanted:
            refs[code].append(rowid >> 3)
    finders = {"resident": _residents, "issue": _issues, "task": _tasks, "visit": _visits}
    groups = []
    for kind in ORDER:
        found = refs[KIND_CODES[kind]]
        if found:
            groups.append(SearchGroup(kind, len(found), finders[kind](nb, found, terms, limit)))
    return SearchResult(text.strip(), terms, limit, groups)


def _residents(nb: Notebook, refs: list[int], terms: tuple[str, ...], limit: int) -> list[SearchHit]:
    from gridnote.store.residents import resident_from_row, resident_rows

    rows = resident_rows(nb, refs)
    ranked = []
    for row in rows:
        words = [fold(v) for v in (row["name"], row["alias"]) if v]
        keys = [*words, *row["pinyin"].split(), *row["initials"].split()]
        folded = [fold(term) for term in terms]
        if any(term in keys for term in folded):
            quality = 0
        elif any(key.startswith(term) for term in folded for key in keys):
            quality = 1
        else:
            quality = 2
        ranked.append((row["moved_out_at"] is not None, quality, _address_key(row["address"]), row["id"], row))
    ranked.sort(key=lambda item: item[:4])
    hits = []
    for _, quality, _, _, row in ranked[:limit]:
        resident = resident_from_row(row)
        shown = " ".join(filter(None, (resident.name, resident.alias, resident.address)))
        snippet = _resident_snippet(row, terms) if not _contains_all(shown, terms) else None
        hits.append(SearchHit("resident", resident.id, exact=quality == 0, snippet=snippet, resident=resident))
    return hits


def _address_key(address: str | None) -> tuple[Any, ...]:
    """``5-1-502`` before ``5-1-1101``: numbers compared as numbers; no address last."""
    if not address:
        return ((1,),)
    return ((0,), *((0, int(p)) if p.isdigit() else (1, p) for p in address.split("-")))


def _resident_snippet(row: Any, terms: tuple[str, ...]) -> str | None:
    """The field a resident matched in, when it is not their name, alias or address."""
    for field_text in (row["phones"].replace(",", " "), row["pinyin"], row["initials"]):
        for word in field_text.split():
            if any(fold(term) in word.casefold().replace("-", "") for term in terms):
                return word
    return snippet(" ".join(filter(None, (row["note"], row["moved_out_note"]))), terms)


def _issues(nb: Notebook, refs: list[int], terms: tuple[str, ...], limit: int) -> list[SearchHit]:
    from gridnote.store.issues import found_issues
    from gridnote.store.search import documents

    issues = found_issues(nb, refs, limit)
    bodies = documents(nb, KIND_CODES["issue"], [i.id for i in issues])
    return [SearchHit("issue", i.id, issue=i, snippet=_elsewhere(i.text, bodies.get(i.id, ""), terms)) for i in issues]


def _tasks(nb: Notebook, refs: list[int], terms: tuple[str, ...], limit: int) -> list[SearchHit]:
    from gridnote.store.tasks import tasks_by_ids

    tasks = tasks_by_ids(nb, refs, limit)
    return [SearchHit("task", t.id, task=t, snippet=_elsewhere(t.text, t.note or "", terms)) for t in tasks]


def _visits(nb: Notebook, refs: list[int], terms: tuple[str, ...], limit: int) -> list[SearchHit]:
    from gridnote.store.visits import visits_by_ids

    newest = sorted(refs, reverse=True)[:limit]
    visits = visits_by_ids(nb, newest, newest_first=True, limit=limit)
    return [SearchHit("visit", v.id, visit=v) for v in visits]


# -- where it matched ------------------------------------------------------------------------
def _contains_all(text: str, terms: tuple[str, ...]) -> bool:
    folded = text.casefold()
    return all(term.casefold() in folded for term in terms)


def _elsewhere(shown: str, body: str, terms: tuple[str, ...]) -> str | None:
    """A snippet of ``body`` when a word matched outside the text shown on the hit's line."""
    if _contains_all(shown, terms):
        return None
    missing = tuple(term for term in terms if term.casefold() not in shown.casefold())
    rest = body.replace(shown, " ", 1) if body.startswith(shown) else body
    return snippet(rest, missing)


def snippet(text: str, terms: tuple[str, ...], context: int = SNIPPET_CHARS) -> str | None:
    """``…早上6:30量血压最准`` — the text around the first word found, trimmed to ``context``."""
    text = " ".join(text.split())
    folded = text.casefold()
    found = [(folded.find(term.casefold()), term) for term in terms]
    found = [(i, term) for i, term in found if i >= 0]
    if not found:
        return None
    start, term = min(found)
    left = max(0, start - context)
    right = min(len(text), start + len(term) + context)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")
