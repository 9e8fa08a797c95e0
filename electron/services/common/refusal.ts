/**
 * The services' own way to say no: a reason a person can read and what kind of no it is. Domain
 * code throws these and knows nothing of the transport; the api's dispatcher turns them into the
 * contract's typed errors. Anything else thrown is a fault, reported as such.
 */
export type RefusalKind = 'not-found' | 'conflict' | 'forbidden' | 'invalid-input';

export class Refusal extends Error {
  readonly kind: RefusalKind;

  constructor(kind: RefusalKind, message: string) {
    super(message);
    this.name = 'Refusal';
    this.kind = kind;
  }
}
