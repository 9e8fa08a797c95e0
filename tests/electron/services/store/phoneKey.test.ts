import { describe, expect, it } from 'vitest';
import { identityKey } from '../../../../electron/services/store/identityKey';

/** Phone numbers are compared in E.164 (customer_identities.value_key); what cannot be placed, as written. */
describe('a phone identity’s key', () => {
  it('is the number in E.164 however it is written', () => {
    for (const written of ['+44 20 7946 0958', '+442079460958', ' +44 (0)20 7946-0958 ', '+44 020 7946 0958', 'tel:+44-20-7946-0958']) {
      expect(identityKey('phone', written)).toBe('+442079460958');
    }
    // a number of a possible length that no plan allocates (the drama range the demo uses) is placed too
    expect(identityKey('phone', '+44 7700 900123')).toBe('+447700900123');
  });

  it('keeps an extension apart, and a number it cannot place as written (trimmed)', () => {
    expect(identityKey('phone', '+44 20 7946 0958 ext. 12')).toBe('+442079460958;ext=12');
    expect(identityKey('phone', ' 020 7946 0958 ')).toBe('020 7946 0958');
    expect(identityKey('phone', '+1 800 FLOWERS')).toBe('+1 800 FLOWERS');
    expect(identityKey('phone', '+12')).toBe('+12');
  });

  it('leaves other kinds as they were', () => {
    expect(identityKey('chat', ' +44 20 7946 0958 ')).toBe('+44 20 7946 0958');
    expect(identityKey('email', ' Ann@Example.com')).toBe('ann@example.com');
  });
});
