import path from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore, type Store } from '../../electron/services/store/store';
import { tempDir } from './tempDir';

const open: Store[] = [];

/** A real workspace file in a temp folder, closed after the test. */
export async function testStore(): Promise<Store> {
  const store = await openSqliteStore(path.join(tempDir(), 'kinship.sqlite'));
  open.push(store);
  return store;
}

afterEach(async () => {
  while (open.length) await open.pop()!.close().catch(() => undefined);
});
