import { Badge } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import type { TeamRef } from '../../../../shared/contract/teams';

/**
 * The team a conversation is assigned to, on its row and in its header. It gives way before what
 * sits beside it (a row's response-time badge never leaves the row): its name is cut short, whole
 * in its title.
 */
export function TeamBadge({ team }: { team: TeamRef }) {
  return (
    <Badge
      size="xs"
      variant="outline"
      color="indigo"
      leftSection={<IconUsersGroup size={10} aria-hidden />}
      style={{ flexShrink: 1, minWidth: 36, maxWidth: 140, textTransform: 'none' }}
      title={`Assigned to the team ${team.name}`}
      aria-label={`Team: ${team.name}`}
      data-testid="team-badge"
    >
      {team.name}
    </Badge>
  );
}
