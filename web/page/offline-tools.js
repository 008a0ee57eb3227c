// The offline tools' panels (Image info, ELF → image, Merge binaries), loaded together when the
// first of their tabs is chosen: one file on top of what the Device tab loaded (main.js).
export { initImageInfo } from './image-info.js';
export { initElf2Image } from './elf2image.js';
export { initMerge } from './merge.js';
