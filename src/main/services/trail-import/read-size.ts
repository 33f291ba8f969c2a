import { ROW_GROUP_SIZE, type FileCompression } from '../../store/bulk-writer';

/**
 * Records one read (one stageFiles call, one transaction) aims at: a row group and nine tenths of
 * another. A read of at least a row group goes straight into the database file (a smaller one goes
 * through the write-ahead log and is compressed again at the next checkpoint), and a read that
 * ends with a row group nearly full never leaves two short row groups side by side, which DuckDB's
 * checkpoint rewrites into one (it merges neighbours that fit into fewer row groups).
 */
export const READ_RECORDS = Math.round(ROW_GROUP_SIZE * 1.9);

/**
 * Bytes on disk per record until enough have been read: high for a read (it should hold a row
 * group at least), low for a statement (it should stay within memory), for CloudTrail's gzip'd
 * logs and for plain JSON.
 */
const FIRST_GUESS: Record<'read' | 'statement', Record<FileCompression, number>> = {
  read: { gzip: 350, none: 1400 },
  statement: { gzip: 100, none: 500 },
};

/** Enough records read to trust their bytes per record over the first guess. */
const TRUSTED_RECORDS = 10_000;

/** How many bytes of files make a read, and how many records a file holds, learnt from the reads so far. */
export function createReadSize() {
  const seen: Record<FileCompression, { bytes: number; records: number }> = { gzip: { bytes: 0, records: 0 }, none: { bytes: 0, records: 0 } };
  const bytesPerRecord = (compression: FileCompression, use: 'read' | 'statement') => {
    const { bytes, records } = seen[compression];
    return records >= TRUSTED_RECORDS ? bytes / records : FIRST_GUESS[use][compression];
  };
  return {
    bytesPerRead: (compression: FileCompression): number => READ_RECORDS * bytesPerRecord(compression, 'read'),
    recordsIn: (compression: FileCompression, bytes: number): number => bytes / bytesPerRecord(compression, 'statement'),
    observe(compression: FileCompression, bytes: number, records: number): void {
      seen[compression].bytes += bytes;
      seen[compression].records += records;
    },
  };
}
