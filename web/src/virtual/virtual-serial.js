// VirtualSerial: navigator.serial's shape for one virtual board (virtual-port.js), so code that
// finds a re-enumerated device again through getPorts() and 'connect' events can be tested.

// How long a re-enumerated board stays away before its new port appears (a USB device's
// disconnect, reset and enumeration; real boards take some hundred milliseconds).
const kReenumerateMs = 150;

/**
 * navigator.serial's shape for one virtual board: getPorts() lists its live port, requestPort()
 * resolves to it, and a 'connect' event (event.port, and event.target as in Chromium) announces
 * the new port after a re-enumeration.
 */
export class VirtualSerial extends EventTarget {
  constructor(first) {
    super();
    this.ports = [first];
  }

  async getPorts() {
    return this.ports.filter((p) => p.connected || p.lost);
  }

  async requestPort() {
    const [port] = await this.getPorts();
    if (!port) throw new DOMException('No port selected by the user.', 'NotFoundError');
    return port;
  }

  remove(port) {
    this.ports = this.ports.filter((p) => p !== port);
  }

  reenumerated(old) {
    this.remove(old);
    setTimeout(() => {
      if (old.sim.destroyed) return;
      const port = old.successor();
      this.ports.push(port);
      this.announce(port);
      port.dispatch('connect');
    }, kReenumerateMs);
  }

  /** A 'connect' event for `port` (Chromium's bubbles from the SerialPort to navigator.serial). */
  announce(port) {
    const event = new Event('connect');
    event.port = port;
    this.dispatchEvent(event);
  }
}
