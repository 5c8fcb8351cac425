/** busboy reads a multipart part's filename as latin1; browsers and clients send UTF-8 (a Korean name): read it back as UTF-8 when it is. */
export function utf8FileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
