import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  h2: {
    ...typographyStyles.subtitle1,
    marginBlock: `${tokens.spacingVerticalXL} ${tokens.spacingVerticalS}`,
    overflowWrap: 'anywhere',
  },
  h3: {
    ...typographyStyles.subtitle2,
    marginBlock: `0 ${tokens.spacingVerticalXS}`,
    overflowWrap: 'anywhere',
  },
});

/** h2 / h3 in the Fluent type ramp, so the outline reads correctly to screen readers. */
export function SectionHeading({
  level = 2,
  id,
  className,
  focusable,
  children,
}: {
  level?: 2 | 3;
  id?: string;
  className?: string;
  /** Lets script move focus here (tabIndex -1), e.g. after the control that had focus disappears. */
  focusable?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const tabIndex = focusable ? -1 : undefined;
  if (level === 3) {
    return (
      <h3 id={id} tabIndex={tabIndex} className={mergeClasses(styles.h3, className)}>
        {children}
      </h3>
    );
  }
  return (
    <h2 id={id} tabIndex={tabIndex} className={mergeClasses(styles.h2, className)}>
      {children}
    </h2>
  );
}
