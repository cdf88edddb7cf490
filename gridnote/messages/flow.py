"""Messages: data flowing back — requests from the city app and the hotline (Open311), and the way back."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- reading a requests file ---------------------------------------------------------------
    "open311.bad_requests": (
        "{count} requests cannot be imported; nothing was imported",
        "有 {count} 条诉求无法导入；本次没有导入任何内容",
    ),
    "open311.bad_request": (
        "1 request cannot be imported; nothing was imported",
        "有 1 条诉求无法导入；本次没有导入任何内容",
    ),
    "open311.n": ("{n} request|{n} requests", "共 {n} 条诉求"),
    "open311.request_problem": ("request {number}: {message}", "第 {number} 条诉求：{message}"),
    "open311.not_json": ("{path} is not JSON: {reason}", "{path} 不是 JSON：{reason}"),
    "open311.not_xml": ("{path} is not readable XML: {reason}", "{path} 不是可读的 XML：{reason}"),
    "open311.not_requests": (
        "{path} holds no GeoReport v2 service requests (a list of requests, or <service_requests>)",
        "{path} 中没有 GeoReport v2 诉求（应为诉求列表，或 <service_requests>）",
    ),
    "open311.not_a_request": ("not a request (an object of fields)", "不是一条诉求（应为字段对象）"),
    "open311.no_id": ("no service_request_id", "缺少 service_request_id（诉求编号）"),
    "open311.same_id": (
        "service_request_id {id} again (already request {first})",
        "诉求编号 {id} 重复（第 {first} 条已有）",
    ),
    "open311.bad_status": ('status "{text}" is neither open nor closed', "status“{text}”既不是 open 也不是 closed"),
    "open311.no_text": (
        "request {id} has neither description nor service_name",
        "诉求 {id} 既没有 description 也没有 service_name",
    ),
    "open311.bad_datetime": (
        '{field} "{text}" is not an ISO 8601 time (e.g. 2026-11-29T09:30:00+08:00)',
        "{field}“{text}”不是 ISO 8601 时间（例如 2026-11-29T09:30:00+08:00）",
    ),
    "open311.bad_number": ('{field} "{text}" is not a number', "{field}“{text}”不是数字"),
    # -- what an import did -----------------------------------------------------------------------
    "open311.summary": (
        "{requests}: {added} added, {updated} updated, {unchanged} unchanged",
        "{requests}：新增 {added}，更新 {updated}，无变化 {unchanged}",
    ),
    "open311.dry_run_summary": (
        "dry run, nothing written — {requests}: {added} would be added, {updated} updated, {unchanged} unchanged",
        "试运行，未写入——{requests}：将新增 {added}，更新 {updated}，无变化 {unchanged}",
    ),
    "open311.matched": (
        "of the {added} added: {reporters:|reporter|reporters} found in the register by phone, {households} placed at a "
        "household, {buildings} at a building",
        "新增的 {added} 条中：{reporters} 条按电话找到了反映人，{households} 条对应到住户，{buildings} 条对应到楼栋",
    ),
    "open311.unplaced": (
        "{count} with an address not in this grid's register (kept as the app gave it): {ids}",
        "{count} 条的地址不在本网格登记册中（按一网通给出的原样保留）：{ids}",
    ),
    "open311.exported": (
        "{requests} written to {path} ({format}, Open311 GeoReport v2); changes of state marked as sent",
        "已写入 {path}：{requests}（{format}，Open311 GeoReport v2）；状态变化已记为已发送",
    ),
    "open311.duplicate_of": ("{reason} (of #{id})", "{reason}（与 #{id} 重复）"),
    # -- the report-back step ----------------------------------------------------------------------
    "issue.told_app": (
        "request {request} from the city app: the app shows the resident the outcome once it is sent "
        "(gridnote issue export --open311 -o FILE, or the next sync); no call needed",
        "来自一网通的诉求 {request}：结果发送后（gridnote issue export --open311 -o 文件，或下次同步）"
        "居民会在一网通上看到，无需再打电话",
    ),
    "issue.told_phone": (
        "not linked to a request in the city app: the app cannot show the outcome; tell them by phone{phone}",
        "未关联一网通诉求：一网通无法显示结果，需要电话告知{phone}",
    ),
    "open311.status.open": ("open", "处理中"),
    "open311.status.closed": ("closed", "已关闭"),
    "issue.request": ("request {request}", "诉求 {request}"),
    "issue.from_channel": ("from the {channel}: {status}", "来自{channel}：{status}"),
}
