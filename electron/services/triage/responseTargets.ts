import type { User } from '../../../shared/contract/domain';
import { DEFAULT_RESPONSE_TARGETS, responseTargetsSchema, type ResponseTargets } from '../../../shared/contract/triage';
import type { Store } from '../store/store';
import { RESPONSE_TARGETS_SETTING } from '../store/kysely/conversations';

/**
 * The workspace's response-time targets per channel (first and next response), kept as a setting.
 * The queue's clocks read the same setting (store/responseClock.ts), so a change shows at the next read.
 */
export function createResponseTargets(store: Store, now: () => number) {
  async function get(): Promise<{ targets: ResponseTargets; isDefault: boolean }> {
    const saved = responseTargetsSchema.safeParse(await store.settings.get<unknown>(RESPONSE_TARGETS_SETTING));
    return saved.success ? { targets: saved.data, isDefault: false } : { targets: DEFAULT_RESPONSE_TARGETS, isDefault: true };
  }

  return {
    get,
    /** Saves the targets (null restores the defaults), logged with who changed them. */
    async save(targets: ResponseTargets | null, user: User | null): Promise<{ targets: ResponseTargets; isDefault: boolean }> {
      const before = (await get()).targets;
      const at = now();
      await store.transaction(async () => {
        if (targets === null) await store.settings.delete(RESPONSE_TARGETS_SETTING);
        else await store.settings.set(RESPONSE_TARGETS_SETTING, targets);
        await store.sessionEvents.append({ at, kind: 'response-targets.changed', conversationId: null, messageId: null, userId: user?.id ?? null, payload: { from: before, to: targets } });
      });
      return get();
    },
  };
}

export type ResponseTargetsService = ReturnType<typeof createResponseTargets>;
