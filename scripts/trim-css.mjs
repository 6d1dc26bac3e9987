// Post-build step (called by add-csp.mjs): drops the NHS.UK design system's
// rules for classes the app never uses. style/main.scss brings in only the
// components the app uses, but each brings every variant, and the core brings
// every spacing, width and typography utility at every breakpoint: about two
// thirds of the stylesheet, and a tenth of the first download, applied to
// nothing.
//
// A class counts as used when it appears anywhere in the app's Rust sources
// or index.html (every word of them is taken, so a class named in any string
// is kept), or starts with a prefix the sources complete at run time (a
// `format!` string such as "nhsuk-table__caption--{size}"), the app's own
// classes (`app-…`) as the design system's. A rule is kept when any selector in its list
// could match: every class in it is used. Classes inside :not(), :is(),
// :where() and :has() are not required, so such rules are kept. At-rules
// other than @media and @supports (@keyframes, @font-face, @page) are kept whole.
//
// The trimmed file is renamed after its contents, so a cached copy of an
// older build's stylesheet is never taken for it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as sass from 'sass';

const root = new URL('..', import.meta.url).pathname;

/** Every file under `dir` whose name matches `pattern`. */
function filesUnder(dir, pattern) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

/** The words of `texts` that could be class names, and the prefixes completed at run time. */
export function classesIn(texts) {
  const words = new Set();
  const prefixes = new Set();
  for (const text of texts) {
    for (const [word] of text.matchAll(/[A-Za-z_][A-Za-z0-9_-]*/g)) words.add(word);
    for (const [, prefix] of text.matchAll(/([A-Za-z_][A-Za-z0-9_-]*[-_])\{/g)) prefixes.add(prefix);
  }
  return { words, prefixes };
}

/** Top-level blocks of CSS text: [prelude, body, the whole block]. */
function blocks(css) {
  const out = [];
  let at = 0;
  while (at < css.length) {
    const open = css.indexOf('{', at);
    if (open < 0) break;
    let depth = 1;
    let end = open + 1;
    for (; depth > 0 && end < css.length; end++) {
      if (css[end] === '{') depth++;
      else if (css[end] === '}') depth--;
    }
    out.push([css.slice(at, open).trim(), css.slice(open + 1, end - 1), css.slice(at, end)]);
    at = end;
  }
  return out;
}

/** The stylesheet without rules for classes outside `used` (see the top of this file). */
export function trimCss(css, used) {
  const isUsed = (name) => used.words.has(name) || [...used.prefixes].some((p) => name.startsWith(p));
  const selectorMayMatch = (selector) =>
    (selector.replace(/:(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)/g, '').match(/\.-?[A-Za-z_][A-Za-z0-9_-]*/g) ?? [])
      .every((c) => isUsed(c.slice(1)));
  const filter = (text) =>
    blocks(text)
      .map(([prelude, body, whole]) => {
        if (/^@(media|supports)\b/.test(prelude)) {
          const inner = filter(body);
          return inner ? `${prelude}{${inner}}` : '';
        }
        if (prelude.startsWith('@')) return whole.trim();
        return splitSelectors(prelude).some(selectorMayMatch) ? whole.trim() : '';
      })
      .join('');
  // Comments could hide braces; the release stylesheet is minified anyway.
  return filter(css.replace(/\/\*[\s\S]*?\*\//g, ''));
}

/** A selector list split at its top-level commas (not those inside :is(…)). */
function splitSelectors(list) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out;
}

/**
 * The areas with a stylesheet of their own, fetched with the area's part
 * (src/ui/area_styles.rs): its Sass, and the sources that name its classes
 * (paths from the repository's root; a folder ends with a slash). Those
 * sources are left out of the main stylesheet's classes, so a rule only they
 * use is not in the first download.
 */
export const AREA_STYLESHEETS = [
  { area: 'assessment', sources: ['src/ui/pages/assessment/'] },
  { area: 'plan', sources: ['src/ui/pages/plan/'] },
  { area: 'placement', sources: ['src/ui/pages/placement/'] },
  {
    area: 'group',
    // The group's own rules (charts, results, the many-files picker's progress).
    scss: 'style/group.scss',
    sources: ['src/ui/pages/group/', 'src/ui/components/many_files.rs', 'src/ui/components/diverging_bar.rs'],
  },
  {
    area: 'agreement',
    // The agreement's own rules (the printed agreement and delivery report).
    scss: 'style/agreement.scss',
    sources: ['src/ui/pages/agreement/'],
  },
  {
    area: 'business_case',
    // The business case's own rules (the figures' tables, the printed summary and case).
    scss: 'style/business_case.scss',
    sources: ['src/ui/pages/business_case/'],
  },
  { area: 'your_data', sources: ['src/ui/pages/your_data.rs', 'src/ui/pages/protected_backup.rs', 'src/ui/pages/linked_backup.rs'] },
  {
    area: 'about',
    // About draws two examples of the group's diverging bars, with the group's rules for them.
    scss: 'style/group.scss',
    sources: ['src/ui/pages/about.rs', 'src/ui/components/diverging_bar.rs'],
  },
];

/** Trims the built stylesheet in `dir`, renames it after its contents, and points index.html at it. */
export function trimBuiltCss(dir) {
  const sheets = readdirSync(dir).filter((f) => /^main-[0-9a-f]+\.css$/.test(f));
  if (sheets.length !== 1) throw new Error(`${dir}: expected one main-<hash>.css, found ${sheets.join(', ') || 'none'}`);
  const [sheet] = sheets;
  const indexFile = join(dir, 'index.html');
  const index = readFileSync(indexFile, 'utf8');
  const files = [...filesUnder(join(root, 'src'), /\.rs$/), join(root, 'index.html')];
  const inArea = (file, area) => area.sources.some((s) => relative(root, file).startsWith(s));
  const read = (list) => list.map((f) => readFileSync(f, 'utf8'));
  const mainFiles = files.filter((f) => !AREA_STYLESHEETS.some((area) => inArea(f, area)));
  const before = readFileSync(join(dir, sheet), 'utf8');
  // The design system's rules and the app's own, in two stylesheets: the
  // main one (its link, trunk's) and `main-app-<hash>.css` linked after it
  // (id "app-styles"). An area's share of each is linked between them and
  // after the second (src/ui/area_styles.rs), so every rule keeps its place
  // in the order of the whole stylesheet: the design system's, then the
  // app's. Compiled here, as trunk compiled main.scss (which ends with
  // _app.scss).
  const compile = (file) => sass.compile(join(root, file), { style: 'compressed', loadPaths: [root] }).css;
  const whole = compile('style/main.scss');
  const appRules = compile('style/_app.scss');
  if (!whole.endsWith(appRules)) throw new Error('style/main.scss must end with style/_app.scss, whose rules follow the design system\'s');
  const designRules = whole.slice(0, whole.length - appRules.length);
  const mainUsed = classesIn(read(mainFiles));
  const mainDesign = trimCss(designRules, mainUsed);
  const mainApp = trimCss(appRules, mainUsed);
  const after = mainDesign + mainApp;
  // Ten hex digits name a version well enough, and the names are in every first download.
  const named = `main-${createHash('sha256').update(mainDesign).digest('hex').slice(0, 10)}.css`;
  writeFileSync(join(dir, sheet), mainDesign);
  renameSync(join(dir, sheet), join(dir, named));
  const appNamed = `main-app-${createHash('sha256').update(mainApp).digest('hex').slice(0, 10)}.css`;
  writeFileSync(join(dir, appNamed), mainApp);
  // Trunk gives the stylesheet's link a Subresource Integrity hash of the
  // untrimmed file; the browser would refuse the trimmed one without a new one.
  const link = new RegExp(`<link[^>]*${sheet.replace('.', '\\.')}[^>]*>`);
  const tag = index.match(link)?.[0];
  if (!tag) throw new Error(`${indexFile}: no link to ${sheet}`);
  const sri = (css) => `sha384-${createHash('sha384').update(css).digest('base64')}`;
  const integrity = sri(mainDesign);
  const newTag = tag.replace(sheet, named).replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity="${integrity}"`);
  if (!newTag.includes(integrity)) throw new Error(`${indexFile}: the link to ${sheet} has no integrity hash to replace`);
  const appTag = newTag.replace(named, appNamed).replace(integrity, sri(mainApp)).replace('<link', '<link id="app-styles"');
  // Each area's own stylesheets, named after their contents, and where the
  // app finds their names: a meta tag in index.html, "group=<design system's
  // rules>,<the app's>" ("-" for none).
  // Each area's two stylesheets are the design system's and the app's rules
  // (with the area's own, `scss`) trimmed to the classes the area's pages
  // and the shared code name.
  const areaSheets = AREA_STYLESHEETS.map((area) => {
    // The area's pages also show the shared components and the shell, so a
    // rule may join an area's class with one only they name.
    const used = classesIn(read(files.filter((f) => inArea(f, area) || mainFiles.includes(f))));
    const own = area.scss ? compile(area.scss) : '';
    const write = (part, css) => {
      if (!css) return '-';
      const name = `area-${area.area}${part}-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
      writeFileSync(join(dir, name), css);
      return name;
    };
    // Whole, not less what the main stylesheet has: a rule the main one also
    // has is declared again here in its place, so the rules in force on the
    // area's pages come in the order of the whole stylesheet (with only the
    // difference left out, the area's rules came after main ones they
    // preceded, and a drop zone or an assessment's statements changed).
    const design = trimCss(designRules, used);
    const app = trimCss(appRules + own, used);
    return { area: area.area, name: `${write('', design)},${write('-app', app)}`, size: design.length + app.length };
  });
  const meta = `<meta name="app-area-styles" content="${areaSheets.map((a) => `${a.area}=${a.name}`).join(' ')}">`;
  // Early in the head (after the character set; trunk's minifier drops the
  // optional <head> tags), so the deep-link preload script can read it.
  const charset = /<meta charset=[^>]*>/i;
  if (!charset.test(index)) throw new Error(`${indexFile}: no <meta charset> to put the area stylesheets' names after`);
  const withMeta = index
    .replace(tag, `${newTag}${appTag}`)
    .replace(/\s*<meta name="app-area-styles"[^>]*>/, '')
    .replace(charset, (found) => `${found}${meta}`);
  writeFileSync(indexFile, withMeta);
  return { named: `${named} and ${appNamed}`, before: before.length, after: after.length, areas: areaSheets };
}
