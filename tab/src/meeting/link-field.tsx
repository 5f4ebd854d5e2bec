import { Field, Select, makeStyles } from '@fluentui/react-components';

// A native select is as wide as its longest option unless told otherwise; the panel is 280 px.
const useStyles = makeStyles({ root: { width: '100%', minWidth: 0 }, select: { minWidth: 0, width: '100%' } });
import type { MeetingDetail } from '../../../src/contract/index.js';

/** An optional link to an agenda item or a paper of this meeting. */
export function LinkField({ meeting, value, onChange }: { meeting: MeetingDetail; value: string; onChange: (link: string) => void }) {
  const styles = useStyles();
  return (
    <Field label="About (optional)">
      <Select className={styles.root} select={{ className: styles.select }} value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">The meeting as a whole</option>
        {meeting.agendaItems.length > 0 && (
          <optgroup label="Agenda items">
            {meeting.agendaItems.map((a) => (
              <option key={a.id} value={`agenda:${a.id}`}>
                {a.position}. {a.title}
              </option>
            ))}
          </optgroup>
        )}
        {meeting.documents.length > 0 && (
          <optgroup label="Papers">
            {meeting.documents.map((d) => (
              <option key={d.id} value={`paper:${d.id}`}>
                {d.title}
              </option>
            ))}
          </optgroup>
        )}
      </Select>
    </Field>
  );
}
