import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ROUTES, routesFor, type RouteKey } from '../router/routes.js';
import { focusRing } from '../theme/focus-ring.js';

/** Below this width (the Teams meeting side panel is 280 px) the links fold behind a "Go to" button. */
const NARROW = '@media (max-width: 479px)';
const WIDE = '@media (min-width: 480px)';

const useStyles = makeStyles({
  nav: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  // Folded: the list is hidden in a narrow panel until the button opens it, as a column of links.
  folded: { [NARROW]: { display: 'none' } },
  unfolded: { [NARROW]: { flexDirection: 'column', paddingBlock: tokens.spacingVerticalXS } },
  link: {
    display: 'inline-block',
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorTransparentStroke}`,
    ...focusRing,
  },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
  toggle: { [WIDE]: { display: 'none' } },
});

/**
 * The surfaces: links on wide screens; in narrow panels the same links behind a "Go to" button (a
 * disclosure, not a menu: plain links in the page need no popup, focus trap or positioning code).
 */
export function AppNav({ current, permissions }: { current: RouteKey | 'not_found'; permissions?: readonly string[] }) {
  const styles = useStyles();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Without permissions (none given), every route; otherwise only those the role may use.
  const routes = permissions ? routesFor(permissions) : ROUTES;
  const currentLabel = ROUTES.find((r) => r.key === current)?.label ?? 'Page not found';

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      toggleRef.current?.focus();
    }
  };

  return (
    <nav aria-label="Line of Sight" className={styles.nav} onKeyDown={onKeyDown}>
      <Button ref={toggleRef} className={styles.toggle} size="small" appearance="subtle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        Go to… (now: {currentLabel})
      </Button>
      <ul id={listId} className={mergeClasses(styles.list, open ? styles.unfolded : styles.folded)}>
        {routes.map((route) => (
          <li key={route.key}>
            <Link
              href={route.hash}
              appearance="subtle"
              className={mergeClasses(styles.link, route.key === current && styles.current)}
              aria-current={route.key === current ? 'page' : undefined}
              // Choosing a surface folds the list again.
              onClick={() => setOpen(false)}
            >
              {route.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
