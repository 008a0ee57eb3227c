// The install button, kept tiny (it loads with the vendor's page): slots activate, unsupported,
// not-allowed; the dialog (install-dialog.js) loads on the first click.
const kCss = `slot>button{position:relative;cursor:pointer;font:500 14px/1.2 system-ui,sans-serif;padding:10px 24px;
color:var(--esp-tools-button-text-color,#fff);background-color:var(--esp-tools-button-color,#03a9f4);border:none;
border-radius:var(--esp-tools-button-border-radius,9999px)}slot>button:focus-visible{outline:3px solid #014c73;outline-offset:2px}
slot>button:hover{filter:brightness(1.1)}:host([active]) slot>button{color:#0006;background:#0001;pointer-events:none}`;

let sheet = null;
const dialog = () => import('./install-dialog.js');

export class InstallButton extends HTMLElement {
  static isSupported = 'serial' in navigator;
  static isAllowed = globalThis.isSecureContext;

  connectedCallback() {
    if (this.renderRoot) return;
    this.renderRoot = this.attachShadow({ mode: 'open' });
    const virtual = this.hasAttribute('virtual-device') || this.port;
    if (!virtual && (!InstallButton.isSupported || !InstallButton.isAllowed)) {
      this.toggleAttribute('install-unsupported', true);
      const slot = document.createElement('slot');
      slot.name = InstallButton.isAllowed ? 'unsupported' : 'not-allowed';
      slot.textContent = InstallButton.isAllowed
        ? 'Your browser cannot install firmware on ESP boards: use Google Chrome or Microsoft Edge on a computer.'
        : 'Installing firmware needs a secure page: open this page over https (or on localhost).';
      this.renderRoot.append(slot);
      return;
    }
    this.toggleAttribute('install-supported', true);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(kCss);
    }
    this.renderRoot.adoptedStyleSheets = [sheet];
    const slot = document.createElement('slot');
    slot.name = 'activate';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = this.getAttribute('label') ?? 'Connect';
    slot.append(button);
    slot.addEventListener('click', (event) => {
      event.preventDefault();
      this.install().catch(() => {});
    });
    this.renderRoot.append(slot);
  }

  get manifest() {
    return this._manifest ?? this.getAttribute('manifest');
  }

  set manifest(value) {
    this._manifest = value;
  }

  /** Opens the dialog; resolves when installed and verified (types: web/types/element.d.ts). */
  async install(options = {}) {
    const { openInstallDialog } = await dialog();
    return openInstallDialog(this, options);
  }
}

/** Registers the button as `tag` (once: a page may load both entries). */
export function defineInstallButton(tag) {
  if (!customElements.get(tag)) customElements.define(tag, class extends InstallButton {});
}
