# shellcheck shell=bash
# Shared by scripts/serve.sh and scripts/test.sh: locate the repo, install
# only what is missing, build the site. Source it; it does nothing by itself.
#
# Every install step first checks whether the tool is already there at the
# right version, so a second run skips all of them.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BROWSER_DIR="$REPO/tests/browser"
TOOLS_DIR="$REPO/tools"          # gitignored: local tool shims
DIST_DIR="$REPO/dist"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"

TRUNK_VERSION="0.21.14"          # trunk 0.22 needs a newer rustc than ours
WASM_TARGET="wasm32-unknown-unknown"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

export PATH="$TOOLS_DIR/bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_PROGRESS_WHEN=never
export DEBIAN_FRONTEND=noninteractive
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

say() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
  printf '\nERROR: %s\n' "$*" >&2
  exit 1
}

# run_stage NAME CMD...: run one step, time it, stop everything on failure.
run_stage() {
  local name="$1"
  shift
  say "$name"
  local start=$SECONDS status=0
  "$@" || status=$?
  if ((status != 0)); then
    printf '\nFAILED: %s (exit %d): %s\n' "$name" "$status" "$*" >&2
    exit "$status"
  fi
  note "ok: $name ($((SECONDS - start))s)"
}

need_cmd() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed. $2"
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# The exact wasm-bindgen version pinned in Cargo.lock.
lockfile_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = "wasm-bindgen"$/ { name = "wasm-bindgen" }
    name == "wasm-bindgen" && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$REPO/Cargo.lock"
}

ensure_rust() {
  need_cmd cargo "Install Rust with rustup (https://rustup.rs)."
  need_cmd rustup "Install Rust with rustup (https://rustup.rs)."
  if rustup target list --installed | grep -qx "$WASM_TARGET"; then
    note "rust target $WASM_TARGET: present"
  else
    say "installing rust target $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
}

ensure_rust_components() {
  local c missing=()
  for c in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then missing+=("$c"); fi
  done
  if ((${#missing[@]})); then
    say "installing rust components: ${missing[*]}"
    rustup component add "${missing[@]}"
  else
    note "rust components rustfmt, clippy: present"
  fi
}

ensure_trunk() {
  local have=""
  have="$(trunk --version 2>/dev/null | awk '{print $2}')" || true
  if [[ "$have" == "$TRUNK_VERSION" ]]; then
    note "trunk $TRUNK_VERSION: present"
  else
    say "installing trunk $TRUNK_VERSION (found: ${have:-none}); this takes ~7 minutes on 2 cores"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want have=""
  want="$(lockfile_wasm_bindgen_version)"
  [[ -n "$want" ]] || die "no wasm-bindgen entry in Cargo.lock"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
  if [[ "$have" == "$want" ]]; then
    note "wasm-bindgen $want (= Cargo.lock): present"
  else
    # Without --locked on purpose: with it, this version fails to resolve a
    # dependency the registry no longer carries.
    say "installing wasm-bindgen-cli $want to match Cargo.lock (found: ${have:-none}); ~3.5 minutes"
    cargo install wasm-bindgen-cli --version "=$want"
  fi
}

# npm packages of tests/browser (playwright-core, and binaryen for wasm-opt),
# exactly as package-lock.json pins them. Re-run `npm ci` only when the lock
# file changed since the last install.
ensure_node_modules() {
  need_cmd node "Install Node.js 20 or newer."
  need_cmd npm "Install npm (comes with Node.js)."
  local stamp="$BROWSER_DIR/node_modules/.raftlab-lock.sha256" want
  want="$(sha256sum "$BROWSER_DIR/package-lock.json" | awk '{print $1}')"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    note "npm packages (tests/browser): present"
  else
    say "installing npm packages in tests/browser (npm ci)"
    (cd "$BROWSER_DIR" && npm ci --no-audit --no-fund --loglevel=error)
    printf '%s\n' "$want" >"$stamp"
  fi
  # Only wasm-opt goes on PATH (trunk looks it up there), not every npm bin.
  mkdir -p "$TOOLS_DIR/bin"
  ln -sfn "$BROWSER_DIR/node_modules/binaryen/bin/wasm-opt" "$TOOLS_DIR/bin/wasm-opt"
  wasm-opt --version >/dev/null 2>&1 || die "wasm-opt from npm binaryen does not run"
  note "wasm-opt: $(wasm-opt --version) (npm binaryen)"
}

# Debian's Chromium for the browser suite, plus a small CJK font so the
# Chinese UI text renders (and screenshots are legible) on a bare machine.
ensure_chromium() {
  local missing=()
  if [[ -x "$CHROMIUM" ]]; then
    note "chromium: present ($CHROMIUM)"
  else
    missing+=(chromium)
  fi
  if command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list :lang=zh 2>/dev/null)" ]]; then
    note "CJK font: present"
  else
    missing+=(fonts-wqy-microhei)
  fi
  if ((${#missing[@]})); then
    say "installing Debian packages: ${missing[*]} (apt-get)"
    as_root apt-get update -qq
    as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    [[ -x "$CHROMIUM" ]] || die "chromium installed but $CHROMIUM is missing"
  fi
}

# A command that Debian packages under the same name, installed with apt-get
# when missing: ensure_deb_cmd NAME.
ensure_deb_cmd() {
  if command -v "$1" >/dev/null 2>&1; then
    note "$1: present"
  else
    say "installing Debian package: $1 (apt-get)"
    as_root apt-get update -qq
    as_root apt-get install -y -qq "$1" >/dev/null
    need_cmd "$1" "apt-get install $1"
  fi
}

# zopfli writes the site's precompressed .gz files (tests/browser/lib/precompress.js):
# ordinary gzip, ~6 % smaller than zlib -9.
ensure_zopfli() { ensure_deb_cmd zopfli; }

# esbuild minifies the wasm-bindgen JS glue (scripts/minify-glue.mjs): trunk's
# own JS minifier cannot parse it and ships it as is.
ensure_esbuild() { ensure_deb_cmd esbuild; }

ensure_build_tools() {
  ensure_rust
  ensure_trunk
  ensure_wasm_bindgen
  ensure_node_modules
  ensure_zopfli
  ensure_esbuild
}

# Release build into dist/, with wasm-opt -Oz (trunk runs the wasm-opt on
# PATH before it computes the SRI hashes, so integrity attributes stay valid).
build_site() {
  local marker="$TARGET_DIR/wasm-opt/release/raftlab_bg.wasm" stamp
  stamp="$(mktemp)"
  trunk build --release --offline
  # trunk skips wasm-opt silently when the attribute is off; make that loud.
  if [[ ! "$marker" -nt "$stamp" ]]; then
    rm -f "$stamp"
    echo "wasm-opt did not run on the release build ($marker not refreshed)" >&2
    return 1
  fi
  rm -f "$stamp"
  local wasm
  wasm="$(find "$DIST_DIR" -maxdepth 1 -name '*.wasm' | head -n 1)"
  note "wasm: $(stat -c %s "$wasm") bytes after wasm-opt ($(stat -c %s "$TARGET_DIR/wasm-bindgen/release/raftlab_bg.wasm") before)"
  # trunk's JS minifier fails on the glue (and says so in a WARN line).
  note "minified: $(node "$REPO/scripts/minify-glue.mjs" "$DIST_DIR")"
  # One stylesheet instead of nine: they compress better together.
  note "stylesheets: $(node "$REPO/scripts/bundle-css.mjs" "$DIST_DIR")"
  # A .br and a .gz next to every file; tests/browser/lib/server.js sends
  # them to browsers that accept them.
  note "precompressed: $(node "$BROWSER_DIR/lib/precompress.js" "$DIST_DIR")"
}

# Bytes the browser downloads: the wasm, JS, CSS and HTML of dist/ as the
# server sends them, i.e. the precompressed .gz and .br files build_site
# writes (the same figures it prints; the 0.5 KB favicon is not counted, and
# dist-single/ is not part of the site). Without them, gzip -9 on the fly.
site_gzip_size() {
  local gz=0 br=0 f n
  while IFS= read -r -d '' f; do
    if [[ -f "$f.gz" && -f "$f.br" ]]; then
      gz=$((gz + $(stat -c %s "$f.gz")))
      br=$((br + $(stat -c %s "$f.br")))
    else
      n="$(gzip -9 -c "$f" | wc -c)"
      gz=$((gz + n))
    fi
  done < <(find "$DIST_DIR" -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) -print0)
  ((gz > 0)) || { echo "dist/ has no site files" >&2; return 1; }
  awk -v g="$gz" -v b="$br" 'BEGIN { printf "site_gzip_bytes=%d (%.1f KiB) site_brotli_bytes=%d (%.1f KiB)\n", g, g / 1024, b, b / 1024 }'
}
