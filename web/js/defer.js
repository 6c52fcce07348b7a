// Panels below the fold are loaded when they are needed (web/src/lazy.rs `deferred`): when
// the placeholder comes within 200px of the viewport, or at the user's first key press or
// pointer press anywhere (someone working with the page will soon want them), whichever
// comes first. A module of wasm-bindgen's; the browser's IntersectionObserver does the work.

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
