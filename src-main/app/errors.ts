import type { ErrorCode } from '../../src-shared/api';

/** An error whose code and message are meant for the user, carried across the API as they are. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
