import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ChecklistArea } from '../../../src/contract/index.js';

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { ...typographyStyles.body1Strong, margin: 0, overflowWrap: 'anywhere' },
  list: { ...typographyStyles.body1, marginBlock: `${tokens.spacingVerticalXXS} ${tokens.spacingVerticalS}`, paddingInlineStart: tokens.spacingHorizontalL },
  empty: { ...typographyStyles.body1, margin: 0 },
});

/** The prompts of the chosen areas: what to look for, a keystroke (Alt+P) away while writing. */
export function AreaPrompts({ id, areas }: { id: string; areas: readonly ChecklistArea[] }) {
  const styles = useStyles();
  return (
    <section id={id} aria-label="Prompts for the chosen areas" className={styles.root}>
      {areas.length === 0 ? (
        <p className={styles.empty}>Choose a checklist area to see its prompts.</p>
      ) : (
        areas.map((a) => (
          <div key={a.id}>
            <h4 className={styles.title}>{a.title}</h4>
            <ul className={styles.list}>
              {a.prompts.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
