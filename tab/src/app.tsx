import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { LoadingState } from './components/loading-state.js';
import { SessionGate } from './session/session-gate.js';
import { useHost } from './teams/use-host.js';
import { fluentTheme } from './theme/themes.js';
import { useThemeName } from './theme/use-theme-name.js';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/** The tab: theme from the host (Teams or browser), then the session. */
export function App() {
  const styles = useStyles();
  const host = useHost();
  const themeName = useThemeName(host);
  return (
    <FluentProvider theme={fluentTheme(themeName)} className={styles.root} data-theme={themeName}>
      {host ? <SessionGate host={host} /> : <LoadingState label="Starting Line of Sight…" />}
    </FluentProvider>
  );
}
