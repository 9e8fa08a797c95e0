import type { CoachKind, CoachPromptView, CoachSuggestion, DraftFinding, DraftToneView, Playbook, RuleCheck } from '../../../shared/contract/coach';
import type { ConversationSummary, PromptOutcome, User } from '../../../shared/contract/domain';
import type { EventBus } from '../events/eventBus';
import type { CoachPrompt, NewCoachPrompt } from '../store/kysely/coachPrompts';
import type { NewSessionEvent } from '../store/kysely/sessionEvents';
import type { Store } from '../store/store';
import { lastCustomerMessage, type CoachContext } from './coachContext';
import { coachContextFromStore, coachContextOf } from './coachContextFromStore';
import { checkDraft } from './checkDraft';
import type { CoachReading } from './coachContext';
import { draftTone } from './draftTone';
import { evaluatePlaybook, explainPlaybook, suggestionsOf } from './evaluatePlaybook';
import { createPlaybookStore } from './playbookStore';
import { promptUse } from './promptUse';
import type { SettledPrompt } from '../../../shared/contract/send';

interface CoachServiceOptions {
  store: Store;
  bus: EventBus;
  now: () => number;
  /** The team's canned responses as a conversation fills them: a reply that is one of them word for word is flagged. */
  templates: (context: CoachContext) => string[] | Promise<string[]>;
}

/** Who a prompt's record names: the person who acted, or for the coach's own work the conversation's assignee. */
type Actor = Pick<User, 'id'>;

/** Still on the agent's screen: neither decided nor put into the draft already. */
const isOpen = (prompt: CoachPrompt) => prompt.outcome === null && prompt.insertedAt === null;

const toView = (prompt: CoachPrompt): CoachPromptView => ({
  id: prompt.id,
  conversationId: prompt.conversationId,
  messageId: prompt.messageId,
  kind: prompt.kind as CoachKind,
  ruleId: prompt.ruleId,
  title: prompt.title,
  reason: prompt.reason,
  text: prompt.text,
  shownAt: prompt.shownAt,
  outcome: prompt.outcome,
  outcomeAt: prompt.outcomeAt,
});

/**
 * The empathy coach at work: when a customer's message has been read it raises the playbook's
 * prompts (recorded as shown, with the evidence), checks drafts before they are sent, and notes
 * what became of each prompt — dismissed, or settled by the reply that reached the customer: used
 * word for word, edited, or not used (ignored) — in the prompt record and the session log, with
 * each time the agent put one into the draft, for replays and coaching.
 */
export function createCoachService({ store, bus, now, templates }: CoachServiceOptions) {
  const playbooks = createPlaybookStore(store);

  /** The session log's record of a prompt, attributed to the person who acted (or, for the coach's own work, the assignee). */
  const entry = (kind: 'prompt.shown' | 'prompt.inserted' | 'prompt.outcome', prompt: CoachPrompt, payload: Record<string, unknown>, at: number, user: Actor | null): NewSessionEvent =>
    ({ at, kind, conversationId: prompt.conversationId, messageId: prompt.messageId, userId: user?.id ?? null, payload: { promptId: prompt.id, ...payload } });

  async function log(...args: Parameters<typeof entry>): Promise<void> {
    await store.sessionEvents.append(entry(...args));
  }

  async function decide(prompt: CoachPrompt, outcome: PromptOutcome, at: number, user: Actor | null): Promise<boolean> {
    if (!await store.coachPrompts.recordOutcome(prompt.id, outcome, at)) return false;
    await log('prompt.outcome', prompt, { outcome, kind: prompt.kind, ruleId: prompt.ruleId }, at, user);
    return true;
  }

  /**
   * Raises the prompts for the customer's latest message in a conversation, once: later calls
   * return what was raised (`fresh` false). Prompts still open from an earlier message count as
   * ignored. This is the coach's own work (a message was read), whoever happens to look: it is
   * shown to, worded for and recorded against the conversation's assignee.
   *
   * Once is the database's to keep (one prompt per message and rule): two readings of a message,
   * or two server processes, may raise at the same moment; the one whose prompt is already there
   * stores nothing (its transaction is undone) and answers with what the other raised.
   *
   * `read` is the message the analysis engine has just read, when it is that which asks: nothing
   * is raised for a message of the agent's, and a message it has read has its reading stored.
   * Reads that do not need each other's answers go side by side (on PostgreSQL each is a trip to
   * the server and back, and the prompt waits for them); the conversation read here is the one the
   * context is built from, and its assignee is the one worded for and recorded against.
   */
  async function raise(conversationId: number, read: number | null = null): Promise<{ prompts: CoachPrompt[]; fresh: boolean }> {
    const none = { prompts: [], fresh: false };
    // the cheap questions first: which message, raised already, open work, read yet
    const newest = await store.messages.latestBy(conversationId, 'customer');
    if (read !== null && newest?.id !== read && (await store.messages.getById(read))?.author !== 'customer') return none;
    if (!newest) return none;
    const [existing, conversation, isRead] = await Promise.all([
      store.coachPrompts.listForMessage(newest.id),
      store.conversations.getSummary(conversationId),
      newest.id === read || store.analyses.latestForMessage(newest.id).then((reading) => reading !== null),
    ]);
    if (existing.length > 0) return { prompts: existing, fresh: false };
    // a conversation that is resolved or snoozed is not being answered now: nothing to coach
    if (!conversation || (conversation.status !== 'open' && conversation.status !== 'pending')) return none;
    if (!isRead) return none;
    // the coach's own work (prompts raised, prompts left unused) is the assignee's, nobody's when it is unassigned
    const assignee = conversation.assignee;
    const [context, { playbook }] = await Promise.all([coachContextOf(store, conversation, assignee, now()), playbooks.get()]);
    const latest = lastCustomerMessage(context);
    if (!latest?.reading) return none;
    const suggestions = evaluatePlaybook(playbook, context);
    if (suggestions.length === 0) return none;
    const at = now();
    const raisedElsewhere = new Error('raised already');
    try {
      return { prompts: await raiseFor(conversationId, latest.id, suggestions, assignee, at, raisedElsewhere), fresh: true };
    } catch (error) {
      if (error !== raisedElsewhere) throw error;
      return { prompts: await store.coachPrompts.listForMessage(latest.id), fresh: false };
    }
  }

  /**
   * Records the prompts of one message in one transaction; throws `raisedElsewhere` (undoing it all)
   * when one is there already. A prompt is what was recorded (not read back), and the log's 'shown'
   * entries are written in one statement.
   */
  async function raiseFor(conversationId: number, messageId: number, suggestions: ReturnType<typeof evaluatePlaybook>, assignee: Actor | null, at: number, raisedElsewhere: Error): Promise<CoachPrompt[]> {
    return await store.transaction(async () => {
      for (const stale of await store.coachPrompts.listForConversation(conversationId)) {
        // one the agent put into the draft waits for the reply that goes
        if (stale.outcome === null && stale.insertedAt === null && stale.messageId !== messageId) await decide(stale, 'ignored', at, assignee);
      }
      const shown: CoachPrompt[] = [];
      for (const suggestion of suggestions) {
        const recorded: NewCoachPrompt = {
          conversationId,
          messageId,
          userId: assignee?.id ?? null,
          kind: suggestion.kind,
          ruleId: suggestion.ruleId,
          title: suggestion.title,
          text: suggestion.text,
          reason: suggestion.reason,
          shownAt: at,
        };
        const id = await store.coachPrompts.recordShown(recorded);
        if (id === null) throw raisedElsewhere;
        shown.push({ ...recorded, id, outcome: null, outcomeAt: null, insertedAt: null });
      }
      await store.sessionEvents.appendMany(shown.map((prompt) => entry('prompt.shown', prompt, { kind: prompt.kind, ruleId: prompt.ruleId, text: prompt.text, reason: prompt.reason }, at, assignee)));
      return shown;
    });
  }

  /**
   * A reply reached the customer: each prompt still waiting for one (shown, or put into the draft)
   * is settled by what the reply holds of it — used word for word, edited, or not used. A note
   * reaches nobody and settles nothing; a prompt put into a draft that was then overwritten is not
   * used, whatever the Insert button said. Recorded against the person who sent the reply.
   */
  async function settle(conversationId: number, replyId: number, replyBody: string, user: Actor | null): Promise<SettledPrompt[]> {
    const waiting = (await store.coachPrompts.listForConversation(conversationId)).filter((prompt) => prompt.outcome === null);
    if (waiting.length === 0) return [];
    const at = now();
    const settled = waiting.map((prompt) => ({ prompt, outcome: promptUse(prompt.text, replyBody) }));
    await store.transaction(async () => {
      for (const { prompt, outcome } of settled) {
        if (!await store.coachPrompts.recordOutcome(prompt.id, outcome, at)) continue;
        await log('prompt.outcome', prompt, { outcome, kind: prompt.kind, ruleId: prompt.ruleId, replyMessageId: replyId, insertedIntoDraft: prompt.insertedAt !== null }, at, user);
      }
    });
    bus.emit('coach.prompts', { conversationId, messageId: null, prompts: [] });
    return settled.map(({ prompt, outcome }) => ({ promptId: prompt.id, outcome, insertedIntoDraft: prompt.insertedAt !== null }));
  }

  const unsubscribe = bus.subscribe(async (event) => {
    if (event.name === 'analysis.result' && event.payload.messageId !== null && event.payload.conversationId !== null) {
      const { messageId, conversationId } = event.payload;
      const raised = await raise(conversationId, messageId);
      // told once, by whoever raised them: a second reading of the message finds them raised and says nothing
      if (raised.fresh && raised.prompts.some((prompt) => prompt.messageId === messageId)) {
        bus.emit('coach.prompts', { conversationId, messageId, prompts: raised.prompts.filter(isOpen).map(toView) });
      }
    }
  });

  return {
    /** The prompts open for the customer's latest message (raised now if it was read before the coach saw it). */
    async prompts(conversationId: number): Promise<CoachPromptView[]> {
      return (await raise(conversationId)).prompts.filter(isOpen).map(toView);
    },
    /**
     * What the agent did with a prompt's card: put it into the reply draft (logged; its outcome waits
     * for the reply that goes) or dismissed it. Null when there is no such prompt.
     */
    async recordOutcome(promptId: number, outcome: 'inserted' | 'dismissed', user: User | null): Promise<CoachPromptView | null> {
      const prompt = await store.coachPrompts.getById(promptId);
      if (!prompt) return null;
      const at = now();
      if (outcome === 'dismissed') await decide(prompt, 'dismissed', at, user);
      else if (await store.coachPrompts.markInserted(prompt.id, at)) await log('prompt.inserted', prompt, { kind: prompt.kind, ruleId: prompt.ruleId }, at, user);
      return toView((await store.coachPrompts.getById(promptId))!);
    },
    settle,
    /**
     * The draft check of a draft by `author` (the wording's "your name" is theirs). `conversation`:
     * the conversation's summary when the caller has just read it (the send has), not read again.
     */
    async checkDraft(conversationId: number, text: string, author: User | null, conversation?: ConversationSummary): Promise<DraftFinding[] | null> {
      const context = conversation?.id === conversationId ? await coachContextOf(store, conversation, author, now()) : await coachContextFromStore(store, conversationId, author, now());
      return context ? checkDraft(text, context, (await playbooks.get()).playbook, await templates(context)) : null;
    },
    /** How a draft reads, in the agent's terms: the draft check and the agent's words with the analyzer's reading of it. */
    async draftTone(conversationId: number, text: string, reading: CoachReading | null, author: User | null): Promise<DraftToneView | null> {
      const context = await coachContextFromStore(store, conversationId, author, now());
      if (!context) return null;
      if (!text.trim()) return { tone: 'neutral', because: [] };
      return draftTone(text, checkDraft(text, context, (await playbooks.get()).playbook, await templates(context)), reading);
    },
    /** What a playbook would do in a conversation now, rule by rule; nothing is recorded. */
    async preview(conversationId: number, playbook: Playbook, viewer: User | null): Promise<{ suggestions: CoachSuggestion[]; rules: RuleCheck[] } | null> {
      const context = await coachContextFromStore(store, conversationId, viewer, now());
      if (!context) return null;
      const explained = explainPlaybook(playbook, context);
      const rules = explained.map((rule) => ({
        ruleId: rule.ruleId,
        kind: rule.kind,
        title: rule.title,
        enabled: rule.enabled,
        fired: rule.fired,
        conditions: rule.conditions.map((condition) => ({ condition: condition.condition, met: condition.met, detail: (condition.met ? condition.evidence : condition.failure) ?? '' })),
        reason: rule.reason,
        text: rule.text,
        shown: rule.shown,
        whyNot: rule.whyNot,
      }));
      return { suggestions: suggestionsOf(explained), rules };
    },
    playbooks,
    close: unsubscribe,
  };
}

export type CoachService = ReturnType<typeof createCoachService>;
