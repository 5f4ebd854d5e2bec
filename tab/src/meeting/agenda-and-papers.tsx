import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { MeetingDetail } from '../../../src/contract/index.js';
import { SectionHeading } from '../components/section-heading.js';
import { paperHash } from '../papers/paper-params.js';

const useStyles = makeStyles({
  list: { ...typographyStyles.body1, margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  plain: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: { overflowWrap: 'anywhere' },
  detail: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  empty: { ...typographyStyles.body1, margin: 0 },
});

const KIND: Record<string, string> = { agenda: 'Agenda', paper: 'Paper', minutes: 'Minutes', report: 'Report', other: 'Document' };

/** The meeting's agenda in order, and its papers, each opening in the paper viewer. */
export function AgendaAndPapers({ meeting }: { meeting: MeetingDetail }) {
  const styles = useStyles();
  const byId = new Map(meeting.documents.map((d) => [d.id, d]));
  return (
    <>
      <section aria-labelledby="meeting-agenda">
        <SectionHeading level={3} id="meeting-agenda">
          Agenda
        </SectionHeading>
        {meeting.agendaItems.length === 0 ? (
          <p className={styles.empty}>No agenda has come in for this meeting yet. It appears here once the agenda is in the forum’s library.</p>
        ) : (
          <ol className={styles.list}>
            {meeting.agendaItems.map((a) => {
              const paper = a.documentId ? byId.get(a.documentId) : undefined;
              return (
                <li key={a.id} className={styles.item} value={a.position}>
                  {paper ? <Link href={paperHash(paper.id)}>{a.title}</Link> : a.title}
                  {a.presenter && <span className={styles.detail}> · {a.presenter}</span>}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section aria-labelledby="meeting-papers">
        <SectionHeading level={3} id="meeting-papers">
          Papers
        </SectionHeading>
        {meeting.documents.length === 0 ? (
          <p className={styles.empty}>No papers for this meeting yet. Papers saved to the forum’s library appear here after the next sync.</p>
        ) : (
          <ul className={styles.plain}>
            {meeting.documents.map((d) => (
              <li key={d.id} className={styles.item}>
                <Link href={paperHash(d.id)}>{d.title}</Link>
                <span className={styles.detail}>
                  {' '}
                  · {KIND[d.kind] ?? 'Document'}
                  {d.pageCount ? `, ${d.pageCount} ${d.pageCount === 1 ? 'page' : 'pages'}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
