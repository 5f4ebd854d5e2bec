import { makeStyles } from '@fluentui/react-components';
import { visuallyHidden } from '../theme/visually-hidden.js';

const useStyles = makeStyles({ hidden: visuallyHidden });

/** A polite live region (not role=status: the page's loading checks look for those). */
export function LiveRegion({ message }: { message: { text: string; n: number } }) {
  const styles = useStyles();
  return (
    <div aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid="meeting-announcer">
      <span key={message.n}>{message.text}</span>
    </div>
  );
}
