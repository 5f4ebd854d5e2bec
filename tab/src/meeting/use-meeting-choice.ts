import { useEffect, useRef, useState } from 'react';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { showMeeting, useMeetingIdFromHash } from './meeting-hash.js';
import { mightBeHosted } from '../teams/teams-host.js';
import { teamsMeetingIds } from './teams-meeting-context.js';

export type MeetingChoice =
  | { status: 'finding' }
  | { status: 'chosen'; meetingId: string }
  /** No meeting yet: `notLinked` says Teams named a meeting we could not match. */
  | { status: 'pick'; notLinked: boolean };

/**
 * Which meeting the panel shows: the one in the address; else, in Teams, the meeting the
 * server matches to this Teams meeting; else (a browser, or no match) the manual pick.
 * The Teams lookup is made once per visit: after "Choose another meeting" the list stays.
 */
export function useMeetingChoice(partnershipId: string, mayReadMeetings: boolean): MeetingChoice {
  const fromHash = useMeetingIdFromHash();
  // Only Teams can name the meeting: in a browser the pick list shows at once.
  const [lookup, setLookup] = useState<'finding' | 'not_linked' | 'none'>(() => (!fromHash && mayReadMeetings && mightBeHosted() ? 'finding' : 'none'));
  const started = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (fromHash || !mayReadMeetings) {
      setLookup('none');
      return;
    }
    void (async () => {
      const ids = await teamsMeetingIds();
      if (!ids) {
        if (mounted.current) setLookup('none');
        return;
      }
      try {
        const meeting = await callApi(apiRoutes.resolveMeeting, { params: { partnershipId }, body: ids });
        if (mounted.current) {
          setLookup('none');
          showMeeting(meeting.id, true);
        }
      } catch {
        // 404 (not linked yet) or any failure: the person picks the meeting instead.
        if (mounted.current) setLookup('not_linked');
      }
    })();
  }, [fromHash, partnershipId, mayReadMeetings]);

  if (fromHash) return { status: 'chosen', meetingId: fromHash };
  if (lookup === 'finding') return { status: 'finding' };
  return { status: 'pick', notLinked: lookup === 'not_linked' };
}
