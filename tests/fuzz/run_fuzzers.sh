#!/usr/bin/env bash
# Runs every libFuzzer target of a KITH_FUZZ build for SECONDS each, two at a time, on its
# working corpus (build/tests/fuzz/corpus/NAME, seeded from tests/fuzz/seeds/NAME). Crashing
# inputs land in build/tests/fuzz/findings/. Prints executions and findings per target and in
# total; exits 1 when any target found something.
#   bash tests/fuzz/run_fuzzers.sh BUILD_DIR [SECONDS] [TARGET...]
set -uo pipefail

build=${1:?usage: run_fuzzers.sh BUILD_DIR [SECONDS] [TARGET...]}
secs=${2:-4}
shift 2 2>/dev/null || shift $#
dir="$build/tests/fuzz"
mkdir -p "$dir/findings" "$dir/logs"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for exe in "$dir"/kith_fuzz_*; do targets+=("${exe##*/kith_fuzz_}"); done
fi

run_one() {
  local name=$1
  # -timeout: one input taking longer is a finding (hangs count); -rss_limit_mb: so does
  # unbounded memory. The sanitizers' reports end the run (KITH_FUZZ builds abort on any).
  "$dir/kith_fuzz_$name" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$dir/findings/$name-" "$dir/corpus/$name" \
    >"$dir/logs/$name.log" 2>&1
  echo $? >"$dir/logs/$name.rc"
}

running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ $running -ge 2 ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

total=0
failed=0
for t in "${targets[@]}"; do
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/logs/$t.log" | grep -o '[0-9]*$')
  execs=${execs:-0}
  total=$((total + execs))
  rc=$(cat "$dir/logs/$t.rc")
  if [ "$rc" -ne 0 ]; then
    failed=$((failed + 1))
    printf 'FUZZ %-16s %9s execs  FINDING (exit %s), log %s:\n' "$t" "$execs" "$rc" "$dir/logs/$t.log"
    grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$dir/logs/$t.log" | head -5
  else
    printf 'FUZZ %-16s %9s execs  ok\n' "$t" "$execs"
  fi
done
printf 'FUZZ total: %s targets, %s executions, %s with findings\n' "${#targets[@]}" "$total" "$failed"
[ "$failed" -eq 0 ]
