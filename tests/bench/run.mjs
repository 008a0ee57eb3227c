// `npm run bench`: wall time and peak memory of the offline tools in the wasm build, and the
// page's transfer size. The measurements are being written (issue #2); this entry point exists
// so the script runs.
console.log('esptool-wasm bench: no benchmarks yet');
