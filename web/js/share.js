// Share links: deflate with the browser's own CompressionStream ("deflate-raw") and base64url.
// A module of wasm-bindgen's (web/src/share.rs imports it): the browser's compressor costs the
// app no bytes, where a Rust deflate crate would add several KB to a first load that is at its
// 300 KB budget (docs/PERFORMANCE.md).

async function through(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** `text` deflated and written in base64url (no padding). */
export async function pack(text) {
  const bytes = await through(new TextEncoder().encode(text), new CompressionStream("deflate-raw"));
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The text `pack` made; rejects on anything else (bad base64, bad deflate data, bad UTF-8). */
export async function unpack(data) {
  if (!/^[A-Za-z0-9_-]*$/.test(data)) throw new Error("not base64url");
  const binary = atob(data.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const text = await through(bytes, new DecompressionStream("deflate-raw"));
  return new TextDecoder("utf-8", { fatal: true }).decode(text);
}
