#!/usr/bin/env bash
# Install what the tests need on a fresh Debian/Ubuntu machine: Chromium, a CJK font, PDF tools,
# Java (for the W3C HTML checker), WeasyPrint's text libraries, ffprobe (Debian's ffmpeg: the video tests check the
# MP4s with it, apart from the ffmpeg that made them), LibreOffice (the office tests convert a PPTX and a DOCX to PDF),
# Ghostscript (the CMYK tests make PDF/X-1a files with it, and use the CMYK profile Debian ships with it),
# then the pinned pip packages (into the project's .venv, made by scripts/install.sh) and npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends python3 python3-venv chromium fonts-noto-cjk poppler-utils \
  default-jre-headless libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 ffmpeg ghostscript >/dev/null
# LibreOffice only for the tests: it converts a PPTX and a DOCX to PDF, to prove other office suites open them
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-impress libreoffice-writer >/dev/null
command -v npm >/dev/null || $SUDO apt-get install -y -qq nodejs npm >/dev/null
bash scripts/install.sh >/dev/null  # the project's .venv (Debian's own Python refuses pip install outside one)
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
npm ci --silent --no-audit --no-fund
