import { tokens } from '@fluentui/react-components';

/** A clear keyboard focus ring in theme colours (forced-colors mode swaps in the system colour). */
export const focusRing = {
  ':focus-visible': {
    outlineStyle: 'solid',
    outlineWidth: tokens.strokeWidthThick,
    outlineColor: tokens.colorStrokeFocus2,
    outlineOffset: tokens.strokeWidthThick,
    borderRadius: tokens.borderRadiusSmall,
  },
} as const;
