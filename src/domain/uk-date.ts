const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the UK (YYYY-MM-DD) at an instant: due dates and "today" are UK days, whatever the server's zone. */
export const ukCalendarDay = (at: Date): string => ukDay.format(at);

/** A YYYY-MM-DD date as the UK writes it in a spreadsheet: 15/12/2026. */
export const ukNumericDate = (isoDate: string): string => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
