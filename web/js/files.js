// Reading catalogs: the demo file next to the app, or a file the user picked. A module of
// wasm-bindgen's (web/src/components/cluster.rs imports it); the browser does the I/O.

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
