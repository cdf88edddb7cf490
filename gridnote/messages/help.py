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
    "resident.move-out": "标记居民已迁出（记录保留，列表中隐藏）。\n\n例：gridnote resident move-out 王强 --note \"搬去女儿家\"",
    "resident.import": "从表格导入居民：要么全部导入，要么一行不导。\n\n"
                       "表头可用 姓名、性别、楼栋、单元、房号、联系电话、出生日期、人员类别、备注（或英文）。"
                       "同一地址同名的居民会更新而不会重复。\n\n例：gridnote resident import 居民花名册.csv --dry-run",
    "resident.export": "把居民导出为 CSV（带 BOM，Excel 可直接打开）或 XLSX；电话和身份证号默认打码。\n\n"
                       "例：gridnote resident export -o 居民.xlsx -t 独居",
    "household": "住户：每个门牌住着谁。",
    "household.list": "列出住户及其成员。\n\n例：gridnote household list -b 8",
    "building": "楼栋：每栋楼的户数和人数。",
    "building.list": "列出楼栋及户数、人数。\n\n例：gridnote building list",
    "config": "保存在笔记本中的设置：语言、时区、走访间隔、阈值。",
    "config.list": "显示所有设置、当前值以及是否为默认值。\n\n例：gridnote config list",
    "config.get": "显示一项设置的值。\n\n例：gridnote config get care.living-alone",
    "config.set": "修改一项设置。\n\n例：gridnote config set care.bedridden 2 · gridnote config set lang zh",
    "config.unset": "把一项设置恢复为默认值。\n\n例：gridnote config unset care.bedridden",
    "demo": "把示例网格（4 栋楼、317 户、752 人）载入一个空笔记本。\n\n"
            "建议用单独的笔记本试用：gridnote --db demo.db demo && gridnote --db demo.db resident show 李奶奶",
    # -- tasks, tomorrow's work, the agenda ------------------------------------------
    "task": "任务：添加、查看、完成、标星、改期、修改、放弃；重复任务完成后自动安排下一次。",
    "task.add": "添加任务；内容里提到的居民或楼栋会自动关联。\n\n"
                "不写 --due 则不定日期（重复任务从今天开始）。\n\n"
                "例：gridnote task add \"量血压 李奶奶\" --due 明天早上6点半 --star"
                " · gridnote task add \"巡查5号楼\" --every 每天",
    "task.list": "列出任务：默认列出未完成的，按日期排序；可按状态、标星、居民、楼栋、日期筛选。\n\n"
                 "例：gridnote task list --from 今天 --to 周五 -r 李奶奶",
    "task.show": "查看一项任务的全部信息。\n\n例：gridnote task show 12",
    "task.done": "把任务标为已完成；重复任务会自动安排下一次。\n\n例：gridnote task done 12 13",
    "task.reopen": "重新打开已完成或已放弃的任务（重复任务会收回已安排的下一次）。\n\n例：gridnote task reopen 12",
    "task.star": "给任务标星：重要，排在最前。\n\n例：gridnote task star 12",
    "task.unstar": "取消任务的标星。\n\n例：gridnote task unstar 12",
    "task.move": "把未完成的任务改到另一天；只写日期时保留原来的时刻。\n\n例：gridnote task move 12 13 明天",
    "task.drop": "放弃不再做的任务（记录保留；重复任务不再重复）。\n\n例：gridnote task drop 12",
    "task.edit": "修改任务（旧版本保留在笔记本历史中）；--due 会替换日期和时刻。\n\n"
                 "例：gridnote task edit 12 --at 7:00 --note \"带血压计\"",
    "today": "一屏看完今天：标星工作、时间线、逾期任务、到期走访、每日巡楼。\n\n"
             "走访记录中的入户走访和紧急出动才算关怀走访；电话和微信联系不算。\n\n"
             "例：gridnote today · gridnote today --date 明天 --json",
    "tomorrow": "明日工作：查看明天的清单并添加。晚上的例行事项。\n\n"
                "例：gridnote tomorrow · gridnote tomorrow add \"量血压 李奶奶\" --at 6:30 --star",
    "tomorrow.add": "添加到明天的清单（等同于 task add --due 明天）。\n\n"
                    "例：gridnote tomorrow add \"量血压 李奶奶\" --at 6:30 --star",
    "plan": "同 tomorrow：查看并添加明日工作。\n\n例：gridnote plan add \"巡查5号楼\" --at 8:00",
    "plan.add": "添加到明天的清单（等同于 task add --due 明天）。\n\n"
                "例：gridnote plan add \"量血压 李奶奶\" --at 6:30 --star",
    # -- visits (gridnote log, gridnote visits) ---------------------------------
    "log": "走访、电话或巡楼之后马上记一笔；也可以修改或撤销一条记录。\n\n"
           "WHO 可以是居民（姓名、称呼、拼音、首字母、#编号）、住户地址（8-2-301：只住一人时记在此人名下，"
           "否则记为对全户的走访）或楼栋（5号楼，或用 --building 5 记每天的巡楼）。NOTE 是这一行剩下的文字。"
           "在终端里不写 NOTE 时会提示输入；在脚本或管道中从不等待输入。\n\n"
           "例：gridnote log 李奶奶 \"血压正常，按时吃药\" --bp 139/90 --pulse 63 --follow-up \"后天: 复测血压\"\n\n"
           "例：gridnote log --building 5 \"楼道灯坏了\"  ·  gridnote log edit 12 --note \"...\"  ·  gridnote log undo",
    "log.add": "记录一次走访、电话或巡楼（gridnote log WHO … 实际执行的命令）。\n\n"
               "例：gridnote log 李奶奶 \"血压正常，按时吃药\" --bp 139/90 --pulse 63 --follow-up \"后天: 复测血压\"",
    "log.edit": "修改一条记录；修改前的内容保留在笔记本历史中。\n\n例：gridnote log edit 12 --bp 138/88 --note \"复测后血压正常\"",
    "log.undo": "撤销最后一条记录（或第 N 条）：只标记为已撤销，不会删除；未完成的跟进任务一并取消。"
                "gridnote visits --all 仍可看到。\n\n例：gridnote log undo",
    "visits": "列出走访、电话和巡楼记录（默认今天；用 --resident 时列出此人的全部记录）。\n\n"
              "例：gridnote visits --from 周一 -k 走访  ·  gridnote visits -r 李奶奶  ·  gridnote visits -d 昨天",
}
