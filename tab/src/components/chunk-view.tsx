import type { ReactNode } from 'react';
import type { Chunk } from '../router/chunk.js';
import { useChunk } from '../router/use-chunk.js';
import { ErrorState } from './error-state.js';
import { LoadingState } from './loading-state.js';

/** Renders a chunk's export (a page, the app shell) once loaded: a spinner that says what until then. */
export function ChunkView<T>({ part, loadingLabel, children }: { part: Chunk<T>; loadingLabel: string; children: (loaded: T) => ReactNode }) {
  const { value, failed, retry } = useChunk(part);
  if (value !== undefined) return children(value);
  if (failed) {
    return <ErrorState title="This part of Line of Sight did not load." message="Check your connection, then try again." onRetry={retry} />;
  }
  return <LoadingState label={loadingLabel} />;
}
