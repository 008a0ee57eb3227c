// Entry for vendor pages: <script type="module" src=".../element/install-button.js"></script>
// then <esptool-install-button manifest="firmware/manifest.json"></esptool-install-button>.
import { defineInstallButton } from './button.js';

defineInstallButton('esptool-install-button');
