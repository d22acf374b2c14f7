#!/usr/bin/env bash
# One self-contained HTML file for a classroom: dist-single/raftlab.html, with
# the CSS, JavaScript and wasm of the release site inlined. It opens from
# file:// (double-click) with no server and no network.
#
#   bash scripts/build-single.sh          # after the site build (test.sh does both)
#
# Builds the site first when dist/ has none.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

if [[ ! -f "$DIST_DIR/index.html" ]]; then
  say "no site in dist/: building it first"
  ensure_build_tools
  build_site
fi
node "$REPO/scripts/build-single.mjs" "$DIST_DIR" "$REPO/dist-single/raftlab.html"
