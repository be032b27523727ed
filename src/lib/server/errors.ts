import type { MessageKey, TParams } from '../i18n';

/** Error codes the app answers with, and the HTTP status each maps to. */
export const errorStatus = {
  bad_request: 400,
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * The one error type of the app. `message` is an i18n message key (translated for the person who
 * made the request, with `params`); `fields` maps field names to message keys for forms and API callers.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  declare readonly message: MessageKey;
  readonly params?: TParams;
  readonly fields?: Record<string, MessageKey>;
  constructor(
    code: ErrorCode,
    message: MessageKey,
    options: { params?: TParams; fields?: Record<string, MessageKey> } = {}
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = options.params;
    this.fields = options.fields;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
