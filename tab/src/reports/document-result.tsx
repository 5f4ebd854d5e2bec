import { useState } from 'react';
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReportDocument } from '../../../src/contract/reports.js';
import { toApiError } from '../api/to-api-error.js';
import { formatDateAtTime } from '../format/dates.js';
import { downloadReport } from './download-report.js';

/** Where the document is, in words: "in the partnership's SharePoint reports folder". */
export const storeText = (doc: ReportDocument) => (doc.store === 'graph' ? 'in the partnership’s SharePoint reports folder' : 'in the reports folder on the server');

/** A generated document: its name, version and place, with a link to open it in SharePoint and a download. */
export function DocumentResult({ partnershipId, doc, title }: { partnershipId: string; doc: ReportDocument; title: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <MessageBar intent={problem ? 'error' : 'success'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {doc.fileName}, version {doc.version}, {storeText(doc)}; made {formatDateAtTime(doc.generatedAt)} by {doc.generatedBy}.
        {problem && <> {problem}</>}
      </MessageBarBody>
      <MessageBarActions>
        {doc.webUrl && (
          <Link href={doc.webUrl} target="_blank" rel="noreferrer">
            Open {doc.fileName} in SharePoint
          </Link>
        )}
        <Button
          aria-label={`Download ${doc.fileName}`}
          onClick={() => {
            setProblem(null);
            downloadReport(partnershipId, doc).catch((error: unknown) => setProblem(toApiError(error).message));
          }}
        >
          Download
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
