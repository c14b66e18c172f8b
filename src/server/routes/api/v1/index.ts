/** All /api/v1 routes. Thin: parse, authorize, call a command or repository, present. */
import type { AppContext } from '../../../context.js';
import type { Api } from '../../api-instance.js';
import { healthRoutes } from './health.js';
import { organisationRoutes } from './organisation.js';
import { sessionRoutes } from './session.js';
import { userRoutes } from './users.js';
import { apiKeyRoutes } from './api-keys.js';
import { auditRoutes } from './audit.js';
import { personnelRoutes } from './personnel.js';
import { attachmentRoutes } from './attachments.js';
import { caseRoutes } from './cases.js';
import { caseCountRoutes } from './case-counts.js';
import { caseExportRoutes } from './case-export.js';
import { streamRoutes } from './stream.js';
import { webhookRoutes } from './webhooks.js';
import { notificationRoutes } from './notifications.js';
import { dashboardRoutes } from './dashboard.js';
import { assessmentRoutes } from './assessment.js';
import { adminProfileRoutes } from './admin-profile.js';
import { commandModeRoutes } from './command-mode.js';
import { installIdempotency } from '../../../http/idempotency.js';
import { installNulGuard } from '../../../http/reject-nul.js';
import { getCaseDetail } from '../../../cases/get-case-detail.js';
import { requireActor } from '../../../auth/require-actor.js';

export async function registerApiRoutes(api: Api, ctx: AppContext): Promise<void> {
  installNulGuard(api);
  installIdempotency(api, ctx, (stored, request) => getCaseDetail(ctx, requireActor(request), stored.$ref.id));
  await healthRoutes(api, ctx);
  await organisationRoutes(api, ctx);
  await sessionRoutes(api, ctx);
  await userRoutes(api, ctx);
  await apiKeyRoutes(api, ctx);
  await auditRoutes(api, ctx);
  await personnelRoutes(api, ctx);
  await caseCountRoutes(api, ctx);
  await caseExportRoutes(api, ctx);
  await caseRoutes(api, ctx);
  await attachmentRoutes(api, ctx);
  await streamRoutes(api, ctx);
  await webhookRoutes(api, ctx);
  await notificationRoutes(api, ctx);
  await dashboardRoutes(api, ctx);
  await assessmentRoutes(api, ctx);
  await adminProfileRoutes(api, ctx);
  await commandModeRoutes(api, ctx);
}
