// Parameter values as the AWS CLI reads them, before the model coerces them (fidelity §1.7, §1.8):
// shorthand (`Type=forward,TargetGroupArn=arn`) and JSON (Python's `json.loads`), each failing with the CLI's exact text.
export { parseShorthand, ShorthandError } from './shorthand.ts'
export type { ShorthandOptions } from './shorthand.ts'
export { parsePythonJson, PythonJsonError } from './pythonJson.ts'
export type { PythonJsonErrorType } from './pythonJson.ts'
export { setOwn } from './pythonText.ts'
