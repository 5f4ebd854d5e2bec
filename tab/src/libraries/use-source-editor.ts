import { useState } from 'react';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { ForumSource } from '../../../src/contract/index.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { bodyFrom, draftFrom, errorsFromDetails, kindOf, type FieldErrors, type FieldName, type SourceDraft, type SourceKind } from './source-draft.js';

export type EditorPhase = 'editing' | 'saving' | 'confirming_remove' | 'removing';

export interface SourceEditor {
  kind: SourceKind;
  draft: SourceDraft;
  fieldErrors: FieldErrors;
  generalError: string | null;
  phase: EditorPhase;
  setKind: (kind: SourceKind) => void;
  setField: (field: FieldName, value: string) => void;
  save: () => Promise<ForumSource | null>;
  askToRemove: () => void;
  cancelRemove: () => void;
  remove: () => Promise<ForumSource | null>;
}

/** The editor of one forum's source: the form, its errors in words, and the calls that save or remove it. */
export function useSourceEditor(partnershipId: string, forum: ForumSource, defaultKind: SourceKind): SourceEditor {
  const [kind, setKindState] = useState<SourceKind>(() => kindOf(forum.source, defaultKind));
  const [draft, setDraft] = useState<SourceDraft>(() => draftFrom(forum.source, forum.forumName));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [phase, setPhase] = useState<EditorPhase>('editing');
  const params = { partnershipId, forumId: forum.forumId };

  const clearErrors = () => {
    setFieldErrors({});
    setGeneralError(null);
  };

  const setKind = (next: SourceKind) => {
    setKindState(next);
    clearErrors();
  };

  const setField = (field: FieldName, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };

  const save = async (): Promise<ForumSource | null> => {
    const built = bodyFrom(kind, draft);
    if ('errors' in built) {
      setFieldErrors(built.errors);
      setGeneralError(null);
      return null;
    }
    clearErrors();
    setPhase('saving');
    try {
      const saved = await callApi(apiRoutes.setDocumentSource, { params, body: built.body });
      setPhase('editing');
      return saved;
    } catch (error) {
      const apiError = toApiError(error);
      const spread = errorsFromDetails(kind, apiError.details, apiError.message);
      setFieldErrors(spread.fields);
      setGeneralError(spread.general);
      setPhase('editing');
      return null;
    }
  };

  const remove = async (): Promise<ForumSource | null> => {
    clearErrors();
    setPhase('removing');
    try {
      const removed = await callApi(apiRoutes.removeDocumentSource, { params });
      setPhase('editing');
      return removed;
    } catch (error) {
      setGeneralError(toApiError(error).message);
      setPhase('confirming_remove');
      return null;
    }
  };

  return {
    kind,
    draft,
    fieldErrors,
    generalError,
    phase,
    setKind,
    setField,
    save,
    askToRemove: () => {
      clearErrors();
      setPhase('confirming_remove');
    },
    cancelRemove: () => {
      clearErrors();
      setPhase('editing');
    },
    remove,
  };
}
