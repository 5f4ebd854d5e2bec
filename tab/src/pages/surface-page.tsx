import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { PageHeading } from '../components/page-heading.js';
import { routeFor } from '../router/routes.js';
import { SURFACE_COPY, type SurfaceKey } from './surface-copy.js';

/** A surface that a later release fills: what it will do, and what to do meanwhile. */
export default function SurfacePage({ surface }: { surface: SurfaceKey }) {
  const route = routeFor(surface);
  const copy = SURFACE_COPY[surface];
  const related = copy.related ? routeFor(copy.related) : undefined;
  return (
    <>
      <PageHeading intro={copy.purpose}>{route.title}</PageHeading>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Coming in a later release.</MessageBarTitle> {copy.next}{' '}
          {related && <Link href={related.hash}>Go to {related.label === 'Home' ? 'the partnership overview' : related.title.toLowerCase()}</Link>}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
