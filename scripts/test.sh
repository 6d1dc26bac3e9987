#!/usr/bin/env bash
# Runs every test: the model's native unit tests, then the end-to-end tests,
# which drive the release build in headless Chromium, then the core journeys
# in WebKit and Firefox over WebDriver.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
setup_build_tools
setup_browser
setup_other_engines

say "Model tests (native cargo test)"
cargo test --locked --offline

build_release

say "End-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/

say "Core journeys in WebKit and Firefox ESR, over WebDriver"
node --test --test-concurrency=1 tests/engines/
