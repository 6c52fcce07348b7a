// A StarRocks Backup Studio playground for Docusaurus (or any React site): an <iframe> on the
// app's embed mode, sized to its content by the app's "height" messages. Copy this file to
// `src/components/BackupStudio.jsx` and use it from MDX (docs/embedding.md).
//
// It touches `window` only in an effect, so it renders on the server as a plain iframe and
// needs no <BrowserOnly>. tests/e2e/playground.test.mjs renders it with React.
import React, { useEffect, useRef, useState } from "react";

/**
 * Props:
 * - `app`: the app's address (where `cargo xtask app`'s dist/ is served), e.g. "/backup-studio/".
 * - `sql`: the initial SQL text.
 * - `readOnly`: no edits (default false).
 * - `theme`: "light", "dark" or "system" (default). With Docusaurus's colour mode:
 *   `theme={useColorMode().colorMode}` (changing it reloads the playground).
 * - `panels`: which panels, e.g. ["sql", "diagnostics", "privileges"] (the app's default).
 * - `target`, `cluster`, `grantee`, `scope`: the app's options (docs/embedding.md).
 * - `title`: the iframe's accessible name.
 * - `height`: the height before the app says how tall it is (default 420).
 */
export default function BackupStudio({
  app,
  sql,
  readOnly = false,
  theme = "system",
  panels,
  target,
  cluster,
  grantee,
  scope,
  title = "StarRocks Backup Studio example",
  height = 420,
}) {
  const frame = useRef(null);
  const [contentHeight, setContentHeight] = useState(height);
  useEffect(() => {
    const onMessage = (event) => {
      const m = event.data;
      if (!m || m.source !== "srbackup-studio" || typeof m.height !== "number") return;
      if (frame.current && event.source === frame.current.contentWindow) setContentHeight(m.height);
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);
  const query = [["embed", ""]];
  if (readOnly) query.push(["readonly", ""]);
  if (theme !== "system") query.push(["theme", theme]);
  if (panels) query.push(["panels", panels.join(",")]);
  for (const [key, value] of Object.entries({ target, cluster, grantee, scope })) {
    if (value !== undefined) query.push([key, value]);
  }
  if (sql !== undefined) query.push(["sql", sql]);
  const src = `${app}?${query.map(([k, v]) => (v === "" ? k : `${k}=${encodeURIComponent(v)}`)).join("&")}`;
  return (
    <iframe
      ref={frame}
      src={src}
      title={title}
      loading="lazy"
      data-srbackup-embed=""
      style={{ display: "block", width: "100%", height: contentHeight, border: "1px solid #d0d7de", borderRadius: 6 }}
    />
  );
}
