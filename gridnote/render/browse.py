"""What the notebook and the grid centre show in Datasette: titles, descriptions, labels (the Surface).

Pure: texts from the catalogue in the interface language, built when asked for
(never at import), for :mod:`gridnote.output.datasette` to turn into metadata.
"""

from __future__ import annotations

from gridnote.output.datasette import Table


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
