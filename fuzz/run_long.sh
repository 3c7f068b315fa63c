#!/usr/bin/env bash
# Long fuzz run of one container for SECONDS of wall time; restarts after a crash or timeout (the
# artifact is kept in OUTDIR/artifacts) until the time is up. Appends one line per round to
# OUTDIR/CONTAINER.summary (inputs executed, peak RSS, exit status).
#   fuzz/run_long.sh CONTAINER SECONDS OUTDIR        (MAX_LEN=4096 by default)
# libFuzzer's own limits: 10 s per input (-timeout), 1 GiB RSS (-rss_limit_mb).
set -uo pipefail
container=$1; seconds=$2; out=$3
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out/corpus-$container" "$out/artifacts"
total=0; round=0; start=$(date +%s)
while :; do
  left=$(( seconds - ($(date +%s) - start) ))
  [ "$left" -le 5 ] && break
  round=$((round + 1))
  log="$out/$container.$round.log"
  python "$here/fuzz_parse.py" --container="$container" -max_total_time="$left" -timeout=10 \
    -rss_limit_mb=1024 -max_len="${MAX_LEN:-4096}" -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$container-" "$out/corpus-$container" "$here/seeds/$container" > "$log" 2>&1
  rc=$?
  n=$(grep -a "stat::number_of_executed_units" "$log" | awk '{print $2}')
  rss=$(grep -a "stat::peak_rss_mb" "$log" | awk '{print $2}')
  total=$((total + ${n:-0}))
  echo "round $round rc=$rc executed=${n:-0} peak_rss_mb=${rss:-?} total=$total elapsed=$(( $(date +%s) - start ))s" \
    >> "$out/$container.summary"
done
echo "finished $container: $total inputs in $(( $(date +%s) - start ))s" >> "$out/$container.summary"
