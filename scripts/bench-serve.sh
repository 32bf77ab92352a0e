#!/usr/bin/env bash
# The serve rows of `make bench` (issue 14): `nap serve` on the benchmark plan, loaded by wrk and by
# concurrent comment posters, with the figures issue 14 sets as targets. Called by scripts/bench.sh;
# docs/PERFORMANCE.md ("nap serve") explains the figures.
#
#   scripts/bench-serve.sh <release bin dir> <bench data dir (plan/ and manifest.env)> <work dir>
#
# Environment:
#   NAP_BENCH_ONLY             runs only when it is empty or names "serve"
#   NAP_BENCH_SERVE_SECONDS    how long wrk loads the proposal pages (default 20)
#   NAP_BENCH_SERVE_ROUNDS     rounds of 20 concurrent comments (default 5)
#
# What it does: copies the plan, adds a host to its forum through the gate (as a forum would before
# running nap serve), starts `nap serve` and times its first answer (a proposal's page), loads 100
# proposal pages (50 proposals in both languages) with 50 concurrent connections, posts rounds of 20
# concurrent public comments and counts that each was recorded exactly once, and reads the server's peak
# resident memory. wrk and the posters run on the same machine as the server.
set -euo pipefail

BIN=$(cd "${1:?usage: scripts/bench-serve.sh <release bin dir> <bench data dir> <work dir>}" && pwd)
DATA=$(cd "${2:?usage: scripts/bench-serve.sh <release bin dir> <bench data dir> <work dir>}" && pwd)
WORK=${3:?usage: scripts/bench-serve.sh <release bin dir> <bench data dir> <work dir>}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NAP="$BIN/nap"
SECONDS_LOADED=${NAP_BENCH_SERVE_SECONDS:-20}
ROUNDS=${NAP_BENCH_SERVE_ROUNDS:-5}
ONLY=${NAP_BENCH_ONLY:-}
if [ -n "$ONLY" ] && [[ " $ONLY " != *" serve "* ]]; then exit 0; fi
for tool in wrk curl python3 git; do
  command -v "$tool" >/dev/null || { echo "bench-serve: $tool is missing; run scripts/install-deps.sh --bench" >&2; exit 1; }
done
[ -x "$NAP" ] || { echo "bench-serve: $NAP is missing; run make bench" >&2; exit 1; }
# shellcheck disable=SC1091
. "$DATA/manifest.env"

rm -rf "$WORK"
mkdir -p "$WORK/home"
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$WORK/home/.gitconfig" LANG=C.UTF-8 TERM=dumb
# The server writes as the host its copy is configured for; an identity in the environment (bench.sh
# exports the co-chair's for its own rows) would override that, and every web comment would be refused.
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
git config --global gc.auto 0
echo "bench-serve: copying the plan" >&2
cp -a "$DATA/plan" "$WORK/plan"
P="$WORK/plan"

# The civil-society co-chair of the plan's forum (the manifest names the government's).
read -r CIVIL_EMAIL CIVIL_NAME < <(awk '
  /^  - id:/ { name = ""; email = ""; sector = ""; role = "" }
  /^    name:/ { sub(/^    name: */, ""); name = $0 }
  /^    email:/ { email = $2 }
  /^    sector:/ { sector = $2 }
  /^    role:/ { role = $2; if (sector == "civil-society" && role == "co-chair") { print email, name; exit } }' "$P/members.yml")
as() { local name=$1 email=$2; shift 2; GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email" "$NAP" -C "$P" "$@"; }
chair() { as "$CHAIR_NAME" "$CHAIR_EMAIL" "$@"; }

# 1. The forum adds the server as a host through the gate; the copy is set up as the host's.
echo "bench-serve: adding the host through the gate" >&2
"$NAP" key generate --path "$WORK/host_ed25519" --comment bench-host >/dev/null
chair switch main >/dev/null
chair propose bench-web-host --title "Add the web host" >/dev/null
chair member add web --name "Bench web host" --email host@bench.example --sector government --role host --key "$WORK/host_ed25519.pub" >/dev/null
chair save -m "Add the web host" >/dev/null
chair review bench-web-host --approve >/dev/null
as "$CIVIL_NAME" "$CIVIL_EMAIL" review bench-web-host --approve >/dev/null
chair switch main >/dev/null
chair merge bench-web-host >/dev/null
git -C "$P" config user.name "Bench web host"
git -C "$P" config user.email host@bench.example
git -C "$P" config user.signingkey "$WORK/host_ed25519"

# The pages loaded: 50 open proposals in both languages; the proposal commented on.
chair proposals --state open --json >"$WORK/open.json"
python3 - "$WORK/open.json" >"$WORK/paths.txt" <<'PY'
import json, re, sys
slugs = [p["slug"] for p in json.load(open(sys.argv[1])) if re.fullmatch(r"[a-z0-9-]+", p["slug"])][:50]
for language in ("en", "zh-Hant"):
    for slug in slugs:
        print(f"/{language}/proposals/{slug}.html")
PY
COMMENTED=$(chair show "$READY" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
FIRST_PAGE=$(head -1 "$WORK/paths.txt")

# 2. Start-up: from starting the process to the first answer of a proposal's page.
echo "bench-serve: starting nap serve" >&2
started=$(date +%s%N)
"$NAP" -C "$P" serve --listen 127.0.0.1:0 --posts-per-address 100000 --posts-overall 100000 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
BASE=""
for _ in $(seq 1 600); do
  BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/serve.out" 2>/dev/null | head -1 || true)
  [ -n "$BASE" ] && break
  kill -0 "$SERVER" 2>/dev/null || { echo "bench-serve: nap serve exited: $(cat "$WORK/serve.err")" >&2; exit 1; }
  sleep 0.01
done
[ -n "$BASE" ] || { echo "bench-serve: nap serve did not say where it listens" >&2; exit 1; }
BASE=${BASE%/}
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3600 "$BASE$FIRST_PAGE")
first_ms=$(( ($(date +%s%N) - started) / 1000000 ))
[ "$code" = 200 ] || { echo "bench-serve: the first page answered $code" >&2; exit 1; }

# The first page is answered before the whole site is read (from main alone); the server logs when the
# whole reading is done, and the pages below are timed after it (the steady state), not beside it.
whole_ms=""
for _ in $(seq 1 6000); do
  if grep -q 'read the whole site' "$WORK/serve.err" 2>/dev/null; then whole_ms=$(( ($(date +%s%N) - started) / 1000000 )); break; fi
  if grep -q 'could not be read' "$WORK/serve.err" 2>/dev/null; then echo "bench-serve: $(grep 'could not be read' "$WORK/serve.err" | head -1)" >&2; exit 1; fi
  kill -0 "$SERVER" 2>/dev/null || { echo "bench-serve: nap serve exited: $(cat "$WORK/serve.err")" >&2; exit 1; }
  sleep 0.1
done
[ -n "$whole_ms" ] || { echo "bench-serve: nap serve did not read the whole site in 10 minutes" >&2; exit 1; }

# 3. Proposal pages, 50 concurrent connections (each page rendered once before: the steady state).
echo "bench-serve: proposal pages, 50 connections, ${SECONDS_LOADED}s" >&2
while read -r path; do curl -s -o /dev/null "$BASE$path"; done <"$WORK/paths.txt"
{
  echo "local paths = {"
  sed 's/.*/  "&",/' "$WORK/paths.txt"
  echo "}"
  echo 'local i = 0'
  echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
} >"$WORK/pages.lua"
wrk -t2 -c50 -d"${SECONDS_LOADED}s" --latency -s "$WORK/pages.lua" "$BASE" >"$WORK/wrk.txt"
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.1f", v }'; }
pages_p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt" | to_ms)
pages_rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/wrk.txt")
pages_bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$WORK/wrk.txt")
pages_errors=$(awk '/Socket errors:/ { print }' "$WORK/wrk.txt")

# 4. Rounds of 20 concurrent public comments; then each one is counted in the record.
echo "bench-serve: $ROUNDS rounds of 20 concurrent comments" >&2
before=$(chair show "$READY" --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["comments"]))')
python3 "$ROOT/scripts/bench-serve-comments.py" "$BASE" "$COMMENTED" 20 "$ROUNDS" >"$WORK/comments.txt"
comments_p99=$(sort -n "$WORK/comments.txt" | awk '{ v[NR] = $1 } END { i = int(NR * 0.99 + 0.999); if (i < 1) i = 1; printf "%.1f", v[i] }')
comments_max=$(sort -n "$WORK/comments.txt" | tail -1 | cut -d' ' -f1)
refused=$(awk '$2 != 303' "$WORK/comments.txt" | wc -l)
chair show "$READY" --json >"$WORK/after.json"
once=$(python3 - "$WORK/comments.txt" "$WORK/after.json" "$before" <<'PY'
import json, sys
sent = [line.split(" ", 2)[2].strip() for line in open(sys.argv[1])]
bodies = [c["body"] for c in json.load(open(sys.argv[2]))["comments"]]
counts = [bodies.count(text) for text in sent]
extra = len(bodies) - int(sys.argv[3]) - len(sent)
print("yes" if all(n == 1 for n in counts) and extra == 0 else f"no ({sum(n == 0 for n in counts)} missing, {sum(n > 1 for n in counts)} twice, {extra} extra)")
PY
)

# 5. Memory: the server's peak resident set over the whole run, and what it holds now.
peak_mb=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status")
now_mb=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status")
kill "$SERVER" 2>/dev/null || true
wait "$SERVER" 2>/dev/null || true
trap - EXIT

met() { awk "BEGIN { exit !($1) }" && echo yes || echo no; }
echo
echo "nap serve on the plan above ($PROPOSALS proposals, $EVENTS events); wrk $(wrk --version 2>&1 | head -1 | cut -d' ' -f2), on the same machine"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-52s | %-30s | %-26s | %s\n' "serve" "measured" "target" "met?"
printf '%s\n' "-----------------------------------------------------+--------------------------------+----------------------------+-----"
printf '%-52s | %-30s | %-26s | %s\n' "start-up to the first proposal page" "$first_ms ms" "< 2000 ms" "$(met "$first_ms < 2000")"
printf '%-52s | %-30s | %-26s | %s\n' "start-up to the whole site read (pages of all)" "$whole_ms ms" "–" ""
printf '%-52s | %-30s | %-26s | %s\n' "proposal pages, 50 connections (${SECONDS_LOADED} s)" "p99 $pages_p99 ms, $pages_rps req/s" "p99 < 100 ms, >= 500 req/s" \
  "$(met "$pages_p99 < 100 && $pages_rps >= 500 && ${pages_bad:-0} == 0")"
printf '%-52s | %-30s | %-26s | %s\n' "20 concurrent public comments (x$ROUNDS rounds)" "p99 $comments_p99 ms (max $comments_max)" "p99 < 300 ms" "$(met "$comments_p99 < 300 && $refused == 0")"
printf '%-52s | %-30s | %-26s | %s\n' "  each recorded exactly once" "$once" "yes" "$([ "$once" = yes ] && echo yes || echo no)"
printf '%-52s | %-30s | %-26s | %s\n' "resident memory (peak; at the end)" "$peak_mb MB; $now_mb MB" "< 300 MB" "$(met "$peak_mb < 300")"
[ -z "${pages_bad:-}" ] || echo "proposal pages: $pages_bad answers were not 2xx/3xx"
[ -z "$pages_errors" ] || echo "proposal pages: $pages_errors"
[ "$refused" = 0 ] || echo "comments: $refused posts were not answered 303"
echo "bench-serve: raw results in $WORK"
