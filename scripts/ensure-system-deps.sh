#!/usr/bin/env bash
# What the tests need from the system, installed when missing: Debian's chromium (browser tests, driven
# by Playwright), poppler-utils (PDF checks), fonts-dejavu-core (the PDF's fonts), Pango (WeasyPrint) and
# npm (axe-core for the accessibility checks). With apt-get and root it installs them; otherwise it stops
# with one line naming the command to run. `make test` and `.ci/run` both call it.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
ldconfig -p 2>/dev/null | grep -q libpangoft2 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v npm >/dev/null 2>&1 || need+=(npm)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing system packages the tests need: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi
echo "missing system packages for the tests: run  sudo apt-get install -y ${need[*]}" >&2
exit 1
