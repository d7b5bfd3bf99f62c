// Reports offences to Stake on the origin (DESIGN.md §6-§7): two conflicting votes of one validator
// (double or surround) seen in gossip or in blocks. The contract checks both signatures itself; each
// validator is reported once per node run, and a validator someone else had slashed first is no error.
import type { Logger } from 'pino'
import { toHex } from 'viem'
import type { Offence } from './finality.ts'
import { type OriginClient, OriginError, originVote } from './origin/index.ts'

export class Reporter {
  private readonly reported = new Set<string>()

  constructor(private readonly modules: { client: OriginClient; logger: Logger }) {}

  onOffence(o: Offence): void {
    if (this.reported.has(o.validator)) return
    this.reported.add(o.validator)
    const { client, logger } = this.modules
    client.slash(originVote(o.a), toHex(o.a.signature), originVote(o.b), toHex(o.b.signature)).then(
      (sent) =>
        logger.info(
          { validator: o.validator, kind: o.kind, tx: sent.txHash },
          'reported an offence; stake slashed',
        ),
      (e: unknown) => {
        if (e instanceof OriginError && e.revert?.errorName === 'AlreadySlashed') {
          logger.info({ validator: o.validator }, 'offence already reported by someone else')
          return
        }
        this.reported.delete(o.validator)
        logger.warn({ validator: o.validator, err: (e as Error).message }, 'reporting an offence failed')
      },
    )
  }
}
