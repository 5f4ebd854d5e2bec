import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { visuallyHidden } from '../theme/visually-hidden.js';

/** One page of a paper, drawn or as text, with its number for screen readers and the scroll target. */
export const usePageFrameStyles = makeStyles({
  section: { scrollMarginTop: '8rem', marginBlockEnd: tokens.spacingVerticalL, maxWidth: '100%' },
  label: visuallyHidden,
  caption: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalXS} 0 0` },
  sheet: {
    position: 'relative',
    maxWidth: '100%',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    outlineStyle: 'solid',
    outlineWidth: tokens.strokeWidthThin,
    outlineColor: tokens.colorNeutralStroke1,
    '--scale-round-x': '1px',
    '--scale-round-y': '1px',
  },
  canvas: { position: 'absolute', inset: 0, width: '100%', height: '100%', display: 'block' },
  textSheet: {
    ...typographyStyles.body1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
  },
});
