#!/usr/bin/env bash
# Install what the viewer's browser tests need on a fresh Debian machine (run as root).
# Idempotent: packages already installed are left alone; nothing is downloaded
# except Debian packages (Playwright's own browser downloads are not used).
#   chromium, chromium-driver  - the headless browser driven by Playwright (executable_path=/usr/bin/chromium)
#   fonts-noto-core            - Noto Sans Devanagari (and Latin) so Hindi labels render
#   fonts-deva                 - meta package of further Devanagari fonts (fallback)
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    echo "browser-setup.sh: must run as root (apt-get install)" >&2
    exit 1
fi

packages=(chromium chromium-driver fonts-noto-core fonts-deva fontconfig)
missing=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
    fc-cache -f >/dev/null 2>&1 || true
fi

chromium --version 2>/dev/null || /usr/bin/chromium --version
fonts="$(fc-list :lang=hi family)"   # read fully first: grep -q would SIGPIPE fc-list under pipefail
if [ -z "$fonts" ]; then
    echo "browser-setup.sh: no Devanagari font found" >&2
    exit 1
fi
echo "browser-setup.sh: chromium and Devanagari fonts are ready"
