/** All /api/v1 routes. Thin: parse, authorize, call a command or repository, present. */
import type { AppContext } from '../../../context.js';
import type { Api } from '../../api-instance.js';
import { healthRoutes } from './health.js';
import { organisationRoutes } from './organisation.js';

export async function registerApiRoutes(api: Api, ctx: AppContext): Promise<void> {
  await healthRoutes(api, ctx);
  await organisationRoutes(api, ctx);
}
