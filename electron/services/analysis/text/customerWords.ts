import EmailReplyParser from 'email-reply-parser';
import type { Channel } from '../../../../shared/contract/domain';
import { htmlToText, stripTags } from '../../common/htmlToText';

/** Longest text Kinship reads of one message; the rest is reported as not read. */
export const MAX_READ_CHARS = 20_000;
/** Longest text given to the reply parser (its patterns look at the start and the quoted tail). */
const MAX_PARSE_CHARS = 200_000;

// only the tag's start: looking for its `>` too would scan to the end from every `<` (quadratic)
const LOOKS_LIKE_HTML = /<(?:!doctype|html|head|body|div|p|br|table|span|font|blockquote|a)(?=[\s/>])/i;

export interface CustomerWords {
  text: string;
  words: number;
  /** True when the text was longer than Kinship reads. */
  truncated: boolean;
}

/**
 * The writer's own words in a message: HTML reduced to text, and for e-mail the quoted history
 * and signature removed, so a customer is not judged by what they quoted from us.
 */
export function customerWords(body: string, channel: Channel): CustomerWords {
  let text = body.length > MAX_PARSE_CHARS ? body.slice(0, MAX_PARSE_CHARS) : body;
  if (LOOKS_LIKE_HTML.test(text)) text = htmlToText(text);
  if (channel === 'email') text = new EmailReplyParser().parseReply(text) || text;
  text = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const truncated = text.length > MAX_READ_CHARS || body.length > MAX_PARSE_CHARS;
  if (text.length > MAX_READ_CHARS) {
    const cut = text.lastIndexOf(' ', MAX_READ_CHARS);
    text = text.slice(0, cut > MAX_READ_CHARS * 0.8 ? cut : MAX_READ_CHARS);
  }
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return { text, words, truncated };
}

/**
 * The last resort when a text cannot be prepared the usual way: tags stripped in one linear pass,
 * no reply parsing, cut to what Kinship reads.
 */
export function plainWords(body: string): CustomerWords {
  const text = stripTags(body.length > MAX_PARSE_CHARS ? body.slice(0, MAX_PARSE_CHARS) : body);
  const truncated = text.length > MAX_READ_CHARS || body.length > MAX_PARSE_CHARS;
  const kept = text.slice(0, MAX_READ_CHARS);
  return { text: kept, words: kept.match(/[\p{L}\p{N}]+/gu)?.length ?? 0, truncated };
}
