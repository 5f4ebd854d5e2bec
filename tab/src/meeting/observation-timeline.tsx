import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Checklist, MeetingDetail } from '../../../src/contract/index.js';
import { ObservationItem, type ItemActions } from './observation-item.js';
import { itemId, type TimelineItem } from './timeline-items.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  empty: { ...typographyStyles.body1, margin: 0 },
});

/** This meeting's observations, newest first: saved ones and those still on the way. */
export function ObservationTimeline(props: {
  items: TimelineItem[];
  meeting: MeetingDetail;
  checklist: Checklist;
  selfId: string;
  partnershipId: string;
  mayChallenge: boolean;
  mayCapture: boolean;
  actions: ItemActions;
}) {
  const styles = useStyles();
  const { items, mayCapture, ...rest } = props;
  if (items.length === 0) {
    return (
      <p className={styles.empty}>
        {mayCapture
          ? 'No observations yet. Write one above and press Enter: it appears here at once, private to you until you share it.'
          : 'No observations have been shared for this meeting yet.'}
      </p>
    );
  }
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <ObservationItem key={itemId(item)} item={item} {...rest} />
      ))}
    </ul>
  );
}
