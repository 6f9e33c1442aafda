/**
 * `aws --version`: the format since 2.15.51 with the fact file's suggested values (fidelity §1.11). The sandbox
 * emulates era C (2.34+) error wording, so the version must be one of those.
 */
export const AWS_CLI_VERSION = 'aws-cli/2.36.7 Python/3.13.11 Linux/6.1.158-180.294.amzn2023.x86_64 exe/x86_64.amzn.2023'
