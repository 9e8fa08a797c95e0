import { PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { PASSWORD_RULES, passwordProblem } from '../../../../shared/passwordRules';

/** A new password and its repetition, with the rules said beside it and checked as the person leaves each field. */
export function NewPasswordFields({ email, password, repeat, onPassword, onRepeat }: { email: string; password: string; repeat: string; onPassword(value: string): void; onRepeat(value: string): void }) {
  const [touched, setTouched] = useState({ password: false, repeat: false });
  const problem = touched.password && password ? passwordProblem(password, email) : null;
  const mismatch = touched.repeat && repeat && repeat !== password ? 'The two passwords differ.' : null;
  return (
    <Stack gap="sm">
      <PasswordInput
        label="Password"
        description={PASSWORD_RULES}
        autoComplete="new-password"
        required
        value={password}
        error={problem}
        onChange={(event) => onPassword(event.currentTarget.value)}
        onBlur={() => setTouched((was) => ({ ...was, password: true }))}
      />
      <PasswordInput
        label="Password again"
        autoComplete="new-password"
        required
        value={repeat}
        error={mismatch}
        onChange={(event) => onRepeat(event.currentTarget.value)}
        onBlur={() => setTouched((was) => ({ ...was, repeat: true }))}
      />
    </Stack>
  );
}

/** Why the new password cannot be sent yet, or null. */
export function newPasswordProblem(password: string, repeat: string, email: string): string | null {
  return passwordProblem(password, email) ?? (password !== repeat ? 'The two passwords differ.' : null);
}
