import { ApiError } from '../../../shared/contract/errors';
import type { User } from '../../../shared/contract/domain';
import { inboxPlaceSchema, SAVED_VIEWS_MAX, viewFilter, type InboxPlace, type InboxView, type SavedView } from '../../../shared/contract/views';
import type { StoredView } from '../store/repositories/savedViews';
import type { Handlers } from './dispatch';
import type { ReadyWorkspace } from './workspace';

type ViewHandlers = Pick<Handlers, 'views.list' | 'views.remember' | 'views.save' | 'views.delete'>;

/** Where a person left the inbox is kept per person (user 0 is nobody signed in: the desk's one person). */
const placeSetting = (userId: number) => `inbox.place.${userId}`;

/**
 * A person's inbox: the views they saved (each with how many conversations are in it now) and where
 * they left it. Kept on the Node side, per person, so it follows them to any console of the team
 * (a browser's own storage is per address, and the web host's address changes with its port).
 */
export function createViewHandlers(ready: () => ReadyWorkspace, currentUser: () => User | null, now: () => number): ViewHandlers {
  const me = () => currentUser()?.id ?? 0;

  function count(view: InboxView): number {
    const { filter: { breached, ...filter } } = viewFilter(view);
    const user = currentUser();
    if (filter.assignee === 'me' && !user) return 0;
    return ready().store.conversations.count({ ...filter, assignee: filter.assignee === 'me' ? user!.id : filter.assignee, breachedAt: breached ? now() : undefined });
  }
  const withCount = (stored: StoredView): SavedView => ({
    id: stored.id,
    name: stored.name,
    view: stored.view,
    count: count(stored.view),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  });

  return {
    'views.list': () => {
      const { store } = ready();
      const remembered = inboxPlaceSchema.safeParse(store.settings.get<InboxPlace>(placeSetting(me())));
      return { saved: store.savedViews.list(me()).map(withCount), last: remembered.success ? remembered.data : null };
    },
    'views.remember': ({ place }) => {
      ready().store.settings.set(placeSetting(me()), place);
      return { rememberedAt: now() };
    },
    'views.save': ({ id, name, view }) => {
      const { store } = ready();
      const userId = me();
      const clash = store.savedViews.findByName(userId, name);
      if (clash && clash.id !== id) {
        throw new ApiError('conflict', `You already have a view called “${clash.name}”.`, [{ path: 'name', message: 'This name is taken' }]);
      }
      const at = now();
      if (id !== undefined) {
        if (!store.savedViews.update(id, userId, name, view, at)) throw new ApiError('not-found', `You have no saved view ${id}.`);
        return withCount(store.savedViews.get(id, userId)!);
      }
      if (store.savedViews.count(userId) >= SAVED_VIEWS_MAX) {
        throw new ApiError('conflict', `You have ${SAVED_VIEWS_MAX} saved views, the most one person may keep: delete one first.`);
      }
      return withCount(store.savedViews.get(store.savedViews.create(userId, name, view, at), userId)!);
    },
    'views.delete': ({ id }) => {
      if (!ready().store.savedViews.delete(id, me())) throw new ApiError('not-found', `You have no saved view ${id}.`);
      return { id };
    },
  };
}
