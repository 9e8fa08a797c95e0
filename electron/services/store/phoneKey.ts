import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number as the store compares it: in E.164 ("+44 20 7946 0958", "+44 (0)20 7946-0958" and
 * "+442079460958" are one number, +442079460958), with its extension after ";ext=" (RFC 3966) — a
 * switchboard's extensions are different people. A number libphonenumber cannot place (no country
 * code: Kinship has no workspace region to read "020 7946 0958" by) or of no length a number of its
 * country can have keeps its trimmed form, as every number did before.
 *
 * Possible, not valid: validity follows the numbering plans (ranges allocated, the drama range
 * +44 7700 900xxx the demo uses is not), which change with the library's metadata — a number's key
 * must not change because the library was updated, or the customer who has it would no longer be
 * found by it.
 */
export function phoneKey(value: string): string {
  const trimmed = value.trim();
  const number = parsePhoneNumberFromString(trimmed);
  if (!number?.isPossible()) return trimmed;
  return number.ext ? `${number.number};ext=${number.ext}` : number.number;
}
