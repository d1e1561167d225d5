/**
 * Measures the web app's budgets against the real, built product:
 *   - initial JavaScript of the shows page, gzipped (budget < 150 KB): over it, the script exits 1
 *   - Lighthouse accessibility (>= 95) and performance (>= 95 on a quiet machine) of the shows page, mobile
 *     preset, median of RUNS runs (default 3) in the system Chromium.
 * Usage: pnpm build && pnpm --filter @holdfast/e2e budgets       Prints the scores; never asserts on timing.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, findChromium, MISSING_BROWSER_MESSAGE } from '../support/browser.js';
import { repoRoot, startStack } from '../support/stack.js';

const RUNS = Number(process.env.RUNS ?? 3);
/** What keeps the shows page under it: README, "Budgets". */
const INITIAL_JS_BUDGET_KB = 150;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The scripts index.html loads up front (entry + modulepreloads); lazily loaded routes are not counted. */
function initialJavaScript() {
  const dist = join(repoRoot, 'apps/web/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ]
    .map((match) => match[1] ?? match[2]!)
    .filter((src) => src.endsWith('.js'));
  const files = sources.map((src) => {
    const bytes = readFileSync(join(dist, src.replace(/^\//, '')));
    return { src, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0), raw: files.reduce((sum, f) => sum + f.raw, 0) };
}

async function seedShows(apiUrl: string, admin: { email: string; password: string }) {
  const login = await fetch(`${apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const { token } = (await login.json()) as { token: string };
  const names = [
    'Dr. Osei: general practice session',
    'Night bus 42: Harbour to Old Town',
    'Screening: Metropolis (1927)',
    'Flu vaccination clinic',
    'Coastal ferry: morning crossing',
    'Physiotherapy drop-in',
  ];
  for (const [i, name] of names.entries()) {
    await fetch(`${apiUrl}/shows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        name,
        startTime: new Date(Date.now() + (i + 1) * 86_400_000).toISOString(),
        totalSlots: 10 + i * 7,
      }),
    });
  }
}

async function main() {
  const js = initialJavaScript();
  console.log('Initial JavaScript of the shows page (gzip -9):');
  for (const file of js.files)
    console.log(
      `  ${file.src.padEnd(44)}`,
      `${(file.raw / 1024).toFixed(1).padStart(7)} KB raw`,
      `${(file.gzip / 1024).toFixed(1).padStart(7)} KB gzip`,
    );
  const withinBudget = js.gzip < INITIAL_JS_BUDGET_KB * 1024;
  console.log(
    `  total ${(js.gzip / 1024).toFixed(1)} KB gzipped (budget ${INITIAL_JS_BUDGET_KB} KB):`,
    `${withinBudget ? 'within' : 'OVER'}\n`,
  );
  // A size is the same on every machine, so unlike the timings it is asserted.
  if (!withinBudget) process.exitCode = 1;

  const chromePath = findChromium();
  if (!chromePath) {
    console.warn(MISSING_BROWSER_MESSAGE);
    process.exit(1);
  }
  const stack = await startStack({ holdSeconds: 120, sweepCron: '* * * * *' });
  try {
    await seedShows(stack.apiUrl, stack.admin);
    const scores = { performance: [] as number[], accessibility: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS });
      try {
        // Lighthouse's default config is the mobile preset (Moto G Power emulation, simulated slow 4G).
        const result = await lighthouse(`${stack.webUrl}/`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        const categories = result?.lhr.categories;
        scores.performance.push(Math.round((categories?.performance?.score ?? 0) * 100));
        scores.accessibility.push(Math.round((categories?.accessibility?.score ?? 0) * 100));
        const audits = result?.lhr.audits ?? {};
        const metric = (id: string) => audits[id]?.displayValue ?? '?';
        console.log(
          `  run ${run + 1}: perf ${scores.performance.at(-1)} a11y ${scores.accessibility.at(-1)} `,
          `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')},`,
          `TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`,
        );
        if (run === 0) {
          // The whole first report, for what the summary leaves out (the LCP element, the request chain).
          const reportDir = join(repoRoot, '.artifacts');
          mkdirSync(reportDir, { recursive: true });
          writeFileSync(join(reportDir, 'lighthouse-shows.json'), JSON.stringify(result?.lhr, null, 1));
          const failing = Object.values(result?.lhr.audits ?? {}).filter(
            (a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary',
          );
          if (failing.length) console.log(`Audits not passed (first run): ${failing.map((a) => a.id).join(', ')}`);
        }
      } finally {
        chrome.kill();
      }
    }
    console.log(
      `Lighthouse, shows page, mobile preset, ${RUNS} runs:`,
      `runs perf ${scores.performance.join('/')} a11y ${scores.accessibility.join('/')}`,
    );
    console.log(`  performance   median ${median(scores.performance)} (budget >= 95 on a quiet machine)`);
    console.log(`  accessibility median ${median(scores.accessibility)} (budget >= 95)`);
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
