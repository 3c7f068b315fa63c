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
        "unit": "份",
        "no_suffix": "（无扩展名）",
        "done": "完成：共 {total} 份，成功 {ok} 份，失败 {failed} 份，用时 {seconds:.1f} 秒",
        "outputs": "输出：{out}（打开 index.html 查看看板；失败原因见 errors.csv）",
        "skipped": "另有 {count} 个文件不是报告格式，未处理（{kinds}），清单见 rollup.json 的 skipped_files",
        "crashed": "解析进程意外退出",
        "help_memory": "每个文件解析时可用的内存上限（MB，默认 1024；0 不限）",
        "epilog": "退出码：0 全部解析成功；1 有文件解析失败（见 errors.csv）或汇总文件无法写出；"
                  "2 用法错误（不创建任何文件）；130 被 Ctrl-C 中断（已完成的部分照样写出，再次运行即可继续）。",
        "sep": "：",
        "missing_input": "找不到文件夹或文件：{path}",
        "out_is_input": "--out {out} 是一个输入文件，不能作为输出文件夹",
        "locked": "另一个批量任务正在写入输出文件夹 {out}，请等它结束或换一个 --out",
        "jobs_range": "--jobs 须是 1 到 256 之间的整数",
        "memory_range": "--memory-mb 须是 0（不限）或 64 到 1048576 之间的整数",
        "write_failed": "无法写入输出文件夹 {out}（{why}），汇总文件未写完；已解析的报告保留，可再次运行",
        "interrupted_written": "已中断：完成 {done}/{total} 份，已为完成的部分写出汇总和看板；再次运行同一命令即可继续",
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
        "unit": "file",
        "no_suffix": "(no extension)",
        "done": "done: {total} reports, {ok} parsed, {failed} failed, {seconds:.1f} s",
        "outputs": "outputs: {out} (open index.html for the dashboard; reasons for failures in errors.csv)",
        "skipped": "{count} other files are not in a report format and were left out ({kinds}); "
                   "listed under skipped_files in rollup.json",
        "crashed": "the parsing process died",
        "help_memory": "memory cap per file being parsed, in MB (default 1024; 0: no cap)",
        "epilog": "exit status: 0 every input parsed; 1 an input failed (see errors.csv) or the county files "
                  "could not be written; 2 usage error (nothing is created); 130 interrupted (what finished "
                  "is written; run again to go on).",
        "sep": ": ",
        "missing_input": "no such folder or file: {path}",
        "out_is_input": "--out {out} is an input file, not an output folder",
        "locked": "another batch is writing to the output folder {out}; wait for it or choose another --out",
        "jobs_range": "--jobs must be a whole number from 1 to 256",
        "memory_range": "--memory-mb must be 0 (no cap) or a whole number from 64 to 1048576",
        "write_failed": "cannot write to the output folder {out} ({why}); the county files are incomplete; "
                        "parsed reports are kept, run again",
        "interrupted_written": "interrupted after {done} of {total}; the summary and dashboard were written "
                               "for what finished; run the same command again to go on",
        "interrupted": "interrupted after {done} of {total}; finished files are kept, "
                       "run the same command again to go on",
    },
}


def messages(lang: str) -> dict[str, str]:
    return MESSAGES.get(lang, MESSAGES["zh"])
