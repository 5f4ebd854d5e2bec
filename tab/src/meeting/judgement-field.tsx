import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { JUDGEMENTS, type Judgement } from '../../../src/domain/vocabulary.js';
import { judgementLabel } from './labels.js';

/** Gone well / too early to tell / concern, in the partnership's own words. */
export function JudgementField({
  value,
  onChange,
  error,
  name,
}: {
  value: Judgement | '';
  onChange: (j: Judgement) => void;
  error?: string;
  name: string;
}) {
  return (
    <Field label="Judgement" validationMessage={error} validationState={error ? 'error' : 'none'}>
      <RadioGroup name={name} value={value} onChange={(_, data) => onChange(data.value as Judgement)}>
        {JUDGEMENTS.map((j) => (
          <Radio key={j} value={j} label={judgementLabel(j)} />
        ))}
      </RadioGroup>
    </Field>
  );
}
