#!/usr/bin/env bash
# Build raftlab (release, wasm-opt -Oz) and serve it on http://127.0.0.1:$PORT/.
#
#   bash scripts/serve.sh            # port 8080
#   PORT=9000 bash scripts/serve.sh
#
# Installs only what is missing (wasm32 target, trunk, wasm-bindgen-cli at
# the Cargo.lock version, npm binaryen for wasm-opt), so later runs go
# straight to the build. dist/ is served by tests/browser/lib/server.js, the
# same loopback server the browser tests use. Ctrl-C stops it.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

PORT="${PORT:-8080}"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$PORT'"

say "checking tools"
ensure_build_tools
run_stage "building the site (trunk build --release --offline)" build_site
site_gzip_size

say "serving dist/ at http://127.0.0.1:$PORT/"
exec node "$BROWSER_DIR/lib/server.js" "$DIST_DIR" "$PORT"
