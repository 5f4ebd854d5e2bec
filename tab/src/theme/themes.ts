import { createHighContrastTheme, createLightTheme, createTeamsDarkTheme, type BrandVariants, type Theme } from '@fluentui/react-components';
import type { ThemeName } from '../teams/teams-host.js';

/*
 * Teams' three themes, each built the first time it is shown. Fluent's ready-made `teamsLightTheme`,
 * `teamsDarkTheme` and `teamsHighContrastTheme` are all built (with two "V21" variants besides) as soon as
 * the app's code runs, which a CPU profile put at about a quarter of that run, before the side panel's first
 * render (bench/first-render.ts); a person sees one theme at a time. test/unit/themes.spec.ts checks these
 * are exactly Fluent's.
 */

/** Teams' brand colour ramp: Fluent's `brandTeams`, which the package does not export. */
const TEAMS_BRAND: BrandVariants = {
  10: '#2b2b40',
  20: '#2f2f4a',
  30: '#333357',
  40: '#383966',
  50: '#3d3e78',
  60: '#444791',
  70: '#4f52b2',
  80: '#5b5fc7',
  90: '#7579eb',
  100: '#7f85f5',
  110: '#9299f7',
  120: '#aab1fa',
  130: '#b6bcfa',
  140: '#c5cbfa',
  150: '#dce0fa',
  160: '#e8ebfa',
};

/** Teams' text font, in place of Fluent's web default. */
const TEAMS_FONT_FAMILY_BASE = '-apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, "Apple Color Emoji", "Segoe UI Emoji", sans-serif';

const BUILDERS: Record<ThemeName, () => Theme> = {
  light: () => createLightTheme(TEAMS_BRAND),
  dark: () => createTeamsDarkTheme(TEAMS_BRAND),
  contrast: () => createHighContrastTheme(),
};

const built = new Map<ThemeName, Theme>();

/** The Fluent theme for a name: the same object each time, so FluentProvider need not redo its CSS. */
export function fluentTheme(name: ThemeName): Theme {
  let theme = built.get(name);
  if (!theme) {
    theme = { ...BUILDERS[name](), fontFamilyBase: TEAMS_FONT_FAMILY_BASE };
    built.set(name, theme);
  }
  return theme;
}
