/**
 * The services' own way to say no: a reason a person can read and what kind of no it is. Domain
 * code throws these and knows nothing of the transport; the api's dispatcher turns them into the
 * contract's typed errors. Anything else thrown is a fault, reported as such.
 */
import type { ApiErrorDetail } from '../../../shared/contract/errors';

export type RefusalKind = 'not-found' | 'conflict' | 'forbidden' | 'invalid-input';

export class Refusal extends Error {
  readonly kind: RefusalKind;
  /** What the call ran into, for the console to say in its own words (e.g. who has taken the conversation). */
  readonly detail: ApiErrorDetail | undefined;

  constructor(kind: RefusalKind, message: string, detail?: ApiErrorDetail) {
    super(message);
    this.name = 'Refusal';
    this.kind = kind;
    this.detail = detail;
  }
}
