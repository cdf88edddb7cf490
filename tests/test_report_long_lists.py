"""A report over a long range: text and Markdown list the first LIST_ROWS issues; exports list all."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from gridnote.render.report_parts import LIST_ROWS
from gridnote.services.issues import IssueInput, add_issue

MANY = LIST_ROWS + 4


def _many_issues(nb) -> None:
    with nb.transaction():
        for n in range(MANY):
            add_issue(nb, IssueInput(text=f"路灯不亮 {n}", category="other"))


def test_text_and_markdown_list_the_first_rows_and_say_how_many_more(cli, nb, tmp_path: Path) -> None:
    _many_issues(nb)
    for fmt in ("text", "markdown"):
        result = cli("report", "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert "路灯不亮 0" in result.stdout
        assert f"路灯不亮 {MANY - 1}" not in result.stdout
        more = "… and 4 more (every one in --format xlsx, html or json)" if fmt == "text" else "_… and 4 more_"
        assert more in result.stdout
    data = json.loads(cli("report", "--format", "json").stdout)
    assert len(data["issues"]["new"]) == MANY
    assert cli("report", "-o", str(tmp_path / "day.zip")).exit_code == 0
    with zipfile.ZipFile(tmp_path / "day.zip") as archive:
        rows = archive.read("issues-new.csv").decode("utf-8-sig").splitlines()
    assert len(rows) == MANY + 1  # the header and every issue
