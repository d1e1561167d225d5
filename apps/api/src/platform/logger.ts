import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-id.js';

export type { Logger };

/**
 * One process logger; a line written while a request is served carries its `reqId` (request-id.ts), whoever
 * writes it. `destination`: where lines go instead of stdout (tests read them).
 */
export const createLogger = (level: string, destination?: DestinationStream): Logger => {
  const options = {
    level,
    base: { service: 'holdfast-api' },
    mixin: () => {
      const reqId = currentRequestId();
      return reqId === undefined ? {} : { reqId };
    },
  };
  return destination ? pino(options, destination) : pino(options);
};
