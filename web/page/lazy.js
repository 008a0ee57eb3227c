// Code loaded when it is first used: a part of the page (a tab's panel, a card, a button) whose
// module is fetched and set up once, on the first sign that the user is heading there (the
// pointer over it, focus inside it), on the first use, or when the page asks for it. What the
// user does to the part before its code has run (a click on a button, a chosen or dropped file,
// a changed field, a submit) is held and done again once it has run, so nothing done early is
// lost. Keeps the page's first load down to what connecting and flashing need (issue 10).

function transferOf(files) {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
}

/**
 * Returns load(): starts `init()` (once) and resolves to its result. `el`'s first use starts it
 * too. A failed load is logged and tried again on the next use.
 */
export function loadOnUse(el, init) {
  let promise = null;
  let ready = false;
  const held = []; // replays of what happened before the code ran, in order
  const load = () => {
    promise ??= Promise.resolve()
      .then(init)
      .then(
        (value) => {
          ready = true;
          for (const replay of held.splice(0)) replay();
          return value;
        },
        (error) => {
          promise = null;
          held.length = 0;
          console.error(`esptool-wasm: part of the page did not load (${error?.message ?? error})`);
          throw error;
        },
      );
    return promise;
  };
  const start = () => load().catch(() => {});
  const hold = (event, replay) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(replay);
    start();
  };
  const before = {
    pointerover: start,
    focusin: start,
    click: (event) => {
      const button = event.target.closest?.('button');
      if (button) hold(event, () => button.click());
    },
    submit: (event) => hold(event, () => event.target.requestSubmit()),
    change: (event) => hold(event, () => event.target.dispatchEvent(new Event('change', { bubbles: true }))),
    // A file dragged over a drop zone must be droppable (and not open in the tab) already.
    dragover: (event) => event.preventDefault(),
    drop: (event) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      const init = { bubbles: true, cancelable: true, dataTransfer: transferOf(files) };
      hold(event, () => event.target.dispatchEvent(new DragEvent('drop', init)));
    },
  };
  for (const [type, handler] of Object.entries(before)) {
    el.addEventListener(type, (event) => ready || handler(event), true);
  }
  return load;
}
