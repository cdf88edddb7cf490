"""The views ``gridnote browse`` shows in Datasette, and the names of what the notebook holds.

The views (``v_*``) show the register and the day's work as a reader wants them:
a building's code, a household's address (``8-2-301``), a code's name from the
code tables (:mod:`gridnote.store.codes`) in the language of the browse, and
phone and ID numbers and the numbers written in free text masked. They call the
functions of :mod:`gridnote.output.datasette`'s plugin (``gridnote_mask_*``,
``gridnote_label``), so they read only where those are registered (Datasette
started by ``gridnote browse``, or a connection given
:func:`gridnote.output.datasette.register_functions`).

They are derived, not part of the schema the migrations keep: :func:`write_views`
writes them afresh on each browse, and :func:`drop_views` removes them before
any migration runs (a migration rebuilding a table would fail on a view naming
it: SQLite checks views when a table is renamed).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from gridnote.store.notebook import Notebook

_CATEGORY = "coalesce(gridnote_label(nullif(oc.zh, ''), nullif(oc.en, '')), gridnote_label(nc.zh, nc.en), {code})"

VIEWS: dict[str, str] = {
    "v_residents": """
        SELECT r.id AS id, r.name AS name, r.alias AS alias, gridnote_label(g.zh, g.en) AS gender, r.birth AS birth,
               b.code AS building, h.address AS address,
               gridnote_mask_phones(r.phones) AS phones, gridnote_mask_id(r.id_number) AS id_number,
               (SELECT group_concat(coalesce(gridnote_label(n.zh, n.en), t.tag), gridnote_label('、', ', '))
                  FROM resident_tags t LEFT JOIN names_tags n ON n.code = t.tag
                 WHERE t.resident_id = r.id) AS tags,
               gridnote_mask_text(r.note) AS note, r.moved_out_at AS moved_out_at
        FROM residents r
        LEFT JOIN households h ON h.id = r.household_id
        LEFT JOIN buildings b ON b.id = h.building_id
        LEFT JOIN names_genders g ON g.code = r.gender""",
    "v_households": """
        SELECT h.id AS id, h.address AS address, b.code AS building, h.unit AS unit, h.room AS room,
               (SELECT count(*) FROM residents r WHERE r.household_id = h.id AND r.moved_out_at IS NULL) AS residents,
               gridnote_mask_text(h.note) AS note
        FROM households h JOIN buildings b ON b.id = h.building_id""",
    "v_visits": """
        SELECT v.id AS id, v.day AS day, v.at AS at, coalesce(gridnote_label(k.zh, k.en), v.kind) AS kind,
               r.name AS resident, coalesce(h.address, rh.address) AS address, b.code AS building,
               gridnote_mask_text(v.note) AS note, v.back_at AS back_at, v.undone_at AS undone_at
        FROM visits v
        LEFT JOIN names_visit_kinds k ON k.code = v.kind
        LEFT JOIN residents r ON r.id = v.resident_id
        LEFT JOIN households rh ON rh.id = r.household_id
        LEFT JOIN households h ON h.id = v.household_id
        LEFT JOIN buildings b ON b.id = v.building_id""",
    "v_readings": """
        SELECT rd.id AS id, rd.day AS day, rd.at AS at, coalesce(gridnote_label(k.zh, k.en), rd.kind) AS kind,
               r.name AS resident, rd.value AS value, rd.value2 AS value2, rd.unit AS measured_in,
               rd.flagged AS flagged, rd.flag_reason AS flag_reason
        FROM readings rd
        LEFT JOIN names_reading_kinds k ON k.code = rd.kind
        LEFT JOIN residents r ON r.id = rd.resident_id""",
    "v_tasks": """
        SELECT t.id AS id, gridnote_mask_text(t.text) AS text,
               coalesce(gridnote_label(s.zh, s.en), t.status) AS status, t.starred AS starred,
               t.due_date AS due_date, t.due_at AS due_at, r.name AS resident, b.code AS building,
               t.every AS every, t.done_at AS done_at
        FROM tasks t
        LEFT JOIN names_task_statuses s ON s.code = CASE WHEN t.skipped THEN 'skipped' ELSE t.status END
        LEFT JOIN residents r ON r.id = t.resident_id
        LEFT JOIN buildings b ON b.id = t.building_id""",
    "v_issues": f"""
        SELECT i.id AS id, i.received_day AS received_day, {_CATEGORY.format(code="i.category")} AS category,
               coalesce(gridnote_label(s.zh, s.en), i.status) AS status,
               coalesce(gridnote_label(k.zh, k.en), i.kind) AS kind,
               coalesce(gridnote_label(c.zh, c.en), i.channel) AS channel,
               coalesce(gridnote_label(p.zh, p.en), i.priority) AS priority,
               gridnote_mask_text(i.text) AS text, r.name AS reporter,
               gridnote_mask_text(i.reporter_contact) AS reporter_contact,
               coalesce(h.address, b.code, gridnote_mask_text(i.place)) AS place, b.code AS building,
               coalesce(gridnote_label(pt.zh, pt.en), i.referred_to) AS referred_to,
               i.response_due_at AS response_due_at, i.resolve_due_at AS resolve_due_at,
               i.first_response_at AS first_response_at, i.resolved_at AS resolved_at,
               coalesce(gridnote_label(rt.zh, rt.en), i.rating) AS rating
        FROM issues i
        LEFT JOIN issue_categories oc ON oc.code = i.category
        LEFT JOIN names_categories nc ON nc.code = i.category
        LEFT JOIN names_statuses s ON s.code = i.status
        LEFT JOIN names_issue_kinds k ON k.code = i.kind
        LEFT JOIN names_channels c ON c.code = i.channel
        LEFT JOIN names_priorities p ON p.code = i.priority
        LEFT JOIN names_partners pt ON pt.code = i.referred_to
        LEFT JOIN names_ratings rt ON rt.code = i.rating
        LEFT JOIN residents r ON r.id = i.reporter_id
        LEFT JOIN households h ON h.id = i.household_id
        LEFT JOIN buildings b ON b.id = i.building_id""",
    "v_events": """
        SELECT e.id AS id, e.day AS day, e.at AS at, gridnote_mask_text(e.title) AS title,
               coalesce(gridnote_label(k.zh, k.en), e.kind) AS kind, b.code AS building,
               (SELECT group_concat(coalesce(gridnote_label(n.zh, n.en), j.value), gridnote_label('、', ', '))
                  FROM json_each(e.partners) j LEFT JOIN names_partners n ON n.code = j.value) AS partners,
               e.attendees AS attendees, gridnote_mask_text(e.note) AS note
        FROM events e LEFT JOIN buildings b ON b.id = e.building_id
        LEFT JOIN names_event_kinds k ON k.code = e.kind""",
    # what the grid centre sent down and her answers; the item's own values stay in the raw table
    "v_inbox": """
        SELECT i.id AS id, i.sent_at AS sent_at,
               CASE i.kind WHEN 'issue' THEN gridnote_label('派单问题', 'dispatched issue')
                           WHEN 'task' THEN gridnote_label('任务', 'task')
                           ELSE gridnote_label('登记变更', 'register change') END AS item_kind,
               i.source AS source,
               CASE i.status WHEN 'pending' THEN gridnote_label('待答复', 'waiting for her answer')
                             WHEN 'accepted' THEN gridnote_label('已接收', 'accepted')
                             ELSE gridnote_label('已退回', 'declined') END AS answer,
               gridnote_mask_text(coalesce(json_extract(i.body, '$.values.name'), json_extract(i.body, '$.text'),
                                           json_extract(i.body, '$.request.description'))) AS text,
               gridnote_mask_text(coalesce(json_extract(i.body, '$.values.address'),
                                           json_extract(i.body, '$.request.address'))) AS address,
               gridnote_mask_text(i.why) AS why, i.answered_at AS answered_at, i.made AS made
        FROM inbox i""",
}


def drop_views(db: Any) -> None:
    """Remove the browse views (``v_*``), whatever gridnote wrote them; inside the caller's transaction."""
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'view' AND name GLOB 'v_*'")]
    for name in names:
        db.execute(f'DROP VIEW IF EXISTS "{name}"')


def write_views(nb: Notebook) -> None:
    """The browse views, written afresh (inside the caller's transaction)."""
    drop_views(nb.conn)
    for name, sql in VIEWS.items():
        nb.execute(f"CREATE VIEW {name} AS {sql}")


def tables_and_views(nb: Notebook) -> tuple[list[str], list[str]]:
    """The names of the notebook's tables and views, as Datasette lists them."""
    rows: list[sqlite3.Row] = nb.rows(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [r["name"] for r in rows if r["type"] == "table"], [r["name"] for r in rows if r["type"] == "view"]
