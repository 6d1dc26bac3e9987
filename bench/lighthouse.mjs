// Lighthouse benchmark: serves the release build on loopback and audits it with
// Lighthouse's mobile defaults (a mid-range phone's screen, simulated slow 4G and
// CPU throttling) for performance, accessibility, best practices and SEO. Runs
// each page LH_RUNS times (default 3) and prints the median score per category,
// the median LCP, FCP, TBT and CLS, and every audit that fails in a category
// scoring under 100, with up to 3 of the elements or items it names.
// A benchmark, not a test: it exits 0 whatever the scores.
//
//   DIST_DIR=/path/to/dist  the build to serve (default: dist/)
//   LH_RUNS=3               runs per page
//   LH_PATHS=/,/#/about     pages to audit, comma-separated (default: PATHS)
//   LH_GZIP=0               serve uncompressed (default: gzip, as any static host does)
//   LH_REPORT_DIR=/tmp/lh   also write each run's full Lighthouse report (JSON) there
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/e2e/support.mjs';
import { startBenchServer, distDir } from './serve.mjs';

/** The pages audited, as paths on the app's origin. */
const PATHS = ['/', '/#/about'];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['LCP', 'largest-contentful-paint', 'ms'],
  ['FCP', 'first-contentful-paint', 'ms'],
  ['TBT', 'total-blocking-time', 'ms'],
  ['CLS', 'cumulative-layout-shift', ''],
];
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

const runs = Math.max(1, Number(process.env.LH_RUNS ?? 3));
const paths = process.env.LH_PATHS ? process.env.LH_PATHS.split(',').map((p) => p.trim()).filter(Boolean) : PATHS;
const gzip = process.env.LH_GZIP !== '0';
const reportDir = process.env.LH_REPORT_DIR;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A short line for one item of an audit's details: the element, or the URL, or what it says. */
function describeItem(item) {
  const node = item.node ?? (item.type === 'node' ? item : undefined);
  if (node?.selector || node?.snippet) {
    const snippet = (node.snippet ?? '').replace(/\s+/g, ' ').slice(0, 160);
    return `${node.selector ?? ''}  ${snippet}`.trim() + (node.explanation ? `\n          ${node.explanation.replace(/\s+/g, ' ').slice(0, 300)}` : '');
  }
  const parts = [];
  for (const [key, v] of Object.entries(item)) {
    if (v == null || v === '' || ['type', 'subItems', 'sourceLocation', 'entity'].includes(key)) continue;
    let text;
    if (typeof v !== 'object') text = String(v);
    else if (v.type === 'network-tree') text = `network tree of ${Object.keys(v.chains ?? {}).length} chain(s), longest path ${v.longestChain?.duration?.toFixed?.(0) ?? '?'} ms`;
    else text = v.formattedDefault ?? v.text ?? (v.value != null && typeof v.value !== 'object' ? v.value : JSON.stringify(v).slice(0, 120));
    parts.push(`${key}: ${String(text).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')}`);
  }
  if (item.sourceLocation?.url) parts.push(`at ${item.sourceLocation.url}:${item.sourceLocation.line ?? ''}`);
  if (item.subItems?.items?.length) {
    parts.push(`[${item.subItems.items.slice(0, 3).map((s) => describeItem(s)).join('; ')}]`);
  }
  return (parts.length ? parts.join(', ') : JSON.stringify(item)).replace(/\s+/g, ' ').slice(0, 400);
}

function itemsOf(audit) {
  const d = audit.details;
  if (!d) return [];
  if (d.type === 'list') return d.items.flatMap((i) => i.items ?? [i]);
  return d.items ?? [];
}

const server = await startBenchServer({ gzip });
const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
try {
  console.log(`Lighthouse (mobile defaults), ${runs} run(s) per page, serving ${distDir}${gzip ? ' gzipped' : ''}`);
  for (const path of paths) {
    const url = server.url + path;
    const results = [];
    for (let i = 0; i < runs; i += 1) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      if (result?.lhr?.runtimeError) console.log(`  run ${i + 1}: runtime error: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      if (result?.lhr) results.push(result.lhr);
      if (result?.report && reportDir) {
        await mkdir(reportDir, { recursive: true });
        const slug = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
        await writeFile(join(reportDir, `${slug}-run${i + 1}.json`), result.report);
      }
    }
    if (!results.length) {
      console.log(`\n## ${path}: no result`);
      continue;
    }
    console.log(`\n## ${path}  (${results[0].lighthouseVersion}, ${results[0].finalDisplayedUrl})\n`);
    console.log(`| category (median of ${results.length}) | score |\n| --- | ---: |`);
    const scores = {};
    for (const id of CATEGORIES) {
      const s = results.map((r) => r.categories[id]?.score).filter((v) => v != null);
      scores[id] = s.length ? Math.round(median(s) * 100) : null;
      console.log(`| ${id} | ${scores[id] ?? 'n/a'} |`);
    }
    console.log(`\n| metric (median of ${results.length}) | value |\n| --- | ---: |`);
    for (const [label, id, unit] of METRICS) {
      const v = results.map((r) => r.audits[id]?.numericValue).filter((x) => x != null);
      const m = v.length ? median(v) : null;
      console.log(`| ${label} | ${m == null ? 'n/a' : unit === 'ms' ? `${m.toFixed(0)} ms` : m.toFixed(3)} |`);
    }

    for (const id of CATEGORIES) {
      if (scores[id] == null || scores[id] >= 100) continue;
      // An audit fails when it has a score under 1 (not informative, manual or not applicable).
      const failing = new Map();
      for (const lhr of results) {
        for (const ref of lhr.categories[id].auditRefs) {
          const audit = lhr.audits[ref.id];
          if (audit.score == null || audit.score >= 1) continue;
          if (['informative', 'manual', 'notApplicable', 'error'].includes(audit.scoreDisplayMode)) continue;
          const seen = failing.get(ref.id);
          if (seen) seen.count += 1;
          else failing.set(ref.id, { audit, weight: ref.weight, count: 1 });
        }
      }
      console.log(`\n### ${id} (${scores[id]}): ${failing.size} failing audit(s)`);
      const sorted = [...failing.entries()].sort((a, b) => b[1].weight - a[1].weight || a[1].audit.score - b[1].audit.score);
      for (const [auditId, { audit, weight, count }] of sorted) {
        const extra = [audit.displayValue, `weight ${weight}`, count < results.length ? `failed in ${count}/${results.length} runs` : '']
          .filter(Boolean).join(', ');
        console.log(`- ${auditId}: ${audit.title} (score ${audit.score}; ${extra})`);
        const items = itemsOf(audit);
        for (const item of items.slice(0, 3)) console.log(`    - ${describeItem(item)}`);
        if (items.length > 3) console.log(`    - … and ${items.length - 3} more`);
      }
    }
  }
} catch (error) {
  console.log(`Lighthouse failed: ${error?.stack ?? error}`);
} finally {
  chrome.kill();
  await server.close();
}
process.exit(0);
