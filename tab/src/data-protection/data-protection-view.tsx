import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ERASED_PERSON_NAME } from '../../../src/domain/retention.js';
import type { Me } from '../../../src/contract/index.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PoliteRegion } from '../components/polite-region.js';
import { SectionHeading } from '../components/section-heading.js';
import { usePoliteMessage } from '../components/use-polite-message.js';
import { EraseForm } from './erase-form.js';
import { RetentionForm } from './retention-form.js';
import { downloadPartnershipExport } from './save-download.js';

const useStyles = makeStyles({
  text: { maxWidth: '70ch', marginBlock: `0 ${tokens.spacingVerticalM}` },
  notice: { marginBlockEnd: tokens.spacingVerticalM, maxWidth: '48rem' },
  // A native select is as wide as its longest option: held to the page's width, so a narrow panel never scrolls sideways.
  picker: { maxWidth: '28rem', marginBlockEnd: tokens.spacingVerticalM },
  select: { width: '100%', minWidth: 0 },
});

/** Retention periods, the partnership's export, and erasure: the business manager's data protection tasks. */
export function DataProtectionView({ membership }: { membership: Me }) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const retention = useApi(apiRoutes.getRetention, { params: { partnershipId } });
  const people = useApi(apiRoutes.listPeople, { params: { partnershipId } });
  const [personId, setPersonId] = useState('');
  const [exporting, setExporting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [erased, setErased] = useState(false);
  const { message, announce } = usePoliteMessage();
  const erasable = people.state.status === 'ready' ? people.state.data.people.filter((p) => p.id !== membership.person.id && p.displayName !== ERASED_PERSON_NAME) : [];
  const person = erasable.find((p) => p.id === personId);

  if (erased) {
    return (
      <MessageBar intent="success" layout="multiline" className={styles.notice}>
        <MessageBarBody>{membership.partnership.name} has been erased. Only its name and the record of this erasure remain; you can close Line of Sight.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <PoliteRegion message={message} />
      <SectionHeading>How long records are kept</SectionHeading>
      {retention.state.status === 'loading' && <LoadingState label="Loading the retention periods…" />}
      {retention.state.status === 'error' && <ErrorState title="Could not load the retention periods." message={retention.state.error.message} onRetry={retention.retry} />}
      {retention.state.status === 'ready' && (
        <RetentionForm
          key={retention.state.data.updatedAt ?? 'defaults'}
          partnershipId={partnershipId}
          settings={retention.state.data}
          onSaved={() => {
            announce('Saved the retention periods.');
            retention.retry();
          }}
        />
      )}

      <SectionHeading>Export the partnership’s data</SectionHeading>
      <p className={styles.text}>
        Everything Line of Sight holds for {membership.partnership.name}, as JSON lines in a zip: one file per table, and a manifest. Papers’ files are not included:
        they stay in your SharePoint libraries. The export is recorded in the audit log.
      </p>
      {problem && (
        <MessageBar intent="error" layout="multiline" className={styles.notice}>
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        disabledFocusable={exporting}
        onClick={async () => {
          setExporting(true);
          setProblem(null);
          try {
            announce(`Downloaded ${await downloadPartnershipExport(partnershipId)}.`);
          } catch (error) {
            setProblem(toApiError(error).message);
          } finally {
            setExporting(false);
          }
        }}
      >
        {exporting ? 'Preparing the export…' : 'Download all the partnership’s data'}
      </Button>

      <SectionHeading>Erase a person’s records</SectionHeading>
      <p className={styles.text}>
        When someone asks to be erased: their observations and annotations are deleted, and their name becomes “{ERASED_PERSON_NAME}” on the challenges, responses and
        actions the partnership keeps. They can no longer sign in. This cannot be undone.
      </p>
      {people.state.status === 'error' && <ErrorState title="Could not load the people." message={people.state.error.message} onRetry={people.retry} />}
      <Field label="Person to erase" className={styles.picker}>
        <Select className={styles.select} select={{ className: styles.select }} value={personId} onChange={(_, d) => setPersonId(d.value)}>
          <option value="">Choose a person</option>
          {erasable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
              {p.agencyName ? ` (${p.agencyName})` : ''}
            </option>
          ))}
        </Select>
      </Field>
      {person && (
        <EraseForm
          key={person.id}
          label={`Erase ${person.displayName}`}
          name={person.displayName}
          what="the person"
          onErase={async (confirmName) => {
            const result = await callApi(apiRoutes.erasePerson, { params: { partnershipId, personId: person.id }, body: { confirmName } });
            announce(`Erased ${person.displayName}'s records.`);
            setPersonId('');
            people.retry();
            return result;
          }}
        />
      )}

      <SectionHeading>Erase the whole partnership</SectionHeading>
      <p className={styles.text}>
        At the end of a contract: everything Line of Sight holds for {membership.partnership.name} is deleted, the audit log with it. Only the partnership’s name and the
        record of this erasure remain. Export first if the partnership wants its data. This cannot be undone.
      </p>
      <EraseForm
        label={`Erase ${membership.partnership.name}`}
        name={membership.partnership.name}
        what="the partnership"
        onErase={async (confirmPartnershipName) => {
          const result = await callApi(apiRoutes.erasePartnership, { params: { partnershipId }, body: { confirmPartnershipName } });
          setErased(true);
          return result;
        }}
      />
    </>
  );
}
