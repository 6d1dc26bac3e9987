// What a phone user meets: how many screens a page is, and whether anything
// is cut off at the right edge. Shared by the phone-sized checks of issue 23.

/** A common phone screen (iPhone SE / 8), in CSS pixels. */
export const PHONE = { width: 375, height: 667 };

/** How tall the page is, in screens of the current viewport (1.0 = fits). */
export const screensTall = (page) =>
  page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);

/**
 * Elements whose content runs past the right edge of the screen without a
 * box that scrolls sideways to reach it: a table or text the user cannot
 * read to its end. Returns a short description of each (empty when none).
 */
export const cutOff = (page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (/(auto|scroll)/.test(style.overflowX) && p.scrollWidth > p.clientWidth) return true;
      }
      return false;
    };
    const cut = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (box.right > width + 1 && !scrolls(el)) {
        cut.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(box.right)} px`);
      }
    }
    return cut;
  });
