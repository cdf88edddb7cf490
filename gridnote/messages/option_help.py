"""Chinese help for every argument and option of the command tree (English is in the code).

Keyed by where each belongs, not by its English text: rewording an option's English
keeps its Chinese, and ``tests/test_help.py`` walks the tree so that none is missing.
"""

from typing import Any

# Chinese for the help of every argument and option, keyed by where it belongs: a command's path
# ("task.add"), then the option's longest flag ("--due") or the argument's name ("text"). An entry
# under a group ("issue") serves every command of that group, one under "*" every command, unless a
# command has its own; "" is the root's own options. tests/test_help.py fails when an option has no
# Chinese, when an entry serves options whose English differs, and when an entry serves none.
OPTION_HELP_ZH: dict[str, dict[str, str]] = {
    "*": {
        "--json": "输出 JSON（结构稳定，供脚本使用）。",
        "text": "要做的事（引号可加可不加）。",
        "--at": "时刻：6:30、早上6点半、下午3点。",
        "--star": "标为重要（排在最前）。",
        "--resident": "为哪位居民：李奶奶、lnn、8-2-301、#12。",
        "--building": "楼栋，例如 5 或 5号楼。",
        "--every": "重复：每天、工作日、每周、每月、每2天（day、weekday、week、month、2d）。",
        "--note": "备注。",
        "--from": "起始日期（周五：--to 之前最近的那个周五）。",
        "--date": "某一天：今天、昨天、周五、11-28。",
        "--week": "自然周（周一到周日）；配合 --date：那一天所在的周。",
        "--month": "自然月；配合 --date：那一天所在的月。",
        "--force": "如果 -o 指定的文件已经存在，替换它。",
    },
    "backup": {
        "--to": "改为把副本写到这个文件（照片放在它旁边）。",
        "--force": "如果 --to 指定的文件已经存在，替换它。",
        "--encrypt-to": "把 --to 写成一个 age 加密文件（副本和照片），给这个密钥：age1……、SSH 公钥，或存放它们的文件。可重复。",
        "--passphrase": "把 --to 写成一个 age 加密文件，用口令加密（提示输入，或 GRIDNOTE_BACKUP_PASSPHRASE）。",
    },
    "encrypt": {"--remember": "把密钥保存在系统钥匙串中，命令就不必再询问。"},
    "restore": {
        "backup": "备份文件，或它在备份文件夹中的名字（省略则用最新的）。",
        "--date": "这一天最新的备份（12-01）。",
        "--identity": "用密钥加密的副本（backup --encrypt-to）：它的私钥文件。",
    },
    "check": {"--repair": "重建搜索索引，并从备份中找回缺失的照片。"},
    "sync": {
        "--centre": "网格中心：中心文件（street.db）或 postgresql://用户@主机/库；会记住（config centre.url）。",
        "--out": "改为把变更写入同步文件（day.gnsync）。",
        "--since": "配合 --out：第 N 条之后的变更（0：全部）。",
        "--in": "改为导入网格中心写出的下发文件（gridnote centre export）。",
    },
    "inbox": {
        "--all": "也列出已答复的。",
        "numbers": "收件箱中的编号（gridnote inbox），例如 3 或 3 4。",
        "--why": "理由（网格中心会看到）。",
        "--only": "登记变更只采用这些字段（phones,address 或 电话、住址）；其余保留你的值。",
    },
    "centre": {
        "--centre": "网格中心：文件（默认：$GRIDNOTE_CENTRE，其次是当前目录的 street.db）或 postgresql://…。",
    },
    "centre.init": {
        "url": "street.db，或 postgresql://所有者@主机/库。",
        "--full-readings": "保存测量值（默认只保存是否异常）。",
        "--postgres": "在 PostgreSQL 上同时启用网格员角色的行级安全。",
        "--print-sql": "只打印行级安全的 SQL，不执行。",
    },
    "browse": {
        "--port": "本机端口（默认 8001）。",
        "--full": "显示全部表以及未遮挡的电话和身份证号，并允许 SQL 查询。",
    },
    "centre.browse": {
        "--port": "本机端口（默认 8001）。",
        "--full": "显示全部表以及未遮挡的电话和身份证号，并允许 SQL 查询。",
    },
    "centre.import": {"files": "由 `gridnote sync --out` 写出的同步文件。"},
    "centre.dispatch": {
        "--grid": "网格：网格编号（冬梅轩-03）或笔记本编号。",
        "words": "问题内容，照热线受理时的记录。",
        "--requests": "下发 GeoReport v2 文件中的诉求（一网通、12345 导出的）。",
        "--id": "配合 --requests：只下发这条诉求（可重复）。",
        "--category": "问题类别的代码或上报代码。",
        "--address": "地点：5号楼、8-2-301。",
        "--contact": "反映人：王阿姨 13800001111。",
        "--due": "中心定的办结时限：12-05 18:00。",
        "--order": "工单号（12345 的）。",
        "--channel": "来源：hotline（12345热线，默认）或 app（一网通）。",
    },
    "centre.task.add": {
        "--grid": "网格：网格编号（冬梅轩-03）或笔记本编号。",
        "words": "要做的事（引号可加可不加）。",
        "--due": "日期和时间：周五、12-05 18:00、本周五。",
    },
    "centre.register.import": {
        "--grid": "网格：网格编号（冬梅轩-03）或笔记本编号。",
        "file": "CSV 或 XLSX，列与 `resident import` 相同。",
        "--from": "来自哪个部门：派出所、民政。",
    },
    "centre.sent": {"--grid": "只看这个网格：网格编号或笔记本编号。"},
    "centre.export": {
        "--grid": "网格：网格编号（冬梅轩-03）或笔记本编号。",
        "output": "要写出的同步文件：down.gnsync。",
        "--since": "只写该网格第 N 项之后的内容（默认：全部）。",
        "--force": "如果文件已经存在，替换它。",
    },
    "centre.report": {"--output": "写成 Excel 工作簿（.xlsx）。", "--to": "截止日期（默认：今天）。"},
    "": {
        "--db": "笔记本文件（默认：$GRIDNOTE_DB，其次是用户数据目录）。",
        "--lang": "本次命令的界面语言。",
        "--version": "显示版本并退出。",
        "--no-pager": "长输出直接打印到终端（默认像 git 一样用分页器显示）。",
        "--install-completion": "为当前的 shell 安装补全（按 Tab 补全命令、居民、编号……）。",
        "--show-completion": "显示当前 shell 的补全脚本，可复制或自行安装。",
    },
    "today": {
        "--route": "把到期走访排成巡楼路线：楼栋、单元、楼层（全部列出）。",
        "--date": "看另一天：明天、周一、12-01。",
        "--all": "列出所有逾期任务和到期该走访的居民，而不只是各自的前十项。",
    },
    "log": {
        "--at": "发生的时间（默认：现在）：6:30、昨天下午3点、昨天 20:00。只写过去的日期时按中午12点记。",
        "--bp": "血压，收缩压/舒张压（mmHg），例如 139/90。",
        "--pulse": "脉搏（次/分），例如 63。",
        "--glucose": "血糖（mmol/L），例如 6.1。",
        "--temp": "体温（°C），例如 36.8。",
        "--weight": "体重（公斤，或写斤），例如 52.5 或 105斤。",
        "--follow-up": '为同一居民加一项跟进任务："后天: 复测血压"、"周五"。',
    },
    "calls.done": {
        "number": "今天清单上的电话编号（gridnote calls）。",
        "outcome": "说了什么、约定了什么。",
        "--resolved": "给转办单位的电话：对方已办好，问题办结。",
    },
    "remind": {
        "--within": "从这一分钟起往后看多少分钟（默认 15）。",
        "--notify": "同时把每一项作为桌面提醒发出（notify-send）。",
        "--install": "设置 systemd 用户定时器（没有 systemd 时为一行 crontab），在每项定时任务的时间发出提醒。",
        "--uninstall": "再删除这个定时器或 crontab 行。",
        "--via": "和 --install/--uninstall 一起用：选 systemd 或 cron。",
        "--force": "和 --install 一起用：替换与 gridnote 不同的 unit 文件。",
    },
    "log.add": {
        "--building": "每日巡楼的楼栋（可重复：-b 5 -b 6）。",
        "--note": "记录内容，代替 NOTE（或接在其后）。",
        "--again": "即使几分钟前刚写过完全相同的一条（对象、类型、内容、读数），也照样记下。",
        "--until": "回来的时间（应急出动：--at 20:00 --until 21:40）；只写时刻时取 --at 之后的第一个该时刻。",
        "who": "居民（李奶奶、lnn、#1）、住户（8-2-301）或楼栋（5号楼）。用 --building 时不用写。",
        "words": "看到了什么、说了什么、答应了什么。",
        "--kind": "走访/电话/微信/巡查/应急/宣传（visit|phone|wechat|walk|emergency|outreach）。默认：走访；楼栋为巡查。",
    },
    "log.edit": {
        "--until": "回来的时间（21:40）；写 '' 清除。",
        "--note": "替换备注（'' 表示清空）。",
        "--kind": "走访/电话/微信/巡查/应急/宣传（visit|phone|wechat|walk|emergency|outreach）。",
        "number": "记录编号（见 `gridnote visits`）；默认：最后一条。",
        "--who": "把这条记录改到另一位居民、住户或楼栋名下。",
        "--drop-reading": "删除一项测量：血压、脉搏、血糖、体温、体重（bp、pulse、glucose、temp、weight）。",
    },
    "log.undo": {
        "number": "记录编号；默认：最后一条。",
    },
    "visits": {
        "--all": "包括已撤销的记录（会标出）。",
        "--resident": "只列对这位居民（及其住户）的记录。",
        "--building": "只列这栋楼的记录，例如 5 或 5号楼。",
        "--kind": "只列这一种：走访、电话、巡查……",
        "--to": "截止日期（默认：今天）。",
    },
    "task": {
        "number": "任务编号，例如 12。",
        "--due": "日期和时间：明天6:30、明早6点半、周五、12-01。",
        "numbers": "任务编号，例如 12 或 12 13。",
    },
    "task.list": {
        "--from": "到期日不早于：今天、12-01、下周一。",
        "--to": "到期日不晚于。",
        "--status": "未完成、已完成、已放弃、已跳过或全部（open/done/dropped/skipped/all）。",
        "--starred": "只列标星的任务。",
        "--undated": "只列没有日期的任务。",
        "--overdue": "只列已过时的未完成任务：今天之前到期的，或今天定的时刻已经过了的。",
    },
    "task.move": {
        "when": "新的日期（和时间）：明天、周五、12-01、'明天 9:00'。",
    },
    "task.edit": {
        "--note": "替换备注（'' 表示清空）。",
        "--text": "新的内容。",
        "--no-due": "去掉日期。",
        "--no-resident": "取消与居民的关联。",
        "--no-building": "取消与楼栋的关联。",
        "--no-repeat": "不再重复。",
    },
    "resident": {
        "who": "编号、姓名、称呼、拼音、首字母或地址（李奶奶、lnn、8-2-301、'李 8-2'）。",
        "--address": "住户地址：8-2-301 或 8号楼2单元301。",
        "--gender": "女/男（f/m）。",
        "--born": "出生年份或日期：1948、1948-03-02、1948年3月2日。",
        "--id-number": "身份证号（导出时打码）。",
        "--contact": "紧急联系人 '姓名,关系,电话[,nearby]'（可重复；nearby 表示住得近）。",
    },
    "resident.add": {
        "name": "姓名，例如 李秀英。",
        "--alias": "邻居们怎么称呼，例如 李奶奶。",
        "--phone": "电话号码（可重复）。",
        "--tag": "关怀标签：独居、失能、高血压、低保……或任意词（可重复）。",
        "--same-name": "与该地址已登记的某人同名的另一个人。",
    },
    "resident.list": {
        "--all": "包括已迁出的居民。",
        "text": "姓名、称呼、拼音、电话或备注中的一部分。",
        "--tag": "只列有此标签的居民（独居、失能……）。",
    },
    "resident.edit": {
        "--note": "替换备注（'' 表示清空）。",
        "--alias": "新称呼（'' 表示去掉）。",
        "--phone": "替换电话号码（可重复）。",
        "--name": "新姓名。",
        "--add-phone": "添加一个电话号码。",
        "--remove-contact": "删除编号为 ID 的紧急联系人（见 `resident show`）。",
    },
    "resident.tag": {
        "tags": "要加的标签：独居、失能、高血压、低保、楼栋长或任意词。",
    },
    "resident.untag": {
        "tags": "要去掉的标签。",
    },
    "resident.move-out": {
        "--undo": "已搬回：撤销迁出（或撤销误登的已故）。",
        "--deceased": "居民已去世：标记为已故（同样不再出现在名单和走访中，记录保留）。",
    },
    "resident.import": {
        "file": "CSV（UTF-8、带 BOM 的 UTF-8、GB18030/GBK）或 XLSX，表头中英文均可。",
        "--dry-run": "只检查文件并显示会有哪些变化，不写入。",
        "--new-buildings": "把网格中还没有的楼栋一并加入（否则这些行会当作写错而拒绝）。",
    },
    "resident.export": {
        "--tag": "只导出有此标签的居民。",
        "--output": "要写入的文件（.csv 或 .xlsx）。",
        "--format": "csv 或 xlsx（默认按文件名判断）。",
        "--full": "包含完整的电话和身份证号（默认打码）。",
    },
    "resident.points": {
        "who": "编号、姓名、称呼、拼音或地址。",
    },
    "resident.redeem": {
        "who": "编号、姓名、称呼、拼音或地址。",
        "points": "要兑换的积分。",
        "--for": "兑换的物品，例如 洗衣液一瓶。",
    },
    "building.add": {
        "--name": "楼栋的名称（如果不是用楼号称呼）。",
        "code": "楼号，例如 9 或 9号楼。",
    },
    "issue": {
        "--at": "如果不是现在，发生的时间：10:20、今天上午10点、昨天 18:00。",
        "--note": "说了什么或做了什么。",
        "number": "问题编号，例如 12 或 #12。",
        "--category": "类别：下水道、装修垃圾、停电……（见 `issue category list`）。",
        "--photo": "附上照片（可重复；会复制到笔记本中）。",
    },
    "issue.add": {
        "text": "问题的原话，例如 5号楼门前有装修垃圾。",
        "--address": "地点：住户 8-2-301 或其一部分（8-2）。",
        "--contact": "不在花名册里的反映人：姓名和电话。",
        "--reporter": "反映人（居民：姓名、称呼、拼音、地址）。",
        "--channel": "当面、电话、微信、一网通、12345、巡查（in-person、phone、wechat、app、hotline、walk）。",
        "--affects": "其他受影响的居民（可重复，或用逗号分隔）。",
        "--priority": "紧急或一般（urgent/normal）。",
        "--enquiry": "咨询或建议，不是诉求：答复并告知；没有时限，不计积分，不计入三率。",
        "--group": "给咨询建议设时限类型：紧急、公用设施、一般、复杂（默认没有时限）。",
    },
    "issue.list": {
        "--to": "截止日期。",
        "--status": "只列这一状态：已受理、已核实、已转办、已办结、已回访、已结案、不予受理。",
        "--overdue": "只列已超时的问题。",
        "--reporter": "只列这位居民反映的问题。",
        "--open": "未结案的问题（默认，按时限排序）或全部（最新的在前）。",
        "--limit": "最多显示这么多条。",
    },
    "issue.reject": {
        "reason": "重复、非职责范围或不属实（duplicate、not-ours、not-real）。",
        "--of": "与之重复的问题编号。",
    },
    "issue.refer": {
        "--to": "物业、派出所、街道、公用事业、城管、居委会、其他（property、police、street-office……）。",
        "--due": "对方承诺的日期：3天、明天、12-01 18:00。",
        "--contact": "对方联系人及电话。",
    },
    "issue.note": {
        "text": "发生了什么：一次电话、一次上门、任何进展。",
        "--kind": "进展、电话、上门、消息（progress、call、visit、message）。",
        "--with-reporter": "这是与反映人的联系（算作首次响应）。",
        "--by": "如果不是你，是谁办的（物业、某人姓名）。",
    },
    "issue.resolve": {
        "text": "做了什么。",
        "--by": "谁办的（默认：转办的单位）。",
    },
    "issue.rate": {
        "rating": "满意、基本满意、不满意（satisfied、basically-satisfied、dissatisfied）。",
    },
    "issue.reopen": {
        "--due": "新的办结时限。",
        "reason": "原因：没修好、还是堵……",
    },
    "issue.edit": {
        "--text": "新的表述。",
        "--priority": "紧急或一般（urgent/normal）。",
        "--enquiry": "改为咨询建议（咨询/建议），或改回诉求（--complaint）。",
        "--group": "给咨询建议设时限类型：紧急、公用设施、一般、复杂。",
    },
    "issue.import": {
        "file": "GeoReport v2 诉求文件：requests.json 或 requests.xml。",
        "--channel": "来源：app 或 hotline（一网通、12345）。",
        "--dry-run": "只检查文件并显示会有哪些变化，不写入。",
    },
    "issue.export": {
        "--open311": "Open311 GeoReport v2（一网通读取的格式；默认）。",
        "--output": "要写入的文件（默认：直接打印，不记为已发送）。",
        "--xml": "用 XML 而不是 JSON（规范的两种格式）。",
        "--all": "所有问题，而不只是来自诉求的问题。",
    },
    "issue.category.list": {
        "--open311": "按 Open311 服务清单（GeoReport v2 GET services）输出。",
        "--xml": "配合 --open311：用 XML 而不是 JSON。",
    },
    "issue.category": {
        "--group": "时限类型：紧急、公用设施、一般、复杂（emergency、utility、general、complex）。",
        "--upward": "网格中心使用的上报编码。",
        "--synonym": "同义词（可重复）。",
    },
    "issue.category.add": {
        "code": "简短的英文代码：字母、数字、连字符（例如 bike-shed）。",
        "--zh": "中文名称，例如 车棚。",
        "--en": "英文名称（默认：代码）。",
        "--under": "所属的一级类别。",
    },
    "issue.category.set": {
        "--zh": "新的中文名称。",
        "--en": "新的英文名称。",
        "category": "代码或名称：blocked-drain、下水道……",
    },
    "care.route": {
        "--date": "看另一天：明天、周一、12-01。",
    },
    "care.baseline": {
        "day": "走访周期的起算日：11-20、上周一、2026-11-01。",
    },
    "event.add": {
        "--at": "时间：14:30、今天下午3点、周五 9:00（默认：现在）。",
        "title": "活动内容，例如 老年人防诈骗宣讲。",
        "--with": "合作方，用逗号分隔或重复填写，可附联系方式：社区民警（王警官 13800001111）、楼栋长。",
        "--attendees": "参加的居民人数（默认：点名的人数）。",
        "--residents": "参加的居民：姓名、称呼、拼音或地址（可重复，或用逗号分隔）。",
        "--list": "列出参加居民的文件，每行一人。",
        "--kind": "反诈宣传、安全宣传、健康服务、政策宣传、文体志愿、其他（默认：从活动名称判断）。",
        "--photo": "活动照片（可重复；会复制到笔记本中）。",
    },
    "event.show": {
        "number": "活动编号，例如 3 或 #3。",
    },
    "event.list": {
        "--to": "截止日期。",
        "--kind": "只列这一类活动：反诈宣传、安全宣传……",
    },
    "config.get": {
        "key": "设置名，例如 care.bedridden。",
    },
    "config.set": {
        "key": "设置名（见 `config list`）。",
        "value": "新的值。",
    },
    "config.unset": {
        "key": "设置名。",
    },
    "demo": {
        "--day": "同时在今天写入一天的工作：走访、问题、任务和一场宣传活动。",
    },
    "init": {
        "path": "要新建的笔记本文件（默认：--db、$GRIDNOTE_DB，其次是用户数据目录）。",
    },
    "report": {
        "--lang": "报表的语言。",
        "--date": "要报告的日期（默认今天）：昨天、周五、11-28。与 --week/--month 一起用时：那一周或那个月中的某一天。",
        "--to": "截止日期（默认：今天）。",
        "--output": "写入这个文件（要么完整写入，要么不写）。",
        "--format": "text（默认）、markdown、html、json、csv（zip 压缩包，每部分一个文件）或 xlsx（每部分一张表）。用 -o 时按文件名判断。",
        "--full": "完整的电话和身份证号（默认打码，如 138****5678）。",
        "--readings": "列出哪些健康读数：标记的（默认）或全部。",
        "--schema": "输出 --format json 的 JSON Schema（版本 1）后退出。",
    },
    "find": {
        "--kind": "只找这一类：居民、问题、任务、走访（resident、issue、task、visit）；可重复。",
        "--limit": "每类最多显示这么多条。",
        "query": "要找的词：姓名、拼音或首字母（lnn）、地址、电话号码、记录里的任何词（下水道）。",
    },
    "help": {
        "words": "主题（dates、care、categories、readings、privacy；日期、走访……）或命令（task add）。",
        "--man": "把所有命令和主题的 man 手册页写入 DIR/man1、DIR/man7。",
        "--force": "替换 DIR 中已有的 man 手册页。",
    },
}


def option_help_zh(path: str, key: str) -> str | None:
    """The Chinese help of option or argument ``key`` of the command at ``path`` (see OPTION_HELP_ZH)."""
    for where in option_help_chain(path):
        text = OPTION_HELP_ZH.get(where, {}).get(key)
        if text:
            return text
    return None


def option_help_chain(path: str) -> list[str]:
    """Where an option's Chinese is looked for, nearest first: the command, its groups, then "*"."""
    if not path:
        return ["", "*"]
    parts = path.split(".")
    return [".".join(parts[:end]) for end in range(len(parts), 0, -1)] + ["*"]


def option_key(param: Any) -> str:
    """How :data:`OPTION_HELP_ZH` names a parameter: ``--due``, ``text``."""
    if param.param_type_name == "option":
        return max(param.opts, key=len)
    return param.name
