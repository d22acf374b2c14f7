#!/usr/bin/env bash
# Shows that every safety checker is guarded by a test: in a copy of the tree,
# each checker function in turn is made to report nothing (its body replaced
# by `None`, `()` or "linearizable"), and `cargo test` must then fail. A
# mutant whose tests still pass "survived": that function is not proven by
# any test to fire.
#
#   bash scripts/mutate-checkers.sh            # every mutant, then a summary
#   bash scripts/mutate-checkers.sh NAME...    # only mutants whose name contains NAME
#
# Prints one line per mutant (killed/survived, and the first failing test)
# and a summary; exits 1 if any mutant survived or failed to build. Not part
# of scripts/test.sh: each mutant rebuilds the crate and its test binaries
# (about a minute each on two cores). The copy and its build cache live in
# target/mutants/ of this checkout, so a second run is faster.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

# file (under src/sim/check/) | function | body that reports nothing
MUTANTS=(
  "election_safety.rs|observe|None"
  "leader_append_only.rs|check|None"
  "log_matching.rs|check|None"
  "log_matching.rs|truncated|"
  "leader_completeness.rs|check|None"
  "state_machine_safety.rs|observe|None"
  "state_machine_safety.rs|check_states|None"
  "state_machine_safety.rs|snapshot|None"
  "leader_completeness.rs|applied|"
  "leader_completeness.rs|holds|true"
  "linearizability/mod.rs|observe|"
  "linearizability/mod.rs|check|None"
  "linearizability/mod.rs|check_key|Verdict::Linearizable"
  "linearizability/search.rs|run|Verdict::Linearizable"
  "mod.rs|observe|"
  "mod.rs|check|"
  "mod.rs|check_servers|"
  "mod.rs|check_client|"
  "mod.rs|push|"
)

base="$REPO/target/mutants"
tree="$base/tree"
export CARGO_TARGET_DIR="$base/target"
mkdir -p "$base"

# A fresh copy of the working tree (tracked and untracked-but-not-ignored
# files, as they are now).
copy_tree() {
  rm -rf "$tree" "$base/pristine"
  mkdir -p "$tree"
  git ls-files -z --cached --others --exclude-standard |
    xargs -0 -I{} sh -c 'test -f "{}" && printf "%s\0" "{}"' |
    tar --null -T - -cf - | tar -xf - -C "$tree"
  # Each mutant starts from these, not from the checkout (which may change
  # while the script runs).
  cp -r "$tree/src/sim/check" "$base/pristine"
}

# stub FILE FN BODY: replaces the body of the first `fn FN(` in FILE.
stub() {
  FN="$2" BODY="$3" perl -0777 -i -pe '
    my $fn = $ENV{FN};
    my $body = $ENV{BODY};
    my $at = index($_, "fn $fn(");
    die "no fn $fn\n" if $at < 0;
    my $open = index($_, "{", $at);
    my ($depth, $i) = (0, $open);
    for (; $i < length($_); $i++) {
      my $c = substr($_, $i, 1);
      $depth++ if $c eq "{";
      $depth-- if $c eq "}";
      last if $depth == 0;
    }
    substr($_, $open, $i - $open + 1) = "{ $body }";
  ' "$1"
}

# The first failing test in a cargo test log, or the failing binary.
first_failure() {
  local t
  t="$(grep -m1 -oE '^---- [^ ]+' "$1" | cut -c6- || true)"
  [[ -n "$t" ]] || t="$(grep -m1 -oE 'test failed, to rerun pass `[^`]+`' "$1" | sed 's/.*`\(.*\)`/\1/' || true)"
  printf '%s' "${t:-?}"
}

say "copying the tree to $tree"
copy_tree
cd "$tree"
say "baseline: cargo test on the unchanged copy"
cargo test --quiet >"$base/baseline.log" 2>&1 || {
  tail -n 30 "$base/baseline.log" >&2
  die "the unchanged tree fails its tests; fix that first"
}

killed=0 survived=0 broken=0
for m in "${MUTANTS[@]}"; do
  IFS='|' read -r file fn body <<<"$m"
  name="${file%.rs}::$fn"
  if (($#)); then
    match=0
    for want in "$@"; do [[ "$name" == *"$want"* ]] && match=1; done
    ((match)) || continue
  fi
  path="src/sim/check/$file"
  cp "$base/pristine/$file" "$path"
  stub "$path" "$fn" "$body"
  log="$base/${name//[:\/]/_}.log"
  if ! cargo test --quiet --no-run >"$log" 2>&1; then
    printf 'broken    %-40s (does not build: %s)\n' "$name" "$log"
    broken=$((broken + 1))
  elif cargo test --quiet >>"$log" 2>&1; then
    printf 'SURVIVED  %-40s (every test passes with it reporting nothing)\n' "$name"
    survived=$((survived + 1))
  else
    printf 'killed    %-40s by %s\n' "$name" "$(first_failure "$log")"
    killed=$((killed + 1))
  fi
  cp "$base/pristine/$file" "$path"
done

total=$((killed + survived + broken))
echo "mutants: $total, killed: $killed, survived: $survived, broken: $broken"
((total > 0)) || die "no mutant matched"
((survived == 0 && broken == 0))
