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

/**
 * What a refused call ran into, for the console to say in its own words (a conflict's facts, not
 * only its sentence): 'taken' — someone else has the conversation (who, and since when, if known).
 */
export type ApiErrorDetail = { kind: 'taken'; conversationId: number; holder: { id: number; name: string }; since: number | null };

export interface ApiErrorShape {
  code: ApiErrorCode;
  message: string;
  /** For invalid input: which field was wrong and why. */
  issues?: { path: string; message: string }[];
  /** For a conflict: what the call ran into (see ApiErrorDetail). */
  detail?: ApiErrorDetail;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ApiErrorCode;
  readonly issues?: { path: string; message: string }[];
  readonly detail?: ApiErrorDetail;

  constructor(code: ApiErrorCode, message: string, issues?: { path: string; message: string }[], detail?: ApiErrorDetail) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (issues) this.issues = issues;
    if (detail) this.detail = detail;
  }

  toShape(): ApiErrorShape {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}), ...(this.detail ? { detail: this.detail } : {}) };
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.issues, shape.detail);
  }
}

/** The result of one call, as it travels over IPC or the WebSocket. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };
