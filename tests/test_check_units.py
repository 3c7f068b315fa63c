"""Rule helpers, the seed report, the copied-report rule and the ``check`` command."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, SHARED
from reportparse import check, parse_text, summarize
from reportparse.check.codes import CODES
from reportparse.check.rules_contact import area_region, split_region
from reportparse.check.rules_copied import copied_share
from reportparse.check.rules_dates import deadline, organ_level
from reportparse.cli import main
from test_check_rules import CLEAN_2018

SEED = SHARED / "dev" / "xinkai-town-2018.txt"


@pytest.mark.parametrize("name,level", [
    ("新开镇人民政府", "government"), ("朝阳乡", "government"), ("解放路街道办事处", "government"),
    ("岳阳市人民政府办公室", "department"), ("平潭县财政局", "department"), ("上海市科委", "department"),
    ("某市政务服务中心", "department"), ("平潭综合实验区", None), (None, None),
])
def test_organ_level(name, level):
    assert organ_level(name) == level


@pytest.mark.parametrize("year,level,due", [
    (2018, "department", "2019-03-31"),   # 2008 条例 art. 31: one deadline for all
    (2018, "government", "2019-03-31"),
    (2019, "department", "2020-01-31"),   # 2019 条例 art. 49
    (2019, "government", "2020-03-31"),
    (2023, None, "2024-03-31"),           # unknown level: the outer limit
])
def test_deadline(year, level, due):
    assert deadline(year, level)[0] == due


@pytest.mark.parametrize("description,province,cities", [
    ("湖南省岳阳市", "湖南", ["岳阳"]),
    ("上海市", "上海", ["上海"]),
    ("四川省成都市、资阳市、眉山市", "四川", ["成都", "资阳", "眉山"]),
    ("广西壮族自治区南宁市", "广西", ["南宁"]),
    ("Somewhere", None, []),
])
def test_split_region(description, province, cities):
    assert split_region(description) == (province, cities)


def test_area_region_uses_the_geocoder():
    assert area_region("0730") == ("湖南", ("岳阳",))


def test_department_late_under_2019_rules():
    text = (CLEAN_2018.replace("新开镇人民政府", "岳阳县财政局").replace("2018", "2019")
            .replace("2019年2月14日", "2020年2月14日"))
    codes = {f.code for f in parse_text(text).findings}
    assert "late-publication" in codes  # 1月31日 for departments since the revision


def test_every_code_is_documented():
    docs = ROOT / "docs" / "checks.md"
    text = docs.read_text(encoding="utf-8")
    for code in CODES:
        assert f"`{code}`" in text, code


# --- the seed report -------------------------------------------------------------------------------

@pytest.fixture
def seed():
    if not SEED.exists():
        pytest.skip("../shared/corpus/dev not present")
    import reportparse

    return reportparse.parse(SEED)


def test_seed_findings_exactly(seed):
    got = [(f.code, f.severity) for f in seed.findings]
    assert sorted(got) == sorted([
        ("numbering", "warning"),                 # part 二: (二) then (四)
        ("missing-part", "error"),                # art. 32 item 三, fees
        ("missing-other-part", "info"),           # art. 32 item 六
        ("refusal-without-requests", "error"),    # 请示汇报的内部事项 with 0 requests
    ])
    by_code = {f.code: f for f in seed.findings}
    assert "(三)" in by_code["numbering"].message
    assert "收费及减免" in by_code["missing-part"].message
    assert "请示汇报" in by_code["refusal-without-requests"].message
    assert summarize(seed).findings == [f.code for f in seed.findings]
    for f in seed.findings:
        for e in f.evidence:
            assert seed.text[e.start : e.end] == e.text


# --- copied report ---------------------------------------------------------------------------------

PREVIOUS = CLEAN_2018.replace("2019年", "2018年").replace("2018年", "2017年").replace("25条", "31条") \
    .replace("3件", "7件")


def test_copied_share_masks_figures_and_years():
    share, runs = copied_share(parse_text(CLEAN_2018).text, parse_text(PREVIOUS).text)
    assert share > 0.95 and runs


def test_copied_report_fires_with_previous_only():
    report = parse_text(CLEAN_2018)
    previous = parse_text(PREVIOUS)
    assert "copied-report" not in {f.code for f in check(report)}
    findings = [f for f in check(report, previous=previous) if f.code == "copied-report"]
    assert len(findings) == 1 and "%" in findings[0].message and findings[0].evidence
    for e in findings[0].evidence:
        assert report.text[e.start : e.end] == e.text


REWRITE = ("明确专人负责。本年度镇党委把政务公开列入重点任务,每季度召开专题会议研究部署,并对各村的公开栏逐一检查整改,"
           "同时新开设便民查询窗口,聘请群众监督员定期评议公开质量,收集意见建议十余条并逐项落实。"
           "针对群众关心的低保、危房改造、扶贫资金等事项,坚持每月更新,做到应公开尽公开。")


def test_rewritten_report_is_not_copied():
    rewritten = parse_text(CLEAN_2018.replace("明确专人负责。", REWRITE))
    assert "copied-report" not in {f.code for f in check(rewritten, previous=parse_text(PREVIOUS))}


# --- the command -----------------------------------------------------------------------------------

def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_exit_codes(tmp_path, capsys):
    clean = _write(tmp_path, "clean.txt", CLEAN_2018)
    broken = _write(tmp_path, "broken.txt", CLEAN_2018.replace("25条", "条"))
    assert main(["check", clean, "--format", "json"]) == 0
    assert main(["check", clean, broken, "--format", "json"]) == 3
    assert main(["check", clean, str(tmp_path / "missing.txt"), "--format", "json"]) == 1
    assert main(["check", "--format", "xml", clean]) == 2
    capsys.readouterr()


def test_cli_json_records(tmp_path, capsys):
    broken = _write(tmp_path, "broken.txt", CLEAN_2018.replace("25条", "条"))
    main(["check", broken, "--format", "json", "--lang", "en"])
    record = json.loads(capsys.readouterr().out)
    assert record["file"] == broken and record["ok"]
    (finding,) = record["findings"]
    assert {"code", "severity", "message", "evidence", "basis"} <= set(finding)
    assert finding["code"] == "missing-number" and "unit" in finding["message"]


def test_cli_text_notes_and_batch_previous(tmp_path, capsys):
    this_year = _write(tmp_path, "2018.txt", CLEAN_2018)
    last_year = _write(tmp_path, "2017.txt", PREVIOUS)
    status = main(["check", this_year, last_year, "--format", "text"])
    out = capsys.readouterr().out
    assert status == 3 and "copied-report" in out and "依据" in out
    capsys.readouterr()
    rewritten = _write(tmp_path, "2018b.txt", CLEAN_2018.replace("明确专人负责。", REWRITE))
    assert main(["check", rewritten, "--previous", last_year, "--format", "text"]) == 0
    assert "未发现问题" in capsys.readouterr().out


def test_corpus_copied_pair():
    import reportparse
    from conftest import CORPUS

    previous = reportparse.parse(CORPUS / "checks_jiedao_2017.txt")
    report = reportparse.parse(CORPUS / "checks_jiedao_2018.txt")
    assert report.findings == []
    codes = [f.code for f in check(report, previous=previous)]
    assert codes == ["copied-report"]


@pytest.mark.parametrize("title,signature,level", [
    ("平江县财政局2020年政府信息公开工作年度报告", "平江县财政局", "department"),
    ("2022年南岭乡人民政府政府信息公开工作年度报告", "南岭乡人民政府", "government"),
    # a county government's report signed by its office: the government's deadline
    ("平江县2020年政府信息公开工作年度报告", "平江县人民政府办公室", "government"),
    ("平江县人民政府2020年政府信息公开工作年度报告", "平江县人民政府办公室", "government"),
    # the office's own report
    ("平江县人民政府办公室2020年政府信息公开工作年度报告", "平江县人民政府办公室", "department"),
])
def test_report_level_reads_the_title_first(title, signature, level):
    from reportparse.check.rules_dates import report_level

    text = CLEAN_2018.replace("新开镇人民政府2018年政府信息公开工作年度报告", title) \
        .replace("新开镇人民政府\n2019年2月14日", f"{signature}\n2019年2月14日")
    assert report_level(parse_text(text)) == level
