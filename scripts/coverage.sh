#!/usr/bin/env bash
# Line coverage of the Raft core (src/raft/ only), measured with cargo-llvm-cov
# (cargo-tarpaulin as a fallback). Not part of scripts/test.sh: it rebuilds
# everything instrumented, which takes a few minutes.
#
#   bash scripts/coverage.sh            # the core's own suites: tests/raft_paper_*.rs, tests/raft_scenarios_*.rs
#   bash scripts/coverage.sh --all      # every test of the crate (unit tests, sim tests too)
#
# Installs what is missing (llvm-tools-preview, cargo-llvm-cov), prints the
# per-file table for src/raft/ and ends with one line:
#   raft_line_coverage=NN.N%
# A failing test is reported but does not stop the measurement.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

scope=()
for f in tests/raft_paper_*.rs tests/raft_scenarios_*.rs; do
  scope+=(--test "$(basename "$f" .rs)")
done
if [[ "${1:-}" == "--all" ]]; then
  scope=(--workspace)
elif [[ -n "${1:-}" ]]; then
  die "unknown argument '$1' (use --all or nothing)"
fi

# Every file that is not under src/raft/ (llvm-cov only takes an ignore regex,
# without look-ahead: so "src/ followed by anything but raft/"), and tests/.
IGNORE='(/src/([^r]|r[^a]|ra[^f]|raf[^t]|raft[^/])|/tests/|/\.cargo/|/rustc/)'

ensure_llvm_cov() {
  if ! rustup component list --installed 2>/dev/null | grep -q '^llvm-tools'; then
    say "installing rust component llvm-tools-preview"
    rustup component add llvm-tools-preview || return 1
  fi
  if ! cargo llvm-cov --version >/dev/null 2>&1; then
    say "installing cargo-llvm-cov (~1-2 minutes)"
    cargo install cargo-llvm-cov --locked || return 1
  fi
  note "$(cargo llvm-cov --version)"
}

# Prints the src/raft/ table and the total line coverage from llvm-cov's text
# summary (columns: Filename Regions Missed Cover Functions Missed Executed
# Lines Missed Cover ...).
with_llvm_cov() {
  say "cargo llvm-cov ${scope[*]} (instrumented build)"
  cargo llvm-cov "${scope[@]}" --ignore-run-fail \
    --ignore-filename-regex "$IGNORE" --summary-only >"$out" 2>"$err" || {
    cat "$err" >&2
    return 1
  }
  grep -E '^(test result|failures:|    [a-z0-9_]+$)' "$err" || true
  awk '
    /^Filename/ { on = 1; print; next }
    on && /^-+$/ { print; next }
    on && NF >= 10 {
      print
      if ($1 == "TOTAL") { lines = $8; missed = $9 }
    }
    END {
      if (lines == "") { print "no TOTAL line in the llvm-cov summary" > "/dev/stderr"; exit 1 }
      pct = (lines > 0) ? 100 * (lines - missed) / lines : 0
      printf "raft_line_coverage=%.1f%%\n", pct
    }
  ' "$out"
}

with_tarpaulin() {
  if ! cargo tarpaulin --version >/dev/null 2>&1; then
    say "installing cargo-tarpaulin"
    cargo install cargo-tarpaulin --locked
  fi
  local t=()
  [[ "${scope[0]}" == "--test" ]] && t=("${scope[@]}")
  say "cargo tarpaulin ${t[*]}"
  cargo tarpaulin "${t[@]}" --include-files 'src/raft/*' --out Stdout --no-fail-fast >"$out" 2>&1 || true
  grep -E '^\|\| ' "$out" || true
  local pct
  pct="$(grep -Eo '^[0-9.]+% coverage' "$out" | tail -n 1 | cut -d% -f1)"
  [[ -n "$pct" ]] || { tail -n 30 "$out" >&2; die "tarpaulin printed no coverage figure"; }
  printf 'raft_line_coverage=%.1f%%\n' "$pct"
}

out="$(mktemp)"
err="$(mktemp)"
trap 'rm -f "$out" "$err"' EXIT

if ensure_llvm_cov; then
  with_llvm_cov
else
  note "cargo-llvm-cov unavailable; falling back to cargo-tarpaulin"
  with_tarpaulin
fi
