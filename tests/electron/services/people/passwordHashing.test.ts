import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../../../../electron/services/people';

const LOW = { ln: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple', LOW);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash: the same password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here', LOW), hashPassword('same password here', LOW)]);
    expect(a).not.toBe(b);
    expect(a.split('$')[3]).not.toBe(b.split('$')[3]);
  });

  it('keeps its cost in the hash, so it can be raised later and older hashes redone', async () => {
    const stored = await hashPassword('a long enough password', LOW);
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(needsRehash(stored, LOW)).toBe(false);
    expect(needsRehash(stored, { ln: 11, r: 8, p: 1 })).toBe(true);
    // still verifies with the cost it was made with, whatever the current default
    expect(await verifyPassword('a long enough password', stored)).toBe(true);
  });

  it('the default cost is the one stored by default', async () => {
    const stored = await hashPassword('a long enough password');
    expect(stored.startsWith('$scrypt$ln=15,r=8,p=3$')).toBe(true);
    expect(needsRehash(stored)).toBe(false);
    expect(await verifyPassword('a long enough password', stored)).toBe(true);
  });

  it('a hash it cannot read, or one asking for absurd cost, matches nothing (and is not run)', async () => {
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('x', '$scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
    expect(needsRehash('plain-text-password')).toBe(true);
  });

  it('normalises the password (a precomposed é and e + combining accent are the same password)', async () => {
    const stored = await hashPassword('caf\u00e9 au lait tous les jours', LOW);
    expect(await verifyPassword('cafe\u0301 au lait tous les jours', stored)).toBe(true);
  });
});
