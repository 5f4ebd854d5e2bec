const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The meeting named by the `meetingId` parameter, if it is an id at all. */
export function meetingIdIn(params: URLSearchParams): string | null {
  const id = params.get('meetingId');
  return id && UUID.test(id) ? id : null;
}

/** The meeting a hash names (`#/meeting?meetingId=…`). Free of React: the start-up preload reads it. */
export function meetingIdFromHash(hash: string): string | null {
  return meetingIdIn(new URLSearchParams(hash.split('?')[1] ?? ''));
}
