import { AppError } from '../../platform/errors.js';

export const seriesNotFound = () => new AppError('SERIES_NOT_FOUND', 'This series does not exist', 404);
export const seriesInPast = (startTime: string) =>
  new AppError(
    'SERIES_IN_PAST',
    `A show of this series would start at ${startTime}, which has passed: start the series on a later date`,
    400,
    { startTime },
  );
