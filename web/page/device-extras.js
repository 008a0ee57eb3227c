// What the Device tab does not need to connect and flash, in one file loaded when first used
// (device.js): the Read and erase card and the report. One file rather than two: their shared
// helpers then travel in one chunk with the offline tools' (esbuild splits by who imports what).
export { initDeviceTools } from './device-tools.js';
export { initReport } from './device-report.js';
