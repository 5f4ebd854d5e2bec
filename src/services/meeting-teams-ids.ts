/**
 * The ids under which a Teams meeting may be recorded in meetings.teams_meeting_id.
 *
 * Teams names one meeting in two ways. The meeting id (app.getContext().meeting.id in the tab,
 * TeamsInfo.getMeetingInfo().details.id and the meetingStart event in the bot) is base64 of
 * "0#<chat thread id>#0". The chat id (context.chat.id, the bot's conversation.id, and Graph's
 * onlineMeeting.chatInfo.threadId) is the thread id itself, "19:meeting_…@thread.v2".
 * We accept either, and derive the thread id from a meeting id, so whichever form was stored matches.
 */
export function teamsMeetingKeys(input: { teamsMeetingId?: string; chatId?: string }): string[] {
  const keys = new Set<string>();
  if (input.teamsMeetingId) {
    keys.add(input.teamsMeetingId);
    const thread = threadFromMeetingId(input.teamsMeetingId);
    if (thread) keys.add(thread);
  }
  if (input.chatId) keys.add(input.chatId);
  return [...keys];
}

/** "MCMxOTpt…" → "19:meeting_…@thread.v2", or null when the id is not in that form. */
export function threadFromMeetingId(meetingId: string): string | null {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(meetingId)) return null;
  const decoded = Buffer.from(meetingId, 'base64').toString('utf8');
  const match = /^\d+#(19:[^#\s]+)#\d+$/.exec(decoded);
  return match ? match[1]! : null;
}
