import { ApiError } from '../../../shared/contract/errors';
import { inboxPlaceSchema, SAVED_VIEWS_MAX, viewFilter, type InboxPlace, type InboxView, type SavedView } from '../../../shared/contract/views';
import type { StoredView } from '../store/kysely/savedViews';
import type { Caller } from './caller';
import type { Handlers } from './dispatch';
import { teamFilter } from './teamFilter';
import type { ReadyWorkspace } from './workspace';

type ViewHandlers = Pick<Handlers, 'views.list' | 'views.remember' | 'views.save' | 'views.delete'>;

/** Where a person left the inbox is kept per person. */
const placeSetting = (userId: number) => `inbox.place.${userId}`;

/**
 * A person's inbox: the views they saved (each with how many conversations are in it now) and where
 * they left it. Kept on the Node side, per person, so it follows them to any console of the team
 * (a browser's own storage is per address, and the web host's address changes with its port).
 */
export function createViewHandlers(ready: () => ReadyWorkspace, now: () => number): ViewHandlers {
  const me = (caller: Caller) => caller.person.id;

  function count(view: InboxView, caller: Caller): Promise<number> {
    const { filter: { breached, ...filter } } = viewFilter(view);
    const { team, ...rest } = filter;
    return ready().store.conversations.count({ ...rest, ...teamFilter(team, caller.person.id), assignee: filter.assignee === 'me' ? caller.person.id : filter.assignee, breachedAt: breached ? now() : undefined });
  }
  const withCount = async (stored: StoredView, caller: Caller): Promise<SavedView> => ({
    id: stored.id,
    name: stored.name,
    view: stored.view,
    count: await count(stored.view, caller),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  });

  return {
    'views.list': async (_params, caller) => {
      const { store } = ready();
      const remembered = inboxPlaceSchema.safeParse(await store.settings.get<InboxPlace>(placeSetting(me(caller))));
      return { saved: await Promise.all((await store.savedViews.list(me(caller))).map((stored) => withCount(stored, caller))), last: remembered.success ? remembered.data : null };
    },
    'views.remember': async ({ place }, caller) => {
      await ready().store.settings.set(placeSetting(me(caller)), place);
      return { rememberedAt: now() };
    },
    'views.save': async ({ id, name, view }, caller) => {
      const { store } = ready();
      const userId = me(caller);
      const clash = await store.savedViews.findByName(userId, name);
      if (clash && clash.id !== id) {
        throw new ApiError('conflict', `You already have a view called “${clash.name}”.`, [{ path: 'name', message: 'This name is taken' }]);
      }
      const at = now();
      if (id !== undefined) {
        if (!await store.savedViews.update(id, userId, name, view, at)) throw new ApiError('not-found', `You have no saved view ${id}.`);
        return await withCount((await store.savedViews.get(id, userId))!, caller);
      }
      if (await store.savedViews.count(userId) >= SAVED_VIEWS_MAX) {
        throw new ApiError('conflict', `You have ${SAVED_VIEWS_MAX} saved views, the most one person may keep: delete one first.`);
      }
      return await withCount((await store.savedViews.get(await store.savedViews.create(userId, name, view, at), userId))!, caller);
    },
    'views.delete': async ({ id }, caller) => {
      if (!(await ready().store.savedViews.delete(id, me(caller)))) throw new ApiError('not-found', `You have no saved view ${id}.`);
      return { id };
    },
  };
}
