/**
 * CSS from an e-mail, kept from reaching the network. CSS can fetch in many ways — url(),
 * image-set(), @import, @font-face, and others to come — and hides them behind escapes
 * (`u\72l(`) and comments. We do not try to tell safe fetches from unsafe ones: any piece of CSS
 * that, read the way a browser reads it, could name a resource is dropped, before and after the
 * agent allows remote images (only <img> is ever allowed to load, so the count the agent sees is
 * exactly what loads).
 */

/** Anything in CSS that can name something to fetch, or run something (old IE, old Firefox). */
const FETCHES = /(?:url|image|image-set|cross-fade|element|src|attr|image-rect|paint)\s*\(|@import|@font-face|@namespace|expression|behavior|binding/;

function codePoint(hex: string): string {
  const value = parseInt(hex, 16);
  return value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(value);
}

/** Escapes resolved as CSS resolves them: `\72` and `\000072 ` are "r", `\(` is "(", an escaped newline is nothing. */
function resolveEscapes(css: string): string {
  return css.replace(/\\(?:([0-9a-fA-F]{1,6})(?:\r\n|[ \t\n\r\f])?|(\r\n|[\n\r\f])|([\s\S])|$)/g, (_match, hex?: string, newline?: string, char?: string) =>
    hex ? codePoint(hex) : newline ? '' : (char ?? ''),
  );
}

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');

/** Whether this CSS, read either way round (comments first or escapes first), could fetch anything. */
export function cssCanFetch(css: string): boolean {
  const views = [resolveEscapes(withoutComments(css)), withoutComments(resolveEscapes(css)), resolveEscapes(css)];
  return views.some((view) => FETCHES.test(view.replace(/\0/g, '\uFFFD').toLowerCase()));
}

/** A local SVG reference such as `url(#gradient)` fetches nothing; everything else in an attribute is judged as CSS. */
export function attributeCanFetch(value: string): boolean {
  return cssCanFetch(resolveEscapes(value).replace(/url\(\s*(["']?)#[\w.:-]*\1\s*\)/gi, 'none'));
}

/**
 * The CSS with every declaration, rule head or at-rule that could fetch taken out; the separators
 * (`;`, `{`, `}`) are all kept, so what is left cannot join up into something new. If anything
 * could still fetch, nothing of it is kept.
 */
export function withoutRemoteCss(css: string): string {
  if (!cssCanFetch(css)) return css;
  const parts = css.split(/([;{}])/);
  const kept = parts.map((part, index) => (index % 2 === 1 || !cssCanFetch(part) ? part : '')).join('');
  return cssCanFetch(kept) ? '' : kept;
}
