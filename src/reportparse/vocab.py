"""Domain vocabulary as data: heading variants, channel words, refusal reasons.

Everything here is matched against *normalized* text (simplified script,
half-width punctuation, no spaces next to CJK characters). Sources: the
heading variants of the reports and the codes of docs/interface.md.
"""

from __future__ import annotations

from . import rx as regex

# --- numerals ---------------------------------------------------------------

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUM = "零〇○一二两三四五六七八九十百千"

# --- dates ------------------------------------------------------------------
# 2019年2月14日, 二〇一九年二月十四日, 二0二二年元月廿日 (元月 = January, 廿 = 20, 卅 = 30)
_YEAR = r"(?:\d{4}|[二〇○零OΟ0一两三四五六七八九]{4})"
_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,2}|元)"
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})"
CN_DATE = regex.compile(rf"(?P<y>{_YEAR})年(?P<m>{_MONTH})月(?P<d>{_DAY})日")
DATE_PARTS = (_YEAR, _MONTH, _DAY)  # year, month, day patterns of CN_DATE

# --- section headings -------------------------------------------------------
# Each kind: a pattern the heading *text* (after its number) must start with.
# Order matters only for ties: the first kind that matches wins.

SECTION_HEADINGS: list[tuple[str, str]] = [
    ("review_litigation",
     r"(?:因|涉及)?(?:政府)?信息公开(?:工作)?(?:申请)?(?:被申请|申请)?(?:的)?(?:行政)?复议|"
     r"(?:政府信息公开)?(?:被)?(?:申请)?(?:行政)?复议[、,和及与]*(?:提起)?(?:行政)?诉讼|"
     r"行政复议[、,和及与]*(?:行政)?诉讼|复议[、,和及与]*诉讼"),
    ("fees", r"(?:政府)?信息公开(?:的|事务)?收费|(?:依申请)?收费(?:及|和|与)减免|政府信息公开收费"),
    ("requests",
     r"(?:行政机关)?收到和处理(?:政府信息公开)?申请|(?:政府信息)?依申请公开|申请公开(?:政府)?信息(?:办理|的|情况)|"
     r"(?:政府信息公开)?申请(?:的)?(?:办理|受理|处理)?情况|依申请公开(?:政府)?信息"),
    ("proactive", r"(?:行政机关)?主动公开(?:政府)?信息|(?:政府)?信息主动公开|主动公开(?:工作)?情况"),
    ("problems",
     r"(?:政府信息公开)?(?:工作)?存在(?:的)?(?:主要)?问题|(?:主要)?问题(?:和|及|与)(?:改进|整改|措施)|"
     r"改进(?:措施|情况|方向)|(?:下一步|今后)(?:的)?工作(?:打算|计划|思路|重点)|工作(?:打算|计划)"),
    ("other", r"其[他它]需要报告的事项|其[他它]需要说明的事项|需要说明的事项|其[他它]事项"),
    ("overview",
     r"(?:政府信息公开)?(?:主要)?(?:工作)?概述|总体情况|基本(?:工作)?情况|(?:政府信息公开)?(?:总体)?工作(?:总体)?情况|"
     r"(?:政府信息公开)?工作概况|概况|组织领导(?:方面|情况)"),
    ("extra",
     r"回应(?:社会关切|解读)|(?:政策)?解读回应|咨询(?:处理|服务)|机构(?:设置|建设)|"
     r"(?:人大代表)?建议(?:和|及)(?:政协)?提案|政务公开|政府信息(?:公开)?(?:平台|管理)|"
     r"(?:政府)?信息公开(?:平台|管理)|工作机制|监督保障|政府信息公开情况统计表|统计表|附表|"
     r"保障(?:经费|措施)|培训"),
]
# All kinds in one pattern, tried in the same order (the first alternative that matches wins).
SECTION_HEADING_ANY = regex.compile("|".join(f"(?P<{kind}>{pat})" for kind, pat in SECTION_HEADINGS))

# Expected order of the parts (the statutory items); used to rank candidates.
ERA_ORDER = {
    "pre2019": ["overview", "proactive", "requests", "fees", "review_litigation", "problems", "other"],
    "fmt2019": ["overview", "proactive", "requests", "review_litigation", "problems", "other"],
    "fmt2021": ["overview", "proactive", "requests", "review_litigation", "problems", "other"],
}

# Top-level numbering: 一、 一. 第一部分 第一章 第一,  (also markdown # prefixes)
TOP_MARKER = regex.compile(
    rf"(?P<md>\#{{1,6}}[ ]*)?(?:第(?P<ord>[{CN_NUM}]{{1,3}})(?:部分|章|节|项)[、.:,]?|"
    rf"(?P<num>[{CN_NUM}]{{1,3}})[ ]?(?:、|\.(?!\d)|,|:|[ ](?=\S)))"
)
# Sub-section numbering inside a part.
SUB_MARKERS = [
    (1, regex.compile(rf"\((?P<num>[{CN_NUM}]{{1,3}})\)")),
    (2, regex.compile(r"(?<![\d.])(?P<num>\d{1,2})(?:、|\.(?!\d)|．)")),
    (3, regex.compile(r"\((?P<num>\d{1,2})\)")),
    (4, regex.compile(rf"(?P<num>[{CN_NUM}]{{1,3}})是(?!否|指|由|以|在|对|为|将)")),
]

# --- channels ---------------------------------------------------------------

# A word inside a longer word is no channel: 信息公开栏目 is a website column, 倒计时报警器 and
# 及时报送 hold no 时报 newspaper, 网上办事大厅 is no service hall.
_NOT_COLUMN = r"(?!目)"
CHANNELS: list[tuple[str, str]] = [
    ("website", r"政府(?:门户)?网站|门户网站|政务网站|政府网|部门网站|官方网站|政府信息公开网|信息公开平台|"
                r"政务服务网|网站"),
    ("wechat", r"微信公众(?:号|平台)|微信|公众号"),
    ("weibo", r"政务微博|微博"),
    ("app", r"政务客户端|客户端|小程序|(?<![A-Za-z./])(?:APP|App|app)(?![A-Za-z./])"),
    ("short_video", r"抖音|视频号|快手|短视频"),
    ("bulletin_board", rf"(?:公开栏|公示栏|公告栏|宣传栏|信息栏|政务公开栏){_NOT_COLUMN}|公示牌|电子显示屏|LED屏|"
                       r"电子屏|触摸屏|村务公开"),
    ("gazette", r"政府公报|(?<!统计|新闻|会议)公报"),
    ("press_conference", r"新闻发布会|发布会|新闻发布"),
    ("print_media", r"报纸|报刊|(?<!每|当|按)日报(?!送|告|表|道)|晚报|(?<!及|按|定|实|同|准|计|适|临)时报(?!警|告|道|到|送|名|表|备)|"
                    r"杂志|经济报|简报"),
    # 电视电话会议 is a meeting, 广播电视局 an organ
    ("broadcast", r"广播(?!电视局|电视总局|影视局)|(?<!广播)电视(?!电话|会议|局)"),
    ("reading_room", r"查阅(?:点|室|场所|中心)|档案馆|图书馆|阅览室"),
    ("service_hall", r"政务服务中心|便民服务中心|行政服务中心|(?<!网上)服务大厅|(?<!网上)办事大厅|市民中心|"
                     r"(?<!网上)政务大厅|(?<!客户|技术)服务中心"),
    ("hotline", r"热线|(?<!\d)12345(?!\d)"),
]
CHANNEL_RES = [(code, regex.compile(pat)) for code, pat in CHANNELS]

# --- refusal reasons --------------------------------------------------------

REFUSALS: list[tuple[str, str]] = [
    ("state_secret", r"国家秘密"),
    ("law_forbidden", r"(?:其他)?法律(?:、)?行政法规禁止公开|法律法规禁止"),
    ("safety_stability", r"三安全一稳定|国家安全、公共安全、经济安全(?:和|、)?社会稳定"),
    ("third_party", r"第三方合法权益|个人隐私|商业秘密"),
    ("internal_affairs", r"三类内部事务|内部事务信息|内部事务|内部管理信息|内部事项|请示汇报"),
    ("process_info", r"四类过程性信息|过程性信息|讨论记录|过程稿|磋商信函|请示报告"),
    ("enforcement_file", r"行政执法案卷"),
    ("admin_query", r"行政查询事项"),
    ("not_held", r"本机关不掌握|不掌握相关|信息不存在|非本(?:机关|部门|单位)(?:掌握|职责)|不属于本(?:机关|部门)"),
    ("needs_creation", r"没有现成信息|需要另行制作|另行制作"),
    ("unclear", r"申请内容(?:仍)?不明确|内容不明确"),
    ("complaint", r"信访举报投诉"),
    ("repeat", r"重复申请"),
    ("publication", r"公开出版物"),
    ("excessive", r"大量反复申请"),
    ("confirm", r"确认或重新出具"),
]
REFUSAL_RES = [(code, regex.compile(pat)) for code, pat in REFUSALS]

# --- legal bases ------------------------------------------------------------

LEGAL_BASIS = regex.compile(
    r"《(?P<name>[^《》\n]{2,60}?(?:条例|办法|规定|指南|通知|意见|要点|纲要|细则|决定))》"
)

# --- words that mark measures after problems ---------------------------------

MEASURE_MARKERS = regex.compile(
    r"改进措施|改进情况|整改措施|下一步|今后|为此|针对(?:上述|以上|这些)|将(?:采取|从以下|重点|着力|进一步)|"
    r"(?:\d{4}年|明年|新的一年)[,，]?(?:我|本)\w{0,6}将"
)
