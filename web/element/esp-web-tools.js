// Drop-in for pages written for ESP Web Tools: the same element under its tag name
// <esp-web-install-button manifest="..."> with its slots and CSS custom properties.
import { defineInstallButton } from './button.js';

defineInstallButton('esp-web-install-button');
