import { encode } from "uqr";

/**
 * The otpauth URI as a QR code in an SVG data URL, drawn in module units with one path segment
 * per horizontal run of dark modules. uqr's own renderSVG draws a 10-unit square per module
 * (about 20 KB for an authenticator URI); the set-up page carries the image twice (its markup and
 * its hydration data), so size matters. Not base64: an SVG is text, and only a few characters
 * need escaping in a data URL.
 */
export function qrCodeDataUrl(text: string, border = 2): string {
  const { size, data } = encode(text, { border });
  let path = "";
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < size && row[end + 1]) end++;
      path += `M${x} ${y}h${end - x + 1}v1H${x}z`;
      x = end;
    }
  });
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${size} ${size}' shape-rendering='crispEdges'><rect fill='white' width='${size}' height='${size}'/><path d='${path}'/></svg>`;
  return `data:image/svg+xml,${svg.replace(/[<>#%"]/g, (c) => encodeURIComponent(c))}`;
}
