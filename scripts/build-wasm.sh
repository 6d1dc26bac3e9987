#!/usr/bin/env bash
# Builds the app's WebAssembly, cut into parts: the first download holds what
# every page needs and the home page; each area's pages (src/ui/pages/areas.rs)
# are fetched the first time one is opened. Trunk 0.21 cannot split a module,
# so trunk runs this as a pre_build hook (Trunk.toml) and copies target/app/
# into the build; trunk still does the HTML, the CSS and the other files.
#
#   1. cargo builds the module with the `split` feature, keeping the linker's
#      relocations (--emit-relocs), which the splitter needs to move code;
#   2. wasm-split-cli cuts it at the areas' functions: the main module, one
#      split_<area>.wasm per area, chunk_<n>.wasm for code two areas share,
#      and __wasm_split.js, which fetches a part when it is first needed;
#   3. wasm-bindgen writes the JavaScript glue for the main module, keeping
#      the exports the parts link against (--keep-lld-exports);
#   4. release builds: the stream classes no page uses leave the main part and
#      its glue (scripts/drop-stream-classes.mjs), terser (npm) minifies the
#      glue, then wasm-opt -Oz (npm binaryen) on every part.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

NAME=commissioning-workbook
PROFILE=${TRUNK_PROFILE:-release}
OUT=target/app
WORK=target/app-split

cargo_profile=()
[ "$PROFILE" = release ] && cargo_profile=(--release)

# Only the wasm target gets the flags, so host builds (cargo test) keep their cache.
# The dependencies' source paths in panic messages are written from the crate
# on ("reactive_graph-0.2.16/src/…"), not from this machine's registry folder:
# the same messages, 0.2 KiB less in the first download.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Clink-args=--emit-relocs --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/=" \
  cargo build --offline --locked --target wasm32-unknown-unknown --bin "$NAME" \
  --features split "${cargo_profile[@]}"

# Left-over parts of an earlier build must not be served (nor fed to wasm-opt).
rm -rf "$OUT" "$WORK"
mkdir -p "$OUT" "$WORK"
wasm-split-cli "target/wasm32-unknown-unknown/$PROFILE/$NAME.wasm" "$WORK" --target web --out-name "$NAME"
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-name "$NAME" --out-dir "$OUT" "$WORK/$NAME.wasm"
for part in "$WORK"/split_*.wasm "$WORK"/chunk_*.wasm "$WORK/__wasm_split.js"; do
  if [ -e "$part" ]; then cp "$part" "$OUT/"; fi
done

if [ "$PROFILE" = release ]; then
  node scripts/drop-stream-classes.mjs "$OUT/${NAME}_bg.wasm" "$OUT/$NAME.js"
  # wasm-bindgen's glue is part of the first download and trunk does not
  # minify it (it is copied in, not bundled): terser takes it from 7.9 to
  # 6.1 KiB gzipped. Function names are kept so CPU profiles stay readable
  # (they cost 0.1 KiB); __wasm_split.js is minified later, by fingerprint-app.mjs,
  # once it has read the parts each area needs from it.
  terser "$OUT/$NAME.js" --module --compress --mangle --keep-fnames -o "$OUT/$NAME.min.js"
  mv "$OUT/$NAME.min.js" "$OUT/$NAME.js"
  # A copy with Rust's function names, for CPU profiles (bench/heavy-profile.mjs).
  rm -rf target/app-with-names && cp -r "$OUT" target/app-with-names
  # The features rustc's wasm32 target turns on; binaryen must be told them.
  for part in "$OUT"/*.wasm; do
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$part" -o "$part"
  done
fi

echo "WebAssembly parts in $OUT:"
ls -l "$OUT"
