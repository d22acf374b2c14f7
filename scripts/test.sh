#!/usr/bin/env bash
# Every check raftlab has, in order, stopping at the first failure:
#   format, clippy (native and wasm32), cargo test, release build with
#   wasm-opt (and precompressed .br/.gz), the gzipped site size, the
#   single-file classroom build, and the browser suite (Debian's
#   Chromium driven by playwright-core, node's test runner).
#
#   bash scripts/test.sh
#
# Installs only what is missing, so a second run goes straight to the checks.
# Needs no terminal: this is what .ci/run runs with CI=true.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

started=$SECONDS
say "checking tools"
ensure_build_tools
ensure_rust_components
ensure_chromium

run_stage "cargo fmt --check" cargo fmt --all -- --check
run_stage "cargo clippy (native)" cargo clippy --all-targets -- -D warnings
run_stage "cargo clippy (wasm32)" cargo clippy --target "$WASM_TARGET" --lib --bins -- -D warnings
run_stage "cargo test" cargo test
run_stage "trunk build --release --offline (with wasm-opt)" build_site
run_stage "gzipped site size" site_gzip_size
run_stage "single-file build (dist-single/raftlab.html)" node "$REPO/scripts/build-single.mjs" "$DIST_DIR" "$REPO/dist-single/raftlab.html"

browser_suite() {
  local tests=()
  local f
  for f in "$BROWSER_DIR"/*.test.js; do
    [[ -e "$f" ]] && tests+=("$(basename "$f")")
  done
  ((${#tests[@]})) || { echo "no browser tests in $BROWSER_DIR" >&2; return 1; }
  (cd "$BROWSER_DIR" && node --test "${tests[@]}")
}
# Runs that break safety, one per unsafe switch, for the show-cause test
# (made by the current core, so they always match it).
run_stage "cause links for the browser suite" \
  cargo run --quiet --example cause_links -- "$BROWSER_DIR/generated/cause-links.json"
run_stage "browser suite (node --test, headless chromium)" browser_suite

say "all checks passed in $((SECONDS - started))s"
