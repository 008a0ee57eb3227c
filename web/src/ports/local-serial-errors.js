// What went wrong with a local serial port, from what bindings-cpp reports. It reports errors
// as text only ("Error: Permission denied, cannot open /dev/ttyUSB0"; no errno), in the OS's
// words, so the kind is read from the OS's standard wording (strerror on Linux and macOS,
// FormatMessage on Windows).

const kKinds = [
  // ENOENT; Windows ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND.
  ['no_port', /No such file or directory|cannot find the (file|path) specified|File not found/i],
  // EACCES; on Windows "Access is denied" is what another program holding the port gives.
  ['permission_denied', /Permission denied|Operation not permitted/i],
  // flock(LOCK_EX | LOCK_NB) refused (bindings-cpp: "Cannot lock port"), EBUSY, Windows sharing.
  ['port_busy', /Cannot lock port|Resource busy|Device or resource busy|Access is denied|being used by another process/i],
  // ENOTTY / EINVAL from TIOCMSET/TIOCMGET: the port has no modem lines (reset.py's test).
  ['no_line_control', /Inappropriate ioctl for device|Invalid argument/i],
];

/** 'no_port' | 'permission_denied' | 'port_busy' | 'no_line_control' | 'port_lost'. */
export function classifyPortError(error) {
  const text = String(error?.message ?? error);
  for (const [kind, pattern] of kKinds) {
    if (pattern.test(text)) return kind;
  }
  return 'port_lost';
}

/** Opening a local port failed; `kind` from classifyPortError, `reason` the OS's words. */
export class PortOpenError extends Error {
  constructor(path, kind, cause) {
    const reason = String(cause?.message ?? cause).replace(/^Error:?\s*/, '').replace(/, cannot open .*$/, '');
    super(`Could not open ${path}: ${reason}`, { cause });
    this.path = path;
    this.kind = kind;
    this.reason = reason;
  }
}
