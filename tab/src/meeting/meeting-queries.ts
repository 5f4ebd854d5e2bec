/*
 * The meeting list's queries, shared by the pick list and the prefetch started with the page
 * (meeting-prefetch.ts): the same query is the same call, so the list can use the prefetched answer.
 */
export const upcomingMeetings = (today: string) => ({ from: today });
export const earlierMeetings = (today: string) => ({ to: today });
