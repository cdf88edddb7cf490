"""Messages: ``gridnote browse`` and the Datasette metadata it writes (titles, descriptions, column labels)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "browse.browsing": (
        "The notebook in Datasette: http://127.0.0.1:{port}/ (Ctrl-C stops it){masked}",
        "笔记本已在 Datasette 中打开：http://127.0.0.1:{port}/（按 Ctrl-C 停止）{masked}",
    ),
    "browse.masked": (
        "; phone and ID numbers masked (--full shows them)",
        "；电话和身份证号已遮挡（--full 显示原值）",
    ),
    # the code tables (gridnote/store/codes.py)
    "browse.names.title": ("Names of codes: {what}", "代码名称：{what}"),
    "browse.names.description": (
        "What each code stored in {column} means, in Chinese and English",
        "{column} 中所存代码的中英文名称",
    ),
    "browse.names.names_categories": ("issue categories", "问题类别"),
    "browse.names.names_statuses": ("issue states", "问题状态"),
    "browse.names.names_channels": ("channels", "反映渠道"),
    "browse.names.names_partners": ("partners", "转办单位"),
    "browse.names.names_ratings": ("ratings", "满意度评价"),
    "browse.names.names_priorities": ("priorities", "紧急程度"),
    "browse.names.names_reject_reasons": ("reasons for rejecting", "不予受理原因"),
    "browse.names.names_deadline_groups": ("deadline groups", "时限类别"),
    "browse.names.names_steps": ("steps of an issue", "问题办理环节"),
    "browse.names.names_tags": ("care groups", "重点人群"),
    "browse.names.names_genders": ("genders", "性别"),
    "browse.names.names_task_statuses": ("task states", "任务状态"),
    "browse.names.names_visit_kinds": ("kinds of visit", "走访方式"),
    "browse.names.names_reading_kinds": ("kinds of reading", "测量项目"),
    "browse.column.code": ("code", "代码"),
    "browse.column.zh": ("Chinese name", "中文名"),
    "browse.column.en": ("English name", "英文名"),
    "browse.column.parent": ("parent category", "上级类别"),
}
