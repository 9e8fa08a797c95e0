/**
 * Personal touches in an agent's message: addressing the customer by first name, and referring
 * back to an earlier contact ("as we discussed last time", "following up on your call on Monday").
 * Only the agent's own words count: quoted lines ("> …") and the quoted tail of an e-mail
 * ("On 3 March, Anna wrote:") are left out.
 */

export interface PersonalTouch {
  byName: boolean;
  remembers: boolean;
}

const QUOTED_TAIL = /^\s*(?:On\b.{0,200}\bwrote:\s*$|-{2,}\s*Original Message\s*-{2,}|From:\s.+$)/im;

/** The agent's own words: without quoted lines and the quoted tail of an e-mail. */
export function ownWords(body: string): string {
  const tail = QUOTED_TAIL.exec(body);
  const head = tail ? body.slice(0, tail.index) : body;
  return head
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

const REMEMBERS = new RegExp(
  [
    String.raw`\blast time\b`,
    String.raw`\bwhen (?:we|I) (?:last )?(?:spoke|talked|chatted)\b`,
    String.raw`\bas (?:we|I) (?:discussed|mentioned|promised|agreed|said)\b`,
    String.raw`\byou (?:mentioned|told (?:me|us)|said) (?:last|before|earlier|previously|when)\b`,
    String.raw`\bfollowing up on (?:our|your|the)\b`,
    String.raw`\b(?:your|our) (?:previous|earlier|last|recent) (?:message|e-?mail|call|chat|order|request|conversation|ticket|visit|contact)\b`,
    String.raw`\bI (?:remember|recall)\b`,
    String.raw`\bgood to (?:hear from|see) you again\b`,
    String.raw`\bwelcome back\b`,
    String.raw`\bhow did (?:the|your) [^.?!]{1,40} go\b`,
  ].join('|'),
  'i',
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for the first name as a whole word (any case); null when there is no usable name. */
export function nameMatcher(firstName: string | null): RegExp | null {
  const name = firstName?.trim();
  if (!name || name.length < 2 || !/\p{L}/u.test(name)) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * The touches in one agent message. `hadEarlierContact` says whether there was a conversation
 * before this one: only then can a message refer back to it.
 */
export function personalTouch(body: string, name: RegExp | null, hadEarlierContact: boolean): PersonalTouch {
  const own = ownWords(body);
  return {
    byName: name !== null && name.test(own),
    remembers: hadEarlierContact && REMEMBERS.test(own),
  };
}
