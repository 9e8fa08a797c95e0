import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../../shared/passwordRules';
import { tryAgainIn } from '../../shared/tryAgainIn';

describe('password rules', () => {
  it('asks for length, counted as a person counts characters', () => {
    expect(passwordProblem('short one', 'a@b.co')).toMatch(/at least 12 characters \(this one has 9\)/);
    expect(passwordProblem('🙂'.repeat(PASSWORD_MIN_LENGTH - 1) + 'x', 'a@b.co')).toBeNull();
    expect(passwordProblem('a'.repeat(257), 'a@b.co')).toMatch(/at most 256/);
  });

  it('accepts a few words together, spaces and all', () => {
    expect(passwordProblem('purple kettle on the stairs', 'hannah@kinship.test')).toBeNull();
  });

  it('refuses the obvious', () => {
    expect(passwordProblem('hannah@kinship.test', 'Hannah@Kinship.test')).toMatch(/e-mail/);
    expect(passwordProblem('aaaaaaaaaaaaaa', 'x@y.z')).toMatch(/one character/);
    expect(passwordProblem('123456789012', 'x@y.z')).toMatch(/run/);
    expect(passwordProblem('qwertyuiopqwerty', 'x@y.z')).toMatch(/run/);
    expect(passwordProblem('987654321098', 'x@y.z')).toMatch(/run/);
    expect(passwordProblem('password1234', 'x@y.z')).toMatch(/password/);
  });
});

describe('try again in', () => {
  it('rounds up to whole minutes, plural by Intl', () => {
    expect(tryAgainIn(1)).toBe('Try again in 1 minute.');
    expect(tryAgainIn(60_000)).toBe('Try again in 1 minute.');
    expect(tryAgainIn(60_001)).toBe('Try again in 2 minutes.');
    expect(tryAgainIn(14 * 60_000 + 1)).toBe('Try again in 15 minutes.');
  });
});
