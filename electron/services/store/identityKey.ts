import type { IdentityKind } from '../../../shared/contract/domain';
import { emailKey } from './emailKey';

/**
 * A customer's identity as the store compares it (customer_identities.value_key, unique per kind):
 * an e-mail address folded by emailKey (trimmed, NFC, lower case in every script — the same fold as
 * people's addresses), any other handle trimmed. The value is kept beside it as the customer wrote
 * it, for display. Phone numbers are compared as written: no phone-number library is among the
 * project's dependencies to bring them to E.164.
 */
export function identityKey(kind: IdentityKind, value: string): string {
  return kind === 'email' ? emailKey(value) : value.trim();
}
