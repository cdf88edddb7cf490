"""Write the sample spreadsheets in this folder (run: python examples/make_samples.py).

- residents-gb18030.csv: Chinese headers, GB18030, as Chinese Excel saves "CSV"
- residents-bad-row.csv: the same with one bad phone number (row 5): imports nothing
- residents.xlsx: an Excel workbook with a date column
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

ROWS = [
    ["姓名", "称呼", "性别", "楼栋", "单元", "房号", "联系电话", "出生日期", "人员类别", "备注"],
    ["刘桂兰", "刘奶奶", "女", "6号楼", "1", "1201", "13857100001", "1941/5/6", "独居、高血压", "耳背，敲门要用力"],
    ["陈建国", "陈大爷", "男", "6", "1单元", "1202室", "13857100002", "1950", "糖尿病", ""],
    ["陈美玲", "", "女", "6", "1", "1202", "13857100003", "1953年2月1日", "", "陈大爷老伴"],
]


def main() -> None:
    text = "\n".join(",".join(row) for row in ROWS) + "\n"
    (HERE / "residents-gb18030.csv").write_bytes(text.encode("gb18030"))
    bad = ROWS + [["吴强", "", "男", "6", "2", "301", "12345", "1980", "", "电话号码少了几位"]]
    (HERE / "residents-bad-row.csv").write_bytes(("\n".join(",".join(r) for r in bad) + "\n").encode("gb18030"))

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "居民"
    sheet.append(ROWS[0])
    for row in ROWS[1:]:
        cells: list[object] = list(row)
        if "/" in row[7]:
            y, m, d = (int(x) for x in row[7].split("/"))
            cells[7] = datetime(y, m, d)
        sheet.append(cells)
    book.save(HERE / "residents.xlsx")


if __name__ == "__main__":
    main()
