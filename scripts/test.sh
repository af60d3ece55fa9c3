#!/usr/bin/env bash
# Install the test tools and run every test. Same command for contributors and CI.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q -r requirements-test.txt
npm ci --silent --no-audit --no-fund
python3 -m pytest -q "$@"
