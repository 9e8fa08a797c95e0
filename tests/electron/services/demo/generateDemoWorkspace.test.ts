import { describe, expect, it } from 'vitest';
import type { IngestMessage } from '../../../../shared/contract/ingestion';
import { COMPETITOR } from '../../../../electron/services/demo/brand';
import {
  DEFAULT_DEMO_SEED,
  generateDemoWorkspace,
  type DemoWorkspace,
} from '../../../../electron/services/demo/generateDemoWorkspace';
import { LOST_COMPLAINT_SUBJECT, STORY_CUSTOMERS } from '../../../../electron/services/demo/storyArcs';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 23, 12, 0);
const demo = generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED, now: NOW });

type Thread = IngestMessage[];

function conversationsOf(workspace: DemoWorkspace): Map<string, Thread> {
  const byRef = new Map<string, Thread>();
  for (const item of workspace.messages) {
    const ref = item.conversation.externalRef;
    if (!ref) throw new Error(`message ${item.message.externalId} has no externalRef`);
    const list = byRef.get(ref) ?? [];
    list.push(item);
    byRef.set(ref, list);
  }
  return byRef;
}

const conversations = [...conversationsOf(demo).values()];
const first = (thread: Thread): IngestMessage => thread[0]!;
const last = (thread: Thread): IngestMessage => thread[thread.length - 1]!;
const of = (name: string): Thread[] => conversations.filter((t) => first(t).customer.displayName === name);
const by = (thread: Thread, author: IngestMessage['message']['author']): Thread =>
  thread.filter((m) => m.message.author === author);
const agentEmails = new Set(demo.users.filter((u) => u.role === 'agent').map((u) => u.email));

describe('generateDemoWorkspace: size and shape', () => {
  it('has Larkspur staff: at least four agents, a supervisor and an executive', () => {
    const roles = demo.users.map((u) => u.role);
    expect(roles.filter((r) => r === 'agent').length).toBeGreaterThanOrEqual(4);
    expect(roles).toContain('supervisor');
    expect(roles).toContain('executive');
    for (const user of demo.users) expect(user.email).toMatch(/^[a-z.]+@larkspur\.example$/);
    expect(new Set(demo.users.map((u) => u.email)).size).toBe(demo.users.length);
  });

  it('has at least 60 customers and 300 conversations, each channel at least a fifth', () => {
    expect(new Set(demo.messages.map((m) => m.customer.displayName)).size).toBeGreaterThanOrEqual(60);
    expect(conversations.length).toBeGreaterThanOrEqual(300);
    for (const channel of ['chat', 'email', 'voice'] as const) {
      const share = conversations.filter((t) => first(t).channel === channel).length / conversations.length;
      expect(share, channel).toBeGreaterThanOrEqual(0.2);
    }
  });
});

describe('generateDemoWorkspace: determinism and time', () => {
  it('gives exactly the same workspace for the same seed and now', () => {
    expect(generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED, now: NOW })).toEqual(demo);
  });

  it('gives a different workspace for a different seed', () => {
    const other = generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED + 1, now: NOW });
    expect(JSON.stringify(other.messages)).not.toBe(JSON.stringify(demo.messages));
  });

  it.each([
    [DEFAULT_DEMO_SEED, NOW],
    [1, Date.UTC(2027, 2, 1, 3, 17)],
    [99, Date.UTC(2026, 0, 4, 23, 59)],
  ])('keeps every time within the year before now, in order (seed %i)', (seed, now) => {
    const { messages } = generateDemoWorkspace({ seed, now });
    let previous = -Infinity;
    for (const { message } of messages) {
      expect(message.sentAt).toBeGreaterThanOrEqual(now - 366 * DAY);
      expect(message.sentAt).toBeLessThanOrEqual(now);
      expect(message.sentAt).toBeGreaterThanOrEqual(previous);
      previous = message.sentAt;
      for (const key of ['callStartedAt', 'callEndedAt'] as const) {
        const value = message.meta?.[key];
        if (value !== undefined) expect(value).toBeLessThanOrEqual(now);
      }
    }
  });

  it('meets the size bar for other seeds too', () => {
    for (const seed of [2, 3, 4]) {
      const threads = [...conversationsOf(generateDemoWorkspace({ seed, now: NOW })).values()];
      expect(threads.length).toBeGreaterThanOrEqual(300);
      for (const channel of ['chat', 'email', 'voice'] as const) {
        expect(threads.filter((t) => first(t).channel === channel).length / threads.length).toBeGreaterThanOrEqual(0.2);
      }
    }
  });
});

describe('generateDemoWorkspace: teams', () => {
  const staff = new Map(demo.users.map((user) => [user.email, user]));
  const byRef = conversationsOf(demo);

  it('has two teams of its staff who answer customers, the team lead (the desk’s owner) on one', () => {
    expect(demo.teams.map((team) => team.name)).toEqual(['Order Care', 'Product Help']);
    for (const team of demo.teams) {
      expect(team.memberEmails.length).toBeGreaterThanOrEqual(2);
      for (const email of team.memberEmails) expect(['agent', 'supervisor']).toContain(staff.get(email)?.role);
    }
    const lead = demo.users.find((user) => user.role === 'supervisor')!;
    expect(demo.teams.filter((team) => team.memberEmails.includes(lead.email))).toHaveLength(1);
  });

  it('gives each team some of the conversations still moving, some with a person on the team and some with nobody yet', () => {
    const teamed = new Set<string>();
    for (const team of demo.teams) {
      const people = team.conversations.filter((c) => c.assigneeEmail !== null);
      expect(people.length, team.name).toBeGreaterThanOrEqual(2);
      expect(team.conversations.length - people.length, team.name).toBeGreaterThanOrEqual(2);
      for (const { ref, assigneeEmail } of team.conversations) {
        const thread = byRef.get(ref)!;
        expect(last(thread).conversation.status, ref).not.toBe('resolved');
        // the conversation's own person (set by its messages) is the one the team has it with
        expect(first(thread).conversation.assigneeEmail ?? null, ref).toBe(assigneeEmail);
        if (assigneeEmail !== null) expect(team.memberEmails, ref).toContain(assigneeEmail);
        expect(teamed.has(ref), ref).toBe(false);
        teamed.add(ref);
      }
    }
    // and not all of them: the queue shows conversations with a team beside ones without
    const moving = conversations.filter((thread) => last(thread).conversation.status !== 'resolved');
    expect(moving.filter((thread) => !teamed.has(first(thread).conversation.externalRef!)).length).toBeGreaterThanOrEqual(5);
  });
});

describe('generateDemoWorkspace: conversations', () => {
  it('gives every message a unique externalId and every email a unique Message-ID', () => {
    const ids = demo.messages.map((m) => m.message.externalId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const messageIds = demo.messages.filter((m) => m.message.meta?.messageId).map((m) => m.message.meta?.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
  });

  it('keeps each conversation consistent: one channel, customer, subject, queue and assignee', () => {
    for (const thread of conversations) {
      const head = first(thread);
      expect(head.conversation.subject?.length ?? 0).toBeGreaterThan(0);
      expect(['orders', 'returns', 'billing', 'general']).toContain(head.conversation.queue);
      for (const item of thread) {
        expect(item.channel).toBe(head.channel);
        expect(item.customer.displayName).toBe(head.customer.displayName);
        expect(item.conversation.subject).toBe(head.conversation.subject);
        expect(item.conversation.queue).toBe(head.conversation.queue);
        expect(item.conversation.assigneeEmail).toBe(head.conversation.assigneeEmail);
        expect(item.conversation.status).toBeDefined();
      }
    }
    const assigned = conversations.filter((t) => agentEmails.has(first(t).conversation.assigneeEmail ?? ''));
    expect(assigned.length / conversations.length).toBeGreaterThanOrEqual(0.8);
  });

  it('ends older conversations resolved and leaves a realistic share of recent ones in progress', () => {
    const age = (t: Thread) => NOW - last(t).message.sentAt;
    const older = conversations.filter((t) => age(t) > 30 * DAY);
    const resolvedOlder = older.filter((t) => last(t).conversation.status === 'resolved');
    expect(resolvedOlder.length / older.length).toBeGreaterThanOrEqual(0.9);
    const recent = conversations.filter((t) => age(t) <= 21 * DAY);
    const inProgress = recent.filter((t) => last(t).conversation.status !== 'resolved');
    expect(inProgress.length / recent.length).toBeGreaterThanOrEqual(0.2);
    const statuses = new Set(conversations.map((t) => last(t).conversation.status));
    for (const status of ['open', 'pending', 'snoozed', 'resolved']) expect(statuses).toContain(status);
  });

  it('uses the same name and identities every time, so one customer is one person across channels', () => {
    const seen = new Map<string, Map<string, string>>();
    const owner = new Map<string, string>();
    for (const { customer, channel } of demo.messages) {
      const identities = seen.get(customer.displayName) ?? new Map<string, string>();
      seen.set(customer.displayName, identities);
      const own = customer.identities[0]!;
      expect(own.kind).toBe(channel === 'email' ? 'email' : channel === 'chat' ? 'chat' : 'phone');
      expect(customer.identities.some((i) => i.kind === 'email')).toBe(true);
      for (const { kind, value } of customer.identities) {
        expect(identities.get(kind) ?? value).toBe(value);
        identities.set(kind, value);
        expect(owner.get(`${kind}:${value}`) ?? customer.displayName).toBe(customer.displayName);
        owner.set(`${kind}:${value}`, customer.displayName);
        if (kind === 'phone') expect(value).toMatch(/^\+44 7700 900\d{3}$/);
      }
    }
    const multiChannel = [...new Set(demo.messages.map((m) => m.customer.displayName))].filter(
      (name) => new Set(of(name).map((t) => first(t).channel)).size >= 2,
    );
    expect(multiChannel.length).toBeGreaterThanOrEqual(25);
  });

  it('names the agent on agent messages and notes', () => {
    const agents = new Map(demo.users.filter((u) => u.role === 'agent').map((u) => [u.email, u.name]));
    for (const { message } of demo.messages) {
      if (message.author !== 'agent' && message.author !== 'note') continue;
      expect(agents.get(message.authorEmail ?? '')).toBe(message.authorName);
    }
  });

  it('leaves no template placeholders and reads differently every time', () => {
    for (const { message, conversation } of demo.messages) {
      expect(message.body).not.toMatch(/\{\w+\}/);
      expect(conversation.subject ?? '').not.toMatch(/\{\w+\}/);
    }
    const texts = conversations.map((t) => t.map((m) => m.message.body).join('\n'));
    expect(new Set(texts).size).toBe(texts.length);
    const openings = conversations.filter((t) => first(t).channel === 'email').map((t) => first(t).message.body);
    expect(new Set(openings).size).toBe(openings.length);
    expect(demo.messages.some((m) => /LH-\d{6}/.test(m.message.body))).toBe(true);
  });

  it('has internal notes in chats and emails as well as calls', () => {
    const notes = demo.messages.filter((m) => m.message.author === 'note' && m.channel !== 'voice');
    expect(notes.length).toBeGreaterThanOrEqual(5);
  });
});

describe('generateDemoWorkspace: channels', () => {
  const emails = conversations.filter((t) => first(t).channel === 'email');
  const chats = conversations.filter((t) => first(t).channel === 'chat');
  const calls = conversations.filter((t) => first(t).channel === 'voice');

  it('threads emails: replies quote the message before and point at earlier Message-IDs', () => {
    let replies = 0;
    for (const thread of emails) {
      const mail = thread.filter((m) => m.message.author === 'customer' || m.message.author === 'agent');
      const seenIds: string[] = [];
      mail.forEach(({ message }, index) => {
        const meta = message.meta ?? {};
        expect(meta.messageId).toMatch(/^<[^@\s]+@[a-z.-]+\.example>$/);
        expect(meta.from).toBeTruthy();
        expect(meta.to?.length).toBe(1);
        if (index === 0) {
          expect(meta.inReplyTo).toBeUndefined();
          expect(meta.subject).not.toMatch(/^Re:/);
        } else {
          replies += 1;
          expect(seenIds).toContain(meta.inReplyTo);
          expect(meta.references).toEqual(seenIds);
          expect(meta.subject).toMatch(/^Re: /);
          expect(message.body).toMatch(/\nOn \w{3}, \d{1,2} \w{3} \d{4} at \d{2}:\d{2}, .+ <.+> wrote:\n> /);
        }
        seenIds.push(meta.messageId!);
      });
    }
    expect(replies).toBeGreaterThan(100);
  });

  it('writes chats as quick bursts: customers send lines seconds apart, agents answer within minutes', () => {
    let bursty = 0;
    for (const thread of chats) {
      expect(last(thread).message.sentAt - first(thread).message.sentAt).toBeLessThan(60 * 60 * 1000);
      const hasBurst = thread.some(
        (m, i) =>
          i > 0 &&
          m.message.author === 'customer' &&
          thread[i - 1]!.message.author === 'customer' &&
          m.message.sentAt - thread[i - 1]!.message.sentAt <= 20_000,
      );
      if (hasBurst) bursty += 1;
      thread.forEach((m, i) => {
        if (i > 0 && m.message.author === 'agent' && thread[i - 1]!.message.author === 'customer') {
          expect(m.message.sentAt - thread[i - 1]!.message.sentAt).toBeLessThanOrEqual(5 * 60 * 1000);
        }
        if (m.message.author === 'customer') expect(m.message.meta?.handle).toBe(m.customer.identities[0]!.value);
      });
    }
    expect(bursty / chats.length).toBeGreaterThanOrEqual(0.5);
  });

  it('records calls: started, notes stamped [mm:ss] with their offset, ended with the real duration', () => {
    for (const thread of calls) {
      const start = first(thread).message;
      expect(start.author).toBe('system');
      expect(start.body).toBe('Call started');
      expect(start.meta?.callStartedAt).toBe(start.sentAt);
      const end = thread.find((m) => m.message.body.startsWith('Call ended'))!.message;
      const seconds = (end.meta!.callEndedAt! - end.meta!.callStartedAt!) / 1000;
      expect(seconds).toBeGreaterThanOrEqual(120);
      expect(seconds).toBeLessThanOrEqual(1200);
      expect(end.body).toBe(`Call ended (${Math.floor(seconds / 60)}m ${seconds % 60}s)`);
      const during = thread.filter((m) => m.message.author === 'note' && m.message.sentAt < end.sentAt);
      expect(during.length).toBeGreaterThanOrEqual(2);
      for (const { message } of during) {
        const offset = message.meta?.callOffsetSec;
        expect(typeof offset).toBe('number');
        const stamp = `[${String(Math.floor(offset! / 60)).padStart(2, '0')}:${String(offset! % 60).padStart(2, '0')}] `;
        expect(message.body.startsWith(stamp)).toBe(true);
      }
      for (const m of thread.filter((m) => m.message.sentAt > end.sentAt)) expect(m.message.body).toMatch(/^Wrap-up: /);
    }
  });
});

describe('generateDemoWorkspace: story arcs', () => {
  it('calms the angry repeat caller: 3+ contacts in 14 days, an agent owns it, the last ends in thanks', () => {
    const threads = of(STORY_CUSTOMERS.angryRepeatCaller);
    expect(threads.length).toBeGreaterThanOrEqual(3);
    const starts = threads.map((t) => first(t).message.sentAt);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThanOrEqual(14 * DAY);
    const channels = threads.map((t) => first(t).channel);
    expect(channels.filter((c) => c === 'voice').length).toBeGreaterThanOrEqual(2);
    expect(channels).toContain('chat');
    const all = threads.flat();
    expect(all.some((m) => /owned it/i.test(m.message.body))).toBe(true);
    expect(all.some((m) => /YESTERDAY|FIX IT/.test(m.message.body))).toBe(true);
    const finalWords = by(threads[threads.length - 1]!, 'customer');
    expect(last(finalWords).message.body).toMatch(/thank/i);
  });

  it('reassures the frightened customer step by step until she is relieved', () => {
    const [thread, ...others] = of(STORY_CUSTOMERS.frightenedCustomer);
    expect(others).toHaveLength(0);
    expect(first(thread!).channel).toBe('email');
    const customer = by(thread!, 'customer');
    expect(customer.length).toBeGreaterThanOrEqual(3);
    expect(customer.slice(0, 2).map((m) => m.message.body).join(' ')).toMatch(/frightened|worried/);
    const steps = by(thread!, 'agent').find((m) => /\n1\. .*\n\n2\. /s.test(m.message.body));
    expect(steps).toBeDefined();
    expect(last(customer).message.body).toMatch(/thank/i);
    expect(customer.some((m) => /relief/i.test(m.message.body))).toBe(true);
    expect(last(thread!).conversation.status).toBe('resolved');
  });

  it('keeps the loyal fan happy across the year on several channels', () => {
    const threads = of(STORY_CUSTOMERS.loyalFan);
    expect(threads.length).toBeGreaterThanOrEqual(5);
    const starts = threads.map((t) => first(t).message.sentAt);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(180 * DAY);
    expect(new Set(threads.map((t) => first(t).channel)).size).toBeGreaterThanOrEqual(2);
    for (const thread of threads) expect(last(thread).conversation.status).toBe('resolved');
    expect(threads.flat().some((m) => Array.isArray(m.message.meta?.attachments))).toBe(true);
    expect(threads.flat().some((m) => /friend/i.test(m.message.body))).toBe(true);
  });

  it('loses the customer whose complaint nobody answered', () => {
    const complaint = of(STORY_CUSTOMERS.lostCustomer).find((t) =>
      first(t).conversation.subject?.startsWith(LOST_COMPLAINT_SUBJECT),
    );
    expect(complaint).toBeDefined();
    expect(by(complaint!, 'agent')).toHaveLength(0);
    expect(by(complaint!, 'customer').length).toBeGreaterThanOrEqual(3);
    expect(last(complaint!).conversation.status).toBe('open');
    expect(last(complaint!).message.body).toContain(COMPETITOR);
    expect(last(complaint!).message.body).toMatch(/close my .*account/i);
  });
});
