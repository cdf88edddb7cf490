"""What the notebook and the grid centre show in Datasette: titles, descriptions, labels (the Surface).

Pure: texts from the catalogue in the interface language, built when asked for
(never at import), for :mod:`gridnote.output.datasette` to turn into metadata.
"""

from __future__ import annotations

from gridnote.output.datasette import Surface, Table


def code_tables() -> tuple[Table, ...]:
    """The code tables ``names_*`` (:mod:`gridnote.store.codes`): what each names, labelled by its name."""
    from gridnote.messages.i18n import lang, t
    from gridnote.store.codes import TABLES, columns

    label = "zh" if lang() == "zh" else "en"
    return tuple(
        Table(
            table,
            title=t("browse.names.title", what=t(f"browse.names.{table}")),
            description=t("browse.names.description", column=column),
            label_column=label,
            columns=tuple((name, t(f"browse.column.{name}")) for name in columns(table)),
        )
        for table, (column, _) in TABLES.items()
    )


# view -> (facets, newest first by, its columns)
_VIEWS: dict[str, tuple[tuple[str, ...], str | None, tuple[str, ...]]] = {
    "v_residents": (
        ("building", "tags", "gender"),
        None,
        (
            "id",
            "name",
            "alias",
            "gender",
            "birth",
            "building",
            "address",
            "phones",
            "id_number",
            "tags",
            "note",
            "moved_out_at",
        ),
    ),
    "v_households": (("building", "unit"), None, ("id", "address", "building", "unit", "room", "residents", "note")),
    "v_visits": (
        ("kind", "building", "day"),
        "at",
        ("id", "day", "at", "kind", "resident", "address", "building", "note", "back_at", "undone_at"),
    ),
    "v_readings": (
        ("kind", "flagged"),
        "at",
        ("id", "day", "at", "kind", "resident", "value", "value2", "measured_in", "flagged", "flag_reason"),
    ),
    "v_tasks": (
        ("status", "starred", "due_date"),
        None,
        ("id", "text", "status", "starred", "due_date", "due_at", "resident", "building", "every", "done_at"),
    ),
    "v_issues": (
        ("category", "status", "kind", "channel", "building"),
        "received_day",
        (
            "id",
            "received_day",
            "category",
            "status",
            "kind",
            "channel",
            "priority",
            "text",
            "reporter",
            "reporter_contact",
            "place",
            "building",
            "referred_to",
            "response_due_at",
            "resolve_due_at",
            "first_response_at",
            "resolved_at",
            "rating",
        ),
    ),
    "v_events": (
        ("kind", "building"),
        "day",
        ("id", "day", "at", "title", "kind", "building", "partners", "attendees", "note"),
    ),
    "v_inbox": (
        ("item_kind", "answer", "source"),
        "sent_at",
        ("id", "sent_at", "item_kind", "source", "answer", "text", "address", "why", "answered_at", "made"),
    ),
}
# the notebook's own tables: shown as they are (no personal data) or with personal data in clear
_PLAIN = ("buildings", "issue_categories")
_INTERNAL = ("config", "notebook", "changes", "revisions", "_sqlite_migrations")


def notebook_surface(tables: list[str]) -> Surface:
    """What the notebook shows in Datasette: the views, the code tables, buildings; internals hidden.

    Every other table of ``tables`` holds personal data in clear (denied unless ``--full``);
    the search index's tables and the internals are hidden, and denied unless ``--full``.
    """
    from gridnote.messages.i18n import t

    known = {*_VIEWS, *_PLAIN, *_INTERNAL}
    names = code_tables()
    named = {table.name for table in names}
    shown = [
        Table(
            view,
            title=t(f"browse.table.{view}"),
            description=t(f"browse.about.{view}"),
            facets=facets,
            sort_desc=newest,
            columns=tuple((column, t(f"browse.column.{column}")) for column in columns),
        )
        for view, (facets, newest, columns) in _VIEWS.items()
    ]
    shown += [
        Table("buildings", title=t("browse.table.buildings"), label_column="code"),
        Table(
            "issue_categories", title=t("browse.table.issue_categories"), description=t("browse.about.issue_categories")
        ),
    ]
    # the change log, revisions and the search index hold the register's text too: denied unless full
    hidden = [
        Table(name, hidden=True, personal=True) for name in tables if name in _INTERNAL or name.startswith("search")
    ]
    personal = [
        Table(name, personal=True, label_column="address" if name == "households" else None)
        for name in tables
        if name not in known and name not in named and not name.startswith("search")
    ]
    return Surface(t("browse.title"), t("browse.description"), (*shown, *names, *hidden, *personal))
