#!/usr/bin/env bash
# A scripted co-drafting session: a forum of government and civil society drafts Taiwan's plan with nap,
# and carries it out. Each step is dated as it happened in Taiwan's 2024 cycle (GIT_AUTHOR_DATE), from
# the call for input through a consultation meeting, publication, two progress reports and an overdue
# milestone. Runs in a new temporary folder with its own git configuration; touches nothing else.
# Usage: scripts/demo.sh path/to/nap
# NAP_DEMO_DIR=<empty or new folder> runs it there instead (the browser tests do, to get the demo's site).
set -euo pipefail
NAP=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -n "${NAP_DEMO_DIR:-}" ]; then
  mkdir -p "$NAP_DEMO_DIR"; DEMO=$(cd "$NAP_DEMO_DIR" && pwd)
else
  DEMO=$(mktemp -d "${TMPDIR:-/tmp}/nap-demo.XXXXXX")
fi
PLAN="$DEMO/open-gov-plan"
# nap speaks the caller's language (`LANG=zh_TW.UTF-8 make demo`: Traditional Chinese), chosen from the locale
# before it is set to C.UTF-8 for git and the other tools below.
export NAP_LANG="${NAP_LANG:-${LC_ALL:-${LC_MESSAGES:-${LANG:-en}}}}"
export HOME="$DEMO/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$DEMO/home/.gitconfig" LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
mkdir -p "$HOME"; : > "$GIT_CONFIG_GLOBAL"

bold=""; plain=""
if [ -t 1 ]; then bold=$'\e[1m'; plain=$'\e[0m'; fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
# on DATE: what follows is dated DATE (RFC 3339), as nap reads GIT_AUTHOR_DATE; `on now` stops dating.
AT=""
on() { if [ "$1" = now ]; then AT=""; else AT="$1T02:00:00Z"; fi; }
# as NAME EMAIL nap-arguments...: run nap as that person (their git identity, and their signing key
# when they have one: keys/<email>), on the date set with `on`.
as() {
  local name=$1 email=$2; shift 2
  local key="$DEMO/keys/$email"
  [ -f "$key" ] || key=none
  printf '%s$ nap %s%s   # as %s%s\n' "$bold" "$*" "$plain" "$name" "${AT:+, on ${AT%%T*}}"
  if [ -n "$AT" ]; then
    GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email" \
      GIT_AUTHOR_DATE="$AT" GIT_COMMITTER_DATE="$AT" NAP_SIGNING_KEY="$key" "$NAP" -C "$PLAN" "$@"
  else
    GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email" GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email" \
      NAP_SIGNING_KEY="$key" "$NAP" -C "$PLAN" "$@"
  fi
}
has() { "$NAP" "$1" --help >/dev/null 2>&1; }

GOV_CHAIR=("國家發展委員會主任委員" "chair@ndc.example.gov.tw")
CIVIL_CHAIR=("民間共同主席（台灣民主實驗室）" "cochair@civil.example.org")
NDC=("國發會資訊管理處" "data@ndc.example.gov.tw")
MOI=("內政部民政司" "moi@example.gov.tw")
WANG=("王向榮" "wang@g0v.example.org")
CITIZEN=("熱心市民" "citizen@example.net")

step "1. The National Development Council starts the plan, and publishes its timeline (2024-05-01)"
on 2024-05-01
GIT_AUTHOR_NAME="${GOV_CHAIR[0]}" GIT_AUTHOR_EMAIL="${GOV_CHAIR[1]}" GIT_AUTHOR_DATE="$AT" GIT_COMMITTER_DATE="$AT" "$NAP" init "$PLAN" \
  --title-zh "開放政府國家行動方案（2025-2028年）" --title-en "Open Government National Action Plan (2025–2028)" --period 2025-01..2028-12
# The template's timeline, filled in: call for input, drafting, consultation, publication, implementation.
sed -i -e 's/^  # timeline-published: .*/  timeline-published: 2024-05-01/' -e 's/^  # phases:/  phases:/' \
  -e 's/^  #   - phase:/    - phase:/' -e 's/^  #     start:/      start:/' -e 's/^  #     end:/      end:/' "$PLAN/plan.yml"
sed -n '/^process:/,/^  minutes/p' "$PLAN/plan.yml" | grep -v '^  #' | sed 's/^/  plan.yml: /'
as "${GOV_CHAIR[@]}" timeline
as "${GOV_CHAIR[@]}" validate || true

step "2. Each member makes a signing key (throwaway keys for the demo)"
mkdir -p "$DEMO/keys"
for email in "${GOV_CHAIR[1]}" "${CIVIL_CHAIR[1]}" "${NDC[1]}" "${MOI[1]}" "${WANG[1]}"; do
  "$NAP" key generate --path "$DEMO/keys/$email" --comment "$email" > /dev/null
done
echo "  keys in $DEMO/keys/ (ed25519, OpenSSH format)"

step "3. The forum is constituted: two co-chairs, one per side, and members; approvals must be signed"
on 2024-05-10
as "${GOV_CHAIR[@]}" member add ndc-chair --name "${GOV_CHAIR[0]}" --email "${GOV_CHAIR[1]}" --sector government --role co-chair --organization 國家發展委員會 --key "$DEMO/keys/${GOV_CHAIR[1]}.pub"
as "${GOV_CHAIR[@]}" member add civil-chair --name "${CIVIL_CHAIR[0]}" --email "${CIVIL_CHAIR[1]}" --sector civil-society --role co-chair --organization 台灣民主實驗室 --key "$DEMO/keys/${CIVIL_CHAIR[1]}.pub"
as "${GOV_CHAIR[@]}" member add ndc-data --name "${NDC[0]}" --email "${NDC[1]}" --sector government --organization 國家發展委員會 --key "$DEMO/keys/${NDC[1]}.pub"
as "${GOV_CHAIR[@]}" member add moi --name "${MOI[0]}" --email "${MOI[1]}" --sector government --organization 內政部 --key "$DEMO/keys/${MOI[1]}.pub"
as "${GOV_CHAIR[@]}" member add g0v-wang --name "${WANG[0]}" --email "${WANG[1]}" --sector civil-society --organization "g0v 開放政治獻金" --key "$DEMO/keys/${WANG[1]}.pub"
# Where the public takes part, published on the plan's website (nap site); example addresses.
cat >> "$PLAN/plan.yml" <<'YAML'

# 參與管道，公布於計畫網站。Where people take part, published on the plan's website.
participation:
  clone: https://git.example.gov.tw/ogp/nap-2021.git
  server: https://nap.example.gov.tw/
  address: ogp@ndc.example.gov.tw
YAML
# A new plan requires signed approvals (the template's plan.yml); the demo relies on it.
grep -n '^  require-signatures: true$' "$PLAN/plan.yml" | sed 's/^/  plan.yml:/'
as "${GOV_CHAIR[@]}" member list
as "${GOV_CHAIR[@]}" validate
as "${GOV_CHAIR[@]}" save -m "成立多方利害關係人論壇 / Constitute the multi-stakeholder forum"

step "4. Call for input: government proposes commitment 1-1 (open data)"
on 2024-06-10
as "${NDC[@]}" propose open-data --title "1-1 完備政府資料開放與再利用制度" --description "國發會提出之承諾事項草案。"
cp "$HERE/demo/1-1.md" "$PLAN/commitments/1-1.md"
as "${NDC[@]}" save -m "新增承諾事項 1-1"

step "5. Civil society proposes political-donation transparency (through the call for input)"
on 2024-06-20
as "${WANG[@]}" switch main
as "${WANG[@]}" propose political-donations --title "政治獻金再透明化" --description "大額政治獻金即時申報、48 小時內公開。"
cp "$HERE/demo/political-donations.md" "$PLAN/commitments/political-donations.md"
as "${WANG[@]}" save -m "新增承諾事項：政治獻金再透明化"
as "${WANG[@]}" proposals

step "6. Stakeholders comment; the public too"
on 2024-07-05
as "${CITIZEN[@]}" comment political-donations --on commitments/political-donations.md:30-31 -m "期程可以更短嗎？2023 年中才完成修法草案太慢。"
as "${CIVIL_CHAIR[@]}" comment political-donations -m "可先從平台改版、讓擬參選人自主提早公開做起。"
as "${CITIZEN[@]}" comment open-data -m "請把高價值資料集的評估標準也公開。"
as "${NDC[@]}" diff political-donations --color never > "$DEMO/diff.txt"; sed -n 1,12p "$DEMO/diff.txt"

step "7. The ministry answers point by point; the consultation meeting of 2024-08-13 decides"
on 2024-08-10
as "${MOI[@]}" inbox
as "${MOI[@]}" respond political-donations --disposition not-adopted -m "修法強制電子申報涉及政治獻金法第 20、21 條，須審慎評估；建議不予採納。"
on 2024-08-20
cat > "$DEMO/2024-08-13-consultation.md" <<'MEETING'
---
date: 2024-08-13
kind: consultation
title:
  zh-Hant: 新階段「臺灣開放政府國家行動方案」承諾事項提案諮詢會議
  en: Consultation on proposals for the new Open Government National Action Plan
agenda-published: 2024-08-01
attendees:
  - ndc-chair
  - civil-chair
  - moi
  - g0v-wang
public-attendance:
  civil-society: 12
  public: 30
links:
  - kind: transcript
    url: https://example.org/ogp/2024-08-13-transcript.pdf
decisions:
  - proposal: political-donations
    outcome: deferred
    reason: 政治獻金透明化列入備選提案；民間委員與監察院、內政部討論修法空間後再議。
---

# 會議紀錄 {lang=zh-Hant}

內政部逐點回應政治獻金提案，建議不予納為新一階段承諾事項。委員討論：有委員建議保留，由民間委員與監察院溝通；
有委員認為尚無完整配套。會議結論：政治獻金透明化列入備選提案。

# Minutes {lang=en}

The Ministry of the Interior answered the proposal point by point and recommended not to adopt it. Members
were divided: some asked to keep it and to talk with the Control Yuan, others saw no complete plan yet.
Conclusion: political-donation transparency is kept as a reserve proposal.
MEETING
as "${NDC[@]}" meeting add 2024-08-13-consultation --file "$DEMO/2024-08-13-consultation.md"
as "${GOV_CHAIR[@]}" respond political-donations --disposition deferred -m "諮詢會議結論：列為備選提案，待內政部評估修法。" --meeting 2024-08-13-consultation
step "7b. The consultation on the draft (2024-11-15) adopts it in part"
on 2024-11-18
as "${CIVIL_CHAIR[@]}" meeting add 2024-11-15-consultation --date 2024-11-15 --kind consultation --agenda-published 2024-11-05 \
  --attendee ndc-chair --attendee civil-chair --attendee moi --attendee g0v-wang --public civil-society=20 \
  --decision "political-donations=adopted-in-part:先以平台改版與擬參選人自主提早公開納入行動方案，修法列為後續。" \
  -m "第二次諮詢會議：政治獻金提案以平台改版與自主公開部分納入行動方案。"
as "${GOV_CHAIR[@]}" respond political-donations --disposition adopted -m "第二次諮詢會議決議：先以平台改版與自主公開納入行動方案。" --meeting 2024-11-15-consultation
C1=$("$NAP" -C "$PLAN" show political-donations --json | python3 -c 'import json,sys; print([c["id"] for c in json.load(sys.stdin)["comments"] if c["public_input"]][0])')
C2=$("$NAP" -C "$PLAN" show political-donations --json | python3 -c 'import json,sys; print([c["id"] for c in json.load(sys.stdin)["comments"] if not c["public_input"]][0])')
C3=$("$NAP" -C "$PLAN" show open-data --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["comments"][0]["id"])')
as "${MOI[@]}" respond "${C1:0:8}" --disposition adopted-in-part -m "平台改版於 2023 年先行上線；修法期程依立法院審議而定。"
as "${MOI[@]}" respond "${C2:0:8}" --disposition adopted -m "已納入第二項里程碑。"
as "${NDC[@]}" respond "${C3:0:8}" --disposition adopted -m "評估標準將於政府資料開放平臺公開。"

step "8. Both co-chairs approve the current text"
on 2024-11-25
as "${GOV_CHAIR[@]}" inbox
as "${GOV_CHAIR[@]}" review political-donations --approve -m "同意納入"
as "${CIVIL_CHAIR[@]}" review political-donations --approve
as "${GOV_CHAIR[@]}" review open-data --approve
as "${CIVIL_CHAIR[@]}" review open-data --approve
as "${CIVIL_CHAIR[@]}" show political-donations

step "9. A co-chair merges (more than 14 days after each proposal opened): the history records who did what"
on 2024-11-28
as "${CIVIL_CHAIR[@]}" switch main
as "${CIVIL_CHAIR[@]}" merge political-donations
as "${GOV_CHAIR[@]}" merge open-data
git -C "$PLAN" log --graph --format='%h %an: %s' main > "$DEMO/log.txt"; sed -n 1,20p "$DEMO/log.txt"
as "${GOV_CHAIR[@]}" blame political-donations | sed -n 1,8p
as "${GOV_CHAIR[@]}" attribution

on 2024-12-10
as "${GOV_CHAIR[@]}" meetings
if has publish; then
  step "10. The agreed plan is published and rendered, with how it was developed"
  as "${GOV_CHAIR[@]}" publish v1 -m "開放政府國家行動方案（2025-2028年）第一版"
  git -C "$PLAN" show --no-patch v1 > "$DEMO/tag.txt"; sed -n 1,14p "$DEMO/tag.txt"
fi
if has render; then
  as "${GOV_CHAIR[@]}" render v1 --format html -o "$DEMO/plan-v1.html"
  as "${GOV_CHAIR[@]}" render v1 --format markdown --lang zh-Hant -o "$DEMO/plan-v1.zh-Hant.md"
fi
if has report; then
  as "${GOV_CHAIR[@]}" report responses --format markdown > "$DEMO/responses.md"
fi
sed -n '/^## 共創過程/,/^## 目錄/p' "$DEMO/plan-v1.zh-Hant.md" | sed -n 1,24p | sed 's/^/  /'

step "10b. Implementation: the lead agency (內政部) reports progress twice; an implementation meeting"
on 2025-06-20
as "${CIVIL_CHAIR[@]}" meeting add 2025-06-20-implementation --date 2025-06-20 --kind implementation --agenda-published 2025-06-10 \
  --attendee ndc-chair --attendee civil-chair --attendee moi --attendee g0v-wang -m "檢視各承諾事項執行進度。"
on 2026-01-05
as "${MOI[@]}" progress political-donations --milestone 1 --status limited --date 2025-12-31 \
  --evidence https://example.org/moi/draft-amendment.pdf -m "政治獻金法修正草案初稿完成，送監察院表示意見。"
REPORT=$("$NAP" -C "$PLAN" progress report --format json \
  | python3 -c 'import json,sys; print([c for c in json.load(sys.stdin)["commitments"] if c["id"] == "political-donations"][0]["milestones"][0]["latest"]["id"])')
on 2026-01-20
as "${CITIZEN[@]}" progress comment "${REPORT:0:8}" -m "草案全文何時公開？"
on 2026-02-10
as "${MOI[@]}" inbox
COMMENT=$(GIT_AUTHOR_NAME="${MOI[0]}" GIT_AUTHOR_EMAIL="${MOI[1]}" "$NAP" -C "$PLAN" inbox --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["progress_comments"][0]["id"])')
as "${MOI[@]}" respond "${COMMENT:0:8}" --disposition adopted -m "草案全文已公開於內政部網站，並附於佐證連結。"
on 2026-07-03
as "${MOI[@]}" progress political-donations --milestone 1 --status substantial --date 2026-06-30 \
  --evidence https://example.org/moi/hearing-2026.pdf --delay "監察院意見尚未回覆，修法草案延後送行政院。" \
  -m "完成公聽會；修法草案待監察院意見。"
step "10c. Milestone 1 was due 2026-06 and is not complete: it is overdue"
as "${GOV_CHAIR[@]}" progress report --as-of 2026-07-01
as "${GOV_CHAIR[@]}" progress report --as-of 2026-07-01 --format html -o "$DEMO/progress.html"
on now
as "${MOI[@]}" inbox
as "${GOV_CHAIR[@]}" meetings
if has verify; then
  step "11. Anyone can verify that every change came through the gate"
  as "${GOV_CHAIR[@]}" key allowed-signers --configure
  printf '%s$ git verify-commit main; git verify-tag v1%s\n' "$bold" "$plain"
  git -C "$PLAN" verify-commit main 2>&1 | sed 's/^/  /'
  git -C "$PLAN" verify-tag v1 2>&1 | sed 's/^/  /'
  as "${GOV_CHAIR[@]}" verify
fi
if has sync; then
  step "12. The plan syncs through any git remote: a hub, and a laptop that works offline"
  git init -q --bare "$DEMO/hub.git"   # HEAD names master, as a plain bare repository does
  git -C "$PLAN" remote add origin "$DEMO/hub.git"
  as "${GOV_CHAIR[@]}" sync
  LAPTOP="$DEMO/laptop"
  GIT_AUTHOR_NAME="${WANG[0]}" GIT_AUTHOR_EMAIL="${WANG[1]}" "$NAP" clone "$DEMO/hub.git" "$LAPTOP"
  PLAN_SAVED=$PLAN; PLAN=$LAPTOP
  as "${WANG[@]}" switch main
  as "${WANG[@]}" propose milestones-2024 --title "補充 2024 年里程碑"
  as "${WANG[@]}" comment milestones-2024 -m "離線時寫下的意見，同步後不會遺失。"
  as "${WANG[@]}" sync
  PLAN=$PLAN_SAVED
  as "${GOV_CHAIR[@]}" sync
  as "${GOV_CHAIR[@]}" proposals
fi
git -C "$PLAN" fsck --strict --no-dangling >/dev/null
if has check; then
  step "12b. Evidence for the IRM: OGP's minimum requirements checked against the repository, and the signed evidence pack"
  # nap check exits 1 when a requirement fails; the demo's plan misses some (a long gap between meetings).
  as "${GOV_CHAIR[@]}" check || echo "  (nap check exited 1: the failures above are what the IRM would see)"
  as "${GOV_CHAIR[@]}" export irm -o "$DEMO/irm"
  as "${GOV_CHAIR[@]}" export ogp-csv v1 --plan-number 3 --code TWN -o "$DEMO/ogp-commitments.csv"
fi
if has site; then
  step "13. The plan's public website: the plan and how it was made, in both languages"
  as "${GOV_CHAIR[@]}" site -o "$DEMO/site"
fi

step "Done. Look at:"
echo "  the plan repository:      $PLAN   (git log --all --graph; nap proposals --state all)"
[ -f "$DEMO/plan-v1.html" ] && echo "  the published plan:       $DEMO/plan-v1.html"
[ -f "$DEMO/plan-v1.zh-Hant.md" ] && echo "  in Chinese, Markdown:     $DEMO/plan-v1.zh-Hant.md"
[ -f "$DEMO/responses.md" ] && echo "  reasoned responses:       $DEMO/responses.md"
[ -f "$DEMO/progress.html" ] && echo "  implementation progress:  $DEMO/progress.html"
echo "  the collaboration record: git -C $PLAN log --stat nap/record"
[ -d "$DEMO/irm" ] && echo "  the IRM evidence pack:    $DEMO/irm   (SHA256SUMS signed: see its README)"
[ -d "$DEMO/hub.git" ] && echo "  the hub (a bare repository): $DEMO/hub.git"
[ -f "$DEMO/site/index.html" ] && echo "  the website:              $DEMO/site/index.html   (static files: publish the folder on any web host)"
if has serve; then
  echo "  the website with forms:   nap -C $PLAN serve --listen 127.0.0.1:8080   then open http://127.0.0.1:8080/"
  echo "                            (the public comments there; members sign in with: nap -C $PLAN serve invite <member-id>; docs/SERVE.md)"
fi
true
