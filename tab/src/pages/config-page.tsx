import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Me } from '../../../src/contract/index.js';
import { ConfigSummary } from '../config/config-summary.js';
import { PaperPicker } from '../config/paper-picker.js';
import { DashboardPagePicker } from '../config/dashboard-page-picker.js';
import { SurfacePicker } from '../config/surface-picker.js';
import { TrackerViewPicker } from '../config/tracker-view-picker.js';
import { useTabConfig } from '../config/use-tab-config.js';
import { PageHeading } from '../components/page-heading.js';
import { SectionHeading } from '../components/section-heading.js';
import type { HostInfo } from '../teams/teams-host.js';

const useStyles = makeStyles({
  // minmax(0, 1fr): long radio labels wrap at 280 px instead of widening the grid.
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalL, maxWidth: '48rem' },
  note: { marginBlockStart: tokens.spacingVerticalM },
});

/**
 * The Teams tab configuration page (the manifest's configurationUrl): choose what the tab opens, and
 * optionally a paper. Teams saves the choice when its Save button is selected; in a browser the page shows
 * what would be saved.
 */
export default function ConfigPage({ membership, host }: { membership: Me; host: HostInfo }) {
  const styles = useStyles();
  const tab = useTabConfig(host);
  return (
    <>
      <PageHeading intro="Choose what this Line of Sight tab shows when someone opens it. You can change this later from the tab’s settings.">
        Set up this tab
      </PageHeading>
      <form className={styles.form} onSubmit={(event) => event.preventDefault()}>
        <SurfacePicker value={tab.surface} onChange={tab.setSurface} />
        {tab.surface === 'papers' && (
          <section aria-labelledby="config-paper">
            <SectionHeading id="config-paper">Paper (optional)</SectionHeading>
            <PaperPicker
              membership={membership}
              paper={tab.paper}
              onPaper={tab.setPaper}
              pageText={tab.pageText}
              onPageText={tab.setPageText}
              pageError={tab.pageError}
            />
          </section>
        )}
        {tab.surface === 'tracker' && (
          <section aria-labelledby="config-tracker">
            <SectionHeading id="config-tracker">Tracker view (optional)</SectionHeading>
            <TrackerViewPicker membership={membership} value={tab.trackerView} onChange={tab.setTrackerView} />
          </section>
        )}
        {tab.surface === 'dashboard' && (
          <section aria-labelledby="config-dashboard">
            <SectionHeading id="config-dashboard">Dashboard view</SectionHeading>
            <DashboardPagePicker value={tab.dashboardPage} onChange={tab.setDashboardPage} />
          </section>
        )}
      </form>
      <section aria-labelledby="config-saved">
        <SectionHeading id="config-saved">What the tab saves</SectionHeading>
        {tab.config ? <ConfigSummary config={tab.config} /> : <p>Correct the page number above to see what the tab saves.</p>}
        <MessageBar intent="info" layout="multiline" className={styles.note}>
          <MessageBarBody>
            {tab.connected ? (
              <>
                <MessageBarTitle>Ready.</MessageBarTitle> Select Save in Teams to add the tab.
              </>
            ) : (
              <>
                <MessageBarTitle>Not in Teams.</MessageBarTitle> This page is open in a browser, so nothing is saved: this is
                what Teams would save when the tab is added.
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      </section>
    </>
  );
}
