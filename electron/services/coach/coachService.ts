import type { CoachKind, CoachPromptView, CoachSuggestion, DraftFinding, DraftToneView, Playbook, RuleCheck } from '../../../shared/contract/coach';
import type { PromptOutcome, User } from '../../../shared/contract/domain';
import type { EventBus } from '../events/eventBus';
import type { CoachPrompt } from '../store/repositories/coachPrompts';
import type { Store } from '../store/store';
import { lastCustomerMessage, type CoachContext } from './coachContext';
import { coachContextFromStore } from './coachContextFromStore';
import { checkDraft } from './checkDraft';
import type { CoachReading } from './coachContext';
import { draftTone } from './draftTone';
import { evaluatePlaybook, explainPlaybook, suggestionsOf } from './evaluatePlaybook';
import { createPlaybookStore } from './playbookStore';
import { comparable } from './draftChecks/draftText';

interface CoachServiceOptions {
  store: Store;
  bus: EventBus;
  now: () => number;
  /** Who is at the console: prompts are shown to them and recorded against them. */
  currentUser: () => User | null;
  /** The team's canned responses as a conversation fills them: a reply that is one of them word for word is flagged. */
  templates: (context: CoachContext) => string[];
}

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
 * what the agent did with each prompt — inserted, edited, dismissed, or ignored by a reply sent
 * without it — in the prompt record and the session log, for replays and coaching.
 */
export function createCoachService({ store, bus, now, currentUser, templates }: CoachServiceOptions) {
  const playbooks = createPlaybookStore(store);

  function log(kind: 'prompt.shown' | 'prompt.outcome', prompt: CoachPrompt, payload: Record<string, unknown>, at: number): void {
    store.sessionEvents.append({ at, kind, conversationId: prompt.conversationId, messageId: prompt.messageId, userId: currentUser()?.id ?? null, payload: { promptId: prompt.id, ...payload } });
  }

  function decide(prompt: CoachPrompt, outcome: PromptOutcome, at: number): boolean {
    if (!store.coachPrompts.recordOutcome(prompt.id, outcome, at)) return false;
    log('prompt.outcome', prompt, { outcome, kind: prompt.kind, ruleId: prompt.ruleId }, at);
    return true;
  }

  /**
   * Raises the prompts for the customer's latest message in a conversation, once: later calls
   * return what was raised. Prompts still open from an earlier message count as ignored.
   */
  function raise(conversationId: number): CoachPrompt[] {
    // the cheap questions first: which message, raised already, open work, read yet
    const newest = store.messages.latestBy(conversationId, 'customer');
    if (!newest) return [];
    const existing = store.coachPrompts.listForMessage(newest.id);
    if (existing.length > 0) return existing;
    // a conversation that is resolved or snoozed is not being answered now: nothing to coach
    const status = store.conversations.getSummary(conversationId)?.status;
    if (status !== 'open' && status !== 'pending') return [];
    if (!store.analyses.latestForMessage(newest.id)) return [];
    const context = coachContextFromStore(store, conversationId, currentUser(), now());
    const latest = context ? lastCustomerMessage(context) : null;
    if (!context || !latest?.reading) return [];
    const suggestions = evaluatePlaybook(playbooks.get().playbook, context);
    if (suggestions.length === 0) return [];
    const at = now();
    return store.transaction(() => {
      for (const stale of store.coachPrompts.listForConversation(conversationId)) {
        if (stale.outcome === null && stale.messageId !== latest.id) decide(stale, 'ignored', at);
      }
      return suggestions.map((suggestion) => {
        const id = store.coachPrompts.recordShown({
          conversationId,
          messageId: latest.id,
          userId: currentUser()?.id ?? null,
          kind: suggestion.kind,
          ruleId: suggestion.ruleId,
          title: suggestion.title,
          text: suggestion.text,
          reason: suggestion.reason,
          shownAt: at,
        });
        const prompt = store.coachPrompts.getById(id)!;
        log('prompt.shown', prompt, { kind: prompt.kind, ruleId: prompt.ruleId, text: prompt.text, reason: prompt.reason }, at);
        return prompt;
      });
    });
  }

  /**
   * A reply was sent: prompts left open were ignored; one inserted since the previous reply that
   * this reply no longer holds word for word was edited (earlier replies settled earlier prompts).
   */
  function settle(conversationId: number, replyId: number, replyBody: string): boolean {
    const prompts = store.coachPrompts.listForConversation(conversationId);
    const inserted = prompts.filter((prompt) => prompt.outcome === 'inserted');
    const previousReplyAt = inserted.length > 0 ? (store.messages.latestBy(conversationId, 'agent', replyId)?.sentAt ?? 0) : 0;
    const sent = comparable(replyBody);
    const open = prompts.filter(
      (prompt) => prompt.outcome === null || (prompt.outcome === 'inserted' && (prompt.outcomeAt ?? 0) >= previousReplyAt && !sent.includes(comparable(prompt.text))),
    );
    if (open.length === 0) return false;
    const at = now();
    store.transaction(() => {
      for (const prompt of open) decide(prompt, prompt.outcome === null ? 'ignored' : 'edited', at);
    });
    return true;
  }

  const unsubscribe = bus.subscribe((event) => {
    if (event.name === 'analysis.result' && event.payload.messageId !== null && event.payload.conversationId !== null) {
      const message = store.messages.getById(event.payload.messageId);
      if (message?.author !== 'customer') return;
      const raised = raise(event.payload.conversationId);
      if (raised.some((prompt) => prompt.messageId === message.id)) {
        bus.emit('coach.prompts', { conversationId: event.payload.conversationId, messageId: message.id, prompts: raised.filter((prompt) => prompt.outcome === null).map(toView) });
      }
    } else if (event.name === 'message.added' && event.payload.author === 'agent') {
      const message = store.messages.getById(event.payload.messageId);
      if (message && settle(event.payload.conversationId, message.id, message.body)) bus.emit('coach.prompts', { conversationId: event.payload.conversationId, messageId: null, prompts: [] });
    }
  });

  return {
    /** The prompts open for the customer's latest message (raised now if it was read before the coach saw it). */
    prompts(conversationId: number): CoachPromptView[] {
      return raise(conversationId).filter((prompt) => prompt.outcome === null).map(toView);
    },
    /** What the agent did with a prompt; false when it is unknown or already decided. */
    recordOutcome(promptId: number, outcome: Exclude<PromptOutcome, 'ignored'>): CoachPromptView | null {
      const prompt = store.coachPrompts.getById(promptId);
      if (!prompt) return null;
      decide(prompt, outcome, now());
      return toView(store.coachPrompts.getById(promptId)!);
    },
    checkDraft(conversationId: number, text: string): DraftFinding[] | null {
      const context = coachContextFromStore(store, conversationId, currentUser(), now());
      return context ? checkDraft(text, context, playbooks.get().playbook, templates(context)) : null;
    },
    /** How a draft reads, in the agent's terms: the draft check and the agent's words with the analyzer's reading of it. */
    draftTone(conversationId: number, text: string, reading: CoachReading | null): DraftToneView | null {
      const context = coachContextFromStore(store, conversationId, currentUser(), now());
      if (!context) return null;
      if (!text.trim()) return { tone: 'neutral', because: [] };
      return draftTone(text, checkDraft(text, context, playbooks.get().playbook, templates(context)), reading);
    },
    /** What a playbook would do in a conversation now, rule by rule; nothing is recorded. */
    preview(conversationId: number, playbook: Playbook): { suggestions: CoachSuggestion[]; rules: RuleCheck[] } | null {
      const context = coachContextFromStore(store, conversationId, currentUser(), now());
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
