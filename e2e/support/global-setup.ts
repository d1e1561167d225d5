import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { findChromium, MISSING_BROWSER_MESSAGE } from './browser.js';
import { startStack } from './stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { apiUrl: string; webUrl: string; admin: { email: string; password: string }; holdSeconds: number } | null;
    chromiumPath: string | null;
  }
}

/** Short holds, swept every second, so a test can watch one run out. */
export const E2E_HOLD_SECONDS = 8;

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.warn(MISSING_BROWSER_MESSAGE);
    if (process.env.CI === 'true') throw new Error('CI=true and no Chromium: install chromium or set CHROMIUM_PATH');
    project.provide('chromiumPath', null);
    project.provide('stack', null);
    return;
  }
  const stack = await startStack({ holdSeconds: E2E_HOLD_SECONDS, sweepCron: '* * * * * *' });
  project.provide('chromiumPath', chromiumPath);
  project.provide('stack', {
    apiUrl: stack.apiUrl,
    webUrl: stack.webUrl,
    admin: stack.admin,
    holdSeconds: E2E_HOLD_SECONDS,
  });
  return () => stack.stop();
}
