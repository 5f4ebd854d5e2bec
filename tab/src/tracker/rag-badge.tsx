import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Rag } from '../../../src/domain/vocabulary.js';
import { RAG_LABELS } from './tracker-labels.js';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  icon: { flexShrink: 0, width: '16px', height: '16px' },
  red: { color: tokens.colorStatusDangerForeground1 },
  amber: { color: tokens.colorStatusWarningForeground1 },
  green: { color: tokens.colorStatusSuccessForeground1 },
  none: { color: tokens.colorNeutralForeground3 },
  // The mark inside the shape, in the page's background colour (a class: theme tokens, never a literal colour).
  mark: { stroke: tokens.colorNeutralBackground1, fill: 'none' },
});

/** A different shape for each rating (a cross, a warning triangle, a tick), so colour is never the only cue. */
function RagIcon({ rag, className, mark }: { rag: Rag | null; className: string; mark: string }) {
  const common = { className, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;
  switch (rag) {
    case 'red':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" className={mark} strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      );
    case 'amber':
      return (
        <svg {...common}>
          <path d="M8 1.2L15.2 14.4H0.8z" fill="currentColor" />
          <path d="M8 5.6v4.2M8 11.6v0.6" className={mark} strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      );
    case 'green':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M4.6 8.2l2.3 2.3 4.5-4.6" className={mark} strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M5 8h6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      );
  }
}

/** An action's RAG as an icon and a word. Withdrawn actions have none, and say so. */
export function RagBadge({ rag }: { rag: Rag | null }) {
  const styles = useStyles();
  return (
    <span className={styles.root}>
      <RagIcon rag={rag} className={mergeClasses(styles.icon, rag ? styles[rag] : styles.none)} mark={styles.mark} />
      <span>{rag ? RAG_LABELS[rag] : 'No RAG'}</span>
    </span>
  );
}
