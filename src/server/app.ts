/** Builds the Fastify app: validation by zod, OpenAPI, problem+json errors, the API routes and the web app. */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { installErrorHandling } from './http/error-handler.js';
import { registerApiRoutes } from './routes/api/v1/index.js';
import { isAppRoute, registerWeb, sendApp } from './routes/web.js';
import { installAuth } from './auth/auth-hook.js';

export const bodyLimitBytes = 1_048_576;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    bodyLimit: bodyLimitBytes,
    trustProxy: true,
    // request ids let a dispatcher's complaint be found in the logs
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, (request) => isAppRoute(request, ctx), sendApp);

  await app.register(cookie);
  // identity: resolves request.actor from the session cookie or an API key, for every /api request
  installAuth(app, ctx);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '城运平台 API (City Operations platform)',
        version: ctx.version,
        description: '一屏观全镇、一网管全镇 — the API of a town City Operations Center. Errors are RFC 9457 problem+json with a stable code and zh/en messages.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cityops_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'Scoped API key for machine clients: Authorization: Bearer <key>' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(async (api) => registerApiRoutes(api.withTypeProvider<ZodTypeProvider>(), ctx), { prefix: '/api/v1' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerWeb(app, ctx);
  return app;
}
