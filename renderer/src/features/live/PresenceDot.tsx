import type { PresenceState } from '../../../../shared/contract/live';

const LOOK: Record<PresenceState, { color: string; label: string }> = {
  online: { color: 'var(--mantine-color-green-7)', label: 'online' },
  away: { color: 'var(--mantine-color-yellow-6)', label: 'away' },
  offline: { color: 'var(--mantine-color-gray-5)', label: 'offline' },
};

export const presenceLabel = (state: PresenceState) => LOOK[state].label;

/** A person's presence as a dot (filled: online or away; hollow: offline), named for screen readers. */
export function PresenceDot({ state, name, size = 9 }: { state: PresenceState; name: string; size?: number }) {
  const look = LOOK[state];
  return (
    <span
      role="img"
      aria-label={`${name} is ${look.label}`}
      title={`${name} is ${look.label}`}
      data-testid="presence-dot"
      data-presence={state}
      style={{
        display: 'inline-block',
        flexShrink: 0,
        width: size,
        height: size,
        borderRadius: '50%',
        background: state === 'offline' ? 'transparent' : look.color,
        border: `2px solid ${look.color}`,
        boxSizing: 'border-box',
      }}
    />
  );
}
