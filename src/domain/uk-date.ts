const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the UK (YYYY-MM-DD) at an instant: due dates and "today" are UK days, whatever the server's zone. */
export const ukCalendarDay = (at: Date): string => ukDay.format(at);
