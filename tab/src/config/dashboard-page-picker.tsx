import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { DASHBOARD_PAGE_LABELS, DASHBOARD_PAGES, type DashboardPage } from './view-choice.js';

const HINTS: Record<DashboardPage, string> = {
  dashboard: 'areas by RAG, evidence, blind spots, challenges and days used',
  'work-plan': 'the scrutiny year’s activities and days',
  escalations: 'disagreements between agencies and how they were resolved',
};

/** Which page a dashboard tab opens. */
export function DashboardPagePicker({ value, onChange }: { value: DashboardPage; onChange: (page: DashboardPage) => void }) {
  return (
    <Field label="The tab shows">
      <RadioGroup value={value} onChange={(_, d) => onChange(d.value as DashboardPage)}>
        {DASHBOARD_PAGES.map((p) => (
          <Radio key={p} value={p} label={`${DASHBOARD_PAGE_LABELS[p]}: ${HINTS[p]}`} />
        ))}
      </RadioGroup>
    </Field>
  );
}
