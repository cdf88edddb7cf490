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
    "resident.move-out": '标记居民已迁出或已故（记录保留，列表中隐藏）。\n\n例：gridnote resident move-out 王强 --note "搬去女儿家"   ·   gridnote resident move-out 李秀英 --deceased',
    "resident.import": "从表格导入居民：要么全部导入，要么一行不导。\n\n"
    "表头可用 姓名、性别、楼栋、单元、房号、联系电话、出生日期、人员类别、备注（或英文）。"
    "同一地址同名的居民会更新而不会重复（除非身份证号或出生日期表明是同名的另一个人）。"
    "本网格没有的楼栋，其行会当作写错而拒绝：请先 gridnote building add 9，或加 --new-buildings。"
    "“上次走访”（最近入户、last visit）一列会把每位居民的走访周期从那天算起：这是起算日，不是走访记录（见 gridnote care baseline）。"
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
    "init": "新建一个空笔记本（文件权限 0600，所在文件夹 0700）；已有的笔记本保持不变。\n\n"
    "gridnote 只打开已经存在的笔记本：--db 指向的文件不存在或是空文件时会拒绝，"
    "文件名打错不会被当成一个空笔记本。默认笔记本在第一次使用时新建；其他笔记本用这个命令新建，或用 `gridnote demo`。\n\n"
    "例：gridnote init ~/grid/2026.db && gridnote --db ~/grid/2026.db today",
    "sync": "把网格中心还没有的变更全部发送过去，把中心下发的内容带回来，并说明发送了什么。\n\n直接与网格中心同步（--centre，会记住）：中心下发给本网格的内容（派单问题、任务、登记变更）进入 `gridnote inbox`，你的答复随下次同步上报。没有网络时：--out 写成同步文件，在中心用 `gridnote centre import` 导入；--in 导入中心写出的文件（`gridnote centre export`）。重复同步或重复导入文件、中断后再同步，都不会丢失或重复。\n\n例：gridnote sync --centre street.db   ·   gridnote sync --out 1202.gnsync   ·   gridnote sync --in down.gnsync",
    "inbox": '网格中心下发、等你答复的内容；登记变更逐项列出每个字段。\n\n你自己也改过的字段算冲突：列出两边的值和各自由谁写的，答复之前什么都不改。内容随 `gridnote sync`（或 `gridnote sync --in 文件`）下来，你的答复随下次同步上报。\n\n例：gridnote inbox   ·   gridnote inbox accept 1 2   ·   gridnote inbox decline 3 --why "不在本网格"',
    "inbox.accept": "接收（或 all 全部接收）：问题或任务进入你的清单，登记变更写入登记册。\n\nall 不包括与你自己的修改冲突的登记变更：请按编号逐项接收（采用中心的值）或退回（保留你的值）。--only 只采用一项变更中的部分字段，其余保留你的值；中心会知道采用了哪些。\n\n例：gridnote inbox accept 1 2   ·   gridnote inbox accept all   ·   gridnote inbox accept 3 --only 电话",
    "inbox.decline": '说明理由后退回：本地不做任何改动；理由随下次同步送到网格中心。\n\n例：gridnote inbox decline 3 --why "此户已于11月迁出，不在本网格"',
    "centre": "网格中心：各网格的笔记本汇总在一处（中心文件或 PostgreSQL）。",
    "centre.init": "建立网格中心（或更新已有的）：中心文件，或 PostgreSQL 数据库。\n\n例：gridnote centre init street.db   ·   gridnote centre init postgresql://centre@db/street --postgres",
    "centre.import": "把同步文件合并进网格中心：每个文件先整体校验；重复导入不会改变任何内容。\n\n例：gridnote centre import /media/usb/*.gnsync",
    "browse": "在 Datasette 中打开笔记本（仅 127.0.0.1）：表名和列名随界面语言、代码显示为名称、号码已遮挡。\n\n"
    "登记册和工作记录（居民、住户、走访、测量、任务、问题、活动）以视图显示，电话、身份证号和记录中的号码已遮挡；"
    "代码的中英文名称在 names_* 表中；搜索索引已隐藏。--full 原样显示全部表并允许 SQL 查询。"
    "需要安装：pip install 'gridnote[browse]'。\n\n"
    "例：gridnote browse   ·   gridnote browse --port 8002 --full",
    "centre.browse": "在 Datasette 中打开网格中心文件（仅 127.0.0.1）：中文表名和列名、代码名称表、号码已遮挡。\n\n例：gridnote centre browse   ·   gridnote centre browse --centre street.db --port 8002",
    "centre.grids": "列出网格中心的各个网格，以及网格员和最近同步时间。\n\n例：gridnote centre grids",
    "centre.dispatch": "把一个问题（或 GeoReport v2 文件中的诉求）派给一个网格：进入网格员的收件箱。\n\n"
    "她接收后成为一个问题，带着中心的办结时限和工单号；也可以说明理由后退回。她的答复随下次同步回到中心。\n\n"
    '例：gridnote centre dispatch --grid 冬梅轩-03 "5号楼门前装修垃圾" --due 12-05 --contact "王阿姨 13800001111"',
    "centre.task": "中心给网格布置的任务。",
    "centre.task.add": "给一个网格布置任务：网格员接收后，任务带着中心定的日期进入她的工作清单。\n\n"
    '例：gridnote centre task add "本周完成独居老人反诈宣传" --grid 冬梅轩-03 --due 周五',
    "centre.register": "其他部门发来的登记更正，下发给网格由网格员确认。",
    "centre.register.import": "把登记更正（迁移、出生、死亡、新办低保证……）下发给一个网格：每条由网格员确认。\n\n"
    "列与 `resident import` 相同，另可有一列变更类型（更正、新增/出生、迁出、死亡；默认更正）。"
    "先检查每一行：有一行不对就什么都不下发。网格员接收之前，她的登记册不会有任何改动。\n\n"
    "例：gridnote centre register import 派出所1202.xlsx --grid 冬梅轩-03 --from 派出所",
    "centre.sent": "列出中心下发的内容和每位网格员的答复（接收、退回及理由），随她们的同步上来。\n\n例：gridnote centre sent   ·   gridnote centre sent --grid 冬梅轩-03",
    "centre.export": "把中心下发给一个网格的内容写成同步文件，供网格员运行 `gridnote sync --in 文件`。\n\n"
    "她已经收到的项目会被跳过，所以包含全部内容的文件也可以放心使用。\n\n"
    "例：gridnote centre export --grid 冬梅轩-03 down.gnsync",
    "centre.report": "每个网格一行，外加街道合计：走访、覆盖、测量、问题、三率、重点人群覆盖。\n\n三率与每位网格员自己的 `gridnote report` 用同一套代码计算，列出分子和分母。默认：本周。--json 输出 docs/json.md（“centre report”）所述的结构，代替表格或工作簿。\n\n例：gridnote centre report --week   ·   gridnote centre report --month -o 街道月报.xlsx",
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
    "task.reopen": "重新打开已完成或已放弃的任务；重复任务撤回最近一次。\n\n例：gridnote task reopen 12",
    "task.star": "给任务标星：重要，排在最前。\n\n例：gridnote task star 12",
    "task.unstar": "取消任务的标星。\n\n例：gridnote task unstar 12",
    "task.move": "把未完成的任务改到另一天；只写日期时保留原来的时刻。\n\n例：gridnote task move 12 13 明天",
    "task.skip": "跳过重复任务的这一次：不算完成，系列顺延到下一次。\n\n例：gridnote task skip 12",
    "task.drop": "放弃不再做的任务（记录保留）；重复任务的整个系列随之结束。\n\n"
    "只想跳过一次，请用 `task skip`。\n\n例：gridnote task drop 12",
    "task.edit": "修改任务（旧版本保留在笔记本历史中）；--due 会替换日期和时刻。\n\n"
    '例：gridnote task edit 12 --at 7:00 --note "带血压计"',
    "today": "一屏看完今天：标星工作、时间线、逾期任务、到期走访、每日巡楼。\n\n"
    "待跟进问题：响应或办结时限在今天或已超时的问题（紧急的在前，写明还剩多久或已超多久）、"
    "转办承诺到期的、办结待回访的；以及下午要打的电话有几个（gridnote calls）。\n\n"
    "走访记录中的入户走访和紧急出动才算关怀走访；电话和微信联系不算。\n\n"
    "加 --route 时，到期走访和每日巡楼合成一张表，按楼栋依次按巡楼顺序排列（同 `gridnote care route`）。\n\n"
    "例：gridnote today · gridnote today --route · gridnote today --date 明天 --json",
    "tomorrow": "明日工作：查看明天的清单并添加。晚上的例行事项。\n\n"
    '例：gridnote tomorrow · gridnote tomorrow add "量血压 李奶奶" --at 6:30 --star',
    "tomorrow.add": "添加到明天的清单（等同于 task add --due 明天）。\n\n"
    '例：gridnote tomorrow add "量血压 李奶奶" --at 6:30 --star',
    "plan": '同 tomorrow：查看并添加明日工作。\n\n例：gridnote plan add "巡查5号楼" --at 8:00',
    "plan.add": "添加到明天的清单（等同于 task add --due 明天）。\n\n"
    '例：gridnote plan add "量血压 李奶奶" --at 6:30 --star',
    "backup": "立即备份笔记本（照片也一起），或列出备份。\n\n"
    "一份一致的副本，检查无误后才保存到笔记本旁的私有文件夹（notebook.db-backups/，0700）。"
    "gridnote 每天第一条命令之后也会自动备份，保留最近 7 天、4 周、12 个月"
    "（config backup.days、backup.weeks、backup.months；backup.auto 设为 off 则停止）。\n\n"
    "加 --encrypt-to 或 --passphrase 时，--to 是一个 age 格式的加密文件（副本和照片；"
    "pip install 'gridnote[portable]'）：放在 U 盘上也安全，用 gridnote restore 恢复。\n\n"
    "例：gridnote backup   ·   gridnote backup --to /media/usb/grid.db   ·   gridnote backup list\n"
    "·   gridnote backup --to /media/usb/grid.age --encrypt-to age1……",
    "backup.list": "列出备份（最新的在前）：时间、大小、是否通过完整性检查。\n\n"
    "例：gridnote backup list   ·   gridnote backup list --json",
    "restore": "用备份替换笔记本（照片也一起恢复）。\n\n"
    "先检查备份（integrity_check）；被替换的笔记本另存为一份备份（notebook.db-backups/ 中的 …-before.db），"
    "备份在一个事务中写入笔记本，其间其他写入会等待：任何时刻被中断，笔记本要么是原来的，要么是恢复后的，"
    "绝不会各占一半。只恢复这份备份自己的照片。损坏标记会被清除。gridnote backup list 可列出备份。\n\n"
    "backup --encrypt-to 或 --passphrase 写出的加密副本，用 --identity 私钥文件或口令"
    "（提示输入，或 GRIDNOTE_BACKUP_PASSPHRASE）解密到一个私有临时文件夹，再从那里恢复。\n\n"
    "例：gridnote restore   ·   gridnote restore --date 12-01   ·   gridnote restore 2026-12-01T063012.db\n"
    "·   gridnote restore /media/usb/grid.age --identity ~/.config/age/key.txt",
    "check": "检查笔记本：文件本身、记录间的关联、搜索索引和照片。\n\n"
    "运行 SQLite 的 integrity_check 和 foreign_key_check，把搜索索引与它所依据的记录比对，"
    "并把照片与笔记本旁的文件比对（缺失、被改动、不属于任何问题或活动）。每个发现一行，写明该怎么做；"
    "有发现时退出码为 5。--repair 重建搜索索引，并从备份中把缺失的照片链接回来；"
    "已损坏的文件绝不会被写入（请用 gridnote restore）。\n\n"
    "例：gridnote check   ·   gridnote check --repair",
    "encrypt": "用密钥加密笔记本及其备份（需要安装 gridnote[encrypt]）。\n\n"
    "密钥来自 GRIDNOTE_KEY_FILE（密钥文件：一句口令，或 64 位十六进制数作为原始密钥，打开更快）、"
    "GRIDNOTE_KEY，或在终端中输入两次。之后每条命令都从同样的地方取得密钥来打开笔记本，"
    "或从 --remember 保存到的系统钥匙串（Secret Service、macOS 钥匙串、Windows 凭据管理器）取得。"
    "加密后的副本先检查（完整性、每一行）再一次改名替换：任何时刻被中断，笔记本要么是原来的，要么是加密后的。\n\n"
    "例：gridnote encrypt   ·   GRIDNOTE_KEY_FILE=~/.gridnote.key gridnote encrypt   ·   gridnote encrypt --remember",
    "decrypt": "解密笔记本及其备份（密钥来自 GRIDNOTE_KEY_FILE、GRIDNOTE_KEY 或终端输入）。\n\n"
    "解密后的副本先检查，再一次改名替换。\n\n"
    "例：gridnote decrypt",
    "calls": "下午的电话清单：今天要给谁打电话、为了什么，号码完整显示。\n\n"
    "没人回应过的问题的首次响应、承诺时间已到的转办单位（物业承诺 11-30 前）、要告知办理结果的反映人，"
    "以及今天或更早到期、要打电话的任务（回电话、打电话给家属……：先列家属的号码）。"
    "每打完一个，`gridnote calls done N “说了什么”` 记下这通电话并推进问题。\n\n"
    '例：gridnote calls   ·   gridnote calls --json   ·   gridnote calls done 2 "已告知，很满意"',
    "calls.done": "记录第 N 个电话：记为一次电话联系，并一步推进它的问题（或任务）。\n\n"
    "首次响应记为问题的响应，回访记为“已告知”，给转办单位的电话记为该单位的进展（--resolved：问题办结）；"
    "电话任务记为完成。\n\n"
    '例：gridnote calls done 1 "物业说明天上午来"   ·   gridnote calls done 2 "已告知结果"',
    "remind": "N 分钟内到时间的事：有时刻的任务和活动，每项一行（用于状态栏或 cron）。\n\n"
    "没有到时间的事时什么也不输出。--notify 把每一项作为桌面提醒发出。--install 只为你自己设置一个"
    " systemd 用户定时器（没有 systemd 时改为一行 crontab），每分钟运行 `gridnote remind --within 1 --notify`，"
    "所以标星的 06:30 任务会在 06:30 提醒；--uninstall 删除它。不安装就什么都不会自动运行。\n\n"
    "例：gridnote remind   ·   gridnote remind --within 60 --json   ·   gridnote remind --install",
    # -- visits (gridnote log, gridnote visits) ---------------------------------
    "log": "走访、电话或巡楼之后马上记一笔；也可以修改或撤销一条记录。\n\n"
    "WHO 可以是居民（姓名、称呼、拼音、首字母、#编号）、住户地址（8-2-301：只住一人时记在此人名下，"
    "否则记为对全户的走访）或楼栋（5号楼，或用 --building 5 记每天的巡楼）。NOTE 是这一行剩下的文字。"
    "在终端里不写 NOTE 时会提示输入；在脚本或管道中从不等待输入。\n\n"
    '例：gridnote log 李奶奶 "血压正常，按时吃药" --bp 139/90 --pulse 63 --follow-up "后天: 复测血压"\n\n'
    '例：gridnote log --building 5 "楼道灯坏了"  ·  gridnote log edit 12 --note "..."  ·  gridnote log undo',
    "log.add": "记录一次走访、电话或巡楼（gridnote log WHO … 实际执行的命令）。\n\n"
    "应急出动（-k 应急）只需要写对象：备注、--at（出发时间）和 --until（回来时间）写了才记，不会追问。\n\n"
    "5 分钟内重复输入完全相同的一条（↑ 回车）会被拒绝，并给出之前那条的编号；加 --again 仍然记下。\n\n"
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
    "issue.rate": "记录反映人的评价：满意或基本满意即结案，不满意则重新办理。\n\n只有有反映人（-r 或 --contact）的问题才能评价；其余的用 `issue close` 结案。\n\n例：gridnote issue rate 12 满意",
    "issue.close": '居民未评价（须已回访）或无人反映时结案。\n\n例：gridnote issue close 12 --note "多次联系未评价"',
    "issue.reopen": '重新办理没有真正解决（或误判不予受理）的问题。\n\n例：gridnote issue reopen 12 "下水道又堵了" --due 2d',
    "issue.edit": "更正问题的内容、类别、紧急程度或类型（时限随之调整）。\n\n"
    "--enquiry 把其实是提问的诉求（山楂怎么分）改为咨询建议：没有时限（除非用 --group 指定），"
    "已核实反映所得的积分收回；--complaint 改回诉求，按类别计时限并给积分。已达成或已超过的时限保持不变。\n\n"
    "例：gridnote issue edit 12 -k 装修垃圾 · gridnote issue edit 14 --enquiry",
    "issue.import": "从一网通或 12345 热线导入诉求（Open311 GeoReport v2）：要么全部导入，要么一条不导。\n\n"
    "每条诉求成为一个问题：类别按 service_code（`issue category list` 中的上报编码）或按文字判断，"
    "地址对应到住户或楼栋，反映人按电话对应到居民。诉求编号会保留：再次导入同一文件只更新问题"
    "（状态、status_notes、上级时限），不会重复添加。\n\n例：gridnote issue import requests.json -c 12345",
    "issue.export": "导出诉求及其状态（status）和办理说明（status_notes），让一网通把结果告诉居民。\n\n"
    "写入文件（-o）时，等待回传的状态变化记为已发送（之后 `issue tell` 会说一网通已更新）。\n\n"
    "例：gridnote issue export --open311 -o back.json",
    "issue.category": "问题类别：查看、添加自定义类别、设置上报编码和时限类型。",
    "issue.category.list": "列出问题类别及其时限（首次响应/办结）和上报编码。\n\n"
    "加 --open311：输出一网通读取的服务清单，每个类别以上报编码作为 service_code（`issue import` 按它对应诉求）。\n\n"
    "例：gridnote issue category list   ·   gridnote issue category list --open311 > services.json",
    "issue.category.add": "添加本笔记本自己的类别。\n\n例：gridnote issue category add bike-shed --zh 车棚 --under facilities -s 自行车棚",
    "issue.category.set": "修改类别的上报编码、时限类型、名称或增加同义词。已受理的问题时限不变。\n\n"
    "例：gridnote issue category set 下水道 --upward 0101 -g general",
    "care": "走访周期：从哪一天算起，以及到期走访的路线。",
    "care.baseline": "从某一天起为所有居民（或一栋楼）计算走访周期：第一个早上就能看到谁真的该走访了。\n\n"
    "起算日不是走访：走访记录、走访数字和走访覆盖率都不变，today 显示“起算 11-20”。"
    "之后的走访照常从走访那天算起。再运行一次即可修改。\n\n"
    "例：gridnote care baseline 11-20   ·   gridnote care baseline 11-25 -b 8",
    "care.route": "把到期该走访的居民排成路线：按楼栋、单元、楼层、房号。\n\n"
    "每栋楼都有一行（有几人该走访、今天是否已巡），每日巡楼时顺路完成走访。"
    "早上的 `gridnote today --route` 显示同一条路线。\n\n"
    "例：gridnote care route   ·   gridnote care route -b 8",
    "event": "宣传活动：防诈骗宣讲等，记录合作方和参加人数。",
    "event.add": "记录一场宣传活动；它会出现在当天的日程和报表中。\n\n"
    "用 -r 或 --list 点名参加的居民，与其他命令一样查找（重名时列出可能的人）；"
    "报表统计每类活动覆盖了多少独居和 60 岁及以上的居民。\n\n"
    '例：gridnote event add 老年人防诈骗宣讲 --at 15:00 --with "社区民警（王警官 13800001111）, 楼栋长" -b 8 '
    '-r "李奶奶, 张大爷" --attendees 23',
    "event.show": "查看一场活动：时间、类型、合作方（及联系方式）、参加的居民、照片。\n\n例：gridnote event show 3",
    "event.list": "按时间顺序列出宣传活动，以及每场点名参加的居民。\n\n"
    "例：gridnote event list --from 11-01   ·   gridnote event list --month -k 反诈",
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
    "help": "帮助主题（日期、关怀走访、类别和时限、读数和阈值、隐私）、命令帮助和 man 手册页。\n\n"
    "不写主题时列出所有主题。内容使用界面语言。\n\n"
    "例：gridnote help dates · gridnote help 隐私 · gridnote help task add · gridnote help --man ~/.local/share/man",
}
