// The dialog's Improv Wi-Fi step after an install: the console stays open; when the firmware
// answers Improv within the manifest's new_install_improv_wait_time, its name and version are
// shown with a Wi-Fi form (the device's scan list, SSID, password), then "Visit device" and the
// Home Assistant link. The protocol is web/src/improv.js.
import { ImprovClient } from '../src/improv.js';
import { h } from './dialog-view.js';

// ESP Web Tools: 10 s after an install unless the manifest says otherwise (0: no Improv).
const kDefaultWaitS = 10;

export class ImprovView {
  /** client input comes from the console pump: view.push(bytes). */
  constructor({ port, manifest, onText }) {
    this.manifest = manifest;
    this.client = new ImprovClient(port, { onText });
    this.el = h('div', { class: 'improv', 'aria-live': 'polite' });
  }

  push(bytes) {
    this.client.push(bytes);
  }

  get waitMs() {
    const s = this.manifest?.new_install_improv_wait_time;
    return (typeof s === 'number' ? s : kDefaultWaitS) * 1000;
  }

  /** Looks for Improv; resolves true when the firmware answered (the form is then shown). */
  async start() {
    if (this.waitMs === 0) return false;
    this.el.replaceChildren(h('p', {}, 'Looking for Improv Wi-Fi on the device…'));
    try {
      this.info = await this.client.detect(this.waitMs);
    } catch {
      this.el.replaceChildren(h('p', { class: 'improv-none' }, 'The firmware does not offer Improv Wi-Fi set-up.'));
      return false;
    }
    await this.form();
    return true;
  }

  async form() {
    const { firmware, version, name } = this.info;
    const networks = await this.client.scan().catch(() => []);
    const list = h('datalist', { id: 'ewt-networks' }, networks.map((n) => h('option', { value: n.ssid }, `${n.ssid} (${n.rssi} dBm${n.secured ? ', secured' : ''})`)));
    const ssid = h('input', { id: 'ewt-ssid', name: 'ssid', list: 'ewt-networks', autocomplete: 'off', required: true, value: networks[0]?.ssid ?? '' });
    const password = h('input', { id: 'ewt-password', name: 'password', type: 'password', autocomplete: 'off' });
    const status = h('p', { class: 'improv-status', role: 'status' });
    const connect = h('button', { type: 'submit', class: 'primary' }, 'Connect to Wi-Fi');
    const form = h(
      'form',
      { class: 'wifi', onsubmit: (e) => (e.preventDefault(), this.provision(ssid.value, password.value, status, connect)) },
      h('label', { for: 'ewt-ssid' }, 'Network'),
      ssid,
      list,
      h('label', { for: 'ewt-password' }, 'Password'),
      password,
      connect,
    );
    this.el.replaceChildren(h('p', { class: 'improv-info' }, `${name}: ${firmware} ${version} (Improv Wi-Fi)`), form, status);
  }

  async provision(ssid, password, status, button) {
    button.disabled = true;
    status.textContent = `Connecting to ${ssid}…`;
    try {
      const url = await this.client.provision(ssid, password);
      const links = [];
      if (url) links.push(h('a', { href: url, target: '_blank', rel: 'noopener', class: 'visit' }, 'Visit device'));
      const domain = this.manifest?.home_assistant_domain;
      if (domain) {
        const ha = `https://my.home-assistant.io/redirect/config_flow_start/?domain=${encodeURIComponent(domain)}`;
        links.push(h('a', { href: ha, target: '_blank', rel: 'noopener', class: 'ha' }, 'Add to Home Assistant'));
      }
      this.el.replaceChildren(h('p', { class: 'done', 'data-improv': 'provisioned' }, `Connected to ${ssid}.`), h('p', { class: 'links' }, links));
    } catch (error) {
      status.textContent = `${error.message}. Check the password and try again.`;
      status.dataset.improv = 'failed';
      button.disabled = false;
    }
  }
}
