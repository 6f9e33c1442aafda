import { handler, type ServiceSim } from '../context.ts'
import { identityOf } from './identities.ts'

export { checkAllowed, identityOf, isProfile, PROFILES, type Identity, type Profile } from './identities.ts'

/** STS: who am I. The caller's profile picks the identity (identities.ts; fidelity §2.8, get-caller-identity). */
export const sts: ServiceSim = {
  operations: {
    GetCallerIdentity: handler((ctx) => {
      const who = identityOf(ctx.world, ctx.profile)
      return { UserId: who.UserId, Account: ctx.world.accountId, Arn: who.Arn }
    }),
  },
}
