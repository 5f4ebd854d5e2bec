/**
 * Errors a service raises when a request cannot be done. The server maps each to a
 * stable API error code; the bot and the CLI put the message in front of a person.
 */
export class ServiceError extends Error {
  constructor(
    readonly kind: 'not_found' | 'forbidden' | 'conflict' | 'validation_failed' | 'unauthenticated' | 'child_identifiers_flagged'
      | 'edit_conflict' | 'not_proposed' | 'action_closed' | 'awaiting_sign_off' | 'evidence_required',
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string) => new ServiceError('not_found', `${what} was not found.`);
export const forbidden = (message: string) => new ServiceError('forbidden', message);
export const conflict = (message: string) => new ServiceError('conflict', message);
export const invalid = (path: string, message: string) =>
  new ServiceError('validation_failed', `${path} ${message}`, [{ path, message }]);
