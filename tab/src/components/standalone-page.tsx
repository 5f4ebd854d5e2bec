import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { PageHeading } from './page-heading.js';

const useStyles = makeStyles({
  page: {
    maxWidth: '60rem',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
    outlineStyle: 'none',
  },
});

/** A page outside the signed-in shell (sign-in, start-up, session problems): main landmark and one h1. */
export function StandalonePage({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.page} id="main" tabIndex={-1}>
      <PageHeading intro={intro}>{title}</PageHeading>
      {children}
    </main>
  );
}
