"""Browser tests of the site `nap site` writes: a real Chromium (Debian's, driven by Playwright for
Python) on the site of the demo's plan, served over HTTP from 127.0.0.1.

The site is built once per run: scripts/demo.sh (which ends with `nap site`) in a temporary folder, with
the nap binary from NAP (default: the debug build of `swift build`). Set NAP_SITE to test an existing
site folder instead, and NAP_SCREENSHOTS to keep the screenshots (default: a temporary folder).
"""

import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The number of tests this folder holds: a run that collects fewer failed to find them.
EXPECTED_TESTS = 13


def pytest_sessionfinish(session, exitstatus):
    # pytest exits with 5 when it collects nothing; make any shortfall an explicit failure.
    collected = session.testscollected
    selective = session.config.option.keyword or any("::" in a or a.endswith(".py") for a in session.config.args)
    if collected == 0 or (collected < EXPECTED_TESTS and not selective):
        print(f"\nnap browser tests: collected {collected} tests, expected {EXPECTED_TESTS}", file=sys.stderr)
        session.exitstatus = 1


def nap_binary():
    if os.environ.get("NAP"):
        return os.environ["NAP"]
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "nap")


@pytest.fixture(scope="session")
def site_dir():
    if os.environ.get("NAP_SITE"):
        yield pathlib.Path(os.environ["NAP_SITE"]).resolve()
        return
    folder = pathlib.Path(tempfile.mkdtemp(prefix="nap-browser-"))
    demo = folder / "demo"
    env = dict(os.environ, NAP_DEMO_DIR=str(demo))
    result = subprocess.run(["bash", str(ROOT / "scripts" / "demo.sh"), nap_binary()], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("scripts/demo.sh failed:\n" + result.stdout[-4000:] + result.stderr[-4000:])
    site = demo / "site"
    assert (site / "index.html").is_file(), "the demo wrote no site"
    yield site
    shutil.rmtree(folder, ignore_errors=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".atom": "application/atom+xml", ".md": "text/markdown; charset=utf-8",
                      ".csv": "text/csv; charset=utf-8", ".json": "application/json"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_dir):
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: run scripts/install-deps.sh --browser"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots():
    folder = os.environ.get("NAP_SCREENSHOTS") or tempfile.mkdtemp(prefix="nap-screenshots-")
    os.makedirs(folder, exist_ok=True)
    return pathlib.Path(folder)


class Watch:
    """Everything that goes wrong while a page loads: console errors, failed requests, HTTP errors,
    requests to any other host."""

    def __init__(self, page, base_url):
        self.problems = []
        self.base = base_url
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        page.on("request", lambda r: not (r.url.startswith(base_url) or r.url.startswith("data:"))
                and self.problems.append(f"request to another host: {r.url}"))


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = Watch(page, base_url)
    yield page
    context.close()
