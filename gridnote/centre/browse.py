"""The embedded centre in Datasette: code names as tables, masked views, Chinese labels, internals hidden.

:func:`prepare` (re)writes, into the centre file, the tables naming the codes
(``names_*``: categories, issue states, care tags, visit kinds, reading kinds)
and the views Datasette shows (``v_*``: phone and ID numbers and the numbers in
free text masked by the functions of :mod:`gridnote.output.datasette`'s
plugin; both written by :mod:`gridnote.centre.store.browse`), then the
metadata and plugin beside the file. The raw synced tables
hold personal data in clear: unless ``full`` they are denied, as is SQL.
"""

from __future__ import annotations

from pathlib import Path

from gridnote.output.datasette import Surface, Table

_GRID = ("grid", "网格")

SURFACE = Surface(  # the code tables' entries are added when asked for (surface()): they follow the language
    "网格中心",
    "街道网格中心：各网格同步来的数据。电话、身份证号和文字中的号码已遮挡。",
    (
        Table(
            "grids",
            title="网格",
            description="每个网格一行：网格员、最近同步",
            label_column="grid_code",
            columns=(
                ("notebook_id", "笔记本编号"),
                ("grid_code", "网格编号"),
                ("worker_name", "网格员"),
                ("street", "街道"),
                ("worker_role", "数据库角色"),
                ("last_seq", "已收到的最后一条变更"),
                ("first_sync_at", "首次同步"),
                ("last_sync_at", "最近同步"),
            ),
        ),
        Table(
            "v_residents",
            title="居民",
            description="电话和身份证号已遮挡",
            facets=("grid", "tags"),
            columns=(
                _GRID,
                ("name", "姓名"),
                ("alias", "称呼"),
                ("gender", "性别"),
                ("birth", "出生"),
                ("address", "住址"),
                ("phones", "电话"),
                ("id_number", "身份证号"),
                ("tags", "重点人群"),
                ("moved_out_at", "迁出时间"),
            ),
        ),
        Table(
            "v_visits",
            title="走访",
            facets=("grid", "kind"),
            sort_desc="at",
            columns=(
                _GRID,
                ("day", "日期"),
                ("at", "时间"),
                ("kind", "方式"),
                ("resident", "居民"),
                ("household", "住户"),
                ("note", "记录"),
                ("undone_at", "撤销时间"),
            ),
        ),
        Table(
            "v_readings",
            title="测量",
            description="只有是否异常（中心未开启完整测量值时）",
            facets=("grid", "kind", "flagged"),
            sort_desc="at",
            columns=(_GRID, ("day", "日期"), ("at", "时间"), ("kind", "项目"), ("flagged", "异常")),
        ),
        Table(
            "v_issues",
            title="问题",
            facets=("grid", "category", "status"),
            sort_desc="received_day",
            columns=(
                _GRID,
                ("received_day", "受理日期"),
                ("category", "类别"),
                ("status", "状态"),
                ("text", "内容"),
                ("reporter_contact", "反映人联系方式"),
                ("response_due_at", "响应时限"),
                ("resolve_due_at", "办结时限"),
                ("resolved_at", "办结时间"),
                ("rating", "评价"),
            ),
        ),
        Table(
            "v_events",
            title="活动",
            facets=("grid",),
            sort_desc="at",
            columns=(
                _GRID,
                ("day", "日期"),
                ("at", "时间"),
                ("title", "主题"),
                ("attendees", "参与人数"),
                ("named", "点名居民"),
            ),
        ),
        Table(
            "v_event_people",
            title="活动参加者",
            description="各活动点名参加的居民及其重点人群",
            facets=("grid", "event", "tags"),
            sort_desc="day",
            columns=(
                _GRID,
                ("day", "日期"),
                ("event", "活动"),
                ("resident", "居民"),
                ("address", "住址"),
                ("tags", "重点人群"),
            ),
        ),
        Table(
            "v_down",
            title="下发与答复",
            description="中心下发给各网格的派单问题、任务和登记变更，以及网格员的答复（随她的同步到达）",
            facets=("grid", "kind", "answer", "source"),
            sort_desc="sent_at",
            columns=(
                _GRID,
                ("seq", "序号"),
                ("sent_at", "下发时间"),
                ("kind", "类型"),
                ("source", "来源"),
                ("text", "内容"),
                ("answer", "答复"),
                ("why", "理由"),
                ("answered_at", "答复时间"),
            ),
        ),
        Table("centre_settings", hidden=True),
        # the synced tables as they are: personal data in clear (denied unless --full)
        *[
            Table(name, personal=True, hidden=name != "buildings")
            for name in (
                "buildings",
                "households",
                "residents",
                "resident_tags",
                "contacts",
                "care_baselines",
                "visits",
                "readings",
                "tasks",
                "issue_categories",
                "issues",
                "issue_updates",
                "issue_residents",
                "issue_photos",
                "points",
                "events",
                "event_residents",
                "event_photos",
                "inbox",
                "down_items",
            )
        ],
    ),
)


def surface() -> Surface:
    """The centre's surface with the code tables (:func:`gridnote.render.browse.code_tables`) in it."""
    from gridnote.render.browse import code_tables

    return Surface(SURFACE.title, SURFACE.description, (*SURFACE.tables, *code_tables()))


def prepare(url: str, *, port: int, full: bool = False) -> list[str] | None:
    """Get the centre file ready and return the Datasette command serving it (None: Datasette not installed)."""
    from gridnote.centre.store.browse import write_names_and_views
    from gridnote.centre.store.engine import engine_url
    from gridnote.errors import InputError
    from gridnote.output.datasette import datasette_command, metadata, write_files

    target = engine_url(url)
    if not target.startswith("sqlite:///"):
        raise InputError("centre.browse_file_only")
    path = Path(target.removeprefix("sqlite:///"))
    tables, views = write_names_and_views(url)
    meta = metadata(surface(), path.stem, tables, views, full=full)
    files = write_files(path.with_name(path.name + ".browse"), meta, full=full, force=True)
    return datasette_command(path, files, port=port)
