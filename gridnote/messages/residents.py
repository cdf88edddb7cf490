"""Messages: residents, households, buildings, import, export, demo."""

MESSAGES: dict[str, tuple[str, str]] = {
    # lookup
    "resident.empty_query": (
        "say which resident (a number, name, alias, pinyin or address)",
        "请指明居民（编号、姓名、称呼、拼音或地址）",
    ),
    "resident.no_id": ("there is no resident #{id}", "没有编号为 #{id} 的居民"),
    "resident.not_found_at_all": (
        'no resident matches "{query}" (try part of the name, pinyin initials such as lnn, or an address such as 8-2-301)',
        "没有匹配“{query}”的居民（可以试试名字的一部分、拼音首字母如 lnn，或地址如 8-2-301）",
    ),
    "resident.sounds_like": (
        'no resident matches "{query}"; one sounds the same: {name} {address} (type {example})',
        "没有匹配“{query}”的居民；同音的有：{name} {address}（请输入 {example}）",
    ),
    "resident.sounds_like_prompt": ("Did you mean {name} {address}?", "是不是 {name} {address}？"),
    "resident.not_found": (
        'no resident matches "{query}"; closest: {closest}',
        "没有匹配“{query}”的居民；相近的有：{closest}",
    ),
    # an ambiguous look-up says what would tell them apart; the example is one argument, so quoted
    "resident.ambiguous_address": (
        '"{query}" matches {count} residents: {listing}. Add the address, all in quotes (e.g. "{example}"), or use the number alone (e.g. {id})',
        '“{query}”匹配到 {count} 位居民：{listing}。请加上地址，并整个用英文引号括起来（如 "{example}"），或只用编号（如 {id}）',
    ),
    "resident.ambiguous_name": (
        '"{query}" matches {count} residents: {listing}. Add the name, all in quotes (e.g. "{example}"), or use the number alone (e.g. {id})',
        '“{query}”匹配到 {count} 位居民：{listing}。请加上姓名，并整个用英文引号括起来（如 "{example}"），或只用编号（如 {id}）',
    ),
    "resident.ambiguous_number": (
        '"{query}" matches {count} residents: {listing}. They share name and address: use the number alone (e.g. {id})',
        "“{query}”匹配到 {count} 位居民：{listing}。他们同名同址，请只用编号（如 {id}）",
    ),
    # fields
    "resident.name_empty": ("a resident needs a name", "居民姓名不能为空"),
    "resident.name_too_long": (
        'the name "{name}…" is too long (40 characters at most)',
        "姓名“{name}…”太长（最多 40 个字）",
    ),
    "resident.bad_address": (
        'cannot read the address "{text}"; write it as 8-2-301 or 8号楼2单元301',
        "无法识别地址“{text}”，请写成 8-2-301 或 8号楼2单元301",
    ),
    "resident.bad_gender": ('gender must be f/m (女/男), not "{text}"', "性别只能是 女/男（f/m），而不是“{text}”"),
    "resident.bad_birth": (
        'cannot read the birth date "{text}"; use 1948 or 1948-03-02',
        "无法识别出生日期“{text}”，请写成 1948 或 1948-03-02",
    ),
    "resident.implausible_birth": ("the birth date {text} is not plausible", "出生日期 {text} 不合理"),
    "resident.bad_phone": ('"{text}" is not a phone number', "“{text}”不是有效的电话号码"),
    "resident.bad_id_number": (
        '"{text}" is not an ID card number (18 characters)',
        "“{text}”不是有效的身份证号（18 位）",
    ),
    "resident.bad_mobile": (
        '"{text}" is not a mobile number: a mobile has 11 digits starting with 1 (e.g. 13800001111)',
        "“{text}”不是有效的手机号：手机号是 1 开头的 11 位数字（如 13800001111）",
    ),
    "resident.bad_id_area": (
        'the ID card number "{text}" starts with {area}, which is no province\'s code',
        "身份证号“{text}”开头的 {area} 不是省级行政区划代码",
    ),
    "resident.bad_id_birth": (
        'the ID card number "{text}" holds the birth date {digits}, which is not a day already past',
        "身份证号“{text}”中的出生日期 {digits} 不是有效的已过日期",
    ),
    "resident.bad_id_checksum": ('the ID card number "{text}" has a wrong check digit', "身份证号“{text}”校验位不正确"),
    "resident.id_birth_mismatch": (
        "the ID number {id} says born {id_birth}, not {birth}",
        "身份证号 {id} 显示出生于 {id_birth}，与 {birth} 不符",
    ),
    "resident.id_gender_mismatch": (
        "the ID number {id} does not match the gender given",
        "身份证号 {id} 与所填性别不符",
    ),
    "resident.same_name_here": (
        "#{id} {name} already lives at {address}; if this is another person of the same name, add again with --same-name",
        "{address} 已登记 #{id} {name}；如确是同名的另一个人，请加 --same-name 再登记",
    ),
    "resident.duplicate_id": ("that ID number already belongs to #{id} {name}", "该身份证号已登记在 #{id} {name} 名下"),
    "resident.free_tags": (
        "note: {tags} is not a care group (no care round); care groups: {known}",
        "提示：{tags} 不是关怀类别（不会安排走访）；关怀类别有：{known}",
    ),
    "resident.bad_tag": ('the tag "{text}" is too long', "标签“{text}”太长"),
    "resident.bad_contact": (
        'cannot read the contact "{text}"; write it as name,relation,phone[,nearby]',
        "无法识别联系人“{text}”，请写成 姓名,关系,电话[,附近]",
    ),
    "resident.no_contact": ("this resident has no contact [{id}]", "该居民没有编号为 [{id}] 的联系人"),
    "resident.nothing_to_change": (
        "nothing to change: give an option such as --alias, -a or --add-phone (see --help)",
        "没有要修改的内容：请给出 --alias、-a、--add-phone 等选项（见 --help）",
    ),
    "resident.tag_missing": ("{name} has no tag {tag}", "{name} 没有标签 {tag}"),
    "resident.already_moved_out": ("{name} already moved out on {date}", "{name} 已于 {date} 迁出"),
    "resident.is_moved_out": (
        '{name} moved out on {date}; to record this anyway, bring them back first: gridnote resident move-out "{query}" --undo',
        '{name} 已于 {date} 迁出；如仍要记录，请先恢复：gridnote resident move-out "{query}" --undo',
    ),
    "resident.not_moved_out": ("{name} has not moved out", "{name} 没有迁出"),
    "resident.already_deceased": ("{name} is already recorded as deceased ({date})", "{name} 已于 {date} 登记为已故"),
    "resident.is_deceased": (
        '{name} is recorded as deceased ({date}); if that was a mistake: gridnote resident move-out "{query}" --undo',
        '{name} 已于 {date} 登记为已故；如登记有误：gridnote resident move-out "{query}" --undo',
    ),
    # output
    "resident.added": ("Added #{id} {name} at {address}", "已登记 #{id} {name}，住址 {address}"),
    "resident.updated": ("Updated #{id} {name} (tags: {tags})", "已更新 #{id} {name}（标签：{tags}）"),
    "resident.moved_out": (
        "#{id} {name} is marked as moved out (kept in the notebook; undo with --undo)",
        "#{id} {name} 已标记为迁出（记录保留；可用 --undo 撤销）",
    ),
    "resident.deceased": (
        "#{id} {name} is marked as deceased (kept in the notebook; undo with --undo)",
        "#{id} {name} 已标记为已故（记录保留；可用 --undo 撤销）",
    ),
    "resident.moved_back": ("#{id} {name} is back on the register", "#{id} {name} 已恢复为在册居民"),
    "resident.none": (
        "No residents match. Add one with: gridnote resident add NAME -a 8-2-301",
        "没有匹配的居民。可以这样登记：gridnote resident add 姓名 -a 8-2-301",
    ),
    "resident.count": ("residents: {count}", "共 {count} 人"),
    "resident.age": ("{age}y", "{age}岁"),
    "resident.moved_mark": ("(moved out)", "（已迁出）"),
    "resident.deceased_mark": ("(deceased)", "（已故）"),
    "card.address": ("Address", "住址"),
    "card.gender_age": ("Sex/age", "性别/年龄"),
    "card.birth": ("Born", "出生"),
    "card.phone": ("Phone", "电话"),
    "card.id_number": ("ID", "身份证"),
    "card.tags": ("Tags", "标签"),
    "card.note": ("Note", "备注"),
    "card.moved_out": ("Moved out", "迁出"),
    "card.deceased": ("Deceased", "已故"),
    "card.household": ("Household", "同户成员"),
    "card.contacts": ("Emergency contacts", "紧急联系人"),
    "card.nearby": ("nearby", "住附近"),
    "card.far": ("not nearby", "不在附近"),
    # households and buildings
    "household.none": (
        "No households yet. They are created when residents are added.",
        "还没有住户。登记居民时会自动建立住户。",
    ),
    "household.count": ("households: {count}", "共 {count} 户"),
    "building.none": (
        "No buildings yet. Add residents with an address, or load the example: gridnote --db demo.db demo",
        "还没有楼栋。登记带地址的居民，或加载示例：gridnote --db demo.db demo",
    ),
    "building.label": ("building {code}", "{code}号楼"),
    "building.added": ("{label} is part of the grid", "{label}已加入网格"),
    "building.unknown_in_address": (
        "there is no building {code} in this grid (known: {known}), so {address} looks like a typo; add the building first with: gridnote building add {code}",
        "本网格没有 {code} 号楼（现有：{known}），{address} 可能写错了；如确需新增，请先执行：gridnote building add {code}",
    ),
    "building.total": ("buildings: {count}", "共 {count} 栋"),
    "building.not_found": ("there is no building {code}; known: {known}", "没有 {code} 号楼；现有：{known}"),
    "building.bad_code": ('"{text}" is not a building (e.g. 5 or 5号楼)', "“{text}”不是楼栋（例如 5 或 5号楼）"),
    # import
    "import.bad_rows": (
        "rows that cannot be imported: {count}; nothing was imported:",
        "{count} 行无法导入，未导入任何数据：",
    ),
    "import.unknown_building": (
        "there is no building {code} in this grid (known: {known}), so {address} looks like a typo; add the building first (gridnote building add {code}) or import with --new-buildings",
        "本网格没有 {code} 号楼（现有：{known}），{address} 可能写错了；如确需新增，请先执行 gridnote building add {code}，或导入时加 --new-buildings",
    ),
    "import.new_buildings": ("New buildings added to the grid: {codes}", "新加入网格的楼栋：{codes}"),
    "import.dry_run_new_buildings": ("It would add new buildings to the grid: {codes}", "将新加入网格的楼栋：{codes}"),
    "import.undecided": (
        "{name} at {address} matches several residents alike: {candidates}. Add an ID number, birth date or phone to the row to say which",
        "{address} 的 {name} 与多位居民同样相符：{candidates}。请在该行补上身份证号、出生日期或电话以区分",
    ),
    "import.row_problem": ("row {row}: {message}", "第 {row} 行：{message}"),
    "import.id_as_number": (
        "the ID number was stored by Excel as a number and lost its last digits; format the column as text and export again",
        "身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为文本格式后重新导出",
    ),
    "import.unknown_encoding": (
        "cannot tell the file's encoding: {file} is not UTF-8, UTF-16 or GB18030; save it as UTF-8 (in Excel: CSV UTF-8) and import again",
        "无法识别文件编码：{file} 不是 UTF-8、UTF-16 或 GB18030；请另存为 UTF-8（Excel 中选“CSV UTF-8”）后再导入",
    ),
    "import.unsupported_encoding": (
        "{file} looks like {encoding}, which gridnote does not read; save it as UTF-8 (in Excel: CSV UTF-8) and import again",
        "{file} 看起来是 {encoding} 编码，gridnote 不读这种编码；请另存为 UTF-8（Excel 中选“CSV UTF-8”）后再导入",
    ),
    "import.empty": ("the file is empty", "文件是空的"),
    "import.bad_xlsx": ("{path} is not a readable XLSX workbook", "{path} 不是可读取的 XLSX 工作簿"),
    "import.no_name_column": (
        "no name column (姓名/name) among the headers: {headers}",
        "表头中没有姓名列（姓名/name）：{headers}",
    ),
    "import.no_address_column": (
        "no address columns: need 地址/address, or 楼栋+单元+房号 (building, unit, room)",
        "缺少地址列：需要“地址”，或“楼栋+单元+房号”",
    ),
    "import.incomplete_address": (
        "incomplete address: building {building}, unit {unit}, room {room}",
        "地址不完整：楼栋 {building}，单元 {unit}，房号 {room}",
    ),
    "import.summary": (
        "Imported rows: {rows} ({encoding}): {added} added, {updated} updated, {unchanged} unchanged",
        "已导入 {rows} 行（{encoding}）：新增 {added}，更新 {updated}，未变 {unchanged}",
    ),
    "import.dry_run_summary": (
        "Dry run, nothing written: of {rows:|row|rows} ({encoding}) it would add {added}, update {updated}, leave {unchanged} unchanged",
        "试运行，未写入：{rows} 行（{encoding}）将新增 {added}，更新 {updated}，{unchanged} 行不变",
    ),
    "import.h.row": ("Row", "行"),
    "import.h.would": ("Would", "将"),
    "import.h.name": ("Name", "姓名"),
    "import.h.address": ("Address", "地址"),
    "import.h.changes": ("Changes", "改动"),
    "import.would.added": ("add", "新增"),
    "import.would.updated": ("update", "更新"),
    "import.changed.contacts": ("contacts", "紧急联系人"),
    "import.changed.care_start": ("care round start", "走访起算日"),
    # export
    "export.bad_format": ('unknown format "{format}"; use {formats}', "未知格式“{format}”，可用：{formats}"),
    "export.done_masked": (
        "Residents written to {path}: {count} ({format}; phone and ID numbers masked, --full to include them)",
        "已导出 {count} 位居民到 {path}（{format}；电话和身份证号已打码，加 --full 可导出完整号码）",
    ),
    "export.done_full": (
        "Residents written to {path}: {count} ({format}) WITH full phone and ID numbers: keep it safe",
        "已导出 {count} 位居民到 {path}（{format}），含完整电话和身份证号，请妥善保管",
    ),
    "export.format_mismatch": (
        "--format {format} does not fit the file name {path}",
        "--format {format} 与文件名 {path} 不符",
    ),
    "export.sheet_residents": ("Residents", "居民"),
    "export.col.name": ("name", "姓名"),
    "export.col.alias": ("alias", "称呼"),
    "export.col.gender": ("gender", "性别"),
    "export.col.address": ("address", "地址"),
    "export.col.phone": ("phone", "联系电话"),
    "export.col.birth": ("birth", "出生日期"),
    "export.col.id_number": ("id number", "身份证号"),
    "export.col.tags": ("tags", "人员类别"),
    "export.col.note": ("note", "备注"),
    # demo
    "demo.not_empty": (
        "{path} already has residents; load the example into a new notebook: gridnote --db demo.db demo",
        "{path} 中已有居民；请把示例加载到新笔记本：gridnote --db demo.db demo",
    ),
    "demo.loaded": (
        "Loaded the example grid into {path}: {buildings:|building|buildings}, {households:|household|households}, {residents:|resident|residents}",
        "示例网格已载入 {path}：{buildings} 栋楼，{households} 户，{residents} 人",
    ),
    "demo.next": (
        "Try: gridnote building list · gridnote resident show 李奶奶 (people to look up: {people})",
        "试试：gridnote building list · gridnote resident show 李奶奶（可查找：{people}）",
    ),
    "demo.day_written": (
        "Wrote one day of work on {day}: visits {visits}, issues {issues}, tasks {tasks}, events {events}",
        "已写入 {day} 一天的工作：{visits} 条走访记录，{issues} 个问题，{tasks} 项任务，{events} 场活动",
    ),
    "demo.day_next": (
        "Try: gridnote today · gridnote report · gridnote find 下水道 · gridnote tomorrow",
        "试试：gridnote today · gridnote report · gridnote find 下水道 · gridnote tomorrow",
    ),
}
