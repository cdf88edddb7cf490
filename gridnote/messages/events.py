"""Messages of outreach events with people in them: kinds, partners' contacts, residents, photos."""

MESSAGES: dict[str, tuple[str, str]] = {
    "number.event": ("an event", "活动"),
    "event.bad_kind": (
        'unknown event kind "{text}"; use one of {choices}',
        "没有“{text}”这个活动类型；可用：{choices}",
    ),
    "event.fewer_attendees": (
        "only {count:|attendee|attendees}, fewer than the {named:|resident|residents} named",
        "参加人数 {count} 少于点名的居民 {named} 人",
    ),
    "event.list_empty": ("{path} names nobody", "{path} 里没有居民"),
    "event.added_people": (
        "{kind} · attendees {count} · residents named {named} (living alone {alone}, aged 60+ {older})",
        "{kind} · 参加 {count} 人，点名居民 {named} 人（独居 {alone} 人，60 岁及以上 {older} 人）",
    ),
    "event.photos_kept": ("photos kept in the notebook's folder: {count}", "已保存 {count} 张照片到笔记本文件夹"),
    "event.named": ("residents named {count}", "点名居民 {count} 人"),
    "report.event_people": (
        "attendees {count} · named {named} (living alone {alone}, aged 60+ {older})",
        "参加 {count} 人 · 点名 {named} 人（独居 {alone}，60 岁及以上 {older}）",
    ),
    "report.event_count": ("attendees {count}", "参加 {count} 人"),
    "event.f.when": ("When", "时间"),
    "event.f.kind": ("Kind", "类型"),
    "event.f.where": ("Where", "地点"),
    "event.f.partners": ("With", "合作方"),
    "event.f.attendees": ("Attendees", "参加人数"),
    "event.f.residents": ("Residents", "参加居民"),
    "event.f.note": ("Note", "备注"),
    "event.f.photo": ("Photo", "照片"),
    "event.mark.alone": ("living alone", "独居"),
    "event.mark.age": ("aged {age}", "{age}岁"),
    # the report's section and its reach by kind
    "report.sec.events": ("Outreach events", "宣传活动"),
    "report.sec.event_reach": ("Who the outreach reached, by kind", "宣传覆盖（按活动类型）"),
    "report.col.kind": ("Kind", "类型"),
    "report.col.event": ("Event", "活动"),
    "report.col.partners": ("With", "合作方"),
    "report.col.attendees": ("Attendees", "参加人数"),
    "report.col.named": ("Named", "点名居民"),
    "report.col.people": ("Who came", "参加情况"),
    "report.col.alone": ("Living alone", "独居"),
    "report.col.over60": ("Aged 60+", "60岁及以上"),
    "report.col.events": ("Events", "场次"),
    "report.event_reach_how": (
        "residents named at the kind's events, each counted once per kind; aged 60+ on the event's day,"
        " from the register's birth date",
        "按活动类型统计点名参加的居民，每类每人只计一次；60 岁及以上按活动当天、依花名册出生日期计算",
    ),
}
