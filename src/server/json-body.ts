import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.js';

/**
 * Reads a JSON request body, refusing anything over `maxBytes` before it is all in memory.
 * An empty body reads as undefined.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    req.resume();
    throw tooLarge(maxBytes);
  }
  const { chunks, size } = await readUpTo(req, maxBytes);
  if (size === 0) return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new ApiError('unsupported_media_type', 'Send the body as JSON, with Content-Type: application/json.');
  }
  const text = Buffer.concat(chunks, size).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('malformed_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The body's bytes, or a refusal as soon as they pass `maxBytes`. Past the limit the rest is read and
 * dropped rather than the request destroyed (as leaving a `for await` over it would): the connection
 * stays whole, so the client reads its 413 instead of a reset.
 */
function readUpTo(req: IncomingMessage, maxBytes: number): Promise<{ chunks: Buffer[]; size: number }> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const onData = (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        chunks = [];
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      if (!refused) resolve({ chunks, size });
    };
    const onError = (error: Error) => {
      cleanup();
      if (!refused) reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onAborted = () => onError(new Error('The request was aborted.'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

const tooLarge = (maxBytes: number) =>
  new ApiError('payload_too_large', `The body is larger than the limit of ${maxBytes} bytes.`);
