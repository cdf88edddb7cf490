"""``gridnote browse``: the notebook in a real Datasette, started by the real command (issue 18, item 4)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.helpers.datasette import Server, free_port, need_datasette


@contextmanager
def browsing(db: Path, *args: str, lang: str) -> Iterator[Server]:
    """``gridnote browse`` running on a free port until the block ends; then it is sent SIGTERM, as a
    service manager would, and must take its Datasette with it."""
    port = free_port()
    env = {**os.environ, "GRIDNOTE_DB": str(db), "GRIDNOTE_LANG": lang, "GRIDNOTE_BACKUP": "off"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gridnote", "browse", "--port", str(port), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a Datasette left behind is still ours to stop (below)
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"gridnote browse ended with {process.returncode}: {process.stderr.read().decode()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("Datasette did not start within 60 s")
                time.sleep(0.1)
        yield Server(port)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 128 + signal.SIGTERM
        with pytest.raises(OSError):  # its Datasette stopped with it
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


@pytest.fixture
def day(cli, db_path: Path) -> Path:
    """The example grid with one day of work (issues, visits, readings, tasks, an event), and a register
    change from the centre (乔文's phone from the police station) waiting in her inbox."""
    assert cli("demo", "--day").exit_code == 0
    from gridnote.centre.bundle import DownItem
    from gridnote.services.inbox import receive
    from gridnote.store.notebook import open_notebook

    nb = open_notebook(db_path)
    try:
        body = {"op": "update", "values": {"name": "李秀英", "address": "8-2-301", "phones": "13900001111"}}
        receive(nb, [DownItem(1, "down-1", "register", body, "派出所", "2026-11-29T08:00:00+08:00")])
    finally:
        nb.close()
    return db_path


def test_the_notebook_masked_in_chinese(day: Path) -> None:
    need_datasette()
    with browsing(day, lang="zh") as server:
        status, page = server.get("/notebook.json")
        assert status == 200
        listed = {t["name"]: t["hidden"] for t in page["tables"]}
        assert listed["buildings"] is False and listed["names_categories"] is False and listed["names_ratings"] is False
        assert not [name for name in listed if name.startswith("search")]  # the index: the register's text
        assert "residents" not in listed and "changes" not in listed and "revisions" not in listed
        assert server.get("/notebook/changes.json")[0] == 403  # every row written, as written
        assert server.get("/notebook/residents.json")[0] == 403  # phone numbers in clear
        assert server.get("/notebook/households.json")[0] == 403
        assert server.get("/notebook.json?" + urlencode({"sql": "select phones from residents"}))[0] == 403
        assert server.get("/notebook.db")[0] == 403  # no download of the file
        status, rows = server.get("/notebook/v_residents.json?" + urlencode({"_shape": "array", "name": "李秀英"}))
        assert status == 200 and len(rows) == 1
        li = rows[0]
        assert (li["address"], li["building"], li["gender"]) == ("8-2-301", "8", "女")
        assert li["phones"] == "138****2345"  # 13857112345 in the register
        assert set(li["tags"].split("、")) == {"失能", "高血压", "高龄"}
        status, issues = server.get("/notebook/v_issues.json?_shape=array&_size=max")
        assert status == 200 and issues
        assert "下水道堵塞" in {i["category"] for i in issues}  # blocked-drain, by its name
        assert {i["status"] for i in issues} <= {"已受理", "已核实", "不予受理", "已转办", "已办结", "已回访", "已结案"}
        status, households = server.get(
            "/notebook/v_households.json?" + urlencode({"_shape": "array", "address": "8-2-301"})
        )
        assert [(h["building"], h["unit"], h["room"], h["residents"]) for h in households] == [("8", "2", "301", 2)]
        # what the centre sent down, named and masked; its raw values (a phone in clear) denied
        status, inbox = server.get("/notebook/v_inbox.json?_shape=array")
        assert status == 200
        assert [(i["item_kind"], i["source"], i["answer"], i["text"], i["address"]) for i in inbox] == [
            ("登记变更", "派出所", "待答复", "李秀英", "8-2-301")
        ]
        assert "13900001111" not in str(inbox)
        assert server.get("/notebook/inbox.json")[0] == 403
        status, meta = server.get("/-/metadata.json")
        tables = meta["databases"]["notebook"]["tables"]
        assert tables["v_residents"]["title"] == "居民" and tables["v_residents"]["columns"]["phones"] == "电话"
        assert tables["names_categories"]["title"] == "代码名称：问题类别"
        assert tables["buildings"]["label_column"] == "code"


def test_the_notebook_in_full_in_english(day: Path) -> None:
    need_datasette()
    with browsing(day, "--full", lang="en") as server:
        status, page = server.get("/notebook.json")
        listed = {t["name"]: t["hidden"] for t in page["tables"]}
        assert listed["residents"] is False and listed["search_han"] is True and listed["changes"] is True
        assert all(hidden for name, hidden in listed.items() if name.startswith("search"))  # listed apart
        status, rows = server.get(
            "/notebook/residents.json?" + urlencode({"_shape": "array", "name": "李秀英", "_labels": "on"})
        )
        assert status == 200 and rows[0]["phones"] == "13857112345"
        assert rows[0]["household_id"]["label"] == "8-2-301"  # not its number
        status, rows = server.get("/notebook/v_residents.json?" + urlencode({"_shape": "array", "name": "李秀英"}))
        assert rows[0]["phones"] == "13857112345" and rows[0]["gender"] == "female"
        assert set(rows[0]["tags"].split(", ")) == {"bedridden", "hypertension", "elderly (80+)"}
        status, households = server.get(
            "/notebook/households.json?" + urlencode({"_shape": "array", "address": "8-2-301", "_labels": "on"})
        )
        assert households[0]["building_id"]["label"] == "8"
        assert (
            server.get("/notebook.json?" + urlencode({"sql": "select count(*) from residents", "_shape": "array"}))[0]
            == 200
        )
        status, meta = server.get("/-/metadata.json")
        assert meta["databases"]["notebook"]["tables"]["v_residents"]["columns"]["phones"] == "phones"


def test_the_views_are_gone_before_a_migration_runs(cli, tmp_path: Path) -> None:
    """A migration rebuilding a table must not trip on a browse view naming it."""
    import sqlite3

    from gridnote.store import migrations
    from gridnote.store.browse import write_views
    from gridnote.store.notebook import Notebook
    from tests.helpers.old_notebook import notebook_at

    path = notebook_at(tmp_path / "old.db", migrations.NAMES[-2])  # one migration still to run
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    write_views(Notebook(conn, path))  # as a browse before this gridnote left them
    conn.commit()
    assert len(conn.execute("SELECT name FROM sqlite_master WHERE type = 'view' AND name GLOB 'v_*'").fetchall()) == 8
    conn.close()
    assert cli("issue", "list", "--json", env={"GRIDNOTE_DB": str(path)}).stdout == "[]\n"  # opened: upgraded
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master WHERE type = 'view' AND name GLOB 'v_*'").fetchall() == []
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    conn.close()
