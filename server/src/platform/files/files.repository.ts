import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { DomainError } from '../errors/domain-error.ts';
import { storedFiles } from './files.schema.ts';

// Where uploaded files live (files.schema.ts says why a table). A module stores a file in the
// transaction that links it to what it belongs to, and reads one only after its own access check.

export type NewFile = { tenantId: number; fileName: string; contentType: string; bytes: Buffer; createdAt: Date };

export async function storeFile(executor: Executor, file: NewFile): Promise<{ id: number }> {
  const [created] = await executor
    .insert(storedFiles)
    .values({
      tenantId: file.tenantId,
      fileName: file.fileName.slice(0, 200),
      contentType: file.contentType,
      size: file.bytes.length,
      content: file.bytes,
      createdAt: file.createdAt,
    })
    .returning({ id: storedFiles.id });
  return created;
}

// A file the owning module has let the caller read: `findReadable` is the module's access check,
// the id of the file when the caller may read it (its own data scope, its own rule), else nothing.
// Either way an unreadable file is not found (404), so ids cannot be probed.
export async function readFileWith(
  executor: Executor,
  tenantId: number,
  findReadable: () => Promise<number | null | undefined>,
): Promise<{ contentType: string; content: Buffer }> {
  const fileId = await findReadable();
  if (fileId === null || fileId === undefined) throw new DomainError('NOT_FOUND');
  const [file] = await executor
    .select({ contentType: storedFiles.contentType, content: storedFiles.content })
    .from(storedFiles)
    .where(and(eq(storedFiles.tenantId, tenantId), eq(storedFiles.id, fileId)));
  if (!file) throw new DomainError('NOT_FOUND');
  return file;
}
