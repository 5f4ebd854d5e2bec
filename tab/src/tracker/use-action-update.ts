import { useState } from 'react';
import type { TrackerAction } from '../../../src/contract/actions.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi, type ApiClientError } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { draftOf, draftProblem, fieldOfDetail, patchOf, type ActionDraft } from './action-form-state.js';

/**
 * The update form: the draft, and saving only what changed with the version it was opened on. A refusal
 * keeps the draft, with the server's words (and, for a conflict, the offer to reload).
 */
export function useActionUpdate(partnershipId: string, action: TrackerAction, onSaved: (a: TrackerAction) => void) {
  const [draft, setDraft] = useState<ActionDraft>(() => draftOf(action));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiClientError | null>(null);
  const [showProblems, setShowProblems] = useState(false);

  const set = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setFailure(null);
  };

  const problem = draftProblem(draft);
  const patch = problem ? null : patchOf(action, draft);
  const fieldError = (field: keyof ActionDraft): string | undefined => {
    if (showProblems && problem?.field === field) return problem.message;
    const detail = failure?.details.find((d) => fieldOfDetail(d.path) === field);
    return detail ? `${detail.message.charAt(0).toUpperCase()}${detail.message.slice(1)}` : undefined;
  };

  const save = async () => {
    setShowProblems(true);
    if (problem || !patch) return;
    setSaving(true);
    setFailure(null);
    try {
      onSaved(await callApi(apiRoutes.updateAction, { params: { partnershipId, actionId: action.id }, body: patch }));
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setSaving(false);
    }
  };

  return { draft, set, save, saving, failure, changed: patch !== null || problem !== null, fieldError };
}
