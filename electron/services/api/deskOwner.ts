import type { Role, User } from '../../../shared/contract/domain';
import type { Store } from '../store/store';

const OWNER_SETTING = 'desk.ownerId';

/** Who owns a desk nobody has named yet: an admin of their own desk until the demo's cast arrives. */
export const UNNAMED_DESK_OWNER = { name: 'Desk owner', email: 'owner@desk.invalid', role: 'admin' as Role };

/**
 * The desk's one person (no password): every call from the desk's own consoles is theirs. Recorded
 * once per workspace; a workspace from before owners existed is owned by its admin or, failing one,
 * its supervisor (the demo's team lead); an empty one gets an unnamed admin.
 */
export async function ensureDeskOwner(store: Store, now: number): Promise<User> {
  return await store.transaction(async () => {
    const recorded = await store.settings.get<number>(OWNER_SETTING);
    const known = typeof recorded === 'number' ? await store.users.getById(recorded) : null;
    if (known) return known;
    const owner = await store.users.firstWithRole('admin') ?? await store.users.firstWithRole('supervisor') ?? await store.users.create(UNNAMED_DESK_OWNER, now);
    await store.settings.set(OWNER_SETTING, owner.id);
    return owner;
  });
}

/**
 * The demo names the desk's owner: an unnamed owner becomes the demo's team lead (same id, so their
 * keys, views and drafts stay theirs), whom the demo's load then finds by e-mail instead of adding.
 */
export async function nameDeskOwnerForDemo(store: Store, owner: User, lead: { name: string; email: string; role: Role }): Promise<void> {
  if (owner.email !== UNNAMED_DESK_OWNER.email || await store.users.getByEmail(lead.email)) return;
  await store.users.update(owner.id, lead);
}
