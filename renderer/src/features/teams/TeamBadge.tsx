import { Badge } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import type { TeamRef } from '../../../../shared/contract/teams';

/** The team a conversation is assigned to, on its row and in its header. */
export function TeamBadge({ team }: { team: TeamRef }) {
  return (
    <Badge
      size="xs"
      variant="outline"
      color="indigo"
      leftSection={<IconUsersGroup size={10} aria-hidden />}
      style={{ flexShrink: 0, maxWidth: 140 }}
      title={`Assigned to the team ${team.name}`}
      aria-label={`Team: ${team.name}`}
      data-testid="team-badge"
    >
      {team.name}
    </Badge>
  );
}
