import { mightBeHosted } from '../teams/teams-host.js';

export interface TeamsMeetingIds {
  teamsMeetingId?: string;
  chatId?: string;
}

/**
 * The Teams meeting this panel is open in: meeting.id and chat.id from app.getContext().
 * null in a browser, outside a meeting, or when Teams does not answer. The host connection
 * (teams-host.ts) has already initialised teams-js when the tab runs in Teams.
 */
export async function teamsMeetingIds(timeoutMs = 1500): Promise<TeamsMeetingIds | null> {
  if (!mightBeHosted()) return null;
  try {
    const { app } = await import('@microsoft/teams-js');
    if (!app.isInitialized()) return null;
    const context = await Promise.race([
      app.getContext(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Teams did not answer.')), timeoutMs)),
    ]);
    const ids: TeamsMeetingIds = {};
    if (context.meeting?.id) ids.teamsMeetingId = context.meeting.id;
    if (context.chat?.id) ids.chatId = context.chat.id;
    return ids.teamsMeetingId || ids.chatId ? ids : null;
  } catch {
    return null;
  }
}
