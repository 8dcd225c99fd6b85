#!/usr/bin/env bash
# Installs what Yixun's tests need on a Debian machine, then the npm packages. Safe to run again.
#   Debian: chromium + fonts-noto-cjk (admin browser tests, Chinese text), ffmpeg (video pipeline),
#           poppler-utils (fast PDF covers)
#   Services: PostgreSQL at 127.0.0.1:5432 (the suite runs on SQLite and PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-noto-cjk ffmpeg poppler-utils)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "[install] Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "[install] starting PostgreSQL"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[install] npm ci"
  npm ci --no-audit --no-fund
fi
