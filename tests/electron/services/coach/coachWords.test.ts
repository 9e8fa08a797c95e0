import { describe, expect, it } from 'vitest';
import { trimEdges } from '../../../../electron/services/coach/coachWords';

describe('trimming marks off a text’s edges', () => {
  it('drops the matching characters at the end, or at both ends, and nothing inside', () => {
    expect(trimEdges('Thanks!?.', /[.!?]/, 'end')).toBe('Thanks');
    expect(trimEdges('...Thanks. Bye!', /[.!?]/, 'end')).toBe('...Thanks. Bye');
    expect(trimEdges(' ,– hello, there ,', /[\s,;:–—-]/)).toBe('hello, there');
    expect(trimEdges('🙂 call back 🙂)', /[^\p{L}\p{N})]/u, 'end')).toBe('🙂 call back 🙂)');
    expect(trimEdges('🙂 𝐀bc 🙂', /[^\p{L}\p{N}]/u)).toBe('𝐀bc');
    expect(trimEdges('!!!', /[.!?]/)).toBe('');
    expect(trimEdges('', /[.!?]/)).toBe('');
  });
});
