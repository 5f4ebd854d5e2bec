import { useCallback, useState } from 'react';
import type { Annotation } from '../../../src/contract/index.js';
import { ApiClientError } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { draftErrors, newDraft, type AnnotationDraft, type DraftErrors } from './annotation-draft.js';
import { saveAnnotation, type SaveTarget } from './save-annotation.js';
import type { SelectedPassage } from './selected-passage.js';

/** The server's per-field complaints, put beside the form's fields where they belong. */
function serverFieldErrors(error: ApiClientError): DraftErrors {
  const out: DraftErrors = {};
  for (const d of error.details) {
    if (d.path.endsWith('quote')) out.quote = `The passage ${d.message}`;
    else if (d.path.endsWith('pageNumber')) out.pageNumber = `The page ${d.message}`;
  }
  return out;
}

/** The annotate form's state: the draft, what is wrong with it, and saving it once. */
export function useAnnotationForm(passage: SelectedPassage | null, fallbackPage: number, pageCount: number, target: SaveTarget, onSaved: (a: Annotation) => void) {
  const [draft, setDraft] = useState<AnnotationDraft>(() => newDraft(passage, fallbackPage));
  const [ids] = useState(() => ({ noteId: crypto.randomUUID(), annotationId: crypto.randomUUID() }));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = useCallback(<K extends keyof AnnotationDraft>(key: K, value: AnnotationDraft[K]) => {
    // A corrected passage no longer has the selection's surroundings.
    const context = key === 'quote' || key === 'pageNumber' ? { prefix: '', suffix: '' } : {};
    setDraft((d) => ({ ...d, ...context, [key]: value }));
  }, []);

  /** Returns false when the form needs fixing (the caller moves focus to the first problem). */
  const save = useCallback(async (): Promise<boolean> => {
    const found = draftErrors(draft, pageCount);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return false;
    setSaving(true);
    try {
      onSaved(await saveAnnotation(target, draft, ids));
      return true;
    } catch (error) {
      const apiError = toApiError(error);
      const fields = serverFieldErrors(apiError);
      setErrors(fields);
      setFailure(apiError.message);
      return false;
    } finally {
      setSaving(false);
    }
  }, [draft, pageCount, target, ids, onSaved]);

  return { draft, update, errors, failure, saving, save };
}
