"""Every command, run in each language, says nothing in the other one (data aside).

One working day drives every command of the tree, once with an English
notebook (Latin names and notes, English values) under ``LANG=C`` and once
with a Chinese one under ``LANG=zh_CN.UTF-8``. The English output must hold no
Chinese character or full-width punctuation outside the data; the Chinese
output no English word outside what is meant to be typed (commands, options,
codes, setting names) and the units both languages write alike.
"""

from __future__ import annotations

import re
from typing import Any

import typer

from gridnote.cli import app
from gridnote.domain.categories import DEFAULT_CATEGORIES

# The same day in each language: (arguments with {placeholders}, values per language).
DATA = {
    "en": {
        "li": "Li Xiuying",
        "li_alias": "Granny Li",
        "zhang": "Zhang Guohua",
        "zhang_alias": "Grandpa Zhang",
        "gao": "Gao Yulan",
        "gao_alias": "Auntie Gao",
        "zeng": "Zeng Junhua",
        "zeng_alias": "Granny Zeng",
        "female": "f",
        "male": "m",
        "bedridden": "bedridden",
        "htn": "hypertension",
        "alone": "living-alone",
        "elderly": "elderly",
        "son": "Zhang Ming,son,13905712345",
        "note": "paralysed for years",
        "bp_task": "measure BP Granny Li",
        "walk_task": "walk building 5",
        "pills": "bring pills",
        "tomorrow": "tomorrow",
        "tomorrow_630": "tomorrow 6:30",
        "daily": "day",
        "call_back": "call back Auntie Gao",
        "visit_note": "pressure high",
        "follow": "in 2 days: re-check BP",
        "light": "stairwell light broken",
        "phone_kind": "phone",
        "pills_out": "pills ran out",
        "pills_done": "pills delivered",
        "waste": "renovation waste at building 5",
        "drain": "drain blocked in building 8",
        "app": "app",
        "checked": "checked on site",
        "property": "property",
        "contact": "Mr Wang 13800001111",
        "call_note": "property will come now",
        "call": "call",
        "done": "cleared",
        "told": "phone call",
        "satisfied": "satisfied",
        "duplicate": "duplicate",
        "not_dup": "not a duplicate",
        "drain_cat": "blocked-drain",
        "urgent": "urgent",
        "shed": "Bike shed",
        "talk": "anti-fraud talk",
        "partners": "police, building heads",
        "detergent": "detergent",
        "moved": "moved to her daughter",
        "search": "Li",
        "search2": "drain",
    },
    "zh": {
        "li": "李秀英",
        "li_alias": "李奶奶",
        "zhang": "张国华",
        "zhang_alias": "张大爷",
        "gao": "高玉兰",
        "gao_alias": "高阿姨",
        "zeng": "曾俊华",
        "zeng_alias": "曾奶奶",
        "female": "女",
        "male": "男",
        "bedridden": "失能",
        "htn": "高血压",
        "alone": "独居",
        "elderly": "高龄",
        "son": "张明,儿子,13905712345",
        "note": "瘫痪多年",
        "bp_task": "量血压 李奶奶",
        "walk_task": "巡查5号楼",
        "pills": "送降压药",
        "tomorrow": "明天",
        "tomorrow_630": "明天6:30",
        "daily": "每天",
        "call_back": "回访高阿姨",
        "visit_note": "血压偏高",
        "follow": "后天: 复测血压",
        "light": "楼道灯坏了",
        "phone_kind": "电话",
        "pills_out": "降压药吃完了",
        "pills_done": "药已送到",
        "waste": "5号楼门前有装修垃圾",
        "drain": "8号楼下水道堵了",
        "app": "一网通",
        "checked": "到现场看过",
        "property": "物业",
        "contact": "王经理 13800001111",
        "call_note": "物业说马上来",
        "call": "电话",
        "done": "已清运",
        "told": "电话告知",
        "satisfied": "满意",
        "duplicate": "重复",
        "not_dup": "不是重复",
        "drain_cat": "下水道",
        "urgent": "紧急",
        "shed": "车棚",
        "talk": "老年人防诈骗宣讲",
        "partners": "社区民警, 楼栋长",
        "detergent": "洗衣液",
        "moved": "搬去女儿家",
        "search": "李",
        "search2": "下水道",
    },
}

DAY = [
    "resident add {li} --alias {li_alias} -a 8-2-301 -g {female} --born 1944 -t {bedridden} -t {htn} -p 13857112345 --contact {son} --note {note}",
    "resident add {zhang} --alias {zhang_alias} -a 8-2-301 -g {male} --born 1942 -t {elderly}",
    "building add 5",
    "building add 7",
    "resident add {gao} --alias {gao_alias} -a 5-1-502 -g {female} --born 1956 -t {alone}",
    "resident add {zeng} --alias {zeng_alias} -a 7-3-1102 -t {alone}",
    "resident list",
    "resident list --json",
    "resident show {li_alias}",
    "resident edit {gao_alias} --add-phone 13967154321",
    "resident tag {gao_alias} {htn}",
    "resident untag {gao_alias} {htn}",
    "household list",
    "building list",
    "config list",
    "config get care.bedridden",
    "config set care.bedridden 2",
    "config unset care.bedridden",
    "care baseline 11-20",
    "care baseline 11-25 -b 5 --json",
    "care route",
    "care route -b 9",
    "server status",
    "server stop",
    "task add {bp_task} --due {tomorrow_630} --star",
    "task add {walk_task} --every {daily}",
    "task add {pills} --due 11-27",
    "task list",
    "task show 1",
    "task done 2",
    "task skip 4",
    "task star 3",
    "task unstar 3",
    "task move 3 {tomorrow}",
    "task edit 1 --note {note}",
    "task drop 3",
    "task reopen 3",
    "task list --status all",
    "tomorrow",
    "remind --within 1440",
    "remind --within 60 --json",
    "tomorrow add {call_back} --at 9:00",
    "plan",
    "plan add {pills} --at 8:00",
    "log {li_alias} {visit_note} --bp 139/90 --pulse 63 --temp 36.8 --follow-up {follow}",
    "log -b 5 {light}",
    "log {zhang_alias} {pills_out} -k {phone_kind}",
    "log edit 3 --note {pills_done}",
    "log undo",
    "visits",
    "visits --all",
    "visits -r {li_alias}",
    "resident show {li_alias}",
    "issue add {waste} -c {app} -b 5 -r {gao_alias}",
    "issue add {drain} -b 8 -r {zhang_alias}",
    "issue verify 1 --note {checked}",
    "issue refer 1 --to {property} --contact {contact} --due {tomorrow}",
    "issue note 1 {call_note} --kind {call} --by {property}",
    "issue resolve 1 {done}",
    "issue tell 1 --note {told}",
    "issue rate 1 {satisfied}",
    "issue add {light} -b 6",
    "issue close 3 --note {told}",
    "issue reject 2 {duplicate} --of 1",
    "issue reopen 2 {not_dup}",
    "issue edit 2 -k {drain_cat} -p {urgent}",
    "calls",
    "calls --json",
    "calls done 1 {told}",
    "issue list",
    "issue list --all",
    "issue show 1",
    "issue show 2",
    "issue category list",
    "issue category add bike-shed --zh 车棚 --en {shed} --under facilities",
    "issue category set {drain_cat} --upward 0101 -g general",
    "event add {talk} --at 15:00 --with {partners} -b 8 --attendees 23",
    "event list",
    "event show 1",
    "resident points {gao_alias}",
    "resident redeem {gao_alias} 1 --for {detergent}",
    "resident move-out {zeng_alias} --note {moved}",
    "resident move-out {zeng_alias} --undo",
    "today",
    "today --date {tomorrow}",
    "today --route",
    "find {search}",
    "find {search2}",
    "find xyzzy",
    "report",
    "report --week",
    "report --week -f markdown",
    "check",
    # a few errors
    "task show 99",
    "issue show 99",
    "resident show nobody-at-all",
    "task add",
    "taks",
    "task list --bogus",
    "log edit 99 --note x",
    "issue verify 1",
]

UNITS_AND_NAMES = re.compile(
    r"gridnote(?: [^\s，。；：）、]+)*"  # a command to type, with its arguments
    r"|--readings all|--?[a-z][\w-]*|\b[A-Z]{2,}\b|\b[A-Z]+_[A-Z_]+\b"  # options, metavars, placeholders, variables
    r"|\b[a-z]+(?:[.-][a-z_]+)+\b"  # setting names and codes (care.bedridden, blocked-drain)
    r"|mmHg|mmol/L|\bkg\b|°C|\bcsv\b|\bzh\b|\ben\b|\blnn\b"
    r"|/[^\s：，）]+"  # a file's path is data
)  # lnn: the pinyin initials of an example
CODES = re.compile(r"\b(?:" + "|".join(c.code for c in DEFAULT_CATEGORIES) + r"|lang|timezone|server)\b")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def run_day(cli, lang: str) -> list[tuple[str, str]]:
    env = {"LANG": "zh_CN.UTF-8"} if lang == "zh" else {"LANG": "C.UTF-8"}
    outputs = []
    for line in DAY:
        args = [part.format(**DATA[lang]) for part in _split(line)]
        result = cli(*args, env=env)
        outputs.append((" ".join(args), result.stdout + result.stderr))
    return outputs


def _split(line: str) -> list[str]:
    """Split on spaces, but a {placeholder} is one argument even when its value has spaces."""
    return line.split(" ")


def _without_data(text: str, lang: str) -> str:
    """The output with what was typed taken out (names as shown: 李秀英（李奶奶）)."""
    data = DATA[lang]
    for name in ("li", "zhang", "gao", "zeng"):
        text = text.replace(f"{data[name]}（{data[name + '_alias']}）", " ")
    for value in sorted(data.values(), key=len, reverse=True):
        if len(value) > 2:  # (not f, m: letters of every word)
            text = text.replace(value, " ")
    return re.sub(r"“[^”]*”|'[^']*'|\"[^\"]*\"", " ", text)  # what was typed, quoted back


def test_english_says_nothing_in_chinese(cli) -> None:
    leaks = []
    for command, output in run_day(cli, "en"):
        if command.startswith("issue category") or command.endswith("--json"):
            continue  # the categories' Chinese names are data of the list; JSON is language-free
        for line in _without_data(output, "en").splitlines():
            # a name wrapped in a table cell: 李秀英（李奶奶） is written so in both languages
            if CJK.search(line.replace("（", "").replace("）", "")):
                leaks.append(f"{command}: {line.strip()}")
    assert leaks == [], "\n".join(leaks)


def test_chinese_says_nothing_in_english(cli) -> None:
    leaks = []
    for command, output in run_day(cli, "zh"):
        if command.endswith("--json"):
            continue
        for line in _without_data(output, "zh").splitlines():
            rest = CODES.sub(" ", UNITS_AND_NAMES.sub(" ", line))
            if re.search(r"[A-Za-z]{3,}", rest):
                leaks.append(f"{command}: {line.strip()}")
    assert leaks == [], "\n".join(leaks)


def test_the_day_covers_every_command() -> None:
    def walk(command: Any, path: str = "") -> list[str]:
        subs = getattr(command, "commands", {})
        found = [path] if path and not subs else []
        for name, sub in subs.items():
            found += walk(sub, f"{path} {name}".strip())
        return found

    leaves = set(walk(typer.main.get_command(app)))
    run = {line.split(" {")[0].split(" 1")[0] for line in DAY}
    covered = {leaf for leaf in leaves if any(r == leaf or r.startswith(leaf + " ") for r in run)}
    defaults = {"log add"}  # `gridnote log WHO …` runs it
    # making notebooks and files: tests/test_notebook_init.py and the import/export tests, in both languages;
    # help pages show input in both languages by design: tests/test_help_topics.py; the city app's
    # requests in and out (files of data in the spec's shape): tests/test_open311.py, in both languages
    # backups and restore print the paths of the files they wrote (tests/test_backup.py, test_restore.py)
    files = {
        "demo",
        "init",
        "resident import",
        "resident export",
        "issue import",
        "issue export",
        "help",
        "backup list",
        "restore",
        "encrypt",  # and decrypt: they print the notebook's path (tests/test_encrypt.py, in both languages)
        "decrypt",
    }
    # the centre and sync need a centre of their own: tests/test_centre.py runs them in both languages
    centre = {"sync", "centre init", "centre import", "centre grids", "centre report", "centre browse"}
    centre.add("browse")  # serves Datasette until stopped: tests/test_browse.py runs it in both languages
    # what the centre sends down, and her inbox: tests/test_centre_down.py and test_inbox.py, in both languages
    centre |= {"centre dispatch", "centre task add", "centre register import", "centre export"}
    centre |= {"inbox", "inbox accept", "inbox decline", "centre sent"}
    assert leaves - covered - defaults - files - centre == set()


def test_today_on_the_example_grid_speaks_one_language(cli, demo) -> None:
    """The issue's test: ``LANG=zh_CN.UTF-8 gridnote today`` all Chinese, ``LANG=C gridnote today`` all English."""
    import sqlite3

    typed = ["量血压 李奶奶", "送降压药", "反诈宣传", "社区民警", "楼栋长", "5号楼门前有装修垃圾", "楼道灯坏了"]
    for args in (
        ("task", "add", typed[0], "--due", "今天6:30", "--star"),
        ("task", "add", typed[1], "--due", "11-27"),
        ("event", "add", typed[2], "--at", "14:00", "--with", "社区民警, 楼栋长", "-b", "5"),
        ("issue", "add", typed[5], "-c", "一网通", "-b", "5", "--at", "昨天10:00"),
        ("log", "-b", "6", typed[6]),
        ("log", "李奶奶", "血压正常", "--bp", "132/84"),
    ):
        assert cli(*args).exit_code == 0, args
    conn = sqlite3.connect(demo)
    names = [f"{n}（{a}）" if a else n for n, a in conn.execute("SELECT name, alias FROM residents")]
    conn.close()
    english = cli("today", env={"LANG": "C"}).stdout
    chinese = cli("today", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert english.startswith("Today · Sunday 29 November 2026") and chinese.startswith("今天 · 2026年11月29日 星期日")
    for value in sorted([*names, *typed], key=len, reverse=True):
        english = english.replace(value, " ")
        chinese = chinese.replace(value, " ")
    assert [line for line in english.splitlines() if CJK.search(line)] == []
    assert [
        line
        for line in chinese.splitlines()
        if re.search(r"[A-Za-z]{3,}", CODES.sub(" ", UNITS_AND_NAMES.sub(" ", line)))
    ] == []
