import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * pdf.js's text layer (transparent text laid exactly over the drawn page, so it can be selected),
 * after pdfjs-dist/web/pdf_viewer.css, in theme tokens. pdf.js sets --min-font-size, --font-height,
 * --scale-x and --rotate on the elements itself; the page sets --total-scale-factor.
 */
export const useTextLayerStyles = makeStyles({
  layer: {
    position: 'absolute',
    inset: 0,
    overflow: 'clip',
    lineHeight: 1,
    textAlign: 'initial',
    textSizeAdjust: 'none',
    // Forced colours would paint the transparent text over the drawing: marks below set their own system colours.
    forcedColorAdjust: 'none',
    transformOrigin: '0 0',
    zIndex: 0,
    '--min-font-size': '1',
    '--text-scale-factor': 'calc(var(--total-scale-factor) * var(--min-font-size))',
    '--min-font-size-inv': 'calc(1 / var(--min-font-size))',
    '& span': { color: 'transparent', position: 'absolute', whiteSpace: 'pre', cursor: 'text', transformOrigin: '0% 0%' },
    '& br': { position: 'absolute', whiteSpace: 'pre', transformOrigin: '0% 0%' },
    '& > :not(.markedContent)': {
      zIndex: 1,
      '--font-height': '0',
      fontSize: 'calc(var(--text-scale-factor) * var(--font-height))',
      '--scale-x': '1',
      '--rotate': '0deg',
      transform: 'rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv))',
    },
    '& .markedContent span:not(.markedContent)': {
      zIndex: 1,
      '--font-height': '0',
      fontSize: 'calc(var(--text-scale-factor) * var(--font-height))',
      '--scale-x': '1',
      '--rotate': '0deg',
      transform: 'rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv))',
    },
    '& .markedContent': { display: 'contents' },
    '& .endOfContent': { display: 'block', position: 'absolute', inset: '100% 0 0', zIndex: 0, cursor: 'default', userSelect: 'none' },
    '& ::selection': { backgroundColor: `color-mix(in srgb, ${tokens.colorBrandBackground} 30%, transparent)` },
    '& br::selection': { backgroundColor: 'transparent' },
    '@media (forced-colors: active)': {
      '& ::selection': { backgroundColor: 'color-mix(in srgb, Highlight 40%, transparent)' },
    },
  },
});

/**
 * An annotated passage: a see-through tint over the drawn words, and an outline that stays
 * visible where colours are forced or reduced.
 */
export const useMarkStyles = makeStyles({
  mark: {
    color: 'transparent',
    backgroundColor: `color-mix(in srgb, ${tokens.colorPaletteYellowBackground3} 45%, transparent)`,
    outlineStyle: 'solid',
    outlineWidth: tokens.strokeWidthThick,
    outlineColor: tokens.colorPaletteDarkOrangeBorderActive,
    borderRadius: tokens.borderRadiusSmall,
    '@media (forced-colors: active)': {
      backgroundColor: 'transparent',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: 'Highlight',
    },
  },
  /** The same mark in page text shown without a PDF: the words are visible, so the tint is the theme's. */
  textMark: {
    color: 'inherit',
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outlineStyle: 'solid',
    outlineWidth: tokens.strokeWidthThin,
    outlineColor: tokens.colorPaletteDarkOrangeBorderActive,
    borderRadius: tokens.borderRadiusSmall,
  },
});
