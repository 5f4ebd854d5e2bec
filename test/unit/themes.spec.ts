/**
 * The tab builds Teams' themes itself, one when it is first shown (tab/src/theme/themes.ts), instead of
 * importing Fluent's ready-made ones, which are all built when the code loads. They must be the very same
 * themes: a token that differed would change a colour someone relies on for contrast.
 */
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { fluentTheme } from '../../tab/src/theme/themes.js';

describe('fluentTheme', () => {
  it('gives exactly Fluent UI\'s Teams light, dark and high-contrast themes, token for token', () => {
    expect(fluentTheme('light')).toEqual(teamsLightTheme);
    expect(fluentTheme('dark')).toEqual(teamsDarkTheme);
    expect(fluentTheme('contrast')).toEqual(teamsHighContrastTheme);
  });

  it('gives the same object each time, so the provider does not rebuild its CSS on every render', () => {
    expect(fluentTheme('dark')).toBe(fluentTheme('dark'));
    expect(fluentTheme('light')).not.toBe(fluentTheme('dark'));
  });
});
