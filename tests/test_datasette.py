"""gridnote/output/datasette.py against a real Datasette: labels, hidden internals, masking."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import pytest

from gridnote.output.datasette import Surface, Table, datasette_command, metadata, register_functions, write_files
from tests.helpers.datasette import free_port, need_datasette, serving

SURFACE = Surface(
    "登记册",
    "一个小登记册",
    (
        Table("people", personal=True),
        Table("people_view", title="居民", description="电话已遮挡", facets=("town",)),
        Table("towns", title="地方", label_column="label"),
        Table("log", hidden=True),
        Table("log_view", hidden=True),
    ),
)


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "register.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE towns (id INTEGER PRIMARY KEY, code TEXT, label TEXT);
        CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, phones TEXT, id_number TEXT, note TEXT,
                             town_id INTEGER REFERENCES towns(id));
        CREATE TABLE log (id INTEGER PRIMARY KEY, what TEXT);
        CREATE TABLE later (id INTEGER PRIMARY KEY, secret TEXT);
        CREATE VIEW log_view AS SELECT * FROM log;
        CREATE VIEW people_view AS
            SELECT p.id, p.name, gridnote_mask_phones(p.phones) AS phones, gridnote_mask_id(p.id_number) AS id_number,
                   gridnote_mask_text(p.note) AS note, t.label AS town
            FROM people p LEFT JOIN towns t ON t.id = p.town_id;
        INSERT INTO towns VALUES (1, '8', '8号楼');
        INSERT INTO people VALUES (1, '李秀英', '13857112345,0571-88886666', '330102194403121234',
                                   '儿子电话 13905712345', 1);
        INSERT INTO log VALUES (1, 'x');
        INSERT INTO later VALUES (1, 'y');
        """
    )
    conn.commit()
    conn.close()
    return path


def test_metadata_denies_personal_and_undeclared_tables_unless_full() -> None:
    masked = metadata(SURFACE, "register", ["people", "towns", "log", "later"], ["people_view", "log_view"], full=False)
    tables = masked["databases"]["register"]["tables"]
    assert tables["people"] == {"hidden": True, "allow": False}
    assert tables["later"] == {"hidden": True, "allow": False}  # not declared: private until it is
    assert tables["log"] == {"hidden": True}
    assert tables["log_view"] == {"hidden": True, "allow": False}  # a view cannot be hidden: denied
    assert tables["people_view"] == {"title": "居民", "description": "电话已遮挡", "facets": ["town"]}
    assert tables["towns"] == {"title": "地方", "label_column": "label"}
    assert masked["databases"]["register"]["allow_sql"] is False
    assert masked["databases"]["register"]["allow_download"] is False
    full = metadata(SURFACE, "register", ["people", "towns", "log", "later"], ["people_view", "log_view"], full=True)
    tables = full["databases"]["register"]["tables"]
    assert "people" not in tables and "later" not in tables
    assert "allow_sql" not in full["databases"]["register"]


def test_the_functions_mask_as_privacy_does(tmp_path: Path) -> None:
    conn = sqlite3.connect(_file(tmp_path))
    register_functions(conn)
    row = conn.execute("SELECT phones, id_number, note, town FROM people_view").fetchone()
    assert row == ("138****2345,0571-****6666", "330102********1234", "儿子电话 139****2345", "8号楼")
    register_functions(conn, full=True)
    assert conn.execute("SELECT phones FROM people_view").fetchone() == ("13857112345,0571-88886666",)


def test_files_are_private(tmp_path: Path) -> None:
    files = write_files(tmp_path / "browse", {"title": "x"}, full=False)
    assert stat.S_IMODE(files.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(files.plugins.stat().st_mode) == 0o700
    assert stat.S_IMODE(files.metadata.stat().st_mode) == 0o600
    assert json.loads(files.metadata.read_text(encoding="utf-8")) == {"title": "x"}


@pytest.mark.parametrize("full", [False, True], ids=["masked", "full"])
def test_a_real_datasette_shows_the_surface(tmp_path: Path, full: bool) -> None:
    need_datasette()
    db = _file(tmp_path)
    meta = metadata(SURFACE, "register", ["people", "towns", "log", "later"], ["people_view", "log_view"], full=full)
    files = write_files(tmp_path / "browse", meta, full=full)
    port = free_port()
    command = datasette_command(db, files, port=port)
    assert command is not None and command[command.index("--host") + 1] == "127.0.0.1"
    with serving(command, port) as server:
        status, page = server.get("/register.json")
        assert status == 200
        listed = {t["name"]: t["hidden"] for t in page["tables"]}
        assert listed.get("log") is True
        assert ("people" in listed) is full and ("later" in listed) is full
        assert [v["name"] for v in page["views"]] == ["people_view"]
        status, rows = server.get("/register/people_view.json?_shape=array")
        assert status == 200
        if full:
            assert rows[0]["phones"] == "13857112345,0571-88886666"
            assert rows[0]["id_number"] == "330102194403121234"
        else:
            assert rows[0]["phones"] == "138****2345,0571-****6666"
            assert rows[0]["id_number"] == "330102********1234"
            assert rows[0]["note"] == "儿子电话 139****2345"
        assert server.get("/register/people.json")[0] == (200 if full else 403)
        assert server.get("/register.json?sql=select+phones+from+people")[0] == (200 if full else 403)
