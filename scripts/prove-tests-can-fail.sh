#!/usr/bin/env bash
# Proves that a failing test fails `pnpm test`: drops a deliberately failing test into the first
# package the run visits and into the api (whose embedded PostgreSQL once swallowed exit codes),
# runs the README's test command on just those files, and expects a non-zero exit with both
# failures reported (so an early failure does not stop the later packages either).
set -uo pipefail
cd "$(dirname "$0")/.."

marker=zz-must-fail
files=(packages/business-time/src/$marker.test.ts api/src/$marker.spec.ts)
trap 'rm -f "${files[@]}"' EXIT
for file in "${files[@]}"; do
  printf "import { expect, it } from 'vitest';\n\nit('fails on purpose', () => {\n  expect(1 + 1).toBe(3);\n});\n" >"$file"
done

output=$(NO_COLOR=1 pnpm test "$marker" --passWithNoTests 2>&1 | sed "s/\x1b\[[0-9;]*m//g")
status=$?
failed_files=$(grep -c "FAIL .*$marker.*fails on purpose" <<<"$output")
if [[ $status -eq 0 ]]; then
  echo "$output" | tail -40
  echo "FAIL: pnpm test exited 0 with failing tests"
  exit 1
fi
if [[ $failed_files -lt ${#files[@]} ]]; then
  echo "$output" | tail -40
  echo "FAIL: only $failed_files of ${#files[@]} failing test files were reported: a failure stopped the run early"
  exit 1
fi
echo "ok: pnpm test exited $status and reported all ${#files[@]} deliberately failing test files"
