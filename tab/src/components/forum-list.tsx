import { Badge, Card, CardHeader, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ForumSummary } from '../../../src/contract/index.js';
import { FORUM_KIND_LABELS } from '../../../src/domain/vocabulary.js';
import { formatDateTime } from '../format/dates.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 18rem), 1fr))',
  },
  card: { height: '100%', maxWidth: '100%', boxSizing: 'border-box' },
  name: { ...typographyStyles.subtitle2, margin: 0, overflowWrap: 'anywhere' },
  description: { ...typographyStyles.body1, margin: 0, overflowWrap: 'anywhere' },
  facts: { margin: 0, display: 'grid', rowGap: tokens.spacingVerticalXXS },
  fact: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  term: { ...typographyStyles.caption1Strong, color: tokens.colorNeutralForeground2 },
  detail: { ...typographyStyles.caption1, margin: 0, overflowWrap: 'anywhere' },
});

function meetingsText(count: number): string {
  return count === 1 ? '1 meeting' : `${count} meetings`;
}

/** The partnership's forums: Executive, board, subgroups… with chair and next meeting. */
export function ForumList({ forums }: { forums: ForumSummary[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {forums.map((forum) => (
        <li key={forum.id}>
          <Card className={styles.card}>
            <CardHeader
              header={<h3 className={styles.name}>{forum.name}</h3>}
              description={
                <Badge appearance="outline" color="brand">
                  {FORUM_KIND_LABELS[forum.kind]}
                </Badge>
              }
            />
            {forum.description && <p className={styles.description}>{forum.description}</p>}
            <dl className={styles.facts}>
              <div className={styles.fact}>
                <dt className={styles.term}>Chair:</dt>
                <dd className={styles.detail}>{forum.chairName ?? 'not recorded'}</dd>
              </div>
              <div className={styles.fact}>
                <dt className={styles.term}>Meetings:</dt>
                <dd className={styles.detail}>{meetingsText(forum.meetingCount)}</dd>
              </div>
              <div className={styles.fact}>
                <dt className={styles.term}>Next meeting:</dt>
                <dd className={styles.detail}>
                  {forum.nextMeeting ? (
                    <time dateTime={forum.nextMeeting.startsAt}>{formatDateTime(forum.nextMeeting.startsAt)}</time>
                  ) : (
                    'none scheduled'
                  )}
                </dd>
              </div>
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}
