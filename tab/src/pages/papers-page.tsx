import type { Me } from '../../../src/contract/index.js';
import { Link } from '@fluentui/react-components';
import { PageHeading } from '../components/page-heading.js';
import { PaperList } from '../papers/paper-list.js';
import { readPaperParams } from '../papers/paper-params.js';
import { PaperViewer } from '../papers/paper-viewer.js';
import { useHashParams } from '../router/hash-params.js';

/** Papers: with `documentId`, the paper viewer open at `page`; without, the recent meetings' papers. */
export default function PapersPage({ membership }: { membership: Me }) {
  const { documentId, page } = readPaperParams(useHashParams());
  const mayRead = membership.permissions.includes('document.read');
  if (!mayRead) {
    return (
      <>
        <PageHeading>Papers</PageHeading>
        <p>Your role in this partnership does not include reading its papers. Ask the business manager if you need to.</p>
      </>
    );
  }
  if (!documentId) {
    return (
      <>
        <PageHeading intro="Read each agenda, paper and set of minutes page by page, and select a passage to annotate it with an observation or a challenge.">
          Papers
        </PageHeading>
        <PaperList partnershipId={membership.partnership.id} />
      </>
    );
  }
  return (
    <>
      <PageHeading>Papers</PageHeading>
      <p>
        <Link href="#/papers">All recent papers</Link>
      </p>
      <PaperViewer key={documentId} membership={membership} documentId={documentId} page={page} />
    </>
  );
}
