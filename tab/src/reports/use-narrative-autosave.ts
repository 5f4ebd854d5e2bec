import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportSection, SavedReportSection } from '../../../src/contract/reports.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { ApiClientError, callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { NarrativeAutosave, type SaveState } from './narrative-autosave.js';
import { saveStateText } from './report-labels.js';

/** What the editor asks of each section before it generates: save what is typed; true when nothing is left unsaved. */
export type SectionFlushers = Map<string, () => Promise<boolean>>;

/**
 * One section's narrative, saved as it is typed (narrative-autosave.ts), each save carrying the section's
 * version so that a save over someone else's is refused (409) rather than made.
 */
export interface NarrativeProps {
  partnershipId: string;
  draftId: string;
  section: Pick<ReportSection, 'key' | 'title' | 'narrative' | 'version'>;
  flushers: SectionFlushers;
  onSaved: (saved: SavedReportSection) => void;
}

export function useNarrativeAutosave({ partnershipId, draftId, section, flushers, onSaved }: NarrativeProps) {
  const [text, setText] = useState(section.narrative);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // The words under the narrative: the last state worth saying (a pause in typing says nothing new).
  const [said, setSaid] = useState('');
  const version = useRef(section.version);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const saverRef = useRef<NarrativeAutosave | null>(null);
  saverRef.current ??= new NarrativeAutosave(section.narrative, {
    save: async (narrative) => {
      const saved = await callApi(apiRoutes.saveReportSection, {
        params: { partnershipId, draftId, sectionKey: section.key },
        body: { narrative, expectedVersion: version.current },
      });
      version.current = saved.version;
      onSavedRef.current(saved);
    },
    isConflict: (error) => error instanceof ApiClientError && error.code === 'edit_conflict',
    describe: (error) => toApiError(error).message,
    onState: (next) => {
      setState(next);
      const words = saveStateText(next);
      if (words !== null) setSaid(words);
    },
  });
  const saver = saverRef.current;

  useEffect(() => {
    const flush = async () => {
      await saver.flush();
      return !saver.unsaved;
    };
    flushers.set(section.key, flush);
    // Leaving the page (another route) saves what is typed; closing the window asks first.
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.unsaved) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (flushers.get(section.key) === flush) flushers.delete(section.key);
      // Still unsaved (offline), the retries go on in the background until the text is saved.
      void saver.flush().then(() => !saver.unsaved && saver.dispose());
    };
  }, [saver, flushers, section.key]);

  const edit = useCallback(
    (value: string) => {
      setText(value);
      saver.edit(value);
    },
    [saver],
  );

  /** After a conflict: the section as the server has it now. */
  const current = useCallback(async () => {
    const draft = await callApi(apiRoutes.getReportDraft, { params: { partnershipId, draftId } });
    const found = draft.sections.find((s) => s.key === section.key);
    if (!found) throw new ApiClientError(404, 'not_found', 'This section is no longer in the draft. Reload the page.');
    version.current = found.version;
    return found;
  }, [partnershipId, draftId, section.key]);

  const resolve = useCallback(
    async (choice: 'mine' | 'saved') => {
      try {
        const found = await current();
        if (choice === 'mine') await saver.resolveConflict(found.narrative);
        else {
          saver.adopt(found.narrative);
          setText(found.narrative);
        }
      } catch (error) {
        const message = toApiError(error).message;
        setState({ kind: 'conflict', message });
        setSaid(message);
      }
    },
    [current, saver],
  );

  return { text, edit, state, said, retryNow: () => void saver.retryNow(), keepMine: () => resolve('mine'), takeSaved: () => resolve('saved') };
}
