#!/usr/bin/env python3
"""Concurrent public comments on `nap serve` (scripts/bench-serve.sh): `clients` browsers each open the
comment form of a proposal (their own session and CSRF token), then all post at the same moment, for
`rounds` rounds. Prints one line per comment: the post's latency in milliseconds, its HTTP status and the
unique text it sent, so the caller can count how often each one was recorded.

    bench-serve-comments.py <base url> <proposal id> <clients> <rounds>
"""

import http.client
import re
import sys
import threading
import time
import urllib.parse
import uuid

base, proposal, clients, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
url = urllib.parse.urlsplit(base)
origin = f"{url.scheme}://{url.netloc}"


def open_form():
    """A new session: the comment form's cookie and CSRF token."""
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    connection.request("GET", f"/en/comment?proposal={proposal}")
    response = connection.getresponse()
    page = response.read().decode("utf-8")
    assert response.status == 200, f"comment form: HTTP {response.status}"
    cookie = response.getheader("Set-Cookie").split(";")[0]
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return connection, cookie, csrf


def post(connection, cookie, csrf, text, barrier, results, index):
    body = urllib.parse.urlencode({"csrf": csrf, "proposal": proposal, "name": f"壓測者 {index}", "contact": "",
                                   "body": text, "website": ""})
    headers = {"Cookie": cookie, "Origin": origin, "Content-Type": "application/x-www-form-urlencoded"}
    barrier.wait()
    started = time.perf_counter()
    connection.request("POST", "/en/comment", body=body.encode("utf-8"), headers=headers)
    response = connection.getresponse()
    page = response.read().decode("utf-8", "replace")
    if response.status != 303:
        # Why it was refused, for the operator: the page's error list, without markup.
        reasons = re.findall(r'<li[^>]*class="[^"]*error[^"]*"[^>]*>(.*?)</li>', page, re.S) or [page[:300]]
        print(f"bench-serve: a comment was answered {response.status}: {re.sub(r'<[^>]+>', '', reasons[0]).strip()}", file=sys.stderr)
    results[index] = ((time.perf_counter() - started) * 1000, response.status, text)
    connection.close()


for _ in range(rounds):
    forms = [open_form() for _ in range(clients)]
    barrier = threading.Barrier(clients)
    results = [None] * clients
    threads = [threading.Thread(target=post, args=(*forms[i], f"bench comment {uuid.uuid4()}", barrier, results, i))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for latency, status, text in results:
        print(f"{latency:.1f} {status} {text}")
