// The sample article in a fresh tab, next to the peers benchmark and with the same clocks:
//   open:    navigation start -> the article painted (its paragraphs in the DOM, then 2 rAF);
//   first Q: keydown Q with a word selection made beforehand -> the new highlight painted;
//   suggest: keydown G (after Escape) -> the suggestions' dashed ghosts painted, and the part of
//            it spent in the suggester and the view models (the app's `stancemark-suggest` measure).
// Usage (from a copy of ../shared/bench/peers with its node_modules, see scripts/bench-peers.sh):
//   node sample-page.mjs DIST_DIR [rounds=5]
import { createRequire } from 'node:module';
import { serveDist, launchChromium } from './serve-dist.mjs';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [dist, roundsArg] = process.argv.slice(2);
const rounds = +(roundsArg || 5);

const { base, close } = await serveDist(dist);
const browser = await launchChromium(chromium);

// Resolves 2 rAF after `cond()` first holds, polling each frame: ms since `t0`.
const waitPainted = `window.__waitPainted = (cond, t0) => new Promise((res) => { const until = performance.now() + 20000;
  const tick = () => { if (cond()) requestAnimationFrame(() => requestAnimationFrame(() => res(performance.now() - t0)));
    else if (performance.now() > until) res(NaN); else requestAnimationFrame(tick); }; tick(); });`;

async function round() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(waitPainted);
  await page.goto(base);
  const open = await page.evaluate(() => window.__waitPainted(() => document.querySelectorAll('[data-testid=paragraph]').length > 0, 0));
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('[data-testid=article]'), NodeFilter.SHOW_TEXT);
    let node; while ((node = walker.nextNode()) && !node.data.includes('Kremlin spokesman')) {}
    const range = document.createRange(), at = node.data.indexOf('Kremlin spokesman');
    range.setStart(node, at); range.setEnd(node, at + 'Kremlin spokesman'.length);
    getSelection().removeAllRanges(); getSelection().addRange(range);
    node.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    window.__t = null;
    window.addEventListener('keydown', () => { window.__t ??= performance.now(); }, { capture: true, once: true });
  });
  await page.waitForTimeout(250);
  const painted = page.evaluate(() => new Promise((res) => {
    const wait = () => window.__t == null ? requestAnimationFrame(wait)
      : res(window.__waitPainted(() => document.querySelector('[data-target]') !== null, window.__t));
    wait();
  }));
  await page.keyboard.press('q');
  const firstQ = await painted;
  await page.keyboard.press('Escape');
  await page.waitForTimeout(250);
  const ghosts = page.evaluate(() => new Promise((res) => {
    window.__t = null;
    window.addEventListener('keydown', () => { window.__t ??= performance.now(); }, { capture: true, once: true });
    const wait = () => window.__t == null ? requestAnimationFrame(wait)
      : res(window.__waitPainted(() => document.querySelector('.seg.ghost') !== null, window.__t));
    wait();
  }));
  await page.waitForTimeout(50);
  await page.keyboard.press('g');
  const suggest = await ghosts;
  const suggestWork = await page.evaluate(() => performance.getEntriesByName('stancemark-suggest')[0]?.duration ?? NaN);
  await context.close();
  return { open, firstQ, suggest, suggestWork };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const samples = [];
for (let i = 0; i <= rounds; i++) { const r = await round(); if (i) samples.push(r); } // the first round warms up
const med = (key) => median(samples.map((s) => s[key]));
console.log(`sample article: open ${med('open').toFixed(0)} ms | first Q ${med('firstQ').toFixed(1)} ms | suggest ${med('suggest').toFixed(1)} ms, of which the suggester and views ${med('suggestWork').toFixed(1)} ms (median of ${rounds} fresh tabs)`);
console.log(JSON.stringify({ sample: { open: med('open'), first_q: med('firstQ'), suggest: med('suggest'), suggest_work: med('suggestWork'), samples } }));
await browser.close(); close();
