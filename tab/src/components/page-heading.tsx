import type { ReactNode } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  h1: {
    ...typographyStyles.title2,
    marginBlock: `0 ${tokens.spacingVerticalM}`,
    overflowWrap: 'anywhere',
  },
  intro: {
    ...typographyStyles.body1,
    marginBlock: `0 ${tokens.spacingVerticalL}`,
    maxWidth: '70ch',
  },
});

/** The page's one h1, with an optional line saying what the page is for. */
export function PageHeading({ children, intro }: { children: ReactNode; intro?: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <h1 className={styles.h1}>{children}</h1>
      {intro && <p className={styles.intro}>{intro}</p>}
    </>
  );
}
