"""Short, realistic annual reports written for the batch tests (not copies of real ones)."""

from __future__ import annotations

import opencc

TOWNS = ["新河镇", "石门乡", "东坪镇", "青山乡", "白沙镇", "柳溪镇", "马田乡", "龙潭镇", "桃源乡", "黄岭镇",
         "双江镇", "高坪乡", "清水镇", "长乐乡", "梅林镇", "金竹乡", "枫树镇", "大塘乡", "平安镇", "永兴乡"]
DEPARTMENTS = ["县教育局", "县民政局", "县自然资源局", "县卫生健康局", "县交通运输局", "县农业农村局",
               "县市场监督管理局", "县住房和城乡建设局", "县人力资源和社会保障局", "县生态环境局"]

PROBLEMS = [
    "一是公开内容不够全面，部分栏目更新不及时；二是政策解读形式较为单一，图解、视频解读偏少。",
    "一是工作人员业务能力有待提高；二是依申请公开答复不够规范，个别答复超过法定期限。",
    "一是基层政务公开标准化规范化建设推进较慢；二是公开栏信息更新不及时。",
    "一是政府门户网站信息发布不够及时；二是重点领域信息公开不够深入。",
]

TEMPLATE = """{organ}{year}年政府信息公开工作年度报告

本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{organ}办公室联系（电话：0730-78{phone}）。

一、总体情况
{year}年，{organ}认真贯彻落实《中华人民共和国政府信息公开条例》，加强组织领导，健全工作机制，全年通过政府门户网站、微信公众号和公开栏主动公开政府信息{proactive}条。

二、主动公开政府信息情况
全年主动公开政府信息{proactive}条，其中规范性文件{documents}件。

三、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请{received}件，予以公开{granted}件，不予公开{denied}件，已全部按期办结。

四、政府信息公开行政复议、行政诉讼情况
全年因政府信息公开被申请行政复议{review}件，被提起行政诉讼{litigation}件。

五、存在的主要问题及改进情况
{problems}下一步，我们将加强业务培训，完善工作机制，提升公开质量。

六、其他需要报告的事项
本年度未收取信息处理费。

{organ}
{pub_year}年1月{day}日
"""


def report_text(i: int, *, traditional: bool = False) -> str:
    """The i-th sample report: organ, year and every figure vary with i."""
    organ = (TOWNS + DEPARTMENTS)[i % 30]
    if organ.endswith(("镇", "乡")):
        organ += "人民政府"
    year = 2021 + i % 3
    received = 3 + i % 7
    denied = i % 3
    text = TEMPLATE.format(
        organ=organ, year=year, pub_year=year + 1, day=10 + i % 18, phone=f"{i:05d}",
        proactive=40 + 7 * i, documents=i % 5, received=received, granted=received - denied, denied=denied,
        review=i % 2, litigation=0, problems=PROBLEMS[i % len(PROBLEMS)],
    )
    if traditional:
        text = opencc.OpenCC("s2tw").convert(text)
    return text


NOT_A_REPORT = """关于做好春季森林防火工作的通知

各村（社区）、镇直各单位：
当前正值春季森林防火关键期，请各单位切实加强巡查值守，严格野外用火管理，确保不发生重大森林火灾。

白沙镇人民政府办公室
2024年3月1日
"""
