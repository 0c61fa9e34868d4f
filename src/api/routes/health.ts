/** GET /health: liveness, and the bench's baseline (no store access). */
import { Hono } from 'hono';

export function healthRoutes(): Hono {
  return new Hono().get('/', (c) => c.json({ status: 'ok' }));
}
