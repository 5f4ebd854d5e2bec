import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Annotation, DocumentDetail, Me } from '../../../src/contract/index.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { formatDate } from '../format/dates.js';
import { visuallyHidden } from '../theme/visually-hidden.js';
import { AnnotationForm } from './annotation-form.js';
import { AnnotationList } from './annotation-list.js';
import type { AnnotatedPassage } from './annotation-notes.js';
import { PaperPages, type PageSource } from './paper-pages.js';
import { scrollToPage } from './scroll-to-page.js';
import { readSelectedPassage, type SelectedPassage } from './selected-passage.js';
import { useAnnotateShortcut } from './use-annotate-shortcut.js';
import { useAnnotations } from './use-annotations.js';
import { usePdfDocument } from './use-pdf-document.js';
import { ViewerToolbar } from './viewer-toolbar.js';

const useStyles = makeStyles({
  title: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalXXS}`, overflowWrap: 'anywhere' },
  facts: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalS}`, overflowWrap: 'anywhere' },
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    marginBlockEnd: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxHeight: '80vh',
    overflowY: 'auto',
  },
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXL,
    '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr) minmax(16rem, 22rem)', alignItems: 'start' },
  },
  aside: {
    minWidth: 0,
    scrollMarginTop: '8rem',
    outlineStyle: 'none',
    '@media (min-width: 900px)': { position: 'sticky', top: '4.5rem', maxHeight: 'calc(100vh - 5rem)', overflowY: 'auto' },
  },
  note: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalM}` },
  live: visuallyHidden,
});

function factsOf(d: DocumentDetail, versionNumber: number | undefined): string {
  return [d.meetingTitle ?? d.forumName, d.meetingDate ? formatDate(d.meetingDate) : null, versionNumber && d.versions.length > 1 ? `version ${versionNumber} of ${d.versions.length}` : null]
    .filter(Boolean)
    .join(' · ');
}

interface ViewerProps {
  membership: Me;
  document: DocumentDetail;
  page: number;
}

function Viewer({ membership, document: doc, page }: ViewerProps) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const version = doc.versions.find((v) => v.id === doc.currentVersionId) ?? doc.versions[0];
  const versionId = version?.id ?? '';
  const ids = version?.hasPdf ? { partnershipId, documentId: doc.id, versionId } : null;
  const pdf = usePdfDocument(ids);
  const useText = !version?.hasPdf || pdf.status === 'error';
  const text = useApi(apiRoutes.getPages, { params: { partnershipId, documentId: doc.id, versionId } }, !useText || !version);
  const { state: annotations, reload } = useAnnotations(partnershipId, doc.id);
  const pagesRef = useRef<HTMLDivElement>(null);
  const asideRef = useRef<HTMLElement>(null);
  const annotateButton = useRef<HTMLButtonElement>(null);
  const [form, setForm] = useState<{ passage: SelectedPassage | null; key: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const canAnnotate = membership.permissions.includes('annotation.create') && membership.permissions.includes('observation.create');
  const canChallenge = membership.permissions.includes('challenge.create') && membership.permissions.includes('people.read');

  let source: PageSource | null = null;
  if (!useText && pdf.status === 'ready') source = { kind: 'pdf', pdf: pdf.pdf, firstPage: pdf.firstPage };
  if (useText && text.state.status === 'ready') source = { kind: 'text', pages: text.state.data.pages };
  const pageCount = source?.kind === 'pdf' ? source.pdf.numPages : source?.kind === 'text' ? source.pages.length : (version?.pageCount ?? 0);

  // Open at the page the address names (a search result, an observation), once the pages are laid out.
  useEffect(() => {
    if (!source || page <= 1) return;
    // The pages appear a frame or two after the source (they wait for the column's width): try until they are there.
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      if (!scrollToPage(pagesRef.current, Math.min(page, pageCount), false) && ++tries < 60) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source === null, page, pageCount]);

  const openForm = useCallback(() => {
    setForm({ passage: readSelectedPassage(pagesRef.current), key: Date.now() });
  }, []);
  useAnnotateShortcut(openForm, canAnnotate && source !== null);

  const closeForm = useCallback(() => {
    setForm(null);
    // Back to the button, so the keyboard carries on from where the form was opened.
    requestAnimationFrame(() => annotateButton.current?.focus());
  }, []);
  const onSaved = useCallback(
    (a: Annotation) => {
      setAnnouncement(`Annotation saved on page ${a.pageNumber}.`);
      window.getSelection()?.removeAllRanges();
      reload();
      closeForm();
    },
    [reload, closeForm],
  );
  const showPassage = useCallback((p: AnnotatedPassage) => {
    scrollToPage(pagesRef.current, p.annotation.pageNumber, true);
  }, []);
  const showAnnotations = useCallback(() => {
    asideRef.current?.scrollIntoView({ block: 'start' });
    asideRef.current?.focus({ preventScroll: true });
  }, []);
  const target = useMemo(
    () => ({ partnershipId, documentId: doc.id, versionId, meetingId: doc.meetingId, forumId: doc.forumId }),
    [partnershipId, doc.id, versionId, doc.meetingId, doc.forumId],
  );

  if (!version) {
    return <p className={styles.note}>This paper has no version that could be read yet. It will appear here after the next sync.</p>;
  }
  const passages = annotations.status === 'ready' ? annotations.passages : [];
  return (
    <>
      <h2 className={styles.title}>{doc.title}</h2>
      <p className={styles.facts}>{factsOf(doc, version.versionNumber)}</p>
      <div className={styles.sticky} hidden={!source && !form}>
        {source && pageCount > 0 && (
          <ViewerToolbar
            pageCount={pageCount}
            onGoToPage={(n) => scrollToPage(pagesRef.current, n, true)}
            onAnnotate={canAnnotate ? openForm : undefined}
            annotateRef={annotateButton}
            annotationCount={passages.length}
            onShowAnnotations={showAnnotations}
          />
        )}
        {form && (
          <AnnotationForm
            key={form.key}
            passage={form.passage}
            fallbackPage={page}
            pageCount={pageCount}
            target={target}
            canChallenge={canChallenge}
            onSaved={onSaved}
            onClose={closeForm}
          />
        )}
      </div>
      <p className={styles.live} aria-live="polite">
        {announcement}
      </p>
      <div className={styles.layout}>
        <div>
          {useText && version.hasPdf && pdf.status === 'error' && <p className={styles.note}>The PDF could not be shown, so the paper’s text is shown page by page.</p>}
          {!version.hasPdf && <p className={styles.note}>This version has no PDF to show (a Word file from a local folder), so its text is shown page by page.</p>}
          {!useText && pdf.status === 'loading' && <LoadingState label="Loading the paper…" />}
          {useText && text.state.status === 'loading' && <LoadingState label="Loading the paper’s text…" />}
          {useText && text.state.status === 'error' && <ErrorState title="Could not load the paper’s text." message={text.state.error.message} onRetry={text.retry} />}
          {source && <PaperPages ref={pagesRef} source={source} pageCount={pageCount} versionId={versionId} passages={passages} label={`Pages of ${doc.title}`} />}
        </div>
        <aside ref={asideRef} tabIndex={-1} className={styles.aside} aria-label="Annotations">
          {annotations.status === 'loading' && <LoadingState label="Loading annotations…" />}
          {annotations.status === 'error' && <ErrorState title="Could not load the annotations." message={annotations.message} onRetry={reload} />}
          {annotations.status === 'ready' && <AnnotationList passages={passages} onShow={showPassage} />}
        </aside>
      </div>
    </>
  );
}

/** A paper, open at a page, with its annotations beside it. */
export function PaperViewer({ membership, documentId, page }: { membership: Me; documentId: string; page: number }) {
  const { state, retry } = useApi(apiRoutes.getDocument, { params: { partnershipId: membership.partnership.id, documentId } });
  if (state.status === 'loading') return <LoadingState label="Loading the paper…" />;
  if (state.status === 'error') {
    return (
      <ErrorState
        title="Could not open this paper."
        message={state.error.message}
        onRetry={state.error.status === 404 ? undefined : retry}
        actions={<Link href="#/papers">See all papers</Link>}
      />
    );
  }
  return <Viewer membership={membership} document={state.data} page={page} />;
}
