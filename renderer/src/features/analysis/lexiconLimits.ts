/**
 * What the lexicon fallback (VADER) does and cannot do, in plain words — checked against what it
 * really reads (electron/services/analysis/lexiconAnalyzer.ts): sentiment only, from a list of
 * about 7,500 English words, emoticons and emoji, with rules for negation, intensity and "but".
 */
export const LEXICON_DOES = 'Kinship reads sentiment with VADER: a list of about 7,500 English words, emoticons and emoji, with rules for negation ("not happy"), intensity and "but".';

export const LEXICON_CANNOT: readonly string[] = [
  'name an emotion: anger, fear and sadness are one "negative" figure, so the coach cannot tell a frightened customer from a furious one',
  'read a complaint written without feeling words: "my order never arrived" reads as neutral',
  'see sarcasm: "Great, another delay" reads as positive',
  'read any language but English',
];

/** Megabytes for people, one decimal. */
export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
