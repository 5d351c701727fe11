/**
 * A database file deleted or moved under a running gateway: SQLite keeps writing to the open file
 * (on Linux the unlinked inode lives on), so commits would succeed into a file no restart finds —
 * acknowledged events lost. Before each write the guard checks that the path still names the file
 * that was opened (same device and inode); if not, the write fails as unavailable (503 +
 * Retry-After) and health says so. Moving the file back lets writes resume without a restart.
 */
import { statSync } from 'node:fs';
import { StoreUnavailableError } from '../../lib/errors';

/** Throws StoreUnavailableError when `filename` no longer names the file opened; a no-op for ':memory:'. */
export function createFileGuard(filename: string): () => void {
  if (filename === ':memory:' || filename === '') return () => {};
  const opened = statSync(filename);
  return () => {
    const now = statSync(filename, { throwIfNoEntry: false });
    if (!now || now.ino !== opened.ino || now.dev !== opened.dev) {
      throw new StoreUnavailableError('the database file was deleted or replaced while the gateway runs; restore it, or restart');
    }
  };
}
