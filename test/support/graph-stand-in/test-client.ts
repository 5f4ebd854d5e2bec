/** A GraphClient and GraphDocumentSource wired to a stand-in, with sleeps recorded instead of waited. */
import { StaticTokenProvider } from '../../../src/graph/graph-auth.js';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../../../src/graph/graph-client.js';
import { GraphDocumentSource, type GraphSourceOptions } from '../../../src/documents/sources/graph-source.js';
import type { ChangePage, SourceItem } from '../../../src/documents/document-source.js';
import type { GraphStandIn } from '../graph-stand-in.js';

export interface Wired {
  client: GraphClient;
  source: GraphDocumentSource;
  /** Every delay the client asked to sleep, in order. */
  sleeps: number[];
}

export function wire(graph: GraphStandIn, options: Partial<GraphClientOptions> = {}, sourceOptions: GraphSourceOptions = {}): Wired {
  const sleeps: number[] = [];
  const client = createGraphClient({
    baseUrl: graph.apiBase,
    tokens: new StaticTokenProvider(graph.token),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    requestTimeoutMs: 2_000,
    ...options,
  });
  return { client, source: new GraphDocumentSource(client, sourceOptions), sleeps };
}

/** Pages until `done`, from `cursor` (null: a full enumeration). */
export async function drain(
  source: GraphDocumentSource,
  driveId: string,
  cursor: string | null,
): Promise<{ pages: ChangePage[]; items: SourceItem[]; cursor: string }> {
  const pages: ChangePage[] = [];
  let next = cursor;
  for (;;) {
    const page = await source.nextPage(driveId, next);
    pages.push(page);
    next = page.cursor;
    if (page.done) break;
    if (pages.length > 1000) throw new Error('delta never finished');
  }
  return { pages, items: pages.flatMap((p) => p.items), cursor: next as string };
}
