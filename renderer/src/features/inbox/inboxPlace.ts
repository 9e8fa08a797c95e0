import { useMemo } from 'react';
import {
  DEFAULT_INBOX_PLACE,
  DEFAULT_INBOX_VIEW,
  INBOX_QUERY_MAX,
  inboxViewSchema,
  type InboxPlace,
  type InboxView,
} from '../../../../shared/contract/views';
import { navigate, parseRoute, routeHash, useLocationHash } from '../../app/route';

/** The address's names for the view's parts (and `tag`, a tag's id; `team`, a team's id or 'mine'); a part at its default is left out. */
const VIEW_KEYS = ['channel', 'status', 'assignee', 'mood', 'sort'] as const satisfies readonly (keyof InboxView)[];

const positiveId = (value: string | null): number | null => {
  const id = Number(value);
  return value !== null && Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** Where the address puts the inbox; anything it cannot read is taken at its default. */
export function placeFromParams(params: URLSearchParams): InboxPlace {
  const view = { ...DEFAULT_INBOX_VIEW };
  for (const key of VIEW_KEYS) {
    const parsed = inboxViewSchema.shape[key].safeParse(params.get(key));
    if (parsed.success) (view as Record<string, string>)[key] = parsed.data;
  }
  const tag = positiveId(params.get('tag'));
  if (tag !== null) view.tag = tag;
  const team = params.get('team');
  if (team === 'mine') view.team = 'mine';
  else if (positiveId(team) !== null) view.team = positiveId(team)!;
  const conversationId = positiveId(params.get('open'));
  return {
    view,
    query: (params.get('q') ?? '').slice(0, INBOX_QUERY_MAX),
    conversationId,
    messageId: conversationId !== null ? positiveId(params.get('at')) : null,
  };
}

export function placeParams(place: InboxPlace): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of VIEW_KEYS) if (place.view[key] !== DEFAULT_INBOX_VIEW[key]) params.set(key, place.view[key]);
  if (place.view.tag !== 'any') params.set('tag', String(place.view.tag));
  if (place.view.team !== 'any') params.set('team', String(place.view.team));
  if (place.query) params.set('q', place.query);
  if (place.conversationId !== null) params.set('open', String(place.conversationId));
  if (place.conversationId !== null && place.messageId !== null) params.set('at', String(place.messageId));
  return params;
}

export const inboxHash = (place: InboxPlace): string => routeHash('inbox', placeParams(place));

/** The inbox's place as the address has it now. */
export function currentInboxPlace(): InboxPlace {
  const route = parseRoute(window.location.hash);
  return route?.page === 'inbox' ? placeFromParams(route.params) : DEFAULT_INBOX_PLACE;
}

/** Moves the inbox to a new place (a step back can undo), or changes it in place (`replace`, e.g. while typing a search). */
export function changeInboxPlace(update: (place: InboxPlace) => InboxPlace, options: { replace?: boolean } = {}): void {
  navigate(inboxHash(update(currentInboxPlace())), options);
}

/** The address's parts that make the view (not the search or the open conversation). */
function viewParams(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of [...VIEW_KEYS, 'tag', 'team']) {
    const value = params.get(key);
    if (value !== null) kept.set(key, value);
  }
  return kept.toString();
}

/**
 * The inbox's place, following the address; the same object while the address stays the same, and
 * the same view while only the search or the open conversation changes (so what shows the view —
 * the toolbar, the queue's query — is not drawn again when a conversation is opened).
 */
export function useInboxPlace(): { place: InboxPlace; key: string } {
  const hash = useLocationHash();
  const route = parseRoute(hash);
  const key = route?.page === 'inbox' ? route.params.toString() : '';
  const viewKey = route?.page === 'inbox' ? viewParams(route.params) : '';
  const view = useMemo(() => placeFromParams(new URLSearchParams(viewKey)).view, [viewKey]);
  const place = useMemo(() => ({ ...placeFromParams(new URLSearchParams(key)), view }), [key, view]);
  return { place, key };
}
