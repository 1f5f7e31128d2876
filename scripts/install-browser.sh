#!/usr/bin/env bash
# Installs what the browser tests and page images need, from Debian's packages: Chromium (driven by
# playwright-core), poppler-utils (pdftoppm) and CJK fonts. Idempotent; .ci/run calls it before the suite.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: missing ${need[*]}; run as root: apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "install-browser: installing ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
