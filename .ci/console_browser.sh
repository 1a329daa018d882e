#!/usr/bin/env bash
# What the console's browser tests need from Debian (called by .ci/run before the tests):
# chromium and its WebDriver (chromium-driver, built from the same source, so they always match),
# and espeak-ng, whose speech the tests play. Playwright's and Selenium's own browser downloads
# are not used. Installs only what is missing, and only where apt-get can (root, apt present);
# otherwise it says why and exits 0: without chromium the browser tests skip and say so, and
# without espeak-ng they check that the play button explains what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
if [ ${#missing[@]} -eq 0 ]; then
  echo "console browser tests: $(chromium --version 2>/dev/null), espeak-ng present"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "apt-get not found: not installing ${missing[*]} (browser tests skip without chromium)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "not root: not installing ${missing[*]} (browser tests skip without chromium)"
  exit 0
fi
echo "installing ${missing[*]} for the console's browser tests"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
  echo "apt-get could not install ${missing[*]}: browser tests skip without chromium"
  exit 0
fi
echo "console browser tests: $(chromium --version 2>/dev/null)"
