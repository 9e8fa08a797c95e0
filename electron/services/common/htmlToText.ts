import { convert } from 'html-to-text';

/**
 * Deepest nesting handed to html-to-text. It walks the document recursively, so a few thousand
 * nested elements overflow the stack (2,000 `<div>`s already do on the main thread); anything
 * deeper than this is read by the linear fallback below instead.
 */
export const MAX_HTML_DEPTH = 200;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is never text a person wrote. */
const SKIPPED_CONTENT = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);
/** Elements that start a new line when tags are stripped. */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul']);

const OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'blockquote', format: 'skip' },
    { selector: 'table', format: 'dataTable' },
    { selector: 'head', format: 'skip' },
  ],
};

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index just after the tag's `>`. */
  end: number;
}

/** The tag starting at `start` (a `<`), or null when it is not a tag; never scans past the next `>`. */
function tagAt(html: string, start: number): Tag | null | 'unterminated' {
  let at = start + 1;
  const closing = html[at] === '/';
  if (closing) at += 1;
  const first = html.charCodeAt(at);
  const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (!isLetter) return null;
  let nameEnd = at;
  while (nameEnd < html.length && /[A-Za-z0-9-]/.test(html[nameEnd]!)) nameEnd += 1;
  const close = html.indexOf('>', nameEnd);
  if (close < 0) return 'unterminated';
  return { name: html.slice(at, nameEnd).toLowerCase(), closing, selfClosing: html[close - 1] === '/', end: close + 1 };
}

/**
 * How deep the elements nest, counted in one pass without building a tree; it stops counting once
 * past `limit`. Unclosed elements count as open. It reads tags as a browser would not in one case (a
 * `>` inside a quoted attribute value ends the tag here), so it can underestimate a crafted
 * document: the converter's failure is caught and the linear stripper used then (see htmlToText).
 */
export function nestingDepth(html: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (let at = html.indexOf('<'); at >= 0; ) {
    const tag = tagAt(html, at);
    if (tag === 'unterminated') break;
    if (tag === null) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    if (tag.closing) depth = Math.max(0, depth - 1);
    else if (!tag.selfClosing && !VOID_ELEMENTS.has(tag.name)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    }
    at = html.indexOf('<', tag.end);
  }
  return deepest;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', euro: '€', pound: '£', copy: '©' };

function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/g, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point <= 0x10ffff && !(point >= 0xd800 && point <= 0xdfff) ? String.fromCodePoint(point) : whole;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/**
 * HTML as plain text in one linear pass, with no recursion and no tree: tags dropped, scripts and
 * styles skipped, block elements on their own lines, common entities decoded. The fallback for
 * HTML the full converter cannot take; it reads any input, however deep or broken.
 */
export function stripTags(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) {
      out.push(html.slice(at));
      break;
    }
    out.push(html.slice(at, open));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[open + 1] === '!' || html[open + 1] === '?') {
      const end = html.indexOf('>', open + 2);
      at = end < 0 ? html.length : end + 1;
      continue;
    }
    const tag = tagAt(html, open);
    if (tag === 'unterminated') {
      // a `<` with no `>` after it: the rest is text
      out.push(html.slice(open));
      break;
    }
    if (tag === null) {
      out.push('<');
      at = open + 1;
      continue;
    }
    if (BLOCKS.has(tag.name)) out.push('\n');
    at = tag.end;
    if (!tag.closing && !tag.selfClosing && SKIPPED_CONTENT.has(tag.name)) {
      const end = lower.indexOf(`</${tag.name}`, at);
      if (end < 0) break;
      const close = html.indexOf('>', end);
      at = close < 0 ? html.length : close + 1;
    }
  }
  return decodeEntities(out.join(''))
    .replace(/[ \t\f\v\r]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/**
 * HTML reduced to its text: no scripts, styles, images or quoted blocks. Never throws: HTML too
 * deep for the converter, or that it fails on, is read by the linear fallback instead.
 */
export function htmlToText(html: string): string {
  if (nestingDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) return stripTags(html);
  try {
    return convert(html, OPTIONS);
  } catch {
    return stripTags(html);
  }
}
