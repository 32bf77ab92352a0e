"""`nap serve` in a real browser: the server is started by the test on 127.0.0.1 (a free port) over a
copy of the demo's plan, syncing with a hub of its own, and stopped after. A member of the public
comments on a paragraph of a commitment with the keyboard and sees it received and shown; a post without
the CSRF token is refused; invited co-chairs sign in with their links, approve a proposal and merge it, and
a command-line clone of the hub sees the same events after `nap sync`; axe finds no serious or critical
violation on any page type the server adds, for visitors and for members."""

import collections
import json
import os
import time
import re
import shutil
import subprocess
import tempfile
import pathlib

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import nap_binary


def nap(plan, *args, name="國家發展委員會主任委員", email="chair@ndc.example.gov.tw", keys=None, at=None):
    """Runs nap in `plan` as a person of the demo (with their signing key from the demo's keys/), on `at`."""
    env = dict(os.environ, GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email)
    if at:
        env.update(GIT_AUTHOR_DATE=at, GIT_COMMITTER_DATE=at)
    if keys is not None and (keys / email).is_file():
        env["NAP_SIGNING_KEY"] = str(keys / email)
    result = subprocess.run([nap_binary(), "-C", str(plan), *args], env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"nap {' '.join(args)}: {result.stderr}"
    return result.stdout


Served = collections.namedtuple("Served", "base plan hub keys folder")
WANG = dict(name="王向榮", email="wang@g0v.example.org")
GOV = dict(name="國家發展委員會主任委員", email="chair@ndc.example.gov.tw")
CIVIL = dict(name="民間共同主席（台灣民主實驗室）", email="cochair@civil.example.org")
# The proposal the members approve and merge through the server (opened weeks ago, as the plan asks).
MEMBER_FLOW = "data-quality"
MEMBER_FLOW_TITLE = "資料品質指標 Data quality indicators"


@pytest.fixture(scope="module")
def served(site_dir):
    """A copy of the demo plan with open proposals that change commitments, served by `nap serve`, which
    syncs with a bare hub of its own in the background."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="nap-serve-"))
    plan = folder / "plan"
    shutil.copytree(site_dir.parent / "open-gov-plan", plan, symlinks=True)
    keys = site_dir.parent / "keys"
    wang, gov, civil = (dict(person, keys=keys) for person in (WANG, GOV, CIVIL))
    # The forum adds the server as a host through the gate (docs/SERVE.md): its own key, both co-chairs agree.
    host_key = folder / "host_ed25519"
    subprocess.run([nap_binary(), "key", "generate", "--path", str(host_key), "--comment", "host"], check=True, capture_output=True)
    nap(plan, "switch", "main", **wang)
    # Opened weeks ago: the demo plan asks for 14 days of discussion before a merge.
    weeks_ago = "@" + str(int(time.time()) - 30 * 24 * 3600)
    nap(plan, "propose", "add-web-host", "--title", "新增參與平台 Add the web host", at=weeks_ago, **wang)
    nap(plan, "member", "add", "web", "--name", "參與平台 Web host", "--email", "host@plan.example", "--sector", "government",
        "--role", "host", "--key", str(host_key) + ".pub", **wang)
    # And trusts it to approve and merge for the members signed in there (docs/SERVE.md, the trade-off).
    policy = plan / "plan.yml"
    text = policy.read_text(encoding="utf-8")
    assert "\n  host-attested-approvals: false\n" in text
    policy.write_text(text.replace("\n  host-attested-approvals: false\n", "\n  host-attested-approvals: true\n"), encoding="utf-8")
    nap(plan, "save", "-m", "新增主機 web", **wang)
    nap(plan, "respond", "add-web-host", "--disposition", "adopted", "-m", "論壇同意由參與平台代為記錄意見", **gov)
    for chair in (gov, civil):
        nap(plan, "review", "add-web-host", "--approve", **chair)
    nap(plan, "switch", "main", **gov)
    nap(plan, "merge", "add-web-host", **gov)
    subprocess.run(["git", "-C", str(plan), "config", "user.name", "參與平台 Web host"], check=True)
    subprocess.run(["git", "-C", str(plan), "config", "user.email", "host@plan.example"], check=True)
    subprocess.run(["git", "-C", str(plan), "config", "user.signingkey", str(host_key)], check=True)
    nap(plan, "switch", "main", **wang)
    nap(plan, "propose", "faster-disclosure", "--title", "更快公開 Faster disclosure", "--description", "24 小時內公開。", **wang)
    path = plan / "commitments" / "political-donations.md"
    text = path.read_text(encoding="utf-8")
    assert "48 小時" in text
    path.write_text(text.replace("48 小時", "24 小時", 1), encoding="utf-8")
    nap(plan, "save", "-m", "24 小時內公開", **wang)
    # The proposal members approve and merge on the web: another commitment, opened weeks ago.
    nap(plan, "switch", "main", **wang)
    nap(plan, "propose", MEMBER_FLOW, "--title", MEMBER_FLOW_TITLE, "--description", "以指標衡量開放資料品質。",
        at=weeks_ago, **wang)
    path = plan / "commitments" / "1-1.md"
    text = path.read_text(encoding="utf-8")
    assert "新訂政府資料開放及再利用作業要點" in text
    path.write_text(text.replace("新訂政府資料開放及再利用作業要點", "新訂政府資料開放及再利用作業要點（含資料品質指標）", 1),
                    encoding="utf-8")
    nap(plan, "save", "-m", "加入資料品質指標", at=weeks_ago, **wang)
    nap(plan, "switch", "main", **wang)
    # A hub of its own (the demo's stays as it is), which the server syncs with.
    hub = folder / "hub.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(hub)], check=True)
    nap(plan, "sync", str(hub), **gov)
    server = subprocess.Popen([nap_binary(), "-C", str(plan), "serve", "--listen", "127.0.0.1:0", "--hub", str(hub),
                               "--sync-interval", "2"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert match, f"nap serve did not start: {line} {server.stderr.read() if server.poll() is not None else ''}"
    yield Served(f"http://127.0.0.1:{match.group(1)}/", plan, hub, keys, folder)
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def serve_page(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


def test_the_public_comments_on_a_paragraph_and_sees_it_received(serve_page, served):
    base, plan = served.base, served.plan
    page = serve_page
    page.goto(base + "en/commitments/political-donations.html")
    link = page.locator("p.comment-on a").first
    assert link.count() == 1
    # Keyboard: focus the link and follow it with Enter.
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/comment\?commitment=political-donations&section="))
    assert page.locator("input[name=proposal][type=radio]").count() == 1
    page.get_by_label("Display name").fill("路人丙")
    page.get_by_label("Contact email (optional)").fill("bing@example.net")
    page.get_by_label("Your comment").fill("24 小時是否可行？需要配套。")
    assert not page.locator("#website").is_visible()
    page.get_by_role("button", name="Send").click()
    page.wait_for_url(re.compile(r"/en/received\?"))
    assert page.get_by_role("heading", name="Received").is_visible()
    page.get_by_role("link", name="Back to the proposal").click()
    body = page.content()
    assert "24 小時是否可行？需要配套。" in body
    assert "路人丙" in body
    assert "bing@example.net" not in body
    shown = nap(plan, "show", "faster-disclosure", "--json")
    assert shown.count("24 小時是否可行？需要配套。") == 1
    assert "bing@example.net" not in shown


def test_a_post_without_the_csrf_token_is_refused(serve_page, served):
    base, plan = served.base, served.plan
    page = serve_page
    page.goto(base + "en/proposals/faster-disclosure.html")
    page.get_by_role("link", name="Comment on this proposal").click()
    proposal = page.locator("input[name=proposal]").get_attribute("value")
    response = page.request.post(base + "en/comment", headers={"Origin": base.rstrip("/")},
                                 form={"proposal": proposal, "name": "robot", "body": "no token"})
    assert response.status == 403
    text = response.text()
    assert "The form has expired or was not sent from this site" in text and "這份表單已過期" in text
    assert "no token" not in nap(plan, "show", "faster-disclosure", "--json")


def test_no_serious_accessibility_violation_on_the_servers_pages(serve_page, served):
    base = served.base
    page = serve_page
    axe = Axe()
    page.goto(base + "en/proposals/faster-disclosure.html")
    comment_form = page.locator("p.comment-on a").first.get_attribute("href")
    urls = [
        base + "en/proposals/faster-disclosure.html",
        base + "zh-Hant/commitments/political-donations.html",
        base + "en/" + comment_form.removeprefix("../"),
        base + "zh-Hant/comment?commitment=political-donations&section=problem",
        base + "en/sign-in?token=" + "A" * 43,
        base + "zh-Hant/no-such-page.html",
        base + "en/inbox",
    ]
    problems = []
    for url in urls:
        page.goto(url)
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{url}: {violation['id']} ({violation['impact']}): {violation['help']}")
    # A form with its errors shown.
    page.goto(base + "en/proposals/faster-disclosure.html")
    page.get_by_role("link", name="Comment on this proposal").click()
    page.get_by_label("Display name").fill("me@example.net")
    page.get_by_label("Your comment").fill("x")
    page.get_by_role("button", name="Send").click()
    assert page.get_by_role("alert").is_visible()
    for violation in axe.run(page).response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            problems.append(f"form with errors: {violation['id']} ({violation['impact']}): {violation['help']}")
    assert not problems, "\n".join(problems)


def serious(axe, page, where):
    """The serious and critical axe violations on the page, each named with `where`."""
    return [f"{where}: {v['id']} ({v['impact']}): {v['help']}"
            for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]


def sign_in(browser, served, member, problems, axe):
    """A new browser (a phone's viewport) for `member`, signed in with a fresh invitation link, on the inbox."""
    link = nap(served.plan, "serve", "invite", member, "--base-url", served.base.rstrip("/"), "--lang", "en").strip()
    assert link.startswith(served.base + "en/sign-in?token=")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(link)
    problems += serious(axe, page, "sign-in page")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/en/inbox$"))
    assert page.get_by_role("heading", name="Inbox").is_visible()
    problems += serious(axe, page, "inbox")
    return context, page


def act(page, problems, axe, where):
    """From the proposal's page, the member actions on the data-quality proposal."""
    page.goto(page.url.split("/en/")[0] + f"/en/proposals/{MEMBER_FLOW}.html")
    page.get_by_role("link", name="Member actions: respond, review, merge").click()
    page.wait_for_url(re.compile(r"/en/act\?proposal="))
    problems += serious(axe, page, where)


def test_invited_co_chairs_approve_and_merge_and_a_cli_clone_sees_it(browser, served):
    axe = Axe()
    problems = []
    # The civil-society co-chair follows their invitation link and approves.
    context, page = sign_in(browser, served, "civil-chair", problems, axe)
    page.goto(served.base + f"en/proposals/{MEMBER_FLOW}.html")
    assert page.get_by_text("Sign out").is_visible()
    problems += serious(axe, page, "a proposal's page, signed in")
    act(page, problems, axe, "member actions")
    page.get_by_label("Approve", exact=True).check()
    page.get_by_role("button", name="Record the review").click()
    assert page.get_by_role("heading", name="Done").is_visible()
    problems += serious(axe, page, "done")
    page.get_by_role("button", name="Sign out").click()
    context.close()
    # The government co-chair, invited too: answers the proposal with reasons, approves and merges.
    context, page = sign_in(browser, served, "ndc-chair", problems, axe)
    act(page, problems, axe, "member actions (co-chair)")
    page.get_by_label("Disposition").select_option("adopted")
    page.get_by_label("Reason", exact=True).fill("論壇同意加入資料品質指標。")
    page.get_by_role("button", name="Record the response").click()
    assert page.get_by_role("heading", name="Done").is_visible()
    act(page, problems, axe, "member actions after a response")
    page.get_by_label("Approve", exact=True).check()
    page.get_by_role("button", name="Record the review").click()
    assert page.get_by_role("heading", name="Done").is_visible()
    act(page, problems, axe, "member actions before the merge")
    page.get_by_role("button", name="Merge into main").click()
    assert page.get_by_role("heading", name="Done").is_visible(), page.content()
    page.get_by_role("link", name="Back to the proposal").click()
    assert "合併" in page.content() or "Merged" in page.content()
    context.close()
    assert not problems, "\n".join(problems)

    # A command-line clone of the hub, after `nap sync`, shows the same events (the server syncs soon after
    # each write).
    clone = served.folder / "cli-clone"
    nap(served.folder, "clone", str(served.hub), str(clone), **WANG)
    shown = {}
    for _ in range(60):
        nap(clone, "sync", **dict(WANG, keys=served.keys))
        shown = json.loads(nap(clone, "show", MEMBER_FLOW, "--json", **WANG))
        if shown.get("state") == "merged":
            break
        time.sleep(1)
    assert shown.get("state") == "merged", shown
    local = json.loads(nap(served.plan, "show", MEMBER_FLOW, "--json", **WANG))
    for key in ("state", "reviews", "comments"):
        assert shown.get(key) == local.get(key), key
    approvers = sorted(review["author"]["member"] for review in shown["reviews"] if review.get("verdict") == "approve")
    assert approvers == ["civil-chair", "ndc-chair"], shown["reviews"]
    assert nap(clone, "verify", **WANG) is not None
