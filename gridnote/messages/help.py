"""Chinese help for every command, keyed by its path (``resident.add``).

English help is each command's docstring; ``tests/test_help.py`` walks the
command tree and fails when a command has no Chinese entry here.
"""

MESSAGES: dict[str, tuple[str, str]] = {}

HELP_ZH: dict[str, str] = {
    "": "gridnote —— 网格员的工作笔记本：居民、明日工作、走访、问题、报表。\n\n"
    "三个时刻：早上 `gridnote today`，走访后 `gridnote log`，下班前 `gridnote report`。"
    "用示例网格试试：`gridnote --db demo.db demo`。",
    "resident": "居民：登记、查找、查看、修改、标签、迁出、导入和导出。",
    "resident.add": "登记居民。\n\n例：gridnote resident add 李秀英 --alias 李奶奶 -a 8-2-301 -g 女 --born 1944 -t 失能 -t 高血压",
    "resident.list": "按楼栋、标签和文字筛选居民。\n\n例：gridnote resident list -b 8 -t 独居",
    "resident.show": "查看居民卡片：本人、同户成员、紧急联系人、标签、备注。\n\n例：gridnote resident show lnn",
    "resident.edit": "修改居民信息（旧值保留在笔记本历史中）。\n\n例：gridnote resident edit 李奶奶 --add-phone 13857112399",
    "resident.tag": "给居民加标签。\n\n例：gridnote resident tag 高阿姨 独居 高血压",
    "resident.untag": "去掉居民的标签。\n\n例：gridnote resident untag 高阿姨 高血压",
    "resident.move-out": '标记居民已迁出（记录保留，列表中隐藏）。\n\n例：gridnote resident move-out 王强 --note "搬去女儿家"',
    "resident.import": "从表格导入居民：要么全部导入，要么一行不导。\n\n"
    "表头可用 姓名、性别、楼栋、单元、房号、联系电话、出生日期、人员类别、备注（或英文）。"
    "同一地址同名的居民会更新而不会重复（除非身份证号或出生日期表明是同名的另一个人）。"
    "本网格没有的楼栋，其行会当作写错而拒绝：请先 gridnote building add 9，或加 --new-buildings。"
    "\n\n例：gridnote resident import 居民花名册.csv --dry-run",
    "resident.export": "把居民导出为 CSV（带 BOM，Excel 可直接打开）或 XLSX；电话和身份证号默认打码。\n\n"
    "例：gridnote resident export -o 居民.xlsx -t 独居",
    "household": "住户：每个门牌住着谁。",
    "household.list": "列出住户及其成员。\n\n例：gridnote household list -b 8",
    "building": "楼栋：每栋楼的户数和人数。",
    "building.list": "列出楼栋及户数、人数。\n\n例：gridnote building list",
    "building.add": "把一栋楼加入网格（之后居民地址就可以用这栋楼）。\n\n例：gridnote building add 9",
    "config": "保存在笔记本中的设置：语言、时区、走访间隔、阈值。",
    "config.list": "显示所有设置、当前值以及是否为默认值。\n\n例：gridnote config list",
    "config.get": "显示一项设置的值。\n\n例：gridnote config get care.living-alone",
    "config.set": "修改一项设置。\n\n例：gridnote config set care.bedridden 2 · gridnote config set lang zh",
    "config.unset": "把一项设置恢复为默认值。\n\n例：gridnote config unset care.bedridden",
    "server": "命令服务：由常驻后台的进程快速执行命令；查看或停止它。",
    "server.status": "显示本安装的命令服务是否在运行、启动时间和已执行的命令数。\n\n例：gridnote server status",
    "server.stop": "停止本安装的命令服务（下一条命令在本进程执行，并重新启动一个）。\n\n例：gridnote server stop",
    "demo": "把示例网格（4 栋楼、317 户、752 人）载入一个空笔记本。\n\n"
    "建议用单独的笔记本试用：gridnote --db demo.db demo && gridnote --db demo.db resident show 李奶奶\n\n"
    "加 --day 时还会写入网格员一天的工作，today、report 和 find 就有内容可看："
    "gridnote --db demo.db demo --day && gridnote --db demo.db today",
    # -- tasks, tomorrow's work, the agenda ------------------------------------------
    "task": "任务：添加、查看、完成、跳过、标星、改期、修改、放弃；重复任务完成后自动安排下一次。",
    "task.add": "添加任务；内容里提到的居民或楼栋会自动关联。\n\n"
    "不写 --due 则不定日期（重复任务从今天开始）。\n\n"
    '例：gridnote task add "量血压 李奶奶" --due 明天早上6点半 --star'
    ' · gridnote task add "巡查5号楼" --every 每天',
    "task.list": "列出任务：默认列出未完成的，按日期排序；可按状态、标星、居民、楼栋、日期筛选。\n\n"
    "例：gridnote task list --from 今天 --to 周五 -r 李奶奶",
    "task.show": "查看一项任务的全部信息。\n\n例：gridnote task show 12",
    "task.done": "把任务标为已完成；重复任务会自动安排下一次。\n\n例：gridnote task done 12 13",
    "task.reopen": "重新打开已完成或已放弃的任务（重复任务会收回已安排的下一次）。\n\n例：gridnote task reopen 12",
    "task.star": "给任务标星：重要，排在最前。\n\n例：gridnote task star 12",
    "task.unstar": "取消任务的标星。\n\n例：gridnote task unstar 12",
    "task.move": "把未完成的任务改到另一天；只写日期时保留原来的时刻。\n\n例：gridnote task move 12 13 明天",
    "task.skip": "跳过重复任务的这一次：不算完成，系列顺延到下一次。\n\n例：gridnote task skip 12",
    "task.drop": "放弃不再做的任务（记录保留）；重复任务的整个系列随之结束。\n\n"
    "只想跳过一次，请用 `task skip`。\n\n例：gridnote task drop 12",
    "task.edit": "修改任务（旧版本保留在笔记本历史中）；--due 会替换日期和时刻。\n\n"
    '例：gridnote task edit 12 --at 7:00 --note "带血压计"',
    "today": "一屏看完今天：标星工作、时间线、逾期任务、到期走访、每日巡楼。\n\n"
    "走访记录中的入户走访和紧急出动才算关怀走访；电话和微信联系不算。\n\n"
    "例：gridnote today · gridnote today --date 明天 --json",
    "tomorrow": "明日工作：查看明天的清单并添加。晚上的例行事项。\n\n"
    '例：gridnote tomorrow · gridnote tomorrow add "量血压 李奶奶" --at 6:30 --star',
    "tomorrow.add": "添加到明天的清单（等同于 task add --due 明天）。\n\n"
    '例：gridnote tomorrow add "量血压 李奶奶" --at 6:30 --star',
    "plan": '同 tomorrow：查看并添加明日工作。\n\n例：gridnote plan add "巡查5号楼" --at 8:00',
    "plan.add": "添加到明天的清单（等同于 task add --due 明天）。\n\n"
    '例：gridnote plan add "量血压 李奶奶" --at 6:30 --star',
    # -- visits (gridnote log, gridnote visits) ---------------------------------
    "log": "走访、电话或巡楼之后马上记一笔；也可以修改或撤销一条记录。\n\n"
    "WHO 可以是居民（姓名、称呼、拼音、首字母、#编号）、住户地址（8-2-301：只住一人时记在此人名下，"
    "否则记为对全户的走访）或楼栋（5号楼，或用 --building 5 记每天的巡楼）。NOTE 是这一行剩下的文字。"
    "在终端里不写 NOTE 时会提示输入；在脚本或管道中从不等待输入。\n\n"
    '例：gridnote log 李奶奶 "血压正常，按时吃药" --bp 139/90 --pulse 63 --follow-up "后天: 复测血压"\n\n'
    '例：gridnote log --building 5 "楼道灯坏了"  ·  gridnote log edit 12 --note "..."  ·  gridnote log undo',
    "log.add": "记录一次走访、电话或巡楼（gridnote log WHO … 实际执行的命令）。\n\n"
    '例：gridnote log 李奶奶 "血压正常，按时吃药" --bp 139/90 --pulse 63 --follow-up "后天: 复测血压"',
    "log.edit": '修改一条记录；修改前的内容保留在笔记本历史中。\n\n例：gridnote log edit 12 --bp 138/88 --note "复测后血压正常"',
    "log.undo": "撤销最后一条记录（或第 N 条）：只标记为已撤销，不会删除；未完成的跟进任务一并取消。"
    "gridnote visits --all 仍可看到。\n\n例：gridnote log undo",
    "visits": "列出走访、电话和巡楼记录（默认今天；用 --resident 时列出此人的全部记录）。\n\n"
    "例：gridnote visits --from 周一 -k 走访  ·  gridnote visits -r 李奶奶  ·  gridnote visits -d 昨天",
    # -- issues, points, events ---------------------------------------------------------
    "issue": "问题诉求：受理、核实、转办、跟进、办结、回访、评价。",
    "issue.add": "受理问题：谁反映、在哪里、从什么渠道、什么类别；时限从此刻开始计算。\n\n"
    "不填 --category 时按内容自动识别类别（装修垃圾 → 装修垃圾），识别不出则为“其他”。"
    "当面、电话反映或巡查发现的问题，受理即算首次响应；一网通、12345、微信反映的仍需响应。\n\n"
    '例：gridnote issue add "5号楼门前有装修垃圾" -c 一网通 -b 5 --photo waste.jpg',
    "issue.list": "列出问题：默认列出未结案的问题（按时限排序），可按状态、类别、楼栋、反映人、日期筛选。\n\n"
    "例：gridnote issue list --overdue · gridnote issue list --all -k 下水道 --from 11-01",
    "issue.show": "查看问题及完整办理过程：每一步、每条记录、转办、时限、评价。\n\n例：gridnote issue show 12",
    "issue.verify": "核实问题属实；反映人获得积分。\n\n"
    '核实（或不予受理）即算对反映人的首次响应；带 --with-reporter 的记录、回访和评价也算。\n\n例：gridnote issue verify 12 --note "到现场看过，确有装修垃圾"',
    "issue.reject": "不予受理：重复反映、非职责范围或不属实（不计积分）。\n\n"
    "核实或转办之后、办结之前也可不予受理：已获得的积分将被收回。\n\n例：gridnote issue reject 13 重复 --of 12",
    "issue.refer": "把问题转办给责任单位，记下联系人和承诺时间。未核实的问题会一并核实。\n\n"
    '例：gridnote issue refer 12 --to 物业 --contact "王经理 13800001111" --due 3d',
    "issue.note": "给问题添加一条记录：一次电话、一次上门、任何进展。\n\n"
    '例：gridnote issue note 12 "物业说明天上午清运" --kind call --by 物业',
    "issue.resolve": '记录处理结果；下一步告知居民。\n\n例：gridnote issue resolve 12 "物业已清运装修垃圾" --photo cleared.jpg',
    "issue.tell": '记录已把处理结果告知居民（回访）。\n\n例：gridnote issue tell 12 --note "电话告知王阿姨"',
    "issue.rate": "记录居民的评价：满意或基本满意即结案，不满意则重新办理。\n\n例：gridnote issue rate 12 满意",
    "issue.close": '居民未评价时结案（须已回访）。\n\n例：gridnote issue close 12 --note "多次联系未评价"',
    "issue.reopen": '重新办理没有真正解决（或误判不予受理）的问题。\n\n例：gridnote issue reopen 12 "下水道又堵了" --due 2d',
    "issue.edit": "更正问题的内容、类别或紧急程度（时限随之调整）。\n\n例：gridnote issue edit 12 -k 装修垃圾",
    "issue.category": "问题类别：查看、添加自定义类别、设置上报编码和时限类型。",
    "issue.category.list": "列出问题类别及其时限（首次响应/办结）和上报编码。\n\n例：gridnote issue category list",
    "issue.category.add": "添加本笔记本自己的类别。\n\n例：gridnote issue category add bike-shed --zh 车棚 --under facilities -s 自行车棚",
    "issue.category.set": "修改类别的上报编码、时限类型、名称或增加同义词。已受理的问题时限不变。\n\n"
    "例：gridnote issue category set 下水道 --upward 0101 -g general",
    "event": "宣传活动：防诈骗宣讲等，记录合作方和参加人数。",
    "event.add": "记录一场宣传活动；它会出现在当天的日程和报表中。\n\n"
    '例：gridnote event add 老年人防诈骗宣讲 --at 15:00 --with "社区民警, 楼栋长" -b 8 --attendees 23',
    "event.list": "按时间顺序列出宣传活动。\n\n例：gridnote event list --from 11-01",
    "resident.points": "查看居民积分：因何获得、兑换了什么、余额多少。\n\n例：gridnote resident points 王阿姨",
    # -- the shift-end report -------------------------------------------------------------
    "report": "下班前的工作报表：今日数据、异常测量、问题办理、明日工作，以及三率。\n\n"
    "按周、按月或 7 天以上的范围会加上响应率、办结率、满意率和关爱对象走访覆盖率，"
    "每一项都写明分子和分母。电话和身份证号默认打码，加 --full 显示完整号码。\n\n"
    "例：gridnote report  ·  gridnote report --week -o 周报.xlsx  ·  gridnote report -f markdown",
    "resident.redeem": '用居民的积分兑换（不能超过余额）。\n\n例：gridnote resident redeem 王阿姨 5 --for "洗衣液一瓶"',
    # -- find --------------------------------------------------------------------------------
    "find": "一次查找居民、问题、任务和走访记录；最匹配的排在前面，按类别分组。\n\n"
    "每个词都要匹配。姓名也可以用拼音和首字母查（李奶奶、linainai、lnn）；一两个汉字就能查（李、漏水）。\n\n"
    "例：gridnote find 下水道 · gridnote find 李 --kind 居民 · gridnote find lnn",
}

# Chinese for the help of every argument and option, keyed by its English help (as gettext
# keys a translation by its source text). tests/test_help.py fails when one is missing.
OPTION_HELP_ZH: dict[str, str] = {
    # shared and root options
    "Print JSON (a stable structure for scripts).": "输出 JSON（结构稳定，供脚本使用）。",
    "Building, e.g. 5 or 5号楼.": "楼栋，例如 5 或 5号楼。",
    "Building number, e.g. 9 or 9号楼.": "楼号，例如 9 或 9号楼。",
    "What it is called, if not its number.": "楼栋的名称（如果不是用楼号称呼）。",
    "Notebook file (default: $GRIDNOTE_DB, then the user data folder).": "笔记本文件（默认：$GRIDNOTE_DB，其次是用户数据目录）。",
    "Interface language for this command.": "本次命令的界面语言。",
    "Show the version and exit.": "显示版本并退出。",
    "Also write one day of work on today: visits, issues, tasks, an outreach event.": "同时在今天写入一天的工作：走访、问题、任务和一场宣传活动。",
    "Free note.": "备注。",
    "Replace the note ('' clears it).": "替换备注（'' 表示清空）。",
    # residents, households, buildings, points
    "Number, name, alias, pinyin, initials or address (李奶奶, lnn, 8-2-301, '李 8-2').": "编号、姓名、称呼、拼音、首字母或地址（李奶奶、lnn、8-2-301、'李 8-2'）。",
    "Number, name, alias, pinyin or address.": "编号、姓名、称呼、拼音或地址。",
    "What neighbours call them, e.g. 李奶奶.": "邻居们怎么称呼，例如 李奶奶。",
    "Household: 8-2-301 or 8号楼2单元301.": "住户地址：8-2-301 或 8号楼2单元301。",
    "f/m, 女/男.": "女/男（f/m）。",
    "Birth year or date: 1948, 1948-03-02, 1948年3月2日.": "出生年份或日期：1948、1948-03-02、1948年3月2日。",
    "ID card number (masked in exports).": "身份证号（导出时打码）。",
    "Emergency contact 'name,relation,phone[,nearby]' (repeatable).": "紧急联系人 '姓名,关系,电话[,nearby]'（可重复；nearby 表示住得近）。",
    "Full name, e.g. 李秀英.": "姓名，例如 李秀英。",
    "Phone number (repeatable).": "电话号码（可重复）。",
    "Care tag: 独居, 失能, 高血压, 低保 … or any word (repeatable).": "关怀标签：独居、失能、高血压、低保……或任意词（可重复）。",
    "Part of a name, alias, pinyin, phone or note.": "姓名、称呼、拼音、电话或备注中的一部分。",
    "Only residents with this tag (独居, bedridden …).": "只列有此标签的居民（独居、失能……）。",
    "Include residents who moved out.": "包括已迁出的居民。",
    "New full name.": "新姓名。",
    "New alias ('' removes it).": "新称呼（'' 表示去掉）。",
    "Replace the phone numbers (repeatable).": "替换电话号码（可重复）。",
    "Add a phone number.": "添加一个电话号码。",
    "Remove emergency contact number ID (see `resident show`).": "删除编号为 ID 的紧急联系人（见 `resident show`）。",
    "Tags to add: 独居, 失能, 高血压, 低保, 楼栋长, or any word.": "要加的标签：独居、失能、高血压、低保、楼栋长或任意词。",
    "Tags to remove.": "要去掉的标签。",
    "They are back: undo a move-out.": "已搬回：撤销迁出。",
    "CSV (UTF-8, UTF-8 BOM, GB18030/GBK) or XLSX with Chinese or English headers.": "CSV（UTF-8、带 BOM 的 UTF-8、GB18030/GBK）或 XLSX，表头中英文均可。",
    "Another person with the same name as someone already at this address.": "与该地址已登记的某人同名的另一个人。",
    "Check the file and show what would change; write nothing.": "只检查文件并显示会有哪些变化，不写入。",
    "Add the buildings the grid does not have yet (otherwise their rows are refused as typos).": "把网格中还没有的楼栋一并加入（否则这些行会当作写错而拒绝）。",
    "File to write (.csv or .xlsx).": "要写入的文件（.csv 或 .xlsx）。",
    "csv or xlsx (default: from the file name).": "csv 或 xlsx（默认按文件名判断）。",
    "Include full phone and ID numbers (masked by default).": "包含完整的电话和身份证号（默认打码）。",
    "Only residents with this tag.": "只导出有此标签的居民。",
    "Points to spend.": "要兑换的积分。",
    "What they are exchanged for, e.g. 洗衣液一瓶.": "兑换的物品，例如 洗衣液一瓶。",
    # settings
    "Setting name, e.g. care.bedridden.": "设置名，例如 care.bedridden。",
    "Setting name (see `config list`).": "设置名（见 `config list`）。",
    "Setting name.": "设置名。",
    "New value.": "新的值。",
    # tasks, tomorrow's work, today
    "Task numbers, e.g. 12 or 12 13.": "任务编号，例如 12 或 12 13。",
    "Task number, e.g. 12.": "任务编号，例如 12。",
    "What to do (quotes are optional).": "要做的事（引号可加可不加）。",
    "Day and time: tomorrow 6:30, 明早6点半, fri, 12-01.": "日期和时间：明天6:30、明早6点半、周五、12-01。",
    "Time of day: 6:30, 早上6点半, 3pm.": "时刻：6:30、早上6点半、下午3点。",
    "Mark it important (shown first).": "标为重要（排在最前）。",
    "The resident it is for: 李奶奶, lnn, 8-2-301, #12.": "为哪位居民：李奶奶、lnn、8-2-301、#12。",
    "Repeat: day, weekday, week, month, 2d, 每天, 每周.": "重复：每天、工作日、每周、每月、每2天（day、weekday、week、month、2d）。",
    "open, done, dropped, skipped or all (未完成/已完成/已放弃/已跳过/全部).": "未完成、已完成、已放弃、已跳过或全部（open/done/dropped/skipped/all）。",
    "Only starred tasks.": "只列标星的任务。",
    "Due on or after: today, 12-01, 下周一.": "到期日不早于：今天、12-01、下周一。",
    "Due on or before.": "到期日不晚于。",
    "Only tasks without a date.": "只列没有日期的任务。",
    "Only open tasks due before today (the Overdue of `today`).": "只列今天之前到期、仍未完成的任务（即 `today` 中的逾期未办）。",
    "New day (and time): tomorrow, 周五, 12-01, 'tomorrow 9:00'.": "新的日期（和时间）：明天、周五、12-01、'明天 9:00'。",
    "New text.": "新的内容。",
    "Remove the date.": "去掉日期。",
    "Untie it from its resident.": "取消与居民的关联。",
    "Untie it from its building.": "取消与楼栋的关联。",
    "Stop repeating.": "不再重复。",
    "Another day: tomorrow, 周一, 12-01.": "看另一天：明天、周一、12-01。",
    "Every overdue task and resident due a visit, not only the first ten of each.": "列出所有逾期任务和到期该走访的居民，而不只是各自的前十项。",
    # visits (log, visits)
    "Resident (李奶奶, lnn, #1), household (8-2-301) or building (5号楼). Not needed with --building.": "居民（李奶奶、lnn、#1）、住户（8-2-301）或楼栋（5号楼）。用 --building 时不用写。",
    "What was seen, said or promised.": "看到了什么、说了什么、答应了什么。",
    "A building for the daily walk (repeatable: -b 5 -b 6).": "每日巡楼的楼栋（可重复：-b 5 -b 6）。",
    "visit|phone|wechat|walk|emergency|outreach (走访/电话/微信/巡查/应急/宣传). Default: visit, or walk for a building.": "走访/电话/微信/巡查/应急/宣传（visit|phone|wechat|walk|emergency|outreach）。默认：走访；楼栋为巡查。",
    "visit|phone|wechat|walk|emergency|outreach.": "走访/电话/微信/巡查/应急/宣传（visit|phone|wechat|walk|emergency|outreach）。",
    "When it happened (default: now): 6:30, 昨天下午3点, yesterday 20:00. A past day without a time is taken at noon.": "发生的时间（默认：现在）：6:30、昨天下午3点、昨天 20:00。只写过去的日期时按中午12点记。",
    "Blood pressure systolic/diastolic in mmHg, e.g. 139/90.": "血压，收缩压/舒张压（mmHg），例如 139/90。",
    "Pulse per minute, e.g. 63.": "脉搏（次/分），例如 63。",
    "Blood glucose in mmol/L, e.g. 6.1.": "血糖（mmol/L），例如 6.1。",
    "Temperature in °C, e.g. 36.8.": "体温（°C），例如 36.8。",
    "Weight in kg (or 斤), e.g. 52.5 or 105斤.": "体重（公斤，或写斤），例如 52.5 或 105斤。",
    "The note, instead of (or after) NOTE.": "记录内容，代替 NOTE（或接在其后）。",
    'Add a task tied to the same resident: "后天: 复测血压", "in 2 days: re-check BP", "fri".': '为同一居民加一项跟进任务："后天: 复测血压"、"周五"。',
    "Visit number (see `gridnote visits`); default: the last entry.": "记录编号（见 `gridnote visits`）；默认：最后一条。",
    "Visit number; default: the last entry.": "记录编号；默认：最后一条。",
    "Move the entry to another resident, household or building.": "把这条记录改到另一位居民、住户或楼栋名下。",
    "Remove a reading: bp, pulse, glucose, temp, weight (血压…).": "删除一项测量：血压、脉搏、血糖、体温、体重（bp、pulse、glucose、temp、weight）。",
    "One day: today, yesterday, 周五, 11-28.": "某一天：今天、昨天、周五、11-28。",
    "First day of a range.": "起始日期。",
    "Last day of a range (default: today).": "截止日期（默认：今天）。",
    "Only visits to this resident (and to their household).": "只列对这位居民（及其住户）的记录。",
    "Only visits in this building, e.g. 5 or 5号楼.": "只列这栋楼的记录，例如 5 或 5号楼。",
    "Only this kind: visit, phone, walk, 走访, 电话 …": "只列这一种：走访、电话、巡查……",
    "Include undone entries (marked).": "包括已撤销的记录（会标出）。",
    # issues, categories, events
    "Issue number, e.g. 12 or #12.": "问题编号，例如 12 或 #12。",
    "When it happened, if earlier: 10:20, 今天上午10点, yesterday 18:00.": "如果不是现在，发生的时间：10:20、今天上午10点、昨天 18:00。",
    "What was said or done.": "说了什么或做了什么。",
    "Photo to keep with it (repeatable; copied into the notebook).": "附上照片（可重复；会复制到笔记本中）。",
    "Category: 下水道, 装修垃圾, power … (see `issue category list`).": "类别：下水道、装修垃圾、停电……（见 `issue category list`）。",
    "The problem in her words, e.g. 5号楼门前有装修垃圾.": "问题的原话，例如 5号楼门前有装修垃圾。",
    "Who reported it (a resident: name, alias, pinyin, address).": "反映人（居民：姓名、称呼、拼音、地址）。",
    "A reporter not in the register: name and phone.": "不在花名册里的反映人：姓名和电话。",
    "Where: a household 8-2-301 or part of one (8-2).": "地点：住户 8-2-301 或其一部分（8-2）。",
    "in-person, phone, wechat, app, hotline, walk (当面, 电话, 微信, 一网通, 12345, 巡查).": "当面、电话、微信、一网通、12345、巡查（in-person、phone、wechat、app、hotline、walk）。",
    "Other residents affected (repeatable, or comma-separated).": "其他受影响的居民（可重复，或用逗号分隔）。",
    "urgent or normal (紧急/一般).": "紧急或一般（urgent/normal）。",
    "urgent or normal.": "紧急或一般（urgent/normal）。",
    "Only this state: received, verified, referred, resolved, reported, closed, rejected (已核实 …).": "只列这一状态：已受理、已核实、已转办、已办结、已回访、已结案、不予受理。",
    "Only issues this resident reported.": "只列这位居民反映的问题。",
    "Only issues past a deadline.": "只列已超时的问题。",
    "Received on or after this day (11-01: the last 1 Nov).": "受理日期不早于这一天（11-01：最近的 11月1日）。",
    "Received on or before this day.": "受理日期不晚于这一天。",
    "Open issues (the default, by deadline) or all of them (newest first).": "未结案的问题（默认，按时限排序）或全部（最新的在前）。",
    "Show at most this many.": "最多显示这么多条。",
    "duplicate, not-ours or not-real (重复, 非职责范围, 不属实).": "重复、非职责范围或不属实（duplicate、not-ours、not-real）。",
    "The issue this one duplicates.": "与之重复的问题编号。",
    "property, police, street-office, utility, city-management, committee, other (物业, 派出所, 街道 …).": "物业、派出所、街道、公用事业、城管、居委会、其他（property、police、street-office……）。",
    "The person there and their phone.": "对方联系人及电话。",
    "The date they promised: 3d, 明天, 12-01 18:00.": "对方承诺的日期：3天、明天、12-01 18:00。",
    "What happened: a call, a visit, any progress.": "发生了什么：一次电话、一次上门、任何进展。",
    "progress, call, visit, message (进展, 电话, 上门, 消息).": "进展、电话、上门、消息（progress、call、visit、message）。",
    "This was contact with the reporter (counts as the first response).": "这是与反映人的联系（算作首次响应）。",
    "Who acted, if not you (物业, a name).": "如果不是你，是谁办的（物业、某人姓名）。",
    "What was done.": "做了什么。",
    "Who did it (default: whom it was referred to).": "谁办的（默认：转办的单位）。",
    "satisfied, basically-satisfied, dissatisfied (满意, 基本满意, 不满意).": "满意、基本满意、不满意（satisfied、basically-satisfied、dissatisfied）。",
    "Why: 没修好, still blocked …": "原因：没修好、还是堵……",
    "A new resolution deadline.": "新的办结时限。",
    "New wording.": "新的表述。",
    "Deadline group: emergency, utility, general, complex (紧急, 公用设施, 一般, 复杂).": "时限类型：紧急、公用设施、一般、复杂（emergency、utility、general、complex）。",
    "The code the grid centre files it under.": "网格中心使用的上报编码。",
    "Another word for it (repeatable).": "同义词（可重复）。",
    "Short English code: letters, digits, dashes (e.g. bike-shed).": "简短的英文代码：字母、数字、连字符（例如 bike-shed）。",
    "Chinese name, e.g. 车棚.": "中文名称，例如 车棚。",
    "English name (default: the code).": "英文名称（默认：代码）。",
    "The top-level category it belongs to.": "所属的一级类别。",
    "Code or name: blocked-drain, 下水道 …": "代码或名称：blocked-drain、下水道……",
    "New Chinese name.": "新的中文名称。",
    "New English name.": "新的英文名称。",
    "What it was, e.g. 老年人防诈骗宣讲.": "活动内容，例如 老年人防诈骗宣讲。",
    "When: 14:30, 今天下午3点, fri 9:00 (default: now).": "时间：14:30、今天下午3点、周五 9:00（默认：现在）。",
    "Partners, comma-separated or repeated: 社区民警, 楼栋长.": "合作方，用逗号分隔或重复填写：社区民警、楼栋长。",
    "How many residents came.": "参加的居民人数。",
    "On or after this day (11-01: the last 1 Nov).": "不早于这一天（11-01：最近的 11月1日）。",
    "On or before this day.": "不晚于这一天。",
    # find
    "Words to find: a name, pinyin or initials (lnn), an address, a phone number, any word of a note (下水道).": "要找的词：姓名、拼音或首字母（lnn）、地址、电话号码、记录里的任何词（下水道）。",
    "Only this kind: resident, issue, task, visit (居民, 问题, 任务, 走访); repeatable.": "只找这一类：居民、问题、任务、走访（resident、issue、task、visit）；可重复。",
    "Show at most this many of each kind.": "每类最多显示这么多条。",
    # -- report ------------------------------------------------------------------------
    "The day to report (default today): yesterday, 周五, 11-28. With --week/--month: a day of that week or month.": "要报告的日期（默认今天）：昨天、周五、11-28。与 --week/--month 一起用时：那一周或那个月中的某一天。",
    "text (default), markdown, html, json, csv (a zip, one file per section) or xlsx (one sheet per section). With -o, guessed from the file name.": "text（默认）、markdown、html、json、csv（zip 压缩包，每部分一个文件）或 xlsx（每部分一张表）。用 -o 时按文件名判断。",
    "Full phone and ID numbers (masked by default, e.g. 138****5678).": "完整的电话和身份证号（默认打码，如 138****5678）。",
    "Language of the report.": "报表的语言。",
    "The calendar month, up to today.": "本自然月，截至今天。",
    "Write to this file (whole or not at all).": "写入这个文件（要么完整写入，要么不写）。",
    "Health readings to list: flagged ones (default) or all.": "列出哪些健康读数：标记的（默认）或全部。",
    "Print the JSON Schema of --format json (version 1) and exit.": "输出 --format json 的 JSON Schema（版本 1）后退出。",
    "Last day of a range (default today).": "时间段的最后一天（默认今天）。",
    "The calendar week (Mon–Sun), up to today.": "本自然周（周一到周日），截至今天。",
}
