#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium (browser downloads are not possible here).
# Installs it when missing; needs root, as on CI.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: install it with 'sudo apt-get install -y chromium' and run the tests again." >&2
  exit 1
fi
echo "Installing Chromium from Debian's packages…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
