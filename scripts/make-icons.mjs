// Renders the app's PNG icons from public/icons/icon.svg with headless
// Chromium (Debian's, driven by playwright-core). The PNGs are committed, so
// builds never run this; run it by hand after changing the SVG:
//
//   node scripts/make-icons.mjs
//
// icon.svg has rounded corners, which suit a browser tab. The PNGs are
// opaque, so they are drawn full-bleed instead: launchers and iOS cut their
// own shape out of a square. The maskable icon shrinks the motif until it lies
// inside the central safe zone (a circle 80% of the icon's width), which any
// launcher's mask keeps; the script checks that on the rendered pixels.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/support.mjs';

const iconsDir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const svg = readFileSync(`${iconsDir}icon.svg`, 'utf8');
const BACKGROUND = [0x00, 0x5e, 0xb8]; // NHS blue, #005eb8

const icons = [
  { file: 'icon-192.png', size: 192 },
  { file: 'icon-512.png', size: 512 },
  { file: 'apple-touch-icon.png', size: 180 },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await launchBrowser();
try {
  for (const { file, size, maskable = false } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`);
    await page.evaluate(
      ({ size, maskable }) => {
        const svg = document.querySelector('svg');
        svg.setAttribute('width', size);
        svg.setAttribute('height', size);
        svg.style.display = 'block';
        document.getElementById('background').removeAttribute('rx');
        if (maskable) {
          // Scale the motif about the icon's centre until the corner of its
          // bounding box farthest from the centre is well inside the safe
          // circle (radius 40% of 512): at 36%, so a round mask leaves a margin.
          const motif = document.getElementById('motif');
          const box = motif.getBBox();
          const farthest = Math.max(
            ...[box.x, box.x + box.width].flatMap((x) =>
              [box.y, box.y + box.height].map((y) => Math.hypot(x - 256, y - 256)),
            ),
          );
          const scale = Math.min(1, (0.36 * 512) / farthest);
          motif.setAttribute('transform', `translate(256 256) scale(${scale}) translate(-256 -256)`);
        }
      },
      { size, maskable },
    );
    const png = await page.screenshot({
      type: 'png',
      clip: { x: 0, y: 0, width: size, height: size },
      omitBackground: false,
    });

    // Check the result: exact size, the background colour in the corners and,
    // for the maskable icon, nothing but background outside the safe zone.
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    if (width !== size || height !== size) throw new Error(`${file}: ${width}×${height}, wanted ${size}×${size}`);
    const stray = await page.evaluate(
      async ({ dataUrl, size, maskable, background }) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = size;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, size, size);
        let count = 0;
        for (let y = 0; y < size; y++) {
          for (let x = 0; x < size; x++) {
            const corner = (x < 2 || x >= size - 2) && (y < 2 || y >= size - 2);
            const outsideSafeZone = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) > 0.4 * size;
            if (!corner && !(maskable && outsideSafeZone)) continue;
            const i = (y * size + x) * 4;
            const off = [0, 1, 2].some((c) => Math.abs(data[i + c] - background[c]) > 2) || data[i + 3] !== 255;
            if (off) count++;
          }
        }
        return count;
      },
      { dataUrl: `data:image/png;base64,${png.toString('base64')}`, size, maskable, background: BACKGROUND },
    );
    if (stray > 0) throw new Error(`${file}: ${stray} pixels that should be plain background are not`);

    writeFileSync(`${iconsDir}${file}`, png);
    console.log(`${file}: ${size}×${size}, ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
