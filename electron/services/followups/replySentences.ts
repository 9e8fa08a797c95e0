/**
 * The sentences an agent wrote in a reply: quoted customer text (lines starting with ">", and the
 * quoted tail of an e-mail after "On … wrote:" or "-----Original Message-----") left out, then cut
 * into sentences at . ! ? followed by a capital or a digit, and at line breaks.
 */

export interface ReplySentence {
  text: string;
  /** Ends with a question mark. */
  question: boolean;
}

const QUOTED_TAIL = /^\s*(?:On\b.{0,200}\bwrote:\s*$|-{2,}\s*Original Message\s*-{2,})/im;

/** The agent's own lines of a reply. */
export function ownLines(text: string): string[] {
  const tail = QUOTED_TAIL.exec(text);
  const head = tail ? text.slice(0, tail.index) : text;
  return head
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'));
}

const SENTENCE_END = /(?<=[.!?…])["'”’)]*\s+(?=["'“‘(]?[A-Z0-9])/;

/** The sentences of a reply, in order, without quoted text. */
export function replySentences(text: string): ReplySentence[] {
  const sentences: ReplySentence[] = [];
  for (const line of ownLines(text)) {
    for (const piece of line.split(SENTENCE_END)) {
      const sentence = piece.replace(/\s+/g, ' ').trim();
      if (sentence.length === 0) continue;
      sentences.push({ text: sentence, question: /\?["'”’)]*$/.test(sentence) });
    }
  }
  return sentences;
}
