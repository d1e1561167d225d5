import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags for a headless Chromium on a closed network, run as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, else a system Chromium or Chrome. Never a downloaded browser. */
export function findChromium(): string | null {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) return existsSync(wanted) ? wanted : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const MISSING_BROWSER_MESSAGE = `
  ################################################################################
  #  No Chromium found: the browser (end-to-end) tests did NOT run.               #
  #  Install one:  apt-get install -y chromium    (Debian/Ubuntu)                  #
  #  or point CHROMIUM_PATH at a Chromium or Chrome binary.                        #
  #  With CI=true a missing browser fails the run.                                 #
  ################################################################################
`;

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
