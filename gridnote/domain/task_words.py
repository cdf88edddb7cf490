"""The words of the tasks gridnote writes itself: stored as a code, said in the interface language.

A follow-up written without text, or a re-check of flagged readings, keeps a
code in ``tasks.text_code`` (and no text of its own), so it reads in whatever
language the interface speaks when it is shown:

* ``followup:resident`` — "Follow up: 李秀英（李奶奶）" (her name as it is now);
* ``followup:household:8-2-301`` — "Follow up: household 8-2-301";
* ``followup:building:5`` — "Follow up: building 5";
* ``recheck:bp,glucose`` — "Re-check blood pressure, blood glucose".
"""

from __future__ import annotations

from collections.abc import Iterable


def recheck_code(kinds: Iterable[str]) -> str:
    return "recheck:" + ",".join(dict.fromkeys(kinds))


def follow_up_code(resident_id: int | None, household: str | None, building: str | None) -> str:
    """The code of a follow-up of a resident, else of a household (its address), else of a building (its code)."""
    if resident_id is not None:
        return "followup:resident"
    if household is not None:
        return f"followup:household:{household}"
    return f"followup:building:{building or ''}"


def recheck_text(kinds: Iterable[str], language: str | None = None) -> str:
    """``Re-check blood pressure, glucose`` / ``复测血压、血糖`` (in ``language``, default the interface's)."""
    from gridnote.domain.readings import READING_KINDS
    from gridnote.messages.i18n import join_list, lang, t_in

    language = language or lang()
    labels = join_list(dict.fromkeys(READING_KINDS.label(k, language) for k in kinds), language)
    return t_in(language, "visit.recheck_task", what=labels)


def task_words(code: str, resident: str | None) -> str:
    """The words of a task written by gridnote, from its code (``resident``: the display name of its resident)."""
    from gridnote.messages.i18n import t

    kind, _, rest = code.partition(":")
    if kind == "recheck":
        return recheck_text(k for k in rest.split(",") if k)
    target, _, value = rest.partition(":")
    if target == "household":
        who = t("visit.household_label", address=value)
    elif target == "building":
        who = t("building.label", code=value)
    else:
        who = resident or ""
    return t("visit.follow_up_task", who=who)
