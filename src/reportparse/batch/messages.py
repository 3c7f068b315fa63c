"""The batch command's messages, in Chinese (default) and English (``--lang en``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "zh": {
        "description": "批量解析政府信息公开工作年度报告：一个文件夹进，汇总表、看板和问题清单出。",
        "positionals": "输入",
        "optionals": "选项",
        "help_help": "显示本帮助并退出",
        "help_inputs": "报告文件或文件夹（递归查找 txt/md/html/docx/pdf）",
        "help_out": "输出文件夹",
        "help_jobs": "并行进程数（默认：全部 CPU 核）",
        "help_force": "重新解析全部文件，即使输出已是最新",
        "help_max_mb": "超过此大小（MB）的文件不解析（默认 20）",
        "help_timeout": "单个文件解析超过此秒数即放弃并记入 errors.csv（默认 120；0 不限）",
        "help_lang": "提示语言：zh 中文（默认）或 en 英文",
        "help_quiet": "不显示进度",
        "no_inputs": "没有找到报告文件：{args}",
        "start": "共 {total} 份报告，需解析 {todo} 份（{cached} 份未变更，跳过），使用 {jobs} 个进程",
        "ok": "成功",
        "failed": "失败",
        "cached": "未变更",
        "progress": "解析",
        "done": "完成：共 {total} 份，成功 {ok} 份，失败 {failed} 份，用时 {seconds:.1f} 秒",
        "outputs": "输出：{out}（打开 index.html 查看看板；失败原因见 errors.csv）",
        "skipped": "另有 {count} 个文件不是报告格式，未处理（{kinds}），清单见 rollup.json 的 skipped_files",
        "crashed": "解析进程意外退出",
        "interrupted": "已中断：完成 {done}/{total} 份，已完成的不会丢失，再次运行同一命令即可继续",
    },
    "en": {
        "description": "Parse a folder of information-disclosure annual reports into one spreadsheet, "
                       "a dashboard and the list of findings.",
        "positionals": "inputs",
        "optionals": "options",
        "help_help": "show this help and exit",
        "help_inputs": "report files or folders (searched recursively for txt/md/html/docx/pdf)",
        "help_out": "output folder",
        "help_jobs": "worker processes (default: all cores)",
        "help_force": "parse every file again even when its output is current",
        "help_max_mb": "refuse files larger than this many MB (default 20)",
        "help_timeout": "give up on a file after this many seconds and list it in errors.csv "
                        "(default 120; 0: no limit)",
        "help_lang": "message language: zh (default) or en",
        "help_quiet": "no progress output",
        "no_inputs": "no report files found in: {args}",
        "start": "{total} reports, {todo} to parse ({cached} unchanged, skipped), {jobs} processes",
        "ok": "ok",
        "failed": "failed",
        "cached": "unchanged",
        "progress": "parsing",
        "done": "done: {total} reports, {ok} parsed, {failed} failed, {seconds:.1f} s",
        "outputs": "outputs: {out} (open index.html for the dashboard; reasons for failures in errors.csv)",
        "skipped": "{count} other files are not in a report format and were left out ({kinds}); "
                   "listed under skipped_files in rollup.json",
        "crashed": "the parsing process died",
        "interrupted": "interrupted after {done} of {total}; finished files are kept, "
                       "run the same command again to go on",
    },
}


def messages(lang: str) -> dict[str, str]:
    return MESSAGES.get(lang, MESSAGES["zh"])
