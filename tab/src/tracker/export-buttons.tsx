import { useState } from 'react';
import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { toApiError } from '../api/to-api-error.js';
import { downloadExport } from './download-export.js';
import { exportQuery, type TrackerFilters } from './tracker-filters.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, flexBasis: '100%', margin: 0 },
});

/** Export the view (its search and filters) as Excel or CSV. */
export function ExportButtons({
  partnershipId,
  filters,
  onDone,
  onError,
}: {
  partnershipId: string;
  filters: TrackerFilters;
  onDone: (text: string) => void;
  onError: (text: string) => void;
}) {
  const styles = useStyles();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    try {
      const name = await downloadExport(partnershipId, format, exportQuery(filters));
      onDone(`Exported the actions in this view as ${name}.`);
    } catch (error) {
      onError(toApiError(error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className={styles.root}>
      <Button onClick={() => void run('xlsx')} disabledFocusable={busy !== null}>
        {busy === 'xlsx' ? 'Exporting…' : 'Export to Excel'}
      </Button>
      <Button onClick={() => void run('csv')} disabledFocusable={busy !== null}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </Button>
      {filters.forumId && <p className={styles.note}>The export takes the search and every filter but the forum: it lists every forum’s actions that match.</p>}
    </div>
  );
}
