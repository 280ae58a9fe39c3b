#!/usr/bin/env python3
"""Echoes `swift test` output and ends it with one plain line: `N passed, N failed`.

`swift test` prints XCTest's summary and then Swift Testing's, whose last line reads
"Test run with 0 tests" when every test is XCTest; this script counts both kinds so the
final line is the truth. Extra checks (lint, portability) can be added with
`--extra passed:failed`. Exits 1 when anything failed or no test ran.
"""
import re
import sys

passed_extra = failed_extra = 0
for argument in sys.argv[1:]:
    if argument.startswith("--extra="):
        p, f = argument.split("=", 1)[1].split(":")
        passed_extra += int(p)
        failed_extra += int(f)

testing_total = testing_failed = 0
xctest_total = xctest_failed = 0
failed_names = set()
build_failed = False
for line in sys.stdin:
    sys.stdout.write(line)
    sys.stdout.flush()
    m = re.search(r"Test run with (\d+) tests? (?:in \d+ suites? )?(passed|failed)", line)
    if m:
        testing_total = int(m.group(1))
    m = re.search(r"✘ Test (.+?) (?:failed|recorded an issue)", line)
    if m:
        failed_names.add(m.group(1))
    m = re.search(r"Executed (\d+) tests?, with (\d+) failures?", line)
    if m:
        xctest_total = max(xctest_total, int(m.group(1)))
        xctest_failed = max(xctest_failed, int(m.group(2)))
    if re.search(r"error: fatalError|error: emit-module|: error: |Fatal error", line):
        build_failed = True

testing_failed = len(failed_names)
passed = testing_total - testing_failed + xctest_total - xctest_failed + passed_extra
failed = testing_failed + xctest_failed + failed_extra
if build_failed and failed == 0:
    failed = 1
if testing_total + xctest_total == 0:
    failed = max(failed, 1)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
