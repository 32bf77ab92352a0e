"""`nap serve` in a real browser: the server is started by the test on 127.0.0.1 (a free port) over a
copy of the demo's plan, and stopped after. A member of the public comments on a paragraph of a
commitment with the keyboard and sees it received and shown; a post without the CSRF token is refused;
axe finds no serious or critical violation on any page type the server adds."""

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


@pytest.fixture(scope="module")
def served(site_dir):
    """A copy of the demo plan with an open proposal that changes a commitment, served by `nap serve`."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="nap-serve-"))
    plan = folder / "plan"
    shutil.copytree(site_dir.parent / "open-gov-plan", plan, symlinks=True)
    keys = site_dir.parent / "keys"
    wang = dict(name="王向榮", email="wang@g0v.example.org", keys=keys)
    gov = dict(name="國家發展委員會主任委員", email="chair@ndc.example.gov.tw", keys=keys)
    civil = dict(name="民間共同主席（台灣民主實驗室）", email="cochair@civil.example.org", keys=keys)
    # The forum adds the server as a host through the gate (docs/SERVE.md): its own key, both co-chairs agree.
    host_key = folder / "host_ed25519"
    subprocess.run([nap_binary(), "key", "generate", "--path", str(host_key), "--comment", "host"], check=True, capture_output=True)
    nap(plan, "switch", "main", **wang)
    # Opened weeks ago: the demo plan asks for 14 days of discussion before a merge.
    weeks_ago = "@" + str(int(time.time()) - 30 * 24 * 3600)
    nap(plan, "propose", "add-web-host", "--title", "新增參與平台 Add the web host", at=weeks_ago, **wang)
    nap(plan, "member", "add", "web", "--name", "參與平台 Web host", "--email", "host@plan.example", "--sector", "government",
        "--role", "host", "--key", str(host_key) + ".pub", **wang)
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
    server = subprocess.Popen([nap_binary(), "-C", str(plan), "serve", "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert match, f"nap serve did not start: {line} {server.stderr.read() if server.poll() is not None else ''}"
    yield f"http://127.0.0.1:{match.group(1)}/", plan
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
    base, plan = served
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
    base, plan = served
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
    base, _ = served
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
