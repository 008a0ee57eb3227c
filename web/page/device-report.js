// "Download report": one text file for a bug report (web/src/report.js builds it) from what the
// page knows: versions, browser, the port's USB ids, the chip card's facts, the settings, the
// log and the session's protocol trace. Identifiers are masked unless the box is ticked.
import * as esptool from '../src/index.js';
import { h } from './dom.js';

const $ = (id) => document.getElementById(id);

export function initReport(session, log, readSettings) {
  $('dev-report').addEventListener('click', async () => {
    const { version, esptoolVersion } = await esptool.version();
    const info = session.port?.getInfo?.() ?? {};
    const text = esptool.buildReport(
      {
        pageVersion: version,
        coreVersion: version,
        esptoolVersion,
        userAgent: navigator.userAgent,
        port: { name: session.portName || '(not connected)', ...info },
        chip: session.chipFacts,
        settings: readSettings(),
        log: log.text().split('\n'),
        trace: session.trace,
      },
      { redact: !$('dev-report-ids').checked },
    );
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = h('a', { href: url, download: 'esptool-report.txt' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
}
