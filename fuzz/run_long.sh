#!/usr/bin/env bash
# Long fuzz run of one container: restarts after a crash (the artifact is kept) until RUNS inputs are done.
#   fuzz/run_long.sh CONTAINER RUNS OUTDIR
# Uses the python on PATH; libFuzzer's own limits: 10 s per input, 1 GiB RSS.
set -uo pipefail
container=$1; runs=$2; out=$3
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out/corpus-$container" "$out/artifacts"
done_runs=0; round=0
start=$(date +%s)
while [ "$done_runs" -lt "$runs" ]; do
  round=$((round + 1))
  log="$out/$container.$round.log"
  python "$here/fuzz_parse.py" --container="$container" -runs=$((runs - done_runs)) -timeout=10 \
    -rss_limit_mb=1024 -max_len=${MAX_LEN:-16384} -print_final_stats=1 -artifact_prefix="$out/artifacts/$container-" \
    "$out/corpus-$container" "$here/seeds/$container" > "$log" 2>&1
  rc=$?
  n=$(grep -a "stat::number_of_executed_units" "$log" | awk '{print $2}')
  if [ -z "$n" ]; then n=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#'); fi
  done_runs=$((done_runs + ${n:-0}))
  echo "round $round rc=$rc executed=${n:-0} total=$done_runs elapsed=$(( $(date +%s) - start ))s" >> "$out/$container.summary"
  if [ "$rc" -ne 0 ] && [ "${n:-0}" -eq 0 ]; then sleep 1; fi
done
echo "finished $container: $done_runs inputs in $(( $(date +%s) - start ))s" >> "$out/$container.summary"
