"""The demo plan's website in a real browser: every page, every link, accessibility, both languages,
phone and desktop widths, printing."""

import re
from collections import deque
from urllib.parse import urljoin, urldefrag, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

# Pages looked at in screenshots and at both widths.
KEY_PAGES = [
    "index.html",
    "zh-Hant/index.html",
    "en/index.html",
    "zh-Hant/commitments/political-donations.html",
    "en/commitments/1-1.html",
    "zh-Hant/proposals/index.html",
    "zh-Hant/proposals/political-donations.html",
    "en/proposals/political-donations.html",
    "en/versions/v1.html",
    "zh-Hant/responses.html",
    "en/responses/political-donations.html",
    "en/forum.html",
    "en/verify.html",
]


def crawl(page, base_url):
    """Every page and file reachable from the front door: (HTML pages, other files, broken links)."""
    seen, html_pages, files, broken = set(), [], [], []
    queue = deque([(urljoin(base_url, "index.html"), "start")])
    while queue:
        url, source = queue.popleft()
        url, fragment = urldefrag(url)
        if url in seen:
            if fragment:
                queue_fragment_check(page, url, fragment, source, broken)
            continue
        seen.add(url)
        if not url.startswith(base_url):
            continue
        if not url.endswith(".html") and not url.endswith("/"):
            response = page.request.get(url)
            (files if response.ok else broken).append(url if response.ok else f"{url} (from {source}): HTTP {response.status}")
            continue
        response = page.goto(url)
        if response is None or not response.ok:
            broken.append(f"{url} (from {source}): HTTP {response.status if response else '?'}")
            continue
        html_pages.append(url)
        if fragment:
            queue_fragment_check(page, url, fragment, source, broken)
        for href in page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.getAttribute('href'))"):
            target = urljoin(url, href)
            scheme = urlparse(target).scheme
            if scheme in ("mailto", "https") or (scheme == "http" and not target.startswith(base_url)):
                continue  # links out (a commitment's contact, the plan's routes) are not followed
            if href.startswith("#"):
                if page.locator(f"[id='{href[1:]}']").count() == 0:
                    broken.append(f"{url}: no element for {href}")
                continue
            queue.append((target, url))
    return html_pages, files, broken


def queue_fragment_check(page, url, fragment, source, broken):
    current = page.url
    if urldefrag(current)[0] != url:
        page.goto(url)
    if page.locator(f"[id='{fragment}']").count() == 0:
        broken.append(f"{url}#{fragment} (from {source}): no such element")


@pytest.fixture(scope="module")
def site_map(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    pages, files, broken = crawl(page, base_url)
    context.close()
    return pages, files, broken


def test_every_link_leads_somewhere(site_map, base_url):
    pages, files, broken = site_map
    assert not broken, "broken links:\n" + "\n".join(broken)
    paths = {p[len(base_url):] for p in pages}
    for expected in KEY_PAGES + ["en/accessibility.html", "zh-Hant/participate.html", "en/proposals/merged.html",
                                 "downloads/plan-v1.html"]:
        assert expected in paths, f"{expected} is not linked from anywhere"
    file_paths = {f[len(base_url):] for f in files}
    for expected in ["assets/site.css", "downloads/responses.csv", "downloads/responses.json", "en/feed.atom",
                     "zh-Hant/feed.atom", "downloads/plan-v1.md"]:
        assert expected in file_paths, f"{expected} is not linked from anywhere"
    assert len(pages) >= 40


def test_every_page_loads_cleanly(site_map, page):
    pages, _, _ = site_map
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("document.styleSheets.length") >= 1, f"{url}: no style sheet"
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui") or "/downloads/" in url, f"{url}: unstyled"
    assert not page.watch.problems, "\n".join(page.watch.problems)


def test_no_serious_accessibility_violation(site_map, page):
    axe = Axe()
    problems = []
    pages, _, _ = site_map
    for url in pages:
        page.goto(url)
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                nodes = "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in violation["nodes"][:3])
                problems.append(f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} — {nodes}")
    assert not problems, "\n".join(problems)


def test_every_page_has_landmarks_language_and_a_switch(site_map, page, base_url):
    pages, _, _ = site_map
    for url in pages:
        path = url[len(base_url):]
        if path.startswith("downloads/"):
            continue  # the plan as one self-contained file (nap render), with its own inline style sheet
        page.goto(url)
        lang = page.get_attribute("html", "lang")
        assert lang in ("zh-Hant", "en"), f"{path}: lang={lang}"
        for landmark in ("header", "main", "footer"):
            assert page.locator(landmark).count() >= 1, f"{path}: no <{landmark}>"
        assert page.locator("a.skip-link[href='#main']").count() == 1, f"{path}: no skip link"
        if path.startswith(("en/", "zh-Hant/")):
            assert page.locator("nav").count() >= 2, f"{path}: no navigation"
            other = "en" if lang == "zh-Hant" else "zh-Hant"
            assert page.locator(f"nav.language-switch a[hreflang='{other}']").count() == 1, f"{path}: no switch to {other}"
        assert page.locator("script").count() == 0, f"{path}: has a script"
        csp = page.get_attribute("meta[http-equiv='Content-Security-Policy']", "content")
        assert csp and "default-src 'self'" in csp and "script-src 'none'" in csp, f"{path}: CSP {csp}"
        assert page.locator("[style]").count() == 0, f"{path}: inline style attribute"


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(page, base_url):
    page.goto(base_url + "en/proposals/political-donations.html")
    assert page.get_attribute("html", "lang") == "en"
    page.click("nav.language-switch a[hreflang='zh-Hant']")
    assert page.url == base_url + "zh-Hant/proposals/political-donations.html"
    assert page.get_attribute("html", "lang") == "zh-Hant"
    assert "提案" in page.inner_text("main")
    page.click("nav.language-switch a[hreflang='en']")
    assert page.url == base_url + "en/proposals/political-donations.html"
    # From the front door to each language.
    page.goto(base_url + "index.html")
    page.click("main a[hreflang='zh-Hant']")
    assert page.url == base_url + "zh-Hant/index.html"


def test_the_keyboard_reaches_the_skip_link_first_and_focus_shows(page, base_url):
    page.goto(base_url + "en/commitments/political-donations.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0, "the skip link stays off screen when focused"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_fit_phones_and_desktops(browser, base_url, screenshots, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    overflowing = []
    for path in KEY_PAGES:
        page.goto(base_url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            overflowing.append(f"{path}: {scroll_width}px wide")
        name = re.sub(r"[^A-Za-z0-9]+", "-", path.removesuffix(".html"))
        page.screenshot(path=str(screenshots / f"{name}-{width}.png"), full_page=True)
    context.close()
    assert not overflowing, f"pages wider than {width}px:\n" + "\n".join(overflowing)


def test_a_commitment_prints_on_a4(page, base_url, screenshots):
    page.goto(base_url + "zh-Hant/commitments/political-donations.html")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible(), "the site's header is printed"
    assert not page.locator("#history").is_visible(), "the history is printed"
    assert page.locator("table.milestones").is_visible()
    pdf = page.pdf(format="A4", print_background=False, prefer_css_page_size=True)
    (screenshots / "commitment-political-donations.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 4, f"{pages} A4 pages"
    width, height = page.evaluate("[window.innerWidth, window.innerHeight]")
    assert width > 0 and height > 0
