#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test nap: libgit2's headers, pkg-config,
# stock git and ssh-keygen (the independent readers the tests use), and the servers the transport tests
# start on 127.0.0.1: lighttpd with its TLS module (git http-backend over https), openssh-server (sshd),
# openssl (the test CA). Does nothing when all are there.
# --browser: also what the browser tests need: Debian's chromium and CJK fonts (apt), and Playwright for
# Python, axe-playwright-python and pytest (PyPI; `playwright install` is not used: it downloads its own browser).
set -euo pipefail
need=()
pkg-config --exists libgit2 2>/dev/null || need+=(libgit2-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v git >/dev/null || need+=(git)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
# The SSHSIG tests compare with shared/docs/sshsig-reference.py, which needs Python's cryptography.
python3 -c 'import cryptography' 2>/dev/null || need+=(python3-cryptography)
# The https and ssh sync tests (Tests/NapCLITests/HTTPSSyncCLITests.swift, SSHSyncCLITests.swift).
for package in lighttpd lighttpd-mod-openssl openssh-server openssl; do
  dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed' || need+=("$package")
done
if [ "${1:-}" = "--bench" ]; then
  # make bench: hyperfine times the commands, GNU time measures their peak memory.
  command -v hyperfine >/dev/null || need+=(hyperfine)
  [ -x /usr/bin/time ] || need+=(time)
  # The serve rows (scripts/bench-serve.sh): wrk loads the server with concurrent clients.
  command -v wrk >/dev/null || need+=(wrk)
fi
pip_need=()
if [ "${1:-}" = "--browser" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
  command -v python3 >/dev/null || need+=(python3 python3-pip)
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#need[@]} -gt 0 ]; then
  echo "nap: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ "${1:-}" = "--browser" ]; then
  python3 -c 'import playwright' 2>/dev/null || pip_need+=(playwright)
  python3 -c 'import axe_playwright_python' 2>/dev/null || pip_need+=(axe-playwright-python)
  python3 -c 'import pytest' 2>/dev/null || pip_need+=(pytest)
  if [ ${#pip_need[@]} -gt 0 ]; then
    echo "nap: installing ${pip_need[*]} (PyPI)" >&2
    # Debian's own Python refuses system-wide pip installs (PEP 668): then install for this user.
    python3 -m pip install --quiet "${pip_need[@]}" 2>/dev/null \
      || python3 -m pip install --quiet --user --break-system-packages "${pip_need[@]}"
  fi
fi
exit 0
