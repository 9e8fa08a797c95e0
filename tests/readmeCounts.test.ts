import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../electron/services/coach/defaultPlaybook';
import { DEFAULT_DEMO_SEED, generateDemoWorkspace } from '../electron/services/demo/generateDemoWorkspace';
import { DEFAULT_SOCKET_LIMITS } from '../electron/web/socketLimits';
import { PLAYBOOK_LIMITS } from '../shared/contract/coach';
import { DEFAULT_SESSION_RULES, DEFAULT_SIGN_IN_LIMITS, LINK_LIFETIMES } from '../electron/services/people';
import { DEFAULT_TEAM_PORT } from '../electron/web/teamConfig';
import { PASSWORD_MIN_LENGTH } from '../shared/passwordRules';

/** The README's counts are the code's: each one it states is checked here against what the code holds. */
const README = fs.readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8').replace(/\s+/g, ' ');
const WELCOME = fs.readFileSync(fileURLToPath(new URL('../renderer/src/features/onboarding/EmptyWorkspace.tsx', import.meta.url)), 'utf8').replace(/\s+/g, ' ');

function numbers(pattern: RegExp, text = README): number[] {
  const match = pattern.exec(text);
  if (!match) throw new Error(`The README no longer says ${pattern}: update this test with it.`);
  return match.slice(1).map(Number);
}

describe('the README counts what the code holds', () => {
  it('the default playbook: its rules and wordings per rule', () => {
    const [rules, fewest, most] = numbers(/default playbook \(`defaultPlaybook\.ts`, (\d+) rules, (\d+)–(\d+) wordings each\)/);
    const wordings = DEFAULT_PLAYBOOK.rules.map((rule) => rule.wordings.length);
    expect([rules, fewest, most]).toEqual([DEFAULT_PLAYBOOK.rules.length, Math.min(...wordings), Math.max(...wordings)]);
  });

  it("a playbook's limits", () => {
    expect(numbers(/limits \((\d+) rules, (\d+) wordings of (\d+) characters with at most (\d+) placeholders, (\d+) mentions\)/)).toEqual([
      PLAYBOOK_LIMITS.rules,
      PLAYBOOK_LIMITS.wordingsPerRule,
      PLAYBOOK_LIMITS.wordingLength,
      PLAYBOOK_LIMITS.placeholdersPerWording,
      PLAYBOOK_LIMITS.mentionsPerRule,
    ]);
  });

  it('the demo workspace: its customers and conversations (README and the welcome)', () => {
    const demo = generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED, now: Date.UTC(2026, 10, 28) });
    const customers = new Set(demo.messages.map((m) => m.customer.displayName)).size;
    const conversations = new Set(demo.messages.map((m) => m.conversation.externalRef)).size;
    expect(numbers(/with (\d+) customers and (\d+) conversations over the past twelve months/)).toEqual([customers, conversations]);
    expect(numbers(/(\d+) customers of Larkspur Home/, WELCOME)).toEqual([customers]);
  });

  it("the web host's limits per connection", () => {
    expect(numbers(/each connection may have (\d+) calls running and (\d+) waiting/)).toEqual([DEFAULT_SOCKET_LIMITS.maxInFlight, DEFAULT_SOCKET_LIMITS.maxQueued]);
  });

  it('a team server: its port, links, passwords, sessions and sign-in limits', () => {
    const HOUR = 3_600_000;
    expect(numbers(/listens on 127\.0\.0\.1:(\d+)/)).toEqual([DEFAULT_TEAM_PORT]);
    numbers(/setup link\*\* \(it\s+expires after an hour;/);
    expect(LINK_LIFETIMES.setupMs).toBe(HOUR);
    expect(numbers(/valid for (\d+) days/)).toEqual([LINK_LIFETIMES.invitationMs / (24 * HOUR)]);
    expect(numbers(/at least (\d+) characters, not the e-mail address/)).toEqual([PASSWORD_MIN_LENGTH]);
    expect(numbers(/end after (\d+) hours without use or (\d+) hours at most/)).toEqual([DEFAULT_SESSION_RULES.idleMs / HOUR, DEFAULT_SESSION_RULES.absoluteMs / HOUR]);
    expect(numbers(/five wrong passwords for an account \(or (\w+) from one address\) within (\d+) minutes/, README.replace('twenty', '20'))).toEqual([DEFAULT_SIGN_IN_LIMITS.perAddress, DEFAULT_SIGN_IN_LIMITS.windowMs / 60_000]);
    expect(DEFAULT_SIGN_IN_LIMITS.perAccount).toBe(5);
  });
});
