/** Matches the attribution line that introduces quoted history in a reply ("On Tue, … wrote:"). */
const ATTRIBUTION = /^On .{4,200} wrote:\s*$/;

/**
 * A one-line preview of a message body for lists: the writer's own words, without quoted history
 * or signature, whitespace collapsed, cut at a word boundary.
 */
export function messagePreview(body: string, maxLength = 140): string {
  const own: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '--' || trimmed === '-- ' || ATTRIBUTION.test(trimmed)) break;
    if (trimmed.startsWith('>')) continue;
    own.push(trimmed);
  }
  const text = (own.join(' ').replace(/\s+/g, ' ').trim() || body.replace(/\s+/g, ' ').trim());
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
