import path from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../electron/services/store/store';
import { tempDir } from './tempDir';

const open: Store[] = [];

/** A real workspace file in a temp folder, closed after the test. */
export function testStore(): Store {
  const store = openStore(path.join(tempDir(), 'kinship.sqlite'));
  open.push(store);
  return store;
}

afterEach(() => {
  while (open.length) {
    try {
      open.pop()!.close();
    } catch {
      // already closed by the test
    }
  }
});
