/**
 * Attachments of findings' 조치 결과, kept outside the database: data/attachments/<sha256> (or
 * $ATTACHMENT_DIR), content-addressed, written once. The row keeps the hash, the name, the type and
 * the size; the bytes are read back by the hash.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../../db/config';

export function attachmentDir(): string {
  return process.env.ATTACHMENT_DIR || path.join(ROOT, 'data', 'attachments');
}

/** Stores the bytes under their SHA-256 (once: the same content is one file) and returns the hash. */
export async function storeAttachment(data: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const dir = attachmentDir();
  const file = path.join(dir, sha256);
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
  }
  return sha256;
}

export async function readAttachment(sha256: string): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
  return readFile(path.join(attachmentDir(), sha256));
}
