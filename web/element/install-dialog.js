// The install dialog, loaded on the button's first click: port, chip, build, flash map, erase
// choice, progress, log, end state, then the serial console with Reset device. All logic is
// web/src's installFirmware(); this file only shows its states and asks the user.
import { installFirmware } from '../src/install.js';
import { requestSerialPort } from '../src/web-serial.js';
import { openSerialConsole } from '../src/serial-console.js';
import { LogView, ProgressView, chipSummary, flashMap, h } from './dialog-view.js';
import { ImprovView } from './improv-view.js';
import { chooseSource } from './local-files.js';

const cssUrl = new URL('./install-dialog.css', import.meta.url).href;

// A virtual board for tests and demos: virtual-device="esp32s3" or "esp32s3:8MB".
async function virtualPort(spec, paced) {
  const [chip, flashSize = '4MB'] = spec.split(':');
  const { createVirtualPort } = await import('../src/virtual/index.js');
  return createVirtualPort({ chip, flashSize, paced });
}

class InstallDialog {
  constructor(button) {
    this.button = button;
    this.dialog = h('dialog', { class: 'ewt', 'aria-labelledby': 'ewt-title' });
    this.title = h('h2', { id: 'ewt-title' }, 'Install firmware');
    this.body = h('div', { class: 'body' });
    this.actions = h('div', { class: 'actions' });
    this.log = new LogView('Log and device output');
    this.dialog.append(h('link', { rel: 'stylesheet', href: cssUrl }), this.title, this.body, this.actions, this.log.el);
    this.dialog.addEventListener('close', () => this.closed());
    button.renderRoot.append(this.dialog);
    this.controller = new AbortController();
  }

  show(...nodes) {
    this.body.replaceChildren(...nodes);
  }

  buttons(...list) {
    this.actions.replaceChildren(...list.map(([label, onclick, primary]) => h('button', { type: 'button', class: primary ? 'primary' : '', onclick }, label)));
    this.actions.querySelector('.primary')?.focus();
  }

  closed() {
    this.controller.abort();
    this.console?.close();
    this.button.toggleAttribute('active', false);
    this.dialog.remove();
  }

  async port(options) {
    if (options.port) return options.port;
    if (this.button.port) return this.button.port;
    const spec = this.button.getAttribute('virtual-device');
    if (spec) {
      this.button.virtualPort ??= await virtualPort(spec, this.button.hasAttribute('virtual-paced'));
      return this.button.virtualPort;
    }
    // The chooser needs a user gesture; picking files may not have counted as one.
    if (this.pickedFiles) {
      this.show(h('p', {}, 'Files ready. Connect the board and choose its port.'));
      await new Promise((resolve) => this.buttons(['Choose the port', resolve, true]));
    }
    return requestSerialPort();
  }

  state(detail) {
    this.button.state = detail;
    this.button.dispatchEvent(new CustomEvent('state-changed', { detail, bubbles: true, composed: true }));
    if (detail.manifest) this.title.textContent = `Install ${detail.manifest.name} ${detail.manifest.version}`;
    if (detail.state === 'writing') this.progress.writing(detail.details);
    else if (['initializing', 'preparing', 'validating', 'erasing', 'verifying'].includes(detail.state)) this.progress.say(`${detail.message}…`);
  }

  // The plan before anything is written: chip, build, flash map, erase choice, Install.
  confirm({ files, facts, build, erase, askErase }) {
    return new Promise((resolve, reject) => {
      const box = h('input', { type: 'checkbox', id: 'ewt-erase', checked: erase });
      const variant = build?.variants ? ' (variant by flash size)' : '';
      this.show(
        h('p', { class: 'chip' }, chipSummary(facts)),
        h('p', {}, build ? `Build for ${build.chipFamily}${variant}; checked against this board: nothing is written yet.` : 'Your files, checked against this board.'),
        flashMap(files, facts.flash_size_bytes),
        h('p', { class: 'erase' }, box, h('label', { for: 'ewt-erase' }, askErase ? ' Erase the whole flash first (removes saved settings)' : ' Erase the whole flash first')),
      );
      this.buttons(['Cancel', () => reject(Object.assign(new Error('Cancelled before writing'), { name: 'cancelled' }))], ['Install', () => resolve(box.checked), true]);
    }).then((choice) => {
      this.show(h('p', { class: 'chip' }, chipSummary(facts)), this.progress.el);
      this.buttons(['Cancel', () => this.controller.abort()]);
      return choice;
    });
  }

  // A build's variants when the detected flash size picks none: the user decides.
  chooseVariant(variants) {
    return new Promise((resolve) => {
      this.show(h('p', {}, 'This board does not say which build it needs. Pick one:'));
      this.buttons(...variants.map((v, i) => [v.name, () => resolve(v), i === 0]));
    });
  }

  noConfirm({ facts, erase }) {
    this.show(h('p', { class: 'chip' }, chipSummary(facts)), this.progress.el);
    this.buttons(['Cancel', () => this.controller.abort()]);
    return erase;
  }

  async run(options) {
    this.button.toggleAttribute('active', true);
    this.progress = new ProgressView();
    this.show(this.progress.el);
    this.buttons(['Cancel', () => this.dialog.close()]);
    this.dialog.showModal();
    let files = options.files;
    if (!files && this.button.hasAttribute('allow-local-files')) {
      files = (await chooseSource(this.body, (...b) => this.buttons(...b))) ?? undefined;
      this.pickedFiles = Boolean(files);
      this.show(this.progress.el);
      this.buttons(['Cancel', () => this.dialog.close()]);
    }
    const port = await this.port(options);
    this.portUsed = port;
    const attr = (name) => this.button.getAttribute(name);
    const eraseAttr = this.button.eraseFirst ?? (this.button.hasAttribute('erase-first') ? true : undefined);
    const result = await installFirmware({
      manifest: files ? undefined : (options.manifest ?? this.button.manifest),
      files,
      port,
      erase: options.erase ?? eraseAttr,
      baud: Number(attr('baud') ?? 921600),
      skipUnchanged: this.button.hasAttribute('skip-unchanged'),
      signal: this.controller.signal,
      onState: (s) => this.state(s),
      onLog: (line, info) => this.log.line(line, info?.fromDevice),
      // Scripted installs (install({confirm: false})) skip the Install button.
      chooseVariant: (variants) => this.chooseVariant(variants),
      confirm: options.confirm === false ? (plan) => this.noConfirm(plan) : (plan) => this.confirm(plan),
    });
    this.finished(result);
    return result;
  }

  finished(result) {
    const name = result.manifest ? `${result.manifest.name} ${result.manifest.version}` : 'The firmware';
    this.progress.say(`${name} is installed and verified on ${result.facts?.chip ?? 'the board'}.`, 100);
    this.done = h('p', { class: 'done', role: 'status' }, `Installation complete: ${name} is written and verified.`);
    this.show(this.done, this.progress.el);
    this.buttons(['Serial console', () => this.openConsole(), true], ['Close', () => this.dialog.close()]);
    const improv = new ImprovView({ port: this.portUsed, manifest: result.manifest, onText: (t) => this.consoleText(t) });
    if (improv.waitMs > 0) this.startImprov(improv);
  }

  // The app's console opens right after the install so Improv can be detected; its text goes
  // to the serial console view.
  async startImprov(improv) {
    await this.attachConsole((bytes) => improv.push(bytes));
    this.improvEl = improv.el;
    this.body.append(improv.el);
    await improv.start();
  }

  consoleText(text) {
    this.out ??= h('pre', { class: 'console', tabindex: 0, 'aria-label': 'Serial console' });
    this.out.append(text);
    this.out.scrollTop = this.out.scrollHeight;
  }

  async attachConsole(onBytes) {
    if (this.console) return;
    this.consoleText('');
    this.console = await openSerialConsole(this.portUsed, onBytes ? { onBytes } : { onText: (t) => this.consoleText(t) });
  }

  failed(error) {
    const hint = error.hint ? h('p', { class: 'hint' }, error.hint) : null;
    const field = error.field ? h('p', { class: 'field' }, `Field: ${error.field}`) : null;
    this.show(h('div', { class: 'error', role: 'alert', 'data-reason': error.reason ?? error.name }, h('p', {}, error.message), hint, field));
    this.buttons(['Close', () => this.dialog.close(), true]);
  }

  async openConsole() {
    await this.attachConsole();
    this.show(this.out, this.improvEl);
    this.buttons(['Reset device', () => this.console.reset(), true], ['Close', () => this.dialog.close()]);
  }
}

/** Opens the dialog for `button` and runs the install; resolves to installFirmware's result. */
export async function openInstallDialog(button, options = {}) {
  const view = new InstallDialog(button);
  try {
    return await view.run(options);
  } catch (error) {
    if (!error.installCode) {
      const detail = { state: 'error', message: error.message, details: { error: error.name === 'cancelled' ? 'cancelled' : 'failed_initialize', details: error } };
      view.state(detail);
    }
    if (view.dialog.open) view.failed(error);
    throw error;
  }
}
