/**
 * A typed error for every external boundary: `userMessage` is the polite Vietnamese
 * sentence shown to a citizen or staff member, `message` the English one for the log.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly userMessage: string,
    readonly status = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, userMessage = 'Không tìm thấy thông tin bạn yêu cầu.') {
    super('not_found', `${what} not found`, userMessage, 404);
    this.name = 'NotFoundError';
  }
}

export class ValidationError extends AppError {
  constructor(message: string, userMessage: string, details?: unknown) {
    super('invalid_input', message, userMessage, 400, details);
    this.name = 'ValidationError';
  }
}

/** A dependency (store, provider, channel API) is down; callers answer 503 / "hệ thống đang bận". */
export class UnavailableError extends AppError {
  constructor(what: string, cause?: unknown) {
    super('unavailable', `${what} unavailable${cause instanceof Error ? `: ${cause.message}` : ''}`,
      'Hệ thống đang bận, xin bạn vui lòng thử lại sau ít phút.', 503);
    this.name = 'UnavailableError';
  }
}
