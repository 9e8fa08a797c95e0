import { createContext, useContext } from 'react';
import type { SignedIn } from '../../../../shared/contract/people';

/** On a team server: who is signed in on this browser, and how to sign out. Null on the desk (nobody signs in). */
export interface SignedInState {
  signedIn: SignedIn;
  signOut(): Promise<void>;
}

export const SignedInContext = createContext<SignedInState | null>(null);

export function useSignedIn(): SignedInState | null {
  return useContext(SignedInContext);
}
