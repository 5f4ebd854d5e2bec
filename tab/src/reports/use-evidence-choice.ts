import { useCallback, useMemo, useRef, useState } from 'react';
import type { ReportEvidence } from '../../../src/contract/reports.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import type { EvidenceChoice } from './report-section-view.js';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * Which evidence goes into the document: each tick is saved at once, shown at once, and put back as it was
 * (with the server's reason) if the save fails.
 */
export function useEvidenceChoice(partnershipId: string, draftId: string, announce: (text: string) => void) {
  const [chosen, setChosen] = useState<ReadonlyMap<string, boolean>>(new Map());
  // Not state: the box stays usable (disabling it would drop keyboard focus); a press while the last is on its way is ignored.
  const busy = useRef(new Set<string>());
  const [failure, setFailure] = useState<string | null>(null);

  const set = useCallback(
    async (e: ReportEvidence, included: boolean) => {
      if (busy.current.has(e.id)) return;
      busy.current.add(e.id);
      setFailure(null);
      setChosen((m) => new Map(m).set(e.id, included));
      try {
        await callApi(apiRoutes.selectReportEvidence, { params: { partnershipId, draftId }, body: { items: [{ id: e.id, included }] } });
        announce(`${included ? 'Included in' : 'Left out of'} the document: ${short(e.text)}`);
      } catch (error) {
        setChosen((m) => new Map(m).set(e.id, !included));
        const message = toApiError(error).message;
        setFailure(message);
        // The message is at the top of the page, far from the box: it is read out too.
        announce(`Not saved: ${short(e.text)} is ${included ? 'still left out' : 'still included'}. ${message}`);
      } finally {
        busy.current.delete(e.id);
      }
    },
    [partnershipId, draftId, announce],
  );

  const choice: EvidenceChoice = useMemo(
    () => ({ included: (e) => !e.private && (chosen.get(e.id) ?? e.included), set: (e, v) => void set(e, v) }),
    [chosen, set],
  );
  /** After the draft is read again, the server's choices are the ones to show. */
  const reset = useCallback(() => setChosen(new Map()), []);
  return { choice, failure, reset };
}
