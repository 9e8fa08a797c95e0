/** Errors that cross the contract. Every failed call carries one of these codes and a plain message. */
export const API_ERROR_CODES = [
  'invalid-input',
  'unknown-method',
  'not-found',
  'store-unavailable',
  'conflict',
  /** The current role may not do this (e.g. an agent editing the coach's playbook). */
  'forbidden',
  'internal',
  'transport',
  /** The web host is still working on this connection's earlier calls: this one was not run (send it again later). */
  'busy',
  /** No one is signed in on this connection any more (the session expired, was signed out or revoked): sign in again. */
  'unauthenticated',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ApiErrorCode;
  message: string;
  /** For invalid input: which field was wrong and why. */
  issues?: { path: string; message: string }[];
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ApiErrorCode;
  readonly issues?: { path: string; message: string }[];

  constructor(code: ApiErrorCode, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (issues) this.issues = issues;
  }

  toShape(): ApiErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.issues);
  }
}

/** The result of one call, as it travels over IPC or the WebSocket. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };
