import { handler, type ServiceSim } from '../context.ts'

/** STS: who am I. The learner is the IAM user `learner` of the sandbox account (fidelity §2.8, get-caller-identity). */
export const sts: ServiceSim = {
  operations: {
    GetCallerIdentity: handler((ctx) => ({ UserId: ctx.world.iam.user.UserId, Account: ctx.world.accountId, Arn: ctx.world.iam.user.Arn })),
  },
}
