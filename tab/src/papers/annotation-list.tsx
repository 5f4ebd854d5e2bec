import { Button, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { visuallyHidden } from '../theme/visually-hidden.js';
import type { AnnotatedPassage } from './annotation-notes.js';

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalS}`, overflowWrap: 'anywhere' },
  subheading: { ...typographyStyles.subtitle2, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}`, overflowWrap: 'anywhere' },
  empty: { ...typographyStyles.body1, margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
  },
  orphan: { border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStrokeAccessible}` },
  quote: {
    ...typographyStyles.body1,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorderActive}`,
    fontStyle: 'italic',
    overflowWrap: 'anywhere',
  },
  note: { ...typographyStyles.body1, margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  detail: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  hidden: visuallyHidden,
  show: { justifySelf: 'start' },
});

function Passage({ passage, onShow }: { passage: AnnotatedPassage; onShow?: (passage: AnnotatedPassage) => void }) {
  const styles = useStyles();
  const a = passage.annotation;
  const orphaned = a.status === 'orphaned';
  return (
    <li className={mergeClasses(styles.item, orphaned && styles.orphan)} data-annotation-id={a.id}>
      {onShow && !orphaned ? (
        <Button size="small" appearance="secondary" className={styles.show} onClick={() => onShow(passage)}>
          Page {a.pageNumber}
          <span className={styles.hidden}>: show this passage in the paper</span>
        </Button>
      ) : (
        <p className={styles.detail}>Was on page {a.pageNumber}</p>
      )}
      <blockquote className={styles.quote}>{orphaned ? a.originalQuote : a.quote}</blockquote>
      <p className={styles.note}>
        <span className={styles.hidden}>{passage.kind === 'challenge' ? 'Challenge: ' : 'Observation: '}</span>
        {passage.note ?? (passage.kind === 'challenge' ? 'A challenge you cannot read.' : 'An observation that has not been shared with you.')}
      </p>
      <p className={styles.detail}>{passage.detail}</p>
      {orphaned && a.orphanReason && <p className={styles.detail}>{a.orphanReason}</p>}
    </li>
  );
}

/** The annotations beside the paper: attached ones by page, then any whose passage a new version lost. */
export function AnnotationList({ passages, onShow }: { passages: readonly AnnotatedPassage[]; onShow: (passage: AnnotatedPassage) => void }) {
  const styles = useStyles();
  const anchored = passages.filter((p) => p.annotation.status === 'anchored');
  const orphaned = passages.filter((p) => p.annotation.status === 'orphaned');
  return (
    <>
      <h2 id="paper-annotations-heading" className={styles.heading}>
        Annotations{passages.length > 0 ? ` (${passages.length})` : ''}
      </h2>
      {passages.length === 0 && (
        <p className={styles.empty}>
          No annotations yet. Select a passage in the paper, then choose Annotate selection (or press Alt+Shift+A) to add an observation or a
          challenge to it.
        </p>
      )}
      {anchored.length > 0 && (
        <ul className={styles.list} aria-label="Annotated passages">
          {anchored.map((p) => (
            <Passage key={p.annotation.id} passage={p} onShow={onShow} />
          ))}
        </ul>
      )}
      {orphaned.length > 0 && (
        <section aria-labelledby="paper-orphans-heading">
          <h3 id="paper-orphans-heading" className={styles.subheading}>
            Could not find this passage in the new version
          </h3>
          <p className={styles.detail}>These annotations keep the words they were made on. Read them against the new version.</p>
          <ul className={styles.list} aria-labelledby="paper-orphans-heading">
            {orphaned.map((p) => (
              <Passage key={p.annotation.id} passage={p} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
