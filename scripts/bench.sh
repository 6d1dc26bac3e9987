#!/usr/bin/env bash
# Benchmark: builds the release app, then prints asset sizes (raw and gzipped)
# and start-up times in headless Chromium, the heavy-workbook figures, then
# Lighthouse's scores with its mobile defaults, and last the model's import
# checks timed natively. The README keeps the latest figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
setup_build_tools
setup_browser
build_release
say "Asset sizes"
node bench/sizes.mjs
say "On the wire: the home page and deep links, gzipped"
node bench/deep-link.mjs
say "Start-up times"
node bench/startup.mjs
say "A heavy workbook: start, events and stored size"
node bench/heavy.mjs
say "A group round: 200 and 2,000 members' files loaded in the page"
node bench/group-round.mjs
say "Lighthouse (mobile defaults)"
node bench/lighthouse.mjs
say "Import checks, native release build (times the tests no longer assert)"
cargo run --release --locked --offline --quiet --example import_checks_bench
say "Group view model: reading members' files, taking them into a round, adding it up (native release build)"
cargo run --release --locked --offline --quiet --example group_round_bench
