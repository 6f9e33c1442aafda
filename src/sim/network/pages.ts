import { httpDate, STATUS_TEXT } from '../runtime/index.ts'
import type { HttpResponse } from './types.ts'

/**
 * What an Application Load Balancer itself answers (its error pages and fixed responses): `Server: awselb/2.0`,
 * the nginx-style body AWS sends for 502/503/504 (ALB User Guide, "Troubleshoot your Application Load Balancers",
 * HTTP 502/503/504), e.g. `<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>…`.
 */
export function albErrorPage(status: 502 | 503 | 504, now: number, ip: string, port: number): HttpResponse {
  const text = STATUS_TEXT[status]
  const body = `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n</body>\r\n</html>\r\n`
  return albResponse(status, text, 'text/html', body, now, ip, port)
}

export function albResponse(status: number, statusText: string, contentType: string, body: string, now: number, ip: string, port: number, extra: [string, string][] = []): HttpResponse {
  return {
    httpVersion: 'HTTP/1.1',
    status,
    statusText,
    headers: [
      ['Server', 'awselb/2.0'],
      ['Date', httpDate(now)],
      ['Content-Type', contentType],
      ['Content-Length', String(new TextEncoder().encode(body).length)],
      ...extra,
      ['Connection', 'keep-alive'],
    ],
    body,
    ip,
    port,
  }
}
