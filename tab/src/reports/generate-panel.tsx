import { useRef, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { GeneratedReport, ReportDocument } from '../../../src/contract/reports.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { LoadingState } from '../components/loading-state.js';
import { SectionHeading } from '../components/section-heading.js';
import { DocumentResult, storeText } from './document-result.js';
import type { SectionFlushers } from './use-narrative-autosave.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalS, maxWidth: '48rem', marginBlockEnd: tokens.spacingVerticalXL },
  intro: { margin: 0 },
  button: { justifySelf: 'start' },
});

/** The panel's heading, which the contents jump to. */
export const GENERATE_HEADING_ID = 'report-generate';

type Step = { kind: 'ready' } | { kind: 'working' } | { kind: 'done'; doc: ReportDocument } | { kind: 'failed'; title: string; message: string };

/**
 * Makes the Word document: first every narrative typed is saved, then the server builds the document and
 * puts it in the library. A failure says what to do; the draft is left as it was.
 */
export function GeneratePanel({
  partnershipId,
  draftId,
  lastGenerated,
  flushers,
  announce,
  onGenerated,
}: {
  partnershipId: string;
  draftId: string;
  lastGenerated: ReportDocument | null;
  flushers: SectionFlushers;
  announce: (text: string) => void;
  onGenerated: (result: GeneratedReport) => void;
}) {
  const styles = useStyles();
  const [step, setStep] = useState<Step>({ kind: 'ready' });
  const resultRef = useRef<HTMLDivElement>(null);

  const generate = async () => {
    setStep({ kind: 'working' });
    const saved = await Promise.all([...flushers.values()].map((flush) => flush()));
    if (saved.includes(false)) {
      const failed = { kind: 'failed', title: 'The document was not made.', message: 'A narrative could not be saved (see the section that says so). Try again once it is saved.' } as const;
      setStep(failed);
      announce(`${failed.title} ${failed.message}`);
      return;
    }
    try {
      const result = await callApi(apiRoutes.generateReport, { params: { partnershipId, draftId } });
      setStep({ kind: 'done', doc: result.document });
      announce(`Saved ${result.document.fileName}, version ${result.document.version}, ${storeText(result.document)}.`);
      onGenerated(result);
    } catch (error) {
      const e = toApiError(error);
      const title = e.code === 'report_store_failed' ? 'The document could not be saved to the library.' : 'The document was not made.';
      setStep({ kind: 'failed', title, message: `${e.message} Your draft and its narratives are kept.` });
      announce(`${title} ${e.message}`);
    }
    resultRef.current?.focus();
  };

  return (
    <section aria-labelledby={GENERATE_HEADING_ID} className={styles.root}>
      <SectionHeading id={GENERATE_HEADING_ID} focusable>
        Make the Word document
      </SectionHeading>
      <p className={styles.intro}>
        The document holds the narratives and the evidence ticked, each with its forum, date, paper and page. Your private observations never go into it.
      </p>
      <Button appearance="primary" className={styles.button} disabledFocusable={step.kind === 'working'} onClick={() => void generate()}>
        {step.kind === 'working' ? 'Generating…' : lastGenerated || step.kind === 'done' ? 'Generate a new version' : 'Generate the document'}
      </Button>
      <div ref={resultRef} tabIndex={-1}>
        {step.kind === 'working' && <LoadingState label="Saving the narratives and making the Word document…" />}
        {step.kind === 'done' && <DocumentResult partnershipId={partnershipId} doc={step.doc} title="Document saved." />}
        {step.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{step.title}</MessageBarTitle> {step.message}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void generate()}>Try again</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {step.kind !== 'done' && step.kind !== 'failed' && lastGenerated && <DocumentResult partnershipId={partnershipId} doc={lastGenerated} title="Last generated:" />}
      </div>
    </section>
  );
}
