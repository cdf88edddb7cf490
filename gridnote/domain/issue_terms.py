"""The coded words of issues and events, typed in English or Chinese, stored as codes.

States, channels, ratings, priorities, rejection reasons, referral partners,
kinds of note, deadline groups, the actions of the state machine and the
reasons an issue waits on her in ``today``. Categories live in
:mod:`gridnote.domain.categories` (they can be extended per notebook).
"""

from __future__ import annotations

from gridnote.domain.vocab import Term, Vocabulary

STATUSES = Vocabulary(
    "status",
    (
        Term("received", "received", "已受理", ("new", "受理", "待核实", "新")),
        Term("verified", "verified", "已核实", ("checked", "核实", "已确认")),
        Term("rejected", "rejected", "不予受理", ("已驳回", "驳回", "reject", "invalid")),
        Term("referred", "referred", "已转办", ("转办", "已派遣", "派遣", "已对接", "referral", "dispatched")),
        Term("resolved", "resolved", "已办结", ("办结", "已处置", "已解决", "solved", "fixed", "done")),
        Term("reported", "reported back", "已回访", ("回访", "已反馈", "told", "reported-back", "已告知")),
        Term("closed", "closed", "已结案", ("结案", "已关闭", "closed with rating")),
    ),
)
# What an issue is: a problem to solve (with deadlines), or a question or suggestion to answer.
KINDS = Vocabulary(
    "kind",
    (
        Term("complaint", "complaint", "诉求", ("problem", "issue", "问题", "投诉", "反映")),
        Term(
            "enquiry",
            "enquiry",
            "咨询建议",
            ("咨询", "建议", "询问", "question", "suggestion", "ask", "advice"),
        ),
    ),
)
# Waiting for something to be done or said: every state but rejected and closed.
OPEN_STATUSES = ("received", "verified", "referred", "resolved", "reported")

CHANNELS = Vocabulary(
    "channel",
    (
        Term("in-person", "in person", "当面", ("面对面", "上门反映", "来访", "person", "face to face")),
        Term("phone", "phone", "电话", ("打电话", "call", "telephone", "来电")),
        Term("wechat", "WeChat", "微信", ("微信群", "语音", "weixin", "wx", "message", "短信")),
        Term("app", "city app", "一网通", ("app", "随手拍", "小程序", "网上")),
        Term("hotline", "12345 hotline", "12345热线", ("12345", "热线", "市长热线", "工单")),
        Term("walk", "found on patrol", "巡查发现", ("巡查", "巡楼", "patrol", "自行发现")),
    ),
)
# The reporter is talking to her as the issue is received: that is the first response.
FACE_TO_FACE = ("in-person", "phone", "walk")

RATINGS = Vocabulary(
    "rating",
    (
        Term("satisfied", "satisfied", "满意", ("非常满意", "good", "好")),
        Term("basically-satisfied", "basically satisfied", "基本满意", ("basically", "ok", "一般", "还行")),
        Term("dissatisfied", "dissatisfied", "不满意", ("unsatisfied", "bad", "差", "不行", "没修好")),
    ),
)

PRIORITIES = Vocabulary(
    "priority",
    (
        Term("urgent", "urgent", "紧急", ("急", "加急", "high", "emergency")),
        Term("normal", "normal", "一般", ("普通", "常规", "low")),
    ),
)

REJECT_REASONS = Vocabulary(
    "reason",
    (
        Term("duplicate", "duplicate", "重复", ("重复反映", "重复件", "dup", "dupe")),
        Term("not-ours", "not ours", "非职责范围", ("不属于", "非本网格", "不归我们管", "not our grid")),
        Term("not-real", "not real", "不属实", ("不真实", "虚假", "false", "不存在")),
    ),
)

PARTNERS = Vocabulary(
    "partner",
    (
        Term("property", "property company", "物业", ("物业公司", "物管", "property management")),
        Term("police", "police", "派出所", ("民警", "社区民警", "警务", "公安", "110")),
        Term("street-office", "street office", "街道", ("街道办", "街道办事处", "网格中心")),
        Term(
            "utility",
            "utility company",
            "公用事业单位",
            ("供电", "供电公司", "电力", "国家电网", "自来水", "水务", "供水", "燃气", "燃气公司", "煤气公司"),
        ),
        Term("city-management", "city management", "城管", ("城管局", "综合执法", "执法队")),
        Term("committee", "residents' committee", "居委会", ("社区居委会", "社区", "committee")),
        Term("other", "other", "其他单位", ("其他", "其它")),
    ),
)

NOTE_KINDS = Vocabulary(
    "note kind",
    (
        Term("progress", "progress", "进展", ("note", "备注", "记录", "情况")),
        Term("call", "call", "电话", ("打电话", "phone", "通话")),
        Term("visit", "visit", "上门", ("走访", "现场", "到场", "on site")),
        Term("message", "message", "消息", ("微信", "短信", "wechat", "sms")),
    ),
)

DEADLINE_GROUPS = Vocabulary(
    "deadline group",
    (
        Term("emergency", "emergency", "紧急", ("突发", "urgent")),
        Term("utility", "utility", "公用设施", ("水电气", "utilities")),
        Term("general", "general", "一般", ("普通", "normal")),
        Term("complex", "complex", "复杂", ("疑难", "hard")),
    ),
)

# Steps of the timeline (``issue_updates.kind``); also the verbs of refused-transition messages.
STEPS = Vocabulary(
    "step",
    (
        Term("receive", "received", "受理"),
        Term("verify", "verify", "核实"),
        Term("reject", "reject", "不予受理"),
        Term("refer", "refer", "转办"),
        Term("note", "note", "记录"),
        Term("resolve", "resolve", "办结"),
        Term("tell", "report back", "回访"),
        Term("rate", "rate", "评价"),
        Term("close", "close", "结案"),
        Term("reopen", "reopen", "重新办理"),
        Term("edit", "edit", "修改"),
    ),
)

FOLLOWUP_REASONS = Vocabulary(
    "follow-up reason",
    (
        Term("response-overdue", "no response yet, overdue", "超时未响应"),
        Term("resolve-overdue", "not resolved, overdue", "超期未办结"),
        Term("response-due", "respond today", "今日需响应"),
        Term("resolve-due", "resolve today", "今日到期"),
        Term("referral-due", "partner's promised date", "转办承诺到期"),
        Term("report-back", "resolved, tell the resident", "已办结待回访"),
        Term("to-answer", "enquiry to answer", "咨询待答复"),
    ),
)

# What an outreach event was about (``events.kind``): read from the title when not given.
EVENT_KINDS = Vocabulary(
    "event kind",
    (
        Term("anti-fraud", "anti-fraud", "反诈宣传", ("防诈骗", "反诈", "诈骗", "防骗", "fraud", "scam")),
        Term("safety", "safety", "安全宣传", ("消防", "安全", "用电", "燃气", "防火", "fire", "safe")),
        Term("health", "health", "健康服务", ("义诊", "健康", "血压", "体检", "疫苗", "medical", "health check")),
        Term("policy", "policy", "政策宣传", ("政策", "医保", "社保", "养老金", "普法", "法律", "law", "pension")),
        Term("culture", "culture and volunteering", "文体志愿", ("文艺", "联欢", "志愿", "文体", "party", "volunteer")),
        Term("other", "other", "其他", ()),
    ),
)


def guess_event_kind(title: str) -> str:
    """The event kind whose Chinese name or a synonym the title holds (the longest found), else ``other``."""
    folded = title.casefold()
    best, length = "other", 0
    for term in EVENT_KINDS.terms:
        for word in (term.zh, *term.synonyms):
            if word and word.casefold() in folded and len(word) > length:
                best, length = term.code, len(word)
    return best
