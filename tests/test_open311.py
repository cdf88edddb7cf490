"""Requests from the city app and the hotline (Open311 GeoReport v2): in, updated, and back out.

The files are written here in the spec's own shape (wiki.open311.org/GeoReport_v2, GET requests),
with Chinese text as the city app sends it; the spec's field lists below are typed from the spec,
not taken from gridnote.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Any

# GET requests: the fields of one service request, in the spec's order.
SPEC_REQUEST = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]
# GET services: the fields of one service.
SPEC_SERVICE = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]

GAO_PHONE = "13967154321"  # 高阿姨 of the example grid, 5-1-502

# (service_code, description, address): ten kinds of request, each sent five times by the app.
KINDS = [
    ("SJ01-02", "5号楼门前有人倾倒装修垃圾，堆了好几天", "天津市河西区冬梅轩小区5号楼"),
    ("BJ01-01", "8号楼2单元下水道堵了，厨房返水", "冬梅轩小区8号楼2单元301室"),
    ("", "楼道灯不亮，晚上看不见台阶", "冬梅轩小区6号楼1单元"),
    ("BJ01-05", "电梯又坏了，老人上不了楼", "冬梅轩小区7号楼"),
    ("", "楼上邻居半夜装修噪音扰民", "冬梅轩小区8号楼2单元301室"),
    ("SJ05-02", "楼道里有人飞线充电，很危险", "冬梅轩小区5号楼"),
    ("ZZ-99", "小区门口垃圾桶满了没人清", "河西区友谊路100号"),
    ("lift", "电梯按钮失灵", "冬梅轩小区6号楼"),
    ("", "想问一下社区活动怎么报名", ""),
    ("SJ01", "绿化带里堆了杂物", "冬梅轩小区7号楼"),
]


def request(n: int, *, status: str = "open", notes: str | None = None, updated: str | None = None) -> dict[str, Any]:
    """Request n (1..50) in the shape GET requests answers, plus who posted it (POST's fields)."""
    code, text, address = KINDS[(n - 1) % 10]
    day = 20 + (n - 1) // 10  # requests 1-10 on 11-20, … 41-50 on 11-24
    return {
        "service_request_id": f"TJ-202611{day}-{n:04d}",
        "status": status,
        "status_notes": notes,
        "service_name": "",
        "service_code": code,
        "description": text,
        "agency_responsible": "河西区网格中心",
        "service_notice": "",
        "requested_datetime": f"2026-11-{day}T09:{n % 60:02d}:00+08:00",
        "updated_datetime": updated or f"2026-11-{day}T09:{n % 60:02d}:00+08:00",
        "expected_datetime": f"2026-11-{day + 3}T18:00:00+08:00",
        "address": address,
        "address_id": "",
        "zipcode": "300202",
        "lat": 39.0851 + n / 10000,
        "long": 117.1994,
        "media_url": f"https://app.example.cn/media/{n}.jpg",
        "phone": GAO_PHONE if n % 10 == 1 else f"1390000{n:04d}",
        "last_name": "高" if n % 10 == 1 else "居",
        "first_name": "玉兰" if n % 10 == 1 else f"民{n}",
    }


def write(path: Path, requests: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(requests, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def issues(cli: Any) -> list[dict[str, Any]]:
    result = cli("issue", "list", "--all", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_fifty_requests_import_and_a_second_import_updates_three(cli, demo, tmp_path):
    first = write(tmp_path / "requests.json", [request(n) for n in range(1, 51)])
    result = cli("issue", "import", str(first))
    assert result.exit_code == 0, result.stderr
    # requests 1, 11 … 41 are 高阿姨's phone (5 reporters); household 8-2-301: kinds 2 and 5 (10);
    # a building only: kinds 1, 3 (6-1 is no household), 4, 6, 8, 10 (30); nowhere: kinds 7 and 9 (10)
    assert result.stdout.splitlines()[0] == "✓ 50 requests: 50 added, 0 updated, 0 unchanged"
    assert "5 reporters found in the register by phone, 10 placed at a household, 30 at a building" in " ".join(
        result.stdout.split()
    )
    before = {i["id"]: i for i in issues(cli)}
    assert len(before) == 50
    assert all(i["channel"] == "app" and i["status"] == "received" for i in before.values())

    changed = [request(n) for n in range(1, 51)]
    for n in (4, 17, 33):  # the city closed three of them
        changed[n - 1] = request(n, status="closed", notes="已处理完毕", updated="2026-11-28T10:00:00+08:00")
    result = cli("issue", "import", str(write(tmp_path / "again.json", changed)))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "✓ 50 requests: 0 added, 3 updated, 47 unchanged\n"
    after = {i["id"]: i for i in issues(cli)}
    assert set(after) == set(before)
    differ = sorted(n for n in after if after[n] != before[n])
    assert differ == [4, 17, 33]  # issues numbered in the order of the file
    assert {after[n]["status"] for n in differ} == {"closed"}

    # the same file a third time changes nothing
    result = cli("--lang", "zh", "issue", "import", str(tmp_path / "again.json"))
    assert result.stdout == "✓ 共 50 条诉求：新增 0，更新 0，无变化 50\n"


def test_category_by_service_code_or_text_and_place_by_address(cli, demo, tmp_path):
    path = write(tmp_path / "r.json", [request(n) for n in range(1, 11)])
    assert cli("issue", "import", str(path)).exit_code == 0
    found = {i["id"]: i for i in issues(cli)}
    assert found[1]["category"] == "renovation-waste"  # SJ01-02
    assert found[2]["category"] == "blocked-drain"  # BJ01-01
    assert found[3]["category"] == "lighting"  # no code: 楼道灯 read from the text
    assert found[4]["category"] == "lift"  # BJ01-05
    assert found[5]["category"] == "noise"  # no code: 噪音
    assert found[6]["category"] == "ebike-charging"  # SJ05-02
    assert found[7]["category"] == "garbage"  # ZZ-99 is no code here: 垃圾桶 from the text
    assert found[8]["category"] == "lift"  # a category's own code
    assert found[9]["category"] == "community-affairs"  # 社区活动
    assert found[10]["category"] == "environment"  # SJ01, the top level
    show = cli("issue", "show", "2").stdout
    assert "Where       8-2-301" in show
    assert "Reporter    居民2 13900000002" in show
    show = cli("issue", "show", "1").stdout
    assert "Reporter    高玉兰（高阿姨）  5-1-502  13967154321" in show
    assert "Where       building 5" in show
    assert "Resolution  due 11-23 18:00" in show  # the city's expected_datetime
    assert "11-20 09:01  received  city app · request TJ-20261120-0001" in show


def test_the_export_is_geo_report_v2_with_status_and_notes(cli, demo, tmp_path):
    path = write(tmp_path / "r.json", [request(n) for n in range(1, 4)])
    assert cli("issue", "import", str(path)).exit_code == 0
    assert cli("issue", "resolve", "1", "物业已清运装修垃圾").exit_code == 0
    assert cli("issue", "reject", "3", "重复", "--of", "2").exit_code == 0
    out = tmp_path / "back.json"
    result = cli("issue", "export", "--open311", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("✓ 3 requests written to")
    sent = json.loads(out.read_text(encoding="utf-8"))
    assert [r["service_request_id"] for r in sent] == ["TJ-20261120-0001", "TJ-20261120-0002", "TJ-20261120-0003"]
    for r in sent:
        assert list(r) == SPEC_REQUEST
        assert r["status"] in ("open", "closed")
        for name in ("requested_datetime", "updated_datetime", "expected_datetime"):
            assert datetime.fromisoformat(r[name]).utcoffset() is not None
        assert isinstance(r["lat"], float) and isinstance(r["long"], float)
    assert (sent[0]["status"], sent[0]["status_notes"]) == ("open", "resolved: 物业已清运装修垃圾")
    assert (sent[1]["status"], sent[1]["status_notes"]) == ("open", "received")
    assert (sent[2]["status"], sent[2]["status_notes"]) == ("closed", "rejected: duplicate (of #2)")
    assert sent[0]["description"] == "5号楼门前有人倾倒装修垃圾，堆了好几天"
    assert sent[0]["address"] == "天津市河西区冬梅轩小区5号楼"
    assert sent[0]["media_url"] == "https://app.example.cn/media/1.jpg"
    # the file is not replaced without --force; XML has the same fields
    assert cli("issue", "export", "--open311", "-o", str(out)).exit_code == 6
    xml_out = tmp_path / "back.xml"
    assert cli("--lang", "zh", "issue", "export", "--open311", "-o", str(xml_out)).exit_code == 0
    root = ET.fromstring(xml_out.read_text(encoding="utf-8"))
    assert root.tag == "service_requests"
    assert [[child.tag for child in r] for r in root] == [SPEC_REQUEST] * 3
    assert root[0].findtext("status_notes") == "已办结：物业已清运装修垃圾"


def test_tell_says_whether_the_app_shows_it_or_she_must_phone(cli, demo, tmp_path):
    path = write(tmp_path / "r.json", [request(1)])
    assert cli("issue", "import", str(path)).exit_code == 0
    assert cli("issue", "resolve", "1", "物业已清运").exit_code == 0
    told = " ".join(cli("issue", "tell", "1").stdout.split())
    assert "request TJ-20261120-0001 from the city app: the app shows the resident the outcome" in told
    assert "no call needed" in told
    # typed in by hand from the app: nothing links it to a request
    assert cli("issue", "add", "楼道灯坏了", "-c", "一网通", "-r", "高阿姨").exit_code == 0
    assert cli("issue", "resolve", "2", "已换灯泡").exit_code == 0
    told = " ".join(cli("issue", "tell", "2").stdout.split())
    assert "not linked to a request in the city app: the app cannot show the outcome; tell them by phone" in told
    assert "(13967154321)" in told
    # in person: nothing to say about the app
    assert cli("issue", "add", "门禁坏了", "-r", "高阿姨").exit_code == 0
    assert cli("issue", "resolve", "3", "已修好").exit_code == 0
    assert "app" not in cli("issue", "tell", "3").stdout


def test_a_bad_request_imports_nothing(cli, demo, tmp_path):
    requests = [request(n) for n in range(1, 11)]
    requests[6]["requested_datetime"] = "11月26日上午"
    requests[8]["service_request_id"] = requests[1]["service_request_id"]
    result = cli("issue", "import", str(write(tmp_path / "bad.json", requests)))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: 2 requests cannot be imported; nothing was imported",
        '  request 7: requested_datetime "11月26日上午" is not an ISO 8601 time (e.g. 2026-11-29T09:30:00+08:00)',
        "  request 9: service_request_id TJ-20261120-0002 again (already request 2)",
    ]
    assert issues(cli) == []  # the example grid has none: the eight good requests were not written either


def test_dry_run_and_xml_input(cli, demo, tmp_path):
    before = len(issues(cli))
    xml_file = tmp_path / "requests.xml"
    xml_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n'
        "<request><service_request_id>12345-0088</service_request_id><status>open</status>"
        "<service_code></service_code><description>8号楼楼下有积水</description>"
        "<requested_datetime>2026-11-29T07:30:00+08:00</requested_datetime>"
        "<address>冬梅轩8号楼</address></request>\n</service_requests>\n",
        encoding="utf-8",
    )
    result = cli("issue", "import", str(xml_file), "--dry-run", "-c", "12345")
    assert (
        result.stdout.splitlines()[0]
        == "✓ dry run, nothing written — 1 request: 1 would be added, 0 updated, 0 unchanged"
    )
    assert len(issues(cli)) == before
    assert cli("issue", "import", str(xml_file), "-c", "12345").exit_code == 0
    added = issues(cli)[0]
    assert (added["text"], added["channel"], added["category"]) == ("8号楼楼下有积水", "hotline", "flooding")


def test_services_list_is_the_categories_under_their_upward_codes(cli, tmp_path):
    result = cli("issue", "category", "list", "--open311")
    assert result.exit_code == 0
    services = json.loads(result.stdout)
    assert all(list(s) == SPEC_SERVICE for s in services)
    waste = next(s for s in services if s["service_code"] == "SJ01-02")
    assert (waste["service_name"], waste["group"], waste["metadata"], waste["type"]) == (
        "renovation waste",
        "sanitation and environment",
        False,
        "realtime",
    )
    assert cli("issue", "category", "set", "下水道", "--upward", "0101").exit_code == 0
    services = json.loads(cli("--lang", "zh", "issue", "category", "list", "--open311").stdout)
    drain = next(s for s in services if s["service_code"] == "0101")
    assert drain["service_name"] == "下水道堵塞"
    # a request filed under the centre's own code lands in that category
    path = write(tmp_path / "r.json", [{**request(5), "service_code": "0101"}])
    assert cli("issue", "import", str(path)).exit_code == 0
    assert issues(cli)[0]["category"] == "blocked-drain"
    root = ET.fromstring(cli("issue", "category", "list", "--open311", "--xml").stdout)
    assert root.tag == "services" and [c.tag for c in root[0]] == SPEC_SERVICE


def test_one_bad_request_is_one_request(cli, demo, tmp_path):
    bad = request(1)
    bad["status"] = "pending"
    result = cli("issue", "import", str(write(tmp_path / "one.json", [bad])))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "Error: 1 request cannot be imported; nothing was imported"


def test_the_city_reopening_a_closed_request_reopens_its_issue(cli, demo, tmp_path):
    closed = request(3, status="closed", notes="已处理", updated="2026-11-21T10:00:00+08:00")
    assert cli("issue", "import", str(write(tmp_path / "a.json", [closed]))).exit_code == 0
    [issue] = [i for i in issues(cli) if i["text"] == closed["description"]]
    assert issue["status"] == "closed"
    reopened = request(3, status="open", notes="居民反映仍未处理", updated="2026-11-22T08:00:00+08:00")
    reopened["expected_datetime"] = "2026-11-25T18:00:00+08:00"
    result = cli("issue", "import", str(write(tmp_path / "b.json", [reopened])))
    assert result.stdout == "✓ 1 request: 0 added, 1 updated, 0 unchanged\n"
    shown = json.loads(cli("issue", "show", str(issue["id"]), "--json").stdout)
    # never verified nor referred: a reopened issue goes back to verified; the city's new deadline holds
    assert shown["status"] == "verified"
    assert shown["reopen_count"] == 1
    assert shown["resolve_due_at"] == "2026-11-25T18:00:00+08:00"
    steps = [(s["step"], s["at"], s["text"]) for s in shown["timeline"]]
    assert steps[-1] == ("reopen", "2026-11-22T08:00:00+08:00", "居民反映仍未处理")
    # it came from the city: nothing to send back for it
    import sqlite3

    conn = sqlite3.connect(demo)
    assert conn.execute("SELECT back_marked_at FROM issues WHERE id = ?", [issue["id"]]).fetchone() == (None,)
    conn.close()


def test_import_in_json_for_scripts(cli, demo, tmp_path):
    """The same counts as the screen, worked out as above: of 1..10, 1 reporter (request 1 is 高阿姨's),
    household 8-2-301 for kinds 2 and 5, a building for 1, 3, 4, 6, 8, 10, nowhere for 7 and 9."""
    path = write(tmp_path / "r.json", [request(n) for n in range(1, 11)])
    dry = json.loads(cli("issue", "import", str(path), "--dry-run", "--json").stdout)
    assert (dry["dry_run"], dry["requests"], dry["added"]) == (True, 10, 10)
    assert issues(cli) == []  # a dry run writes nothing
    done = cli("issue", "import", str(path), "--json")
    assert done.exit_code == 0, done.stderr
    result = json.loads(done.stdout)
    assert {k: result[k] for k in ("version", "dry_run", "requests", "added", "updated", "unchanged")} == {
        "version": 1,
        "dry_run": False,
        "requests": 10,
        "added": 10,
        "updated": 0,
        "unchanged": 0,
    }
    assert (result["reporters"], result["households"], result["buildings"]) == (1, 2, 6)
    assert result["unplaced"] == ["TJ-20261120-0007", "TJ-20261120-0009"]  # kinds 7 and 9, on 11-20
