// Finding a USB board again after it re-enumerated (USB-JTAG-Serial and USB-OTG consoles vanish
// with every chip reset, reset-and-boot.md §7) or its cable was plugged back in: the first port in serial.getPorts() with
// the same USB ids (and serial number where the browser gives one) that is connected, looked for
// now and on every 'connect' event, within a time limit. No chooser: the origin keeps its grant.

/**
 * Resolves to the port standing for `old`'s device once it is back; rejects after `timeoutMs`.
 * @param {{getPorts(): Promise<any[]>, addEventListener?: Function, removeEventListener?: Function}} serial
 */
export function findSamePort(serial, old, timeoutMs) {
  const info = old.getInfo?.() ?? {};
  const same = (port) => {
    const other = port.getInfo?.() ?? {};
    return (
      port.connected !== false &&
      (port !== old || old.connected === true) &&
      other.usbVendorId === info.usbVendorId &&
      other.usbProductId === info.usbProductId &&
      (info.serialNumber === undefined || other.serialNumber === info.serialNumber)
    );
  };
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (port, error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      serial.removeEventListener?.('connect', look);
      if (error) reject(error);
      else resolve(port);
    };
    function look() {
      serial
        .getPorts()
        .then((ports) => {
          const port = ports.find(same);
          if (port) finish(port);
        })
        .catch((error) => finish(null, error));
    }
    const timer = setTimeout(() => finish(null, new Error(`it did not come back within ${timeoutMs} ms`)), timeoutMs);
    serial.addEventListener?.('connect', look);
    look();
  });
}
