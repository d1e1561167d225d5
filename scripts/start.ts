/**
 * `npm start` after install and build: the API on PORT and the built web app on WEB_PORT over a real
 * PostgreSQL, with an admin account and demo shows on first run. INSTANCES=N runs N API processes behind a
 * load balancer on PORT instead (scripts/lib/instances.ts).
 */
import { adminAccount, banner, databaseUrl, run } from './lib/local-stack.js';
import { startInstances } from './lib/instances.js';
import { startMailCatcher } from './lib/mail-catcher.js';

const apiPort = process.env.PORT ?? '3000';
const webPort = process.env.WEB_PORT ?? '5173';
const apiUrl = process.env.VITE_API_URL ?? `http://localhost:${apiPort}`;
const instances = Number(process.env.INSTANCES || '1');
const admin = adminAccount();
// Without SMTP_URL the emails go to a local mail catcher, whose inbox the banner names (ADR 0020).
const catcher = process.env.SMTP_URL ? null : await startMailCatcher();
const apiEnv = {
  DATABASE_URL: await databaseUrl(),
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
  PUBLIC_WEB_URL: process.env.PUBLIC_WEB_URL ?? `http://localhost:${webPort}`,
  ...(catcher ? { SMTP_URL: catcher.smtpUrl } : {}),
};
const mailLines = catcher ? [`emails       ${catcher.inboxUrl}   (mail catcher; set SMTP_URL to send for real)`] : [];

if (!Number.isInteger(instances) || instances < 1) {
  console.error(`[holdfast] INSTANCES must be a whole number of at least 1, not "${process.env.INSTANCES}"`);
  process.exit(2);
} else if (instances === 1) {
  run('API', ['apps/api/dist/main.js'], { PORT: apiPort, ...apiEnv });
  run('web', ['scripts/serve-web.mjs'], { WEB_PORT: webPort, API_URL: apiUrl });
  banner(`http://localhost:${webPort}`, apiUrl, admin, mailLines);
} else {
  const started = await startInstances(instances, { apiPort: Number(apiPort), webPort: Number(webPort) }, apiEnv);
  banner(`http://localhost:${webPort}`, apiUrl, admin, [...mailLines, ...started.lines]);
}
