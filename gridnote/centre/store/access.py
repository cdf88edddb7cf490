"""PostgreSQL row-level security: each worker reads and writes only her grid; the centre's staff read all.

Set up once by the centre's owner (``gridnote centre init URL --postgres``, or
``--print-sql`` to read it first). Each worker gets a login role in the group
``gridnote_worker``; the first sync of a notebook records the role that sent it
(``grids.worker_role``), and from then on only that role sees or changes that
grid's rows. ``gridnote_staff`` reads every grid.
"""

from __future__ import annotations

WORKER = "gridnote_worker"
STAFF = "gridnote_staff"


def policy_sql() -> str:
    from gridnote.centre.store.schema import SYNCED

    lines = [
        "-- gridnote centre: row-level security (run as the owner of the centre's tables)",
        "DO $$ BEGIN",
        f"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{WORKER}') THEN CREATE ROLE {WORKER} NOLOGIN; END IF;",
        f"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{STAFF}') THEN CREATE ROLE {STAFF} NOLOGIN; END IF;",
        "END $$;",
        f"GRANT USAGE ON SCHEMA public TO {WORKER}, {STAFF};",
        f"GRANT SELECT ON centre_settings TO {WORKER}, {STAFF};",
        f"GRANT SELECT, INSERT, UPDATE ON grids TO {WORKER};",
        f"GRANT SELECT ON grids TO {STAFF};",
        "ALTER TABLE grids ENABLE ROW LEVEL SECURITY;",
        "DROP POLICY IF EXISTS worker_own ON grids;",
        f"CREATE POLICY worker_own ON grids TO {WORKER} USING (worker_role = current_user) WITH CHECK (worker_role = current_user);",
        "DROP POLICY IF EXISTS staff_read ON grids;",
        f"CREATE POLICY staff_read ON grids FOR SELECT TO {STAFF} USING (true);",
    ]
    mine = "grid IN (SELECT notebook_id FROM grids WHERE worker_role = current_user)"
    for name in SYNCED:
        lines += [
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {WORKER};",
            f"GRANT SELECT ON {name} TO {STAFF};",
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;",
            f"DROP POLICY IF EXISTS worker_own ON {name};",
            f"CREATE POLICY worker_own ON {name} TO {WORKER} USING ({mine}) WITH CHECK ({mine});",
            f"DROP POLICY IF EXISTS staff_read ON {name};",
            f"CREATE POLICY staff_read ON {name} FOR SELECT TO {STAFF} USING (true);",
        ]
    lines += [  # what the centre sends down: a worker reads her grid's items; staff write them
        f"GRANT SELECT ON down_items TO {WORKER};",
        f"GRANT SELECT, INSERT ON down_items TO {STAFF};",
        "ALTER TABLE down_items ENABLE ROW LEVEL SECURITY;",
        "DROP POLICY IF EXISTS worker_own ON down_items;",
        f"CREATE POLICY worker_own ON down_items FOR SELECT TO {WORKER} USING ({mine});",
        "DROP POLICY IF EXISTS staff_all ON down_items;",
        f"CREATE POLICY staff_all ON down_items TO {STAFF} USING (true) WITH CHECK (true);",
    ]
    lines += [
        "-- a worker: CREATE ROLE w_dmx03 LOGIN PASSWORD '…' IN ROLE gridnote_worker;",
        "-- centre staff: CREATE ROLE s_li LOGIN PASSWORD '…' IN ROLE gridnote_staff;",
    ]
    return "\n".join(lines) + "\n"


def apply_policies(url: str) -> None:
    from sqlalchemy import text

    from gridnote.centre.store.engine import open_centre

    centre = open_centre(url)
    try:
        with centre.begin() as conn:
            conn.execute(text(policy_sql()))
    finally:
        centre.close()
