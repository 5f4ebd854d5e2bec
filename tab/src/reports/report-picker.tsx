import { Field, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportChoice } from './report-params.js';
import { QUARTER_MONTHS, REPORT_KIND_LABELS, quarterLabel, yearChoices, yearSpanLabel } from './report-periods.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`, marginBlockEnd: tokens.spacingVerticalL },
  select: { minWidth: 'min(100%, 16rem)' },
});

/** Which report: the quarterly progress report or the annual statement, and its scrutiny year and quarter. */
export function ReportPicker({ choice, currentYear, onChange }: { choice: ReportChoice; currentYear: number; onChange: (choice: ReportChoice) => void }) {
  const styles = useStyles();
  const years = yearChoices(currentYear);
  if (!years.includes(choice.scrutinyYear)) years.push(choice.scrutinyYear);
  return (
    <div className={styles.root}>
      <Field label="Report">
        <RadioGroup value={choice.kind} onChange={(_, d) => onChange({ ...choice, kind: d.value === 'annual' ? 'annual' : 'quarterly' })}>
          <Radio value="quarterly" label={REPORT_KIND_LABELS.quarterly} />
          <Radio value="annual" label={REPORT_KIND_LABELS.annual} />
        </RadioGroup>
      </Field>
      <Field label="Scrutiny year" hint="April to March." className={styles.select}>
        <Select value={String(choice.scrutinyYear)} onChange={(_, d) => onChange({ ...choice, scrutinyYear: Number(d.value) })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {yearSpanLabel(y)}
            </option>
          ))}
        </Select>
      </Field>
      {choice.kind === 'quarterly' && (
        <Field label="Quarter" className={styles.select}>
          <Select value={String(choice.quarter)} onChange={(_, d) => onChange({ ...choice, quarter: Number(d.value) })}>
            {QUARTER_MONTHS.map((months, i) => (
              <option key={months} value={i + 1}>
                {quarterLabel(i + 1)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
