import { AppError } from './errors.js';
import type { Logger } from './logger.js';

/**
 * The one place errors that nobody answered end up: HTTP's unknown errors, the cron job, the broadcaster and
 * the process itself. It logs with the context it is given (never request bodies or parameters).
 */
export interface ErrorReporter {
  report(error: unknown, context: Record<string, unknown> & { source: string }): void;
  /**
   * For errors that escaped everything (`uncaughtException`, `unhandledRejection`): the process state is
   * unknown, so log and exit non-zero, and let the supervisor (compose, systemd, `npm start`) restart it.
   */
  crash(error: unknown, source: string): never;
}

export function createErrorReporter(logger: Logger, exit: (code: number) => never = process.exit): ErrorReporter {
  return {
    report(error, context) {
      // A database that is down or busy is logged once by the outage tracker (db.ts); a job or broadcast that
      // runs into it is expected meanwhile, so it gets one short warning line, not an error with a stack.
      if (error instanceof AppError && error.status === 503) {
        logger.warn({ code: error.code, ...context }, `${context.source} skipped: ${error.message}`);
        return;
      }
      logger.error({ err: error, ...context }, `${context.source} failed`);
    },
    crash(error, source) {
      logger.fatal({ err: error, source }, 'uncaught error: exiting so that a supervisor restarts the process');
      logger.flush?.();
      return exit(1);
    },
  };
}

/** Routes the process's last-resort error events to the reporter; answers a function that removes them. */
export function reportUncaughtErrors(reporter: ErrorReporter): () => void {
  const onException = (error: unknown) => reporter.crash(error, 'uncaughtException');
  const onRejection = (reason: unknown) => reporter.crash(reason, 'unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
