import { useEffect, useState } from 'react';

/** Modules of white around the code, as the QR standard asks, so that phones read it. */
const QUIET_ZONE = 4;

/** The dark modules of a QR code as one SVG path, drawn by the browser: no image file, no other host. */
async function qrPath(text: string): Promise<{ size: number; path: string }> {
  // Loaded only here: the library adds nothing to the other pages.
  const { create } = await import('qrcode');
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + QUIET_ZONE * 2, path: parts.join('') };
}

/** A QR code of `text`, as an image with a text alternative. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [code, setCode] = useState<{ size: number; path: string } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    qrPath(text)
      .then((drawn) => live && setCode(drawn))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [text]);
  if (failed) return null;
  if (!code) return <div className="qr-code qr-pending" />;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${code.size} ${code.size}`}
      shapeRendering="crispEdges"
      data-testid="poster-qr"
    >
      <rect width={code.size} height={code.size} fill="#fff" />
      <path d={code.path} fill="#000" />
    </svg>
  );
}
