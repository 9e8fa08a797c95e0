// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { placeFromParams, placeParams } from '../../../../renderer/src/features/inbox/inboxPlace';
import { DEFAULT_INBOX_PLACE } from '../../../../shared/contract/views';

describe('the inbox’s address and the team filter', () => {
  it('keeps a team, or "my teams", in the address and reads it back; anything else is any team', () => {
    for (const team of [7, 'mine'] as const) {
      const place = { ...DEFAULT_INBOX_PLACE, view: { ...DEFAULT_INBOX_PLACE.view, team } };
      const params = placeParams(place);
      expect(params.get('team')).toBe(String(team));
      expect(placeFromParams(params).view.team).toBe(team);
    }
    expect(placeParams(DEFAULT_INBOX_PLACE).has('team')).toBe(false);
    for (const odd of ['0', '-3', 'everyone', '1.5']) expect(placeFromParams(new URLSearchParams({ team: odd })).view.team).toBe('any');
  });
});
