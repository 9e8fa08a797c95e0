import type { MethodName } from '../../../shared/contract/methods';

/**
 * The calls whose order against a console's writes does not matter, which run beside each other and
 * beside the console's writes: those that only read; those that take long and that no other write
 * of the console depends on — downloading a model (minutes, model files), a new models folder (it
 * answers once the models are loaded again), loading the demo — so a console's drafts never wait
 * behind them (in Electron one lane serves every window); and presence and activity reports, which
 * store nothing. Every other method — the retryable writes, settings, a method added later and not
 * listed here — counts as a write.
 */
const UNORDERED_METHODS: ReadonlySet<string> = new Set<MethodName>([
  'analysis.downloadModel',
  'analysis.setModelsFolder',
  'demo.load',
  'presence.report',
  'activity.report',
  'workspace.status',
  'workspace.background',
  'conversations.list',
  'conversations.get',
  'conversations.track',
  'conversations.olderMessages',
  'conversations.assignees',
  'messages.search',
  'users.list',
  'customers.profile',
  'customers.connection',
  'customers.list',
  'macros.list',
  'keymap.get',
  'analysis.status',
  'analysis.readDraft',
  'presence.list',
  'activity.list',
  'coach.prompts',
  'coach.checkDraft',
  'coach.draftTone',
  'playbook.get',
  'playbook.preview',
  'followUps.detect',
  'tags.list',
  'responseTargets.get',
  'views.list',
]);

/** Whether a call of `method` takes its turn among the console's writes (an unknown method does: it is refused in order). */
export function mayWrite(method: unknown): boolean {
  return typeof method !== 'string' || !UNORDERED_METHODS.has(method);
}

/**
 * One console's writes in the order it sent them: a write starts once the console's earlier writes
 * are answered, so an older draft save can never land after a newer one (as it could when a
 * console's calls ran several at once, each on its own database connection); reads run at once.
 * A host keeps one per connection and enters each call as it starts, in the order received.
 */
export function createWriteLane() {
  let last: Promise<unknown> = Promise.resolve();
  return {
    /** Runs `call` now if `method` only reads, else after the writes entered before it have settled. */
    run<T>(method: unknown, call: () => Promise<T>): Promise<T> {
      if (!mayWrite(method)) return call();
      const turn = last.then(call, call);
      // the next write waits for this one however it ends
      last = turn.then(
        () => undefined,
        () => undefined,
      );
      return turn;
    },
  };
}

export type WriteLane = ReturnType<typeof createWriteLane>;
