import type { IdentityKind } from '../../../shared/contract/domain';
import { emailKey } from './emailKey';
import { phoneKey } from './phoneKey';

/**
 * A customer's identity as the store compares it (customer_identities.value_key, unique per kind):
 * an e-mail address folded by emailKey (trimmed, NFC, lower case in every script — the same fold as
 * people's addresses), a phone number in E.164 by phoneKey (as written, trimmed, when it cannot be
 * placed), any other handle trimmed. The value is kept beside it as the customer wrote it, for
 * display (and search, which matches a number however it is written).
 */
export function identityKey(kind: IdentityKind, value: string): string {
  if (kind === 'email') return emailKey(value);
  return kind === 'phone' ? phoneKey(value) : value.trim();
}
