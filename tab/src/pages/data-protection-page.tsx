import type { Me } from '../../../src/contract/index.js';
import { PageHeading } from '../components/page-heading.js';
import { DataProtectionView } from '../data-protection/data-protection-view.js';

/** The business manager's data protection tasks: retention, export and erasure. */
export default function DataProtectionPage({ membership }: { membership: Me }) {
  return (
    <>
      <PageHeading intro="How long the partnership’s records are kept, an export of everything it holds, and erasure of a person’s records or of the whole partnership. Every step is recorded in the audit log.">
        Data protection
      </PageHeading>
      {membership.permissions.includes('data_protection.manage') ? (
        <DataProtectionView membership={membership} />
      ) : (
        <p>Only the partnership’s business manager looks after retention, export and erasure.</p>
      )}
    </>
  );
}
