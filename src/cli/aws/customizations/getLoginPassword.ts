import type { CustomCommand } from './types.ts'

/**
 * `aws ecr get-login-password` (awscli/customizations/ecr.py, ECRGetLoginPassword): calls GetAuthorizationToken,
 * base64-decodes the token (`AWS:<password>`) and prints the password alone, for `| docker login --username AWS
 * --password-stdin <registry>`. It takes no options of its own.
 */
export const getLoginPassword: CustomCommand = {
  cliName: 'get-login-password',
  operation: 'GetAuthorizationToken',
  customization: {
    options: [],
    apply() {},
    print(response) {
      const data = (response as { authorizationData?: { authorizationToken?: string }[] }).authorizationData?.[0]
      const token = atob(data?.authorizationToken ?? '')
      return `${token.slice(token.indexOf(':') + 1)}\n`
    },
  },
}
