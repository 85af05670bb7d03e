import zlib, { constants as zlibConstants } from 'node:zlib';
import { type DeflatedRun, deflateRun, STORED_BELOW, storedRun } from './gzipPieces.js';

/**
 * The parts of Node's zlib engine that `deflateRawSync` itself drives (lib/zlib.js, processChunkSync): a handle
 * whose writeSync compresses into a buffer and leaves the space and input left in `_writeState`. Not public API,
 * so it is checked once at start-up and every use falls back to `deflateRun` if it is missing or misbehaves.
 */
interface EngineInternals {
  readonly _handle: {
    writeSync(
      flush: number,
      input: Buffer,
      inputOffset: number,
      inputLength: number,
      output: Buffer,
      outputOffset: number,
      outputLength: number,
    ): void;
  } | null;
  readonly _writeState: Uint32Array;
  reset(): void;
}

const SCRATCH_BYTES = 64 * 1024;

/**
 * Compresses a page's own runs with one deflate engine kept for the process, reset per page, instead of a new
 * engine per run: setting one up (the JS object, its buffers, zlib's state) cost about as much as compressing
 * a few kilobytes, and a cold page has three such runs. Each run ends with a full flush, so it refers to nothing
 * before it and may sit between runs compressed elsewhere (gzipOfPieces).
 */
export class RunDeflater {
  private engine: (zlib.DeflateRaw & EngineInternals) | null;
  private readonly scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

  constructor(private readonly level: number) {
    this.engine = this.newEngine();
    // Checked once: a Node whose engine differs is told apart here, not by a broken page.
    if (this.engine !== null && !this.works()) this.engine = null;
  }

  /** The runs of these bytes, in order; any of them may be joined with runs compressed elsewhere. */
  runs(parts: readonly Buffer[]): DeflatedRun[] {
    const engine = this.engine;
    if (engine === null) return parts.map((bytes) => deflateRun(bytes, this.level));
    try {
      engine.reset();
      return parts.map((bytes) => (bytes.length < STORED_BELOW ? storedRun(bytes) : this.compress(engine, bytes)));
    } catch {
      // Whatever state the engine was left in, it is not used again.
      this.engine = null;
      return parts.map((bytes) => deflateRun(bytes, this.level));
    }
  }

  private compress(engine: EngineInternals, bytes: Buffer): DeflatedRun {
    const handle = engine._handle;
    if (handle === null) throw new Error('the deflate engine was closed');
    const chunks: Buffer[] = [];
    let inputOffset = 0;
    let inputLength = bytes.length;
    for (;;) {
      handle.writeSync(zlibConstants.Z_FULL_FLUSH, bytes, inputOffset, inputLength, this.scratch, 0, SCRATCH_BYTES);
      const [outputLeft = 0, inputLeft = 0] = engine._writeState;
      chunks.push(Buffer.from(this.scratch.subarray(0, SCRATCH_BYTES - outputLeft)));
      // Output space left over means zlib took all the input and flushed it.
      if (outputLeft !== 0) break;
      inputOffset += inputLength - inputLeft;
      inputLength = inputLeft;
    }
    return { bytes, deflated: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks) };
  }

  private newEngine(): (zlib.DeflateRaw & EngineInternals) | null {
    const engine = zlib.createDeflateRaw({ level: this.level }) as zlib.DeflateRaw & Partial<EngineInternals>;
    const internals = engine._handle !== undefined && engine._writeState instanceof Uint32Array;
    return internals && typeof engine._handle?.writeSync === 'function'
      ? (engine as zlib.DeflateRaw & EngineInternals)
      : null;
  }

  /** Two runs of a probe, one larger than the scratch space, inflate back to the probe. */
  private works(): boolean {
    try {
      const probe = [Buffer.from('<p>rupee market '.repeat(40)), Buffer.alloc(SCRATCH_BYTES * 2 + 7, 'ab')];
      const runs = this.runs(probe);
      const inflated = zlib.inflateRawSync(
        Buffer.concat([...runs.map((run) => run.deflated), Buffer.from([0x03, 0x00])]),
      );
      return this.engine !== null && inflated.equals(Buffer.concat(probe));
    } catch {
      return false;
    }
  }
}
