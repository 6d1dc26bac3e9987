// The contrast of every button's text against what is behind it, in each
// state a user meets it in: as drawn, under the pointer, with keyboard focus
// (with and without the pointer over it) and while pressed. axe-core checks
// text as drawn only, and leaves out text on a see-through button, so it
// passed blue text on the green panel (issue 23, point 14).

/** WCAG 2's minimum contrast for text under 18.66 px bold (a button's). */
export const TEXT_CONTRAST = 4.5;

/**
 * Each visible button's (and button-styled link's) text contrast in every
 * state, as `{ name, state, ratio, text, background }`, the background being
 * the colours of the button and everything behind it laid over white.
 */
export async function buttonContrasts(page) {
  const buttons = page.locator('button:visible, a.nhsuk-button:visible');
  const count = await buttons.count();
  const out = [];
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    const name = ((await button.getAttribute('aria-label')) ?? (await button.textContent()) ?? '').trim();
    const measure = async (state) => out.push({ name, state, ...(await button.evaluate(contrastOf)) });
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.activeElement?.blur?.());
    await measure('as drawn');
    await button.hover();
    await measure('under the pointer');
    await button.focus();
    await measure('focused, under the pointer');
    await page.mouse.move(0, 0);
    await measure('focused');
    await button.hover();
    await page.mouse.down();
    await measure('pressed');
    // Let go elsewhere, so the press is no click.
    await page.mouse.move(0, 0);
    await page.mouse.up();
    await page.evaluate(() => document.activeElement?.blur?.());
  }
  return out;
}

/** Those of `contrasts` below `minimum`, one line each, for a message. */
export const tooLow = (contrasts, minimum = TEXT_CONTRAST) =>
  contrasts
    .filter((c) => c.ratio < minimum)
    .map((c) => `"${c.name}" ${c.state}: ${c.ratio.toFixed(2)}:1 (${c.text} on ${c.background})`);

/** Runs in the page: the contrast of `element`'s text against its effective background. */
function contrastOf(element) {
  // Any transition is finished first, so the colours are the state's own.
  for (const animation of document.getAnimations()) animation.finish();
  const parse = (colour) => {
    const [r, g, b, a = 1] = colour.match(/[\d.]+/g).map(Number);
    return { r, g, b, a };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  const layers = [];
  for (let e = element; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
  let background = { r: 255, g: 255, b: 255, a: 1 };
  for (const layer of layers.reverse()) background = over(layer, background);
  const text = over(parse(getComputedStyle(element).color), background);
  const luminance = ({ r, g, b }) => {
    const channel = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  const css = ({ r, g, b }) => `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
  return { ratio: (light + 0.05) / (dark + 0.05), text: css(text), background: css(background) };
}
