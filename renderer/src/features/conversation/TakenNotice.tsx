import { Alert } from '@mantine/core';
import { IconUserExclamation } from '@tabler/icons-react';
import type { ApiErrorDetail } from '../../../../shared/contract/errors';
import { ApiError } from '../../../../shared/contract/errors';
import { shortAgo } from '../../lib/time';
import { useTicking } from '../triage/useTicker';

type Taken = Extract<ApiErrorDetail, { kind: 'taken' }>;

/** The 'taken' detail of a refused take or assignment, if that is what the error is. */
export function takenDetail(error: unknown): Taken | null {
  return error instanceof ApiError && error.code === 'conflict' && error.detail?.kind === 'taken' ? error.detail : null;
}

/** "Aisha Khan took this 3 s ago": a take (or an assignment) refused because a colleague has the conversation; nothing of ours was applied. */
export function TakenNotice({ taken, onClose }: { taken: Taken; onClose: () => void }) {
  const when = useTicking((now) => (taken.since === null ? '' : ` ${shortAgo(taken.since, now)}`));
  return (
    <Alert role="alert" color="orange" variant="light" icon={<IconUserExclamation size={18} aria-hidden />} withCloseButton closeButtonLabel="Dismiss" onClose={onClose} py={6} data-testid="taken-notice">
      <strong>{taken.holder.name}</strong> took this{when}. It is theirs now: nothing was changed.
    </Alert>
  );
}
