import { makeStyles } from '@fluentui/react-components';
import { visuallyHidden } from '../theme/visually-hidden.js';

const useStyles = makeStyles({ hidden: visuallyHidden });

/**
 * A polite live region, off screen (not role=status: the page's loading checks look for those). Each
 * message gets a new key so the same words said twice are announced twice.
 */
export function PoliteRegion({ message, testId }: { message: { text: string; n: number }; testId?: string }) {
  const styles = useStyles();
  return (
    <div aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid={testId}>
      <span key={message.n}>{message.text}</span>
    </div>
  );
}
