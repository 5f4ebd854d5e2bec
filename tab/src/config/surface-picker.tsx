import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { isTabSurface, TAB_SURFACE_LABELS, TAB_SURFACES, type TabSurface } from '../../../src/domain/deep-links.js';

const HINTS: Record<TabSurface, string> = {
  meeting: 'For a meeting’s side panel: its agenda, papers and quick observations.',
  papers: 'A paper to read and annotate together, on the meeting stage or in a channel.',
  tracker: 'The partnership’s composite action plan, for a channel (a forum’s actions, grouped as you choose).',
  dashboard: 'Checklist areas by RAG, blind spots, challenges and days used; or the work plan or escalations log.',
  challenges: 'Challenges raised and their answers.',
  reports: 'Progress reports and the statement of assurance.',
  search: 'Search agendas, papers and minutes.',
  home: 'The partnership’s forums and meetings.',
};

/** Which surface the tab opens: one choice, each with a line saying what it is for. */
export function SurfacePicker({ value, onChange }: { value: TabSurface; onChange: (surface: TabSurface) => void }) {
  return (
    <Field label="This tab opens" required>
      <RadioGroup
        value={value}
        onChange={(_, data) => {
          if (isTabSurface(data.value)) onChange(data.value);
        }}
      >
        {TAB_SURFACES.map((surface) => (
          <Radio key={surface} value={surface} label={`${TAB_SURFACE_LABELS[surface]}: ${HINTS[surface]}`} />
        ))}
      </RadioGroup>
    </Field>
  );
}
