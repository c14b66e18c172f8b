/**
 * Staff of the town (from the profile's organization.yaml). Phones are masked unless the caller's
 * role may see them (policy personnel:read_phone); every unmasked read leaves a personal_data.read row.
 */
import { z } from 'zod';
import { noQuery, personnelDto, personnelParams, personnelQuery } from '../../../../contracts/identity.js';
import type { Actor } from '../../../../domain/access/actor.js';
import { can } from '../../../../domain/access/can.js';
import { maskPhone } from '../../../../domain/access/mask.js';
import { centerGroupCodes } from '../../../../domain/profile/schema.js';
import { authorize } from '../../../auth/authorize.js';
import { recordPersonalDataRead } from '../../../commands/record-audit.js';
import type { AppContext } from '../../../context.js';
import { findPersonnel, listPersonnel, type PersonnelRow } from '../../../db/repositories/personnel-repository.js';
import { problems } from '../../../http/problem.js';
import type { Api } from '../../api-instance.js';

const tags = ['organisation'];
type PersonnelDto = z.infer<typeof personnelDto>;

function present(row: PersonnelRow, actor: Actor): PersonnelDto {
  const unmasked = can(actor, 'read_phone', 'personnel', { stationCode: row.station_code, departmentCodes: [row.department_code] }).allowed;
  const grids: unknown = JSON.parse(row.grids);
  const group = centerGroupCodes.find((g) => g === row.group_code) ?? null;
  return {
    code: row.code,
    name: row.name,
    position: row.position,
    group,
    departmentCode: row.department_code,
    stationCode: row.station_code,
    phone: unmasked ? row.phone : maskPhone(row.phone),
    phoneMasked: !unmasked,
    grids: Array.isArray(grids) ? grids.map(String) : [],
  };
}

export async function personnelRoutes(api: Api, ctx: AppContext): Promise<void> {
  const audit = (actor: Actor, ip: string, shown: PersonnelDto[]) =>
    recordPersonalDataRead(ctx, { actor, resourceType: 'personnel', resourceIds: shown.filter((p) => !p.phoneMasked).map((p) => p.code), fields: ['phone'], ip });

  api.get(
    '/personnel',
    { schema: { tags, summary: '人员名录 Staff directory (phones masked unless your role may see them)', querystring: personnelQuery, response: { 200: z.array(personnelDto) } } },
    async (request) => {
      const actor = await authorize(request, 'read', 'personnel');
      const { station, department, group } = request.query;
      const rows = await listPersonnel(ctx.database.db, ctx.townId, { stationCode: station, departmentCode: department, groupCode: group });
      const shown = rows.map((r) => present(r, actor));
      await audit(actor, request.ip, shown);
      return shown;
    },
  );

  api.get(
    '/personnel/:code',
    { schema: { tags, summary: '人员详情 One staff member (phone masked unless your role may see it)', params: personnelParams, querystring: noQuery, response: { 200: personnelDto } } },
    async (request) => {
      const actor = await authorize(request, 'read', 'personnel');
      const row = await findPersonnel(ctx.database.db, ctx.townId, request.params.code);
      if (!row) throw problems.notFound({ zh: '没有这个人员', en: 'No such staff member' });
      const shown = present(row, actor);
      await audit(actor, request.ip, [shown]);
      return shown;
    },
  );
}
