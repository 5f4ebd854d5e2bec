import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { UnreadableFile } from '../../../src/contract/index.js';
import { SectionHeading } from '../components/section-heading.js';

const useStyles = makeStyles({
  intro: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalS}`, maxWidth: '70ch' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorderActive}`,
  },
  name: { ...typographyStyles.body1Strong, overflowWrap: 'anywhere' },
  reason: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Files the sync found but could not read: each with its name and the reason. */
export function UnreadableFileList({ files }: { files: UnreadableFile[] }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="libraries-unreadable">
      <SectionHeading level={3} id="libraries-unreadable">
        Files that could not be read ({files.length})
      </SectionHeading>
      <p className={styles.intro}>
        Their text is not in Line of Sight, so they cannot be searched or annotated. Replace each with a readable PDF or Word
        file in its library folder, then sync again.
      </p>
      <ul className={styles.list}>
        {files.map((file, index) => (
          <li key={`${file.documentId ?? 'item'}-${file.fileName}-${index}`} className={styles.item}>
            <span className={styles.name}>{file.fileName}</span>
            <span className={styles.reason}>{file.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
