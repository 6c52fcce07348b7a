// The browser services the app reaches through JavaScript. One module of wasm-bindgen's
// (web/src/lazy.rs, web/src/components/cluster.rs and web/src/embed_view.rs import it), so a
// first load fetches one small script rather than several.

// ---- Panels below the fold (web/src/lazy.rs `deferred`) ---------------------------------
// They load when their placeholder comes within 200px of the viewport, or at the user's first
// key press or pointer press anywhere (someone working with the page will soon want them),
// whichever comes first.

/** Resolves once `element` is needed (see above). */
export function whenNeeded(element) {
  return new Promise((resolve) => {
    const events = ["keydown", "pointerdown"];
    let observer = null;
    const done = () => {
      if (observer) observer.disconnect();
      for (const e of events) document.removeEventListener(e, done, true);
      resolve();
    };
    if (typeof IntersectionObserver !== "function") return done();
    for (const e of events) document.addEventListener(e, done, true);
    observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && done(), {
      rootMargin: "200px 0px",
    });
    observer.observe(element);
  });
}

// ---- Catalog files (web/src/components/cluster.rs) --------------------------------------

/** The text at `url` (relative to the page); rejects with the HTTP status on failure. */
export async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return await response.text();
}

/** `name + "\n" + text` of the file picked in `input`, or null when none is. */
export async function fileText(input) {
  const file = input && input.files && input.files[0];
  if (!file) return null;
  const text = await file.text();
  input.value = "";
  return `${file.name.replace(/\n/g, " ")}\n${text}`;
}

// ---- Embed mode (web/src/embed.rs; the message shapes are in docs/embedding.md) ----------

/** The page's query as a flat [key, value, key, value, …] list of decoded strings. */
export function queryPairs() {
  return [...new URLSearchParams(location.search)].flat();
}

/**
 * In an iframe: posts `{ source: "srbackup-studio", type: "ready", id, height }` now and
 * `{ …, type: "height", id, height }` whenever the content's height changes, to the parent.
 */
export function tellHost(id) {
  if (window.parent === window) return;
  const post = (type, height) => window.parent.postMessage({ source: "srbackup-studio", type, id, height }, "*");
  const measure = () => {
    const style = getComputedStyle(document.body);
    const margins = parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    return Math.ceil(document.body.getBoundingClientRect().height + margins);
  };
  let last = measure();
  post("ready", last);
  new ResizeObserver(() => {
    const height = measure();
    if (height !== last) {
      last = height;
      post("height", height);
    }
  }).observe(document.body);
}
