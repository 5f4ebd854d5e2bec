import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { TabConfig } from './tab-config.js';

const useStyles = makeStyles({
  list: { display: 'grid', rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { ...typographyStyles.body1Strong },
  value: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalS}`, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** What Teams saves for the tab, shown as plain text so it can be checked (and tested in a browser). */
export function ConfigSummary({ config }: { config: TabConfig }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      <dt className={styles.term}>Tab name</dt>
      <dd className={styles.value}>{config.suggestedDisplayName}</dd>
      <dt className={styles.term}>Address the tab opens</dt>
      <dd className={styles.value}>
        <code className={styles.code} data-testid="content-url">
          {config.contentUrl}
        </code>
      </dd>
      <dt className={styles.term}>Tab id</dt>
      <dd className={styles.value}>
        <code className={styles.code}>{config.entityId}</code>
      </dd>
    </dl>
  );
}
