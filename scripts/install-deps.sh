#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test nap: libgit2's headers, pkg-config,
# stock git and ssh-keygen (the independent readers the tests use). Does nothing when all are there.
set -euo pipefail
need=()
pkg-config --exists libgit2 2>/dev/null || need+=(libgit2-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v git >/dev/null || need+=(git)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
# The SSHSIG tests compare with shared/docs/sshsig-reference.py, which needs Python's cryptography.
python3 -c 'import cryptography' 2>/dev/null || need+=(python3-cryptography)
if [ "${1:-}" = "--bench" ]; then
  # make bench: hyperfine times the commands, GNU time measures their peak memory.
  command -v hyperfine >/dev/null || need+=(hyperfine)
  [ -x /usr/bin/time ] || need+=(time)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "nap: installing ${need[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
