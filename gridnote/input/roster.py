"""Reading a roster file (CSV or XLSX) as people in China export them from Excel.

Encodings: UTF-8, UTF-8 with BOM, UTF-16 (Excel's "Unicode text") and
GB18030 (a superset of GBK/GB2312, what Chinese Excel writes by default);
any other (Big5, Shift_JIS …) is refused by name (gridnote/input/encoding.py).
Headers may be Chinese or English; :func:`map_headers` names each column's
field. What a row means is the importer's business (services/importer.py).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from gridnote.errors import FileError, InputError
from gridnote.input.encoding import decode
from gridnote.input.text import fold
from gridnote.messages.i18n import join_list
from gridnote.output.files import os_reason
from gridnote.output.spreadsheet import csv_unquote

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "居民姓名", "name", "full name"),
    "alias": ("称呼", "别名", "昵称", "俗称", "alias", "nickname", "called"),
    "gender": ("性别", "gender", "sex"),
    "building": ("楼栋", "楼号", "楼栋号", "楼", "幢", "栋", "building"),
    "unit": ("单元", "单元号", "unit"),
    "room": ("房号", "门牌号", "房间号", "室", "room"),
    "address": ("地址", "住址", "家庭住址", "门牌", "address"),
    "phones": ("电话", "联系电话", "手机", "手机号", "手机号码", "联系方式", "phone", "phones", "mobile", "tel"),
    "birth": ("出生日期", "出生年月", "出生年份", "生日", "birth", "birth date", "birthday", "born", "dob"),
    "id_number": ("身份证", "身份证号", "身份证号码", "证件号码", "id number", "id", "id_number"),
    "tags": ("人员类别", "标签", "类别", "特殊人群", "人群类别", "tags", "tag", "category", "care tags"),
    "note": ("备注", "说明", "note", "notes", "remark"),
    "contact_name": ("紧急联系人", "联系人", "emergency contact", "contact"),
    "contact_relation": ("关系", "与本人关系", "联系人关系", "relation", "contact relation"),
    "contact_phone": ("紧急联系人电话", "联系人电话", "contact phone", "emergency phone"),
    # what a register correction from the grid centre did (gridnote centre register import)
    "change": ("变更类型", "变更", "变动类型", "change", "change type"),
    "last_visit": (
        "上次走访",
        "上次走访日期",
        "最近走访",
        "最近走访日期",
        "最近入户",
        "最近入户日期",
        "上次入户",
        "末次走访",
        "last visit",
        "last visited",
        "last visit date",
    ),
}
_HEADER_INDEX = {fold(h): field for field, names in HEADERS.items() for h in names}


def read_table(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]], str | None]:
    """Headers, (row number, cells) pairs and the detected encoding (None for XLSX)."""
    path = Path(path)
    if not path.exists():
        raise FileError("file.not_found", path=path)
    if path.is_dir():
        raise FileError("file.is_dir", path=path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return (*_read_xlsx(path), None)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileError("file.cannot_read", path=path, reason=os_reason(exc)) from exc
    text, encoding = decode(data, path)
    return (*_read_csv(text), encoding)


def _read_csv(text: str) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        raise FileError("import.empty")
    header, body = rows[0], [[csv_unquote(c) for c in row] for row in rows[1:]]  # our own exports' quote
    return header, [(i + 2, row) for i, row in enumerate(body) if any(c.strip() for c in row)]


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise FileError("import.bad_xlsx", path=path) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        raise FileError("import.empty")
    header = ["" if c is None else str(c) for c in rows[0]]
    body = [(i + 2, ["" if c is None else c for c in row]) for i, row in enumerate(rows[1:])]
    return header, [(n, row) for n, row in body if any(str(c).strip() for c in row)]


def map_headers(header: list[str]) -> dict[int, str]:
    """Column index → field; a file without a name column cannot be imported."""
    mapping: dict[int, str] = {}
    for index, title in enumerate(header):
        field = _HEADER_INDEX.get(fold(str(title)).replace(" ", "").replace("_", " ")) or _HEADER_INDEX.get(
            fold(str(title))
        )
        if field and field not in mapping.values():
            mapping[index] = field
    if "name" not in mapping.values():
        raise InputError("import.no_name_column", headers=join_list(h for h in header if h) or "-")
    if "address" not in mapping.values() and "building" not in mapping.values():
        raise InputError("import.no_address_column")
    return mapping


def read_names(path: Path) -> list[str]:
    """Who a list file names: one resident a line (name, alias, pinyin or address), or several a line
    separated as lists are typed (``，、；``); blank lines and ``#`` comments skipped. Any encoding
    :func:`gridnote.input.encoding.decode` reads."""
    from gridnote.domain.vocab import split_list

    path = Path(path)
    if not path.exists():
        raise FileError("file.not_found", path=path)
    if path.is_dir():
        raise FileError("file.is_dir", path=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileError("file.cannot_read", path=path, reason=os_reason(exc)) from exc
    text, _ = decode(data, path)
    names: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.extend(split_list(line))
    return names
