import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ErasureResult } from '../../../src/contract/data-protection.js';
import { useSubmission } from '../api/use-submission.js';
import { useFormPanelStyles } from '../components/form-panel-styles.js';

/**
 * The confirmation every erasure asks for: type the name of what is erased. The server checks it again and
 * refuses a name that does not match, so this is a guard against slips, not the only one.
 */
export function EraseForm({
  label,
  name,
  what,
  children,
  onErase,
}: {
  label: string;
  /** The name to type, as shown. */
  name: string;
  /** "the person", "the partnership": for the field's label. */
  what: string;
  children?: React.ReactNode;
  onErase: (confirmation: string) => Promise<ErasureResult>;
}) {
  const panel = useFormPanelStyles();
  const [typed, setTyped] = useState('');
  const { saving, failure, submit } = useSubmission();
  const matches = typed.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB') === name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return (
    <form
      className={panel.form}
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!matches) return;
        if (await submit(() => onErase(typed))) setTyped('');
      }}
    >
      {children}
      <Field label={`Type the name of ${what} to confirm: ${name}`} required>
        <Input value={typed} onChange={(_, d) => setTyped(d.value)} autoComplete="off" />
      </Field>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={panel.buttons}>
        <Button appearance="primary" type="submit" disabledFocusable={!matches || saving}>
          {saving ? 'Erasing…' : label}
        </Button>
      </div>
    </form>
  );
}
