import { AwsError } from '../core/index.ts'
import { handler, type ServiceSim, type SimContext } from '../context.ts'
import { PUBLIC_PARAMETERS, type PublicParameter } from './publicParameters.ts'

/** The parameter as GetParameter(s) returns it, with its ARN in the Region (public parameters have no account). */
const shaped = (ctx: SimContext, p: PublicParameter) => ({
  Name: p.Name, Type: p.Type, Value: p.Value, Version: p.Version, LastModifiedDate: p.LastModifiedDate,
  ARN: `arn:aws:ssm:${ctx.world.region}::parameter${p.Name}`, DataType: p.DataType,
})

const find = (name: string) => PUBLIC_PARAMETERS.find((p) => p.Name === name)

/**
 * Systems Manager Parameter Store, read-only, for AWS's public parameters (JSON protocol). An unknown name is
 * ParameterNotFound for GetParameter (with no message, as SSM answers) and an entry of InvalidParameters for
 * GetParameters (SSM API Reference).
 */
export const ssm: ServiceSim = {
  operations: {
    GetParameter: handler((ctx, input: { Name: string }) => {
      const found = find(input.Name)
      if (!found) throw new AwsError('ParameterNotFound', '')
      return { Parameter: shaped(ctx, found) }
    }),
    GetParameters: handler((ctx, input: { Names: string[] }) => {
      const names = [...new Set(input.Names)]
      return {
        Parameters: names.flatMap((n) => { const p = find(n); return p ? [shaped(ctx, p)] : [] }),
        InvalidParameters: names.filter((n) => !find(n)),
      }
    }),
  },
}
