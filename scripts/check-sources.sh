#!/usr/bin/env bash
# Checks the framework's citations against the article files in ../shared/seeds:
# each cited article's file exists and prints the headline the citation names,
# and every statement cites a known article. CI runs it after ./scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
say "Checking cited articles against ../shared/seeds"
cargo run --locked --offline --quiet --example check_sources -- ../shared/seeds
