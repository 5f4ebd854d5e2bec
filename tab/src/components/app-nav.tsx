import {
  Link,
  Menu,
  MenuButton,
  MenuItemLink,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ROUTES, routesFor, type RouteKey } from '../router/routes.js';
import { focusRing } from '../theme/focus-ring.js';

/** Below this width (the Teams meeting side panel is 280 px) the links fold into a menu. */
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
    [NARROW]: { display: 'none' },
  },
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
  menu: { [WIDE]: { display: 'none' } },
});

/** The surfaces: links on wide screens, a "Go to" menu in narrow panels. */
export function AppNav({ current, permissions }: { current: RouteKey | 'not_found'; permissions?: readonly string[] }) {
  const styles = useStyles();
  // Without permissions (none given), every route; otherwise only those the role may use.
  const routes = permissions ? routesFor(permissions) : ROUTES;
  const currentLabel = ROUTES.find((r) => r.key === current)?.label ?? 'Page not found';
  return (
    <nav aria-label="Line of Sight" className={styles.nav}>
      <ul className={styles.list}>
        {routes.map((route) => (
          <li key={route.key}>
            <Link
              href={route.hash}
              appearance="subtle"
              className={mergeClasses(styles.link, route.key === current && styles.current)}
              aria-current={route.key === current ? 'page' : undefined}
            >
              {route.label}
            </Link>
          </li>
        ))}
      </ul>
      <div className={styles.menu}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton size="small" appearance="subtle">
              Go to… (now: {currentLabel})
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {routes.map((route) => (
                <MenuItemLink key={route.key} href={route.hash} aria-current={route.key === current ? 'page' : undefined}>
                  {route.label}
                </MenuItemLink>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
    </nav>
  );
}
