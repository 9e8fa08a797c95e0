import { lowerFirst, normaliseSpaces, trimEdges } from './coachWords';

/**
 * What a subject line or a customer's message is about, as a short noun phrase to use after
 * "about": "Re: Where is my sofa?" → "your sofa", "My parcel never arrived" → "your parcel",
 * "Complaint – Alder dining table" → "alder dining table". Null when no such phrase can be found
 * (a question like "Can I change my address?"), so a wording using it is not offered.
 */

const MAX_WORDS = 6;
const GREETING = /^(?:hi|hello|hey|hiya|dear|good\s+(?:morning|afternoon|evening)|morning|afternoon)\b[^,.!?\n]{0,30}[,.!\n]+\s*/i;
/** "Complaint – …", "Question: …": a label before the real subject. */
const LABEL = /^(?:complaint|question|query|enquiry|inquiry|issue|problem|feedback|urgent|help|request|support|order)\s*(?:[–—-]|:)\s+/i;
const LEAD_IN = new RegExp(
  [
    "(?:i'm|i am) (?:writing|contacting you|getting in touch|emailing|messaging) (?:about|regarding|re)",
    "where(?:'s| is| are)",
    'what happened to',
    'what about',
    'any (?:news|update) (?:on|about)',
    'update (?:on|about)',
    '(?:a )?(?:question|query|problem|issue|complaint|enquiry) (?:about|with|regarding|re)',
    'help with',
    'regarding',
  ]
    .map((lead) => `^${lead}\\s+`)
    .join('|'),
  'i',
);
const STARTS_AS_THING = /^(?:my|the|our|your|a|an|this|these|those|LH-\d+)\b/i;
const QUESTION_OR_CLAUSE = /^(?:when|why|how|what|who|which|can|could|would|will|is|are|do|does|did|i|we|you|please|thanks|thank)\b/i;
/** A topic stops before these (after its first word): verbs and joining words. */
const STOP_WORDS = new Set(
  (
    'is are was were be been has have had hasn’t haven’t hadn’t isn’t aren’t wasn’t weren’t never still ' +
    'didn’t doesn’t don’t won’t can’t couldn’t arrived came broke keeps kept got went did does will would ' +
    'should could that which who and but so because since although though while or from to'
  )
    .replace(/’/g, "'")
    .split(' '),
);
const DANGLING = new Set(['a', 'an', 'the', 'for', 'of', 'to', 'with', 'on', 'in', 'at', 'from', 'my', 'your', 'our', 'and', 'or']);
const SECOND_PERSON: [RegExp, string][] = [
  [/\bmy\b/gi, 'your'],
  [/\bmine\b/gi, 'yours'],
  [/\bour\b/gi, 'your'],
];

export function topicPhrase(text: string, source: 'subject' | 'message' = 'message'): string | null {
  let clean = normaliseSpaces(text)
    .replace(/^(?:(?:re|fwd?|aw)\s*:\s*)+/i, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (source === 'message') clean = clean.replace(GREETING, '');
  else clean = clean.replace(LABEL, '');
  const clauseEnd = source === 'subject' ? /[.!?;\n]|\s[–—-]\s/ : /[.!?;:,\n]|\s[–—-]\s/;
  let clause = (clean.split(clauseEnd)[0] ?? '').trim().replace(LEAD_IN, '');
  if (!clause || QUESTION_OR_CLAUSE.test(clause)) return null;
  if (source === 'message' && !STARTS_AS_THING.test(clause)) return null;
  let words = clause.split(' ').filter((word) => word.length > 0);
  const stop = words.findIndex((word, index) => index >= 1 && STOP_WORDS.has(word.toLowerCase()));
  if (stop > 0) words = words.slice(0, stop);
  words = words.slice(0, MAX_WORDS);
  while (words.length > 1 && DANGLING.has((words[words.length - 1] ?? '').toLowerCase())) words = words.slice(0, -1);
  clause = trimEdges(words.join(' '), /[^\p{L}\p{N}]/u);
  if (!clause || DANGLING.has(clause.toLowerCase())) return null;
  for (const [pattern, replacement] of SECOND_PERSON) clause = clause.replace(pattern, replacement);
  return lowerFirst(clause);
}
