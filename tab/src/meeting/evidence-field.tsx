import { Field, Select, makeStyles } from '@fluentui/react-components';

// A native select is as wide as its longest option unless told otherwise; the panel is 280 px.
const useStyles = makeStyles({ root: { width: '100%', minWidth: 0 }, select: { minWidth: 0, width: '100%' } });
import { EVIDENCE_TYPES, type EvidenceType } from '../../../src/domain/vocabulary.js';
import { evidenceLabel } from './labels.js';

export function EvidenceField({ value, onChange }: { value: EvidenceType; onChange: (e: EvidenceType) => void }) {
  const styles = useStyles();
  return (
    <Field label="Evidence type">
      <Select className={styles.root} select={{ className: styles.select }} value={value} onChange={(_, data) => onChange(data.value as EvidenceType)}>
        {EVIDENCE_TYPES.map((e) => (
          <option key={e} value={e}>
            {evidenceLabel(e)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
