/** The town's command mode (R9): everyone reads it; leaders and the emergency group change and stand it down. */
import { changeCommandModeBody, commandModeDto, commandModeQuery, standDownBody } from '../../../../contracts/command-mode.js';
import { noQuery } from '../../../../contracts/identity.js';
import { authorize } from '../../../auth/authorize.js';
import { changeCommandMode } from '../../../commands/change-command-mode.js';
import { standDownCommandMode } from '../../../commands/stand-down-command-mode.js';
import type { AppContext } from '../../../context.js';
import { findOpenPeriod, latestPeriods } from '../../../db/repositories/command-mode-repository.js';
import { presentCommandMode } from '../../../presenters/command-mode.js';
import type { Api } from '../../api-instance.js';

const tags = ['command-mode'];

export async function commandModeRoutes(api: Api, ctx: AppContext): Promise<void> {
  const read = async (limit = 20) => {
    const [current, history] = await Promise.all([findOpenPeriod(ctx.database.db, ctx.townId), latestPeriods(ctx.database.db, ctx.townId, limit)]);
    return presentCommandMode(current, history);
  };

  api.get(
    '/command-mode',
    { schema: { tags, summary: '指挥模式 The command mode in force (daily when none) and the latest periods, newest first', querystring: commandModeQuery, response: { 200: commandModeDto } } },
    async (request) => {
      await authorize(request, 'read', 'command_mode');
      return read(request.query.limit);
    },
  );

  api.post(
    '/command-mode',
    {
      bodyLimit: 16_384,
      schema: {
        tags,
        summary: '切换指挥模式 Declare joint, authorised or emergency command (kind, level Ⅳ–Ⅰ, commander and deputy from the personnel); the period in force is replaced',
        querystring: noQuery,
        body: changeCommandModeBody,
        response: { 200: commandModeDto },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'change', 'command_mode');
      await changeCommandMode(ctx, actor, request.body, request.ip);
      return read();
    },
  );

  api.post(
    '/command-mode/stand-down',
    {
      bodyLimit: 16_384,
      schema: { tags, summary: '解除 Stand the command mode in force down: back to daily command (409 when already daily)', querystring: noQuery, body: standDownBody, response: { 200: commandModeDto } },
    },
    async (request) => {
      const actor = await authorize(request, 'change', 'command_mode');
      await standDownCommandMode(ctx, actor, request.body.note ?? null, request.ip);
      return read();
    },
  );
}
