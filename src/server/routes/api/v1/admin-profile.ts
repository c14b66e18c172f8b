/** Administration of the town's organisation: the profile document and section edits (system administrator). */
import { adminProfileDto, profileSectionParams, profileSectionResultDto, putProfileSectionBody } from '../../../../contracts/admin-profile.js';
import { noQuery } from '../../../../contracts/identity.js';
import { deriveDutyLists } from '../../../../domain/profile/duty-lists.js';
import { authorize } from '../../../auth/authorize.js';
import { currentProfileDocument, editProfileSection } from '../../../commands/edit-profile-section.js';
import { recordPersonalDataRead } from '../../../commands/record-audit.js';
import type { AppContext } from '../../../context.js';
import type { Api } from '../../api-instance.js';

const tags = ['admin'];
/** a whole section, grids with their geometry included */
const sectionBodyLimit = 4 * 1024 * 1024;

export async function adminProfileRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get(
    '/admin/profile',
    {
      schema: {
        tags,
        summary: '镇配置文档 The town profile as administrators edit it, with its hash and the derived duty lists',
        querystring: noQuery,
        response: { 200: adminProfileDto },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'read_document', 'profile');
      const { row, profile } = await currentProfileDocument(ctx);
      // the document holds every staff phone unmasked: the read is recorded like any unmasked read
      await recordPersonalDataRead(ctx, { actor, resourceType: 'personnel', resourceIds: profile.personnel.map((p) => p.code), fields: ['phone'], ip: request.ip });
      const duties = deriveDutyLists(profile.categories);
      return { hash: row.hash, loadedAt: row.loaded_at, loadedBy: row.loaded_by, profile: profile as unknown as Record<string, unknown>, dutyLists: Object.fromEntries(duties) };
    },
  );

  api.put(
    '/admin/profile/:section',
    {
      bodyLimit: sectionBodyLimit,
      schema: {
        tags,
        summary: '修改镇配置分节 Replace one section (stations, grids, departments, categories, personnel, roster, holidays, rules, devices); 409 when the base hash is stale, 422 with every problem',
        params: profileSectionParams,
        querystring: noQuery,
        body: putProfileSectionBody,
        response: { 200: profileSectionResultDto },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'update', 'profile');
      return editProfileSection(ctx, actor, request.params.section, request.body, request.ip);
    },
  );
}
