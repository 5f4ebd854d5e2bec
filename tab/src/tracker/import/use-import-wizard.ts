import { useCallback, useState } from 'react';
import type { ImportCommitted, ImportPreview, ImportRead } from '../../../../src/contract/action-import.js';
import { apiRoutes } from '../../../../src/contract/routes.js';
import type { ActionSource } from '../../../../src/domain/vocabulary.js';
import type { ImportField } from '../../../../src/domain/action-import-fields.js';
import { callApi, type ApiClientError } from '../../api/api-client.js';
import { toApiError } from '../../api/to-api-error.js';
import { fileToBase64, isImportFile, MAX_IMPORT_BYTES } from './file-to-base64.js';

export type ImportStep = 'choose' | 'map' | 'preview' | 'done';
export type Mapping = Partial<Record<ImportField, number>>;

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

/**
 * The import's steps: choose a file (the server reads it and suggests a mapping), map its columns, see
 * what each row would do and why a row cannot be imported, then commit — all or nothing. The server keeps
 * nothing between steps: each sends the file again.
 */
export function useImportWizard(partnershipId: string, onImported: (result: ImportCommitted) => void) {
  const [step, setStep] = useState<ImportStep>('choose');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [read, setRead] = useState<ImportRead | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [updateExisting, setUpdateExisting] = useState(false);
  const [defaultSource, setDefaultSource] = useState<ActionSource | ''>('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportCommitted | null>(null);
  const [busy, setBusy] = useState<'reading' | 'previewing' | 'committing' | null>(null);
  const [error, setError] = useState<ApiClientError | string | null>(null);

  const params = { partnershipId };
  const plan = (f: ChosenFile, r: ImportRead) => ({
    fileName: f.fileName,
    contentBase64: f.contentBase64,
    sheet: r.sheet,
    headerRow: r.headerRow,
    mapping,
    updateExisting,
    ...(defaultSource && { defaultSource }),
  });

  const choose = async (chosen: File) => {
    setError(null);
    if (!isImportFile(chosen.name)) return setError('Choose an Excel workbook (.xlsx) or a CSV file (.csv).');
    if (chosen.size > MAX_IMPORT_BYTES) return setError('The file is larger than the 10 MB an import may be.');
    if (chosen.size === 0) return setError('The file is empty.');
    setBusy('reading');
    try {
      const f = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
      const r = await callApi(apiRoutes.readActionImport, { params, body: f });
      setFile(f);
      setRead(r);
      setMapping(r.suggestedMapping);
      setPreview(null);
      setStep('map');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const showPreview = async () => {
    if (!file || !read) return;
    setError(null);
    setBusy('previewing');
    try {
      setPreview(await callApi(apiRoutes.previewActionImport, { params, body: plan(file, read) }));
      setStep('preview');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!file || !read) return;
    setError(null);
    setBusy('committing');
    try {
      const r = await callApi(apiRoutes.commitActionImport, { params, body: plan(file, read) });
      setResult(r);
      setStep('done');
      onImported(r);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const setColumn = useCallback((field: ImportField, column: number | null) => {
    setMapping((m) => {
      const next = { ...m };
      if (column === null) delete next[field];
      else next[field] = column;
      return next;
    });
  }, []);

  const restart = () => {
    setStep('choose');
    setFile(null);
    setRead(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setMapping({});
  };

  return {
    step,
    setStep,
    read,
    mapping,
    setColumn,
    updateExisting,
    setUpdateExisting,
    defaultSource,
    setDefaultSource,
    preview,
    result,
    busy,
    error,
    choose,
    showPreview,
    commit,
    restart,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
