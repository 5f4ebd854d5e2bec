import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Me } from '../../../src/contract/index.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { useApi } from '../api/use-api.js';
import { GROUP_BY_LABELS, GROUP_BYS, isGroupBy } from '../tracker/tracker-filters.js';
import type { TrackerView } from './view-choice.js';

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM, maxWidth: '36rem' },
  field: { gridTemplateColumns: 'minmax(0, 1fr)' },
});

/** The tracker tab's view: how its actions are grouped, and optionally one forum's actions only. */
export function TrackerViewPicker({ membership, value, onChange }: { membership: Me; value: TrackerView; onChange: (view: TrackerView) => void }) {
  const styles = useStyles();
  const mayReadForums = membership.permissions.includes('forum.read');
  const { state } = useApi(apiRoutes.listForums, { params: { partnershipId: membership.partnership.id } }, !mayReadForums);
  const forums = state.status === 'ready' ? state.data.forums : [];
  return (
    <div className={styles.fields}>
      <Field className={styles.field} label="Group the actions by">
        <Select value={value.group} onChange={(_, d) => isGroupBy(d.value) && onChange({ ...value, group: d.value })}>
          {GROUP_BYS.map((g) => (
            <option key={g} value={g}>
              {GROUP_BY_LABELS[g]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        className={styles.field}
        label="Forum"
        hint={state.status === 'error' ? `The forums could not be loaded: ${state.error.message}` : 'For a forum’s channel: only the actions that forum oversees.'}
      >
        <Select
          value={value.forum?.id ?? ''}
          onChange={(_, d) => {
            const forum = forums.find((f) => f.id === d.value);
            onChange({ ...value, forum: forum ? { id: forum.id, name: forum.name } : null });
          }}
        >
          <option value="">Every forum</option>
          {forums.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
