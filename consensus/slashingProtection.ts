// Persistent slashing protection (DESIGN.md §6): the highest source and target this validator key
// has signed, written to disk (fsync, then rename) before a vote leaves the node, so a crash or a
// restart never lets it sign an offence. Votes by the same key seen on the network (another node
// sharing the key) raise the record too.
import { readFileSync } from 'node:fs'
import { AtomicFile } from './atomicFile.ts'
import { ConsensusError } from './errors.ts'
import { protectionVerdict, type SignedRecord } from './rules/finality.ts'
import type { Vote } from './rules/vote.ts'

interface RecordJson {
  validator: string
  sourceNumber: string
  targetNumber: string
  targetHash: string
}

export class SlashingProtection {
  private record: SignedRecord | undefined
  private readonly file: AtomicFile

  private constructor(
    path: string,
    private readonly validator: string,
    record: SignedRecord | undefined,
  ) {
    this.file = new AtomicFile(path)
    this.record = record
  }

  /** Opens the record in `file` for `validator` (lowercase address); a missing file is an empty record. */
  static open(file: string, validator: string): SlashingProtection {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        return new SlashingProtection(file, validator, undefined)
      throw e
    }
    let json: RecordJson
    try {
      json = JSON.parse(text) as RecordJson
    } catch (e) {
      // Refusing to start is safer than signing from an empty record.
      throw new ConsensusError(
        'SLASHABLE',
        `slashing-protection record ${file} is unreadable: ${(e as Error).message}`,
      )
    }
    if (json.validator !== validator) {
      throw new ConsensusError(
        'SLASHABLE',
        `slashing-protection record ${file} belongs to ${json.validator}, not to validator ${validator}`,
      )
    }
    return new SlashingProtection(file, validator, {
      sourceNumber: BigInt(json.sourceNumber),
      targetNumber: BigInt(json.targetNumber),
      targetHash: json.targetHash,
    })
  }

  get signed(): SignedRecord | undefined {
    return this.record
  }

  /**
   * 'sign' once the vote is on disk, 'repeat' for the target already signed, or the refusal reason.
   * The record moves in memory at once, so a claim made while this one is being written is judged
   * against it; if the write fails, this throws and the vote is not signed.
   */
  async claim(vote: Vote): Promise<'sign' | 'repeat' | string> {
    const verdict = protectionVerdict(this.record, vote)
    if (verdict !== 'sign') return verdict
    await this.write({
      sourceNumber: vote.source.number,
      targetNumber: vote.target.number,
      targetHash: vote.target.hash,
    })
    return 'sign'
  }

  /** A vote by this key made elsewhere: never sign anything it would conflict with. */
  observe(vote: Vote): Promise<void> {
    const r = this.record
    if (r && vote.target.number <= r.targetNumber && vote.source.number <= r.sourceNumber) {
      return Promise.resolve()
    }
    return this.write({
      sourceNumber: r && r.sourceNumber > vote.source.number ? r.sourceNumber : vote.source.number,
      targetNumber: r && r.targetNumber > vote.target.number ? r.targetNumber : vote.target.number,
      targetHash: r && r.targetNumber > vote.target.number ? r.targetHash : vote.target.hash,
    })
  }

  private write(record: SignedRecord): Promise<void> {
    const json: RecordJson = {
      validator: this.validator,
      sourceNumber: record.sourceNumber.toString(),
      targetNumber: record.targetNumber.toString(),
      targetHash: record.targetHash,
    }
    this.record = record
    return this.file.write(JSON.stringify(json))
  }
}
