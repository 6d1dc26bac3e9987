#!/usr/bin/env bash
# Builds the release app into dist/, ready to copy to any static host
# (the README's "Deploy it" says how).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
setup_build_tools
build_release
say "Built: dist/ holds the whole app"
