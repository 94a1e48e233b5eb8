// The corpus in a fresh tab, with the clocks of the peers benchmark:
//   import: a generated 10,000-article JSONL (about 50 MB) picked on the corpus page ->
//           every row in the list; and the longest gap between two progress updates;
//   switch: a click on another article's row -> its title painted (2 rAF), median of 5;
//   export: Export -> the dataset file downloaded (every article, as dataset JSONL).
// Usage (from a copy of ../shared/bench/peers with its node_modules, see scripts/bench-corpus.sh):
//   node corpus-page.mjs DIST_DIR [articles=10000]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launchChromium } from './serve-dist.mjs';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [dist, countArg] = process.argv.slice(2);
const count = +(countArg || 10000);

// Article records of about 5 KB, as a scraper writes them: a title, a date, an abstract and
// eight paragraphs of quotes.
const words = 'the ceasefire talks were useful said officials in a statement on Monday after hours of meetings'.split(' ');
function paragraph(i, n) {
  let out = '';
  for (let k = 0; k < n; k++) out += words[(i * 7 + k * 3) % words.length] + (k % 17 === 16 ? '. ' : ' ');
  return `"${out.trim()}," Peskov said.`;
}
function record(i) {
  const text = Array.from({ length: 8 }, (_, p) => paragraph(i + p, 90)).join('\n\n');
  return JSON.stringify({ id: `art-${i}`, title: `Article ${i} on the talks`, published: '2025-03-16', abstract: 'Officials met.', text });
}
const file = path.join(os.tmpdir(), `stancemark-corpus-${count}.jsonl`);
if (!fs.existsSync(file)) fs.writeFileSync(file, Array.from({ length: count }, (_, i) => record(i)).join('\n') + '\n');
const mb = (fs.statSync(file).size / 1e6).toFixed(1);

const { base, close } = await serveDist(dist);
const browser = await launchChromium(chromium);
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
const page = await context.newPage();
await page.goto(base);
await page.waitForSelector('[data-testid=paragraph]');
await page.click('[data-testid=show-corpus]');
await page.waitForSelector('[data-testid=corpus-page]');

// Import: the clock starts when the file is handed to the page.
await page.evaluate(() => {
  window.__updates = [];
  const panel = () => (document.querySelector('[data-testid=import-panel]')?.textContent || '').slice(0, 60);
  new MutationObserver(() => window.__updates.push([performance.now(), panel()]))
    .observe(document.querySelector('[data-testid=corpus-page]'), { subtree: true, childList: true, characterData: true });
  window.__t0 = performance.now();
});
await page.setInputFiles('[data-testid=import-files]', file);
await page.waitForFunction((n) => document.querySelector('[data-testid=corpus-progress]')?.textContent.replace(/,/g, '').includes(`of ${n} done`), count + 1, { timeout: 120000, polling: 50 });
const imported = await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res(performance.now() - window.__t0)))));
// The longest wait between two changes of the page while importing, and where it fell.
const [longestGap, gapAfter] = await page.evaluate(() => {
  const t = [[window.__t0, 'the file handed over'], ...window.__updates]; let gap = 0, after = '';
  for (let i = 1; i < t.length; i++) if (t[i][0] - t[i - 1][0] > gap) { gap = t[i][0] - t[i - 1][0]; after = t[i - 1][1]; }
  return [gap, after];
});

// Switching: a row far down the list, then back, five times each way.
const switches = [];
for (let i = 0; i < 5; i++) {
  for (const id of [`art-${4000 + i}`, `art-${10 + i}`]) {
    if (!(await page.$('[data-testid=corpus-page]'))) { await page.click('[data-testid=show-corpus]'); await page.waitForSelector('[data-testid=corpus-page]'); }
    await page.fill('[data-testid=corpus-search]', `Article ${id.slice(4)} on`);
    const row = `[data-testid=corpus-row][data-article-id='${id}']`;
    await page.waitForSelector(row);
    const t = await page.evaluate(() => performance.now());
    await page.click(row);
    const title = `Article ${id.slice(4)} on the talks`;
    switches.push(await page.evaluate(([title, t]) => new Promise((res) => {
      const tick = () => document.querySelector('[data-testid=title]')?.textContent === title
        ? requestAnimationFrame(() => requestAnimationFrame(() => res(performance.now() - t))) : requestAnimationFrame(tick);
      tick();
    }), [title, t]));
  }
}

// Export: the whole project as dataset JSONL.
await page.click('[data-testid=show-corpus]');
await page.waitForSelector('[data-testid=export-open]');
await page.click('[data-testid=export-open]');
const t = Date.now();
const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.click('[data-testid=export-run]')]);
const saved = path.join(os.tmpdir(), 'stancemark-export.jsonl');
await download.saveAs(saved);
const exported = Date.now() - t;
const lines = fs.readFileSync(saved, 'utf8').trim().split('\n').length;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`corpus of ${count} articles (${mb} MB JSONL): import ${(imported / 1000).toFixed(1)} s (longest gap between progress updates ${longestGap.toFixed(0)} ms, after “${gapAfter}”) | switch ${median(switches).toFixed(0)} ms (median of ${switches.length}) | export ${(exported / 1000).toFixed(1)} s (${lines} lines)`);
console.log(JSON.stringify({ corpus: { count, mb: +mb, import_ms: imported, longest_gap_ms: longestGap, switch_ms: median(switches), switches, export_ms: exported, lines } }));
await browser.close(); close();
