"""The SQL of ``gridnote centre browse``: the code tables (``names_*``) and the masked views (``v_*``).

The views call the masking functions that :mod:`gridnote.output.datasette`'s
plugin registers in Datasette; they are plain SQLite views, read only there.
"""

from __future__ import annotations

from typing import Any

VIEWS: dict[str, str] = {
    "v_residents": """
        SELECT g.grid_code AS grid, r.name AS name, json_extract(r.record, '$.alias') AS alias,
               json_extract(r.record, '$.gender') AS gender, json_extract(r.record, '$.birth') AS birth,
               h.address AS address, gridnote_mask_phones(json_extract(r.record, '$.phones')) AS phones,
               gridnote_mask_id(json_extract(r.record, '$.id_number')) AS id_number,
               (SELECT group_concat(n.zh, '、') FROM resident_tags t JOIN names_tags n ON n.code = t.tag
                 WHERE t.grid = r.grid AND t.resident_gid = r.gid) AS tags,
               r.moved_out_at AS moved_out_at, r.gid AS gid
        FROM residents r JOIN grids g ON g.notebook_id = r.grid
        LEFT JOIN households h ON h.grid = r.grid AND h.gid = r.household_gid""",
    "v_visits": """
        SELECT g.grid_code AS grid, v.day AS day, v.at AS at, k.zh AS kind, r.name AS resident,
               h.address AS household, gridnote_mask_text(json_extract(v.record, '$.note')) AS note,
               v.undone_at AS undone_at
        FROM visits v JOIN grids g ON g.notebook_id = v.grid
        LEFT JOIN names_visit_kinds k ON k.code = v.kind
        LEFT JOIN residents r ON r.grid = v.grid AND r.gid = v.resident_gid
        LEFT JOIN households h ON h.grid = v.grid AND h.gid = v.household_gid""",
    "v_readings": """
        SELECT g.grid_code AS grid, rd.day AS day, rd.at AS at, k.zh AS kind, rd.flagged AS flagged
        FROM readings rd JOIN grids g ON g.notebook_id = rd.grid
        LEFT JOIN names_reading_kinds k ON k.code = rd.kind""",
    "v_issues": """
        SELECT g.grid_code AS grid, i.received_day AS received_day, c.zh AS category, s.zh AS status,
               gridnote_mask_text(json_extract(i.record, '$.text')) AS text,
               gridnote_mask_text(i.reporter_contact) AS reporter_contact,
               i.response_due_at AS response_due_at, i.resolve_due_at AS resolve_due_at,
               i.resolved_at AS resolved_at, json_extract(i.record, '$.rating') AS rating
        FROM issues i JOIN grids g ON g.notebook_id = i.grid
        LEFT JOIN names_categories c ON c.code = i.category
        LEFT JOIN names_statuses s ON s.code = i.status""",
    "v_events": """
        SELECT g.grid_code AS grid, e.day AS day, e.at AS at, json_extract(e.record, '$.title') AS title,
               e.attendees AS attendees,
               (SELECT count(*) FROM event_residents er WHERE er.grid = e.grid AND er.event_gid = e.gid) AS named
        FROM events e JOIN grids g ON g.notebook_id = e.grid""",
    # who came: the residents named at each event (how many living alone or over 60 a talk reached)
    "v_event_people": """
        SELECT g.grid_code AS grid, e.day AS day, json_extract(e.record, '$.title') AS event, r.name AS resident,
               h.address AS address,
               (SELECT group_concat(n.zh, '、') FROM resident_tags t JOIN names_tags n ON n.code = t.tag
                 WHERE t.grid = r.grid AND t.resident_gid = r.gid) AS tags
        FROM event_residents er JOIN grids g ON g.notebook_id = er.grid
        JOIN events e ON e.grid = er.grid AND e.gid = er.event_gid
        LEFT JOIN residents r ON r.grid = er.grid AND r.gid = er.resident_gid
        LEFT JOIN households h ON h.grid = r.grid AND h.gid = r.household_gid""",
    # what the centre sent down to each grid and the worker's answer (her inbox, as her syncs bring it)
    "v_down": """
        SELECT g.grid_code AS grid, d.seq AS seq, d.created_at AS sent_at,
               CASE d.kind WHEN 'issue' THEN '派单问题' WHEN 'task' THEN '任务' ELSE '登记变更' END AS kind,
               coalesce(c.zh, d.source) AS source,
               gridnote_mask_text(coalesce(json_extract(d.body, '$.values.name'), json_extract(d.body, '$.text'),
                                           json_extract(d.body, '$.request.description'))) AS text,
               CASE i.status WHEN 'accepted' THEN '已接收' WHEN 'declined' THEN '已退回' WHEN 'pending' THEN '待答复'
                             ELSE '尚无回音' END AS answer,
               gridnote_mask_text(i.why) AS why, i.answered_at AS answered_at
        FROM down_items d JOIN grids g ON g.notebook_id = d.grid
        LEFT JOIN names_channels c ON c.code = d.source
        LEFT JOIN inbox i ON i.grid = d.grid AND i.gid = d.gid""",
}


def _write(conn: Any) -> None:
    """The code tables and the views, written afresh (a newer gridnote's words replace the older).

    The code tables are the notebook's (:mod:`gridnote.store.codes`, one source for both).
    """
    from gridnote.store import codes

    for table, rows in codes.rows().items():
        names = codes.columns(table)
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")  # an older gridnote's may lack a column
        conn.exec_driver_sql(f"CREATE TABLE {table} ({', '.join(names)}, PRIMARY KEY (code))")
        if rows:
            marks = ", ".join("?" for _ in names)
            conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)
    for name, sql in VIEWS.items():
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE VIEW {name} AS {sql}")


def write_names_and_views(url: str) -> tuple[list[str], list[str]]:
    """Write the code tables and the views into the centre at ``url``; its (tables, views) afterwards."""
    from sqlalchemy import inspect

    from gridnote.centre.store.engine import open_centre

    centre = open_centre(url)
    try:
        with centre.begin() as conn:
            _write(conn)
            found = inspect(conn)
            return found.get_table_names(), found.get_view_names()
    finally:
        centre.close()
