import { useState, type FormEvent, type RefObject } from 'react';
import { Button, Input, Label, makeStyles, tokens } from '@fluentui/react-components';
import { ANNOTATE_SHORTCUT } from './use-annotate-shortcut.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  go: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalXS },
  field: { display: 'grid', gap: tokens.spacingVerticalXXS },
  number: { width: '5.5rem' },
});

export interface ViewerToolbarProps {
  pageCount: number;
  onGoToPage: (page: number) => void;
  /** Absent when the role may not annotate. */
  onAnnotate?: () => void;
  annotateRef?: RefObject<HTMLButtonElement | null>;
  /** How many annotations there are, and a way to them (below the pages in a narrow panel). */
  annotationCount: number;
  onShowAnnotations: () => void;
}

/** Go to a page, Annotate selection (with its shortcut), and the way to the annotations. */
export function ViewerToolbar({ pageCount, onGoToPage, onAnnotate, annotateRef, annotationCount, onShowAnnotations }: ViewerToolbarProps) {
  const styles = useStyles();
  const [page, setPage] = useState('');
  const go = (event: FormEvent) => {
    event.preventDefault();
    const n = Number.parseInt(page, 10);
    if (Number.isInteger(n)) onGoToPage(Math.min(Math.max(n, 1), pageCount));
  };
  return (
    <div className={styles.bar}>
      <form className={styles.go} onSubmit={go} aria-label="Go to a page">
        <div className={styles.field}>
          <Label htmlFor="paper-go-to-page" size="small">
            Page (1–{pageCount})
          </Label>
          <Input id="paper-go-to-page" className={styles.number} size="small" type="number" min={1} max={pageCount} value={page} onChange={(_, d) => setPage(d.value)} />
        </div>
        <Button size="small" type="submit">
          Go
        </Button>
      </form>
      {onAnnotate && (
        <Button
          ref={annotateRef}
          size="small"
          appearance="primary"
          aria-keyshortcuts={ANNOTATE_SHORTCUT}
          title={`Annotate the selected passage (${ANNOTATE_SHORTCUT})`}
          // Keeps the selection in the paper while the button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onAnnotate}
        >
          Annotate selection
        </Button>
      )}
      <Button size="small" appearance="subtle" onClick={onShowAnnotations}>
        Annotations ({annotationCount})
      </Button>
    </div>
  );
}
