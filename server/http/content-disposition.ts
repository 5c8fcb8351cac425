/**
 * Content-Disposition for a download with a Korean file name (RFC 6266 with RFC 5987's extended
 * parameter): `attachment; filename="ascii.xlsx"; filename*=UTF-8''%EC%84%B8…`. Browsers that read
 * filename* save the Korean name; the quoted ASCII name is the fallback for the others.
 */
export function attachmentHeader(fileName: string, asciiFallback?: string): string {
  const fallback = asciiName(asciiFallback ?? fileName, fileName);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** RFC 5987 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded as UTF-8. */
export function rfc5987(value: string): string {
  return encodeURIComponent(value.normalize('NFC')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The name in printable ASCII without quotes or backslashes; when nothing is left, "download" with the name's extension. */
export function asciiName(value: string, forExtension = value): string {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(forExtension)?.[0] ?? '';
  const base = value.endsWith(ext) ? value.slice(0, value.length - ext.length) : value;
  const ascii = base
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
    .replace(/\s+/g, '-')
    .replace(/_+/g, '_')
    .replace(/^[-_.]+|[-_.]+$/g, '');
  return `${ascii || 'download'}${ext}`;
}
