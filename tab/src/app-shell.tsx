import { useEffect, useRef, type MouseEvent } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Me } from '../../src/contract/index.js';
import { AppHeader } from './components/app-header.js';
import { AppNav } from './components/app-nav.js';
import { ChunkView } from './components/chunk-view.js';
import { useDeepLinkStart } from './config/use-deep-link-start.js';
import { useHiddenRoute } from './config/use-hidden-route.js';
import { PAGES } from './router/page-chunks.js';
import { RoutePage } from './router/route-page.js';
import { hiddenRouteFor, routeFor } from './router/routes.js';
import { useHashRoute } from './router/use-hash-route.js';
import type { HostInfo } from './teams/teams-host.js';
import { focusRing } from './theme/focus-ring.js';

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    insetInlineStart: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { top: tokens.spacingVerticalS },
    ...focusRing,
  },
  main: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    maxWidth: '72rem',
    boxSizing: 'border-box',
    outlineStyle: 'none',
    '@media (min-width: 480px)': { padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}` },
  },
});

export interface AppShellProps {
  membership: Me;
  host: HostInfo;
  onSwitchPerson?: () => void;
  onSwitchPartnership?: () => void;
}

/** Header, navigation and the current surface, for one person in one partnership. */
export default function AppShell({ membership, host, onSwitchPerson, onSwitchPartnership }: AppShellProps) {
  const styles = useStyles();
  const { route, navigate } = useHashRoute();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // The Teams tab configuration page, reached only by its address (the manifest's configurationUrl).
  const hidden = useHiddenRoute();
  // A Teams deep link to a paper page opens that page (before the side-panel default below looks at the hash).
  useDeepLinkStart(host);

  // In a meeting's side panel or stage with no route chosen, open the meeting surface.
  useEffect(() => {
    const context = host.frameContext;
    if ((context === 'sidePanel' || context === 'meetingStage') && !window.location.hash) navigate('meeting');
  }, [host, navigate]);

  useEffect(() => {
    const title = route === 'not_found' ? 'Page not found' : routeFor(route).title;
    document.title = `${title} – Line of Sight`;
    // After navigating, move focus to the new content so keyboard and screen-reader users start there.
    if (firstRender.current) firstRender.current = false;
    else mainRef.current?.focus();
  }, [route]);

  useEffect(() => {
    if (hidden) document.title = `${hiddenRouteFor(hidden).title} – Line of Sight`;
  }, [hidden, route]);

  const skipToMain = (event: MouseEvent) => {
    event.preventDefault(); // "#main" would be read as a route by the hash router.
    mainRef.current?.focus();
  };

  // The configuration page stands alone: no navigation, since Teams shows it in its own dialog.
  if (hidden === 'config') {
    return (
      <>
        <a className={styles.skip} href="#main" onClick={skipToMain}>
          Skip to main content
        </a>
        <AppHeader membership={membership} onSwitchPerson={onSwitchPerson} onSwitchPartnership={onSwitchPartnership} />
        <main ref={mainRef} id="main" tabIndex={-1} className={styles.main}>
          <ChunkView part={PAGES.config} loadingLabel="Loading this page…">
            {(ConfigPage) => <ConfigPage membership={membership} host={host} />}
          </ChunkView>
        </main>
      </>
    );
  }

  return (
    <>
      <a className={styles.skip} href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <AppHeader membership={membership} onSwitchPerson={onSwitchPerson} onSwitchPartnership={onSwitchPartnership} />
      <AppNav current={route} permissions={membership.permissions} />
      <main ref={mainRef} id="main" tabIndex={-1} className={styles.main}>
        <RoutePage key={route} route={route} membership={membership} />
      </main>
    </>
  );
}
