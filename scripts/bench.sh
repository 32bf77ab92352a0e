#!/usr/bin/env bash
# make bench: times nap's everyday commands on a plan at national-consultation size (built by nap-bench),
# each against the closest thing a user could do with stock git in the same run, and prints a table of
# medians, ratios and peak memory (docs/PERFORMANCE.md explains the figures and how to read them).
#
#   scripts/bench.sh <release bin dir>        (make bench builds nap and nap-bench, then runs this)
#
# Environment:
#   NAP_BENCH_DIR     where the plan and the results go (default .build/bench)
#   NAP_BENCH_SIZE    options for nap-bench, e.g. "--proposals 100 --events 10000 --commits 1000"
#   NAP_BENCH_RUNS    timed runs per command (default 10), NAP_BENCH_WARMUP (default 2)
#   NAP_BENCH_ONLY    a space-separated list of rows to run (e.g. "proposals show comment")
#
# What it does not do: it does not compare with a forge or a network remote (sync goes to a bare
# repository on the same disk), and it does not run commands that exist only on a branch in progress:
# those rows say "n/a (command not available)".
set -euo pipefail

BIN=$(cd "${1:?usage: scripts/bench.sh <release bin dir>}" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NAP="$BIN/nap"
GENERATOR="$BIN/nap-bench"
WORK=${NAP_BENCH_DIR:-$ROOT/.build/bench}
RUNS=${NAP_BENCH_RUNS:-10}
WARMUP=${NAP_BENCH_WARMUP:-2}
SIZE=${NAP_BENCH_SIZE:-}
ONLY=${NAP_BENCH_ONLY:-}
for tool in hyperfine git; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run scripts/install-deps.sh --bench" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing; run scripts/install-deps.sh --bench" >&2; exit 1; }
[ -x "$NAP" ] && [ -x "$GENERATOR" ] || { echo "bench: $NAP or $GENERATOR is missing; run make bench" >&2; exit 1; }
started=$(date +%s)

# An isolated git configuration: no user or system settings, no automatic gc in the middle of a run.
mkdir -p "$WORK/home"
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$WORK/home/.gitconfig" LANG=C.UTF-8 TERM=dumb
git config --global gc.auto 0
git config --global init.defaultBranch main
git config --global advice.detachedHead false

# 1. The plan, built once and reused while the generator and the size are the same.
stamp=$(cat "$ROOT"/Sources/NapBench/*.swift "$GENERATOR" | cksum | cut -d' ' -f1)-$(echo "$SIZE" | tr ' ' '_')
if [ "$(cat "$WORK/data/stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "bench: building the plan (nap-bench $SIZE)" >&2
  rm -rf "$WORK/data"
  # shellcheck disable=SC2086
  "$GENERATOR" --out "$WORK/data" $SIZE >/dev/null
  echo "$stamp" >"$WORK/data/stamp"
fi
# shellcheck disable=SC1091
. "$WORK/data/manifest.env"

# 2. A copy to run on (commands that write are undone between runs by --prepare).
# The pages of an incremental build are keyed per build of nap: a folder left by another build would be
# rebuilt whole in the site-one row.
rm -rf "$WORK/run" "$WORK/site-inc"
mkdir -p "$WORK/run" "$WORK/results"
cp -a "$WORK/data/plan" "$WORK/run/plan"
P="$WORK/run/plan"
rm -rf "$WORK/remote.git" "$WORK/hub.git"
git init -q --bare "$WORK/hub.git"
git -C "$P" push -q --mirror "$WORK/hub.git"
cd "$P"
export GIT_AUTHOR_NAME="$CHAIR_NAME" GIT_AUTHOR_EMAIL="$CHAIR_EMAIL" GIT_COMMITTER_NAME="$CHAIR_NAME" GIT_COMMITTER_EMAIL="$CHAIR_EMAIL"
MAIN0=$(git rev-parse refs/heads/main)
RECORD0=$(git rev-parse refs/heads/nap/record)
RESET="git -C '$P' update-ref refs/heads/main $MAIN0 && git -C '$P' update-ref refs/heads/nap/record $RECORD0 && git -C '$P' reset -q --hard $MAIN0"

# The git plumbing a user would run to add one event file to the record: the blob, the five trees on its
# path, the commit and the reference update (the objects `nap comment` writes).
cat >"$WORK/git-comment.sh" <<EOF
set -euo pipefail
cd '$P'
pid=$BIG_ID; fan=\${pid:0:2}
msg=\$(cat '$WORK/message.txt')
now=\$(date -u +%Y-%m-%dT%H:%M:%SZ)
event=\$(printf '{\n  "author" : {\n    "email" : "%s",\n    "member" : null,\n    "name" : "%s",\n    "role" : null,\n    "sector" : "public"\n  },\n  "body" : "%s",\n  "clock" : 100000,\n  "proposal" : "%s",\n  "time" : "%s",\n  "type" : "comment",\n  "version" : 1\n}' "$COMMENTER_EMAIL" "$COMMENTER_NAME" "\$msg" "\$pid" "\$now")
id=\$(printf '%s\n' "\$event" | sha256sum); id=\${id%% *}
blob=\$(printf '%s\n' "\$event" | git hash-object -w --stdin)
t=\$( { git ls-tree "nap/record:proposals/\$fan/\$pid/events"; printf '100644 blob %s\t%s.json\n' "\$blob" "\$id"; } | git mktree)
t=\$( { git ls-tree "nap/record:proposals/\$fan/\$pid" | grep -v "	events\$" || true; printf '040000 tree %s\tevents\n' "\$t"; } | git mktree)
t=\$( { git ls-tree "nap/record:proposals/\$fan" | grep -v "	\$pid\$" || true; printf '040000 tree %s\t%s\n' "\$t" "\$pid"; } | git mktree)
t=\$( { git ls-tree "nap/record:proposals" | grep -v "	\$fan\$" || true; printf '040000 tree %s\t%s\n' "\$t" "\$fan"; } | git mktree)
t=\$( { git ls-tree "nap/record" | grep -v "	proposals\$" || true; printf '040000 tree %s\tproposals\n' "\$t"; } | git mktree)
parent=\$(git rev-parse refs/heads/nap/record)
commit=\$(git commit-tree "\$t" -p "\$parent" -m "Comment on proposal big")
git update-ref refs/heads/nap/record "\$commit" "\$parent"
EOF

# 3. The rows: name | nap command | git command ("" when git has no counterpart) | prepare | target.
ROWS=()
row() { ROWS+=("$1"$'\x1f'"$2"$'\x1f'"$3"$'\x1f'"$4"$'\x1f'"$5"$'\x1f'"$6"$'\x1f'"${7:-}"); }
NEW_MESSAGE="date +%s%N | sed 's/^/benchmark comment /' >'$WORK/message.txt'"
row proposals "proposals --state all" "git for-each-ref refs/heads/proposal/" "" "100" "nap proposals --state all"
row show "show big" "git ls-tree -r --object-only nap/record:proposals/${BIG_ID:0:2}/$BIG_ID/events | git cat-file --batch" "" "100" "nap show big (${BIG_COMMENTS} comments)"
row inbox "inbox" "" "" "100" "nap inbox (government co-chair)"
row comment "comment big --file '$WORK/message.txt'" "bash '$WORK/git-comment.sh'" "$RESET && $NEW_MESSAGE" "0.8git" "nap comment big"
row merge "merge ready" "git merge -q --no-ff -m 'Merge proposal ready' proposal/ready" "$RESET" "" "nap merge ready"
row blame "blame $BLAME_COMMITMENT" "git blame -s main -- commitments/$BLAME_COMMITMENT.md" "" "1000" "nap blame $BLAME_COMMITMENT"
row attribution "attribution" "git shortlog -sne main" "" "1000" "nap attribution"
row render "render main --format html -o '$WORK/plan.html'" "git archive --format=tar main" "" "1000" "nap render --format html"
row publish "publish $NEXT_VERSION -m 'Benchmark version'" "git tag -a $NEXT_VERSION -m 'Benchmark version' main" "$RESET && (git -C '$P' tag -d $NEXT_VERSION >/dev/null 2>&1 || true)" "2000" "nap publish"
# What a previous sync left here (remote-tracking references) goes too, so every run starts the same.
FORGET_REMOTES="git -C '$P' for-each-ref --format='delete %(refname)' refs/remotes refs/nap/remote-tags | git -C '$P' update-ref --stdin"
# The whole plan into an empty repository takes tens of seconds: fewer runs (NAP_BENCH_SYNC_RUNS).
row sync "sync '$WORK/remote.git'" "git push -q --mirror '$WORK/remote.git'" "$RESET && $FORGET_REMOTES && rm -rf '$WORK/remote.git' && git init -q --bare '$WORK/remote.git'" "1.5x" "nap sync (to an empty bare repository)" "${NAP_BENCH_SYNC_RUNS:-2}"
# The everyday sync: one new comment to a hub that has everything else and was synced with before (its
# record is put back each run; the remote-tracking references nap keeps stay, as they do between syncs).
# git's counterpart pushes every branch and tag, as `nap sync` considers them all.
HUB_BACK="git -C '$WORK/hub.git' update-ref refs/heads/nap/record $RECORD0 && git -C '$P' for-each-ref --format='update %(refname) $RECORD0' refs/remotes | { grep '/nap/record ' || true; } | git -C '$P' update-ref --stdin"
row sync-one "sync '$WORK/hub.git'" "git push -q '$WORK/hub.git' 'refs/heads/*:refs/heads/*' 'refs/tags/*:refs/tags/*'" "$RESET && $HUB_BACK && $NEW_MESSAGE && '$NAP' comment big --file '$WORK/message.txt' >/dev/null" "1.2x" "nap sync (one new comment, to a hub)"
# A new copy of the whole plan from the hub, beside git's clone that copies objects as over a network
# (--no-local: packed and indexed, not hard-linked); then the first command in the new copy, which must
# answer from what the clone prepared (issue 18: under 1 s).
row clone "clone '$WORK/hub.git' '$WORK/clone'" "git clone -q --no-local '$WORK/hub.git' '$WORK/clone-git'" "rm -rf '$WORK/clone' '$WORK/clone-git'" "2x" "nap clone (whole plan)" "${NAP_BENCH_SYNC_RUNS:-2}"
row clone-first "-C '$WORK/clone1' proposals --state all" "" "rm -rf '$WORK/clone1' && '$NAP' clone '$WORK/hub.git' '$WORK/clone1' >/dev/null 2>&1" "1000" "first nap proposals after nap clone" "${NAP_BENCH_SYNC_RUNS:-2}"

# The website: the whole plan into an empty folder, then the everyday rebuild into the same folder after
# one new comment (only the pages that show it are rewritten). Targets: 60 s and 5 s (issue 13).
row site "site -o '$WORK/site'" "" "rm -rf '$WORK/site'" "60000" "nap site (whole plan, empty folder)" "${NAP_BENCH_SITE_RUNS:-2}"
row site-one "site -o '$WORK/site-inc'" "" "$RESET && { [ -d '$WORK/site-inc' ] || '$NAP' site -o '$WORK/site-inc' >/dev/null; } && $NEW_MESSAGE && '$NAP' comment big --file '$WORK/message.txt' >/dev/null" "5000" "nap site (one new comment, same folder)" "${NAP_BENCH_SITE_RUNS:-2}"

available() { local command=$1; [[ $command == "-C "* ]] && command=${command#-C * }; "$NAP" "${command%% *}" --help >/dev/null 2>&1; }
median_ms() { awk -F, -v name="$2" 'NR > 1 && $1 == name { printf "%.1f", $4 * 1000 }' "$1"; }
peak_mb() {
  local prepare=$1 command=$2
  [ -n "$prepare" ] && bash -c "$prepare" >/dev/null 2>&1
  /usr/bin/time -f '%M' -o "$WORK/results/time.txt" bash -c "$command" >/dev/null 2>&1 || true
  awk '{ printf "%.0f", $1 / 1024 }' "$WORK/results/time.txt"
}

TABLE=()
for entry in "${ROWS[@]}"; do
  IFS=$'\x1f' read -r name napcmd gitcmd prepare target label runs <<<"$entry"
  if [ -n "$ONLY" ] && [[ " $ONLY " != *" $name "* ]]; then continue; fi
  if ! available "$napcmd"; then
    TABLE+=("$label|n/a (command not available)||||$target|")
    continue
  fi
  echo "bench: $label" >&2
  csv="$WORK/results/$name.csv"
  if [ -n "$runs" ]; then args=(--warmup 0 --runs "$runs"); else args=(--warmup "$WARMUP" --runs "$RUNS"); fi
  args+=(--export-csv "$csv" --style none)
  [ -n "$prepare" ] && args+=(--prepare "$prepare")
  # Long rows (their own run count) take peak memory from the timed runs themselves instead of one more.
  rss="$WORK/results/$name.rss"; rm -f "$rss"
  if [ -n "$runs" ]; then
    args+=(--command-name nap "/usr/bin/time -f '%M' -a -o '$rss' '$NAP' $napcmd")
  else
    args+=(--command-name nap "'$NAP' $napcmd")
  fi
  [ -n "$gitcmd" ] && args+=(--command-name git "$gitcmd")
  if ! hyperfine "${args[@]}" >"$WORK/results/$name.log" 2>&1; then
    TABLE+=("$label|failed (see $WORK/results/$name.log)||||$target|")
    bash -c "$RESET" >/dev/null 2>&1 || true
    continue
  fi
  nap_ms=$(median_ms "$csv" nap)
  git_ms=""; ratio=""
  if [ -n "$gitcmd" ]; then
    git_ms=$(median_ms "$csv" git)
    ratio=$(awk -v a="$nap_ms" -v b="$git_ms" 'BEGIN { if (b > 0) printf "%.2f", a / b }')
  fi
  if [ -s "$rss" ]; then
    peak=$(awk '$1 > max { max = $1 } END { printf "%.0f", max / 1024 }' "$rss")
  else
    peak=$(peak_mb "$prepare" "'$NAP' $napcmd")
  fi
  if [ "$name" = sync ]; then
    refs=$(git -C "$WORK/remote.git" for-each-ref | wc -l)
    label="$label, $refs refs pushed"
  fi
  bash -c "$RESET && $FORGET_REMOTES" >/dev/null 2>&1 || true
  TABLE+=("$label|$nap_ms|$git_ms|$ratio|$peak|$target|")
done

# 4. The table.
verdict() {
  local nap=$1 git=$2 ratio=$3 peak=$4 target=$5 ok=yes
  [ -z "$nap" ] || [ "${nap:0:1}" = "n" ] || [ "${nap:0:1}" = "f" ] && { echo ""; return; }
  case "$target" in
    100git) awk -v n="$nap" -v g="$git" 'BEGIN { exit !(n < 100 && n < g) }' || ok=no ;;
    0.8git) awk -v n="$nap" -v g="$git" 'BEGIN { exit !(n < 100 && n <= 0.8 * g) }' || ok=no ;;
    *x) awk -v r="$ratio" -v t="${target%x}" 'BEGIN { exit !(r <= t) }' || ok=no ;;
    "") ;;
    *) awk -v n="$nap" -v t="$target" 'BEGIN { exit !(n < t) }' || ok=no ;;
  esac
  # The site's rows may use up to 500 MB (issue 13), the whole-plan transfers 200 MB (issue 18); every
  # other command 150 MB.
  local limit=150
  case "$target" in 60000|5000) limit=500 ;; 1.5x|2x) limit=200 ;; esac
  awk -v p="$peak" -v l="$limit" 'BEGIN { exit !(p < l) }' || ok=no
  echo "$ok"
}
describe() {
  case "$1" in
    100git) echo "< 100 ms, < git" ;;
    0.8git) echo "< 100 ms, <= 0.8x git" ;;
    *x) echo "<= $1 git" ;;
    "") echo "(memory only)" ;;
    *) echo "< $1 ms" ;;
  esac
}
repo_size=$(du -sh "$WORK/data/plan/.git" | cut -f1)
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
memory=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
echo
echo "nap $("$NAP" --version 2>/dev/null | head -1 | sed 's/^nap //'), git $(git --version | cut -d' ' -f3), hyperfine $(hyperfine --version | cut -d' ' -f2)"
echo "machine: $(nproc) cores ($cpu), $memory, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "plan: $COMMITMENTS commitments, $PROPOSALS proposals, $EVENTS events in $RECORD_COMMITS record commits, $COMMITS drafting commits ($MERGES merges), $VERSIONS versions; .git $repo_size (built in ${BUILD_SECONDS}s)"
echo "medians of $RUNS runs after $WARMUP warm-up runs (warm cache); peak memory = maximum resident set size"
echo
printf '%-52s | %12s | %14s | %6s | %7s | %-16s | %s\n' "command" "nap median" "git median" "ratio" "peak MB" "target" "met?"
printf '%s\n' "-----------------------------------------------------+--------------+----------------+--------+---------+------------------+-----"
for line in "${TABLE[@]}"; do
  IFS='|' read -r label nap git ratio peak target _ <<<"$line"
  ok=$(verdict "$nap" "$git" "$ratio" "$peak" "$target")
  shown_nap=$nap; [[ "$nap" =~ ^[0-9.]+$ ]] && shown_nap="$nap ms"
  shown_git=${git:+$git ms}; [ -z "$git" ] && [[ "$nap" =~ ^[0-9.]+$ ]] && shown_git="-"
  printf '%-52s | %12s | %14s | %6s | %7s | %-16s | %s\n' "$label" "$shown_nap" "$shown_git" "${ratio:+${ratio}x}" "$peak" "$(describe "$target")" "$ok"
done
echo
echo "bench: done in $(( $(date +%s) - started ))s; raw results in $WORK/results"
# The serve rows (nap serve under load; their own table): scripts/bench-serve.sh.
bash "$ROOT/scripts/bench-serve.sh" "$BIN" "$WORK/data" "$WORK/serve"
