/**
 * Whether a sentence commits the agent to something, and what, as a short instruction to them:
 *  - the agent's own "I'll / we will / I'm going to / let me …" → the verb phrase after it, as an
 *    imperative: "I'll call you back tomorrow" → "Call back"; "we will refund you within 5 days"
 *    → "Refund the customer"; "I'll email you the tracking by 5 pm" → "Email the tracking".
 *  - what the customer will get: "you'll have it by Friday", "you should receive your refund",
 *    "your replacement will arrive on Monday" → "Confirm it arrived", "Confirm the refund arrived";
 *    "you'll hear from us" → "Get back to the customer"; "you'll be contacted" → "Contact the customer".
 * Negated ("we will not …") and out-of-office lines ("I'll be away until Monday") are not promises.
 */

export interface Commitment {
  kind: 'agent' | 'receives';
  /** Where the commitment starts and where its wording (the verb phrase) starts. */
  index: number;
  phraseStart: number;
  /** The verb of a 'receives' commitment (have, receive, hear, contacted, arrive …). */
  verb: string;
}

const AGENT = /\b(?:I|we)(?:['’]ll|['’](?:m|re) (?:going to|gonna)|\s+(?:will|shall|am going to|are going to|promise to|aim to|plan to|intend to|can promise (?:that )?(?:I|we)['’]?(?:ll| will)))\b|\blet (?:me|us)\b/gi;
const NEGATED_OR_ABSENT = /^\s*(?:not\b|never\b|be (?:out|away|off|closed|unavailable|on (?:holiday|leave|vacation|annual leave)|back in the office|in the office)\b)/i;
const RECEIVES = [
  /\byou(?:['’]ll|\s+will|\s+should|\s+can expect to)\s+(?:also\s+)?(?:be\s+)?(have|receive|get|hear|see|contacted|called|refunded|credited|emailed)\b/i,
  /\byou can expect\b()/i,
  /\b(?:your|the|this|that)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:will|should)\s+(?:be\s+)?(arrive|reach you|be with you|with you|delivered|dispatched|shipped|processed|credited|refunded|sent|fixed|ready)\b/i,
  /\b(?:it|they)\s+(?:will|should)\s+(?:be\s+)?(arrive|reach you|with you|delivered|dispatched|shipped|processed|credited|refunded|sent|fixed|ready)\b/i,
];

/** The first commitment in a sentence, or null. */
export function findCommitment(sentence: string): Commitment | null {
  for (const match of sentence.matchAll(AGENT)) {
    const end = match.index + match[0].length;
    if (NEGATED_OR_ABSENT.test(sentence.slice(end))) continue;
    return { kind: 'agent', index: match.index, phraseStart: end, verb: '' };
  }
  for (const pattern of RECEIVES) {
    const match = pattern.exec(sentence);
    if (match && !/\b(?:not|never|n['’]t)\b/i.test(match[0])) {
      return { kind: 'receives', index: match.index, phraseStart: match.index + match[0].length, verb: (match[1] ?? '').toLowerCase() };
    }
  }
  return null;
}

const MAX_DESCRIPTION = 80;
const LEADING_FILLER = /^(?:\s|,|also\b|then\b|now\b|just\b|personally\b|definitely\b|certainly\b|happily\b|gladly\b|make sure (?:to|that I|that we|I|we)\b|be sure to\b|try (?:to|and)\b|aim to\b|ensure (?:that )?(?:I|we)\b)+/i;
const TRAILING_CONNECTOR = /(?:[\s,;:–—-]|\b(?:by|on|at|before|within|in|until|no later than|first thing|sometime|some time|around|about|for you|and|or|latest|at the latest|the)\b)+$/i;
const DITRANSITIVE = /^(email|e-mail|send|text|message|give|forward|mail|post|bring|show|ship|courier|pass)\s+you\s+(?=\S)/i;

/** "you" and "your" as the agent would write about the customer. */
function aboutTheCustomer(phrase: string): string {
  return phrase
    .replace(/^(\w+) you back\b/i, '$1 back')
    .replace(DITRANSITIVE, '$1 ')
    .replace(/\byour\b/gi, 'the')
    .replace(/\byourself\b/gi, 'the customer')
    .replace(/\byou\b/gi, 'the customer');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sentence itself, cut to 80 characters at a word. */
export function trimmedSentence(sentence: string): string {
  if (sentence.length <= MAX_DESCRIPTION) return sentence;
  const cut = sentence.lastIndexOf(' ', MAX_DESCRIPTION - 1);
  return `${sentence.slice(0, cut > 40 ? cut : MAX_DESCRIPTION - 1).trimEnd()}…`;
}

/** A phrase without the filler before it and the connecting words ("by", "on", "at" …) after it. */
export function clean(phrase: string): string {
  return phrase.replace(LEADING_FILLER, '').replace(TRAILING_CONNECTOR, '').replace(/[.!…]+$/, '').trim();
}

/** A short instruction for the agent: what to do by the due time. */
export function describePromise(sentence: string, commitment: Commitment, dueIndex: number): string {
  const stop = dueIndex > commitment.phraseStart ? dueIndex : sentence.length;
  const phrase = clean(sentence.slice(commitment.phraseStart, stop).split(/[,;:]\s|\s[–—-]\s|\.\s/)[0] ?? '');
  let description: string;
  if (commitment.kind === 'agent') {
    const words = aboutTheCustomer(phrase)
      .replace(/^be (back )?in touch\b/i, 'get $1in touch')
      .replace(/^be\s+/i, '')
      .trim();
    description = words.length >= 3 ? capitalise(words) : '';
  } else if (/^(?:hear|called)$/.test(commitment.verb)) {
    description = 'Get back to the customer';
  } else if (/^(?:contacted|emailed)$/.test(commitment.verb)) {
    description = 'Contact the customer';
  } else if (/^(?:refunded|credited)$/.test(commitment.verb)) {
    description = 'Confirm the refund arrived';
  } else if (/^(?:have|receive|get|see|)$/.test(commitment.verb)) {
    const object = aboutTheCustomer(phrase).replace(/\bthe customer\b/g, 'it').trim() || 'it';
    description = object.length <= 40 ? `Confirm ${object} arrived` : 'Confirm it arrived';
  } else {
    // "your replacement will arrive": the subject is what should arrive
    const subject = /\b(your|the|this|that|it|they)\b((?:\s+[\w-]+){0,2}?)\s+(?:will|should)\b/i.exec(sentence.slice(commitment.index));
    const thing = subject ? (/^(?:it|they)$/i.test(subject[1]!) ? subject[1]!.toLowerCase() : `the${subject[2]}`) : 'it';
    description = /^(?:fixed|ready|processed)$/.test(commitment.verb) ? `Confirm ${thing} ${thing === 'they' ? 'are' : 'is'} ${commitment.verb}` : `Confirm ${thing} arrived`;
  }
  return description && description.length <= MAX_DESCRIPTION ? description : trimmedSentence(sentence);
}
