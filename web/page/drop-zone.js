// Drop zones: a <label class="drop"> around a file input takes files from drag & drop, from the
// picker (click, or Tab + Enter/Space on the focused input) and hands them over as
// [{name, bytes}] read into memory. Nothing is uploaded anywhere.

/** Reads File objects into [{name, bytes: Uint8Array}]. */
export async function readFiles(files) {
  return Promise.all(
    Array.from(files, async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}

/**
 * Wires `zone` (the label holding an <input type=file>) so that dropped or chosen files reach
 * `onFiles([{name, bytes}])`. The input is reset after each pick so choosing the same file
 * again still fires.
 */
export function attachDropZone(zone, onFiles, { onFolder } = {}) {
  const input = zone.querySelector('input[type=file]');
  const deliver = async (files) => {
    if (!files || files.length === 0) return;
    onFiles(await readFiles(files));
  };
  input.addEventListener('change', async () => {
    await deliver(input.files);
    input.value = '';
  });
  // Enter on the focused (hidden) input opens the picker, as Space already does.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      input.click();
    }
  });
  let depth = 0; // dragenter/dragleave fire for children too
  zone.addEventListener('dragenter', (event) => {
    event.preventDefault();
    depth += 1;
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    zone.classList.remove('dragging');
    // A dropped folder (an ESP-IDF build directory) goes to onFolder as a FileSystemDirectoryEntry.
    const entries = [...(event.dataTransfer.items ?? [])].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
    const folder = entries.find((entry) => entry.isDirectory);
    if (onFolder && folder) onFolder(folderLookup(folder), folder.name);
    else deliver(event.dataTransfer.files);
  });
}

/** lookup(relativePath) -> Promise<File | null> inside a dropped folder. */
function folderLookup(directory) {
  return (path) =>
    new Promise((resolve) => directory.getFile(path, {}, (entry) => entry.file(resolve, () => resolve(null)), () => resolve(null)));
}

/** lookup(relativePath) -> Promise<File | null> over the files of an <input webkitdirectory>. */
export function pickedFolderLookup(files) {
  const list = [...files];
  const top = list[0]?.webkitRelativePath.split('/')[0] ?? '';
  const byPath = new Map(list.map((f) => [f.webkitRelativePath.slice(top.length + 1), f]));
  return { lookup: async (path) => byPath.get(path.replace(/^\.\//, '')) ?? null, name: top };
}

/** A file dropped outside a zone must not make the browser navigate away to it. */
export function guardWindowDrops() {
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (!event.target.closest?.('.drop')) event.preventDefault();
    });
  }
}
