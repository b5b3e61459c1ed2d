/** The error codes clients see in `extensions.code`; every expected failure maps to one of them. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** Too many requests for this member, API key or sign-in; `retryAfterSeconds` says when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The database is briefly unavailable; retry after `retryAfterSeconds`. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** An expected failure with a message that is safe to show to the member who caused it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** Facts a client can act on without parsing the message, e.g. the current revision after a conflict. */
    readonly details: Record<string, string | number | boolean | null> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badInput(message: string, fields: FieldProblem[] = []): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, fields);
  }

  static notFound(message: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, message);
  }

  static conflict(message: string, details: AppError['details'] = {}): AppError {
    return new AppError(ErrorCode.CONFLICT, message, [], details);
  }

  static forbidden(message = 'You do not have permission to do this.'): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }

  static rateLimited(message: string, retryAfterSeconds: number): AppError {
    return new AppError(ErrorCode.RATE_LIMITED, message, [], { retryAfterSeconds });
  }

  static unauthenticated(message = 'Sign in to continue.'): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, message);
  }
}
