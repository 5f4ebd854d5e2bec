import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReportSection } from '../../../src/contract/reports.js';
import { sectionHeadingId } from './report-section-view.js';

const useStyles = makeStyles({
  nav: { marginBlockEnd: tokens.spacingVerticalL },
  title: { ...typographyStyles.body1Strong, margin: `0 0 ${tokens.spacingVerticalXS}` },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalXXS },
  // At least 24 px high, so each jump is easy to hit (WCAG 2.2, 2.5.8 target size).
  link: { display: 'block', minHeight: '24px', textAlign: 'start' },
});

/**
 * The sections, each a jump to its heading. Buttons that move focus, not `#id` links: the hash holds the
 * tab's route (router/use-hash-route.ts).
 */
export function ReportContents({ sections, generateId }: { sections: ReportSection[]; generateId: string }) {
  const styles = useStyles();
  const go = (id: string) => {
    const heading = document.getElementById(id);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };
  return (
    <nav aria-labelledby="report-contents" className={styles.nav}>
      <p id="report-contents" className={styles.title}>
        Sections
      </p>
      <ol className={styles.list}>
        {sections.map((s) => (
          <li key={s.key}>
            <Link as="button" className={styles.link} onClick={() => go(sectionHeadingId(s.key))}>
              {s.title}
            </Link>
          </li>
        ))}
        <li>
          <Link as="button" className={styles.link} onClick={() => go(generateId)}>
            Make the Word document
          </Link>
        </li>
      </ol>
    </nav>
  );
}
