/**
 * `npm start` without SMTP_URL: maildev on loopback catches the API's emails, so a newcomer reads them in its
 * inbox. Its usual ports (SMTP 1025, web 1080) when free, any free ones otherwise; it stops with the rest.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root, run } from './local-stack.js';

// maildev exports no subpath for its command; the root dev dependency installs it here.
const MAILDEV = join(root, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js');

/** `preferred` when nothing listens there on loopback, else a port the system picks. */
function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => {
        const { port: found } = probe.address() as { port: number };
        probe.close(() => resolve(found));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

/** Starts maildev under supervision; answers the API's SMTP_URL and the inbox's address. */
export async function startMailCatcher(): Promise<{ smtpUrl: string; inboxUrl: string }> {
  const smtp = await freePort(1025);
  const web = await freePort(smtp === 1080 ? 0 : 1080);
  const args = [MAILDEV, '--ip', '127.0.0.1', '--web-ip', '127.0.0.1', '-s', String(smtp), '-w', String(web)];
  run('mail catcher', args, {});
  return { smtpUrl: `smtp://127.0.0.1:${smtp}`, inboxUrl: `http://localhost:${web}/` };
}
