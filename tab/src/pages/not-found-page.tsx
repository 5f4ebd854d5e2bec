import { Link } from '@fluentui/react-components';
import { PageHeading } from '../components/page-heading.js';

/** An address the tab does not know. */
export default function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        Line of Sight has no page at this address. Choose a surface from the navigation, or{' '}
        <Link href="#/">go to the partnership overview</Link>.
      </p>
    </>
  );
}
