import { hashWith } from '../router/hash-params.js';

/** What the viewer shows, read from the address: `#/papers?documentId=…&page=N`. */
export interface PaperParams {
  documentId: string;
  /** 1-based; 1 when the address names none or nonsense. */
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readPaperParams(params: URLSearchParams): PaperParams {
  const id = params.get('documentId') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return { documentId: UUID.test(id) ? id : '', page: Number.isFinite(page) && page >= 1 ? page : 1 };
}

/** A link to a paper, open at a page. */
export const paperHash = (documentId: string, page?: number) => hashWith('#/papers', { documentId, page: page && page > 1 ? page : undefined });
