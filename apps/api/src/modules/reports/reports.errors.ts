import { MAX_REPORT_SHOWS } from '@holdfast/contracts';
import { AppError } from '../../platform/errors.js';

export const reportTooLarge = () =>
  new AppError('REPORT_TOO_LARGE', `Over ${MAX_REPORT_SHOWS} shows start in this window: choose a shorter one`, 400, {
    maxShows: MAX_REPORT_SHOWS,
  });
