/**
 * A minimal ZIP writer (PKZIP 2.0: deflate, no ZIP64, no encryption) on node:zlib, so building the deployment
 * package needs no new dependency. Output is deterministic — fixed timestamps, entries in the given order — so
 * an unchanged app gives a byte-identical zip and Pulumi sees no diff (no needless redeploy).
 */
import { deflateRawSync } from "node:zlib";

export interface ZipEntry {
    /** Path inside the archive, with `/` separators. */
    readonly name: string;
    readonly data: Buffer;
}

/** 1980-01-01 00:00:00, the earliest MS-DOS timestamp: fixed so builds are reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const VERSION = 20;
const UNIX_FILE_0644 = (0o100644 << 16) >>> 0;

export function createZip(entries: readonly ZipEntry[]): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
        const name = Buffer.from(entry.name, "utf8");
        const deflated = deflateRawSync(entry.data, { level: 9 });
        // Store tiny or incompressible files as they are; deflate only when it pays.
        const method = deflated.length < entry.data.length ? 8 : 0;
        const body = method === 8 ? deflated : entry.data;
        const meta = { method, crc: crc32(entry.data), compressed: body.length, size: entry.data.length };
        const local = Buffer.concat([localHeader(name, meta), name, body]);
        centrals.push(Buffer.concat([centralHeader(name, meta, offset), name]));
        locals.push(local);
        offset += local.length;
    }
    const central = Buffer.concat(centrals);
    return Buffer.concat([...locals, central, endOfCentralDirectory(entries.length, central.length, offset)]);
}

interface EntryMeta {
    readonly method: number;
    readonly crc: number;
    readonly compressed: number;
    readonly size: number;
}

function localHeader(name: Buffer, m: EntryMeta): Buffer {
    const b = Buffer.alloc(30);
    b.writeUInt32LE(0x04034b50, 0);
    b.writeUInt16LE(VERSION, 4);
    b.writeUInt16LE(UTF8_NAMES, 6);
    b.writeUInt16LE(m.method, 8);
    b.writeUInt16LE(DOS_TIME, 10);
    b.writeUInt16LE(DOS_DATE, 12);
    b.writeUInt32LE(m.crc, 14);
    b.writeUInt32LE(m.compressed, 18);
    b.writeUInt32LE(m.size, 22);
    b.writeUInt16LE(name.length, 26);
    b.writeUInt16LE(0, 28);
    return b;
}

function centralHeader(name: Buffer, m: EntryMeta, localOffset: number): Buffer {
    const b = Buffer.alloc(46);
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE((3 << 8) | VERSION, 4); // made by: Unix, so the external attributes carry file modes
    b.writeUInt16LE(VERSION, 6);
    b.writeUInt16LE(UTF8_NAMES, 8);
    b.writeUInt16LE(m.method, 10);
    b.writeUInt16LE(DOS_TIME, 12);
    b.writeUInt16LE(DOS_DATE, 14);
    b.writeUInt32LE(m.crc, 16);
    b.writeUInt32LE(m.compressed, 20);
    b.writeUInt32LE(m.size, 24);
    b.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal attributes: all 0 (bytes 30–37)
    b.writeUInt32LE(UNIX_FILE_0644, 38);
    b.writeUInt32LE(localOffset, 42);
    return b;
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
    if (count > 0xffff || offset > 0xffffffff) throw new Error("archive needs ZIP64, which this writer does not support");
    const b = Buffer.alloc(22);
    b.writeUInt32LE(0x06054b50, 0);
    b.writeUInt16LE(count, 8);
    b.writeUInt16LE(count, 10);
    b.writeUInt32LE(size, 12);
    b.writeUInt32LE(offset, 16);
    return b;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});

export function crc32(data: Buffer): number {
    let crc = 0xffffffff;
    for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
