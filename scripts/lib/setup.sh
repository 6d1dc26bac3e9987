# Shared set-up for scripts/run.sh, scripts/test.sh and scripts/bench.sh.
# Source it; each step installs what is missing and is quick when nothing is.
# Works on a fresh Debian machine that has only rustup's Rust, Node/npm and apt.

say() { printf '\n==> %s\n' "$*"; }

# cargo-installed tools and npm's binaries (sass, wasm-opt) must be on PATH for trunk.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

setup_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding Rust's wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  # trunk 0.22 needs a newer rustc than this project pins to; 0.21 works.
  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    say "Installing trunk 0.21 (first time only: several minutes)"
    cargo install trunk --version '~0.21' --locked
  fi

  # wasm-bindgen-cli must match the wasm-bindgen the lockfile pins exactly,
  # or trunk would try to download it (and --offline forbids that).
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
    say "Installing wasm-bindgen-cli $want (first time only: several minutes)"
    # Not --locked: its own lockfile pins a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "=$want"
  fi

  # Cuts the WebAssembly into a part per area (scripts/build-wasm.sh). 0.2.3 or
  # later: earlier versions do not know wasm-bindgen 0.2.128's renamed internals.
  # (It has no --version; cargo's list of installed crates says which.)
  if ! cargo install --list | grep -qx 'wasm_split_cli_support v0\.2\.4:'; then
    say "Installing wasm-split-cli 0.2.4 (first time only: a few minutes)"
    cargo install --locked wasm_split_cli_support --version '=0.2.4' --features build-binary
  fi

  # Every crate the build needs, so trunk and cargo can run --offline.
  cargo fetch --locked

  # npm packages: nhsuk-frontend (styles), sass, binaryen (a working wasm-opt;
  # Debian's binaryen 108 produces a broken module), terser (minifies the
  # release build's glue), playwright-core, and
  # lighthouse with chrome-launcher (the benchmark; they use Debian's Chromium).
  # The stamp records which package-lock.json node_modules was installed from.
  if ! cmp -s package-lock.json node_modules/.installed-from-lock 2>/dev/null; then
    say "Installing npm packages"
    npm ci --no-audit --no-fund
    cp package-lock.json node_modules/.installed-from-lock
  fi
}

setup_browser() {
  # pdftotext (poppler-utils) reads back the PDFs the print tests make.
  # chromium-l10n holds Chromium's British English (en-GB strings and day-first
  # dates): the tests run the browser as a UK user's is (--lang=en-GB), and
  # without it Chromium falls back to US English.
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/pdftotext ] \
    || ! dpkg -s chromium-l10n >/dev/null 2>&1; then
    say "Installing Debian's Chromium (with its en-GB locale) and poppler-utils for the end-to-end tests"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver chromium-l10n poppler-utils
  fi
}

build_release() {
  say "Building the release app with trunk (offline)"
  trunk build --release --offline
}

# The other engines the end-to-end journeys in tests/engines/ run in, over plain
# WebDriver: WebKit (WebKitGTK's WebKitWebDriver, the engine of Safari on the
# iPhones most NHS staff carry; it needs a display, so Xvfb with xvfb-run) and
# Firefox ESR with Mozilla's geckodriver. Debian packages no geckodriver, so it
# comes from crates.io like the build tools above; 0.37.1 with its own
# lockfile builds with this machine's Rust.
setup_other_engines() {
  if [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/xvfb-run ] || [ ! -x /usr/bin/firefox-esr ] \
    || [ ! -x /usr/bin/xauth ]; then
    say "Installing WebKitGTK's WebDriver, Xvfb and Firefox ESR for the other-engine tests"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y webkit2gtk-driver xvfb xauth firefox-esr
  fi
  # WebKitGTK takes its language (navigator.language) from the system locale:
  # with en_GB.UTF-8 generated it is a UK user's browser, as the others are.
  if ! locale -a 2>/dev/null | grep -qix 'en_GB\.utf8'; then
    say "Generating the en_GB.UTF-8 locale for WebKit"
    if ! dpkg -s locales >/dev/null 2>&1; then
      as_root apt-get update
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y locales
    fi
    as_root sed -i 's/^# *en_GB.UTF-8 UTF-8/en_GB.UTF-8 UTF-8/' /etc/locale.gen
    as_root locale-gen
  fi
  if ! geckodriver --version 2>/dev/null | grep -q '^geckodriver 0\.37\.1'; then
    say "Installing geckodriver 0.37.1 (first time only: a few minutes)"
    cargo install --locked geckodriver --version '=0.37.1'
  fi
}
