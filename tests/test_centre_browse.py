"""``gridnote centre browse``: the centre file in a real Datasette, code names as tables, numbers masked."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.helpers.datasette import free_port, need_datasette, serving
from tests.test_centre import evening, grids, run  # noqa: F401 (fixtures)

pytest.importorskip("sqlalchemy", reason="the centre needs the extra gridnote[centre]")


@pytest.mark.parametrize("full", [False, True], ids=["masked", "full"])
def test_the_centre_in_datasette(cli, grids, tmp_path: Path, full: bool) -> None:  # noqa: F811 (the fixture imported above)
    need_datasette()
    from gridnote.centre.browse import prepare

    a, b = grids
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    for db in (a, b):
        assert run(cli, db, "sync", "--centre", str(street)).exit_code == 0
    port = free_port()
    command = prepare(str(street), port=port, full=full)
    assert command is not None and command[command.index("--host") + 1] == "127.0.0.1"
    with serving(command, port) as server:
        status, page = server.get("/street.json")
        assert status == 200
        listed = {t["name"]: t["hidden"] for t in page["tables"]}
        assert listed["grids"] is False and listed["names_categories"] is False and listed["names_statuses"] is False
        assert listed["centre_settings"] is True
        assert ("residents" in listed) is full  # the raw rows, phone numbers in clear
        assert server.get("/street/residents.json")[0] == (200 if full else 403)
        assert server.get("/street.json?sql=select+record+from+residents")[0] == (200 if full else 403)
        status, rows = server.get(
            "/street/v_residents.json?" + urlencode({"_shape": "array", "name": "李秀英", "grid": "冬梅轩-03"})
        )
        assert status == 200 and len(rows) == 1
        li = rows[0]
        assert li["address"] == "8-2-301" and set(li["tags"].split("、")) == {"失能", "高血压", "高龄"}
        assert li["phones"] == ("13857112345" if full else "138****2345")
        status, names = server.get("/street/names_statuses.json?_shape=array&code=received")
        assert names == [{"code": "received", "zh": "已受理", "en": "received"}]
        status, names = server.get("/street/names_categories.json?_shape=array&code=blocked-drain")
        assert names == [{"code": "blocked-drain", "zh": "下水道堵塞", "en": "blocked drain", "parent": "facilities"}]
        assert listed["names_ratings"] is False and listed["names_channels"] is False  # the notebook's code tables
        status, issues = server.get("/street/v_issues.json?" + urlencode({"_shape": "array", "grid": "冬梅轩-04"}))
        assert status == 200 and [i["status"] for i in issues if i["received_day"] == "2026-11-29"] == [
            "已转办",
            "已受理",
        ]
        # the event's named residents and what went down, masked; their raw rows only in full
        status, events = server.get("/street/v_events.json?_shape=array")
        assert status == 200 and all("named" in e for e in events)
        assert server.get("/street/v_event_people.json?_shape=array")[0] == 200
        status, down = server.get("/street/v_down.json?_shape=array")
        assert (status, down) == (200, [])  # nothing sent down yet
        for raw in ("down_items", "inbox", "event_residents"):
            assert server.get(f"/street/{raw}.json")[0] == (200 if full else 403), raw
        status, meta = server.get("/-/metadata.json")
        columns = meta["databases"]["street"]["tables"]["v_residents"]["columns"]
        assert columns["phones"] == "电话" and columns["tags"] == "重点人群"


def test_browse_is_for_a_centre_file(cli, tmp_path: Path) -> None:
    done = run(cli, None, "centre", "browse", "--centre", "postgresql://someone@127.0.0.1:1/street")
    assert done.exit_code == 2
    assert done.stderr == (
        "Error: browse opens an embedded centre file (street.db); a PostgreSQL centre is read with its own tools\n"
    )
