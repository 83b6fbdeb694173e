// The part of unzipper (exceljs's zip reader, a direct dependency for the sheet reader) Kewo uses:
// a zip file's central directory, and a stream of one entry's contents.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  export type CentralDirectoryEntry = {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    compressedSize: number;
    stream(password?: string): Readable;
    // The whole entry in memory (tests only).
    buffer(): Promise<Buffer>;
  };
  export type CentralDirectory = { files: CentralDirectoryEntry[] };

  const unzipper: {
    Open: { file(path: string): Promise<CentralDirectory>; buffer(data: Buffer): Promise<CentralDirectory> };
  };
  export default unzipper;
}
