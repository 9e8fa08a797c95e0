import type { User } from '../../../shared/contract/domain';
import { DEFAULT_RESPONSE_TARGETS, responseTargetsSchema, type ResponseTargets } from '../../../shared/contract/triage';
import type { Store } from '../store/store';
import { RESPONSE_TARGETS_SETTING } from '../store/repositories/conversations';

/**
 * The workspace's response-time targets per channel (first and next response), kept as a setting.
 * The queue's clocks read the same setting (store/responseClock.ts), so a change shows at the next read.
 */
export function createResponseTargets(store: Store, now: () => number) {
  function get(): { targets: ResponseTargets; isDefault: boolean } {
    const saved = responseTargetsSchema.safeParse(store.settings.get<unknown>(RESPONSE_TARGETS_SETTING));
    return saved.success ? { targets: saved.data, isDefault: false } : { targets: DEFAULT_RESPONSE_TARGETS, isDefault: true };
  }

  return {
    get,
    /** Saves the targets (null restores the defaults), logged with who changed them. */
    save(targets: ResponseTargets | null, user: User | null): { targets: ResponseTargets; isDefault: boolean } {
      const before = get().targets;
      const at = now();
      store.transaction(() => {
        if (targets === null) store.settings.delete(RESPONSE_TARGETS_SETTING);
        else store.settings.set(RESPONSE_TARGETS_SETTING, targets);
        store.sessionEvents.append({ at, kind: 'response-targets.changed', conversationId: null, messageId: null, userId: user?.id ?? null, payload: { from: before, to: targets } });
      });
      return get();
    },
  };
}

export type ResponseTargetsService = ReturnType<typeof createResponseTargets>;
