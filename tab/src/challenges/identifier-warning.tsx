import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Flag } from '../../../src/guard/index.js';
import { FLAG_LABELS } from '../../../src/guard/types.js';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
  passage: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/**
 * Shows what in a question may identify a child, and asks the scrutineer to edit it or to confirm
 * that it may be sent as written. Nothing shows when nothing is flagged.
 */
export function IdentifierWarning({ flags, confirmed, onConfirmedChange }: { flags: Flag[]; confirmed: boolean; onConfirmedChange: (confirmed: boolean) => void }) {
  const styles = useStyles();
  if (flags.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This may identify a child</MessageBarTitle>
        <ul className={styles.list}>
          {flags.map((f) => (
            <li key={`${f.start}-${f.end}`}>
              {FLAG_LABELS[f.kind]}: <span className={styles.passage}>{f.text}</span>
            </li>
          ))}
        </ul>
        <Checkbox
          checked={confirmed}
          onChange={(_, d) => onConfirmedChange(d.checked === true)}
          label="I have checked: it may leave the private workspace as written"
        />
      </MessageBarBody>
    </MessageBar>
  );
}
