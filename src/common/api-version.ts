import type { NextFunction, Request, Response } from 'express';

/** The full API version (NL API Design Rules /core/version-header); the major is in the URI. */
export const API_VERSION = '1.0.0';
export const API_MAJOR = 'v1';
/** Global route prefix; OpenAPI paths leave it out because the server URL carries it. */
export const API_PREFIX = `api/${API_MAJOR}`;

/**
 * Express middleware (not an interceptor) so the header is on every response: errors, 404s for
 * unknown routes and the OpenAPI document included.
 */
export function apiVersionHeader(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('API-Version', API_VERSION);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // API responses carry personal data (AVG art. 5 lid 1 sub f, art. 32): no shared or browser cache keeps them.
  if (req.path.startsWith(`/${API_PREFIX}`)) res.setHeader('Cache-Control', 'no-store');
  next();
}
