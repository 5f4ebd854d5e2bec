import { Field, Select, makeStyles } from '@fluentui/react-components';
import { scrutinyYearLabel } from '../../../src/domain/scrutiny-period.js';
import { periodOptions } from './period-options.js';

const useStyles = makeStyles({ field: { maxWidth: '24rem' } });

/** The period the page shows: a scrutiny year (April to March) or one of its quarters. */
export function PeriodPicker({ value, currentYear, onChange }: { value: string; currentYear: number; onChange: (period: string) => void }) {
  const styles = useStyles();
  return (
    <Field label="Period" className={styles.field} hint="A scrutiny year runs from April to March.">
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {periodOptions(currentYear - 2, currentYear).map((g) => (
          <optgroup key={g.year} label={`Scrutiny year ${scrutinyYearLabel(g.year)}`}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
    </Field>
  );
}
