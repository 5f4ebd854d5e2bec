import { makeStyles, tokens } from '@fluentui/react-components';
import { splitHighlights } from '../../../src/contract/search-text.js';

const useStyles = makeStyles({
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    // Not by colour alone: the matched words are bold too.
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusSmall,
    paddingInline: tokens.spacingHorizontalXXS,
    '@media (forced-colors: active)': { backgroundColor: 'Mark', color: 'MarkText', forcedColorAdjust: 'none' },
  },
});

/**
 * A snippet as React text nodes, the matched words in <mark>. The snippet is plain text from the
 * paper: it is never parsed as HTML, so whatever the paper contains shows as typed.
 */
export function HighlightedSnippet({ snippet }: { snippet: string }) {
  const styles = useStyles();
  return (
    <>
      {splitHighlights(snippet).map((part, i) =>
        part.highlighted ? (
          <mark key={i} className={styles.mark}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
