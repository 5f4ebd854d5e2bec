import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { TrackerNotice } from './tracker-notice.js';

/** A notice above the table: a refusal in the server's words (with Reload for a conflict), or what was done. */
export function TrackerNoticeBar({ notice, onReload, onDismiss }: { notice: TrackerNotice; onReload: () => void; onDismiss: () => void }) {
  return (
    <MessageBar key={notice.id} intent={notice.intent} layout="multiline">
      <MessageBarBody>{notice.text}</MessageBarBody>
      <MessageBarActions>
        {notice.offerReload && (
          <Button
            appearance="primary"
            onClick={() => {
              onDismiss();
              onReload();
            }}
          >
            Reload the tracker
          </Button>
        )}
        <Button onClick={onDismiss}>Dismiss</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
