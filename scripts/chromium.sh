#!/usr/bin/env bash
# Installs headless Chromium (and a CJK font, so screenshots show the
# Chinese) for the browser tests, with Debian's packages, unless a Chromium
# is there already. Exits non-zero when none can be had: CI must then fail
# rather than skip every browser test (.ci/run sets
# ALIGNCHECK_REQUIRE_BROWSER=1).
set -euo pipefail
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    echo "chromium: $(command -v "$name")"
    exit 0
  fi
done
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: not installed and no apt-get to install it; install Chromium or set ALIGNCHECK_CHROMIUM" >&2
  exit 1
fi
echo "chromium: installing (apt-get)"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }; then
  echo "chromium: apt-get could not install chromium" >&2
  exit 1
fi
command -v chromium
