/**
 * The tenants whose users may sign in: the host tenant and every tenant a partnership names. Read
 * again at most once a minute, so that a partner agency added by the business manager can sign in
 * soon after without every request reading the database.
 */
export function allowedTenants(hostTenantId: string, fromDatabase: () => Promise<string[]>, now: () => number = Date.now, maxAgeMs = 60_000) {
  let cached: { at: number; tenants: ReadonlySet<string> } | undefined;
  return async (): Promise<ReadonlySet<string>> => {
    if (!cached || now() - cached.at > maxAgeMs) {
      cached = { at: now(), tenants: new Set([hostTenantId.toLowerCase(), ...(await fromDatabase())]) };
    }
    return cached.tenants;
  };
}
