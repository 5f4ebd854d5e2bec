import { Field, Select, makeStyles } from '@fluentui/react-components';
import type { Option } from './filter-options.js';

const useStyles = makeStyles({
  // A native select is as wide as its longest option: let it shrink with its grid cell instead.
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0 },
});

/** One filter: a labelled select whose first choice is "Any". */
export function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: readonly Option[]; onChange: (value: string) => void }) {
  const styles = useStyles();
  return (
    <Field label={label} size="small" className={styles.field}>
      <Select size="small" className={styles.select} value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
