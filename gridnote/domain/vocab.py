"""Coded vocabularies typed in English or Chinese: care tags, genders, and later kinds and states.

A value is stored as its code (``living-alone``); she may type the code, the
English or the Chinese label, or a common synonym (独居, 独居老人). Each area
declares its vocabulary with :class:`Vocabulary`, so the mapping lives in one
mechanism and the labels follow the interface language.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from gridnote.input.text import fold


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    zh: str
    synonyms: tuple[str, ...] = ()


@dataclass
class Vocabulary:
    name: str
    terms: tuple[Term, ...]
    _index: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {}
        for term in self.terms:
            for spelling in (term.code, term.en, term.zh, *term.synonyms):
                self._index.setdefault(fold(spelling), term.code)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return any(term.code == code for term in self.terms)

    @property
    def codes(self) -> list[str]:
        return [term.code for term in self.terms]

    def lookup(self, text: str) -> str | None:
        """The code for what she typed, or None."""
        return self._index.get(fold(text))

    def term(self, code: str) -> Term | None:
        return next((t for t in self.terms if t.code == code), None)

    def label(self, code: str, lang: str | None = None) -> str:
        """The label in the interface language; unknown codes are shown as typed."""
        from gridnote.messages.i18n import lang as current

        term = self.term(code)
        if term is None:
            return code
        return term.zh if (lang or current()) == "zh" else term.en

    def choices(self, lang: str | None = None) -> str:
        """``visit (走访), phone (电话)…`` for error messages."""
        from gridnote.messages.i18n import join_list

        return join_list(f"{t.code} ({t.zh})" for t in self.terms)


CARE_TAGS = Vocabulary(
    "care tag",
    (
        Term("living-alone", "living alone", "独居", ("独居老人", "孤寡", "孤寡老人", "alone", "lives alone")),
        Term("bedridden", "bedridden", "失能", ("卧床", "瘫痪", "失能老人", "长期卧床", "paralysed", "paralyzed")),
        Term("disabled", "disabled", "残疾", ("残疾人", "残障", "半失能", "disability")),
        Term("hypertension", "hypertension", "高血压", ("高血压患者", "high blood pressure", "htn")),
        Term("diabetes", "diabetes", "糖尿病", ("糖尿病患者", "diabetic")),
        Term("low-income", "low-income", "低保", ("低保户", "subsistence", "dibao")),
        Term("elderly", "elderly (80+)", "高龄", ("高龄老人", "80+")),
        Term("empty-nest", "empty nest", "空巢", ("空巢老人",)),
        Term("mental-health", "mental health", "精神障碍", ("严重精神障碍", "精神病")),
        Term("veteran", "veteran", "退役军人", ("军人",)),
        Term("left-behind-child", "left-behind child", "留守儿童", ()),
        Term("building-head", "building head", "楼栋长", ("楼长", "building-leader")),
    ),
)

GENDERS = Vocabulary(
    "gender",
    (
        Term("f", "female", "女", ("woman", "w", "女性")),
        Term("m", "male", "男", ("man", "男性")),
    ),
)


def normalize_tags(texts: Iterable[str]) -> list[str]:
    """Known tags become codes; free tags are kept (trimmed, lower-case), duplicates dropped.

    Several tags may come in one value separated by commas, 、 or ；.
    """
    seen: list[str] = []
    for text in texts:
        for piece in split_list(text):
            words = piece.split()
            if CARE_TAGS.lookup(piece) is None and len(words) > 1 and all(CARE_TAGS.lookup(w) for w in words):
                codes = [CARE_TAGS.lookup(w) or "" for w in words]  # "高血压 独居": two tags typed with a space
            else:
                codes = [CARE_TAGS.lookup(piece) or fold(piece)]
            for code in codes:
                if code and code not in seen:
                    seen.append(code)
    return seen


def free_tags(tags: Iterable[str]) -> list[str]:
    """Tags that are not one of the known care tags (kept, but no care round follows from them)."""
    return [tag for tag in tags if tag not in CARE_TAGS]


def split_list(text: str) -> list[str]:
    """Split ``a, b、c；d`` into parts (how lists are typed in Chinese spreadsheets)."""
    for sep in ("，", "、", "；", ";", "/", "|"):
        text = text.replace(sep, ",")
    return [part.strip() for part in text.split(",") if part.strip()]


TASK_STATUSES = Vocabulary(
    "task status",
    (
        Term("open", "open", "未完成", ("todo", "待办", "未办", "进行中")),
        Term("done", "done", "已完成", ("完成", "finished", "closed")),
        Term("dropped", "dropped", "已放弃", ("放弃", "取消", "cancelled", "canceled")),
        Term("skipped", "skipped", "已跳过", ("跳过", "skip")),
    ),
)


VISIT_KINDS = Vocabulary(
    "visit kind",
    (
        Term("visit", "home visit", "走访", ("入户", "家访", "上门", "探访", "home", "home visit")),
        Term("phone", "phone call", "电话", ("call", "打电话", "来电", "致电", "tel")),
        Term("wechat", "WeChat", "微信", ("wx", "weixin", "语音", "微信语音", "message")),
        Term("walk", "building walk", "巡查", ("巡楼", "巡逻", "巡查楼栋", "patrol", "round")),
        Term("emergency", "emergency call-out", "应急", ("紧急", "急事", "出勤", "call-out", "callout")),
        Term("outreach", "outreach", "宣传", ("活动", "宣讲", "讲座", "反诈", "event", "talk")),
    ),
)
