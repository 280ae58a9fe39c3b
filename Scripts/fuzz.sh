#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for SECONDS (default 60) from its seed
# corpus in Tests/Fuzz/TARGET. New inputs go to .build-fuzz/corpus/TARGET, not the committed
# seeds. Prints one line per target with its executions, then "N passed, N failed".
# A crash leaves its input in .build-fuzz/crash-* : turn it into a unit test.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
targets=(fuzz-dataset fuzz-acled fuzz-ucdp fuzz-query fuzz-keys fuzz-sanitiser fuzz-json)
work=.build-fuzz
mkdir -p "$work"
if ! swift build --package-path Fuzz --scratch-path "$work/build" -c release \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 | tail -n 3; then
  echo "0 passed, ${#targets[@]} failed"
  exit 1
fi
passed=0
failed=0
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  log="$work/$target.log"
  rm -f "$work/crash-$target-"*
  # Swift's own crash backtracer reads freed memory and so hides the real failure behind
  # an AddressSanitizer report; libFuzzer's report is enough.
  SWIFT_BACKTRACE=enable=no "$work/build/release/$target" "$corpus" "Tests/Fuzz/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$work/crash-$target-" -print_final_stats=1 >"$log" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok $target: ${runs:-0} executions in ${seconds} s"
  else
    failed=$((failed + 1))
    echo "FAILED $target (status $status): see $log"
    grep -E 'ERROR|Fatal error|runtime failure|Test unit written' "$log" | head -n 5
    # The input itself, so that a CI log is enough to make it a unit test.
    for crash in "$work/crash-$target-"*; do
      [ -f "$crash" ] || continue
      echo "input $crash (bytes):"
      od -An -tu1 -v "$crash" | tr -s ' \n' ' ' | fold -w 100 -s
      echo
    done
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
